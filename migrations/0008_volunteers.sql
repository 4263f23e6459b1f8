CREATE TABLE "volunteer" (
	"id" uuid PRIMARY KEY NOT NULL,
	"community_id" uuid NOT NULL,
	"resident_id" uuid,
	"account_id" uuid,
	"partner_unit_id" uuid,
	"origin" text NOT NULL,
	"name" text NOT NULL,
	"gender" text,
	"birth_date" date,
	"phone_enc" text,
	"phone_idx" text,
	"phone_last4" text,
	"skills" text[] DEFAULT '{}'::text[] NOT NULL,
	"availability" text[] DEFAULT '{}'::text[] NOT NULL,
	"areas" text[] DEFAULT '{}'::text[] NOT NULL,
	"note" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"reviewed_at" timestamp with time zone,
	"reviewed_by" uuid,
	"review_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "volunteer_activity" (
	"id" uuid PRIMARY KEY NOT NULL,
	"community_id" uuid NOT NULL,
	"team_id" uuid,
	"title" text NOT NULL,
	"description" text,
	"category" text NOT NULL,
	"theme" text,
	"place" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"organizer_account_id" uuid,
	"required_skills" text[] DEFAULT '{}'::text[] NOT NULL,
	"min_age" integer,
	"max_age" integer,
	"cancel_cutoff_minutes" integer NOT NULL,
	"care_resident_id" uuid,
	"care_kind" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "volunteer_activity_time" CHECK ("volunteer_activity"."ends_at" > "volunteer_activity"."starts_at" AND "volunteer_activity"."ends_at" <= "volunteer_activity"."starts_at" + interval '24 hours'),
	CONSTRAINT "volunteer_activity_age" CHECK (("volunteer_activity"."min_age" IS NULL OR "volunteer_activity"."max_age" IS NULL OR "volunteer_activity"."min_age" <= "volunteer_activity"."max_age"))
);
--> statement-breakpoint
CREATE TABLE "volunteer_activity_slot" (
	"id" uuid PRIMARY KEY NOT NULL,
	"community_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"role" text NOT NULL,
	"capacity" integer NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "volunteer_activity_slot_capacity" CHECK ("volunteer_activity_slot"."capacity" > 0)
);
--> statement-breakpoint
CREATE TABLE "volunteer_certificate" (
	"id" uuid PRIMARY KEY NOT NULL,
	"community_id" uuid NOT NULL,
	"volunteer_id" uuid NOT NULL,
	"code" text NOT NULL,
	"masked_name" text NOT NULL,
	"confirmed_minutes" integer NOT NULL,
	"activity_count" integer NOT NULL,
	"star_level" integer NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"issued_by" uuid
);
--> statement-breakpoint
CREATE TABLE "volunteer_signup" (
	"id" uuid PRIMARY KEY NOT NULL,
	"community_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"slot_id" uuid NOT NULL,
	"volunteer_id" uuid NOT NULL,
	"status" text NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "volunteer_signup_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"promoted_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"cancelled_by" uuid,
	"checked_in_at" timestamp with time zone,
	"check_in_method" text,
	"checked_out_at" timestamp with time zone,
	"check_out_method" text,
	"recorded_minutes" integer,
	"hours_status" text DEFAULT 'none' NOT NULL,
	"confirmed_minutes" integer,
	"confirmed_at" timestamp with time zone,
	"confirmed_by" uuid,
	"correction_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "volunteer_signup_minutes" CHECK (("volunteer_signup"."confirmed_minutes" IS NULL OR "volunteer_signup"."confirmed_minutes" BETWEEN 0 AND 1440) AND ("volunteer_signup"."recorded_minutes" IS NULL OR "volunteer_signup"."recorded_minutes" >= 0)),
	CONSTRAINT "volunteer_signup_checkout" CHECK ("volunteer_signup"."checked_out_at" IS NULL OR ("volunteer_signup"."checked_in_at" IS NOT NULL AND "volunteer_signup"."checked_out_at" >= "volunteer_signup"."checked_in_at"))
);
--> statement-breakpoint
CREATE TABLE "volunteer_team" (
	"id" uuid PRIMARY KEY NOT NULL,
	"community_id" uuid NOT NULL,
	"name" text NOT NULL,
	"owner_kind" text DEFAULT 'community' NOT NULL,
	"partner_unit_id" uuid,
	"party_org_id" uuid,
	"description" text,
	"founded_on" date,
	"status" text DEFAULT 'active' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "volunteer_team_owner" CHECK (("volunteer_team"."owner_kind" <> 'partner_unit' OR "volunteer_team"."partner_unit_id" IS NOT NULL) AND ("volunteer_team"."owner_kind" <> 'party_org' OR "volunteer_team"."party_org_id" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "volunteer_team_member" (
	"community_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"volunteer_id" uuid NOT NULL,
	"role" text DEFAULT 'member' NOT NULL,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "volunteer_team_member_team_id_volunteer_id_pk" PRIMARY KEY("team_id","volunteer_id")
);
--> statement-breakpoint
ALTER TABLE "volunteer" ADD CONSTRAINT "volunteer_community_id_org_node_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."org_node"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer" ADD CONSTRAINT "volunteer_account_id_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_activity" ADD CONSTRAINT "volunteer_activity_community_id_org_node_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."org_node"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_activity" ADD CONSTRAINT "volunteer_activity_team_id_volunteer_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."volunteer_team"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_activity" ADD CONSTRAINT "volunteer_activity_organizer_account_id_account_id_fk" FOREIGN KEY ("organizer_account_id") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_activity_slot" ADD CONSTRAINT "volunteer_activity_slot_activity_id_volunteer_activity_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."volunteer_activity"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_certificate" ADD CONSTRAINT "volunteer_certificate_volunteer_id_volunteer_id_fk" FOREIGN KEY ("volunteer_id") REFERENCES "public"."volunteer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_signup" ADD CONSTRAINT "volunteer_signup_activity_id_volunteer_activity_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."volunteer_activity"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_signup" ADD CONSTRAINT "volunteer_signup_slot_id_volunteer_activity_slot_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."volunteer_activity_slot"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_signup" ADD CONSTRAINT "volunteer_signup_volunteer_id_volunteer_id_fk" FOREIGN KEY ("volunteer_id") REFERENCES "public"."volunteer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_team" ADD CONSTRAINT "volunteer_team_community_id_org_node_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."org_node"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_team_member" ADD CONSTRAINT "volunteer_team_member_team_id_volunteer_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."volunteer_team"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_team_member" ADD CONSTRAINT "volunteer_team_member_volunteer_id_volunteer_id_fk" FOREIGN KEY ("volunteer_id") REFERENCES "public"."volunteer"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "volunteer_account_key" ON "volunteer" USING btree ("community_id","account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "volunteer_resident_key" ON "volunteer" USING btree ("community_id","resident_id");--> statement-breakpoint
CREATE INDEX "volunteer_list_idx" ON "volunteer" USING btree ("community_id","status","id");--> statement-breakpoint
CREATE INDEX "volunteer_phone_idx" ON "volunteer" USING btree ("phone_idx");--> statement-breakpoint
CREATE INDEX "volunteer_account_idx" ON "volunteer" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "volunteer_activity_time_idx" ON "volunteer_activity" USING btree ("community_id","starts_at");--> statement-breakpoint
CREATE INDEX "volunteer_activity_team_idx" ON "volunteer_activity" USING btree ("team_id");--> statement-breakpoint
CREATE UNIQUE INDEX "volunteer_activity_slot_role_key" ON "volunteer_activity_slot" USING btree ("community_id","activity_id","role");--> statement-breakpoint
CREATE UNIQUE INDEX "volunteer_certificate_code_key" ON "volunteer_certificate" USING btree ("code");--> statement-breakpoint
CREATE INDEX "volunteer_certificate_volunteer_idx" ON "volunteer_certificate" USING btree ("volunteer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "volunteer_signup_once" ON "volunteer_signup" USING btree ("community_id","activity_id","volunteer_id") WHERE "volunteer_signup"."status" <> 'cancelled';--> statement-breakpoint
CREATE INDEX "volunteer_signup_slot_idx" ON "volunteer_signup" USING btree ("slot_id","status","seq");--> statement-breakpoint
CREATE INDEX "volunteer_signup_volunteer_idx" ON "volunteer_signup" USING btree ("volunteer_id","status");--> statement-breakpoint
CREATE INDEX "volunteer_signup_hours_idx" ON "volunteer_signup" USING btree ("community_id","hours_status");--> statement-breakpoint
CREATE UNIQUE INDEX "volunteer_team_name_key" ON "volunteer_team" USING btree ("community_id","name");--> statement-breakpoint
CREATE INDEX "volunteer_team_member_volunteer_idx" ON "volunteer_team_member" USING btree ("volunteer_id");
CREATE TABLE "building" (
	"id" uuid PRIMARY KEY NOT NULL,
	"community_id" uuid NOT NULL,
	"estate_id" uuid NOT NULL,
	"grid_id" uuid,
	"name" text NOT NULL,
	"floors" integer,
	"building_head_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "duty_leave" (
	"id" uuid PRIMARY KEY NOT NULL,
	"community_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "duty_leave_range" CHECK ("duty_leave"."ends_on" >= "duty_leave"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "entrance" (
	"id" uuid PRIMARY KEY NOT NULL,
	"community_id" uuid NOT NULL,
	"building_id" uuid NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "estate" (
	"id" uuid PRIMARY KEY NOT NULL,
	"community_id" uuid NOT NULL,
	"name" text NOT NULL,
	"address" text,
	"property_company" text,
	"property_phone" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "grid" (
	"id" uuid PRIMARY KEY NOT NULL,
	"community_id" uuid NOT NULL,
	"level" integer NOT NULL,
	"description" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "grid_level_range" CHECK ("grid"."level" BETWEEN 1 AND 3)
);
--> statement-breakpoint
CREATE TABLE "grid_duty" (
	"id" uuid PRIMARY KEY NOT NULL,
	"community_id" uuid NOT NULL,
	"grid_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"duty" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "household" (
	"id" uuid PRIMARY KEY NOT NULL,
	"community_id" uuid NOT NULL,
	"grid_id" uuid,
	"building_id" uuid NOT NULL,
	"entrance_id" uuid,
	"room" text NOT NULL,
	"residency" text DEFAULT 'permanent' NOT NULL,
	"head_resident_id" uuid,
	"notes" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "household_membership" (
	"id" uuid PRIMARY KEY NOT NULL,
	"community_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"resident_id" uuid NOT NULL,
	"relation_to_head" text,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	"left_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "resident" (
	"id" uuid PRIMARY KEY NOT NULL,
	"community_id" uuid NOT NULL,
	"grid_id" uuid,
	"household_id" uuid,
	"relation_to_head" text,
	"name" text NOT NULL,
	"name_pinyin" text NOT NULL,
	"name_initials" text NOT NULL,
	"gender" text NOT NULL,
	"birth_date" date,
	"id_number_enc" text,
	"id_number_idx" text,
	"id_number_last4" text,
	"phone_enc" text,
	"phone_idx" text,
	"phone_last4" text,
	"ethnicity" text,
	"political_status" text,
	"residency" text DEFAULT 'permanent' NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"notes" text,
	"status" text DEFAULT 'active' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "building" ADD CONSTRAINT "building_community_id_org_node_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."org_node"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "building" ADD CONSTRAINT "building_estate_id_estate_id_fk" FOREIGN KEY ("estate_id") REFERENCES "public"."estate"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "building" ADD CONSTRAINT "building_grid_id_grid_id_fk" FOREIGN KEY ("grid_id") REFERENCES "public"."grid"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_leave" ADD CONSTRAINT "duty_leave_account_id_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entrance" ADD CONSTRAINT "entrance_building_id_building_id_fk" FOREIGN KEY ("building_id") REFERENCES "public"."building"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "estate" ADD CONSTRAINT "estate_community_id_org_node_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."org_node"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grid" ADD CONSTRAINT "grid_id_org_node_id_fk" FOREIGN KEY ("id") REFERENCES "public"."org_node"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grid" ADD CONSTRAINT "grid_community_id_org_node_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."org_node"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grid_duty" ADD CONSTRAINT "grid_duty_grid_id_grid_id_fk" FOREIGN KEY ("grid_id") REFERENCES "public"."grid"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grid_duty" ADD CONSTRAINT "grid_duty_account_id_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household" ADD CONSTRAINT "household_community_id_org_node_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."org_node"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household" ADD CONSTRAINT "household_building_id_building_id_fk" FOREIGN KEY ("building_id") REFERENCES "public"."building"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household" ADD CONSTRAINT "household_entrance_id_entrance_id_fk" FOREIGN KEY ("entrance_id") REFERENCES "public"."entrance"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_membership" ADD CONSTRAINT "household_membership_household_id_household_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."household"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_membership" ADD CONSTRAINT "household_membership_resident_id_resident_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."resident"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resident" ADD CONSTRAINT "resident_community_id_org_node_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."org_node"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resident" ADD CONSTRAINT "resident_household_id_household_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."household"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "building_name_key" ON "building" USING btree ("community_id","estate_id","name");--> statement-breakpoint
CREATE INDEX "building_grid_idx" ON "building" USING btree ("grid_id");--> statement-breakpoint
CREATE INDEX "duty_leave_account_idx" ON "duty_leave" USING btree ("account_id","starts_on");--> statement-breakpoint
CREATE UNIQUE INDEX "entrance_name_key" ON "entrance" USING btree ("community_id","building_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "estate_name_key" ON "estate" USING btree ("community_id","name");--> statement-breakpoint
CREATE INDEX "grid_community_idx" ON "grid" USING btree ("community_id");--> statement-breakpoint
CREATE UNIQUE INDEX "grid_duty_one_per_kind" ON "grid_duty" USING btree ("community_id","grid_id","duty");--> statement-breakpoint
CREATE INDEX "grid_duty_account_idx" ON "grid_duty" USING btree ("account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "household_address_key" ON "household" USING btree ("community_id","building_id","entrance_id","room");--> statement-breakpoint
CREATE INDEX "household_grid_idx" ON "household" USING btree ("community_id","grid_id");--> statement-breakpoint
CREATE INDEX "household_membership_resident_idx" ON "household_membership" USING btree ("resident_id");--> statement-breakpoint
CREATE INDEX "household_membership_household_idx" ON "household_membership" USING btree ("household_id");--> statement-breakpoint
CREATE UNIQUE INDEX "resident_id_number_key" ON "resident" USING btree ("community_id","id_number_idx");--> statement-breakpoint
CREATE INDEX "resident_scope_idx" ON "resident" USING btree ("community_id","grid_id","id");--> statement-breakpoint
CREATE INDEX "resident_household_idx" ON "resident" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "resident_phone_idx" ON "resident" USING btree ("phone_idx");--> statement-breakpoint
CREATE INDEX "resident_birth_idx" ON "resident" USING btree ("community_id","birth_date");--> statement-breakpoint
CREATE INDEX "resident_tags_idx" ON "resident" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "resident_name_trgm" ON "resident" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "resident_pinyin_trgm" ON "resident" USING gin ("name_pinyin" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "resident_initials_idx" ON "resident" USING btree ("community_id","name_initials");
CREATE TABLE "activation_code" (
	"id" uuid PRIMARY KEY NOT NULL,
	"community_id" uuid NOT NULL,
	"resident_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"code_idx" text NOT NULL,
	"code_enc" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "phone_verification" (
	"id" uuid PRIMARY KEY NOT NULL,
	"phone_idx" text NOT NULL,
	"code_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"consumed_at" timestamp with time zone,
	"ip" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resident_reveal" (
	"id" uuid PRIMARY KEY NOT NULL,
	"community_id" uuid NOT NULL,
	"resident_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"field" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reveal_alert" (
	"id" uuid PRIMARY KEY NOT NULL,
	"community_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"reveals" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "visit" (
	"id" uuid PRIMARY KEY NOT NULL,
	"community_id" uuid NOT NULL,
	"grid_id" uuid,
	"household_id" uuid NOT NULL,
	"resident_id" uuid,
	"visitor_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"visited_at" timestamp with time zone NOT NULL,
	"findings" text DEFAULT '' NOT NULL,
	"follow_up_needed" boolean DEFAULT false NOT NULL,
	"photo_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "visit_rule" (
	"id" uuid PRIMARY KEY NOT NULL,
	"community_id" uuid NOT NULL,
	"tag" text NOT NULL,
	"interval_days" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "visit_rule_interval" CHECK ("visit_rule"."interval_days" BETWEEN 1 AND 366)
);
--> statement-breakpoint
CREATE TABLE "upload" (
	"id" uuid PRIMARY KEY NOT NULL,
	"community_id" uuid NOT NULL,
	"owner_account_id" uuid NOT NULL,
	"sha256" text NOT NULL,
	"mime" text NOT NULL,
	"bytes" integer NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "grid_duty" ADD COLUMN "service_phone" text;--> statement-breakpoint
ALTER TABLE "household" ADD COLUMN "address_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "resident" ADD COLUMN "building_id" uuid;--> statement-breakpoint
ALTER TABLE "activation_code" ADD CONSTRAINT "activation_code_resident_id_resident_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."resident"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activation_code" ADD CONSTRAINT "activation_code_account_id_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."account"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resident_reveal" ADD CONSTRAINT "resident_reveal_resident_id_resident_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."resident"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resident_reveal" ADD CONSTRAINT "resident_reveal_account_id_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reveal_alert" ADD CONSTRAINT "reveal_alert_account_id_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit" ADD CONSTRAINT "visit_community_id_org_node_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."org_node"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit" ADD CONSTRAINT "visit_household_id_household_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."household"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit" ADD CONSTRAINT "visit_resident_id_resident_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."resident"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit" ADD CONSTRAINT "visit_visitor_id_account_id_fk" FOREIGN KEY ("visitor_id") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_rule" ADD CONSTRAINT "visit_rule_community_id_org_node_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."org_node"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "upload" ADD CONSTRAINT "upload_community_id_org_node_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."org_node"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "upload" ADD CONSTRAINT "upload_owner_account_id_account_id_fk" FOREIGN KEY ("owner_account_id") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "activation_code_idx_key" ON "activation_code" USING btree ("code_idx");--> statement-breakpoint
CREATE INDEX "activation_code_resident_idx" ON "activation_code" USING btree ("resident_id");--> statement-breakpoint
CREATE INDEX "phone_verification_phone_idx" ON "phone_verification" USING btree ("phone_idx","created_at");--> statement-breakpoint
CREATE INDEX "phone_verification_ip_idx" ON "phone_verification" USING btree ("ip","created_at");--> statement-breakpoint
CREATE INDEX "resident_reveal_account_idx" ON "resident_reveal" USING btree ("account_id","at");--> statement-breakpoint
CREATE INDEX "resident_reveal_resident_idx" ON "resident_reveal" USING btree ("resident_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "reveal_alert_window_key" ON "reveal_alert" USING btree ("account_id","window_start");--> statement-breakpoint
CREATE INDEX "reveal_alert_community_idx" ON "reveal_alert" USING btree ("community_id","created_at");--> statement-breakpoint
CREATE INDEX "visit_household_idx" ON "visit" USING btree ("household_id","visited_at");--> statement-breakpoint
CREATE INDEX "visit_scope_idx" ON "visit" USING btree ("community_id","grid_id","visited_at","id");--> statement-breakpoint
CREATE INDEX "visit_visitor_idx" ON "visit" USING btree ("visitor_id","visited_at");--> statement-breakpoint
CREATE UNIQUE INDEX "visit_rule_tag_key" ON "visit_rule" USING btree ("community_id","tag");--> statement-breakpoint
CREATE UNIQUE INDEX "upload_owner_content_key" ON "upload" USING btree ("community_id","owner_account_id","sha256");--> statement-breakpoint
CREATE INDEX "upload_sha256_idx" ON "upload" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "household_building_idx" ON "household" USING btree ("building_id","address_text","id");--> statement-breakpoint
CREATE INDEX "household_address_trgm" ON "household" USING gin ("address_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "resident_community_id_idx" ON "resident" USING btree ("community_id","id");--> statement-breakpoint
CREATE INDEX "resident_building_idx" ON "resident" USING btree ("building_id","id");--> statement-breakpoint
CREATE INDEX "resident_name_prefix" ON "resident" USING btree ("community_id","name" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "resident_pinyin_prefix" ON "resident" USING btree ("community_id","name_pinyin" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "resident_initials_prefix" ON "resident" USING btree ("community_id","name_initials" text_pattern_ops);
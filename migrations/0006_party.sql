CREATE TABLE "evaluation_comment_pool" (
	"round_id" uuid PRIMARY KEY NOT NULL,
	"community_id" uuid NOT NULL,
	"comments" text[] DEFAULT '{}'::text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_participation" (
	"id" uuid PRIMARY KEY NOT NULL,
	"community_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_round" (
	"id" uuid PRIMARY KEY NOT NULL,
	"community_id" uuid NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"lecture_id" uuid,
	"questions" jsonb NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"eligible_count" integer NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluation_round_period" CHECK ("evaluation_round"."closes_at" > "evaluation_round"."opens_at")
);
--> statement-breakpoint
CREATE TABLE "evaluation_subject" (
	"round_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	CONSTRAINT "evaluation_subject_round_id_member_id_pk" PRIMARY KEY("round_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "evaluation_tally" (
	"round_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"subject_key" text DEFAULT '' NOT NULL,
	"question_key" text NOT NULL,
	"value" text NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "evaluation_tally_round_id_subject_key_question_key_value_pk" PRIMARY KEY("round_id","subject_key","question_key","value")
);
--> statement-breakpoint
CREATE TABLE "joint_meeting" (
	"id" uuid PRIMARY KEY NOT NULL,
	"community_id" uuid NOT NULL,
	"title" text NOT NULL,
	"held_at" timestamp with time zone NOT NULL,
	"location" text,
	"agenda" text,
	"minutes" text,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "joint_meeting_attendee" (
	"id" uuid PRIMARY KEY NOT NULL,
	"community_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"party" text NOT NULL,
	"name" text NOT NULL,
	"organization" text
);
--> statement-breakpoint
CREATE TABLE "lecture_check_in" (
	"id" uuid PRIMARY KEY NOT NULL,
	"community_id" uuid NOT NULL,
	"lecture_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"checked_in_at" timestamp with time zone DEFAULT now() NOT NULL,
	"late" boolean DEFAULT false NOT NULL,
	"recorded_by" uuid,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "meeting_action_item" (
	"id" uuid PRIMARY KEY NOT NULL,
	"community_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"decision" text NOT NULL,
	"owner_party" text NOT NULL,
	"owner_name" text NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"done_at" timestamp with time zone,
	"done_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "micro_lecture" (
	"id" uuid PRIMARY KEY NOT NULL,
	"community_id" uuid NOT NULL,
	"issue_no" integer NOT NULL,
	"title" text NOT NULL,
	"lecturer_member_id" uuid,
	"scheduled_at" timestamp with time zone NOT NULL,
	"checkin_opens_at" timestamp with time zone NOT NULL,
	"checkin_closes_at" timestamp with time zone NOT NULL,
	"materials" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"reminded_at" timestamp with time zone,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "micro_lecture_window" CHECK ("micro_lecture"."checkin_closes_at" > "micro_lecture"."checkin_opens_at")
);
--> statement-breakpoint
CREATE TABLE "party_dues" (
	"id" uuid PRIMARY KEY NOT NULL,
	"community_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"month" date NOT NULL,
	"amount_fen" integer NOT NULL,
	"paid_at" timestamp with time zone DEFAULT now() NOT NULL,
	"recorded_by" uuid,
	CONSTRAINT "party_dues_amount" CHECK ("party_dues"."amount_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "party_member" (
	"id" uuid PRIMARY KEY NOT NULL,
	"community_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"resident_id" uuid,
	"account_id" uuid,
	"name" text NOT NULL,
	"gender" text,
	"phone_enc" text,
	"phone_idx" text,
	"phone_last4" text,
	"id_number_enc" text,
	"id_number_idx" text,
	"id_number_last4" text,
	"status" text NOT NULL,
	"joined_on" date NOT NULL,
	"full_on" date,
	"membership" text NOT NULL,
	"workplace" text,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"enrolled_at" timestamp with time zone DEFAULT now() NOT NULL,
	"left_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "party_member_full_on" CHECK ("party_member"."status" = 'full' OR "party_member"."full_on" IS NULL)
);
--> statement-breakpoint
CREATE TABLE "party_org" (
	"id" uuid PRIMARY KEY NOT NULL,
	"community_id" uuid NOT NULL,
	"parent_id" uuid,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"path" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "party_org_building" (
	"community_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"building_id" uuid NOT NULL,
	CONSTRAINT "party_org_building_org_id_building_id_pk" PRIMARY KEY("org_id","building_id")
);
--> statement-breakpoint
CREATE TABLE "party_org_officer" (
	"id" uuid PRIMARY KEY NOT NULL,
	"community_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"role" text NOT NULL,
	"term_start" date NOT NULL,
	"term_end" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "party_org_officer_term" CHECK ("party_org_officer"."term_end" IS NULL OR "party_org_officer"."term_end" >= "party_org_officer"."term_start")
);
--> statement-breakpoint
CREATE TABLE "party_point_entry" (
	"id" uuid PRIMARY KEY NOT NULL,
	"community_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"source" text NOT NULL,
	"source_id" text NOT NULL,
	"quantity" numeric(10, 2) NOT NULL,
	"points" numeric(10, 2) NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "party_point_rule" (
	"community_id" uuid NOT NULL,
	"source" text NOT NULL,
	"points_per_unit" numeric(8, 2) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "party_point_rule_community_id_source_pk" PRIMARY KEY("community_id","source")
);
--> statement-breakpoint
CREATE TABLE "party_settings" (
	"community_id" uuid PRIMARY KEY NOT NULL,
	"lecture_weekday" integer DEFAULT 4 NOT NULL,
	"lecture_time" text DEFAULT '20:00' NOT NULL,
	"checkin_opens_minutes" integer DEFAULT 10 NOT NULL,
	"checkin_closes_minutes" integer DEFAULT 10 NOT NULL,
	"reminder_minutes" integer DEFAULT 60 NOT NULL,
	"last_issue_no" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "party_settings_weekday" CHECK ("party_settings"."lecture_weekday" BETWEEN 1 AND 7),
	CONSTRAINT "party_settings_time" CHECK ("party_settings"."lecture_time" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
	CONSTRAINT "party_settings_window" CHECK ("party_settings"."checkin_opens_minutes" >= 0 AND "party_settings"."checkin_closes_minutes" > 0)
);
--> statement-breakpoint
CREATE TABLE "report_in" (
	"id" uuid PRIMARY KEY NOT NULL,
	"community_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"resident_id" uuid,
	"name" text NOT NULL,
	"phone_enc" text,
	"phone_idx" text,
	"phone_last4" text,
	"workplace" text NOT NULL,
	"building_id" uuid,
	"suggested_org_id" uuid,
	"party_status" text NOT NULL,
	"joined_on" date NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"reason" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"member_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_post" (
	"id" uuid PRIMARY KEY NOT NULL,
	"community_id" uuid NOT NULL,
	"org_id" uuid,
	"building_id" uuid,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"capacity" integer NOT NULL,
	"claimed_count" integer DEFAULT 0 NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_post_capacity" CHECK ("service_post"."capacity" > 0 AND "service_post"."claimed_count" BETWEEN 0 AND "service_post"."capacity"),
	CONSTRAINT "service_post_period" CHECK ("service_post"."ends_at" > "service_post"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "service_post_claim" (
	"id" uuid PRIMARY KEY NOT NULL,
	"community_id" uuid NOT NULL,
	"post_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"status" text DEFAULT 'claimed' NOT NULL,
	"claimed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"done_at" timestamp with time zone,
	"confirmed_by" uuid
);
--> statement-breakpoint
CREATE TABLE "bin" (
	"id" uuid PRIMARY KEY NOT NULL,
	"community_id" uuid NOT NULL,
	"drop_point_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"code" text NOT NULL,
	"status" text DEFAULT 'in_service' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "drop_point" (
	"id" uuid PRIMARY KEY NOT NULL,
	"community_id" uuid NOT NULL,
	"estate_id" uuid,
	"name" text NOT NULL,
	"location" text,
	"hours" text,
	"status" text DEFAULT 'active' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "drop_point_building" (
	"community_id" uuid NOT NULL,
	"drop_point_id" uuid NOT NULL,
	"building_id" uuid NOT NULL,
	CONSTRAINT "drop_point_building_community_id_building_id_pk" PRIMARY KEY("community_id","building_id")
);
--> statement-breakpoint
CREATE TABLE "sorting_record" (
	"id" uuid PRIMARY KEY NOT NULL,
	"community_id" uuid NOT NULL,
	"drop_point_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"day" date NOT NULL,
	"result" text NOT NULL,
	"issue" text,
	"note" text,
	"recorded_by" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "waste_reward" (
	"id" uuid PRIMARY KEY NOT NULL,
	"community_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"day" date NOT NULL,
	"amount_fen" integer NOT NULL,
	"sorting_record_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "waste_reward_positive" CHECK ("waste_reward"."amount_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "waste_reward_rule" (
	"community_id" uuid PRIMARY KEY NOT NULL,
	"amount_per_day_fen" integer DEFAULT 30 NOT NULL,
	"funding_source" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "waste_supervisor" (
	"id" uuid PRIMARY KEY NOT NULL,
	"community_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"resident_id" uuid,
	"drop_point_id" uuid,
	"status" text DEFAULT 'applicant' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "evaluation_comment_pool" ADD CONSTRAINT "evaluation_comment_pool_round_id_evaluation_round_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."evaluation_round"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_participation" ADD CONSTRAINT "evaluation_participation_round_id_evaluation_round_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."evaluation_round"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_participation" ADD CONSTRAINT "evaluation_participation_member_id_party_member_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."party_member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_round" ADD CONSTRAINT "evaluation_round_community_id_org_node_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."org_node"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_round" ADD CONSTRAINT "evaluation_round_lecture_id_micro_lecture_id_fk" FOREIGN KEY ("lecture_id") REFERENCES "public"."micro_lecture"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_subject" ADD CONSTRAINT "evaluation_subject_round_id_evaluation_round_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."evaluation_round"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_subject" ADD CONSTRAINT "evaluation_subject_member_id_party_member_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."party_member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_tally" ADD CONSTRAINT "evaluation_tally_round_id_evaluation_round_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."evaluation_round"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_meeting" ADD CONSTRAINT "joint_meeting_community_id_org_node_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."org_node"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_meeting_attendee" ADD CONSTRAINT "joint_meeting_attendee_meeting_id_joint_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."joint_meeting"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lecture_check_in" ADD CONSTRAINT "lecture_check_in_lecture_id_micro_lecture_id_fk" FOREIGN KEY ("lecture_id") REFERENCES "public"."micro_lecture"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lecture_check_in" ADD CONSTRAINT "lecture_check_in_member_id_party_member_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."party_member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_action_item" ADD CONSTRAINT "meeting_action_item_meeting_id_joint_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."joint_meeting"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "micro_lecture" ADD CONSTRAINT "micro_lecture_community_id_org_node_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."org_node"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "micro_lecture" ADD CONSTRAINT "micro_lecture_lecturer_member_id_party_member_id_fk" FOREIGN KEY ("lecturer_member_id") REFERENCES "public"."party_member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_dues" ADD CONSTRAINT "party_dues_member_id_party_member_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."party_member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_member" ADD CONSTRAINT "party_member_community_id_org_node_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."org_node"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_member" ADD CONSTRAINT "party_member_org_id_party_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."party_org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_member" ADD CONSTRAINT "party_member_resident_id_resident_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."resident"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_member" ADD CONSTRAINT "party_member_account_id_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_org" ADD CONSTRAINT "party_org_community_id_org_node_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."org_node"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_org" ADD CONSTRAINT "party_org_parent_id_party_org_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."party_org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_org_building" ADD CONSTRAINT "party_org_building_org_id_party_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."party_org"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_org_building" ADD CONSTRAINT "party_org_building_building_id_building_id_fk" FOREIGN KEY ("building_id") REFERENCES "public"."building"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_org_officer" ADD CONSTRAINT "party_org_officer_org_id_party_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."party_org"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_org_officer" ADD CONSTRAINT "party_org_officer_member_id_party_member_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."party_member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_point_entry" ADD CONSTRAINT "party_point_entry_member_id_party_member_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."party_member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_point_rule" ADD CONSTRAINT "party_point_rule_community_id_org_node_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."org_node"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_settings" ADD CONSTRAINT "party_settings_community_id_org_node_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."org_node"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_in" ADD CONSTRAINT "report_in_community_id_org_node_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."org_node"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_in" ADD CONSTRAINT "report_in_account_id_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_in" ADD CONSTRAINT "report_in_building_id_building_id_fk" FOREIGN KEY ("building_id") REFERENCES "public"."building"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_in" ADD CONSTRAINT "report_in_suggested_org_id_party_org_id_fk" FOREIGN KEY ("suggested_org_id") REFERENCES "public"."party_org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_in" ADD CONSTRAINT "report_in_member_id_party_member_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."party_member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_post" ADD CONSTRAINT "service_post_community_id_org_node_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."org_node"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_post" ADD CONSTRAINT "service_post_org_id_party_org_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."party_org"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_post" ADD CONSTRAINT "service_post_building_id_building_id_fk" FOREIGN KEY ("building_id") REFERENCES "public"."building"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_post_claim" ADD CONSTRAINT "service_post_claim_post_id_service_post_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."service_post"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_post_claim" ADD CONSTRAINT "service_post_claim_member_id_party_member_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."party_member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bin" ADD CONSTRAINT "bin_drop_point_id_drop_point_id_fk" FOREIGN KEY ("drop_point_id") REFERENCES "public"."drop_point"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drop_point" ADD CONSTRAINT "drop_point_community_id_org_node_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."org_node"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drop_point_building" ADD CONSTRAINT "drop_point_building_drop_point_id_drop_point_id_fk" FOREIGN KEY ("drop_point_id") REFERENCES "public"."drop_point"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sorting_record" ADD CONSTRAINT "sorting_record_drop_point_id_drop_point_id_fk" FOREIGN KEY ("drop_point_id") REFERENCES "public"."drop_point"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waste_supervisor" ADD CONSTRAINT "waste_supervisor_account_id_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waste_supervisor" ADD CONSTRAINT "waste_supervisor_drop_point_id_drop_point_id_fk" FOREIGN KEY ("drop_point_id") REFERENCES "public"."drop_point"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_participation_key" ON "evaluation_participation" USING btree ("round_id","member_id");--> statement-breakpoint
CREATE INDEX "evaluation_round_time_idx" ON "evaluation_round" USING btree ("community_id","opens_at");--> statement-breakpoint
CREATE INDEX "joint_meeting_time_idx" ON "joint_meeting" USING btree ("community_id","held_at","id");--> statement-breakpoint
CREATE INDEX "joint_meeting_attendee_meeting_idx" ON "joint_meeting_attendee" USING btree ("meeting_id");--> statement-breakpoint
CREATE UNIQUE INDEX "lecture_check_in_key" ON "lecture_check_in" USING btree ("lecture_id","member_id");--> statement-breakpoint
CREATE INDEX "lecture_check_in_member_idx" ON "lecture_check_in" USING btree ("community_id","member_id");--> statement-breakpoint
CREATE INDEX "meeting_action_item_meeting_idx" ON "meeting_action_item" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "meeting_action_item_open_idx" ON "meeting_action_item" USING btree ("community_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "micro_lecture_issue_key" ON "micro_lecture" USING btree ("community_id","issue_no");--> statement-breakpoint
CREATE INDEX "micro_lecture_time_idx" ON "micro_lecture" USING btree ("community_id","scheduled_at");--> statement-breakpoint
CREATE UNIQUE INDEX "party_dues_month_key" ON "party_dues" USING btree ("member_id","month");--> statement-breakpoint
CREATE UNIQUE INDEX "party_member_account_key" ON "party_member" USING btree ("community_id","account_id") WHERE "party_member"."account_id" IS NOT NULL AND "party_member"."left_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "party_member_resident_key" ON "party_member" USING btree ("community_id","resident_id") WHERE "party_member"."resident_id" IS NOT NULL AND "party_member"."left_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "party_member_id_number_key" ON "party_member" USING btree ("community_id","id_number_idx") WHERE "party_member"."id_number_idx" IS NOT NULL AND "party_member"."left_at" IS NULL;--> statement-breakpoint
CREATE INDEX "party_member_org_idx" ON "party_member" USING btree ("community_id","org_id");--> statement-breakpoint
CREATE INDEX "party_member_name_idx" ON "party_member" USING btree ("community_id","name","id");--> statement-breakpoint
CREATE INDEX "party_member_account_idx" ON "party_member" USING btree ("account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "party_org_name_key" ON "party_org" USING btree ("community_id","name");--> statement-breakpoint
CREATE INDEX "party_org_path_idx" ON "party_org" USING btree ("community_id","path");--> statement-breakpoint
CREATE UNIQUE INDEX "party_org_building_key" ON "party_org_building" USING btree ("community_id","building_id");--> statement-breakpoint
CREATE INDEX "party_org_officer_org_idx" ON "party_org_officer" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "party_org_officer_member_idx" ON "party_org_officer" USING btree ("member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "party_point_entry_source_key" ON "party_point_entry" USING btree ("community_id","source","source_id");--> statement-breakpoint
CREATE INDEX "party_point_entry_member_idx" ON "party_point_entry" USING btree ("community_id","member_id","occurred_at");--> statement-breakpoint
CREATE UNIQUE INDEX "report_in_open_key" ON "report_in" USING btree ("community_id","account_id") WHERE "report_in"."status" IN ('pending', 'approved');--> statement-breakpoint
CREATE INDEX "report_in_queue_idx" ON "report_in" USING btree ("community_id","status","created_at");--> statement-breakpoint
CREATE INDEX "service_post_time_idx" ON "service_post" USING btree ("community_id","starts_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "service_post_claim_live_key" ON "service_post_claim" USING btree ("post_id","member_id") WHERE "service_post_claim"."status" <> 'withdrawn';--> statement-breakpoint
CREATE INDEX "service_post_claim_member_idx" ON "service_post_claim" USING btree ("community_id","member_id");--> statement-breakpoint
CREATE INDEX "service_post_claim_post_idx" ON "service_post_claim" USING btree ("post_id");--> statement-breakpoint
CREATE UNIQUE INDEX "bin_code_key" ON "bin" USING btree ("community_id","code");--> statement-breakpoint
CREATE INDEX "bin_point_idx" ON "bin" USING btree ("drop_point_id");--> statement-breakpoint
CREATE UNIQUE INDEX "drop_point_name_key" ON "drop_point" USING btree ("community_id","name");--> statement-breakpoint
CREATE INDEX "drop_point_building_point_idx" ON "drop_point_building" USING btree ("drop_point_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sorting_record_household_day_key" ON "sorting_record" USING btree ("community_id","household_id","day");--> statement-breakpoint
CREATE INDEX "sorting_record_point_day_idx" ON "sorting_record" USING btree ("drop_point_id","day");--> statement-breakpoint
CREATE INDEX "sorting_record_day_idx" ON "sorting_record" USING btree ("community_id","day");--> statement-breakpoint
CREATE UNIQUE INDEX "waste_reward_household_day_key" ON "waste_reward" USING btree ("community_id","household_id","day");--> statement-breakpoint
CREATE UNIQUE INDEX "waste_supervisor_account_key" ON "waste_supervisor" USING btree ("community_id","account_id");--> statement-breakpoint
CREATE INDEX "waste_supervisor_point_idx" ON "waste_supervisor" USING btree ("drop_point_id");
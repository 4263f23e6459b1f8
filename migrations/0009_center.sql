CREATE TABLE "mfa_challenge" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"ip" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mfa_factor" (
	"account_id" uuid PRIMARY KEY NOT NULL,
	"secret_enc" text NOT NULL,
	"enabled_at" timestamp with time zone,
	"last_time_step" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mfa_recovery_code" (
	"id" uuid PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"code_hash" text NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assistance_application" (
	"id" uuid PRIMARY KEY NOT NULL,
	"community_id" uuid NOT NULL,
	"grid_id" uuid,
	"household_id" uuid NOT NULL,
	"care_file_id" uuid,
	"applicant_resident_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"reason" text NOT NULL,
	"requested_amount_fen" integer,
	"amount_fen" integer,
	"start_month" text,
	"document_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"created_by" uuid NOT NULL,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone,
	"notice_starts_at" timestamp with time zone,
	"notice_ends_at" timestamp with time zone,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"reject_reason" text,
	"review_due_on" date,
	"reminded_for_due_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assistance_amount_positive" CHECK ("assistance_application"."amount_fen" IS NULL OR "assistance_application"."amount_fen" > 0),
	CONSTRAINT "assistance_requested_positive" CHECK ("assistance_application"."requested_amount_fen" IS NULL OR "assistance_application"."requested_amount_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "assistance_objection" (
	"id" uuid PRIMARY KEY NOT NULL,
	"community_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"content" text NOT NULL,
	"raised_by" text,
	"recorded_by" uuid,
	"recorded_by_name" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assistance_step" (
	"id" uuid PRIMARY KEY NOT NULL,
	"community_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_status" text NOT NULL,
	"to_status" text NOT NULL,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"note" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "care_condition" (
	"id" uuid PRIMARY KEY NOT NULL,
	"community_id" uuid NOT NULL,
	"grid_id" uuid,
	"care_file_id" uuid NOT NULL,
	"resident_id" uuid NOT NULL,
	"restricted" boolean DEFAULT false NOT NULL,
	"kind" text,
	"kind_idx" text NOT NULL,
	"detail_enc" text NOT NULL,
	"since" date,
	"status" text DEFAULT 'active' NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "care_condition_restricted_has_no_kind" CHECK ("care_condition"."restricted" = ("care_condition"."kind" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "care_file" (
	"id" uuid PRIMARY KEY NOT NULL,
	"community_id" uuid NOT NULL,
	"grid_id" uuid,
	"household_id" uuid NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"categories" text[] DEFAULT '{}'::text[] NOT NULL,
	"monthly_income_fen" integer,
	"income_notes" text,
	"housing_kind" text,
	"housing_area_m2" integer,
	"housing_notes" text,
	"needs" text[] DEFAULT '{}'::text[] NOT NULL,
	"needs_notes" text,
	"summary" text,
	"opened_by" uuid,
	"closed_at" timestamp with time zone,
	"close_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "care_file_income_range" CHECK ("care_file"."monthly_income_fen" IS NULL OR "care_file"."monthly_income_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "care_file_version" (
	"id" uuid PRIMARY KEY NOT NULL,
	"community_id" uuid NOT NULL,
	"care_file_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"changes" jsonb,
	"changed_by" uuid,
	"changed_by_name" text NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "care_service" (
	"id" uuid PRIMARY KEY NOT NULL,
	"community_id" uuid NOT NULL,
	"grid_id" uuid,
	"household_id" uuid,
	"resident_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"duration_minutes" integer,
	"content" text NOT NULL,
	"restricted" boolean DEFAULT false NOT NULL,
	"condition_id" uuid,
	"photo_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"provider_id" uuid,
	"provider_name" text NOT NULL,
	"provider_role" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "care_service_duration" CHECK ("care_service"."duration_minutes" IS NULL OR "care_service"."duration_minutes" > 0)
);
--> statement-breakpoint
CREATE TABLE "consolation" (
	"id" uuid PRIMARY KEY NOT NULL,
	"community_id" uuid NOT NULL,
	"name" text NOT NULL,
	"occasion" text NOT NULL,
	"year" integer NOT NULL,
	"event_date" date,
	"criteria" jsonb NOT NULL,
	"gift_description" text,
	"default_amount_fen" integer,
	"max_amount_fen" integer NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consolation_cap_positive" CHECK ("consolation"."max_amount_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "consolation_handover" (
	"id" uuid PRIMARY KEY NOT NULL,
	"community_id" uuid NOT NULL,
	"grid_id" uuid,
	"consolation_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"gift" text,
	"amount_fen" integer,
	"photo_id" uuid,
	"signature_id" uuid,
	"delivered_by" uuid,
	"delivered_by_name" text NOT NULL,
	"delivered_at" timestamp with time zone NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consolation_handover_amount" CHECK ("consolation_handover"."amount_fen" IS NULL OR "consolation_handover"."amount_fen" > 0),
	CONSTRAINT "consolation_handover_what" CHECK ("consolation_handover"."amount_fen" IS NOT NULL OR "consolation_handover"."gift" IS NOT NULL),
	CONSTRAINT "consolation_handover_proof" CHECK ("consolation_handover"."photo_id" IS NOT NULL OR "consolation_handover"."signature_id" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "consolation_target" (
	"id" uuid PRIMARY KEY NOT NULL,
	"community_id" uuid NOT NULL,
	"grid_id" uuid,
	"consolation_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"matched" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wish" (
	"id" uuid PRIMARY KEY NOT NULL,
	"community_id" uuid NOT NULL,
	"grid_id" uuid,
	"household_id" uuid,
	"wisher_resident_id" uuid NOT NULL,
	"wisher_account_id" uuid,
	"posted_by" uuid NOT NULL,
	"title" text NOT NULL,
	"story" text,
	"category" text NOT NULL,
	"price_fen" integer NOT NULL,
	"status" text DEFAULT 'pending_review' NOT NULL,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"reject_reason" text,
	"claimed_by" uuid,
	"claimed_by_name" text,
	"claimed_partner_unit_id" uuid,
	"claimed_partner_unit_name" text,
	"claimed_at" timestamp with time zone,
	"fulfilled_at" timestamp with time zone,
	"fulfilment_photo_id" uuid,
	"fulfilment_note" text,
	"confirmed_at" timestamp with time zone,
	"confirmed_by" uuid,
	"thanks" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "wish_price_positive" CHECK ("wish"."price_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "canteen" (
	"id" uuid PRIMARY KEY NOT NULL,
	"community_id" uuid NOT NULL,
	"center_id" uuid NOT NULL,
	"name" text NOT NULL,
	"seats_per_sitting" integer NOT NULL,
	"order_cutoff" text DEFAULT '09:30' NOT NULL,
	"theme" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "canteen_seats_positive" CHECK ("canteen"."seats_per_sitting" > 0)
);
--> statement-breakpoint
CREATE TABLE "canteen_menu" (
	"id" uuid PRIMARY KEY NOT NULL,
	"community_id" uuid NOT NULL,
	"canteen_id" uuid NOT NULL,
	"served_on" date NOT NULL,
	"meal" text NOT NULL,
	"dishes" text[] DEFAULT '{}'::text[] NOT NULL,
	"price_fen" integer NOT NULL,
	"seats" integer NOT NULL,
	"order_cutoff_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "canteen_menu_price_not_negative" CHECK ("canteen_menu"."price_fen" >= 0),
	CONSTRAINT "canteen_menu_seats_positive" CHECK ("canteen_menu"."seats" > 0)
);
--> statement-breakpoint
CREATE TABLE "center_satisfaction" (
	"id" uuid PRIMARY KEY NOT NULL,
	"community_id" uuid NOT NULL,
	"center_id" uuid NOT NULL,
	"subject_kind" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"resident_id" uuid NOT NULL,
	"theme" text,
	"score" integer NOT NULL,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "center_satisfaction_score_range" CHECK ("center_satisfaction"."score" BETWEEN 1 AND 5)
);
--> statement-breakpoint
CREATE TABLE "course" (
	"id" uuid PRIMARY KEY NOT NULL,
	"community_id" uuid NOT NULL,
	"center_id" uuid NOT NULL,
	"venue_id" uuid,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"teacher_name" text,
	"term" text NOT NULL,
	"theme" text,
	"capacity" integer NOT NULL,
	"fee_fen" integer DEFAULT 0 NOT NULL,
	"min_age" integer,
	"max_age" integer,
	"required_tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"enrollment_opens_at" timestamp with time zone NOT NULL,
	"enrollment_closes_at" timestamp with time zone,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"weekdays" integer[] NOT NULL,
	"start_time" text NOT NULL,
	"end_time" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"enrollment_seq" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "course_capacity_positive" CHECK ("course"."capacity" > 0),
	CONSTRAINT "course_fee_not_negative" CHECK ("course"."fee_fen" >= 0),
	CONSTRAINT "course_age_range" CHECK ("course"."min_age" IS NULL OR "course"."max_age" IS NULL OR "course"."min_age" <= "course"."max_age"),
	CONSTRAINT "course_dates_order" CHECK ("course"."ends_on" >= "course"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "course_attendance" (
	"id" uuid PRIMARY KEY NOT NULL,
	"community_id" uuid NOT NULL,
	"course_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"resident_id" uuid NOT NULL,
	"status" text NOT NULL,
	"picked_up_by" text,
	"picked_up_at" timestamp with time zone,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "course_enrollment" (
	"id" uuid PRIMARY KEY NOT NULL,
	"community_id" uuid NOT NULL,
	"course_id" uuid NOT NULL,
	"resident_id" uuid NOT NULL,
	"enrolled_by" uuid,
	"channel" text NOT NULL,
	"status" text NOT NULL,
	"seq" integer NOT NULL,
	"promoted_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "course_session" (
	"id" uuid PRIMARY KEY NOT NULL,
	"community_id" uuid NOT NULL,
	"course_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"booking_id" uuid,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "course_session_time_order" CHECK ("course_session"."ends_at" > "course_session"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "event" (
	"id" uuid PRIMARY KEY NOT NULL,
	"community_id" uuid NOT NULL,
	"center_id" uuid NOT NULL,
	"venue_id" uuid,
	"booking_id" uuid,
	"series_id" uuid,
	"title" text NOT NULL,
	"description" text,
	"theme" text NOT NULL,
	"target_groups" text[] DEFAULT '{}'::text[] NOT NULL,
	"location" text,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"capacity" integer,
	"photo_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"status" text DEFAULT 'published' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_time_order" CHECK ("event"."ends_at" > "event"."starts_at"),
	CONSTRAINT "event_capacity_positive" CHECK ("event"."capacity" IS NULL OR "event"."capacity" > 0)
);
--> statement-breakpoint
CREATE TABLE "event_signup" (
	"id" uuid PRIMARY KEY NOT NULL,
	"community_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"resident_id" uuid NOT NULL,
	"signed_up_by" uuid,
	"channel" text NOT NULL,
	"status" text DEFAULT 'signed_up' NOT NULL,
	"checked_in_at" timestamp with time zone,
	"checked_in_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meal_order" (
	"id" uuid PRIMARY KEY NOT NULL,
	"community_id" uuid NOT NULL,
	"canteen_id" uuid NOT NULL,
	"menu_id" uuid NOT NULL,
	"resident_id" uuid,
	"mode" text NOT NULL,
	"channel" text NOT NULL,
	"quantity" integer DEFAULT 1 NOT NULL,
	"price_fen" integer NOT NULL,
	"subsidy_fen" integer DEFAULT 0 NOT NULL,
	"subsidy_rule_id" uuid,
	"funding_source" text,
	"amount_fen" integer NOT NULL,
	"status" text DEFAULT 'ordered' NOT NULL,
	"ordered_by" uuid,
	"served_at" timestamp with time zone,
	"served_by" uuid,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meal_order_quantity_range" CHECK ("meal_order"."quantity" BETWEEN 1 AND 5),
	CONSTRAINT "meal_order_money" CHECK ("meal_order"."price_fen" >= 0 AND "meal_order"."subsidy_fen" >= 0 AND "meal_order"."amount_fen" >= 0 AND "meal_order"."subsidy_fen" <= "meal_order"."price_fen")
);
--> statement-breakpoint
CREATE TABLE "meal_subsidy_rule" (
	"id" uuid PRIMARY KEY NOT NULL,
	"community_id" uuid NOT NULL,
	"canteen_id" uuid NOT NULL,
	"name" text NOT NULL,
	"min_age" integer,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"discount_kind" text NOT NULL,
	"amount_fen" integer,
	"percent" integer,
	"funding_source" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meal_subsidy_rule_criterion" CHECK ("meal_subsidy_rule"."min_age" IS NOT NULL OR cardinality("meal_subsidy_rule"."tags") > 0),
	CONSTRAINT "meal_subsidy_rule_amount" CHECK (("meal_subsidy_rule"."discount_kind" = 'fixed' AND "meal_subsidy_rule"."amount_fen" > 0 AND "meal_subsidy_rule"."percent" IS NULL) OR ("meal_subsidy_rule"."discount_kind" = 'percent' AND "meal_subsidy_rule"."percent" BETWEEN 1 AND 100 AND "meal_subsidy_rule"."amount_fen" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "venue" (
	"id" uuid PRIMARY KEY NOT NULL,
	"community_id" uuid NOT NULL,
	"center_id" uuid NOT NULL,
	"name" text NOT NULL,
	"purpose" text,
	"area_m2" integer,
	"capacity" integer NOT NULL,
	"equipment" text[] DEFAULT '{}'::text[] NOT NULL,
	"opens_at" text DEFAULT '08:00' NOT NULL,
	"closes_at" text DEFAULT '20:00' NOT NULL,
	"open_weekdays" integer[] DEFAULT '{1,2,3,4,5,6,7}'::integer[] NOT NULL,
	"theme" text,
	"bookable_by" text[] DEFAULT '{}'::text[] NOT NULL,
	"approval_required" boolean DEFAULT true NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "venue_capacity_positive" CHECK ("venue"."capacity" > 0),
	CONSTRAINT "venue_hours_order" CHECK ("venue"."opens_at" < "venue"."closes_at")
);
--> statement-breakpoint
CREATE TABLE "venue_booking" (
	"id" uuid PRIMARY KEY NOT NULL,
	"community_id" uuid NOT NULL,
	"venue_id" uuid NOT NULL,
	"series_id" uuid,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"purpose" text NOT NULL,
	"attendees" integer,
	"booker_kind" text NOT NULL,
	"booked_by" uuid,
	"partner_unit_id" uuid,
	"resident_id" uuid,
	"status" text NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"cancelled_at" timestamp with time zone,
	"cancel_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "venue_booking_time_order" CHECK ("venue_booking"."ends_at" > "venue_booking"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "consent_record" (
	"id" uuid PRIMARY KEY NOT NULL,
	"subject_key" text NOT NULL,
	"resident_id" uuid,
	"account_id" uuid,
	"community_id" uuid,
	"purpose" text NOT NULL,
	"notice_version" text NOT NULL,
	"granted_by" uuid NOT NULL,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_by" uuid,
	"ip" text
);
--> statement-breakpoint
CREATE TABLE "guardian_link" (
	"id" uuid PRIMARY KEY NOT NULL,
	"community_id" uuid NOT NULL,
	"minor_resident_id" uuid NOT NULL,
	"guardian_account_id" uuid NOT NULL,
	"relation" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid
);
--> statement-breakpoint
CREATE TABLE "privacy_request" (
	"id" uuid PRIMARY KEY NOT NULL,
	"community_id" uuid NOT NULL,
	"resident_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"field" text NOT NULL,
	"requested_value_enc" text,
	"reason" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"response_note" text,
	"handled_by" uuid,
	"handled_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "retention_policy" (
	"record_kind" text PRIMARY KEY NOT NULL,
	"retain_days" integer NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "retention_run" (
	"id" uuid PRIMARY KEY NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"results" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"triggered_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "security_alert" (
	"id" uuid PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"account_name" text,
	"kind" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer NOT NULL,
	"threshold" integer NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"note" text,
	"acknowledged_by" uuid,
	"acknowledged_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "mfa_challenge" ADD CONSTRAINT "mfa_challenge_account_id_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."account"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mfa_factor" ADD CONSTRAINT "mfa_factor_account_id_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."account"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mfa_recovery_code" ADD CONSTRAINT "mfa_recovery_code_account_id_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."account"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assistance_application" ADD CONSTRAINT "assistance_application_community_id_org_node_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."org_node"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assistance_objection" ADD CONSTRAINT "assistance_objection_application_id_assistance_application_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."assistance_application"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assistance_step" ADD CONSTRAINT "assistance_step_application_id_assistance_application_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."assistance_application"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_condition" ADD CONSTRAINT "care_condition_care_file_id_care_file_id_fk" FOREIGN KEY ("care_file_id") REFERENCES "public"."care_file"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_file" ADD CONSTRAINT "care_file_community_id_org_node_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."org_node"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_file_version" ADD CONSTRAINT "care_file_version_care_file_id_care_file_id_fk" FOREIGN KEY ("care_file_id") REFERENCES "public"."care_file"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consolation" ADD CONSTRAINT "consolation_community_id_org_node_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."org_node"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consolation_handover" ADD CONSTRAINT "consolation_handover_consolation_id_consolation_id_fk" FOREIGN KEY ("consolation_id") REFERENCES "public"."consolation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consolation_target" ADD CONSTRAINT "consolation_target_consolation_id_consolation_id_fk" FOREIGN KEY ("consolation_id") REFERENCES "public"."consolation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wish" ADD CONSTRAINT "wish_community_id_org_node_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."org_node"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "canteen" ADD CONSTRAINT "canteen_community_id_org_node_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."org_node"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "canteen" ADD CONSTRAINT "canteen_center_id_center_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."center"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "canteen_menu" ADD CONSTRAINT "canteen_menu_canteen_id_canteen_id_fk" FOREIGN KEY ("canteen_id") REFERENCES "public"."canteen"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "center_satisfaction" ADD CONSTRAINT "center_satisfaction_resident_id_resident_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."resident"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course" ADD CONSTRAINT "course_community_id_org_node_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."org_node"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course" ADD CONSTRAINT "course_center_id_center_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."center"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course" ADD CONSTRAINT "course_venue_id_venue_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."venue"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_attendance" ADD CONSTRAINT "course_attendance_course_id_course_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."course"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_attendance" ADD CONSTRAINT "course_attendance_session_id_course_session_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."course_session"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_attendance" ADD CONSTRAINT "course_attendance_resident_id_resident_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."resident"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_enrollment" ADD CONSTRAINT "course_enrollment_course_id_course_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."course"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_enrollment" ADD CONSTRAINT "course_enrollment_resident_id_resident_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."resident"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_session" ADD CONSTRAINT "course_session_course_id_course_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."course"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_session" ADD CONSTRAINT "course_session_booking_id_venue_booking_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."venue_booking"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event" ADD CONSTRAINT "event_community_id_org_node_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."org_node"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event" ADD CONSTRAINT "event_center_id_center_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."center"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event" ADD CONSTRAINT "event_venue_id_venue_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."venue"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event" ADD CONSTRAINT "event_booking_id_venue_booking_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."venue_booking"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_signup" ADD CONSTRAINT "event_signup_event_id_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."event"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_signup" ADD CONSTRAINT "event_signup_resident_id_resident_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."resident"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meal_order" ADD CONSTRAINT "meal_order_canteen_id_canteen_id_fk" FOREIGN KEY ("canteen_id") REFERENCES "public"."canteen"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meal_order" ADD CONSTRAINT "meal_order_menu_id_canteen_menu_id_fk" FOREIGN KEY ("menu_id") REFERENCES "public"."canteen_menu"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meal_order" ADD CONSTRAINT "meal_order_resident_id_resident_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."resident"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meal_order" ADD CONSTRAINT "meal_order_subsidy_rule_id_meal_subsidy_rule_id_fk" FOREIGN KEY ("subsidy_rule_id") REFERENCES "public"."meal_subsidy_rule"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meal_subsidy_rule" ADD CONSTRAINT "meal_subsidy_rule_canteen_id_canteen_id_fk" FOREIGN KEY ("canteen_id") REFERENCES "public"."canteen"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venue" ADD CONSTRAINT "venue_community_id_org_node_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."org_node"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venue" ADD CONSTRAINT "venue_center_id_center_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."center"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venue_booking" ADD CONSTRAINT "venue_booking_venue_id_venue_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."venue"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_record" ADD CONSTRAINT "consent_record_account_id_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."account"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guardian_link" ADD CONSTRAINT "guardian_link_community_id_org_node_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."org_node"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guardian_link" ADD CONSTRAINT "guardian_link_minor_resident_id_resident_id_fk" FOREIGN KEY ("minor_resident_id") REFERENCES "public"."resident"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guardian_link" ADD CONSTRAINT "guardian_link_guardian_account_id_account_id_fk" FOREIGN KEY ("guardian_account_id") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_request" ADD CONSTRAINT "privacy_request_community_id_org_node_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."org_node"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_request" ADD CONSTRAINT "privacy_request_resident_id_resident_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."resident"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_request" ADD CONSTRAINT "privacy_request_account_id_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mfa_challenge_account_idx" ON "mfa_challenge" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "mfa_recovery_code_account_idx" ON "mfa_recovery_code" USING btree ("account_id","code_hash");--> statement-breakpoint
CREATE INDEX "assistance_scope_idx" ON "assistance_application" USING btree ("community_id","grid_id","id");--> statement-breakpoint
CREATE INDEX "assistance_status_idx" ON "assistance_application" USING btree ("community_id","status","id");--> statement-breakpoint
CREATE INDEX "assistance_household_idx" ON "assistance_application" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "assistance_review_due_idx" ON "assistance_application" USING btree ("review_due_on");--> statement-breakpoint
CREATE INDEX "assistance_objection_application_idx" ON "assistance_objection" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "assistance_step_application_idx" ON "assistance_step" USING btree ("application_id","at");--> statement-breakpoint
CREATE INDEX "care_condition_file_idx" ON "care_condition" USING btree ("care_file_id");--> statement-breakpoint
CREATE INDEX "care_condition_kind_idx" ON "care_condition" USING btree ("community_id","kind_idx");--> statement-breakpoint
CREATE UNIQUE INDEX "care_file_household_key" ON "care_file" USING btree ("community_id","household_id");--> statement-breakpoint
CREATE INDEX "care_file_scope_idx" ON "care_file" USING btree ("community_id","grid_id","id");--> statement-breakpoint
CREATE INDEX "care_file_categories_idx" ON "care_file" USING gin ("categories");--> statement-breakpoint
CREATE UNIQUE INDEX "care_file_version_key" ON "care_file_version" USING btree ("care_file_id","version");--> statement-breakpoint
CREATE INDEX "care_service_time_idx" ON "care_service" USING btree ("community_id","occurred_at");--> statement-breakpoint
CREATE INDEX "care_service_resident_idx" ON "care_service" USING btree ("resident_id","occurred_at");--> statement-breakpoint
CREATE INDEX "care_service_household_idx" ON "care_service" USING btree ("household_id","occurred_at");--> statement-breakpoint
CREATE INDEX "consolation_community_idx" ON "consolation" USING btree ("community_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "consolation_handover_once" ON "consolation_handover" USING btree ("consolation_id","household_id");--> statement-breakpoint
CREATE UNIQUE INDEX "consolation_target_key" ON "consolation_target" USING btree ("consolation_id","household_id");--> statement-breakpoint
CREATE INDEX "consolation_target_scope_idx" ON "consolation_target" USING btree ("community_id","grid_id");--> statement-breakpoint
CREATE INDEX "wish_status_idx" ON "wish" USING btree ("community_id","status","created_at");--> statement-breakpoint
CREATE INDEX "wish_claimer_idx" ON "wish" USING btree ("claimed_by");--> statement-breakpoint
CREATE INDEX "wish_wisher_idx" ON "wish" USING btree ("wisher_resident_id");--> statement-breakpoint
CREATE UNIQUE INDEX "canteen_name_key" ON "canteen" USING btree ("community_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "canteen_menu_sitting_key" ON "canteen_menu" USING btree ("community_id","canteen_id","served_on","meal");--> statement-breakpoint
CREATE UNIQUE INDEX "center_satisfaction_once" ON "center_satisfaction" USING btree ("subject_kind","subject_id","resident_id");--> statement-breakpoint
CREATE INDEX "center_satisfaction_center_idx" ON "center_satisfaction" USING btree ("center_id","created_at");--> statement-breakpoint
CREATE INDEX "course_center_idx" ON "course" USING btree ("center_id","starts_on");--> statement-breakpoint
CREATE INDEX "course_community_idx" ON "course" USING btree ("community_id","starts_on");--> statement-breakpoint
CREATE UNIQUE INDEX "course_attendance_key" ON "course_attendance" USING btree ("session_id","resident_id");--> statement-breakpoint
CREATE INDEX "course_attendance_resident_idx" ON "course_attendance" USING btree ("resident_id");--> statement-breakpoint
CREATE UNIQUE INDEX "course_enrollment_one_active" ON "course_enrollment" USING btree ("course_id","resident_id") WHERE "course_enrollment"."status" IN ('enrolled', 'waitlisted');--> statement-breakpoint
CREATE UNIQUE INDEX "course_enrollment_seq_key" ON "course_enrollment" USING btree ("course_id","seq");--> statement-breakpoint
CREATE INDEX "course_enrollment_status_idx" ON "course_enrollment" USING btree ("course_id","status","seq");--> statement-breakpoint
CREATE INDEX "course_enrollment_resident_idx" ON "course_enrollment" USING btree ("resident_id");--> statement-breakpoint
CREATE INDEX "course_session_course_idx" ON "course_session" USING btree ("course_id","starts_at");--> statement-breakpoint
CREATE INDEX "event_center_idx" ON "event" USING btree ("center_id","starts_at");--> statement-breakpoint
CREATE INDEX "event_community_idx" ON "event" USING btree ("community_id","starts_at");--> statement-breakpoint
CREATE INDEX "event_series_idx" ON "event" USING btree ("series_id");--> statement-breakpoint
CREATE UNIQUE INDEX "event_signup_one_active" ON "event_signup" USING btree ("event_id","resident_id") WHERE "event_signup"."status" = 'signed_up';--> statement-breakpoint
CREATE INDEX "event_signup_event_idx" ON "event_signup" USING btree ("event_id","created_at");--> statement-breakpoint
CREATE INDEX "event_signup_resident_idx" ON "event_signup" USING btree ("resident_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meal_order_one_subsidy" ON "meal_order" USING btree ("menu_id","resident_id") WHERE "meal_order"."subsidy_fen" > 0 AND "meal_order"."status" <> 'cancelled';--> statement-breakpoint
CREATE INDEX "meal_order_menu_idx" ON "meal_order" USING btree ("menu_id","created_at");--> statement-breakpoint
CREATE INDEX "meal_order_canteen_idx" ON "meal_order" USING btree ("canteen_id","created_at");--> statement-breakpoint
CREATE INDEX "meal_order_resident_idx" ON "meal_order" USING btree ("resident_id");--> statement-breakpoint
CREATE INDEX "meal_subsidy_rule_canteen_idx" ON "meal_subsidy_rule" USING btree ("canteen_id");--> statement-breakpoint
CREATE UNIQUE INDEX "venue_name_key" ON "venue" USING btree ("community_id","center_id","name");--> statement-breakpoint
CREATE INDEX "venue_center_idx" ON "venue" USING btree ("center_id","name");--> statement-breakpoint
CREATE INDEX "venue_booking_venue_idx" ON "venue_booking" USING btree ("venue_id","starts_at");--> statement-breakpoint
CREATE INDEX "venue_booking_community_idx" ON "venue_booking" USING btree ("community_id","starts_at");--> statement-breakpoint
CREATE INDEX "venue_booking_booker_idx" ON "venue_booking" USING btree ("booked_by","starts_at");--> statement-breakpoint
CREATE INDEX "venue_booking_series_idx" ON "venue_booking" USING btree ("series_id");--> statement-breakpoint
CREATE UNIQUE INDEX "consent_record_one_active" ON "consent_record" USING btree ("subject_key","purpose") WHERE withdrawn_at IS NULL;--> statement-breakpoint
CREATE INDEX "consent_record_subject_idx" ON "consent_record" USING btree ("subject_key","granted_at");--> statement-breakpoint
CREATE UNIQUE INDEX "guardian_link_one_active" ON "guardian_link" USING btree ("minor_resident_id","guardian_account_id") WHERE revoked_at IS NULL;--> statement-breakpoint
CREATE INDEX "guardian_link_guardian_idx" ON "guardian_link" USING btree ("guardian_account_id");--> statement-breakpoint
CREATE INDEX "privacy_request_community_idx" ON "privacy_request" USING btree ("community_id","status","created_at");--> statement-breakpoint
CREATE INDEX "privacy_request_resident_idx" ON "privacy_request" USING btree ("resident_id");--> statement-breakpoint
CREATE INDEX "retention_run_started_idx" ON "retention_run" USING btree ("started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "security_alert_window_key" ON "security_alert" USING btree ("account_id","kind","window_start");--> statement-breakpoint
CREATE INDEX "security_alert_status_idx" ON "security_alert" USING btree ("status","window_start");
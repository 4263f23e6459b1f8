CREATE TABLE "project" (
	"id" uuid PRIMARY KEY NOT NULL,
	"community_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"source" text NOT NULL,
	"source_ticket_id" uuid,
	"joint_meeting_id" uuid,
	"decision_note" text,
	"leader_account_id" uuid NOT NULL,
	"leader_resident_id" uuid,
	"supervisor_account_id" uuid NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"is_public" boolean DEFAULT true NOT NULL,
	"due_on" date,
	"completed_at" timestamp with time zone,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "project_progress_range" CHECK ("project"."progress" BETWEEN 0 AND 100)
);
--> statement-breakpoint
CREATE TABLE "project_milestone" (
	"id" uuid PRIMARY KEY NOT NULL,
	"community_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"title" text NOT NULL,
	"due_on" date,
	"done_at" timestamp with time zone,
	"sort" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_update" (
	"id" uuid PRIMARY KEY NOT NULL,
	"community_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"author_account_id" uuid NOT NULL,
	"author_name" text NOT NULL,
	"note" text NOT NULL,
	"progress" integer,
	"milestone_id" uuid,
	"photo_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ticket" (
	"id" uuid PRIMARY KEY NOT NULL,
	"community_id" uuid NOT NULL,
	"grid_id" uuid,
	"building_id" uuid,
	"building_label" text,
	"location" text,
	"category_id" uuid NOT NULL,
	"category_key" text NOT NULL,
	"kind" text NOT NULL,
	"channel" text NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"description" text NOT NULL,
	"photo_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"submitter_account_id" uuid,
	"submitter_resident_id" uuid,
	"contact_name" text,
	"contact_phone_enc" text,
	"contact_phone_idx" text,
	"contact_phone_last4" text,
	"created_by" uuid,
	"assignee_account_id" uuid,
	"assignee_stand_in" boolean DEFAULT false NOT NULL,
	"assigned_at" timestamp with time zone,
	"created_on" date NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"resolution" text,
	"return_reason" text,
	"rating" integer,
	"rating_comment" text,
	"rated_at" timestamp with time zone,
	"reopen_count" integer DEFAULT 0 NOT NULL,
	"escalation_level" integer DEFAULT 0 NOT NULL,
	"escalation_count" integer DEFAULT 0 NOT NULL,
	"last_escalated_at" timestamp with time zone,
	"merged_into_id" uuid,
	"project_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ticket_rating_range" CHECK ("ticket"."rating" IS NULL OR "ticket"."rating" BETWEEN 1 AND 5),
	CONSTRAINT "ticket_photo_count" CHECK (cardinality("ticket"."photo_ids") <= 9)
);
--> statement-breakpoint
CREATE TABLE "ticket_category" (
	"id" uuid PRIMARY KEY NOT NULL,
	"community_id" uuid NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"deadline_hours" integer NOT NULL,
	"on_site" boolean DEFAULT false NOT NULL,
	"route_account_id" uuid,
	"active" boolean DEFAULT true NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ticket_category_deadline" CHECK ("ticket_category"."deadline_hours" BETWEEN 1 AND 720)
);
--> statement-breakpoint
CREATE TABLE "ticket_event" (
	"id" uuid PRIMARY KEY NOT NULL,
	"community_id" uuid NOT NULL,
	"ticket_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_account_id" uuid,
	"actor_name" text NOT NULL,
	"actor_kind" text NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"note" text,
	"details" jsonb
);
--> statement-breakpoint
CREATE TABLE "ticket_stat_daily" (
	"community_id" uuid NOT NULL,
	"day" date NOT NULL,
	"grid_id" uuid NOT NULL,
	"category_key" text NOT NULL,
	"received" integer DEFAULT 0 NOT NULL,
	"resolved" integer DEFAULT 0 NOT NULL,
	"resolved_on_time" integer DEFAULT 0 NOT NULL,
	"resolve_hours" double precision DEFAULT 0 NOT NULL,
	"rated" integer DEFAULT 0 NOT NULL,
	"satisfied" integer DEFAULT 0 NOT NULL,
	"reopened" integer DEFAULT 0 NOT NULL,
	"escalated" integer DEFAULT 0 NOT NULL,
	"returned" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "ticket_stat_daily_community_id_day_grid_id_category_key_pk" PRIMARY KEY("community_id","day","grid_id","category_key")
);
--> statement-breakpoint
ALTER TABLE "project" ADD CONSTRAINT "project_community_id_org_node_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."org_node"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project" ADD CONSTRAINT "project_source_ticket_id_ticket_id_fk" FOREIGN KEY ("source_ticket_id") REFERENCES "public"."ticket"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project" ADD CONSTRAINT "project_leader_account_id_account_id_fk" FOREIGN KEY ("leader_account_id") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project" ADD CONSTRAINT "project_supervisor_account_id_account_id_fk" FOREIGN KEY ("supervisor_account_id") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_milestone" ADD CONSTRAINT "project_milestone_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_update" ADD CONSTRAINT "project_update_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_update" ADD CONSTRAINT "project_update_author_account_id_account_id_fk" FOREIGN KEY ("author_account_id") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket" ADD CONSTRAINT "ticket_community_id_org_node_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."org_node"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket" ADD CONSTRAINT "ticket_category_id_ticket_category_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."ticket_category"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket" ADD CONSTRAINT "ticket_submitter_account_id_account_id_fk" FOREIGN KEY ("submitter_account_id") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket" ADD CONSTRAINT "ticket_created_by_account_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket" ADD CONSTRAINT "ticket_assignee_account_id_account_id_fk" FOREIGN KEY ("assignee_account_id") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_category" ADD CONSTRAINT "ticket_category_community_id_org_node_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."org_node"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_category" ADD CONSTRAINT "ticket_category_route_account_id_account_id_fk" FOREIGN KEY ("route_account_id") REFERENCES "public"."account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_event" ADD CONSTRAINT "ticket_event_ticket_id_ticket_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."ticket"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "project_community_idx" ON "project" USING btree ("community_id","created_at","id");--> statement-breakpoint
CREATE INDEX "project_leader_idx" ON "project" USING btree ("leader_account_id");--> statement-breakpoint
CREATE INDEX "project_milestone_project_idx" ON "project_milestone" USING btree ("project_id","sort");--> statement-breakpoint
CREATE INDEX "project_update_project_idx" ON "project_update" USING btree ("project_id","at");--> statement-breakpoint
CREATE INDEX "ticket_community_created_idx" ON "ticket" USING btree ("community_id","created_at","id");--> statement-breakpoint
CREATE INDEX "ticket_grid_queue_idx" ON "ticket" USING btree ("grid_id","status","due_at");--> statement-breakpoint
CREATE INDEX "ticket_assignee_idx" ON "ticket" USING btree ("assignee_account_id","status","due_at");--> statement-breakpoint
CREATE INDEX "ticket_submitter_idx" ON "ticket" USING btree ("submitter_account_id","created_at");--> statement-breakpoint
CREATE INDEX "ticket_merged_idx" ON "ticket" USING btree ("merged_into_id");--> statement-breakpoint
CREATE INDEX "ticket_open_due_idx" ON "ticket" USING btree ("due_at") WHERE "ticket"."status" IN ('submitted', 'accepted', 'reopened');--> statement-breakpoint
CREATE INDEX "ticket_resolved_idx" ON "ticket" USING btree ("resolved_at") WHERE "ticket"."status" = 'resolved';--> statement-breakpoint
CREATE INDEX "ticket_duplicate_idx" ON "ticket" USING btree ("community_id","category_id","building_id","created_at");--> statement-breakpoint
CREATE INDEX "ticket_description_trgm" ON "ticket" USING gin ("description" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "ticket_category_key" ON "ticket_category" USING btree ("community_id","key");--> statement-breakpoint
CREATE INDEX "ticket_event_ticket_idx" ON "ticket_event" USING btree ("ticket_id","at");--> statement-breakpoint
CREATE INDEX "ticket_stat_daily_grid_idx" ON "ticket_stat_daily" USING btree ("grid_id","day");
CREATE TABLE "service_visit" (
	"id" uuid PRIMARY KEY NOT NULL,
	"community_id" uuid NOT NULL,
	"center_id" uuid,
	"resident_id" uuid,
	"source" text NOT NULL,
	"source_id" text NOT NULL,
	"theme" text,
	"target_group" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "service_visit_source_key" ON "service_visit" USING btree ("community_id","source","source_id");--> statement-breakpoint
CREATE INDEX "service_visit_time_idx" ON "service_visit" USING btree ("community_id","occurred_at");--> statement-breakpoint
CREATE INDEX "service_visit_center_idx" ON "service_visit" USING btree ("center_id","occurred_at");
CREATE TABLE "ticket_stat_monthly" (
	"community_id" uuid NOT NULL,
	"month" date NOT NULL,
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
	CONSTRAINT "ticket_stat_monthly_community_id_month_grid_id_category_key_pk" PRIMARY KEY("community_id","month","grid_id","category_key")
);
--> statement-breakpoint
CREATE INDEX "ticket_stat_monthly_grid_idx" ON "ticket_stat_monthly" USING btree ("grid_id","month");
CREATE TABLE "partner_contact" (
	"partner_unit_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	CONSTRAINT "partner_contact_partner_unit_id_account_id_pk" PRIMARY KEY("partner_unit_id","account_id")
);
--> statement-breakpoint
CREATE TABLE "partner_unit" (
	"id" uuid PRIMARY KEY NOT NULL,
	"community_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"party_org_name" text,
	"contact_name" text,
	"contact_phone" text,
	"address" text,
	"status" text DEFAULT 'active' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "partner_contact" ADD CONSTRAINT "partner_contact_partner_unit_id_partner_unit_id_fk" FOREIGN KEY ("partner_unit_id") REFERENCES "public"."partner_unit"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_contact" ADD CONSTRAINT "partner_contact_account_id_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."account"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_unit" ADD CONSTRAINT "partner_unit_community_id_org_node_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."org_node"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "partner_contact_account_idx" ON "partner_contact" USING btree ("account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "partner_unit_name_key" ON "partner_unit" USING btree ("community_id","name");--> statement-breakpoint
CREATE INDEX "partner_unit_community_idx" ON "partner_unit" USING btree ("community_id");
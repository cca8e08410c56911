CREATE TABLE "agent_presence" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"status" text DEFAULT 'offline' NOT NULL,
	"break_reason" text,
	"status_since" timestamp with time zone DEFAULT now() NOT NULL,
	"login_at" timestamp with time zone,
	"last_seen_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "campaign_members" (
	"campaign_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"penalty" integer DEFAULT 0 NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "campaign_members_campaign_id_user_id_pk" PRIMARY KEY("campaign_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"page_id" text NOT NULL,
	"channel" text NOT NULL,
	"strategy" text NOT NULL,
	"schedule" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"time_zone" text DEFAULT 'UTC' NOT NULL,
	"thresholds" jsonb NOT NULL,
	"max_per_agent" integer DEFAULT 3 NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"canned_responses" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"last_agent_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "interaction_offers" (
	"interaction_id" uuid NOT NULL,
	"agent_id" uuid NOT NULL,
	"offered_at" timestamp with time zone NOT NULL,
	CONSTRAINT "interaction_offers_interaction_id_agent_id_pk" PRIMARY KEY("interaction_id","agent_id")
);
--> statement-breakpoint
CREATE TABLE "interaction_transitions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"interaction_id" uuid NOT NULL,
	"state" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"agent_id" uuid,
	"actor_id" uuid,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "interactions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"page_id" text NOT NULL,
	"channel" text NOT NULL,
	"thread_key" text NOT NULL,
	"customer_id" text,
	"customer_name" text,
	"state" text NOT NULL,
	"agent_id" uuid,
	"first_queued_at" timestamp with time zone NOT NULL,
	"seq" bigserial NOT NULL,
	"assigned_at" timestamp with time zone,
	"answered_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"last_customer_at" timestamp with time zone,
	"disposition" text
);
--> statement-breakpoint
ALTER TABLE "agent_presence" ADD CONSTRAINT "agent_presence_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_members" ADD CONSTRAINT "campaign_members_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_members" ADD CONSTRAINT "campaign_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_page_id_pages_id_fk" FOREIGN KEY ("page_id") REFERENCES "public"."pages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interaction_offers" ADD CONSTRAINT "interaction_offers_interaction_id_interactions_id_fk" FOREIGN KEY ("interaction_id") REFERENCES "public"."interactions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interaction_offers" ADD CONSTRAINT "interaction_offers_agent_id_users_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interaction_transitions" ADD CONSTRAINT "interaction_transitions_interaction_id_interactions_id_fk" FOREIGN KEY ("interaction_id") REFERENCES "public"."interactions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interactions" ADD CONSTRAINT "interactions_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interactions" ADD CONSTRAINT "interactions_agent_id_users_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "campaign_members_user_idx" ON "campaign_members" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "campaigns_page_channel_idx" ON "campaigns" USING btree ("page_id","channel");--> statement-breakpoint
CREATE INDEX "interaction_offers_agent_idx" ON "interaction_offers" USING btree ("agent_id");--> statement-breakpoint
CREATE INDEX "interaction_transitions_interaction_idx" ON "interaction_transitions" USING btree ("interaction_id","at");--> statement-breakpoint
CREATE INDEX "interactions_queue_idx" ON "interactions" USING btree ("campaign_id","first_queued_at") WHERE "interactions"."state" = 'queued';--> statement-breakpoint
CREATE INDEX "interactions_agent_idx" ON "interactions" USING btree ("agent_id","state");--> statement-breakpoint
CREATE UNIQUE INDEX "interactions_open_thread_idx" ON "interactions" USING btree ("campaign_id","thread_key") WHERE "interactions"."state" in ('queued', 'offered', 'assigned', 'answered');
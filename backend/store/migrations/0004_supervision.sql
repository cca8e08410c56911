-- Hand-added (drizzle-kit does not write extensions): the trigram indexes below need pg_trgm. PGlite
-- loads it from backend/store/pglite-extensions.ts; PostgreSQL ships it in contrib (a trusted extension).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"action" text NOT NULL,
	"target_user_id" uuid,
	"interaction_id" uuid,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaign_supervisors" (
	"campaign_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "campaign_supervisors_campaign_id_user_id_pk" PRIMARY KEY("campaign_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "campaign_supervisors" ADD CONSTRAINT "campaign_supervisors_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_supervisors" ADD CONSTRAINT "campaign_supervisors_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at","id");--> statement-breakpoint
CREATE INDEX "campaign_supervisors_user_idx" ON "campaign_supervisors" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "comments_message_trgm_idx" ON "comments" USING gin ("message" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "interactions_campaign_queued_idx" ON "interactions" USING btree ("campaign_id","first_queued_at","id");--> statement-breakpoint
CREATE INDEX "interactions_agent_queued_idx" ON "interactions" USING btree ("agent_id","first_queued_at","id");--> statement-breakpoint
CREATE INDEX "interactions_queued_idx" ON "interactions" USING btree ("first_queued_at","id");--> statement-breakpoint
CREATE INDEX "interactions_thread_time_idx" ON "interactions" USING btree ("page_id","thread_key","first_queued_at");--> statement-breakpoint
CREATE INDEX "interactions_campaign_ended_idx" ON "interactions" USING btree ("campaign_id","ended_at");--> statement-breakpoint
CREATE INDEX "interactions_customer_name_trgm_idx" ON "interactions" USING gin ("customer_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "messenger_messages_text_trgm_idx" ON "messenger_messages" USING gin ("text" gin_trgm_ops);
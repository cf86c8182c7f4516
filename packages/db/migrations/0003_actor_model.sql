CREATE TYPE "public"."actor_type" AS ENUM('user', 'account', 'extension', 'system');--> statement-breakpoint
ALTER TABLE "actors" ADD COLUMN "actor_type" "actor_type" DEFAULT 'account' NOT NULL;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "from_actor_id" uuid;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "to_actor_id" uuid;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_from_actor_id_fk" FOREIGN KEY ("from_actor_id") REFERENCES "public"."actors"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_to_actor_id_fk" FOREIGN KEY ("to_actor_id") REFERENCES "public"."actors"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "messages_from_actor_id_idx" ON "messages" USING btree ("from_actor_id");--> statement-breakpoint
CREATE INDEX "messages_to_actor_id_idx" ON "messages" USING btree ("to_actor_id");
-- Down of 0037_may_signals: back to the schema 0036_never_narrower_than_the_original left.
-- Written by db:generate from meta/0037_snapshot.json and meta/0036_snapshot.json (drizzle-kit/api);
-- review it like any migration. "fluxcore:destructive" marks a statement that drops data:
-- db:rollback counts those rows first and refuses to lose them without --yes.
-- fluxcore:destructive table=signal_delivery_log
DROP TABLE "signal_delivery_log" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=signal_preferences
DROP TABLE "signal_preferences" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=signals
DROP TABLE "signals" CASCADE;
--> statement-breakpoint
DROP TYPE "public"."signal_delivery_channel";
--> statement-breakpoint
DROP TYPE "public"."signal_priority";
--> statement-breakpoint
DROP TYPE "public"."signal_status";
--> statement-breakpoint
DROP TYPE "public"."signal_type";

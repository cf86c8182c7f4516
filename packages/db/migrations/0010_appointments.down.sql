-- Down of 0010_appointments: back to the schema 0009_website_configs left.
-- Written by db:generate from meta/0010_snapshot.json and meta/0009_snapshot.json (drizzle-kit/api);
-- review it like any migration. "fluxcore:destructive" marks a statement that drops data:
-- db:rollback counts those rows first and refuses to lose them without --yes.
-- fluxcore:destructive table=appointment_services
DROP TABLE "appointment_services" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=appointment_staff
DROP TABLE "appointment_staff" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive table=appointments
DROP TABLE "appointments" CASCADE;
--> statement-breakpoint
-- fluxcore:destructive column=actors.extension_id
ALTER TABLE "actors" DROP COLUMN "extension_id";
--> statement-breakpoint
-- fluxcore:destructive column=actors.display_name
ALTER TABLE "actors" DROP COLUMN "display_name";
--> statement-breakpoint
DROP TYPE "public"."appointment_status";

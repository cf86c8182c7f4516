-- Down of 0040_drop_vector_store_files_file_fk: back to the schema 0039_may_tables_in_package_triggers left.
-- Written by db:generate from meta/0040_snapshot.json and meta/0039_snapshot.json (drizzle-kit/api);
-- review it like any migration. "fluxcore:destructive" marks a statement that drops data:
-- db:rollback counts those rows first and refuses to lose them without --yes.
ALTER TABLE "fluxcore_vector_store_files" ADD CONSTRAINT "fluxcore_vector_store_files_file_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."fluxcore_files"("id") ON DELETE cascade ON UPDATE no action;

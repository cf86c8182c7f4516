-- Down of 0035_drop_document_chunks_file_fk: back to the schema 0034_credits_gating_function left.
-- Written by db:generate from meta/0035_snapshot.json and meta/0034_snapshot.json (drizzle-kit/api);
-- review it like any migration. "fluxcore:destructive" marks a statement that drops data:
-- db:rollback counts those rows first and refuses to lose them without --yes.
ALTER TABLE "fluxcore_document_chunks" ADD CONSTRAINT "fluxcore_document_chunks_file_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."fluxcore_files"("id") ON DELETE cascade ON UPDATE no action;

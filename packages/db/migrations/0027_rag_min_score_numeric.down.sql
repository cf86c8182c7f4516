-- Down of 0027_rag_min_score_numeric: back to the schema 0026_original_columns_and_tables left.
-- Written by db:generate from meta/0027_snapshot.json and meta/0026_snapshot.json (drizzle-kit/api);
-- review it like any migration. "fluxcore:destructive" marks a statement that drops data:
-- db:rollback counts those rows first and refuses to lose them without --yes.
ALTER TABLE "fluxcore_rag_configurations" ALTER COLUMN "retrieval_min_score" SET DATA TYPE double precision;
--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" ALTER COLUMN "retrieval_min_score" SET DEFAULT 0.3;

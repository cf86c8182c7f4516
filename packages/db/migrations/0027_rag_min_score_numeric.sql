-- fluxcore_rag_configurations.retrieval_min_score as the original's numeric(4,3), default 0.700.
-- A separate step because drizzle-kit drops a type change made together with a rename (0026).
-- squawk-ignore-file changing-column-type
SET LOCAL lock_timeout = '5s';--> statement-breakpoint
SET LOCAL statement_timeout = '5min';--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" ALTER COLUMN "retrieval_min_score" SET DATA TYPE numeric(4, 3);--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" ALTER COLUMN "retrieval_min_score" SET DEFAULT '0.700';
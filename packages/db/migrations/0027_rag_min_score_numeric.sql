-- fluxcore_rag_configurations.retrieval_min_score as the original's numeric(4,3); its default
-- stays 0.3, the value DEFAULT_RAG_CONFIG, toRAGConfig and searchChunks use (the original's
-- database said 0.700 while its code said 0.3). A separate step because drizzle-kit drops a
-- type change made together with a rename (0026).
-- squawk-ignore-file changing-column-type
SET LOCAL lock_timeout = '5s';--> statement-breakpoint
SET LOCAL statement_timeout = '5min';--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" ALTER COLUMN "retrieval_min_score" SET DATA TYPE numeric(4, 3);--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" ALTER COLUMN "retrieval_min_score" SET DEFAULT '0.300';
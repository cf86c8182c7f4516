-- pgvector: drizzle-kit never writes CREATE EXTENSION, so it is added by hand here.
CREATE EXTENSION IF NOT EXISTS vector;--> statement-breakpoint
CREATE TYPE "public"."rag_chunking_strategy" AS ENUM('fixed', 'recursive', 'sentence', 'paragraph', 'semantic');--> statement-breakpoint
CREATE TYPE "public"."vector_store_access_mode" AS ENUM('read', 'write');--> statement-breakpoint
CREATE TYPE "public"."vector_store_backend" AS ENUM('local', 'openai');--> statement-breakpoint
CREATE TYPE "public"."vector_store_file_status" AS ENUM('in_progress', 'completed', 'failed', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."vector_store_source" AS ENUM('primary', 'marketplace');--> statement-breakpoint
CREATE TYPE "public"."vector_store_status" AS ENUM('draft', 'production', 'disabled', 'expired');--> statement-breakpoint
CREATE TABLE "fluxcore_assistant_vector_stores" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assistant_id" uuid NOT NULL,
	"vector_store_id" uuid NOT NULL,
	"access_mode" vector_store_access_mode DEFAULT 'read' NOT NULL,
	"is_enabled" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fluxcore_document_chunks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"vector_store_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"content" text NOT NULL,
	"chunk_index" integer NOT NULL,
	"token_count" integer DEFAULT 0 NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"embedding" vector(1536) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fluxcore_document_chunks_counts_check" CHECK ("fluxcore_document_chunks"."chunk_index" >= 0 and "fluxcore_document_chunks"."token_count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "fluxcore_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"name" varchar(500) NOT NULL,
	"original_name" varchar(500),
	"mime_type" varchar(200) DEFAULT 'application/octet-stream' NOT NULL,
	"size_bytes" bigint DEFAULT 0 NOT NULL,
	"text_content" text,
	"content_hash" varchar(64) NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fluxcore_files_size_check" CHECK ("fluxcore_files"."size_bytes" >= 0)
);
--> statement-breakpoint
CREATE TABLE "fluxcore_rag_configurations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"vector_store_id" uuid,
	"account_id" uuid,
	"chunking_strategy" "rag_chunking_strategy" DEFAULT 'recursive' NOT NULL,
	"chunk_size" integer DEFAULT 512 NOT NULL,
	"chunk_overlap" integer DEFAULT 50 NOT NULL,
	"embedding_provider" varchar(50) DEFAULT 'openai' NOT NULL,
	"embedding_model" varchar(100) DEFAULT 'text-embedding-3-small' NOT NULL,
	"embedding_dimensions" integer DEFAULT 1536 NOT NULL,
	"top_k" integer DEFAULT 10 NOT NULL,
	"min_score" double precision DEFAULT 0.3 NOT NULL,
	"hybrid_search" boolean DEFAULT false NOT NULL,
	"reranking" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fluxcore_rag_configurations_one_scope_check" CHECK (((case when "fluxcore_rag_configurations"."vector_store_id" is null then 0 else 1 end) + (case when "fluxcore_rag_configurations"."account_id" is null then 0 else 1 end)) = 1),
	CONSTRAINT "fluxcore_rag_configurations_chunking_check" CHECK ("fluxcore_rag_configurations"."chunk_size" > 0 and "fluxcore_rag_configurations"."chunk_overlap" >= 0 and "fluxcore_rag_configurations"."chunk_overlap" < "fluxcore_rag_configurations"."chunk_size"),
	CONSTRAINT "fluxcore_rag_configurations_embedding_dimensions_check" CHECK ("fluxcore_rag_configurations"."embedding_dimensions" = 1536),
	CONSTRAINT "fluxcore_rag_configurations_top_k_check" CHECK ("fluxcore_rag_configurations"."top_k" between 1 and 100),
	CONSTRAINT "fluxcore_rag_configurations_min_score_check" CHECK ("fluxcore_rag_configurations"."min_score" between 0 and 1)
);
--> statement-breakpoint
CREATE TABLE "fluxcore_vector_store_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"vector_store_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"name" varchar(500) NOT NULL,
	"external_id" varchar(255),
	"status" vector_store_file_status DEFAULT 'in_progress' NOT NULL,
	"attributes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"chunking_strategy" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"last_error" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"chunk_count" integer DEFAULT 0 NOT NULL,
	"usage_bytes" bigint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fluxcore_vector_store_files_counts_check" CHECK ("fluxcore_vector_store_files"."chunk_count" >= 0 and "fluxcore_vector_store_files"."usage_bytes" >= 0)
);
--> statement-breakpoint
CREATE TABLE "fluxcore_vector_stores" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"name" varchar(255) NOT NULL,
	"description" text,
	"external_id" varchar(255),
	"visibility" "asset_visibility" DEFAULT 'private' NOT NULL,
	"status" vector_store_status DEFAULT 'draft' NOT NULL,
	"backend" vector_store_backend DEFAULT 'local' NOT NULL,
	"source" vector_store_source DEFAULT 'primary' NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"file_counts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"usage" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"expires_after" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"expires_at" timestamp with time zone,
	"last_active_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "fluxcore_assistant_vector_stores" ADD CONSTRAINT "fluxcore_assistant_vector_stores_assistant_id_fk" FOREIGN KEY ("assistant_id") REFERENCES "public"."fluxcore_assistants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fluxcore_assistant_vector_stores" ADD CONSTRAINT "fluxcore_assistant_vector_stores_vector_store_id_fk" FOREIGN KEY ("vector_store_id") REFERENCES "public"."fluxcore_vector_stores"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fluxcore_document_chunks" ADD CONSTRAINT "fluxcore_document_chunks_vector_store_id_fk" FOREIGN KEY ("vector_store_id") REFERENCES "public"."fluxcore_vector_stores"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fluxcore_document_chunks" ADD CONSTRAINT "fluxcore_document_chunks_file_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."fluxcore_files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fluxcore_document_chunks" ADD CONSTRAINT "fluxcore_document_chunks_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fluxcore_files" ADD CONSTRAINT "fluxcore_files_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fluxcore_files" ADD CONSTRAINT "fluxcore_files_uploaded_by_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" ADD CONSTRAINT "fluxcore_rag_configurations_vector_store_id_fk" FOREIGN KEY ("vector_store_id") REFERENCES "public"."fluxcore_vector_stores"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fluxcore_rag_configurations" ADD CONSTRAINT "fluxcore_rag_configurations_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fluxcore_vector_store_files" ADD CONSTRAINT "fluxcore_vector_store_files_vector_store_id_fk" FOREIGN KEY ("vector_store_id") REFERENCES "public"."fluxcore_vector_stores"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fluxcore_vector_store_files" ADD CONSTRAINT "fluxcore_vector_store_files_file_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."fluxcore_files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fluxcore_vector_stores" ADD CONSTRAINT "fluxcore_vector_stores_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "fluxcore_assistant_vector_stores_vector_store_id_idx" ON "fluxcore_assistant_vector_stores" USING btree ("vector_store_id");--> statement-breakpoint
CREATE UNIQUE INDEX "fluxcore_assistant_vector_stores_assistant_store_key" ON "fluxcore_assistant_vector_stores" USING btree ("assistant_id","vector_store_id");--> statement-breakpoint
CREATE INDEX "fluxcore_document_chunks_vector_store_id_idx" ON "fluxcore_document_chunks" USING btree ("vector_store_id");--> statement-breakpoint
CREATE INDEX "fluxcore_document_chunks_account_id_idx" ON "fluxcore_document_chunks" USING btree ("account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "fluxcore_document_chunks_file_chunk_key" ON "fluxcore_document_chunks" USING btree ("file_id","chunk_index");--> statement-breakpoint
CREATE INDEX "fluxcore_document_chunks_embedding_hnsw_idx" ON "fluxcore_document_chunks" USING hnsw ("embedding" vector_cosine_ops) WITH (m=16,ef_construction=64);--> statement-breakpoint
CREATE INDEX "fluxcore_files_uploaded_by_idx" ON "fluxcore_files" USING btree ("uploaded_by");--> statement-breakpoint
CREATE UNIQUE INDEX "fluxcore_files_account_content_hash_key" ON "fluxcore_files" USING btree ("account_id","content_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "fluxcore_rag_configurations_vector_store_id_key" ON "fluxcore_rag_configurations" USING btree ("vector_store_id") WHERE "fluxcore_rag_configurations"."vector_store_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "fluxcore_rag_configurations_account_id_key" ON "fluxcore_rag_configurations" USING btree ("account_id") WHERE "fluxcore_rag_configurations"."account_id" is not null;--> statement-breakpoint
CREATE INDEX "fluxcore_vector_store_files_file_id_idx" ON "fluxcore_vector_store_files" USING btree ("file_id");--> statement-breakpoint
CREATE UNIQUE INDEX "fluxcore_vector_store_files_store_file_key" ON "fluxcore_vector_store_files" USING btree ("vector_store_id","file_id");--> statement-breakpoint
CREATE INDEX "fluxcore_vector_stores_account_id_idx" ON "fluxcore_vector_stores" USING btree ("account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "fluxcore_vector_stores_external_id_key" ON "fluxcore_vector_stores" USING btree ("external_id") WHERE "fluxcore_vector_stores"."external_id" is not null;--> statement-breakpoint
CREATE INDEX "fluxcore_vector_stores_expires_at_idx" ON "fluxcore_vector_stores" USING btree ("expires_at") WHERE "fluxcore_vector_stores"."expires_at" is not null;
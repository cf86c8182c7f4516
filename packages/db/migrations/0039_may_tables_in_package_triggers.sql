-- The package's triggers (0029) for the May lineage's rows:
--   * the May tables with updated_at get the touch trigger 0029 gave every other table
--     (public.fluxcore_touch_updated_at): updated_at moves on any update, also by raw SQL. May's
--     own triggers on the signal tables, where a database has them, set the same column to the
--     same now() and are left as they are;
--   * a chunk May writes names no vector store (it reaches its store through its file): the
--     chunk counter skips it instead of failing on a stats row without a store.
-- fluxcore:present-when: select (select count(*) from pg_trigger where not tgisinternal and tgname in ('account_locations_touch_updated_at', 'account_runtime_config_touch_updated_at', 'fluxcore_account_actor_contexts_touch_updated_at', 'fluxcore_account_policies_touch_updated_at', 'fluxcore_actors_touch_updated_at', 'fluxcore_agents_touch_updated_at', 'fluxcore_session_projection_touch_updated_at', 'fluxcore_works_touch_updated_at', 'signal_delivery_log_touch_updated_at', 'signal_preferences_touch_updated_at', 'signals_touch_updated_at')) = 11
SET LOCAL lock_timeout = '5s';--> statement-breakpoint
SET LOCAL statement_timeout = '1min';--> statement-breakpoint
CREATE TRIGGER "account_locations_touch_updated_at" BEFORE UPDATE ON "public"."account_locations" FOR EACH ROW EXECUTE FUNCTION "public"."fluxcore_touch_updated_at"();--> statement-breakpoint
CREATE TRIGGER "account_runtime_config_touch_updated_at" BEFORE UPDATE ON "public"."account_runtime_config" FOR EACH ROW EXECUTE FUNCTION "public"."fluxcore_touch_updated_at"();--> statement-breakpoint
CREATE TRIGGER "fluxcore_account_actor_contexts_touch_updated_at" BEFORE UPDATE ON "public"."fluxcore_account_actor_contexts" FOR EACH ROW EXECUTE FUNCTION "public"."fluxcore_touch_updated_at"();--> statement-breakpoint
CREATE TRIGGER "fluxcore_account_policies_touch_updated_at" BEFORE UPDATE ON "public"."fluxcore_account_policies" FOR EACH ROW EXECUTE FUNCTION "public"."fluxcore_touch_updated_at"();--> statement-breakpoint
CREATE TRIGGER "fluxcore_actors_touch_updated_at" BEFORE UPDATE ON "public"."fluxcore_actors" FOR EACH ROW EXECUTE FUNCTION "public"."fluxcore_touch_updated_at"();--> statement-breakpoint
CREATE TRIGGER "fluxcore_agents_touch_updated_at" BEFORE UPDATE ON "public"."fluxcore_agents" FOR EACH ROW EXECUTE FUNCTION "public"."fluxcore_touch_updated_at"();--> statement-breakpoint
CREATE TRIGGER "fluxcore_session_projection_touch_updated_at" BEFORE UPDATE ON "public"."fluxcore_session_projection" FOR EACH ROW EXECUTE FUNCTION "public"."fluxcore_touch_updated_at"();--> statement-breakpoint
CREATE TRIGGER "fluxcore_works_touch_updated_at" BEFORE UPDATE ON "public"."fluxcore_works" FOR EACH ROW EXECUTE FUNCTION "public"."fluxcore_touch_updated_at"();--> statement-breakpoint
CREATE TRIGGER "signal_delivery_log_touch_updated_at" BEFORE UPDATE ON "public"."signal_delivery_log" FOR EACH ROW EXECUTE FUNCTION "public"."fluxcore_touch_updated_at"();--> statement-breakpoint
CREATE TRIGGER "signal_preferences_touch_updated_at" BEFORE UPDATE ON "public"."signal_preferences" FOR EACH ROW EXECUTE FUNCTION "public"."fluxcore_touch_updated_at"();--> statement-breakpoint
CREATE TRIGGER "signals_touch_updated_at" BEFORE UPDATE ON "public"."signals" FOR EACH ROW EXECUTE FUNCTION "public"."fluxcore_touch_updated_at"();--> statement-breakpoint
CREATE OR REPLACE FUNCTION "public"."fluxcore_vector_store_count_chunks"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO fluxcore_vector_store_stats AS s
      (vector_store_id, chunk_count, embedded_chunk_count, total_tokens, embedding_coverage_percent)
    SELECT vector_store_id, count(*), count(embedding), coalesce(sum(token_count), 0),
           round(100.0 * count(embedding) / count(*), 2)
    FROM added WHERE vector_store_id IS NOT NULL GROUP BY vector_store_id
    ON CONFLICT (vector_store_id) DO UPDATE SET
      chunk_count = s.chunk_count + excluded.chunk_count,
      embedded_chunk_count = s.embedded_chunk_count + excluded.embedded_chunk_count,
      total_tokens = s.total_tokens + excluded.total_tokens,
      embedding_coverage_percent = round(
        100.0 * (s.embedded_chunk_count + excluded.embedded_chunk_count)
          / (s.chunk_count + excluded.chunk_count), 2);
  ELSE
    -- Only an update: when the store itself is being deleted, its stats row goes with it.
    UPDATE fluxcore_vector_store_stats AS s SET
      chunk_count = greatest(s.chunk_count - r.chunks, 0),
      embedded_chunk_count = greatest(s.embedded_chunk_count - r.embedded, 0),
      total_tokens = greatest(s.total_tokens - r.tokens, 0),
      embedding_coverage_percent = CASE WHEN s.chunk_count - r.chunks > 0
        THEN round(100.0 * greatest(s.embedded_chunk_count - r.embedded, 0) / (s.chunk_count - r.chunks), 2)
        ELSE 0 END
    FROM (
      SELECT vector_store_id, count(*) AS chunks, count(embedding) AS embedded,
             coalesce(sum(token_count), 0) AS tokens
      FROM removed WHERE vector_store_id IS NOT NULL GROUP BY vector_store_id
    ) AS r
    WHERE s.vector_store_id = r.vector_store_id;
  END IF;
  RETURN NULL;
END
$$;

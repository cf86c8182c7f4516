-- Down of 0039_may_tables_in_package_triggers: written by hand (a custom migration). It drops the triggers the up created
-- (their function is 0029's), and puts back 0029's chunk counter.
DROP TRIGGER "signals_touch_updated_at" ON "public"."signals";--> statement-breakpoint
DROP TRIGGER "signal_preferences_touch_updated_at" ON "public"."signal_preferences";--> statement-breakpoint
DROP TRIGGER "signal_delivery_log_touch_updated_at" ON "public"."signal_delivery_log";--> statement-breakpoint
DROP TRIGGER "fluxcore_works_touch_updated_at" ON "public"."fluxcore_works";--> statement-breakpoint
DROP TRIGGER "fluxcore_session_projection_touch_updated_at" ON "public"."fluxcore_session_projection";--> statement-breakpoint
DROP TRIGGER "fluxcore_agents_touch_updated_at" ON "public"."fluxcore_agents";--> statement-breakpoint
DROP TRIGGER "fluxcore_actors_touch_updated_at" ON "public"."fluxcore_actors";--> statement-breakpoint
DROP TRIGGER "fluxcore_account_policies_touch_updated_at" ON "public"."fluxcore_account_policies";--> statement-breakpoint
DROP TRIGGER "fluxcore_account_actor_contexts_touch_updated_at" ON "public"."fluxcore_account_actor_contexts";--> statement-breakpoint
DROP TRIGGER "account_runtime_config_touch_updated_at" ON "public"."account_runtime_config";--> statement-breakpoint
DROP TRIGGER "account_locations_touch_updated_at" ON "public"."account_locations";--> statement-breakpoint
CREATE OR REPLACE FUNCTION "public"."fluxcore_vector_store_count_chunks"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO fluxcore_vector_store_stats AS s
      (vector_store_id, chunk_count, embedded_chunk_count, total_tokens, embedding_coverage_percent)
    SELECT vector_store_id, count(*), count(embedding), coalesce(sum(token_count), 0),
           round(100.0 * count(embedding) / count(*), 2)
    FROM added GROUP BY vector_store_id
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
      FROM removed GROUP BY vector_store_id
    ) AS r
    WHERE s.vector_store_id = r.vector_store_id;
  END IF;
  RETURN NULL;
END
$$;

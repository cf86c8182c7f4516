-- The logic the original kept in the database, owned by this package (src/schema/original.ts,
-- originalDatabaseLogic, lists each object and what it replaces):
--   * fluxcore_touch_updated_at: every table with updated_at refreshes it on any update, also
--     for raw SQL (drizzle's $onUpdate covers only updates made through drizzle);
--   * a listing's total_subscribers follows its subscriptions, and rating_average and
--     rating_count follow its published reviews;
--   * a vector store's counters in fluxcore_vector_store_stats follow its chunks and files,
--     one statement at a time (transition tables), so a bulk insert updates the row once.
-- The counters are recomputed from the data at the end, so they start right on any database.
-- fluxcore:present-when: select (select count(*) from pg_trigger where not tgisinternal and tgname in ('fluxcore_marketplace_subscriptions_count_added', 'fluxcore_marketplace_subscriptions_count_removed', 'fluxcore_marketplace_reviews_rate_listing', 'fluxcore_document_chunks_count_added', 'fluxcore_document_chunks_count_removed', 'fluxcore_vector_store_files_count_added', 'fluxcore_vector_store_files_count_removed')) = 7 and (select count(*) from pg_trigger where not tgisinternal and tgname like '%\_touch\_updated\_at') >= 44
SET LOCAL lock_timeout = '5s';
--> statement-breakpoint
SET LOCAL statement_timeout = '5min';
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "public"."fluxcore_touch_updated_at"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "account_ai_entitlements_touch_updated_at" BEFORE UPDATE ON "public"."account_ai_entitlements" FOR EACH ROW EXECUTE FUNCTION "public"."fluxcore_touch_updated_at"();
--> statement-breakpoint
CREATE TRIGGER "account_deletion_jobs_touch_updated_at" BEFORE UPDATE ON "public"."account_deletion_jobs" FOR EACH ROW EXECUTE FUNCTION "public"."fluxcore_touch_updated_at"();
--> statement-breakpoint
CREATE TRIGGER "accounts_touch_updated_at" BEFORE UPDATE ON "public"."accounts" FOR EACH ROW EXECUTE FUNCTION "public"."fluxcore_touch_updated_at"();
--> statement-breakpoint
CREATE TRIGGER "appointment_services_touch_updated_at" BEFORE UPDATE ON "public"."appointment_services" FOR EACH ROW EXECUTE FUNCTION "public"."fluxcore_touch_updated_at"();
--> statement-breakpoint
CREATE TRIGGER "appointment_staff_touch_updated_at" BEFORE UPDATE ON "public"."appointment_staff" FOR EACH ROW EXECUTE FUNCTION "public"."fluxcore_touch_updated_at"();
--> statement-breakpoint
CREATE TRIGGER "appointments_touch_updated_at" BEFORE UPDATE ON "public"."appointments" FOR EACH ROW EXECUTE FUNCTION "public"."fluxcore_touch_updated_at"();
--> statement-breakpoint
CREATE TRIGGER "asset_policies_touch_updated_at" BEFORE UPDATE ON "public"."asset_policies" FOR EACH ROW EXECUTE FUNCTION "public"."fluxcore_touch_updated_at"();
--> statement-breakpoint
CREATE TRIGGER "asset_upload_sessions_touch_updated_at" BEFORE UPDATE ON "public"."asset_upload_sessions" FOR EACH ROW EXECUTE FUNCTION "public"."fluxcore_touch_updated_at"();
--> statement-breakpoint
CREATE TRIGGER "assets_touch_updated_at" BEFORE UPDATE ON "public"."assets" FOR EACH ROW EXECUTE FUNCTION "public"."fluxcore_touch_updated_at"();
--> statement-breakpoint
CREATE TRIGGER "automation_rules_touch_updated_at" BEFORE UPDATE ON "public"."automation_rules" FOR EACH ROW EXECUTE FUNCTION "public"."fluxcore_touch_updated_at"();
--> statement-breakpoint
CREATE TRIGGER "conversations_touch_updated_at" BEFORE UPDATE ON "public"."conversations" FOR EACH ROW EXECUTE FUNCTION "public"."fluxcore_touch_updated_at"();
--> statement-breakpoint
CREATE TRIGGER "credits_conversation_sessions_touch_updated_at" BEFORE UPDATE ON "public"."credits_conversation_sessions" FOR EACH ROW EXECUTE FUNCTION "public"."fluxcore_touch_updated_at"();
--> statement-breakpoint
CREATE TRIGGER "credits_policies_touch_updated_at" BEFORE UPDATE ON "public"."credits_policies" FOR EACH ROW EXECUTE FUNCTION "public"."fluxcore_touch_updated_at"();
--> statement-breakpoint
CREATE TRIGGER "credits_wallets_touch_updated_at" BEFORE UPDATE ON "public"."credits_wallets" FOR EACH ROW EXECUTE FUNCTION "public"."fluxcore_touch_updated_at"();
--> statement-breakpoint
CREATE TRIGGER "extension_contexts_touch_updated_at" BEFORE UPDATE ON "public"."extension_contexts" FOR EACH ROW EXECUTE FUNCTION "public"."fluxcore_touch_updated_at"();
--> statement-breakpoint
CREATE TRIGGER "extension_installations_touch_updated_at" BEFORE UPDATE ON "public"."extension_installations" FOR EACH ROW EXECUTE FUNCTION "public"."fluxcore_touch_updated_at"();
--> statement-breakpoint
CREATE TRIGGER "fluxcore_account_credits_touch_updated_at" BEFORE UPDATE ON "public"."fluxcore_account_credits" FOR EACH ROW EXECUTE FUNCTION "public"."fluxcore_touch_updated_at"();
--> statement-breakpoint
CREATE TRIGGER "fluxcore_asset_permissions_touch_updated_at" BEFORE UPDATE ON "public"."fluxcore_asset_permissions" FOR EACH ROW EXECUTE FUNCTION "public"."fluxcore_touch_updated_at"();
--> statement-breakpoint
CREATE TRIGGER "fluxcore_assistant_instructions_touch_updated_at" BEFORE UPDATE ON "public"."fluxcore_assistant_instructions" FOR EACH ROW EXECUTE FUNCTION "public"."fluxcore_touch_updated_at"();
--> statement-breakpoint
CREATE TRIGGER "fluxcore_assistant_vector_stores_touch_updated_at" BEFORE UPDATE ON "public"."fluxcore_assistant_vector_stores" FOR EACH ROW EXECUTE FUNCTION "public"."fluxcore_touch_updated_at"();
--> statement-breakpoint
CREATE TRIGGER "fluxcore_assistants_touch_updated_at" BEFORE UPDATE ON "public"."fluxcore_assistants" FOR EACH ROW EXECUTE FUNCTION "public"."fluxcore_touch_updated_at"();
--> statement-breakpoint
CREATE TRIGGER "fluxcore_document_chunks_touch_updated_at" BEFORE UPDATE ON "public"."fluxcore_document_chunks" FOR EACH ROW EXECUTE FUNCTION "public"."fluxcore_touch_updated_at"();
--> statement-breakpoint
CREATE TRIGGER "fluxcore_files_touch_updated_at" BEFORE UPDATE ON "public"."fluxcore_files" FOR EACH ROW EXECUTE FUNCTION "public"."fluxcore_touch_updated_at"();
--> statement-breakpoint
CREATE TRIGGER "fluxcore_instructions_touch_updated_at" BEFORE UPDATE ON "public"."fluxcore_instructions" FOR EACH ROW EXECUTE FUNCTION "public"."fluxcore_touch_updated_at"();
--> statement-breakpoint
CREATE TRIGGER "fluxcore_marketplace_listings_touch_updated_at" BEFORE UPDATE ON "public"."fluxcore_marketplace_listings" FOR EACH ROW EXECUTE FUNCTION "public"."fluxcore_touch_updated_at"();
--> statement-breakpoint
CREATE TRIGGER "fluxcore_marketplace_reviews_touch_updated_at" BEFORE UPDATE ON "public"."fluxcore_marketplace_reviews" FOR EACH ROW EXECUTE FUNCTION "public"."fluxcore_touch_updated_at"();
--> statement-breakpoint
CREATE TRIGGER "fluxcore_marketplace_subscriptions_touch_updated_at" BEFORE UPDATE ON "public"."fluxcore_marketplace_subscriptions" FOR EACH ROW EXECUTE FUNCTION "public"."fluxcore_touch_updated_at"();
--> statement-breakpoint
CREATE TRIGGER "fluxcore_rag_configurations_touch_updated_at" BEFORE UPDATE ON "public"."fluxcore_rag_configurations" FOR EACH ROW EXECUTE FUNCTION "public"."fluxcore_touch_updated_at"();
--> statement-breakpoint
CREATE TRIGGER "fluxcore_template_settings_touch_updated_at" BEFORE UPDATE ON "public"."fluxcore_template_settings" FOR EACH ROW EXECUTE FUNCTION "public"."fluxcore_touch_updated_at"();
--> statement-breakpoint
CREATE TRIGGER "fluxcore_tool_connections_touch_updated_at" BEFORE UPDATE ON "public"."fluxcore_tool_connections" FOR EACH ROW EXECUTE FUNCTION "public"."fluxcore_touch_updated_at"();
--> statement-breakpoint
CREATE TRIGGER "fluxcore_tool_definitions_touch_updated_at" BEFORE UPDATE ON "public"."fluxcore_tool_definitions" FOR EACH ROW EXECUTE FUNCTION "public"."fluxcore_touch_updated_at"();
--> statement-breakpoint
CREATE TRIGGER "fluxcore_vector_store_files_touch_updated_at" BEFORE UPDATE ON "public"."fluxcore_vector_store_files" FOR EACH ROW EXECUTE FUNCTION "public"."fluxcore_touch_updated_at"();
--> statement-breakpoint
CREATE TRIGGER "fluxcore_vector_store_stats_touch_updated_at" BEFORE UPDATE ON "public"."fluxcore_vector_store_stats" FOR EACH ROW EXECUTE FUNCTION "public"."fluxcore_touch_updated_at"();
--> statement-breakpoint
CREATE TRIGGER "fluxcore_vector_stores_touch_updated_at" BEFORE UPDATE ON "public"."fluxcore_vector_stores" FOR EACH ROW EXECUTE FUNCTION "public"."fluxcore_touch_updated_at"();
--> statement-breakpoint
CREATE TRIGGER "plan_assets_touch_updated_at" BEFORE UPDATE ON "public"."plan_assets" FOR EACH ROW EXECUTE FUNCTION "public"."fluxcore_touch_updated_at"();
--> statement-breakpoint
CREATE TRIGGER "protected_accounts_touch_updated_at" BEFORE UPDATE ON "public"."protected_accounts" FOR EACH ROW EXECUTE FUNCTION "public"."fluxcore_touch_updated_at"();
--> statement-breakpoint
CREATE TRIGGER "relationships_touch_updated_at" BEFORE UPDATE ON "public"."relationships" FOR EACH ROW EXECUTE FUNCTION "public"."fluxcore_touch_updated_at"();
--> statement-breakpoint
CREATE TRIGGER "system_admins_touch_updated_at" BEFORE UPDATE ON "public"."system_admins" FOR EACH ROW EXECUTE FUNCTION "public"."fluxcore_touch_updated_at"();
--> statement-breakpoint
CREATE TRIGGER "templates_touch_updated_at" BEFORE UPDATE ON "public"."templates" FOR EACH ROW EXECUTE FUNCTION "public"."fluxcore_touch_updated_at"();
--> statement-breakpoint
CREATE TRIGGER "users_touch_updated_at" BEFORE UPDATE ON "public"."users" FOR EACH ROW EXECUTE FUNCTION "public"."fluxcore_touch_updated_at"();
--> statement-breakpoint
CREATE TRIGGER "website_configs_touch_updated_at" BEFORE UPDATE ON "public"."website_configs" FOR EACH ROW EXECUTE FUNCTION "public"."fluxcore_touch_updated_at"();
--> statement-breakpoint
CREATE TRIGGER "workspace_invitations_touch_updated_at" BEFORE UPDATE ON "public"."workspace_invitations" FOR EACH ROW EXECUTE FUNCTION "public"."fluxcore_touch_updated_at"();
--> statement-breakpoint
CREATE TRIGGER "workspace_members_touch_updated_at" BEFORE UPDATE ON "public"."workspace_members" FOR EACH ROW EXECUTE FUNCTION "public"."fluxcore_touch_updated_at"();
--> statement-breakpoint
CREATE TRIGGER "workspaces_touch_updated_at" BEFORE UPDATE ON "public"."workspaces" FOR EACH ROW EXECUTE FUNCTION "public"."fluxcore_touch_updated_at"();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "public"."fluxcore_marketplace_count_subscribers"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE fluxcore_marketplace_listings AS l SET total_subscribers = l.total_subscribers + n.count
    FROM (SELECT listing_id, count(*) AS count FROM added GROUP BY listing_id) AS n
    WHERE l.id = n.listing_id;
  ELSE
    UPDATE fluxcore_marketplace_listings AS l
    SET total_subscribers = greatest(l.total_subscribers - n.count, 0)
    FROM (SELECT listing_id, count(*) AS count FROM removed GROUP BY listing_id) AS n
    WHERE l.id = n.listing_id;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "fluxcore_marketplace_subscriptions_count_added" AFTER INSERT ON "public"."fluxcore_marketplace_subscriptions" REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION "public"."fluxcore_marketplace_count_subscribers"();
--> statement-breakpoint
CREATE TRIGGER "fluxcore_marketplace_subscriptions_count_removed" AFTER DELETE ON "public"."fluxcore_marketplace_subscriptions" REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION "public"."fluxcore_marketplace_count_subscribers"();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "public"."fluxcore_marketplace_rate_listing"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  target uuid;
BEGIN
  -- The listing of the review before and after the change, recomputed from its published reviews.
  FOREACH target IN ARRAY array_remove(ARRAY[
    CASE WHEN TG_OP <> 'DELETE' THEN NEW.listing_id END,
    CASE WHEN TG_OP <> 'INSERT' THEN OLD.listing_id END
  ], NULL) LOOP
    UPDATE fluxcore_marketplace_listings
    SET (rating_average, rating_count) = (
      SELECT round(avg(rating), 2), count(*)::integer
      FROM fluxcore_marketplace_reviews
      WHERE listing_id = target AND status = 'published'
    )
    WHERE id = target;
  END LOOP;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "fluxcore_marketplace_reviews_rate_listing" AFTER INSERT OR UPDATE OR DELETE ON "public"."fluxcore_marketplace_reviews" FOR EACH ROW EXECUTE FUNCTION "public"."fluxcore_marketplace_rate_listing"();
--> statement-breakpoint
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
--> statement-breakpoint
CREATE TRIGGER "fluxcore_document_chunks_count_added" AFTER INSERT ON "public"."fluxcore_document_chunks" REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION "public"."fluxcore_vector_store_count_chunks"();
--> statement-breakpoint
CREATE TRIGGER "fluxcore_document_chunks_count_removed" AFTER DELETE ON "public"."fluxcore_document_chunks" REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION "public"."fluxcore_vector_store_count_chunks"();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "public"."fluxcore_vector_store_count_files"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO fluxcore_vector_store_stats AS s
      (vector_store_id, file_count, total_size_bytes, last_file_added_at)
    SELECT vector_store_id, count(*), coalesce(sum(size_bytes), 0), now()
    FROM added GROUP BY vector_store_id
    ON CONFLICT (vector_store_id) DO UPDATE SET
      file_count = s.file_count + excluded.file_count,
      total_size_bytes = s.total_size_bytes + excluded.total_size_bytes,
      last_file_added_at = excluded.last_file_added_at;
  ELSE
    UPDATE fluxcore_vector_store_stats AS s SET
      file_count = greatest(s.file_count - r.files, 0),
      total_size_bytes = greatest(s.total_size_bytes - r.bytes, 0)
    FROM (
      SELECT vector_store_id, count(*) AS files, coalesce(sum(size_bytes), 0) AS bytes
      FROM removed GROUP BY vector_store_id
    ) AS r
    WHERE s.vector_store_id = r.vector_store_id;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "fluxcore_vector_store_files_count_added" AFTER INSERT ON "public"."fluxcore_vector_store_files" REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION "public"."fluxcore_vector_store_count_files"();
--> statement-breakpoint
CREATE TRIGGER "fluxcore_vector_store_files_count_removed" AFTER DELETE ON "public"."fluxcore_vector_store_files" REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION "public"."fluxcore_vector_store_count_files"();
--> statement-breakpoint
UPDATE "fluxcore_marketplace_listings" AS l SET
  total_subscribers = (SELECT count(*) FROM fluxcore_marketplace_subscriptions WHERE listing_id = l.id),
  (rating_average, rating_count) = (
    SELECT round(avg(rating), 2), count(*)::integer FROM fluxcore_marketplace_reviews
    WHERE listing_id = l.id AND status = 'published'
  );
--> statement-breakpoint
INSERT INTO "fluxcore_vector_store_stats" AS s
  (vector_store_id, file_count, total_size_bytes, chunk_count, embedded_chunk_count, total_tokens,
   embedding_coverage_percent)
SELECT v.id,
  (SELECT count(*) FROM fluxcore_vector_store_files WHERE vector_store_id = v.id),
  (SELECT coalesce(sum(size_bytes), 0) FROM fluxcore_vector_store_files WHERE vector_store_id = v.id),
  c.chunks, c.embedded, c.tokens,
  CASE WHEN c.chunks > 0 THEN round(100.0 * c.embedded / c.chunks, 2) ELSE 0 END
FROM fluxcore_vector_stores AS v
CROSS JOIN LATERAL (
  SELECT count(*) AS chunks, count(embedding) AS embedded, coalesce(sum(token_count), 0) AS tokens
  FROM fluxcore_document_chunks WHERE vector_store_id = v.id
) AS c
ON CONFLICT (vector_store_id) DO UPDATE SET
  file_count = excluded.file_count,
  total_size_bytes = excluded.total_size_bytes,
  chunk_count = excluded.chunk_count,
  embedded_chunk_count = excluded.embedded_chunk_count,
  total_tokens = excluded.total_tokens,
  embedding_coverage_percent = excluded.embedding_coverage_percent;

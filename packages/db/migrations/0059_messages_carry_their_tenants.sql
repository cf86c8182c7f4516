-- Issue 24: a message carries its tenants, the two accounts of its conversation's
-- relationship, and its policy tests them. Before, the policy probed the conversation, whose
-- own policy probed the relationship: every statement on messages as a runtime role planned two
-- nested subqueries, and a keyset page cost the role about twice the owner's time in the
-- server (planning 0.26 ms against 0.06, bench `rls`). A column test plans as cheaply as the
-- owner's query. Who sees a message is unchanged: both sides of its conversation's relationship,
-- and no one for a conversation with no relationship.
-- - The columns (no default: nothing rewrites the table for them), then every message given
--   its conversation's accounts: one UPDATE, under the lock the columns took, so messages are
--   held for its length (7 s for 200,000 messages on the server of bench `rls`; a database
--   with millions should plan the window). The statement timeout allows 30 minutes.
-- - Triggers keep them, as the owner (SECURITY DEFINER: they read past the policies, and the
--   policy then checks what they wrote): a message written, or moved to another conversation,
--   takes its conversation's accounts, whatever the writer put there (so they cannot be
--   forged); a conversation moved to another relationship, and a relationship whose accounts
--   change, pass the new accounts to their messages. Row locks order a message written at the
--   same time as such a change (each trigger says how), so neither misses the other.
-- - fluxcore_system reached, through conversations_system_references, the messages of a
--   conversation its tenant owns (owner_account_id) that others sent; it no longer does (its
--   own messages_system_references still gives it the tenant's own). The deletion worker never
--   read those: its plan follows sender_account_id, and a conversation goes with its cascade.
SET LOCAL lock_timeout = '5s';--> statement-breakpoint
SET LOCAL statement_timeout = '30min';--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "tenant_a_id" uuid;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "tenant_b_id" uuid;--> statement-breakpoint
-- No conversation moves and no relationship changes its accounts between the fill and the
-- triggers that pass such changes on: a writer under way is waited for (and its change read
-- by the fill), the next waits for this migration (the order an insert takes them: messages,
-- then the tables it references).
LOCK TABLE "conversations", "relationships" IN SHARE ROW EXCLUSIVE MODE;--> statement-breakpoint
UPDATE "messages" AS m
   SET "tenant_a_id" = r."account_a_id", "tenant_b_id" = r."account_b_id"
  FROM "conversations" AS c
  JOIN "relationships" AS r ON r."id" = c."relationship_id"
 WHERE c."id" = m."conversation_id";--> statement-breakpoint
CREATE OR REPLACE FUNCTION "public"."fluxcore_message_tenants"() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public, pg_temp
AS $fn$
DECLARE
  rel uuid;
BEGIN
  NEW.tenant_a_id := NULL;
  NEW.tenant_b_id := NULL;
  -- FOR KEY SHARE, the lock the foreign keys take anyway, first on the conversation, then on
  -- its relationship; each row is read again after its lock, by a statement of its own (a
  -- newer snapshot: a locking read that waited still returns the row it first saw). A move of
  -- the conversation or a change of the relationship's accounts locks that row FOR UPDATE in
  -- its trigger: one under way makes the lock wait, and the read then sees what it committed;
  -- one that comes later waits for this transaction and passes its accounts to this message
  -- too. No row (no conversation, or one with no relationship) leaves both null.
  PERFORM 1 FROM public.conversations c WHERE c.id = NEW.conversation_id FOR KEY SHARE;
  SELECT c.relationship_id INTO rel FROM public.conversations c WHERE c.id = NEW.conversation_id;
  IF rel IS NOT NULL THEN
    PERFORM 1 FROM public.relationships r WHERE r.id = rel FOR KEY SHARE;
    SELECT r.account_a_id, r.account_b_id INTO NEW.tenant_a_id, NEW.tenant_b_id
      FROM public.relationships r WHERE r.id = rel;
  END IF;
  RETURN NEW;
END
$fn$;--> statement-breakpoint
CREATE TRIGGER "messages_carry_tenants" BEFORE INSERT OR UPDATE OF "conversation_id", "tenant_a_id", "tenant_b_id" ON "public"."messages" FOR EACH ROW EXECUTE FUNCTION "public"."fluxcore_message_tenants"();--> statement-breakpoint
CREATE OR REPLACE FUNCTION "public"."fluxcore_conversation_passes_tenants"() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public, pg_temp
AS $fn$
DECLARE
  a uuid;
  b uuid;
BEGIN
  -- Waits for every transaction writing a message into this conversation (each holds the row
  -- FOR KEY SHARE), so its messages are passed on below too; later writers wait for this one.
  PERFORM 1 FROM public.conversations WHERE id = NEW.id FOR UPDATE;
  SELECT r.account_a_id, r.account_b_id INTO a, b
    FROM public.relationships r WHERE r.id = NEW.relationship_id;
  UPDATE public.messages SET tenant_a_id = a, tenant_b_id = b
   WHERE conversation_id = NEW.id
     AND (tenant_a_id IS DISTINCT FROM a OR tenant_b_id IS DISTINCT FROM b);
  RETURN NULL;
END
$fn$;--> statement-breakpoint
CREATE TRIGGER "conversations_pass_tenants" AFTER UPDATE OF "relationship_id" ON "public"."conversations" FOR EACH ROW WHEN (OLD."relationship_id" IS DISTINCT FROM NEW."relationship_id") EXECUTE FUNCTION "public"."fluxcore_conversation_passes_tenants"();--> statement-breakpoint
CREATE OR REPLACE FUNCTION "public"."fluxcore_relationship_passes_tenants"() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public, pg_temp
AS $fn$
BEGIN
  -- Waits for every transaction writing a message, or a conversation, under this relationship
  -- (each holds the row FOR KEY SHARE), so their messages are passed on below too.
  PERFORM 1 FROM public.relationships WHERE id = NEW.id FOR UPDATE;
  UPDATE public.messages m SET tenant_a_id = NEW.account_a_id, tenant_b_id = NEW.account_b_id
    FROM public.conversations c
   WHERE c.relationship_id = NEW.id AND m.conversation_id = c.id;
  RETURN NULL;
END
$fn$;--> statement-breakpoint
CREATE TRIGGER "relationships_pass_tenants" AFTER UPDATE OF "account_a_id", "account_b_id" ON "public"."relationships" FOR EACH ROW WHEN (OLD."account_a_id" IS DISTINCT FROM NEW."account_a_id" OR OLD."account_b_id" IS DISTINCT FROM NEW."account_b_id") EXECUTE FUNCTION "public"."fluxcore_relationship_passes_tenants"();--> statement-breakpoint
ALTER POLICY "messages_tenant" ON "messages" TO fluxcore_app,fluxcore_system USING ("tenant_a_id" = (select nullif(current_setting('fluxcore.account_id', true), '')::uuid) or "tenant_b_id" = (select nullif(current_setting('fluxcore.account_id', true), '')::uuid)) WITH CHECK ("tenant_a_id" = (select nullif(current_setting('fluxcore.account_id', true), '')::uuid) or "tenant_b_id" = (select nullif(current_setting('fluxcore.account_id', true), '')::uuid));
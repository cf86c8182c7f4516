-- The credits gating decision in one statement (issue 14): the live-session check, the policy,
-- the conditional debit, the session and the ledger row with its request fingerprint, in the
-- order every money path locks: the payer's wallet row first, then the conversation's gating
-- lock. plpgsql takes a new snapshot for each statement, so a call that waited for the wallet
-- row sees what the call before it committed (its ledger row, its session).
SET LOCAL lock_timeout = '5s';--> statement-breakpoint
SET LOCAL statement_timeout = '1min';--> statement-breakpoint
CREATE OR REPLACE FUNCTION "public"."fluxcore_apply_credits_gating"(
  p_account_id uuid,
  p_conversation_id uuid,
  p_feature_key text,
  p_engine text,
  p_model text,
  p_idempotency_key text,
  p_fingerprint text
) RETURNS TABLE (outcome text, session jsonb, charged boolean, balance integer, required integer)
LANGUAGE plpgsql VOLATILE AS $fn$
DECLARE
  v_wallet_id uuid;
  v_balance integer := 0;
  v_entry record;
  v_session credits_conversation_sessions%ROWTYPE;
  v_policy credits_policies%ROWTYPE;
BEGIN
  PERFORM 1
    FROM conversations c
    JOIN relationships r ON r.id = c.relationship_id
   WHERE c.id = p_conversation_id AND p_account_id IN (r.account_a_id, r.account_b_id);
  IF NOT FOUND THEN
    RETURN QUERY SELECT 'conversation_not_found'::text, NULL::jsonb, false, 0, 0;
    RETURN;
  END IF;

  SELECT w.id, w.balance INTO v_wallet_id, v_balance
    FROM credits_wallets w WHERE w.account_id = p_account_id FOR UPDATE;
  v_balance := coalesce(v_balance, 0);
  PERFORM pg_advisory_xact_lock(
    hashtextextended('credits-gating:' || lower(p_conversation_id::text) || ':' || p_feature_key, 0));

  IF v_wallet_id IS NOT NULL AND p_idempotency_key IS NOT NULL THEN
    SELECT l.entry_type, l.request_fingerprint, l.account_id, l.conversation_id, l.feature_key,
           l.engine, l.model, l.session_id
      INTO v_entry
      FROM credits_ledger l
     WHERE l.wallet_id = v_wallet_id AND l.idempotency_key = p_idempotency_key;
    IF FOUND THEN
      -- The key's request must be this one: its stored fingerprint, or (rows written before
      -- fingerprints were stored) its own columns.
      IF v_entry.entry_type::text <> 'spend' OR NOT coalesce(
           v_entry.request_fingerprint = p_fingerprint,
           v_entry.account_id = p_account_id
             AND v_entry.conversation_id IS NOT DISTINCT FROM p_conversation_id
             AND v_entry.feature_key IS NOT DISTINCT FROM p_feature_key
             AND v_entry.engine IS NOT DISTINCT FROM p_engine
             AND v_entry.model IS NOT DISTINCT FROM p_model) THEN
        RETURN QUERY SELECT 'idempotency_key_conflict'::text, NULL::jsonb, false, v_balance, 0;
        RETURN;
      END IF;
      SELECT * INTO v_session FROM credits_conversation_sessions s WHERE s.id = v_entry.session_id;
      IF NOT FOUND THEN
        -- The money history outlives the session (set null): nothing to return.
        RETURN QUERY SELECT 'conversation_not_found'::text, NULL::jsonb, false, v_balance, 0;
        RETURN;
      END IF;
      RETURN QUERY SELECT 'session'::text, to_jsonb(v_session), false, v_balance, 0;
      RETURN;
    END IF;
  END IF;

  SELECT * INTO v_session
    FROM credits_conversation_sessions s
   WHERE s.account_id = p_account_id AND s.conversation_id = p_conversation_id
     AND s.feature_key = p_feature_key AND s.engine = p_engine AND s.model = p_model
     AND s.expires_at > now() AND s.tokens_used < s.token_budget
   ORDER BY s.expires_at DESC NULLS LAST
   LIMIT 1;
  IF FOUND THEN
    RETURN QUERY SELECT 'session'::text, to_jsonb(v_session), false, v_balance, 0;
    RETURN;
  END IF;

  SELECT * INTO v_policy
    FROM credits_policies p
   WHERE p.feature_key = p_feature_key AND p.engine = p_engine AND p.model = p_model AND p.active;
  IF NOT FOUND THEN
    RETURN QUERY SELECT 'no_policy'::text, NULL::jsonb, false, v_balance, 0;
    RETURN;
  END IF;

  IF v_policy.cost_credits > 0 THEN
    IF v_wallet_id IS NULL OR v_balance < v_policy.cost_credits THEN
      RETURN QUERY SELECT 'insufficient_credits'::text, NULL::jsonb, false, v_balance,
                          v_policy.cost_credits;
      RETURN;
    END IF;
    UPDATE credits_wallets w
       SET balance = w.balance - v_policy.cost_credits
     WHERE w.id = v_wallet_id
    RETURNING w.balance INTO v_balance;
  END IF;

  INSERT INTO credits_conversation_sessions
    (account_id, conversation_id, feature_key, engine, model, cost_credits, token_budget, expires_at)
  VALUES
    (p_account_id, p_conversation_id, p_feature_key, p_engine, p_model, v_policy.cost_credits,
     v_policy.token_budget, now() + v_policy.duration_hours * interval '1 hour')
  RETURNING * INTO v_session;

  -- A free policy moves no credits, so it writes no ledger row (the ledger refuses delta 0).
  IF v_wallet_id IS NOT NULL AND v_policy.cost_credits > 0 THEN
    INSERT INTO credits_ledger
      (wallet_id, account_id, delta, entry_type, feature_key, engine, model, conversation_id,
       session_id, idempotency_key, request_fingerprint, metadata)
    VALUES
      (v_wallet_id, p_account_id, -v_policy.cost_credits, 'spend', p_feature_key, p_engine,
       p_model, p_conversation_id, v_session.id, p_idempotency_key,
       CASE WHEN p_idempotency_key IS NULL THEN NULL ELSE p_fingerprint END,
       jsonb_build_object('policyId', v_policy.id));
  END IF;
  RETURN QUERY SELECT 'session'::text, to_jsonb(v_session), true, v_balance, 0;
END
$fn$;

/**
 * Rows of an account in the tenant tables fillAccount leaves empty (its deletion job, log and
 * protection; the May work engine; the kernel's actors and identity links; opening hours), so
 * that the generated isolation tests (issue 24) have rows of each tenant in every table with
 * row-level security. Raw SQL, one statement per table, in the order the foreign keys need.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database, Transaction } from '../connection/client.ts';
import { rawRows } from '../connection/raw-rows.ts';

type Writer = Database | Transaction;

async function one(db: Writer, query: ReturnType<typeof sql>): Promise<string> {
  const [row] = await rawRows<{ id: string }>(db, query);
  if (!row) throw new Error('insert returned no row');
  return String(row.id);
}

/** The kernel's actor of the account, its address, and a signal linking an identity to it. */
async function fillKernel(db: Writer, accountId: string, tag: string): Promise<void> {
  const actor = await one(
    db,
    sql`insert into fluxcore_actors (tenant_id) values (${accountId}) returning id`,
  );
  const address = await one(
    db,
    sql`insert into fluxcore_addresses (driver_id, external_id) values ('test', ${tag}) returning id`,
  );
  await db.execute(
    sql`insert into fluxcore_actor_address_links (actor_id, address_id) values (${actor}, ${address})`,
  );
  await db.execute(sql`insert into fluxcore_reality_adapters
      (adapter_id, driver_id, adapter_class, description, signing_secret, adapter_version)
    values (${`adapter-${tag}`}, 'test', 'test', 'test', 'test', '1') on conflict do nothing`);
  const signal = await one(
    db,
    sql`insert into fluxcore_signals (signal_fingerprint, fact_type, source_namespace, source_key,
        evidence_raw, evidence_format, evidence_checksum, provenance_driver_id,
        certified_by_adapter, certified_adapter_version)
      values (${tag}, 'identity', 'test', ${tag}, '{}'::jsonb, 'json', ${tag}, 'test',
        ${`adapter-${tag}`}, '1') returning sequence_number as id`,
  );
  await db.execute(sql`insert into fluxcore_actor_identity_links
      (provisional_actor_id, real_account_id, tenant_id, linking_signal_seq)
    values (${actor}, ${accountId}, ${accountId}, ${signal})`);
}

/** A work definition, a work, its event, slot, context, decision, proposal, effect and claim. */
async function fillWorks(db: Writer, accountId: string, tag: string): Promise<void> {
  const definition = await one(
    db,
    sql`insert into fluxcore_work_definitions (account_id, type_id, version, definition_json)
      values (${accountId}, ${tag}, '1', '{}'::jsonb) returning id`,
  );
  const work = await one(
    db,
    sql`insert into fluxcore_works (account_id, work_definition_id, work_definition_version, state)
      values (${accountId}, ${definition}, '1', 'open') returning id`,
  );
  await db.execute(sql`insert into fluxcore_work_events
      (account_id, work_id, event_type, actor, trace_id, work_revision)
    values (${accountId}, ${work}, 'created', 'test', ${tag}, 1)`);
  const context = await one(
    db,
    sql`insert into fluxcore_semantic_contexts
        (account_id, work_id, conversation_id, slot_path, proposed_value, status, expires_at)
      values (${accountId}, ${work}, ${tag}, 'slot', '{}'::jsonb, 'pending', now() + interval '1 day')
      returning id`,
  );
  await db.execute(sql`insert into fluxcore_work_slots
      (account_id, work_id, path, type, status, set_by, semantic_context_id)
    values (${accountId}, ${work}, 'slot', 'text', 'set', 'test', ${context})`);
  const decision = await one(
    db,
    sql`insert into fluxcore_decision_events (account_id, trace_id, input)
      values (${accountId}, ${tag}, '{}'::jsonb) returning id`,
  );
  await db.execute(sql`insert into fluxcore_proposed_works
      (account_id, conversation_id, decision_event_id, candidate_slots, trace_id, resolution)
    values (${accountId}, ${tag}, ${decision}, '[]'::jsonb, ${tag}, 'pending')`);
  const effect = await one(
    db,
    sql`insert into fluxcore_external_effects
        (account_id, work_id, tool_name, idempotency_key, status, started_at)
      values (${accountId}, ${work}, 'test', ${tag}, 'started', now()) returning id`,
  );
  await db.execute(sql`insert into fluxcore_external_effect_claims
      (account_id, semantic_context_id, work_id, effect_type, status, external_effect_id)
    values (${accountId}, ${context}, ${work}, 'test', 'claimed', ${effect})`);
}

/** The account's opening hours: a weekly schedule and interval, a special date and interval. */
async function fillHours(db: Writer, accountId: string): Promise<void> {
  await db.execute(sql`insert into weekly_schedules (owner_type, owner_id, day_of_week)
    values ('account', ${accountId}, 1)`);
  await db.execute(sql`insert into weekly_intervals
      (owner_type, owner_id, day_of_week, open_time, close_time)
    values ('account', ${accountId}, 1, '09:00', '17:00')`);
  const date = await one(
    db,
    sql`insert into special_dates (owner_type, owner_id, date, is_closed)
      values ('account', ${accountId}, '2026-12-24', false) returning id`,
  );
  await db.execute(sql`insert into special_intervals (special_date_id, open_time, close_time)
    values (${date}, '09:00', '12:00')`);
}

/** Rows of `accountId` in every tenant table fillAccount does not fill. */
export async function fillTenancyExtras(db: Writer, accountId: string): Promise<void> {
  const tag = randomUUID();
  await db.execute(sql`insert into account_deletion_jobs (account_id, status)
    values (${accountId}, 'completed')`);
  await db.execute(sql`insert into account_deletion_logs (account_id, status)
    values (${accountId}, 'completed')`);
  await db.execute(sql`insert into protected_accounts (account_id, reason)
    values (${accountId}, 'test')`);
  await fillKernel(db, accountId, tag);
  await fillWorks(db, accountId, tag);
  await fillHours(db, accountId);
}

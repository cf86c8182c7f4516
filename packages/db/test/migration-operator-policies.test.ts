/**
 * Operator data is the operator's (issue 22, item 6), on both database kinds. On a database
 * whose operator had 'ai_session' credits policies before 0025, 0025 inserted its base
 * 'ai.session' rows beside them and 0028 deactivated the operator's (token_budget 12000 became
 * 120000 in effect). 0038 gives the operator's rows back their place and deletes only 0025's
 * untouched rows; a row the operator switched off earlier, and a fresh database, keep theirs.
 */
import { afterEach, describe, expect, test } from 'bun:test';
import {
  createTestDatabase,
  databaseKinds,
  projectMigrations,
  type TestDatabase,
} from '@fluxcore/db/testing';
import type { SqlSession } from '../src/connection/client.ts';
import { migrate } from '../src/migrator/apply.ts';

type Policy = {
  feature_key: string;
  engine: string;
  model: string;
  token_budget: number;
  active: boolean;
};

const readPolicies = (session: SqlSession) =>
  session.query<Policy>(
    `select feature_key, engine, model, token_budget, active
       from credits_policies order by engine, model, feature_key`,
  );

describe.each(databaseKinds)('0038 on a %s database', (kind) => {
  let database: TestDatabase | undefined;
  let session: SqlSession | undefined;
  afterEach(async () => {
    await session?.close();
    await database?.drop();
  });

  /** A copy of a database migrated up to 0024 once per run (what both tests start from). */
  async function freshSession() {
    database = await createTestDatabase(kind, { migratedTo: '0024' });
    session = await database.session();
    return session;
  }

  test("restores the operator's 'ai_session' policies that 0028 deactivated", async () => {
    const db = await freshSession();
    // The operator's rows, there before 0025: two live ones, and one switched off long ago.
    await db.exec(`
      insert into credits_policies (feature_key, engine, model, cost_credits, token_budget, duration_hours, active, created_at, updated_at)
      values ('ai_session', 'openai_chat', 'gpt-4o-mini-2024-07-18', 1, 12000, 24, true, now() - interval '30 days', now() - interval '30 days'),
             ('ai_session', 'groq_chat', 'llama-3.1-8b-instant', 2, 12000, 24, true, now() - interval '30 days', now() - interval '30 days'),
             ('ai_session', 'openai_chat', 'gpt-3.5-turbo', 1, 8000, 24, false, now() - interval '60 days', now() - interval '40 days');`);
    await migrate(db, projectMigrations, { to: '0028_credits_policies_ai_session_key' });
    // 0028's outcome, the bug: 0025's rows live, the operator's switched off.
    const broken = await readPolicies(db);
    expect(broken.filter((p) => p.active).map((p) => [p.feature_key, p.token_budget])).toEqual([
      ['ai.session', 120000],
      ['ai.session', 120000],
    ]);

    await migrate(db, projectMigrations);
    expect(await readPolicies(db)).toEqual([
      {
        feature_key: 'ai.session',
        engine: 'groq_chat',
        model: 'llama-3.1-8b-instant',
        token_budget: 12000,
        active: true,
      },
      // Alone under its engine and model, 0028 renamed it and left it off: 0038 leaves it be.
      {
        feature_key: 'ai.session',
        engine: 'openai_chat',
        model: 'gpt-3.5-turbo',
        token_budget: 8000,
        active: false,
      },
      {
        feature_key: 'ai.session',
        engine: 'openai_chat',
        model: 'gpt-4o-mini-2024-07-18',
        token_budget: 12000,
        active: true,
      },
    ]);
  });

  test("keeps 0025's rows where no operator row came first, and an operator's edit of them", async () => {
    const db = await freshSession();
    await migrate(db, projectMigrations, { to: '0037_may_signals' });
    // The operator tuned one of 0025's rows after it was inserted.
    await db.exec(
      `update credits_policies set token_budget = 50000, updated_at = now() + interval '1 second'
        where feature_key = 'ai.session' and engine = 'groq_chat'`,
    );
    const before = await readPolicies(db);
    await migrate(db, projectMigrations);
    expect(await readPolicies(db)).toEqual(before);
    expect(before.map((p) => [p.feature_key, p.token_budget, p.active])).toEqual([
      ['ai.session', 50000, true],
      ['ai.session', 120000, true],
    ]);
  });
});

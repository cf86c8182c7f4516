/**
 * Gated AI sessions under load: 16 clients at once, each opening paid sessions one after
 * another. Ours is applyCreditsGating: one named prepared statement, the SQL function of migration 0034
 * (conversation check, wallet lock, key replay check, live-session lookup, policy, conditional
 * debit, session and ledger rows). The baseline is
 * the least a correct gate must do: one transaction with the conditional
 * `UPDATE … SET balance = balance - cost WHERE … AND balance >= cost RETURNING` and one insert
 * of the session, as raw prepared statements. Every call of ours gets a conversation with no
 * live session, so every call pays (none is a cheap reuse).
 *
 * Twice: with distinct wallets (each client its own account), and with one hot wallet that all
 * 16 clients charge, where the wallet row's lock serialises both sides.
 */
import {
  applyCreditsGating,
  baseCreditsPolicies,
  createDb,
  type DatabaseClient,
  grantCredits,
} from '@fluxcore/db';
import pg from 'pg';
import { SeededRandom } from '../data.ts';
import { createMigratedServerDatabase } from '../databases.ts';
import { alternate, median } from '../measure.ts';
import { type Benchmark, type Context, type Row, roundRatios } from '../suite.ts';

const [policy] = baseCreditsPolicies;
const startingCredits = 1_000_000;

interface Fixture {
  /**
   * Per client: the account it charges, the conversations ours has not used yet, and one that
   * only the baseline writes its sessions for (so ours never finds them live).
   */
  clients: {
    accountId: string;
    walletId: string;
    conversations: string[];
    baselineConversation: string;
  }[];
}

/** `count` accounts owned by one user each, with a relationship to a shared peer. */
export async function createAccounts(client: DatabaseClient, random: SeededRandom, count: number) {
  const ids = Array.from({ length: count + 1 }, () => ({
    user: random.uuid(),
    account: random.uuid(),
    relationship: random.uuid(),
  }));
  await client.query(
    `insert into users (id, email, password_hash, name)
     select u, 'bench-' || ordinality || '@bench.test', 'x', 'bench' from unnest($1::uuid[]) with ordinality as u`,
    [ids.map((i) => i.user)],
  );
  await client.query(
    `insert into accounts (id, owner_user_id, username, display_name)
     select a, u, 'bench_' || ordinality, 'bench' from unnest($1::uuid[], $2::uuid[]) with ordinality as t(a, u)`,
    [ids.map((i) => i.account), ids.map((i) => i.user)],
  );
  const [peer, ...owners] = ids;
  if (!peer) throw new Error('no peer account');
  await client.query(
    `insert into relationships (id, account_a_id, account_b_id)
     select r, a, $3 from unnest($1::uuid[], $2::uuid[]) as t(r, a)`,
    [owners.map((o) => o.relationship), owners.map((o) => o.account), peer.account],
  );
  for (const owner of owners) {
    const granted = await grantCredits(client.db, {
      accountId: owner.account,
      amount: startingCredits,
      reason: 'benchmark',
      idempotencyKey: 'bench-start',
    });
    if (granted.kind !== 'granted') throw new Error(`granting credits failed: ${granted.kind}`);
  }
  return owners;
}

export async function newConversations(
  client: DatabaseClient,
  relationshipId: string,
  count: number,
) {
  const rows = await client.query<{ id: string }>(
    `insert into conversations (relationship_id) select $1 from generate_series(1, $2) returning id`,
    [relationshipId, count],
  );
  return rows.map((row) => row.id);
}

async function walletOf(client: DatabaseClient, accountId: string): Promise<string> {
  const [row] = await client.query<{ id: string }>(
    'select id from credits_wallets where account_id = $1',
    [accountId],
  );
  if (!row) throw new Error(`account ${accountId} has no wallet`);
  return row.id;
}

/**
 * 16 clients on distinct accounts, or 16 clients on one hot account. Each client gets enough
 * fresh conversations for every call ours makes in all rounds.
 */
async function prepare(
  client: DatabaseClient,
  context: Context,
  hot: boolean,
  random: SeededRandom,
): Promise<Fixture> {
  const { gatingClients, gatingCallsPerClient, gatingRounds } = context.sizes;
  // Every call of ours in the warm-up round and the measured rounds uses a new conversation.
  const perClient = gatingCallsPerClient * (gatingRounds + 1);
  const owners = await createAccounts(client, random, hot ? 1 : gatingClients);
  const clients: Fixture['clients'] = [];
  for (let i = 0; i < gatingClients; i++) {
    const owner = owners[hot ? 0 : i];
    if (!owner) throw new Error('missing account');
    const [baselineConversation, ...conversations] = await newConversations(
      client,
      owner.relationship,
      perClient + 1,
    );
    if (!baselineConversation) throw new Error('no conversation was created');
    clients.push({
      accountId: owner.account,
      walletId: await walletOf(client, owner.account),
      conversations,
      baselineConversation,
    });
  }
  return { clients };
}

interface Throughput {
  /** Calls per second. */
  rate: number;
  /** This process's CPU time per call (ms): the client side's share of the work. */
  clientCpuMs: number;
}

/** All clients at once, `calls` calls each one after another. */
async function throughput(
  fixture: Fixture,
  calls: number,
  call: (c: Fixture['clients'][number]) => Promise<void>,
): Promise<Throughput> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  await Promise.all(
    fixture.clients.map(async (c) => {
      for (let i = 0; i < calls; i++) await call(c);
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  const total = fixture.clients.length * calls;
  return { rate: total / seconds, clientCpuMs: (used.user + used.system) / 1000 / total };
}

async function compare(context: Context, hot: boolean, seed: number): Promise<Row> {
  const { sizes } = context;
  const database = await createMigratedServerDatabase(
    context.server,
    hot ? 'gating_hot' : 'gating',
  );
  const ours = await createDb(database.config, { poolMax: sizes.gatingClients });
  const pool = new pg.Pool({
    connectionString: database.config.url,
    max: sizes.gatingClients,
    application_name: 'fluxcore-bench',
  });
  // pool.end() resolves before its idle connections are gone; dropping the database then ends
  // them from the server side, which an idle client reports as an error: expected here.
  pool.on('error', () => {});
  try {
    const fixture = await prepare(ours, context, hot, new SeededRandom(seed));
    const oursCall = async (c: Fixture['clients'][number]) => {
      const conversationId = c.conversations.pop();
      if (!conversationId) throw new Error('the benchmark ran out of fresh conversations');
      const result = await applyCreditsGating(ours.db, {
        accountId: c.accountId,
        conversationId,
        engine: policy.engine,
        model: policy.model,
      });
      if (result.kind !== 'session' || !result.charged) {
        throw new Error(`applyCreditsGating did not open a paid session: ${result.kind}`);
      }
    };
    const baselineCall = async (c: Fixture['clients'][number]) => {
      const connection = await pool.connect();
      try {
        await connection.query('begin');
        const debit = await connection.query({
          name: 'bench_debit',
          text: 'update credits_wallets set balance = balance - $2 where id = $1 and balance >= $2 returning balance',
          values: [c.walletId, policy.costCredits],
        });
        if (debit.rowCount !== 1) throw new Error('the baseline debit found no credits');
        await connection.query({
          name: 'bench_session',
          text: `insert into credits_conversation_sessions
                   (account_id, conversation_id, feature_key, engine, model, cost_credits, token_budget, expires_at)
                 values ($1, $2, $3, $4, $5, $6, $7, now() + $8 * interval '1 hour')`,
          values: [
            c.accountId,
            c.baselineConversation,
            policy.featureKey,
            policy.engine,
            policy.model,
            policy.costCredits,
            policy.tokenBudget,
            policy.durationHours,
          ],
        });
        await connection.query('commit');
      } catch (error) {
        await connection.query('rollback').catch(() => {});
        throw error;
      } finally {
        connection.release();
      }
    };
    const steps = {
      ours: () => throughput(fixture, sizes.gatingCallsPerClient, oursCall),
      baseline: () => throughput(fixture, sizes.gatingCallsPerClient, baselineCall),
    };
    await alternate(1, steps);
    const samples = await alternate(sizes.gatingRounds, steps);
    // No lost update on either side: every debit of both is in the balances.
    const charged = 2 * (sizes.gatingRounds + 1) * sizes.gatingCallsPerClient * sizes.gatingClients;
    const [balances] = await ours.query<{ total: string; wallets: number }>(
      'select sum(balance)::text as total, count(*)::int as wallets from credits_wallets',
    );
    const expected =
      Number(balances?.wallets ?? 0) * startingCredits - charged * policy.costCredits;
    if (Number(balances?.total) !== expected) {
      throw new Error(`the wallets hold ${balances?.total} credits, ${expected} expected`);
    }
    const oursRate = median(samples.ours.map((s) => s.rate));
    const baselineRate = median(samples.baseline.map((s) => s.rate));
    const clientCpu = {
      ours: median(samples.ours.map((s) => s.clientCpuMs)),
      baseline: median(samples.baseline.map((s) => s.clientCpuMs)),
    };
    const ratio = oursRate / baselineRate;
    const what = hot
      ? `gated AI sessions, ${sizes.gatingClients} concurrent clients, one hot wallet`
      : `gated AI sessions, ${sizes.gatingClients} concurrent clients, distinct wallets`;
    const met = hot ? undefined : ratio >= 0.7;
    const calls = `${sizes.gatingCallsPerClient} paid calls per client per round, ${sizes.gatingRounds} round${sizes.gatingRounds === 1 ? '' : 's'}`;
    const cores = (oursRate * clientCpu.ours) / 1000;
    const limit = `ours is one named prepared statement (the SQL function fluxcore_apply_credits_gating: conversation check, wallet lock, key replay check, live-session lookup, policy, debit, session and ledger rows) against the baseline's 4 round trips, and the client spends ${clientCpu.ours.toFixed(2)} ms of CPU per call against ${clientCpu.baseline.toFixed(2)}; the server does more than the baseline: a ledger row with its fingerprint (4 foreign keys, 6 indexes) and the checks the baseline skips, on the same ${navigator.hardwareConcurrency} cores as the clients (at ${oursRate.toFixed(0)} calls/s the client takes ${cores.toFixed(1)} of them)`;
    return {
      benchmark: 'gating',
      what,
      database: 'server',
      ours: {
        label: '`applyCreditsGating`',
        value: oursRate,
        unit: 'calls/s',
        samples: samples.ours.map((s) => s.rate),
      },
      baseline: {
        label: 'raw `UPDATE … RETURNING` + insert',
        value: baselineRate,
        unit: 'calls/s',
        samples: samples.baseline.map((s) => s.rate),
      },
      details: { clientCpuMsPerCall: clientCpu },
      ratio,
      ratioOf: 'throughput',
      roundRatios: roundRatios(
        samples.ours.map((s) => s.rate),
        samples.baseline.map((s) => s.rate),
      ),
      target: hot ? { text: 'report' } : { text: 'throughput ratio ≥ 0.7', met },
      note: hot
        ? `${calls}; the wallet row's lock serialises both sides`
        : met
          ? calls
          : `${calls}. Limit: ${limit}`,
    };
  } finally {
    await pool.end();
    await ours.close();
    await database.drop();
  }
}

export const gatingBenchmark: Benchmark = {
  id: 'gating',
  title: 'gated AI sessions, 16 concurrent clients',
  run: async (context) => [
    await compare(context, false, context.seed),
    await compare(context, true, context.seed + 1),
  ],
};

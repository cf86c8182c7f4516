/**
 * Serving while the schema changes (issue 23 item 8, issue 26 item 4), on a May-lineage
 * database with 1,000,000 messages at scale 1: built by the original's own files
 * (scripts/build-original.sh 239c046) when ORIGINAL_GIT_DIR names its git directory, else
 * from the May reference catalog; rows by the reference generator, messages grown on the
 * server (fillMayDatabase). Every change runs as the user runs it, `db:converge --yes` or
 * `db:migrate` in its own process, on a fresh copy of that database, while clients send
 * HTTP-shaped requests:
 * - converge with one client (a writer and a reader): its time against `pg_dump | psql` of
 *   the same database, and the longest read and write during it against the same client at
 *   rest just before;
 * - converge with 8 clients, without and with `--online`;
 * - a migration that retypes `messages.deleted_by` (withRetypeMigration) with 8 clients on the
 *   package's API (apps/api, its own process), without and with `--online`.
 * During converge the clients talk to the May app's message routes, played by a stand-in
 * (mayMessageApi): the package's API cannot serve the May catalog. Each row reports the
 * longest request during the change against the longest at rest, the failed requests and the
 * acknowledged writes missing afterwards. A mode the CLI refuses is reported as not available.
 */
import { createDb, openSqlSession } from '@fluxcore/db';
import { migrationsFolder, readTarget } from '@fluxcore/db/migrator';
import {
  createConversation,
  createOwnedAccount,
  fillMayDatabase,
  type LoadClient,
  type LoadSummary,
  mayMessageApi,
  missingMessages,
  referenceSchemaSql,
  runLoad,
  type Send,
  signToken,
  summarize,
  withRetypeMigration,
} from '@fluxcore/db/testing';
import pg from 'pg';
import { type BenchDatabase, createServerDatabase, projectMigrations } from '../databases.ts';
import { formatMs } from '../measure.ts';
import { packageDir, repositoryRoot, runChecked, runProcess } from '../processes.ts';
import type { Benchmark, Context, Row } from '../suite.ts';
import { copyOf } from './converge.ts';

type Mode = 'offline' | 'online';
const jwtSecret = 'bench-secret-that-is-long-enough-for-hs256!';
/** The API listens in this range (the bench's own ports). */
let nextPort = Number(process.env.FLUXCORE_BENCH_SERVING_PORT ?? 46_100);

async function prepareMay(context: Context): Promise<{ source: BenchDatabase; built: string }> {
  // FLUXCORE_BENCH_SERVING_SOURCE names a source an earlier run prepared (and left when it was
  // killed): reused as it is, and dropped at the end like a new one.
  const reused = process.env.FLUXCORE_BENCH_SERVING_SOURCE;
  if (reused) {
    const url = new URL(context.server.url);
    url.pathname = `/${reused}`;
    const config = { ...context.server, url: url.toString() };
    const source: BenchDatabase = {
      name: reused,
      config,
      env: { DATABASE_URL: config.url },
      drop: async () => {
        const admin = new pg.Client({ connectionString: context.server.url });
        await admin.connect();
        await admin
          .query(`drop database if exists ${reused} with (force)`)
          .finally(() => admin.end());
      },
    };
    const [row] = await query<{ n: string }>(source, 'select count(*) as n from messages');
    context.log(
      `  reusing the prepared source ${reused}: ${Number(row?.n).toLocaleString('en')} messages`,
    );
    const built = process.env.ORIGINAL_GIT_DIR
      ? "the original's own files at 239c046 (scripts/build-original.sh)"
      : 'the May reference catalog (fixtures/fluxcore-2026-05.schema.sql)';
    return { source, built };
  }
  const source = await createServerDatabase(context.server, 'serving_source');
  const gitDir = process.env.ORIGINAL_GIT_DIR;
  let built = 'the May reference catalog (fixtures/fluxcore-2026-05.schema.sql)';
  if (gitDir) {
    await runChecked(['bash', 'scripts/build-original.sh', '239c046', source.config.url], {
      env: { ...source.env, ORIGINAL_GIT_DIR: gitDir },
    });
    built = "the original's own files at 239c046 (scripts/build-original.sh)";
  }
  const session = await openSqlSession(source.config);
  try {
    if (!gitDir) await session.exec(referenceSchemaSql('2026-05'));
    const target = await readTarget(source.config, projectMigrations);
    const fill = await fillMayDatabase(session, target, {
      messages: context.sizes.servingMessages,
      seed: context.seed,
      log: context.log,
    });
    context.log(
      `  prepared a May-lineage database from ${built}: ${fill.generatedRows} generated rows, ${fill.messages.toLocaleString('en')} messages (the added ones in ${fill.conversations.toLocaleString('en')} new conversations)`,
    );
  } finally {
    await session.close();
  }
  return { source, built };
}

async function query<T>(database: BenchDatabase, text: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: database.config.url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** The busiest conversations, each with one of its senders. */
async function mayClients(database: BenchDatabase, count: number): Promise<LoadClient[]> {
  const rows = await query<{ conversation_id: string; sender_account_id: string }>(
    database,
    `select conversation_id, sender_account_id from messages
     group by 1, 2 order by count(*) desc, 1 limit $1`,
    [count],
  );
  return rows.map((r) => ({
    conversationId: r.conversation_id,
    senderAccountId: r.sender_account_id,
  }));
}

/**
 * Eight people on the converged database, each owning an account in a conversation of its own
 * (made through the package's factories: the generator's relationships name actors, so their
 * accounts columns are null after converge).
 */
async function apiClients(database: BenchDatabase): Promise<LoadClient[]> {
  const client = await createDb(database.config, { poolMax: 1 });
  try {
    const clients: LoadClient[] = [];
    for (let i = 0; i < 8; i++) {
      const one = await createOwnedAccount(client.db, `serving-${i}`);
      const two = await createOwnedAccount(client.db, `serving-peer-${i}`);
      const { conversation } = await createConversation(client.db, one.account.id, two.account.id);
      const token = signToken(one.user.id, jwtSecret);
      clients.push({ conversationId: conversation.id, senderAccountId: one.account.id, token });
    }
    return clients;
  } finally {
    await client.close();
  }
}

interface Change {
  code: number;
  ms: number;
  output: string;
}

/** The clients at rest for `restMs`, then during `change`, then 200 ms after it. */
async function aroundChange(
  clients: LoadClient[],
  send: Send,
  restMs: number,
  change: () => Promise<Change>,
) {
  const started = performance.now();
  const window = { from: 0, to: 0 };
  const changing = (async () => {
    await Bun.sleep(restMs);
    window.from = performance.now();
    try {
      return await change();
    } finally {
      window.to = performance.now();
      await Bun.sleep(200);
    }
  })();
  const load = await runLoad(clients, send, changing);
  return {
    change: await changing,
    acknowledged: load.acknowledged,
    rest: summarize(load.requests, started, window.from),
    during: summarize(load.requests, window.from, window.to),
    all: summarize(load.requests),
  };
}

function cli(database: BenchDatabase, args: string[], env: Record<string, string> = {}) {
  return () =>
    runProcess(['bun', 'run', 'src/cli/main.ts', ...args], {
      cwd: packageDir,
      env: { ...database.env, ...env },
    });
}

/** The CLI refused the flag: the mode does not exist yet. */
function refusedOnline(change: Change): string | undefined {
  if (change.code === 0) return undefined;
  const line = change.output.split('\n').find((l) => /unknown option.*--online/i.test(l));
  return line?.trim();
}

/** apps/api in its own process on `database`, until `stop()`. */
async function startApi(database: BenchDatabase) {
  const port = nextPort++;
  const child = Bun.spawn(['bun', 'run', 'apps/api/src/index.ts'], {
    cwd: repositoryRoot,
    env: {
      ...process.env,
      ...database.env,
      FLUXCORE_JWT_SECRET: jwtSecret,
      HOST: '127.0.0.1',
      PORT: String(port),
      FLUXCORE_RATE_LIMIT_WRITES: '1000000',
    },
    stdout: 'pipe',
    stderr: 'pipe',
  });
  const reader = child.stdout.getReader();
  let output = '';
  while (!output.includes('listening on')) {
    const { value, done } = await reader.read();
    if (done) {
      const said = await new Response(child.stderr).text();
      throw new Error(`apps/api did not start: ${(output + said).trim()}`);
    }
    output += new TextDecoder().decode(value);
  }
  reader.releaseLock();
  // The API's stderr is read as it comes (a full pipe would block the API's writes) and kept:
  // its error lines say why a request failed.
  let errors = '';
  const draining = (async () => {
    const decoder = new TextDecoder();
    for await (const chunk of child.stderr) errors += decoder.decode(chunk);
  })();
  void child.stdout.pipeTo(new WritableStream());
  const base = `http://127.0.0.1:${port}`;
  const send: Send = async (request) => {
    const url = new URL(request.url);
    const body = request.method === 'POST' ? await request.text() : undefined;
    return fetch(`${base}${url.pathname}${url.search}`, {
      method: request.method,
      headers: request.headers,
      body,
    });
  };
  return {
    send,
    /** The API's error lines so far, and how many. */
    errors: () => {
      const lines = errors.split('\n').filter((l) => l.trim());
      return { count: lines.length, first: lines.slice(0, 3) };
    },
    stop: async () => {
      child.kill('SIGTERM');
      await child.exited;
      await draining;
    },
  };
}

interface Served {
  what: string;
  mode: Mode;
  change: Change;
  rest: LoadSummary;
  during: LoadSummary;
  all: LoadSummary;
  missing: number;
  acknowledged: number;
  refused?: string;
  /** apps/api's stderr during the run: its error lines, counted, and the first of them. */
  apiErrors?: { count: number; first: string[] };
}

function describeOutcome(served: Served, verb: string): string {
  if (served.change.code === 0) return `${verb} in ${formatMs(served.change.ms)}`;
  const last =
    served.change.output
      .trim()
      .split('\n')
      .filter((l) => l.trim())
      .slice(-1)[0] ?? '';
  return `did not complete (exit ${served.change.code} after ${formatMs(served.change.ms)}: ${last.slice(0, 240)})`;
}

function servedRow(served: Served, verb: string, clientsText: string): Row {
  const what = `${clientsText} during ${served.what}, ${served.mode === 'online' ? 'with `--online`' : 'without `--online`'}`;
  if (served.refused) {
    return {
      benchmark: 'converge-serving',
      what,
      database: 'server',
      ours: { label: 'longest request', value: Number.NaN, unit: 'ms', extra: 'not available' },
      target: { text: 'report' },
      note: `not available: the CLI refuses the flag (${served.refused})`,
    };
  }
  const { during, rest } = served;
  const met = served.all.failed === 0 && served.missing === 0 && served.change.code === 0;
  return {
    benchmark: 'converge-serving',
    what,
    database: 'server',
    ours: { label: 'longest request during the change', value: during.longestMs, unit: 'ms' },
    baseline: { label: 'longest request at rest', value: rest.longestMs, unit: 'ms' },
    ratio: during.longestMs / rest.longestMs,
    ratioOf: 'time',
    target: {
      text: served.mode === 'online' ? '0 failed, 0 missing, p100 ≤ 1 s' : '0 failed, 0 missing',
      met: served.mode === 'online' ? met && during.longestMs <= 1_000 : met,
    },
    note: `the change ${describeOutcome(served, verb)}; ${during.requests} requests during it (${during.writes} writes, longest ${formatMs(during.longestWriteMs)}; ${during.reads} reads, longest ${formatMs(during.longestReadMs)}); failed requests: ${served.all.failed}${served.all.failures.length ? ` (${served.all.failures.join('; ').slice(0, 200)})` : ''}; acknowledged writes missing afterwards: ${served.missing} of ${served.acknowledged}${served.apiErrors ? `; apps/api logged ${served.apiErrors.count} error line(s)${served.apiErrors.count ? ` (first: ${served.apiErrors.first[0]?.slice(0, 200)})` : ''}` : ''}`,
    details: {
      change: { code: served.change.code, ms: served.change.ms },
      rest,
      during,
      failed: served.all.failed,
      missing: served.missing,
    },
  };
}

async function serveThrough(
  what: string,
  mode: Mode,
  database: BenchDatabase,
  clients: LoadClient[],
  send: Send,
  context: Context,
  change: () => Promise<Change>,
): Promise<Served> {
  const seen = await aroundChange(clients, send, context.sizes.servingRestMs, change);
  const ids = seen.acknowledged;
  const missing =
    ids.length === 0
      ? 0
      : await missingMessages((text, params) => query(database, text, params), ids);
  const served: Served = { what, mode, ...seen, missing, acknowledged: ids.length };
  if (mode === 'online') served.refused = refusedOnline(seen.change);
  context.log(
    `  ${what} (${mode}): exit ${seen.change.code} in ${formatMs(seen.change.ms)}, longest request ${formatMs(seen.during.longestMs)}, failed ${seen.all.failed}, missing ${missing}`,
  );
  if (seen.change.code !== 0) context.log(`    ${describeOutcome(served, '')}`);
  return served;
}

/** db:migrate --online, asked on its own: converge --online did not run, so nothing to serve. */
async function probeMigrateOnline(copy: BenchDatabase, messages: string): Promise<Row> {
  const what = `a migration retyping messages.deleted_by (text → varchar(200), ${messages} messages)`;
  const retype = withRetypeMigration(migrationsFolder);
  try {
    // --dry-run: where the flag exists, nothing runs on the database that did not converge.
    const change = await cli(copy, ['migrate', '--online', '--dry-run'], {
      FLUXCORE_MIGRATIONS_DIR: retype.folder,
    })();
    const refused = refusedOnline(change);
    if (!refused) throw new Error('db:migrate --online ran where db:converge --online was refused');
    const nothing: LoadSummary = summarize([]);
    return servedRow(
      {
        what,
        mode: 'online',
        change,
        rest: nothing,
        during: nothing,
        all: nothing,
        missing: 0,
        acknowledged: 0,
        refused,
      },
      'applied',
      '8 clients of apps/api',
    );
  } finally {
    retype.remove();
  }
}

/** 8 clients of the May stand-in during converge, then 8 of apps/api during the retype. */
async function oneMode(context: Context, source: BenchDatabase, mode: Mode, messages: string) {
  const rows: Row[] = [];
  const copy = await copyOf(context, source, `serving_${mode}`);
  const online = mode === 'online' ? ['--online'] : [];
  try {
    const stand = mayMessageApi(copy.config.url);
    const convergeRun = await serveThrough(
      `converge of the May lineage (${messages} messages)`,
      mode,
      copy,
      await mayClients(copy, 8),
      stand.send,
      context,
      cli(copy, ['converge', '--yes', ...online]),
    ).finally(() => stand.close());
    rows.push(servedRow(convergeRun, 'converged', '8 clients of the May app (stand-in)'));
    if (convergeRun.refused) {
      rows.push(await probeMigrateOnline(copy, messages));
      return rows;
    }
    // A converge that did not complete is finished before the retype (which needs the
    // converged schema): the online run is resumed, with all the time it needs for its locks
    // (converge --yes would converge but leave the online run open, and migrate refuses then).
    if (convergeRun.change.code !== 0) {
      const finish = mode === 'online' ? ['--online', '--online-lock-timeout', '30000'] : ['--yes'];
      await runChecked(['bun', 'run', 'src/cli/main.ts', 'converge', ...finish], {
        cwd: packageDir,
        env: copy.env,
      });
    }
    const retype = withRetypeMigration(migrationsFolder);
    const api = await startApi(copy);
    try {
      const migrateRun = await serveThrough(
        `a migration retyping messages.deleted_by (text → varchar(200), ${messages} messages)`,
        mode,
        copy,
        await apiClients(copy),
        api.send,
        context,
        cli(copy, ['migrate', ...online], { FLUXCORE_MIGRATIONS_DIR: retype.folder }),
      );
      migrateRun.apiErrors = api.errors();
      for (const line of migrateRun.apiErrors.first) context.log(`    apps/api: ${line}`);
      rows.push(servedRow(migrateRun, 'applied', '8 clients of apps/api'));
    } finally {
      await api.stop();
      retype.remove();
    }
    return rows;
  } finally {
    await copy.drop();
  }
}

/**
 * Issue 23 item 8: converge with one client writing and reading (the May app's stand-in), its
 * time against `pg_dump | psql` of the same database, and the longest read and write during it
 * against the same client at rest.
 */
async function singleClientRows(
  context: Context,
  source: BenchDatabase,
  built: string,
  messages: string,
) {
  const copy = await copyOf(context, source, 'serving_one');
  let served: Served;
  try {
    const stand = mayMessageApi(copy.config.url, 2);
    served = await serveThrough(
      `converge of the May lineage (${messages} messages)`,
      'offline',
      copy,
      (await mayClients(copy, 1)).flatMap((client) => [
        { ...client, only: 'write' as const },
        { ...client, only: 'read' as const },
      ]),
      stand.send,
      context,
      cli(copy, ['converge', '--yes']),
    ).finally(() => stand.close());
  } finally {
    await copy.drop();
  }
  if (served.change.code !== 0) throw new Error(`converge failed: ${describeOutcome(served, '')}`);
  const empty = await createServerDatabase(context.server, 'serving_restore');
  let copyMs: number;
  try {
    const piped = `pg_dump --no-owner -d "${source.config.url}" | psql -q -v ON_ERROR_STOP=1 -d "${empty.config.url}"`;
    copyMs = (await runChecked(['sh', '-c', piped], { env: source.env })).ms;
  } finally {
    await empty.drop();
  }
  const { during, rest } = served;
  const base = {
    benchmark: 'converge-serving',
    database: 'server' as const,
    target: { text: 'report' },
  };
  const counts = `${during.reads} reads and ${during.writes} writes during the converge, ${rest.reads} and ${rest.writes} at rest (${formatMs(context.sizes.servingRestMs)} before it); failed requests: ${served.all.failed}; acknowledged writes missing afterwards: ${served.missing} of ${served.acknowledged}`;
  return [
    {
      ...base,
      what: `converge a May-lineage database (${messages} messages; ${built}) to the schema, one transaction, while a reader and a writer run`,
      ours: { label: '`db:converge --yes` (CLI)', value: served.change.ms, unit: 'ms' },
      baseline: { label: '`pg_dump | psql` of the same database', value: copyMs, unit: 'ms' },
      ratio: served.change.ms / copyMs,
      ratioOf: 'time',
      note: `one run each; the reader and the writer, one request at a time each, are clients of the May app's two message routes played in process (mayMessageApi) on a pool of 2, in the conversation with the most messages; ${counts}`,
    },
    {
      ...base,
      what: `longest wait of a reader (the newest page of a conversation and the next, keyset) during that converge`,
      ours: { label: 'during the converge', value: during.longestReadMs, unit: 'ms' },
      baseline: { label: 'at rest', value: rest.longestReadMs, unit: 'ms' },
      ratio: during.longestReadMs / rest.longestReadMs,
      ratioOf: 'time',
      note: counts,
    },
    {
      ...base,
      what: `longest wait of a writer (insert a message) during that converge`,
      ours: { label: 'during the converge', value: during.longestWriteMs, unit: 'ms' },
      baseline: { label: 'at rest', value: rest.longestWriteMs, unit: 'ms' },
      ratio: during.longestWriteMs / rest.longestWriteMs,
      ratioOf: 'time',
      note: counts,
    },
  ] as Row[];
}

export const convergeServingBenchmark: Benchmark = {
  id: 'converge-serving',
  title: 'serving a May-lineage database while it converges and while a migration retypes a column',
  run: async (context) => {
    const { source, built } = await prepareMay(context);
    const messages = context.sizes.servingMessages.toLocaleString('en');
    try {
      // FLUXCORE_BENCH_SERVING_MODES picks rows (a partial run): single (one client during
      // converge, against pg_dump | psql), offline and online (8 clients).
      const modes = (process.env.FLUXCORE_BENCH_SERVING_MODES ?? 'single,offline,online').split(
        ',',
      );
      const rows = modes.includes('single')
        ? await singleClientRows(context, source, built, messages)
        : [];
      for (const mode of ['offline', 'online'] as const) {
        if (modes.includes(mode)) rows.push(...(await oneMode(context, source, mode, messages)));
      }
      return rows;
    } finally {
      await source.drop();
    }
  },
};

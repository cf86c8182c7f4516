/**
 * Which database kinds a test run covers, decided once before any test file loads, so
 * `bun run test` passes on a machine without a usable PostgreSQL server. `bun run test`
 * (test-run.ts) decides before it starts bun's workers; a bare `bun test` decides in the
 * preload (bunfig.toml).
 * - TEST_DATABASES unset: both kinds when the server at TEST_DATABASE_URL answers and offers
 *   pgvector; otherwise the embedded database only, said in one line at the start and again at
 *   the end, just before bun's counts.
 * - TEST_DATABASES naming `server` (CI does): a server that does not answer or lacks pgvector
 *   fails the run, in one line.
 */
import pg from 'pg';

const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

function where(): string {
  try {
    const url = new URL(adminUrl);
    return `${url.hostname}:${url.port || '5432'}`;
  } catch {
    return 'TEST_DATABASE_URL';
  }
}

/** Why the server cannot run the server half, or undefined when it can. */
export async function serverProblem(): Promise<string | undefined> {
  const client = new pg.Client({
    connectionString: adminUrl,
    application_name: 'fluxcore-tests',
    connectionTimeoutMillis: 5000,
  });
  client.on('error', () => {});
  try {
    await client.connect();
    const { rows } = await client.query(
      `select exists (select 1 from pg_available_extensions where name = 'vector') as vector`,
    );
    return rows[0]?.vector
      ? undefined
      : `the PostgreSQL server at ${where()} has no pgvector (scripts/install-pgvector.sh builds it)`;
  } catch (error) {
    const { code, message } = error as { code?: string; message?: string };
    return `the PostgreSQL server at ${where()} does not answer (${code ?? message ?? 'no reason given'})`;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * The decision: the kinds to test, and the one line that says the server half was skipped;
 * or an error line when TEST_DATABASES names a server that cannot be used.
 */
export async function decideKinds(
  requested: string | undefined,
): Promise<{ kinds?: string; skipped?: string; error?: string }> {
  const kinds = (requested ?? 'embedded,server').split(',').map((kind) => kind.trim());
  if (!kinds.includes('server')) return {};
  const problem = await serverProblem();
  if (!problem) return {};
  if (requested) {
    return {
      error: `error: TEST_DATABASES=${requested} names the server, but ${problem}. Start it (scripts/ensure-postgres.sh) or leave server out of TEST_DATABASES`,
    };
  }
  return {
    kinds: 'embedded',
    skipped: `server half skipped: ${problem}; testing the embedded database only (TEST_DATABASES=embedded,server makes this an error)`,
  };
}

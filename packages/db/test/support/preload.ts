/**
 * bun test preload (bunfig.toml): decides which database kinds this run tests, before any test
 * file loads, so `bun run test` passes on a machine without a usable PostgreSQL server.
 * - TEST_DATABASES unset: both kinds when the server at TEST_DATABASE_URL answers and offers
 *   pgvector; otherwise the embedded database only, said in one line at the start and again at
 *   the end, just before bun's counts.
 * - TEST_DATABASES naming `server` (CI does): a server that does not answer or lacks pgvector
 *   fails the run, in one line.
 */
import { afterAll } from 'bun:test';
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
async function serverProblem(): Promise<string | undefined> {
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

const requested = process.env.TEST_DATABASES?.trim() || undefined;
const kinds = (requested ?? 'embedded,server').split(',').map((kind) => kind.trim());
if (kinds.includes('server')) {
  const problem = await serverProblem();
  if (problem && requested) {
    process.stderr.write(
      `error: TEST_DATABASES=${requested} names the server, but ${problem}. Start it (scripts/ensure-postgres.sh) or leave server out of TEST_DATABASES\n`,
    );
    process.exit(1);
  }
  if (problem) {
    process.env.TEST_DATABASES = 'embedded';
    const line = `server half skipped: ${problem}; testing the embedded database only (TEST_DATABASES=embedded,server makes this an error)`;
    console.log(line);
    afterAll(() => console.log(line));
  }
}

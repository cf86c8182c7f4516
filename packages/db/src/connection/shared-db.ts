/**
 * `db`: the shared drizzle client the original FluxCore app imports, opened on first use from
 * the same settings every command reads (loadDatabaseConfig), through createDb, so it follows
 * the same rules as every other client of the package (one owner for the embedded database).
 * Importing this module opens nothing. closeDb() closes it; the next use opens it again.
 *
 * Until the client is open, `db.select().from(users).where(…)` is recorded and replayed on
 * the real client when awaited; a recorded builder passed into another one (a subquery, a
 * `$with`) is replayed too. Once open, `db` is the real client. Code that needs a builder's
 * synchronous methods (`toSQL()`) before the first query calls `await openDb()` first.
 */
import { createDb, type Database, type DatabaseClient } from './client.ts';
import { loadDatabaseConfig } from './config.ts';

type Step = { kind: 'get'; key: PropertyKey } | { kind: 'call'; args: unknown[] };

const recorded = Symbol('fluxcore.db.recorded');

let client: DatabaseClient | undefined;
let opening: Promise<DatabaseClient> | undefined;

/** Opens the shared client if it is not open yet, and returns its drizzle database. */
export async function openDb(): Promise<Database> {
  if (client) return client.db;
  opening ??= createDb(loadDatabaseConfig(process.env, { applicationName: 'fluxcore-app' }))
    .then((opened) => {
      client = opened;
      return opened;
    })
    .finally(() => {
      opening = undefined;
    });
  return (await opening).db;
}

/** Closes the shared client, if open (waiting for one that is opening). */
export async function closeDb(): Promise<void> {
  const current = client ?? (opening ? await opening.catch(() => undefined) : undefined);
  client = undefined;
  await current?.close();
}

function stepsOf(value: unknown): Step[] | undefined {
  if ((typeof value === 'function' || typeof value === 'object') && value !== null) {
    return (value as { [recorded]?: Step[] })[recorded];
  }
  return undefined;
}

/** Runs recorded steps on the open client; recorded builders among the arguments first. */
function replay(real: Database, steps: Step[]): unknown {
  let value: unknown = real;
  let owner: unknown;
  for (const step of steps) {
    if (step.kind === 'get') {
      owner = value;
      value = (value as Record<PropertyKey, unknown>)[step.key];
    } else {
      const args = step.args.map((arg) => {
        const inner = stepsOf(arg);
        return inner ? replay(real, inner) : arg;
      });
      value = (value as (...a: unknown[]) => unknown).apply(owner, args);
      owner = undefined;
    }
  }
  return value;
}

function record(steps: Step[]): unknown {
  // A function target, so a recorded method can be called.
  return new Proxy(() => {}, {
    get(_target, key) {
      if (key === recorded) return steps;
      if (key === 'then' || key === 'catch' || key === 'finally') {
        const run = openDb().then((real) => replay(real, steps));
        return run[key].bind(run);
      }
      return record([...steps, { kind: 'get', key }]);
    },
    apply(_target, _this, args: unknown[]) {
      return record([...steps, { kind: 'call', args }]);
    },
  });
}

/** The shared drizzle client, opened on first use. */
export const db: Database = new Proxy({} as Database, {
  get(_target, key) {
    if (client) {
      const real = client.db as unknown as Record<PropertyKey, unknown>;
      const value = real[key];
      return typeof value === 'function' ? value.bind(real) : value;
    }
    return record([{ kind: 'get', key }]);
  },
});

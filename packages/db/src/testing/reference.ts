/**
 * The real FluxCore database as a test fixture: its catalog (pg_dump's rendering, in
 * fixtures/fluxcore-2026-02.schema.sql beside this file, and the May lineage's in
 * fixtures/fluxcore-2026-05.schema.sql) loaded into a fresh database of either kind, for the
 * converge and audit tests and the converge benchmark.
 * PGlite gets the file without its session settings (`SET …`, `set_config`), opened with the
 * two extensions the original installs (pgvector and pgcrypto).
 * The catalog is loaded once per test run and kind, into a template each test copies
 * (./templates.ts); an embedded database on disk (`onDisk`) loads it itself.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import type { Database, SqlSession } from '../connection/client.ts';
import { createDb } from '../connection/client.ts';
import { withRowLists } from '../connection/row-list.ts';
import * as schema from '../schema/index.ts';
import {
  adminUrl,
  createServerTestDatabase,
  type DatabaseKind,
  type TestDatabase,
} from './databases.ts';
import {
  embeddedTemplate,
  pgliteExtensions,
  pgliteFromTemplate,
  pgliteSession,
  serverTemplate,
  type TemplateRecipe,
} from './templates.ts';

/** The two recorded states of the original: February (the seed's) and May (239c046, today's). */
export type ReferenceLineage = '2026-02' | '2026-05';

export const referenceSchemaPaths: Record<ReferenceLineage, string> = {
  '2026-02': resolve(import.meta.dir, 'fixtures/fluxcore-2026-02.schema.sql'),
  '2026-05': resolve(import.meta.dir, 'fixtures/fluxcore-2026-05.schema.sql'),
};

/** February's fixture, the one most tests adopt. */
export const referenceSchemaPath = referenceSchemaPaths['2026-02'];

/** The fixture's SQL without the session settings pg_dump puts first. */
export function referenceSchemaSql(lineage: ReferenceLineage = '2026-02'): string {
  return readFileSync(referenceSchemaPaths[lineage], 'utf8')
    .split('\n')
    .filter((line) => !line.startsWith('SET ') && !line.startsWith('SELECT pg_catalog.set_config'))
    .join('\n');
}

/** Loads a reference catalog into an empty database (February 61 tables, May 80; no rows). */
export async function loadReferenceSchema(
  session: SqlSession,
  kind: DatabaseKind,
  lineage: ReferenceLineage = '2026-02',
): Promise<void> {
  // Both kinds run the same text; the settings it drops only matter to pg_dump's restore.
  void kind;
  await session.exec(referenceSchemaSql(lineage));
}

/** A PGlite with both of the original's extensions. */
async function openReferencePglite(dataDir: string): Promise<PGlite> {
  const client = new PGlite(dataDir, pgliteExtensions({ pgcrypto: true }));
  await client.waitReady;
  return client;
}

/** A lineage's catalog as a template recipe (./templates.ts): each test copies the result. */
function referenceRecipe(lineage: ReferenceLineage): TemplateRecipe {
  return {
    key: `reference_${lineage.replace('-', '_')}`,
    content: referenceSchemaSql(lineage),
    pgcrypto: true,
    build: (session) => loadReferenceSchema(session, session.kind, lineage),
  };
}

export interface ReferenceDatabase {
  kind: DatabaseKind;
  database: TestDatabase;
  /** A raw session (embedded: the one instance; server: a dedicated connection). */
  session: SqlSession;
  /** A drizzle client on the same database. */
  db(): Promise<Database>;
  /** Embedded: closes the instance so a child process can open the files. */
  release(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A fresh database holding a reference catalog (February's unless `lineage` says May). Embedded ones are in memory unless
 * `onDisk` (a command run as a child process needs the files).
 */
export async function createReferenceDatabase(
  kind: DatabaseKind,
  options: { onDisk?: boolean; lineage?: ReferenceLineage } = {},
): Promise<ReferenceDatabase> {
  const lineage = options.lineage ?? '2026-02';
  if (kind === 'embedded') {
    const dir = options.onDisk ? mkdtempSync(join(tmpdir(), 'fluxcore-reference-')) : undefined;
    const dataDir = dir ? join(dir, 'pgdata') : 'memory://';
    let client: PGlite | undefined;
    if (dir) {
      // The run's template written into the folder: no initdb, no schema to load.
      client = new PGlite(dataDir, {
        ...pgliteExtensions({ pgcrypto: true }),
        loadDataDir: await embeddedTemplate(referenceRecipe(lineage)),
      });
      await client.waitReady;
    } else {
      client = await pgliteFromTemplate(referenceRecipe(lineage));
    }
    const database: TestDatabase = {
      kind,
      config: { kind, dataDir, applicationName: 'fluxcore-tests' },
      env: { FLUXCORE_DATA_DIR: dataDir, DATABASE_URL: '' },
      session: async () => pgliteSession(await live()),
      release: async () => {},
      drop: async () => {},
    };
    // After release() (a child process had the files), the next use opens them again.
    const live = async () => {
      client ??= await openReferencePglite(dataDir);
      return client;
    };
    return {
      kind,
      database,
      session: {
        kind,
        query: async (text, params) => pgliteSession(await live()).query(text, params),
        exec: async (text) => pgliteSession(await live()).exec(text),
        close: async () => {},
      },
      db: async () =>
        withRowLists(drizzlePglite({ client: await live(), schema })) as unknown as Database,
      release: async () => {
        await client?.close();
        client = undefined;
      },
      close: async () => {
        await client?.close();
        client = undefined;
        if (dir) rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const database = await createServerTestDatabase(
    await serverTemplate(adminUrl, referenceRecipe(lineage)),
  );
  const session = await database.session();
  const clients: { close(): Promise<void> }[] = [];
  return {
    kind,
    database,
    session,
    db: async () => {
      const client = await createDb(database.config, { poolMax: 4 });
      clients.push(client);
      return client.db;
    },
    release: async () => {},
    close: async () => {
      for (const client of clients) await client.close();
      await session.close();
      await database.drop();
    },
  };
}

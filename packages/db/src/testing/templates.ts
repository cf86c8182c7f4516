/**
 * Prepared databases the tests copy instead of building each time. A recipe (the project's
 * migrations, a reference catalog) is run once per test run and kind; each test then gets its
 * own copy:
 * - server: the recipe runs in a template database, `fluxcore_template_<key>_<hash>_<owner>`,
 *   and each test's database is `create database … template …` (a file copy). Workers build it
 *   under an advisory lock on the admin database; it counts as built once it is marked
 *   `is_template`, so a build a killed worker left half done is dropped and made again.
 * - embedded: the recipe runs in an in-memory PGlite whose data folder is dumped (an
 *   uncompressed tar, holding only the WAL a copy replays: compact-dump.ts) to
 *   `<tmpdir>/fluxcore-test-templates/<key>_<hash>_<owner>.tar`, built
 *   under a file lock; each test's PGlite starts from it (`loadDataDir`): no initdb, no recipe.
 * `<hash>` is the recipe's content (every migration's tag and checksum, or the catalog's text):
 * a changed migration makes a new template. `<owner>` is the test run's process
 * (FLUXCORE_TEST_OWNER, which `bun run test` sets to its pid; else the bun test process). The
 * owner drops its templates when the run ends (dropOwnedTemplates: `bun run test` after bun
 * test exits, a single bun test process in the preload's afterAll); the first build of a run
 * drops those of runs no longer alive on this host (killed before their cleanup).
 */
import { closeSync, existsSync, mkdirSync, openSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { vector } from '@electric-sql/pglite-pgvector';
import type { Row, SqlSession } from '../connection/client.ts';
import { openSqlSession } from '../connection/client.ts';
import { tryLockExclusive, unlock } from '../embedded/flock.ts';
import { startNewCluster } from '../embedded/initial-cluster.ts';
import { sha256 } from '../migrator/journal.ts';
import { compactDump } from './compact-dump.ts';
import {
  templateApplicationName as applicationName,
  dropServerTemplate,
  dropServerTemplates,
  embeddedTemplateFolder,
  ownerComment,
  removeEmbeddedTemplates,
  serverTemplatePrefix,
  templateOwner,
  withAdmin,
} from './template-owners.ts';

export interface TemplateRecipe {
  /** Names the template: lower-case letters, digits and `_`. */
  key: string;
  /** What the recipe builds from (migrations' checksums, a catalog's text). */
  content: string;
  /** PGlite extensions (pgvector always; pgcrypto too for the original's catalog). */
  pgcrypto?: boolean;
  /** Embedded: the template the build starts from (a copy of it, instead of initdb). */
  from?: TemplateRecipe;
  build(session: SqlSession): Promise<void>;
}

function templateName(recipe: TemplateRecipe): string {
  return `${recipe.key}_${sha256(recipe.content).slice(0, 10)}_${templateOwner()}`;
}

/** PGlite's options for a recipe's extensions. */
export function pgliteExtensions(recipe: Pick<TemplateRecipe, 'pgcrypto'>): PGliteOptions {
  return { extensions: recipe.pgcrypto ? { vector, pgcrypto } : { vector } };
}

/** A PGlite instance as a raw session (closing it is left to its owner). */
export function pgliteSession(client: PGlite): SqlSession {
  return {
    kind: 'embedded',
    query: async <T extends Row>(text: string, params?: unknown[]) =>
      (await client.query<T>(text, params)).rows,
    exec: async (text: string) => {
      await client.exec(text);
    },
    close: async () => {},
  };
}

const serverBuilds = new Map<string, Promise<string>>();

/** The name of the recipe's template database on the server `adminUrl` names, built if needed. */
export function serverTemplate(adminUrl: string, recipe: TemplateRecipe): Promise<string> {
  const name = `${serverTemplatePrefix}${templateName(recipe)}`;
  const key = `${adminUrl} ${name}`;
  let build = serverBuilds.get(key);
  if (!build) {
    build = buildServerTemplate(adminUrl, name, recipe).then(() => name);
    build.catch(() => serverBuilds.delete(key));
    serverBuilds.set(key, build);
  }
  return build;
}

async function buildServerTemplate(adminUrl: string, name: string, recipe: TemplateRecipe) {
  await withAdmin(adminUrl, async (admin) => {
    // Session-level: released by the unlock below, or by the connection's end if this dies.
    await admin.query('select pg_advisory_lock(hashtext($1))', [name]);
    try {
      const { rows } = await admin.query<{ ready: boolean }>(
        'select datistemplate as ready from pg_database where datname = $1',
        [name],
      );
      if (rows[0]?.ready) return;
      if (rows[0]) await dropServerTemplate(admin, name, true);
      await dropServerTemplates(admin, undefined);
      await admin.query(`create database ${name}`);
      await admin.query(`comment on database ${name} is '${ownerComment(templateOwner())}'`);
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      const session = await openSqlSession({
        kind: 'server',
        url: url.toString(),
        applicationName,
        poolMax: 1,
      });
      try {
        await recipe.build(session);
      } finally {
        await session.close();
      }
      await admin.query(`alter database ${name} is_template true`);
    } finally {
      await admin.query('select pg_advisory_unlock(hashtext($1))', [name]);
    }
  });
}

/** Waits for the exclusive flock(2) on `path` (created if missing); returns its release. */
export async function lockFile(path: string): Promise<() => void> {
  const fd = openSync(path, 'a');
  while (!tryLockExclusive(fd)) await Bun.sleep(25);
  return () => {
    unlock(fd);
    closeSync(fd);
  };
}

const embeddedBuilds = new Map<string, Promise<string>>();

/** The recipe's dumped data folder (a tar for PGlite's `loadDataDir`), built if needed. */
export async function embeddedTemplate(recipe: TemplateRecipe): Promise<Blob> {
  const path = join(embeddedTemplateFolder, `${templateName(recipe)}.tar`);
  let build = embeddedBuilds.get(path);
  if (!build) {
    build = buildEmbeddedTemplate(path, recipe).then(() => path);
    build.catch(() => embeddedBuilds.delete(path));
    embeddedBuilds.set(path, build);
  }
  await build;
  return new Blob([await Bun.file(path).arrayBuffer()]);
}

async function buildEmbeddedTemplate(path: string, recipe: TemplateRecipe) {
  if (existsSync(path)) return;
  mkdirSync(embeddedTemplateFolder, { recursive: true });
  const release = await lockFile(`${path}.lock`);
  try {
    if (existsSync(path)) return;
    removeEmbeddedTemplates(undefined);
    // A recipe of its own starts from the initial cluster's copy (no initdb), as a new
    // embedded database does.
    const client = recipe.from
      ? await pgliteFromTemplate(recipe.from)
      : await startNewCluster('memory://', () => {}, pgliteExtensions(recipe).extensions);
    try {
      await client.waitReady;
      await recipe.build(pgliteSession(client));
      const dump = await compactDump(client);
      // Written aside, then renamed: a reader never sees half a file.
      const partial = `${path}.${process.pid}.partial`;
      await Bun.write(partial, dump);
      renameSync(partial, path);
    } finally {
      await client.close();
    }
  } finally {
    release();
  }
}

/** A new in-memory PGlite holding a copy of the recipe's template. */
export async function pgliteFromTemplate(recipe: TemplateRecipe): Promise<PGlite> {
  const loadDataDir = await embeddedTemplate(recipe);
  const client = new PGlite({ ...pgliteExtensions(recipe), loadDataDir });
  await client.waitReady;
  return client;
}

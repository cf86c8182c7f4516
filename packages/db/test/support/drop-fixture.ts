/**
 * The setting of the `db:converge --drop` tests (the reference database's is
 * converge-fixture.ts): a fresh database of one kind, migrated to
 * the full schema, with what an operator added by hand beside it (`fixture`, SQL), the target
 * catalog read once, and `run()` converging it (planning unless told to apply).
 */
import { afterAll, beforeAll } from 'bun:test';
import type { FullCatalog } from '../../src/catalog/logic.ts';
import type { SqlSession } from '../../src/connection/client.ts';
import { type ConvergeOptions, converge } from '../../src/converge/apply.ts';
import { migrate } from '../../src/migrator/apply.ts';
import {
  createTestDatabase,
  type DatabaseKind,
  projectMigrations,
  projectTarget,
  type TestDatabase,
} from '../../src/testing/index.ts';

export interface ConvergeFixture {
  /** The open session (set once the database is ready). */
  readonly session: SqlSession;
  run(options?: ConvergeOptions): ReturnType<typeof converge>;
}

/** Registers the database's set-up and drop (beforeAll, afterAll) in the calling describe. */
export function convergeFixture(kind: DatabaseKind, fixture: string): ConvergeFixture {
  let database: TestDatabase;
  let session: SqlSession;
  let target: FullCatalog;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    session = await database.session();
    await migrate(session, projectMigrations);
    target = await projectTarget(database.config);
    await session.exec(fixture);
  }, 600_000);
  afterAll(async () => {
    await session?.close();
    await database?.drop();
  });
  return {
    get session() {
      return session;
    },
    run: (options = {}) =>
      converge(session, database.config, projectMigrations, { target, ...options }),
  };
}

/**
 * One converge fixture per describe block: the reference database (src/testing/fixtures)
 * filled by the seeded generator (every row of it converges: nothing is removed first); the
 * target read once; and the helpers every converge test uses.
 */
import { afterAll, beforeAll } from 'bun:test';
import {
  createReferenceDatabase,
  type DatabaseKind,
  generateReferenceData,
  projectMigrations,
  projectTarget,
  type ReferenceDatabase,
} from '@fluxcore/db/testing';
import type { FullCatalog } from '../../src/catalog/logic.ts';
import { type ConvergeOptions, converge } from '../../src/converge/apply.ts';
import { expectUnchanged } from './fingerprint.ts';

export const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

export interface ConvergeFixture {
  ref: ReferenceDatabase;
  target: FullCatalog;
  /** Rows the generator wrote, per table. */
  generated: Map<string, number>;
  run(options?: ConvergeOptions): ReturnType<typeof converge>;
  /** Runs `action` and requires the catalog, every row count and every value unchanged. */
  unchanged(action: () => Promise<void>): Promise<void>;
  rowsOf(table: string): Promise<number>;
}

export function useConvergeFixture(kind: DatabaseKind): ConvergeFixture {
  const fixture = {} as ConvergeFixture;
  beforeAll(async () => {
    const ref = await createReferenceDatabase(kind);
    const target = await projectTarget(ref.database.config);
    const generated = (await generateReferenceData(ref.session, target)).rows;
    Object.assign(fixture, {
      ref,
      target,
      generated,
      run: (options: ConvergeOptions = {}) =>
        converge(ref.session, ref.database.config, projectMigrations, { target, ...options }),
      unchanged: (action: () => Promise<void>) => expectUnchanged(ref.session, action),
      rowsOf: async (table: string) => {
        const [row] = await ref.session.query<{ n: number }>(
          `select count(*)::int as n from ${quote(table)}`,
        );
        return Number(row?.n ?? 0);
      },
    });
  }, 600_000);
  afterAll(() => fixture.ref?.close());
  return fixture;
}

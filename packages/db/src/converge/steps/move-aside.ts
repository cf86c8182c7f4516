/**
 * An object of `public` with the name of one the schema declares, of another kind (collisions.ts
 * finds them): moved aside into `fluxcore_original` with what depends on it (a column of that
 * type, a function that takes it: they follow it, by oid), renamed there when the name is
 * taken; or dropped when it holds no data and nothing depends on it. First of the plan. No
 * data check: no row is changed or lost. No online phases yet.
 */
import { originalLogicHashes } from '../../schema/original/logic-hashes.ts';
import { asideSchema, type Collision, originalOf } from '../collisions.ts';
import { quote } from '../pair.ts';
import { makeStep, type StepKind } from './kind.ts';

function whose(collision: Collision): string {
  const original = originalOf(collision);
  if (original) return `the original's ${collision.kind} (${original.lineages.join(', ')})`;
  const named = originalLogicHashes.some((o) => o.name === collision.name);
  return named
    ? `a ${collision.kind} with the original's name but another definition (edited by hand)`
    : `a ${collision.kind} the original never had`;
}

const alterWord: Record<string, string> = {
  table: 'table',
  view: 'view',
  'materialized view': 'materialized view',
  'foreign table': 'foreign table',
  sequence: 'sequence',
  index: 'index',
};

/** Dropped rather than moved: it holds no data and nothing depends on it (not an index). */
export const isDropped = (collision: Collision) =>
  collision.dependents.length === 0 && !collision.holdsData && collision.kind !== 'index';

export const moveAside: StepKind<Collision> = {
  name: 'move-aside',
  checks: {},
  build(collision) {
    const from = `public.${quote(collision.name)}`;
    const what = `${collision.kind} ${collision.name}: ${whose(collision)}; the schema's ${collision.wanted} takes the name`;
    const word = alterWord[collision.kind] ?? 'type';
    if (isDropped(collision))
      return [
        makeStep('move-aside', 'aside', undefined, `drop ${what}; nothing depends on it`, [
          `drop ${word} ${from}`,
        ]),
      ];
    const sql = [`create schema if not exists ${quote(asideSchema)}`];
    if (collision.asideName !== collision.name)
      sql.push(`alter ${word} ${from} rename to ${quote(collision.asideName)}`);
    sql.push(`alter ${word} public.${quote(collision.asideName)} set schema ${quote(asideSchema)}`);
    const dependents = collision.dependents.length
      ? `, with what depends on it (${collision.dependents.join('; ')})`
      : collision.holdsData
        ? ', with its data'
        : '';
    const summary = `rename aside ${what}: moved to ${asideSchema}.${collision.asideName}${dependents}`;
    return [makeStep('move-aside', 'aside', undefined, summary, sql)];
  },
};

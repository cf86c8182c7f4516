/**
 * The data checks an online form runs before any DDL: the rows that would make a step fail,
 * counted, with examples, so the run refuses up front naming table, column, count and fix.
 */
import type { SqlSession } from '../connection/client.ts';
import { FluxDbError } from '../errors/flux-db-error.ts';
import { ident } from './model.ts';

export interface Offenders {
  rows: number;
  examples: string[];
}

/** Counts the rows of `table` matching `where`, and shows up to 3 of them as `shown`. */
export async function offenders(
  session: SqlSession,
  table: string,
  where: string,
  shown: string,
  alias?: string,
): Promise<Offenders> {
  const from = `${ident(table)}${alias ? ` as ${alias}` : ''}`;
  const [count] = await session.query<{ n: string }>(
    `select count(*) as n from ${from} where ${where}`,
  );
  const rows = Number(count?.n ?? 0);
  if (rows === 0) return { rows, examples: [] };
  const examples = await session.query<{ shown: string | null }>(
    `select (${shown})::text as shown from ${from} where ${where} limit 3`,
  );
  return { rows, examples: examples.map((row) => row.shown ?? 'null') };
}

/** Refuses when `found` has rows: `<table>.<column>: N row(s) <problem> (e.g. …)`. */
export function refuseOffenders(
  found: Offenders,
  where: string,
  problem: string,
  fix: string,
): void {
  if (found.rows === 0) return;
  throw new FluxDbError(
    'ONLINE_REFUSED',
    `${where}: ${found.rows} row(s) ${problem} (e.g. ${found.examples.join('; ')}); nothing was changed`,
    fix,
  );
}

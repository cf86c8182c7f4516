/**
 * Every table the plan alters is locked at once, before the first step, in one LOCK TABLE.
 * Taken one ALTER at a time instead, the locks form a cycle with the app's writes: a step
 * holds `conversations`, an insert into `messages` holds its own table and waits on
 * `conversations` for its foreign key check, and the later step on `messages` waits on that
 * insert until its lock timeout. Under a steady writer every try of the plan was rolled back
 * there, and converge gave up (bench/: converge-serving). The one statement takes a table
 * before the tables it references (a child before its parents: the order in which an insert
 * takes them, its own table and then its foreign keys' and its triggers' targets), so an
 * insert under way is waited for, never waited on. When it still times out, only the LOCK is
 * tried again (to a savepoint), with a growing pause, not the whole plan, and nothing is held
 * between tries.
 */
import type { SqlSession } from '../connection/client.ts';
import { databaseErrorOf } from '../errors/database-errors.ts';
import type { Step } from './model.ts';
import { quote } from './pair.ts';

export async function lockStepTables(
  session: SqlSession,
  steps: readonly Step[],
  options: { budgetMs: number; attemptMs: number; log: (line: string) => void },
): Promise<void> {
  const names = [...new Set(steps.flatMap((step) => (step.table ? [step.table] : [])))];
  const present = await lockOrder(session, names);
  if (present.length === 0) return;
  const statement = `lock table ${present.map(quote).join(', ')} in access exclusive mode`;
  const deadline = performance.now() + options.budgetMs;
  for (let tries = 1; ; tries += 1) {
    await session.exec('savepoint fluxcore_lock_tables');
    try {
      await session.exec(statement);
      await session.exec('release savepoint fluxcore_lock_tables');
      return;
    } catch (error) {
      await session.exec('rollback to savepoint fluxcore_lock_tables');
      if (databaseErrorOf(error)?.code !== '55P03' || performance.now() >= deadline) throw error;
      const pause = Math.round(Math.min(1_000, 25 * 2 ** tries) * (0.5 + Math.random() / 2));
      options.log(
        `a table lock was not free within ${options.attemptMs} ms (try ${tries}): the plan's ${present.length} table(s) are asked for again in ${pause} ms, the plan kept (the app's queries waited at most ${options.attemptMs} ms)`,
      );
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}

/** The tables of `names` that exist, each before every table it references (cycles by name). */
async function lockOrder(session: SqlSession, names: string[]): Promise<string[]> {
  const present = (
    await session.query<{ name: string }>(
      `select name from unnest($1::text[]) as name
       where to_regclass(format('%I', name)) is not null order by name`,
      [names],
    )
  ).map((row) => row.name);
  const edges = await session.query<{ child: string; parent: string }>(
    `select c.relname as child, p.relname as parent from pg_constraint k
     join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
     where k.contype = 'f' and k.conrelid <> k.confrelid
       and c.relname = any($1) and p.relname = any($1)
       and c.relnamespace = p.relnamespace and c.relnamespace = to_regnamespace('public')`,
    [present],
  );
  const children = new Map(present.map((name) => [name, new Set<string>()]));
  for (const edge of edges) children.get(edge.parent)?.add(edge.child);
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < present.length) {
    const ready = present.filter(
      (name) => !placed.has(name) && [...(children.get(name) ?? [])].every((c) => placed.has(c)),
    );
    // A cycle of references: its first table by name goes next.
    const next = ready.length > 0 ? ready : [present.find((name) => !placed.has(name)) as string];
    for (const name of next) {
      placed.add(name);
      ordered.push(name);
    }
  }
  return ordered;
}

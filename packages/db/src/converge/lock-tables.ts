/**
 * Every table the plan alters is locked at once, before the first step, in one LOCK TABLE.
 * Taken one ALTER at a time instead, the locks form a cycle with the app's writes: a step
 * holds `conversations`, an insert into `messages` holds its own table and waits on
 * `conversations` for its foreign key check, and the later step on `messages` waits on that
 * insert until its lock timeout. Under a steady writer every try of the plan was rolled back
 * there, and converge gave up (bench/: converge-serving). The one statement leaves the
 * cycle a window of microseconds; when it still times out, only the LOCK is tried again (to
 * a savepoint), with a growing pause, not the whole plan, and nothing is held between tries.
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
  const present = await session.query<{ name: string }>(
    `select name from unnest($1::text[]) as name
     where to_regclass(format('%I', name)) is not null order by name`,
    [names],
  );
  if (present.length === 0) return;
  const statement = `lock table ${present.map((row) => quote(row.name)).join(', ')} in access exclusive mode`;
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

/** The plan as reviewable SQL (checks as comments), and the summary after applying. */
import { describeSituation } from '../migrator/lineages.ts';
import type { ConvergeOutcome } from './apply.ts';
import type { ConvergePlan } from './plan.ts';

/** Tables this big get a warning: their rewrite or lock needs a window. */
export const largeTableRows = 100_000;

const terminated = (statement: string) => `${statement.trimEnd().replace(/;$/, '')};`;
const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The plan's header: situation, time zone, counts, and the large and rewritten tables. */
function renderHeader(plan: ConvergePlan, lines: string[]): void {
  lines.push(`-- situation: ${describeSituation(plan.situation)}`);
  lines.push(
    `-- time zone: a timestamp column that becomes timestamptz is read in ${plan.timeZone.zone} (${plan.timeZone.source}; --time-zone ZONE says otherwise)`,
  );
  const byPhase = new Map<string, number>();
  for (const step of plan.steps) byPhase.set(step.phase, (byPhase.get(step.phase) ?? 0) + 1);
  const checks = [...plan.results.values()].reduce((sum, r) => sum + r.length, 0);
  lines.push(
    `-- ${count(plan.steps.length, 'step')} (${[...byPhase].map(([phase, n]) => `${phase} ${n}`).join(', ') || 'none'}); ${count(checks, 'data check')}, ${plan.refusals.length} refused`,
  );
  for (const note of plan.tables) {
    if (note.estimatedRows < largeTableRows) continue;
    lines.push(
      `-- LARGE TABLE ${note.table}, ~${Math.round(note.estimatedRows)} rows (pg_class.reltuples, or counted when never analysed): ${note.rewrittenBy.length ? `rewritten by ${note.rewrittenBy.join('; ').replaceAll('\n', '; ')}` : 'not rewritten'}; ${note.lockedBy.length + note.rewrittenBy.length} step(s) hold its ACCESS EXCLUSIVE lock until commit: plan a window`,
    );
  }
  const rewritten = plan.tables.filter((note) => note.rewrittenBy.length > 0);
  if (rewritten.length > 0) {
    lines.push(
      `-- tables rewritten: ${rewritten.map((note) => `${note.table} (~${Math.round(note.estimatedRows)} rows)`).join(', ')}`,
    );
  }
}

/** The transaction's body: each phase's steps with their checks and SQL, then what follows. */
function renderSteps(plan: ConvergePlan, lines: string[]): void {
  let phase = '';
  for (const step of plan.steps) {
    if (step.phase !== phase) {
      phase = step.phase;
      lines.push('', `-- ${phase}`);
    }
    for (const line of step.summary.split('\n')) lines.push(`-- ${line}`);
    for (const result of plan.results.get(step) ?? []) lines.push(`--   check ${result.summary}`);
    for (const statement of step.sql) lines.push(terminated(statement));
  }
  for (const migration of plan.data)
    lines.push('', `-- data migration ${migration.tag}`, ...migration.statements.map(terminated));
  if (plan.probes.length > 0) {
    lines.push(
      '',
      `-- then run ${count(plan.probes.filter((p) => !p.trigger).length, 'kept function')} of the original's once with null arguments, and ${count(plan.probes.filter((p) => p.trigger).length, 'kept trigger')} through one row's statement, each in a savepoint: a function whose body no longer fits the converged columns is moved aside into fluxcore_original (not dropped), a trigger that no longer runs is disabled, and each is reported`,
      ...plan.probes.map((probe) => `--   ${probe.call}`),
    );
  }
  if (plan.foreign.length > 0) {
    lines.push(
      '',
      `-- move ${count(plan.foreign.length, 'journal row')} of ${lineageNames(plan)} (${plan.foreign.map((f) => f.tag).join(', ')}) to drizzle.fluxcore_adopted_history, marked as adopted history`,
    );
  }
  if (plan.record.length > 0) {
    lines.push(
      `-- record ${count(plan.record.length, 'migration')} in drizzle.__drizzle_migrations as db:migrate would (${plan.record[0]?.tag} … ${plan.record.at(-1)?.tag})`,
    );
  }
}

/** After the transaction: what is kept, what --drop drops, and the refusals. */
function renderKeptAndRefused(plan: ConvergePlan, lines: string[]): void {
  const kept = plan.kept.filter((k) => !k.dropped);
  const dropped = plan.kept.filter((k) => k.dropped);
  if (kept.length > 0) {
    lines.push(
      '',
      `-- kept, not declared by the schema (${kept.length}; drop one with --drop NAME):`,
    );
    for (const object of kept)
      lines.push(
        `--   ${object.kind} ${object.name}${object.rows === null ? '' : ` (${object.rows} ${object.kind === 'table' ? 'rows' : 'values'})`}`,
      );
  }
  if (dropped.length > 0) {
    lines.push('', '-- DROPPED by --drop (their data is lost):');
    for (const object of dropped)
      lines.push(
        `--   ${object.kind} ${object.name}${object.rows === null ? '' : ` (${object.rows} ${object.kind === 'table' ? 'rows' : 'values'})`}`,
      );
  }
  if (plan.refusals.length > 0) {
    lines.push(
      '',
      `-- ${count(plan.refusals.length, 'check')} refused: the plan cannot apply, and nothing was changed`,
    );
    for (const refusal of plan.refusals) lines.push(`--   ${refusal.summary}`);
  }
}

export function renderPlan(plan: ConvergePlan, header: string): string {
  const lines: string[] = [`-- db:converge plan for ${header}`];
  renderHeader(plan, lines);
  lines.push('begin;');
  renderSteps(plan, lines);
  lines.push('commit;');
  renderKeptAndRefused(plan, lines);
  return lines.join('\n');
}

export function renderSummary(outcome: ConvergeOutcome): string {
  const { plan } = outcome;
  const lines = [`converged: ${count(plan.steps.length, 'step')} in one transaction`];
  for (const [table, rows] of outcome.rewritten)
    lines.push(`  ${table}: ${count(rows, 'row')} rewritten`);
  const filled = [...plan.results.values()]
    .flat()
    .filter((r) => r.ok && r.spec.kind === 'not-null' && r.spec.fill !== undefined && r.rows > 0);
  for (const fill of filled)
    lines.push(`  ${fill.table}.${fill.column}: ${fill.summary.replace(/^ok: /, '')}`);
  if (plan.steps.some((s) => s.sql.some((q) => q.includes(' at time zone '))))
    lines.push(`  timestamps read in ${plan.timeZone.zone} (${plan.timeZone.source})`);
  if (outcome.dataRun.length) lines.push(`  data migrations run: ${outcome.dataRun.join(', ')}`);
  const satisfied = plan.data.filter((m) => !outcome.dataRun.includes(m.tag));
  if (satisfied.length)
    lines.push(
      `  data migrations the steps already satisfied: ${satisfied.map((m) => m.tag).join(', ')}`,
    );
  lines.push(`  recorded ${count(plan.record.length, 'migration')} in Drizzle's journal`);
  if (plan.foreign.length)
    lines.push(
      `  kept ${count(plan.foreign.length, 'journal row')} of ${lineageNames(plan)} as adopted history (drizzle.fluxcore_adopted_history)`,
    );
  const kept = plan.kept.filter((k) => !k.dropped);
  lines.push(
    `  kept ${count(kept.length, 'object')} the schema does not declare${kept.length ? ` (${summariseKinds(kept.map((k) => k.kind))})` : ''}`,
  );
  const dropped = plan.kept.filter((k) => k.dropped);
  if (dropped.length) lines.push(`  dropped ${dropped.map((k) => k.name).join(', ')} (--drop)`);
  lines.push(`  took ${(outcome.durationMs / 1000).toFixed(1)} s`);
  return lines.join('\n');
}

function summariseKinds(kinds: string[]): string {
  const counts = new Map<string, number>();
  for (const kind of kinds) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  return [...counts].map(([kind, n]) => count(n, kind)).join(', ');
}

/** The histories the plan's journal rows come from (one, or February and May for an upgrade). */
function lineageNames(plan: ConvergePlan): string {
  return [...new Set(plan.foreign.map((f) => f.lineage))].join(' and ');
}

/** The audit report as text for people: a line per table, differences indented under it. */
import { versionBelow } from '../connection/requirements.ts';
import { type AuditReport, type Finding, isDifference } from './compare.ts';

export interface Paint {
  ok(text: string): string;
  bad(text: string): string;
  note(text: string): string;
}

const ansi = (code: number) => (text: string) => `\u001b[${code}m${text}\u001b[0m`;
export const colours: Paint = { ok: ansi(32), bad: ansi(31), note: ansi(33) };
export const plain: Paint = { ok: (t) => t, bad: (t) => t, note: (t) => t };

/** Colour only for a terminal, and never when NO_COLOR is set. */
export function paintFor(
  stream: { isTTY?: boolean },
  env: Record<string, string | undefined>,
): Paint {
  return stream.isTTY && !env.NO_COLOR ? colours : plain;
}

function findingLine(finding: Finding): string {
  if (finding.problem === 'renamed')
    return `    ${finding.kind} ${finding.name}: renamed, ${finding.found}`;
  if (finding.problem === 'slow')
    return `    ${finding.kind} ${finding.name}: slow, ${finding.found}; better ${finding.expected}`;
  if (finding.problem === 'kept' || finding.problem === 'declared')
    return `    ${finding.kind} ${finding.name}: ${finding.expected}; found ${finding.found}`;
  return `    ${finding.kind} ${finding.name}: ${finding.problem}; expected ${finding.expected}; found ${finding.found}`;
}

/**
 * ` (version 0.8.0; the server offers 0.8.7: ALTER EXTENSION vector UPDATE reaches it)`, and
 * for an outdated one the version this package needs and how to get there.
 */
function extensionVersions(extension: AuditReport['extensions'][number]): string {
  const { name, version, available, minimum, state } = extension;
  if (!version) return available ? ` (the server offers version ${available})` : '';
  const offered =
    available && available !== version
      ? `; the server offers ${available}: ALTER EXTENSION ${name} UPDATE reaches it`
      : '';
  if (state !== 'outdated') return ` (version ${version}${offered})`;
  const reach =
    available && available !== version && !versionBelow(available, minimum ?? available)
      ? `: ALTER EXTENSION ${name} UPDATE`
      : `: install a newer ${name} on the server${name === 'vector' ? ' (scripts/install-pgvector.sh builds one)' : ''}, then ALTER EXTENSION ${name} UPDATE`;
  return ` (version ${version}, below the ${minimum} this package needs${reach})`;
}

export function renderReport(report: AuditReport, paint: Paint): string {
  const lines: string[] = [];
  const width = Math.max(10, ...report.tables.map((table) => table.name.length));
  for (const table of report.tables) {
    const label = table.name.padEnd(width);
    switch (table.state) {
      case 'ok':
        lines.push(`  ${paint.ok('✓')} ${label}  ok`);
        break;
      case 'legacy':
        lines.push(`  ${paint.note('~')} ${label}  legacy, read-only (${table.note})`);
        break;
      case 'kept':
        lines.push(`  ${paint.note('~')} ${label}  kept (${table.note})`);
        break;
      case 'missing':
        lines.push(`  ${paint.bad('✗')} ${label}  ${paint.bad('MISSING')}`);
        break;
      case 'unexpected':
        lines.push(`  ${paint.bad('✗')} ${label}  ${paint.bad('UNEXPECTED')} (not in the schema)`);
        break;
      case 'different': {
        const differences = table.findings.filter(isDifference);
        lines.push(
          `  ${paint.bad('✗')} ${label}  ${paint.bad(`${differences.length} difference(s)`)}`,
        );
        for (const finding of differences) lines.push(paint.bad(findingLine(finding)));
        break;
      }
    }
    for (const finding of table.findings.filter((f) => !isDifference(f)))
      lines.push(paint.note(findingLine(finding)));
  }
  if (report.enums.length) {
    lines.push('enums');
    for (const finding of report.enums)
      lines.push((isDifference(finding) ? paint.bad : paint.note)(findingLine(finding)));
  }
  if (report.logic.length) {
    lines.push('functions, triggers, views and schemas');
    for (const finding of report.logic)
      lines.push((isDifference(finding) ? paint.bad : paint.note)(findingLine(finding)));
  }
  if (report.isolation.length) {
    lines.push('row-level security: views and runtime roles');
    for (const finding of report.isolation) lines.push(paint.bad(findingLine(finding)));
  }
  if (report.extensions.length) {
    lines.push('extensions');
    for (const extension of report.extensions) {
      const text = `    ${extension.name}: ${extension.state}${extensionVersions(extension)}`;
      const bad = extension.state === 'missing' || extension.state === 'outdated';
      lines.push(bad ? paint.bad(text) : text);
    }
  }
  if (report.migrations.length) {
    lines.push('migrations');
    for (const finding of report.migrations)
      lines.push(paint.bad(`    ${finding.name}: ${finding.found}`));
  }
  if (report.criticalFields.length) {
    lines.push('critical fields (added by the manual scripts)');
    for (const field of report.criticalFields) {
      const text = `    ${`${field.table}.${field.column}`.padEnd(24)} ${field.state}: ${field.found}`;
      lines.push(field.state === 'present' ? text : paint.bad(text));
    }
  }
  const s = report.summary;
  const summary = `${s.tables} tables: ${s.ok} ok, ${s.different} different, ${s.missing} missing, ${s.unexpected} unexpected, ${s.legacy} legacy${s.kept ? `, ${s.kept} kept` : ''}; ${s.differences} difference(s)`;
  lines.push(report.clean ? paint.ok(summary) : paint.bad(summary));
  return lines.join('\n');
}

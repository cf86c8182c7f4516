/**
 * The schema reference as data: every table of the Drizzle schema with its purpose, columns,
 * keys, indexes, checks and the foreign keys that leave it and that point at it, grouped by the
 * domain folder that exports it (a page per folder). Columns and constraints come from the audit's expectations
 * (drizzle-kit's snapshot of the schema objects), so the docs and the audit read one source.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getTableName, is, type SQL } from 'drizzle-orm';
import { getTableConfig, PgDialect, PgPolicy, PgTable } from 'drizzle-orm/pg-core';
import {
  type ExpectedColumn,
  type ExpectedConstraint,
  type ExpectedIndex,
  expectedSchema,
} from '../audit/expect.ts';
import { migrationsFolder } from '../connection/config.ts';
import { FluxDbError } from '../errors/flux-db-error.ts';
import { loadMigrations } from '../migrator/journal.ts';
import { originalDatabaseLogic } from '../schema/original/database-logic.ts';
import type { DatabaseLogicDecision } from '../schema/original/database-logic-decisions.ts';
import { legacyTables } from '../schema/original/legacy.ts';
import { tablePurposes } from '../schema/original/purposes.ts';
import { type OriginalRename, originalRenames } from '../schema/original/renames.ts';
import {
  type KeptTightening,
  keptTightenings,
  type RelaxedTightening,
  relaxedTightenings,
} from '../schema/original/tightenings.ts';
import { type OriginalTypeChange, originalTypeChanges } from '../schema/original/type-changes.ts';
import { linkedTable } from '../schema/tenancy/build.ts';
import { tableTenancy } from '../schema/tenancy/index.ts';
import * as tenancyPolicies from '../schema/tenancy/policies.ts';
import { columnComments } from './comments.ts';

export const schemaFolder = resolve(dirname(fileURLToPath(import.meta.url)), '../schema');

export interface ForeignKeyDoc {
  name: string;
  table: string;
  columns: string[];
  referencedTable: string;
  referencedColumns: string[];
  onDelete: string;
}

/** A row-level security policy of a table, as the schema declares it (schema/tenancy). */
export interface PolicyDoc {
  name: string;
  as: 'permissive' | 'restrictive';
  command: string;
  roles: string[];
  using?: string;
  check?: string;
}

export interface TableDoc {
  name: string;
  /** The variable the domain folder exports it as. */
  exportName: string;
  domain: string;
  purpose: string;
  /** Each column, with the doc comment the schema gives it (comments.ts), if any. */
  columns: (ExpectedColumn & { enumValues: string[] | undefined; comment?: string })[];
  primaryKey: string[];
  uniques: ExpectedConstraint[];
  indexes: ExpectedIndex[];
  checks: ExpectedConstraint[];
  foreignKeysOut: ForeignKeyDoc[];
  foreignKeysIn: ForeignKeyDoc[];
  renames: OriginalRename[];
  typeChanges: OriginalTypeChange[];
  /** Its checks, uniques and enums that can refuse a value, with their evidence. */
  tightenings: KeptTightening[];
  /** Whose rows these are (schema/tenancy's tableTenancy), in words. */
  tenancy: string;
  policies: PolicyDoc[];
}

export interface DomainDoc {
  /** The domain folder's name (`chat`), also the page's name. */
  slug: string;
  /** From the opening comment of the folder's index.ts: the words before `(DOMAIN.md §N)`. */
  title: string;
  /** The folder's path relative to packages/db (`src/schema/chat/`). */
  source: string;
  section: number;
  tables: TableDoc[];
}

export interface SchemaDoc {
  domains: DomainDoc[];
  tables: Map<string, TableDoc>;
  renames: readonly OriginalRename[];
  typeChanges: readonly OriginalTypeChange[];
  tightenings: readonly KeptTightening[];
  relaxed: readonly RelaxedTightening[];
  databaseLogic: readonly DatabaseLogicDecision[];
  legacy: readonly { name: string; origin: string }[];
}

interface DomainModule {
  slug: string;
  path: string;
  exports: Record<string, unknown>;
}

/** Every folder of the schema folder (a domain: its index.ts re-exports its tables), imported. */
async function loadSchemaModules(folder: string): Promise<DomainModule[]> {
  const modules: DomainModule[] = [];
  for (const entry of readdirSync(folder).sort()) {
    const path = join(folder, entry, 'index.ts');
    if (!statSync(join(folder, entry)).isDirectory() || !existsSync(path)) continue;
    modules.push({ slug: entry, path, exports: (await import(path)) as Record<string, unknown> });
  }
  return modules;
}

/** `Core chat (DOMAIN.md §1): …` → { title: 'Core chat', section: 1 }. */
export function domainHeading(
  source: string,
  fallback: string,
): { title: string; section: number } {
  const comment = source.match(/^\/\*\*([\s\S]*?)\*\//)?.[1] ?? '';
  const text = comment
    .split('\n')
    .map((line) => line.replace(/^\s*\*\s?/, '').trim())
    .join(' ')
    .trim();
  const match = text.match(/^([\s\S]*?)\s*\(DOMAIN\.md §(\d+)\)/);
  if (!match?.[1] || !match[2]) return { title: fallback, section: Number.MAX_SAFE_INTEGER };
  return { title: match[1].replace(/[.:]$/, ''), section: Number(match[2]) };
}

const dialect = new PgDialect();
const sqlText = (value: SQL | undefined) =>
  value === undefined ? undefined : dialect.sqlToQuery(value).sql;

/** Every policy the schema declares (schema/tenancy/policies.ts), linked to its table. */
const declaredPolicies = (Object.values(tenancyPolicies) as unknown[]).filter((value) =>
  is(value, PgPolicy),
) as PgPolicy[];

/** The table's policies, as drizzle-kit generates them, by name. */
function policiesOf(table: string): PolicyDoc[] {
  return declaredPolicies
    .filter((policy) => {
      const linked = linkedTable(policy);
      return linked !== undefined && getTableName(linked) === table;
    })
    .map((policy) => {
      const to: unknown[] = Array.isArray(policy.to) ? policy.to : [policy.to ?? 'public'];
      const roles = to.map((role) =>
        typeof role === 'string' ? role : String((role as { name: string }).name),
      );
      const using = sqlText(policy.using);
      const check = sqlText(policy.withCheck);
      return {
        name: policy.name,
        as: policy.as ?? 'permissive',
        command: policy.for ?? 'all',
        roles,
        ...(using ? { using } : {}),
        ...(check ? { check } : {}),
      };
    })
    .sort(byName);
}

/** tableTenancy's entry in words: whose rows these are, or why none has a tenant. */
function tenancyWords(table: string): string {
  const tenancy = tableTenancy[table];
  if (!tenancy) return 'not in tableTenancy';
  switch (tenancy.kind) {
    case 'tenant':
      return `tenant table: each row belongs to the account in ${tenancy.column}`;
    case 'child':
      return `child table: each row belongs to the tenant of its ${tenancy.parent} row (${tenancy.column})${tenancy.carries?.length ? `, whose tenants it carries in ${tenancy.carries.join(' and ')} (kept by triggers)` : ''}`;
    case 'shared':
      return `shared table: ${tenancy.who}`;
    case 'global':
      return `no tenant, no row-level security: ${tenancy.reason}`;
  }
}

function byName<T extends { name: string }>(a: T, b: T): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** Builds the reference from the package's schema folder. */
export async function buildSchemaDoc(): Promise<SchemaDoc> {
  const folder = schemaFolder;
  const expected = expectedSchema(loadMigrations(migrationsFolder));
  const modules = await loadSchemaModules(folder);
  const owners = new Map<string, { module: DomainModule; exportName: string }>();
  const tableObjects = new Map<string, PgTable>();
  for (const module of modules) {
    for (const [exportName, value] of Object.entries(module.exports)) {
      if (!is(value, PgTable)) continue;
      const name = getTableConfig(value).name;
      if (!owners.has(name)) owners.set(name, { module, exportName });
      tableObjects.set(name, value);
    }
  }
  const comments = columnComments(folder, tableObjects);

  const foreignKeys: ForeignKeyDoc[] = [];
  for (const table of expected.tables.values()) {
    for (const key of table.constraints.values()) {
      if (key.type !== 'foreign key') continue;
      foreignKeys.push({
        name: key.name,
        table: table.name,
        columns: key.columns,
        referencedTable: key.referencedTable ?? '',
        referencedColumns: key.referencedColumns ?? [],
        onDelete: key.onDelete ?? 'no action',
      });
    }
  }
  foreignKeys.sort(byName);

  const tables = new Map<string, TableDoc>();
  const missingPurpose: string[] = [];
  for (const table of [...expected.tables.values()].sort(byName)) {
    const owner = owners.get(table.name);
    if (!owner) {
      throw new FluxDbError(
        'INVALID_INPUT',
        `table ${table.name} is exported by no domain folder of ${folder}`,
        'Define each table in a domain folder of the schema folder and export it from its index.ts',
      );
    }
    const purpose = tablePurposes[table.name];
    if (!purpose) missingPurpose.push(table.name);
    const constraints = [...table.constraints.values()].sort(byName);
    tables.set(table.name, {
      name: table.name,
      exportName: owner.exportName,
      domain: owner.module.slug,
      purpose: purpose ?? '',
      columns: [...table.columns.values()].map((column) => {
        const comment = comments.get(table.name)?.get(column.name);
        return {
          ...column,
          enumValues: expected.enums.get(column.type),
          ...(comment ? { comment } : {}),
        };
      }),
      primaryKey: constraints.find((c) => c.type === 'primary key')?.columns ?? [],
      uniques: constraints.filter((c) => c.type === 'unique'),
      checks: constraints.filter((c) => c.type === 'check'),
      indexes: [...table.indexes.values()].sort(byName),
      foreignKeysOut: foreignKeys.filter((key) => key.table === table.name),
      foreignKeysIn: foreignKeys.filter((key) => key.referencedTable === table.name),
      renames: originalRenames.filter((rename) => rename.table === table.name),
      typeChanges: originalTypeChanges.filter((change) => change.table === table.name),
      tightenings: keptTightenings.filter((kept) => kept.table === table.name),
      tenancy: tenancyWords(table.name),
      policies: policiesOf(table.name),
    });
  }
  if (missingPurpose.length > 0) {
    throw new FluxDbError(
      'INVALID_INPUT',
      `no purpose for ${missingPurpose.join(', ')}`,
      'Write one line for each in packages/db/src/schema/original/purposes.ts',
    );
  }

  const domains: DomainDoc[] = [];
  for (const module of modules) {
    const domainTables = [...tables.values()].filter((table) => table.domain === module.slug);
    if (domainTables.length === 0) continue;
    const heading = domainHeading(readFileSync(module.path, 'utf8'), module.slug);
    domains.push({
      slug: module.slug,
      ...heading,
      source: `src/schema/${module.slug}/`,
      tables: domainTables,
    });
  }
  domains.sort((a, b) => a.section - b.section || (a.slug < b.slug ? -1 : 1));

  return {
    domains,
    tables,
    renames: originalRenames,
    typeChanges: originalTypeChanges,
    tightenings: keptTightenings,
    relaxed: relaxedTightenings,
    databaseLogic: originalDatabaseLogic,
    legacy: legacyTables,
  };
}

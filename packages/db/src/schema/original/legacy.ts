/**
 * Tables that exist in databases migrated by hand but are not part of the schema this package
 * creates. The audit reports them as legacy (read-only history), never as missing or
 * unexpected, and baseline never lets them block adoption.
 */
export const legacyTables = [
  {
    name: 'extensions',
    origin:
      'created by the deprecated migrate-all.ts; replaced by extension_installations and extension_contexts',
  },
] as const;

export type LegacyTableName = (typeof legacyTables)[number]['name'];
export const legacyTableNames: readonly string[] = legacyTables.map((table) => table.name);

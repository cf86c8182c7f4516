/**
 * The data of originalTypeChanges (../type-changes.ts): every column of the original FluxCore
 * schema whose type this schema tightens, by table, one file per domain. One row per column:
 * `[column, original type, this schema's type, reason key]`.
 *
 * Types are written short and expanded by ../type-changes.ts to pg_dump's rendering: `timestamp`
 * is `timestamp without time zone`, `timestamptz` is `timestamp with time zone`, `varchar(n)` is
 * `character varying(n)`, `char(n)` is `character(n)`, and a trailing `!` is ` NOT NULL`.
 * A widening (a longer varchar, varchar to text, integer to bigint, a wider numeric, NOT NULL
 * dropped) is not listed: no value can fail it. The reference test (test/schema-original.test.ts)
 * proves the list complete against the real database's catalog.
 */

import { appsTypeChanges } from './apps.ts';
import { assetsTypeChanges } from './assets.ts';
import { assistantsTypeChanges } from './assistants.ts';
import { chatTypeChanges } from './chat.ts';
import { creditsAndAccessTypeChanges } from './credits-and-access.ts';
import { ragTypeChanges } from './rag.ts';

/** Why a type changes, by kind; ../type-changes.ts spells each out. */
export type TypeChangeReason =
  | 'timestamptz'
  | 'closedSet'
  | 'notNullSqlOnly'
  | 'filledFromUsername'
  | 'enumRenamed'
  | 'jsonText'
  | 'idTyped'
  | 'inet'
  | 'booleanText'
  | 'providers'
  | 'serviceIds'
  | 'currency'
  | 'checksum'
  | 'domainLength';

export type TypeChangeRow = readonly [
  column: string,
  from: string,
  to: string,
  reason: TypeChangeReason,
];

export type TypeChangeRows = Readonly<Record<string, readonly TypeChangeRow[]>>;

/** Every domain's rows, by table name in alphabetical order (the order the docs list them in). */
export const typeChangesByTable: Readonly<Record<string, readonly TypeChangeRow[]>> =
  Object.fromEntries(
    Object.entries({
      ...chatTypeChanges,
      ...appsTypeChanges,
      ...creditsAndAccessTypeChanges,
      ...assistantsTypeChanges,
      ...ragTypeChanges,
      ...assetsTypeChanges,
    }).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );

/**
 * An index the schema declares that the database lacks, created (a unique one after the
 * duplicate check of add-unique.ts), or one it has but invalid (a failed concurrent build),
 * rebuilt. Online: built CONCURRENTLY, outside a transaction, blocking no write; an invalid
 * one left by a failure is dropped by the rollback.
 */
import type { LiveIndex } from '../../catalog/introspect.ts';
import type { CheckSpec } from '../model.ts';
import { quote } from '../pair.ts';
import { makeStep, type StepKind } from './kind.ts';

export interface CreateIndexInput {
  table: string;
  index: LiveIndex;
  /** The database has it, invalid: rebuilt. */
  rebuild?: boolean;
}

/** The duplicate check a new unique index needs. */
function indexChecks(table: string, index: LiveIndex): CheckSpec[] {
  if (!index.unique) return [];
  return [
    {
      kind: 'unique',
      table,
      columns: index.columns,
      keys: index.keys,
      predicate: index.predicate,
      nullsNotDistinct: false,
      name: index.name,
    },
  ];
}

export const createIndex: StepKind<CreateIndexInput> = {
  name: 'create-index',
  checks: {},
  build({ table, index, rebuild }) {
    const name = quote(index.name);
    if (rebuild)
      return [
        makeStep(
          'create-index',
          'constrain',
          table,
          `rebuild invalid index ${index.name}`,
          [`reindex index ${name}`],
          {
            longLock: true,
            online: {
              start: [`reindex index concurrently ${name}`],
              complete: [],
              rollback: [],
              outsideTransaction: true,
            },
          },
        ),
      ];
    return [
      makeStep(
        'create-index',
        'constrain',
        table,
        `create index ${index.name} on ${table}`,
        [index.definition],
        {
          checks: indexChecks(table, index),
          longLock: true,
          online: {
            start: [
              index.definition.replace(/^CREATE (UNIQUE )?INDEX /, 'CREATE $1INDEX CONCURRENTLY '),
            ],
            complete: [],
            rollback: [`drop index concurrently if exists ${name}`],
            outsideTransaction: true,
          },
        },
      ),
    ];
  },
};

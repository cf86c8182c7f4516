import { relations, sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  check,
  integer,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../chat/users.ts';
import { createdAt, id, reference, rowSchemas } from '../columns.ts';
import { fluxcoreAssistantInstructions } from './fluxcore-assistant-instructions.ts';
import { fluxcoreInstructions } from './fluxcore-instructions.ts';

/** Immutable snapshots of an instruction's content: a change writes a new version. */
export const fluxcoreInstructionVersions = pgTable(
  'fluxcore_instruction_versions',
  {
    id: id(),
    instructionId: uuid('instruction_id').notNull(),
    versionNumber: integer('version_number').notNull(),
    content: text('content').notNull(),
    sizeBytes: integer('size_bytes').default(0),
    tokensEstimated: integer('tokens_estimated').default(0),
    wordCount: integer('word_count').default(0),
    lineCount: integer('line_count').default(0),
    changeLog: text('change_log'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    ...reference(t.instructionId, (): AnyPgColumn => fluxcoreInstructions.id, 'cascade', {
      indexed: false,
    }),
    ...reference(t.createdBy, () => users.id, 'set null'),
    uniqueIndex('fluxcore_instruction_versions_instruction_version_key').on(
      t.instructionId,
      t.versionNumber,
    ),
    check(
      'fluxcore_instruction_versions_counters_check',
      sql`${t.versionNumber} >= 1 and ${t.sizeBytes} >= 0 and ${t.tokensEstimated} >= 0 and ${t.wordCount} >= 0 and ${t.lineCount} >= 0`,
    ),
  ],
);

export const fluxcoreInstructionVersionsRelations = relations(
  fluxcoreInstructionVersions,
  ({ one, many }) => ({
    instruction: one(fluxcoreInstructions, {
      fields: [fluxcoreInstructionVersions.instructionId],
      references: [fluxcoreInstructions.id],
      relationName: 'instruction_versions',
    }),
    creator: one(users, {
      fields: [fluxcoreInstructionVersions.createdBy],
      references: [users.id],
    }),
    assistantInstructions: many(fluxcoreAssistantInstructions),
  }),
);

export type FluxcoreInstructionVersion = typeof fluxcoreInstructionVersions.$inferSelect;
export type NewFluxcoreInstructionVersion = typeof fluxcoreInstructionVersions.$inferInsert;

export const fluxcoreInstructionVersionSchemas = rowSchemas(fluxcoreInstructionVersions);

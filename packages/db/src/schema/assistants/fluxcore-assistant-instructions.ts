import { relations, sql } from 'drizzle-orm';
import { boolean, check, integer, pgTable, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, reference, rowSchemas, timestamps } from '../columns.ts';
import { fluxcoreAssistants } from './fluxcore-assistants.ts';
import { fluxcoreInstructionVersions } from './fluxcore-instruction-versions.ts';
import { fluxcoreInstructions } from './fluxcore-instructions.ts';

export const fluxcoreAssistantInstructions = pgTable(
  'fluxcore_assistant_instructions',
  {
    id: id(),
    assistantId: uuid('assistant_id').notNull(),
    instructionId: uuid('instruction_id').notNull(),
    /** A pinned version; null follows the instruction's current version. */
    versionId: uuid('version_id'),
    /** The position of the instruction in the assistant's prompt. */
    order: integer('order').notNull().default(0),
    isEnabled: boolean('is_enabled').notNull().default(true),
    ...timestamps(),
  },
  (t) => [
    ...reference(t.assistantId, () => fluxcoreAssistants.id, 'cascade', { indexed: false }),
    ...reference(t.instructionId, () => fluxcoreInstructions.id, 'cascade'),
    ...reference(t.versionId, () => fluxcoreInstructionVersions.id, 'set null'),
    uniqueIndex('fluxcore_assistant_instructions_assistant_instruction_key').on(
      t.assistantId,
      t.instructionId,
    ),
    check('fluxcore_assistant_instructions_order_check', sql`${t.order} >= 0`),
  ],
);

export const fluxcoreAssistantInstructionsRelations = relations(
  fluxcoreAssistantInstructions,
  ({ one }) => ({
    assistant: one(fluxcoreAssistants, {
      fields: [fluxcoreAssistantInstructions.assistantId],
      references: [fluxcoreAssistants.id],
    }),
    instruction: one(fluxcoreInstructions, {
      fields: [fluxcoreAssistantInstructions.instructionId],
      references: [fluxcoreInstructions.id],
    }),
    version: one(fluxcoreInstructionVersions, {
      fields: [fluxcoreAssistantInstructions.versionId],
      references: [fluxcoreInstructionVersions.id],
    }),
  }),
);

export type FluxcoreAssistantInstruction = typeof fluxcoreAssistantInstructions.$inferSelect;
export type NewFluxcoreAssistantInstruction = typeof fluxcoreAssistantInstructions.$inferInsert;

export const fluxcoreAssistantInstructionSchemas = rowSchemas(fluxcoreAssistantInstructions);

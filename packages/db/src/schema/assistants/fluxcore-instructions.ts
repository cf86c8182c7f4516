import { relations } from 'drizzle-orm';
import { type AnyPgColumn, boolean, pgTable, text, uuid, varchar } from 'drizzle-orm/pg-core';
import { accounts } from '../chat/accounts.ts';
import { id, reference, rowSchemas, timestamps } from '../columns.ts';
import { fluxcoreAssistantInstructions } from './fluxcore-assistant-instructions.ts';
import { fluxcoreInstructionVersions } from './fluxcore-instruction-versions.ts';

export const fluxcoreInstructions = pgTable(
  'fluxcore_instructions',
  {
    id: id(),
    accountId: uuid('account_id').notNull(),
    name: varchar('name', { length: 255 }).notNull(),
    description: text('description'),
    visibility: varchar('visibility', { length: 20 }).notNull().default('private'),
    /** The version assistants use unless they pin one. Set null if that version is removed. */
    currentVersionId: uuid('current_version_id'),
    status: varchar('status', { length: 20 }).notNull().default('draft'),
    /** Written and kept up to date by FluxCore itself, not edited by the account. */
    isManaged: boolean('is_managed').notNull().default(false),
    lastModifiedBy: varchar('last_modified_by', { length: 255 }),
    ...timestamps(),
  },
  (t) => [
    ...reference(t.accountId, () => accounts.id, 'cascade'),
    // Instructions and their versions point at each other. The foreign keys are added after both
    // tables exist, so the cycle is harmless in SQL; the `AnyPgColumn` return type breaks it
    // for TypeScript's inference.
    ...reference(t.currentVersionId, (): AnyPgColumn => fluxcoreInstructionVersions.id, 'set null'),
  ],
);

export const fluxcoreInstructionsRelations = relations(fluxcoreInstructions, ({ one, many }) => ({
  account: one(accounts, { fields: [fluxcoreInstructions.accountId], references: [accounts.id] }),
  // Two links join instructions and versions, so each is named.
  currentVersion: one(fluxcoreInstructionVersions, {
    fields: [fluxcoreInstructions.currentVersionId],
    references: [fluxcoreInstructionVersions.id],
    relationName: 'instruction_current_version',
  }),
  versions: many(fluxcoreInstructionVersions, { relationName: 'instruction_versions' }),
  assistants: many(fluxcoreAssistantInstructions),
}));

export type FluxcoreInstruction = typeof fluxcoreInstructions.$inferSelect;
export type NewFluxcoreInstruction = typeof fluxcoreInstructions.$inferInsert;

export const fluxcoreInstructionSchemas = rowSchemas(fluxcoreInstructions);

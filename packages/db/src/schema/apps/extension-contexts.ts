import { relations } from 'drizzle-orm';
import { check, jsonb, pgTable, uuid, varchar } from 'drizzle-orm/pg-core';
import { accounts } from '../chat/accounts.ts';
import { conversations } from '../chat/conversations.ts';
import { relationships } from '../chat/relationships.ts';
import { exactlyOneOf, id, reference, rowSchemas, timestamps } from '../columns.ts';

/** Data an extension keeps about exactly one account, relationship or conversation. */
export const extensionContexts = pgTable(
  'extension_contexts',
  {
    id: id(),
    extensionId: varchar('extension_id', { length: 200 }).notNull(),
    accountId: uuid('account_id'),
    relationshipId: uuid('relationship_id'),
    conversationId: uuid('conversation_id'),
    /** The extension's own name for the kind of data: an open set, each extension has its own. */
    contextType: varchar('context_type', { length: 100 }).notNull(),
    // Each extension writes and reads its own shape (the original's type: Record<string, any>).
    // biome-ignore lint/suspicious/noExplicitAny: an extension's own payload, cast by it
    payload: jsonb('payload').$type<Record<string, any>>().notNull().default({}),
    ...timestamps(),
  },
  (t) => [
    ...reference(t.accountId, () => accounts.id, 'cascade'),
    ...reference(t.relationshipId, () => relationships.id, 'cascade'),
    ...reference(t.conversationId, () => conversations.id, 'cascade'),
    check(
      'extension_contexts_one_scope_check',
      exactlyOneOf(t.accountId, t.relationshipId, t.conversationId),
    ),
  ],
);

export const extensionContextsRelations = relations(extensionContexts, ({ one }) => ({
  account: one(accounts, { fields: [extensionContexts.accountId], references: [accounts.id] }),
  relationship: one(relationships, {
    fields: [extensionContexts.relationshipId],
    references: [relationships.id],
  }),
  conversation: one(conversations, {
    fields: [extensionContexts.conversationId],
    references: [conversations.id],
  }),
}));

export type ExtensionContext = typeof extensionContexts.$inferSelect;
export type NewExtensionContext = typeof extensionContexts.$inferInsert;

export const extensionContextSchemas = rowSchemas(extensionContexts);

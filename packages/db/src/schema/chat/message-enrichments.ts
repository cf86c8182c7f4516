import { relations } from 'drizzle-orm';
import { jsonb, pgTable, uuid, varchar } from 'drizzle-orm/pg-core';
import { createdAt, id, reference, rowSchemas } from '../columns.ts';
import { messages } from './messages.ts';

export const messageEnrichments = pgTable(
  'message_enrichments',
  {
    id: id(),
    messageId: uuid('message_id').notNull(),
    extensionId: varchar('extension_id', { length: 200 }).notNull(),
    type: varchar('type', { length: 100 }).notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [...reference(t.messageId, () => messages.id, 'cascade')],
);

export const messageEnrichmentsRelations = relations(messageEnrichments, ({ one }) => ({
  message: one(messages, { fields: [messageEnrichments.messageId], references: [messages.id] }),
}));

export type MessageEnrichment = typeof messageEnrichments.$inferSelect;
export type NewMessageEnrichment = typeof messageEnrichments.$inferInsert;

export const messageEnrichmentSchemas = rowSchemas(messageEnrichments);

import { relations, sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { accounts } from '../chat/accounts.ts';
import { allowAutomatedUse, id, reference, rowSchemas, timestamps } from '../columns.ts';
import { fluxcoreTemplateSettings } from './fluxcore-template-settings.ts';
import { templateAssets } from './template-assets.ts';

/** A placeholder of a template's content and how to fill it. */
export type TemplateVariable = {
  name: string;
  type: 'text' | 'number' | 'date' | 'contact' | 'custom';
  label?: string;
  defaultValue?: string;
  required?: boolean;
  placeholder?: string;
};

export const templates = pgTable(
  'templates',
  {
    id: id(),
    accountId: uuid('account_id').notNull(),
    name: varchar('name', { length: 255 }).notNull(),
    content: text('content').notNull(),
    category: varchar('category', { length: 100 }),
    /** The placeholders used in content, with how to fill them. */
    variables: jsonb('variables').$type<TemplateVariable[]>().notNull().default([]),
    tags: jsonb('tags').$type<string[]>().notNull().default([]),
    isActive: boolean('is_active').notNull().default(true),
    usageCount: integer('usage_count').notNull().default(0),
    allowAutomatedUse: allowAutomatedUse(),
    // Declared by the original's Drizzle schema at 239c046, created by none of its migration
    // files: whether other accounts see the template, and the words that send it.
    isPublic: boolean('is_public').notNull().default(false),
    /** Comma-separated keywords. */
    triggerKeyword: varchar('trigger_keyword', { length: 255 }),
    ...timestamps(),
  },
  (t) => [
    ...reference(t.accountId, () => accounts.id, 'cascade', { indexed: false }),
    index('idx_templates_trigger').on(t.accountId, t.triggerKeyword),
    uniqueIndex('templates_account_name_key').on(t.accountId, t.name),
    check('templates_usage_count_check', sql`${t.usageCount} >= 0`),
  ],
);

export const templatesRelations = relations(templates, ({ one, many }) => ({
  account: one(accounts, { fields: [templates.accountId], references: [accounts.id] }),
  settings: one(fluxcoreTemplateSettings),
  assetLinks: many(templateAssets),
}));

export type Template = typeof templates.$inferSelect;

export type NewTemplate = typeof templates.$inferInsert;

export const templateSchemas = rowSchemas(templates);

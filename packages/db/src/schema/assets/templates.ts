/**
 * Message templates and their FluxCore AI settings (DOMAIN.md §6). History: the FluxCore
 * "templates" group of the 2026-02-08 audit (the original's 031, 033 and 034).
 */
import { relations, sql } from 'drizzle-orm';
import {
  boolean,
  check,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { createInsertSchema, createSelectSchema } from 'drizzle-zod';
import { accounts } from '../chat.ts';
import { id, reference, timestamps } from '../columns.ts';
import { templateAssets } from './links.ts';

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
    ...timestamps(),
  },
  (t) => [
    ...reference(t.accountId, () => accounts.id, 'cascade', { indexed: false }),
    uniqueIndex('templates_account_name_key').on(t.accountId, t.name),
    check('templates_usage_count_check', sql`${t.usageCount} >= 0`),
  ],
);

/**
 * FluxCore's AI settings of a template, one row per template (script 034 moved
 * templates.authorize_for_ai here).
 */
export const fluxcoreTemplateSettings = pgTable(
  'fluxcore_template_settings',
  {
    templateId: uuid('template_id').primaryKey(),
    authorizeForAI: boolean('authorize_for_ai').notNull().default(false),
    /** When and how the AI should use this template. */
    aiUsageInstructions: text('ai_usage_instructions'),
    aiIncludeName: boolean('ai_include_name').notNull().default(true),
    aiIncludeContent: boolean('ai_include_content').notNull().default(true),
    aiIncludeInstructions: boolean('ai_include_instructions').notNull().default(true),
    ...timestamps(),
  },
  (t) => [...reference(t.templateId, () => templates.id, 'cascade', { indexed: false })],
);

export const templatesRelations = relations(templates, ({ one, many }) => ({
  account: one(accounts, { fields: [templates.accountId], references: [accounts.id] }),
  settings: one(fluxcoreTemplateSettings),
  assetLinks: many(templateAssets),
}));

export const fluxcoreTemplateSettingsRelations = relations(fluxcoreTemplateSettings, ({ one }) => ({
  template: one(templates, {
    fields: [fluxcoreTemplateSettings.templateId],
    references: [templates.id],
  }),
}));

export type Template = typeof templates.$inferSelect;

export type NewTemplate = typeof templates.$inferInsert;

export type FluxcoreTemplateSetting = typeof fluxcoreTemplateSettings.$inferSelect;

export type NewFluxcoreTemplateSetting = typeof fluxcoreTemplateSettings.$inferInsert;

export const templateSchemas = {
  select: createSelectSchema(templates),
  insert: createInsertSchema(templates),
};

export const fluxcoreTemplateSettingSchemas = {
  select: createSelectSchema(fluxcoreTemplateSettings),
  insert: createInsertSchema(fluxcoreTemplateSettings),
};

import { relations } from 'drizzle-orm';
import { boolean, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { reference, rowSchemas, timestamps } from '../columns.ts';
import { templates } from './templates.ts';

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

export const fluxcoreTemplateSettingsRelations = relations(fluxcoreTemplateSettings, ({ one }) => ({
  template: one(templates, {
    fields: [fluxcoreTemplateSettings.templateId],
    references: [templates.id],
  }),
}));

export type FluxcoreTemplateSetting = typeof fluxcoreTemplateSettings.$inferSelect;

export type NewFluxcoreTemplateSetting = typeof fluxcoreTemplateSettings.$inferInsert;

export const fluxcoreTemplateSettingSchemas = rowSchemas(fluxcoreTemplateSettings);

import { relations } from 'drizzle-orm';
import { boolean, jsonb, pgTable, unique, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '../chat/accounts.ts';
import { relationships } from '../chat/relationships.ts';
import { id, reference, rowSchemas, timestamps } from '../columns.ts';
import { automationModeEnum } from './constants.ts';

/** What starts an automation: a received message, a keyword, a schedule or a webhook. */
export type AutomationTrigger = {
  type: 'message_received' | 'keyword' | 'schedule' | 'webhook';
  /** The keyword pattern, cron expression or webhook token, by type. */
  value?: string;
  metadata?: Record<string, unknown>;
};

export type AutomationCondition = {
  field: 'message_type' | 'sender' | 'time_of_day' | 'message_content';
  operator: 'equals' | 'contains' | 'regex' | 'between';
  value: string | string[];
};

/** A rule's settings (the original's AutomationConfig). */
export type AutomationConfig = {
  triggers?: AutomationTrigger[];
  conditions?: AutomationCondition[];
  /** Wait before an automatic reply is sent. */
  delayMs?: number;
  /** The extension that answers; null or absent: FluxCore itself. */
  extensionId?: string | null;
  /** Automatic replies per hour at most. */
  rateLimit?: number;
  assistantId?: string;
  [key: string]: unknown;
};
export type AutomationRuleConfig = AutomationConfig;

/** Script 010: how AI replies on a relationship, or on all of an account's relationships. */
export const automationRules = pgTable(
  'automation_rules',
  {
    id: id(),
    accountId: uuid('account_id').notNull(),
    /** Null: the account's default rule, for every relationship. */
    relationshipId: uuid('relationship_id'),
    mode: automationModeEnum('mode').notNull().default('supervised'),
    enabled: boolean('enabled').notNull().default(true),
    config: jsonb('config').$type<AutomationRuleConfig>().default({}),
    ...timestamps(),
  },
  (t) => [
    ...reference(t.accountId, () => accounts.id, 'cascade', { indexed: false }),
    ...reference(t.relationshipId, () => relationships.id, 'cascade'),
    // One rule per (account, relationship); the null "every relationship" rule counts as a
    // value, so an account has at most one default rule.
    // (drizzle 0.45 has nullsNotDistinct on unique constraints only, not on uniqueIndex.)
    unique('automation_rules_account_relationship_key')
      .on(t.accountId, t.relationshipId)
      .nullsNotDistinct(),
  ],
);

export const automationRulesRelations = relations(automationRules, ({ one }) => ({
  account: one(accounts, { fields: [automationRules.accountId], references: [accounts.id] }),
  relationship: one(relationships, {
    fields: [automationRules.relationshipId],
    references: [relationships.id],
  }),
}));

export type AutomationRule = typeof automationRules.$inferSelect;
export type NewAutomationRule = typeof automationRules.$inferInsert;

export const automationRuleSchemas = rowSchemas(automationRules);

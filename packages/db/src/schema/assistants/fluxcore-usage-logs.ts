import { relations, sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { accounts } from '../chat/accounts.ts';
import { createdAt, id, reference, rowSchemas } from '../columns.ts';
import { usageResourceTypeEnum } from './constants.ts';

export type UsageLogMetadata = {
  durationMs?: number;
  conversationId?: string;
  [key: string]: unknown;
};

/**
 * Append-only telemetry of AI work, the largest table: rows are only inserted, never updated,
 * so it has no updated_at. `resource_id` has no foreign key on purpose: usage history outlives
 * the assistant, store or tool it was about.
 */
export const fluxcoreUsageLogs = pgTable(
  'fluxcore_usage_logs',
  {
    id: id(),
    accountId: uuid('account_id').notNull(),
    resourceType: usageResourceTypeEnum('resource_type').notNull(),
    resourceId: uuid('resource_id'),
    /** A free string, as the original's logUsage takes it; usageOperations names the usual ones. */
    operation: varchar('operation', { length: 50 }).notNull(),
    promptTokens: integer('prompt_tokens').notNull().default(0),
    completionTokens: integer('completion_tokens').notNull().default(0),
    /** All tokens of the operation (prompt and completion). */
    tokensUsed: integer('tokens_used').default(0),
    chunksProcessed: integer('chunks_processed').default(0),
    apiCalls: integer('api_calls').default(1),
    processingTimeMs: integer('processing_time_ms').default(0),
    costCredits: numeric('cost_credits', { precision: 10, scale: 4 }).default('0'),
    provider: varchar('provider', { length: 50 }),
    model: varchar('model', { length: 100 }),
    requestMetadata: jsonb('request_metadata').$type<UsageLogMetadata>().default({}),
    createdAt: createdAt(),
    /** The billing period the usage counts toward (dates, inclusive). */
    billingPeriodStart: date('billing_period_start'),
    billingPeriodEnd: date('billing_period_end'),
  },
  (t) => [
    ...reference(t.accountId, () => accounts.id, 'cascade', { indexed: false }),
    // Hot query: an account's usage over a billing period.
    index('fluxcore_usage_logs_account_created_at_idx').on(t.accountId, t.createdAt),
    // Rows arrive in created_at order and never change, so the physical order follows time:
    // a BRIN index serves platform-wide time ranges (rollups, retention) at a tiny fraction
    // of a B-tree's size.
    index('fluxcore_usage_logs_created_at_brin').using('brin', t.createdAt),
    check(
      'fluxcore_usage_logs_counts_check',
      sql`${t.promptTokens} >= 0 and ${t.completionTokens} >= 0 and ${t.tokensUsed} >= 0 and ${t.apiCalls} >= 0 and ${t.chunksProcessed} >= 0 and ${t.processingTimeMs} >= 0`,
    ),
    check('fluxcore_usage_logs_cost_check', sql`${t.costCredits} >= 0`),
  ],
);

export const fluxcoreUsageLogsRelations = relations(fluxcoreUsageLogs, ({ one }) => ({
  account: one(accounts, { fields: [fluxcoreUsageLogs.accountId], references: [accounts.id] }),
}));

export type FluxcoreUsageLog = typeof fluxcoreUsageLogs.$inferSelect;
export type NewFluxcoreUsageLog = typeof fluxcoreUsageLogs.$inferInsert;

export const fluxcoreUsageLogSchemas = rowSchemas(fluxcoreUsageLogs);

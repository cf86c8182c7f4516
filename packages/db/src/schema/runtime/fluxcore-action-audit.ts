import { sql } from 'drizzle-orm';
import { bigserial, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** What became of an action a runtime asked for. A closed union in the original's own type. */
export const actionAuditStatuses = ['executed', 'rejected', 'failed'] as const;

/** Every action an AI runtime took or was refused, per conversation and account. */
export const fluxcoreActionAudit = pgTable(
  'fluxcore_action_audit',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    conversationId: text('conversation_id').notNull(),
    accountId: text('account_id').notNull(),
    runtimeId: text('runtime_id').notNull(),
    actionType: text('action_type').notNull(),
    actionPayload: jsonb('action_payload'),
    status: text('status', { enum: actionAuditStatuses }).notNull(),
    rejectionReason: text('rejection_reason'),
    executedAt: timestamp('executed_at', { withTimezone: true })
      .default(sql`clock_timestamp()`)
      .notNull(),
  },
  (table) => [index('idx_action_audit_account').on(table.accountId, table.executedAt)],
);

export type FluxcoreActionAudit = typeof fluxcoreActionAudit.$inferSelect;
export type NewFluxcoreActionAudit = typeof fluxcoreActionAudit.$inferInsert;

import { relations, sql } from 'drizzle-orm';
import { boolean, check, pgTable, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '../chat/accounts.ts';
import { id, reference, rowSchemas, timestamps } from '../columns.ts';
import { aiProviderEnum } from './constants.ts';

/** Which AI providers an account may use. */
export const accountAiEntitlements = pgTable(
  'account_ai_entitlements',
  {
    id: id(),
    accountId: uuid('account_id').notNull(),
    /** Off until granted: AI costs money. */
    enabled: boolean('enabled').notNull().default(false),
    allowedProviders: aiProviderEnum('allowed_providers').array().default(sql`'{}'`),
    defaultProvider: aiProviderEnum('default_provider'),
    ...timestamps(),
  },
  (t) => [
    ...reference(t.accountId, () => accounts.id, 'cascade', { indexed: false }),
    uniqueIndex('account_ai_entitlements_account_id_key').on(t.accountId),
    check(
      'account_ai_entitlements_default_provider_check',
      sql`${t.defaultProvider} is null or ${t.defaultProvider} = any(${t.allowedProviders})`,
    ),
  ],
);

export const accountAiEntitlementsRelations = relations(accountAiEntitlements, ({ one }) => ({
  account: one(accounts, {
    fields: [accountAiEntitlements.accountId],
    references: [accounts.id],
  }),
}));

export type AccountAiEntitlement = typeof accountAiEntitlements.$inferSelect;
export type NewAccountAiEntitlement = typeof accountAiEntitlements.$inferInsert;

export const accountAiEntitlementSchemas = rowSchemas(accountAiEntitlements);

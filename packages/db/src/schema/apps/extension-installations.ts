import { relations } from 'drizzle-orm';
import { boolean, jsonb, pgTable, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { accounts } from '../chat/accounts.ts';
import { id, moment, reference, rowSchemas, updatedAt } from '../columns.ts';

export type ExtensionConfig = Record<string, unknown>;

/** An extension installed on an account, with the permissions the account granted it. */
export const extensionInstallations = pgTable(
  'extension_installations',
  {
    id: id(),
    accountId: uuid('account_id').notNull(),
    extensionId: varchar('extension_id', { length: 200 }).notNull(),
    version: varchar('version', { length: 50 }).notNull(),
    enabled: boolean('enabled').notNull().default(true),
    config: jsonb('config').$type<ExtensionConfig>().default({}),
    grantedPermissions: jsonb('granted_permissions').$type<string[]>().default([]),
    /** The installation outlives the account that granted it (set null). */
    grantedBy: uuid('granted_by'),
    permissionsGrantedAt: moment('permissions_granted_at').defaultNow(),
    /** Whether the account may pass these permissions on to its workspace members. */
    canSharePermissions: boolean('can_share_permissions').default(true),
    installedAt: moment('installed_at').notNull().defaultNow(),
    updatedAt: updatedAt(),
  },
  (t) => [
    ...reference(t.accountId, () => accounts.id, 'cascade', { indexed: false }),
    ...reference(t.grantedBy, () => accounts.id, 'set null'),
    uniqueIndex('extension_installations_account_extension_key').on(t.accountId, t.extensionId),
  ],
);

export const extensionInstallationsRelations = relations(extensionInstallations, ({ one }) => ({
  account: one(accounts, {
    fields: [extensionInstallations.accountId],
    references: [accounts.id],
  }),
  grantedByAccount: one(accounts, {
    fields: [extensionInstallations.grantedBy],
    references: [accounts.id],
  }),
}));

export type ExtensionInstallation = typeof extensionInstallations.$inferSelect;
export type NewExtensionInstallation = typeof extensionInstallations.$inferInsert;

export const extensionInstallationSchemas = rowSchemas(extensionInstallations);

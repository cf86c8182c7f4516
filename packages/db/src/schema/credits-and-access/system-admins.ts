import { relations } from 'drizzle-orm';
import { jsonb, pgTable, uuid } from 'drizzle-orm/pg-core';
import { users } from '../chat/users.ts';
import { reference, rowSchemas, timestamps } from '../columns.ts';

/**
 * Internal scopes, e.g. `{ "credits": true, "policies": true }` or `{ "*": true }`. An explicit
 * true or false for a scope wins, else `*` decides (`hasInternalAccess`).
 */
export type SystemAdminScopes = Record<string, boolean>;

export const systemAdmins = pgTable(
  'system_admins',
  {
    userId: uuid('user_id').primaryKey(),
    scopes: jsonb('scopes').$type<SystemAdminScopes>().notNull().default({}),
    /** The grant outlives the admin who made it (set null). */
    createdBy: uuid('created_by'),
    ...timestamps(),
  },
  (t) => [
    ...reference(t.userId, () => users.id, 'cascade', { indexed: false }),
    ...reference(t.createdBy, () => users.id, 'set null'),
  ],
);

export const systemAdminsRelations = relations(systemAdmins, ({ one }) => ({
  user: one(users, { fields: [systemAdmins.userId], references: [users.id] }),
  creator: one(users, { fields: [systemAdmins.createdBy], references: [users.id] }),
}));

/** A row of `system_admins` as the table gives it. */
export type SystemAdminRow = typeof systemAdmins.$inferSelect;
/**
 * A row of `system_admins` as the original app builds one. `updatedAt` is optional because the original app's table had no
 * `updated_at`, and its code builds a `SystemAdmin` from a select that does not name it; every
 * row read from the table has it.
 */
export type SystemAdmin = Omit<SystemAdminRow, 'updatedAt'> & {
  updatedAt?: Date;
};
export type NewSystemAdmin = typeof systemAdmins.$inferInsert;

export const systemAdminSchemas = rowSchemas(systemAdmins);

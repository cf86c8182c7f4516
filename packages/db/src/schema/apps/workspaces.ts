import { relations } from 'drizzle-orm';
import { jsonb, pgTable, text, uuid, varchar } from 'drizzle-orm/pg-core';
import { accounts } from '../chat/accounts.ts';
import { id, reference, rowSchemas, timestamps } from '../columns.ts';
import type { WorkspaceMemberRole } from './constants.ts';
import { workspaceInvitations } from './workspace-invitations.ts';
import { workspaceMembers } from './workspace-members.ts';

export type WorkspaceSettings = {
  timezone?: string;
  defaultRole?: WorkspaceMemberRole;
  [key: string]: unknown;
};

/** A team of users working on one account's conversations. */
export const workspaces = pgTable(
  'workspaces',
  {
    id: id(),
    ownerAccountId: uuid('owner_account_id').notNull(),
    name: varchar('name', { length: 255 }).notNull(),
    description: text('description'),
    settings: jsonb('settings').$type<WorkspaceSettings>().notNull().default({}),
    ...timestamps(),
  },
  (t) => [...reference(t.ownerAccountId, () => accounts.id, 'cascade')],
);

export const workspacesRelations = relations(workspaces, ({ one, many }) => ({
  ownerAccount: one(accounts, { fields: [workspaces.ownerAccountId], references: [accounts.id] }),
  members: many(workspaceMembers),
  invitations: many(workspaceInvitations),
}));

export type Workspace = typeof workspaces.$inferSelect;
export type NewWorkspace = typeof workspaces.$inferInsert;

export const workspaceSchemas = rowSchemas(workspaces);

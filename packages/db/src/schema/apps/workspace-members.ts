import { relations } from 'drizzle-orm';
import { jsonb, pgTable, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../chat/users.ts';
import { id, moment, reference, rowSchemas, timestamps } from '../columns.ts';
import { workspaceMemberRoleEnum } from './constants.ts';
import { workspaces } from './workspaces.ts';

/** Per-member overrides of the role's defaults, e.g. `{ "billing": false }`. */
export type WorkspacePermissions = Record<string, boolean>;

export const workspaceMembers = pgTable(
  'workspace_members',
  {
    id: id(),
    workspaceId: uuid('workspace_id').notNull(),
    userId: uuid('user_id').notNull(),
    role: workspaceMemberRoleEnum('role').notNull().default('viewer'),
    permissions: jsonb('permissions').$type<WorkspacePermissions>().notNull().default({}),
    /** The membership outlives the user who invited (set null). */
    invitedBy: uuid('invited_by'),
    invitedAt: moment('invited_at'),
    joinedAt: moment('joined_at').notNull().defaultNow(),
    ...timestamps(),
  },
  (t) => [
    ...reference(t.workspaceId, () => workspaces.id, 'cascade', { indexed: false }),
    ...reference(t.userId, () => users.id, 'cascade'),
    ...reference(t.invitedBy, () => users.id, 'set null'),
    uniqueIndex('workspace_members_workspace_user_key').on(t.workspaceId, t.userId),
  ],
);

export const workspaceMembersRelations = relations(workspaceMembers, ({ one }) => ({
  workspace: one(workspaces, {
    fields: [workspaceMembers.workspaceId],
    references: [workspaces.id],
  }),
  user: one(users, { fields: [workspaceMembers.userId], references: [users.id] }),
  inviter: one(users, { fields: [workspaceMembers.invitedBy], references: [users.id] }),
}));

export type WorkspaceMember = typeof workspaceMembers.$inferSelect;
export type NewWorkspaceMember = typeof workspaceMembers.$inferInsert;

export const workspaceMemberSchemas = rowSchemas(workspaceMembers);

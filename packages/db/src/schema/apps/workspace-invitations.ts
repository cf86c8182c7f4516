import { relations } from 'drizzle-orm';
import { pgTable, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { users } from '../chat/users.ts';
import { id, moment, reference, rowSchemas, timestamps } from '../columns.ts';
import { workspaceMemberRoleEnum } from './constants.ts';
import { workspaces } from './workspaces.ts';

export const workspaceInvitations = pgTable(
  'workspace_invitations',
  {
    id: id(),
    workspaceId: uuid('workspace_id').notNull(),
    email: varchar('email', { length: 320 }).notNull(),
    role: workspaceMemberRoleEnum('role').notNull().default('viewer'),
    /** A hash of the invitation token: the token itself is never stored. */
    tokenHash: varchar('token_hash', { length: 128 }).notNull(),
    /** The invitation outlives the user who sent it (set null). */
    invitedBy: uuid('invited_by'),
    expiresAt: moment('expires_at').notNull(),
    acceptedAt: moment('accepted_at'),
    ...timestamps(),
  },
  (t) => [
    ...reference(t.workspaceId, () => workspaces.id, 'cascade'),
    ...reference(t.invitedBy, () => users.id, 'set null'),
    uniqueIndex('workspace_invitations_token_hash_key').on(t.tokenHash),
  ],
);

export const workspaceInvitationsRelations = relations(workspaceInvitations, ({ one }) => ({
  workspace: one(workspaces, {
    fields: [workspaceInvitations.workspaceId],
    references: [workspaces.id],
  }),
  inviter: one(users, { fields: [workspaceInvitations.invitedBy], references: [users.id] }),
}));

export type WorkspaceInvitation = typeof workspaceInvitations.$inferSelect;
export type NewWorkspaceInvitation = typeof workspaceInvitations.$inferInsert;

export const workspaceInvitationSchemas = rowSchemas(workspaceInvitations);

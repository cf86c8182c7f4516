/**
 * Extensions, automation, workspaces, the website builder and appointments (DOMAIN.md §2).
 * History: manual scripts 010 (automation_rules), migrate-extensions, migrate-workspaces,
 * migrate-website-configs / 007_website_configs.sql, and migrate-all.ts (appointments, with
 * the appointments schema of HITO 16). The legacy `extensions` table of migrate-all.ts is not
 * part of this schema: see legacy.ts.
 */
import { relations, sql } from 'drizzle-orm';
import {
  boolean,
  char,
  check,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  text,
  unique,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { createInsertSchema, createSelectSchema } from 'drizzle-zod';
import { accounts, conversations, relationships, users } from './chat.ts';
import { exactlyOneOf, id, moment, reference, timestamps, updatedAt } from './columns.ts';

export const automationModes = ['automatic', 'supervised', 'disabled'] as const;
export type AutomationMode = (typeof automationModes)[number];
export const automationModeEnum = pgEnum('automation_mode', automationModes);

export const workspaceMemberRoles = ['owner', 'admin', 'operator', 'viewer'] as const;
export type WorkspaceMemberRole = (typeof workspaceMemberRoles)[number];
export const workspaceMemberRoleEnum = pgEnum('workspace_member_role', workspaceMemberRoles);

export const websiteConfigStatuses = ['draft', 'published', 'archived'] as const;
export type WebsiteConfigStatus = (typeof websiteConfigStatuses)[number];
export const websiteConfigStatusEnum = pgEnum('website_config_status', websiteConfigStatuses);

export const appointmentStatuses = [
  'pending',
  'confirmed',
  'cancelled',
  'completed',
  'no_show',
] as const;
export type AppointmentStatus = (typeof appointmentStatuses)[number];
export const appointmentStatusEnum = pgEnum('appointment_status', appointmentStatuses);

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
    config: jsonb('config').$type<AutomationRuleConfig>().notNull().default({}),
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
    config: jsonb('config').$type<ExtensionConfig>().notNull().default({}),
    grantedPermissions: jsonb('granted_permissions').$type<string[]>().notNull().default([]),
    /** The installation outlives the account that granted it (set null). */
    grantedBy: uuid('granted_by'),
    permissionsGrantedAt: moment('permissions_granted_at').defaultNow(),
    /** Whether the account may pass these permissions on to its workspace members. */
    canSharePermissions: boolean('can_share_permissions').notNull().default(true),
    installedAt: moment('installed_at').notNull().defaultNow(),
    updatedAt: updatedAt(),
  },
  (t) => [
    ...reference(t.accountId, () => accounts.id, 'cascade', { indexed: false }),
    ...reference(t.grantedBy, () => accounts.id, 'set null'),
    uniqueIndex('extension_installations_account_extension_key').on(t.accountId, t.extensionId),
  ],
);

/** Data an extension keeps about exactly one account, relationship or conversation. */
export const extensionContexts = pgTable(
  'extension_contexts',
  {
    id: id(),
    extensionId: varchar('extension_id', { length: 200 }).notNull(),
    accountId: uuid('account_id'),
    relationshipId: uuid('relationship_id'),
    conversationId: uuid('conversation_id'),
    /** The extension's own name for the kind of data: an open set, each extension has its own. */
    contextType: varchar('context_type', { length: 100 }).notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    ...timestamps(),
  },
  (t) => [
    ...reference(t.accountId, () => accounts.id, 'cascade'),
    ...reference(t.relationshipId, () => relationships.id, 'cascade'),
    ...reference(t.conversationId, () => conversations.id, 'cascade'),
    check(
      'extension_contexts_one_scope_check',
      exactlyOneOf(t.accountId, t.relationshipId, t.conversationId),
    ),
  ],
);

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

export type WebsiteBuilderConfig = {
  theme?: string;
  title?: string;
  description?: string;
  [key: string]: unknown;
};

export type WebsitePage = {
  slug: string;
  title: string;
  content?: unknown;
  [key: string]: unknown;
};

/** The website builder ("Karen"): one site per account. */
export const websiteConfigs = pgTable(
  'website_configs',
  {
    id: id(),
    accountId: uuid('account_id').notNull(),
    status: websiteConfigStatusEnum('status').notNull().default('draft'),
    config: jsonb('config').$type<WebsiteBuilderConfig>().notNull().default({}),
    pages: jsonb('pages').$type<WebsitePage[]>().notNull().default([]),
    /** Stored lowercase, so the unique index compares domains as DNS does. */
    customDomain: varchar('custom_domain', { length: 253 }),
    /** Set once the DNS check proved the account controls the domain. */
    customDomainVerified: boolean('custom_domain_verified').notNull().default(false),
    publishedAt: moment('published_at'),
    lastBuildAt: moment('last_build_at'),
    /** sha-256 (hex) of the last build's output. */
    buildHash: varchar('build_hash', { length: 64 }),
    ...timestamps(),
  },
  (t) => [
    ...reference(t.accountId, () => accounts.id, 'cascade', { indexed: false }),
    uniqueIndex('website_configs_account_id_key').on(t.accountId),
    // A domain serves one site; sites without a custom domain are not limited.
    uniqueIndex('website_configs_custom_domain_key')
      .on(t.customDomain)
      .where(sql`${t.customDomain} is not null`),
    check(
      'website_configs_custom_domain_lowercase_check',
      sql`${t.customDomain} = lower(${t.customDomain})`,
    ),
  ],
);

export const appointmentServices = pgTable(
  'appointment_services',
  {
    id: id(),
    accountId: uuid('account_id').notNull(),
    name: varchar('name', { length: 255 }).notNull(),
    description: text('description'),
    durationMinutes: integer('duration_minutes').notNull().default(30),
    price: numeric('price', { precision: 10, scale: 2 }).notNull().default('0'),
    /** ISO 4217 code. */
    currency: char('currency', { length: 3 }).notNull().default('USD'),
    active: boolean('active').notNull().default(true),
    ...timestamps(),
  },
  (t) => [
    ...reference(t.accountId, () => accounts.id, 'cascade'),
    check('appointment_services_duration_check', sql`${t.durationMinutes} > 0`),
    check('appointment_services_price_check', sql`${t.price} >= 0`),
    check('appointment_services_currency_check', sql`${t.currency} ~ '^[A-Z]{3}$'`),
  ],
);

/** Weekly opening hours by day (`mon` … `sun`), plus dates off. */
export type StaffAvailability = {
  weekly?: Record<string, { start: string; end: string }[]>;
  exceptions?: { date: string; available: boolean }[];
  [key: string]: unknown;
};

export const appointmentStaff = pgTable(
  'appointment_staff',
  {
    id: id(),
    accountId: uuid('account_id').notNull(),
    name: varchar('name', { length: 255 }).notNull(),
    email: varchar('email', { length: 320 }),
    availability: jsonb('availability').$type<StaffAvailability>().notNull().default({}),
    /**
     * The services this person gives. The seed's table list has no link table, so this is an
     * array without foreign keys: the operations layer checks they belong to the same account.
     */
    services: uuid('services').array().notNull().default(sql`'{}'::uuid[]`),
    active: boolean('active').notNull().default(true),
    ...timestamps(),
  },
  (t) => [...reference(t.accountId, () => accounts.id, 'cascade')],
);

export type AppointmentMetadata = Record<string, unknown>;

export const appointments = pgTable(
  'appointments',
  {
    id: id(),
    accountId: uuid('account_id').notNull(),
    /** The booking outlives the service, the staff member and the client account (set null). */
    serviceId: uuid('service_id'),
    staffId: uuid('staff_id'),
    clientAccountId: uuid('client_account_id'),
    clientName: varchar('client_name', { length: 255 }),
    clientEmail: varchar('client_email', { length: 320 }),
    clientPhone: varchar('client_phone', { length: 50 }),
    scheduledAt: moment('scheduled_at').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    status: appointmentStatusEnum('status').notNull().default('pending'),
    notes: text('notes'),
    metadata: jsonb('metadata').$type<AppointmentMetadata>().notNull().default({}),
    ...timestamps(),
  },
  (t) => [
    ...reference(t.accountId, () => accounts.id, 'cascade', { indexed: false }),
    ...reference(t.serviceId, () => appointmentServices.id, 'set null'),
    ...reference(t.staffId, () => appointmentStaff.id, 'set null', { indexed: false }),
    ...reference(t.clientAccountId, () => accounts.id, 'set null'),
    // Hot query: a staff member's appointments in a time range.
    index('appointments_staff_scheduled_idx').on(t.staffId, t.scheduledAt),
    // An account's calendar in a time range.
    index('appointments_account_scheduled_idx').on(t.accountId, t.scheduledAt),
    check('appointments_duration_check', sql`${t.durationMinutes} > 0`),
  ],
);

export const automationRulesRelations = relations(automationRules, ({ one }) => ({
  account: one(accounts, { fields: [automationRules.accountId], references: [accounts.id] }),
  relationship: one(relationships, {
    fields: [automationRules.relationshipId],
    references: [relationships.id],
  }),
}));

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

export const extensionContextsRelations = relations(extensionContexts, ({ one }) => ({
  account: one(accounts, { fields: [extensionContexts.accountId], references: [accounts.id] }),
  relationship: one(relationships, {
    fields: [extensionContexts.relationshipId],
    references: [relationships.id],
  }),
  conversation: one(conversations, {
    fields: [extensionContexts.conversationId],
    references: [conversations.id],
  }),
}));

export const workspacesRelations = relations(workspaces, ({ one, many }) => ({
  ownerAccount: one(accounts, { fields: [workspaces.ownerAccountId], references: [accounts.id] }),
  members: many(workspaceMembers),
  invitations: many(workspaceInvitations),
}));

export const workspaceMembersRelations = relations(workspaceMembers, ({ one }) => ({
  workspace: one(workspaces, {
    fields: [workspaceMembers.workspaceId],
    references: [workspaces.id],
  }),
  user: one(users, { fields: [workspaceMembers.userId], references: [users.id] }),
  inviter: one(users, { fields: [workspaceMembers.invitedBy], references: [users.id] }),
}));

export const workspaceInvitationsRelations = relations(workspaceInvitations, ({ one }) => ({
  workspace: one(workspaces, {
    fields: [workspaceInvitations.workspaceId],
    references: [workspaces.id],
  }),
  inviter: one(users, { fields: [workspaceInvitations.invitedBy], references: [users.id] }),
}));

export const websiteConfigsRelations = relations(websiteConfigs, ({ one }) => ({
  account: one(accounts, { fields: [websiteConfigs.accountId], references: [accounts.id] }),
}));

export const appointmentServicesRelations = relations(appointmentServices, ({ one, many }) => ({
  account: one(accounts, { fields: [appointmentServices.accountId], references: [accounts.id] }),
  appointments: many(appointments),
}));

export const appointmentStaffRelations = relations(appointmentStaff, ({ one, many }) => ({
  account: one(accounts, { fields: [appointmentStaff.accountId], references: [accounts.id] }),
  appointments: many(appointments),
}));

export const appointmentsRelations = relations(appointments, ({ one }) => ({
  account: one(accounts, { fields: [appointments.accountId], references: [accounts.id] }),
  service: one(appointmentServices, {
    fields: [appointments.serviceId],
    references: [appointmentServices.id],
  }),
  staff: one(appointmentStaff, {
    fields: [appointments.staffId],
    references: [appointmentStaff.id],
  }),
  clientAccount: one(accounts, {
    fields: [appointments.clientAccountId],
    references: [accounts.id],
  }),
}));

export type AutomationRule = typeof automationRules.$inferSelect;
export type NewAutomationRule = typeof automationRules.$inferInsert;
export type ExtensionInstallation = typeof extensionInstallations.$inferSelect;
export type NewExtensionInstallation = typeof extensionInstallations.$inferInsert;
export type ExtensionContext = typeof extensionContexts.$inferSelect;
export type NewExtensionContext = typeof extensionContexts.$inferInsert;
export type Workspace = typeof workspaces.$inferSelect;
export type NewWorkspace = typeof workspaces.$inferInsert;
export type WorkspaceMember = typeof workspaceMembers.$inferSelect;
export type NewWorkspaceMember = typeof workspaceMembers.$inferInsert;
export type WorkspaceInvitation = typeof workspaceInvitations.$inferSelect;
export type NewWorkspaceInvitation = typeof workspaceInvitations.$inferInsert;
export type WebsiteConfig = typeof websiteConfigs.$inferSelect;
export type NewWebsiteConfig = typeof websiteConfigs.$inferInsert;
export type AppointmentService = typeof appointmentServices.$inferSelect;
export type NewAppointmentService = typeof appointmentServices.$inferInsert;
export type AppointmentStaff = typeof appointmentStaff.$inferSelect;
export type NewAppointmentStaff = typeof appointmentStaff.$inferInsert;
export type Appointment = typeof appointments.$inferSelect;
export type NewAppointment = typeof appointments.$inferInsert;

/** zod validators derived from the tables: `select` for rows read, `insert` for rows written. */
export const automationRuleSchemas = {
  select: createSelectSchema(automationRules),
  insert: createInsertSchema(automationRules),
};
export const extensionInstallationSchemas = {
  select: createSelectSchema(extensionInstallations),
  insert: createInsertSchema(extensionInstallations),
};
export const extensionContextSchemas = {
  select: createSelectSchema(extensionContexts),
  insert: createInsertSchema(extensionContexts),
};
export const workspaceSchemas = {
  select: createSelectSchema(workspaces),
  insert: createInsertSchema(workspaces),
};
export const workspaceMemberSchemas = {
  select: createSelectSchema(workspaceMembers),
  insert: createInsertSchema(workspaceMembers),
};
export const workspaceInvitationSchemas = {
  select: createSelectSchema(workspaceInvitations),
  insert: createInsertSchema(workspaceInvitations),
};
export const websiteConfigSchemas = {
  select: createSelectSchema(websiteConfigs),
  insert: createInsertSchema(websiteConfigs),
};
export const appointmentServiceSchemas = {
  select: createSelectSchema(appointmentServices),
  insert: createInsertSchema(appointmentServices),
};
export const appointmentStaffSchemas = {
  select: createSelectSchema(appointmentStaff),
  insert: createInsertSchema(appointmentStaff),
};
export const appointmentSchemas = {
  select: createSelectSchema(appointments),
  insert: createInsertSchema(appointments),
};

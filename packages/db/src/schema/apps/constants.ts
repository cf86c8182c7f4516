import { pgEnum } from 'drizzle-orm/pg-core';

/**
 * The original's AutomationMode at both commits: February's automatic/supervised/disabled, and
 * May's auto/suggest/off (packages/db/src/schema/automation-rules.ts).
 */
export const automationModes = [
  'automatic',
  'supervised',
  'disabled',
  'auto',
  'suggest',
  'off',
] as const;
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

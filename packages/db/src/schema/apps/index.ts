/**
 * Extensions, automation, workspaces, the website builder and appointments (DOMAIN.md §2).
 * History: manual scripts 010 (automation_rules), migrate-extensions, migrate-workspaces,
 * migrate-website-configs / 007_website_configs.sql, and migrate-all.ts (appointments, with
 * the appointments schema of HITO 16). The legacy `extensions` table of migrate-all.ts is not
 * part of this schema: see original/legacy.ts.
 *
 * A file per table, named after it; the value sets and their enums are in constants.ts.
 */
export * from './appointment-services.ts';
export * from './appointment-staff.ts';
export * from './appointments.ts';
export * from './automation-rules.ts';
export * from './constants.ts';
export * from './extension-contexts.ts';
export * from './extension-installations.ts';
export * from './website-configs.ts';
export * from './workspace-invitations.ts';
export * from './workspace-members.ts';
export * from './workspaces.ts';

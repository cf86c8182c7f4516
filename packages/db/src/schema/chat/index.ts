/**
 * Core chat (DOMAIN.md §1): people, accounts, who speaks, the link between two accounts, and
 * the conversations and messages on it. History: Drizzle 0000/0001, then manual scripts 007,
 * 008, 009 and 012, and HITO 16 (actors.extension_id, display_name).
 *
 * A file per table, named after it (`message_enrichments` is message-enrichments.ts); the value
 * sets and their enums are in constants.ts.
 */
export * from './accounts.ts';
export * from './actors.ts';
export * from './chatcore-outbox.ts';
export * from './constants.ts';
export * from './conversation-participants.ts';
export * from './conversations.ts';
export * from './fluxcore-outbox.ts';
export * from './media-attachments.ts';
export * from './message-enrichments.ts';
export * from './message-visibility.ts';
export * from './messages.ts';
export * from './password-reset-tokens.ts';
export * from './relationships.ts';
export * from './users.ts';

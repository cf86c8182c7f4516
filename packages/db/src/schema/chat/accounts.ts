import { relations, sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  foreignKey,
  index,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { assets } from '../assets/assets.ts';
import { allowAutomatedUse, id, reference, rowSchemas, timestamps } from '../columns.ts';
import { actors } from './actors.ts';
import { accountTypeEnum } from './constants.ts';
import { messages } from './messages.ts';
import { users } from './users.ts';

export type AccountProfile = {
  bio?: string;
  avatarUrl?: string;
  timezone?: string;
  locale?: string;
  [key: string]: unknown;
};

/**
 * The account's social links by network: a link with whether the AI may share it, or (as the
 * original's profile form writes it) the bare link.
 */
export type AccountSocialLinks = Record<
  string,
  string | { value: string; aiEnabled: boolean; label?: string }
>;

/** The account's brand colours. */
export type AccountBrandColors = { primary?: string; secondary?: string; accent?: string };

/** Typed apart, so accounts and assets (which references accounts) do not infer each other. */
const avatarAsset = (): AnyPgColumn => assets.id;

export const accounts = pgTable(
  'accounts',
  {
    id: id(),
    ownerUserId: uuid('owner_user_id').notNull(),
    username: varchar('username', { length: 100 }).notNull(),
    displayName: varchar('display_name', { length: 255 }).notNull(),
    accountType: accountTypeEnum('account_type').notNull().default('personal'),
    profile: jsonb('profile').$type<AccountProfile>().notNull().default({}),
    privateContext: text('private_context'),
    /**
     * Manual script 009: a contextual alias. Never null: a row written without one (February's
     * app writes none) takes its username from the trigger accounts_alias_from_username (0042),
     * as May's 045 filled it. Optional on insert for that reason; the insert sends DEFAULT.
     */
    alias: varchar('alias', { length: 100 })
      .notNull()
      .$defaultFn(() => sql`default`),
    // The May lineage (037/038_granular_*_permissions, 055, add_avatar_asset_id): what the AI may
    // read of the account, and its avatar asset.
    allowAutomatedUse: allowAutomatedUse(),
    aiIncludeName: boolean('ai_include_name').notNull().default(true),
    aiIncludeBio: boolean('ai_include_bio').notNull().default(true),
    aiIncludePrivateContext: boolean('ai_include_private_context').notNull().default(true),
    aiIncludeLocations: boolean('ai_include_locations').notNull().default(true),
    avatarAssetId: uuid('avatar_asset_id'),
    // Declared by the original's Drizzle schema at 239c046 and created by none of its migration
    // files (its team pushed them); the May app reads and writes them.
    aiIncludeTimestamp: boolean('ai_include_timestamp').notNull().default(true),
    aiIncludeSocialLinks: boolean('ai_include_social_links').notNull().default(true),
    socialLinks: jsonb('social_links').$type<AccountSocialLinks>().notNull().default({}),
    brandColors: jsonb('brand_colors').$type<AccountBrandColors>().notNull().default({}),
    /** ISO 3166-1 alpha-2. */
    country: varchar('country', { length: 2 }),
    /** An IANA time zone. */
    timezone: varchar('timezone', { length: 50 }),
    ...timestamps(),
  },
  (t) => [
    ...reference(t.ownerUserId, () => users.id, 'cascade'),
    uniqueIndex('accounts_username_key').on(t.username),
    foreignKey({
      name: 'accounts_avatar_asset_id_fkey',
      columns: [t.avatarAssetId],
      foreignColumns: [avatarAsset()],
    }).onDelete('set null'),
    index('idx_accounts_avatar_asset_id').on(t.avatarAssetId),
  ],
);

export const accountsRelations = relations(accounts, ({ one, many }) => ({
  owner: one(users, { fields: [accounts.ownerUserId], references: [users.id] }),
  actors: many(actors),
  sentMessages: many(messages),
}));

export type Account = typeof accounts.$inferSelect;
export type NewAccount = typeof accounts.$inferInsert;

export const accountSchemas = rowSchemas(accounts);

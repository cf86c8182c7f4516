import { relations, sql } from 'drizzle-orm';
import { boolean, jsonb, pgTable, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { accounts } from '../chat/accounts.ts';
import { allowAutomatedUse, id, moment, reference, rowSchemas, timestamps } from '../columns.ts';
import { websiteConfigStatusEnum } from './constants.ts';

/** A site's settings, as the builder parses them from its site.config.yaml. */
export type WebsiteBuilderConfig = {
  name: string;
  language: string;
  theme: string;
  menus?: {
    main?: { title: string; path: string }[];
    footer?: { title: string; path: string }[];
  };
  company?: {
    legalName?: string;
    commercialName?: string;
    activity?: string;
    phone?: string;
    address?: string;
    domain?: string;
  };
};

/** One MDX page of a site, by its path (`/contact`). */
export type WebsitePage = {
  path: string;
  title: string;
  /** The page's meta description. */
  description?: string;
  /** MDX. */
  content: string;
  frontmatter: Record<string, unknown>;
  /** ISO 8601. */
  updatedAt: string;
};

/** The website builder ("Karen"): one site per account. */
export const websiteConfigs = pgTable(
  'website_configs',
  {
    id: id(),
    accountId: uuid('account_id').notNull(),
    status: websiteConfigStatusEnum('status').notNull().default('draft'),
    config: jsonb('config')
      .$type<WebsiteBuilderConfig>()
      .notNull()
      .default({} as WebsiteBuilderConfig),
    pages: jsonb('pages').$type<WebsitePage[]>().notNull().default([]),
    /** Stored as written; the unique index compares domains as DNS does, whatever their case. */
    customDomain: varchar('custom_domain', { length: 253 }),
    /** Set once the DNS check proved the account controls the domain. */
    customDomainVerified: boolean('custom_domain_verified').default(false),
    publishedAt: moment('published_at'),
    lastBuildAt: moment('last_build_at'),
    /** sha-256 (hex) of the last build's output. */
    buildHash: varchar('build_hash', { length: 64 }),
    allowAutomatedUse: allowAutomatedUse(),
    ...timestamps(),
  },
  (t) => [
    ...reference(t.accountId, () => accounts.id, 'cascade', { indexed: false }),
    uniqueIndex('website_configs_account_id_key').on(t.accountId),
    // A domain serves one site; sites without a custom domain are not limited.
    uniqueIndex('website_configs_custom_domain_key')
      .on(sql`lower(${t.customDomain})`)
      .where(sql`${t.customDomain} is not null`),
  ],
);

export const websiteConfigsRelations = relations(websiteConfigs, ({ one }) => ({
  account: one(accounts, { fields: [websiteConfigs.accountId], references: [accounts.id] }),
}));

export type WebsiteConfig = typeof websiteConfigs.$inferSelect;
export type NewWebsiteConfig = typeof websiteConfigs.$inferInsert;

export const websiteConfigSchemas = rowSchemas(websiteConfigs);

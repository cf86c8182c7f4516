import { relations, sql } from 'drizzle-orm';
import { check, foreignKey, index, jsonb, pgTable, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, moment, reference, rowSchemas, timestamps } from '../columns.ts';
import { accounts } from './accounts.ts';
import { actors } from './actors.ts';
import { conversations } from './conversations.ts';

/**
 * How one side of a relationship sees the other: the name it saved, its tags, its state. Each key
 * may be missing: the original's column was untyped jsonb, and its AI onboarding writes only
 * `{ savedName }` (camelCase), which its rows keep.
 */
export type RelationshipPerspective = {
  saved_name?: string | null;
  savedName?: string | null;
  tags?: string[];
  status?: 'active' | 'blocked' | 'archived';
};

/** A note, preference or rule an account wrote about a relationship. */
export type ContextEntry = {
  author_account_id: string;
  content: string;
  type: 'note' | 'preference' | 'rule';
  /** ISO 8601. */
  created_at: string;
  /** Whether the AI may act on it on its own (the May lineage). */
  allow_automated_use?: boolean;
};

/** The shared context of a relationship; total_chars caps what is sent to the AI. */
export type RelationshipContext = { entries: ContextEntry[]; total_chars: number };

const newPerspective: RelationshipPerspective = { saved_name: null, tags: [], status: 'active' };

export const relationships = pgTable(
  'relationships',
  {
    id: id(),
    // February joins accounts, May joins actors (s/047): each lineage writes its own pair.
    accountAId: uuid('account_a_id'),
    accountBId: uuid('account_b_id'),
    actorAId: uuid('actor_a_id'),
    actorBId: uuid('actor_b_id'),
    perspectiveA: jsonb('perspective_a')
      .$type<RelationshipPerspective>()
      .notNull()
      .default(newPerspective),
    perspectiveB: jsonb('perspective_b')
      .$type<RelationshipPerspective>()
      .notNull()
      .default(newPerspective),
    context: jsonb('context')
      .$type<RelationshipContext>()
      .notNull()
      .default({ entries: [], total_chars: 0 }),
    lastInteraction: moment('last_interaction'),
    ...timestamps(),
  },
  (t) => [
    index('relationships_actor_b_id_idx').on(t.actorBId),
    ...reference(t.accountAId, () => accounts.id, 'cascade'),
    ...reference(t.accountBId, () => accounts.id, 'cascade'),
    // One relationship per pair of accounts, whichever side is "a".
    uniqueIndex('relationships_pair_key').on(
      sql`least(${t.accountAId}, ${t.accountBId})`,
      sql`greatest(${t.accountAId}, ${t.accountBId})`,
    ),
    check('relationships_distinct_accounts_check', sql`${t.accountAId} <> ${t.accountBId}`),
    foreignKey({
      name: 'relationships_actor_a_id_fkey',
      columns: [t.actorAId],
      foreignColumns: [actors.id],
    }),
    foreignKey({
      name: 'relationships_actor_b_id_fkey',
      columns: [t.actorBId],
      foreignColumns: [actors.id],
    }),
    index('idx_relationships_actors').on(t.actorAId, t.actorBId),
    check('no_self_relationship', sql`${t.actorAId} <> ${t.actorBId}`),
  ],
);

export const relationshipsRelations = relations(relationships, ({ one, many }) => ({
  accountA: one(accounts, { fields: [relationships.accountAId], references: [accounts.id] }),
  accountB: one(accounts, { fields: [relationships.accountBId], references: [accounts.id] }),
  conversations: many(conversations),
}));

export type Relationship = typeof relationships.$inferSelect;
export type NewRelationship = typeof relationships.$inferInsert;

export const relationshipSchemas = rowSchemas(relationships);

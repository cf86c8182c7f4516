/**
 * The base prices of the AI session feature: the policies the seed's pending script
 * `009_credits_policies_seed.sql` meant to insert. The data migration
 * `credits_policies_seed` inserts the same rows (a test holds the two equal), and both use
 * `aiSessionFeatureKey`, the key the gating code looks up.
 */
import { sql } from 'drizzle-orm';
import type { Database, Transaction } from '../../connection/client.ts';
import { aiSessionFeatureKey, creditsPolicies, type NewCreditsPolicy } from '../../schema/index.ts';

export const baseCreditsPolicies = [
  {
    featureKey: aiSessionFeatureKey,
    engine: 'openai_chat',
    model: 'gpt-4o-mini-2024-07-18',
    costCredits: 1,
    tokenBudget: 120_000,
    durationHours: 24,
    active: true,
  },
  {
    featureKey: aiSessionFeatureKey,
    engine: 'groq_chat',
    model: 'llama-3.1-8b-instant',
    costCredits: 1,
    tokenBudget: 120_000,
    durationHours: 24,
    active: true,
  },
] as const satisfies readonly NewCreditsPolicy[];

/** Inserts the base policies that are missing; never changes a policy an operator edited. */
export async function seedCreditsPolicies(db: Database | Transaction): Promise<number> {
  const inserted = await db
    .insert(creditsPolicies)
    .values([...baseCreditsPolicies])
    .onConflictDoNothing({
      target: [creditsPolicies.featureKey, creditsPolicies.engine, creditsPolicies.model],
    })
    .returning({ id: creditsPolicies.id });
  return inserted.length;
}

/** Every reference-data seed, in order. Idempotent: a second run inserts nothing. */
export async function seedReferenceData(db: Database): Promise<{ creditsPolicies: number }> {
  return db.transaction(async (tx) => ({ creditsPolicies: await seedCreditsPolicies(tx) }));
}

/** How many base policies are present (the data migration's `present-when` asks the same). */
export async function countBaseCreditsPolicies(db: Database | Transaction): Promise<number> {
  const rows = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(creditsPolicies)
    .where(sql`${creditsPolicies.featureKey} = ${aiSessionFeatureKey}`);
  return rows[0]?.count ?? 0;
}

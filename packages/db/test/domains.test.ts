/**
 * The six schema domains, written and read back through the typed drizzle API on both database
 * kinds: database defaults, typed jsonb, numerics, arrays and vectors round-trip, relations load
 * through the relational query API, and each domain has a constraint shown to refuse bad data.
 * The drizzle-zod insert schemas are checked once (they need no database), and a last test
 * shows the HNSW index serves the cosine top-k query over document chunks.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { and, arrayContains, asc, cosineDistance, eq, isNull, sql, sum } from 'drizzle-orm';
import type { Database } from '../src/client.ts';
import {
  type AccountProfile,
  type AssistantModelConfig,
  type AutomationRuleConfig,
  accountAiEntitlements,
  accountDeletionJobs,
  accounts,
  aiSessionFeatureKey,
  appointmentSchemas,
  appointmentServices,
  appointmentStaff,
  appointments,
  assets,
  automationRules,
  conversations,
  creditsLedger,
  creditsLedgerEntrySchemas,
  creditsWallets,
  type DocumentChunkMetadata,
  embeddingDimensions,
  extensionContexts,
  fluxcoreAccountCredits,
  fluxcoreAssistantInstructions,
  fluxcoreAssistantSchemas,
  fluxcoreAssistants,
  fluxcoreCreditTransactions,
  fluxcoreDocumentChunks,
  fluxcoreFiles,
  fluxcoreInstructions,
  fluxcoreInstructionVersions,
  fluxcoreMarketplaceListingSchemas,
  fluxcoreMarketplaceListings,
  fluxcoreMarketplaceReviews,
  fluxcoreMarketplaceSubscriptions,
  fluxcoreRagConfigurations,
  fluxcoreTemplateSettings,
  fluxcoreToolConnections,
  fluxcoreToolDefinitions,
  fluxcoreUsageLogs,
  fluxcoreVectorStoreFiles,
  fluxcoreVectorStoreSchemas,
  fluxcoreVectorStores,
  type MessageContent,
  mediaAttachments,
  messageSchemas,
  messages,
  type NewAccount,
  type NewAsset,
  type NewConversation,
  type NewCreditsWallet,
  type NewFluxcoreAssistant,
  type NewFluxcoreDocumentChunk,
  type NewFluxcoreFile,
  type NewFluxcoreMarketplaceListing,
  type NewFluxcoreVectorStore,
  type NewMessage,
  type NewRelationship,
  type NewTemplate,
  type NewUser,
  relationships,
  type StaffAvailability,
  type ToolAuthConfig,
  templateAssets,
  templates,
  users,
} from '../src/schema/index.ts';
import { createMigratedDatabase, databaseKinds } from './support/databases.ts';

// ---------------------------------------------------------------------------------------------
// Helpers and fixtures
// ---------------------------------------------------------------------------------------------

/** gen_random_uuid() makes version 4 uuids. */
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let sequence = 0;
/** A number unique within the run, for the values unique indexes cover (emails, usernames…). */
const nextNumber = () => ++sequence;

/** The one row an `insert … returning()` or a lookup gave back. */
function single<T>(rows: T[]): T {
  expect(rows).toHaveLength(1);
  return rows[0] as T;
}

/** A timestamp the database just set: a Date close to the test's own clock. */
function expectRecent(moment: Date) {
  expect(moment).toBeInstanceOf(Date);
  expect(Math.abs(moment.getTime() - Date.now())).toBeLessThan(5 * 60_000);
}

/**
 * The write must fail, and because of the named constraint (or unique index): a rejection for
 * another reason, such as a foreign key or a typo in the fixture, would prove nothing.
 */
async function expectRefusedBy(write: PromiseLike<unknown>, constraint: string) {
  // Drizzle queries are lazy thenables that run again on every `then`: settle this one once.
  const attempt = Promise.resolve(write);
  await expect(attempt).rejects.toThrow();
  const error = await attempt.catch((caught: unknown) => caught);
  expect((error as { cause?: { constraint?: string } }).cause?.constraint).toBe(constraint);
}

/** mulberry32: a tiny seeded generator, so every run embeds the same vectors. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A deterministic pseudo-random embedding of unit length (cosine distance is then 1 − dot). */
function unitEmbedding(seed: number): number[] {
  const random = seededRandom(seed);
  const values = Array.from({ length: embeddingDimensions }, () => random() * 2 - 1);
  const norm = Math.sqrt(values.reduce((total, value) => total + value * value, 0));
  return values.map((value) => value / norm);
}

/** pgvector stores single precision floats: compare embeddings at that precision. */
const asFloat32 = (values: number[]) => values.map((value) => Math.fround(value));

async function createUser(db: Database, overrides: Partial<NewUser> = {}) {
  const n = nextNumber();
  return single(
    await db
      .insert(users)
      .values({
        email: `user${n}@example.com`,
        passwordHash: 'argon2id$hash',
        name: `User ${n}`,
        ...overrides,
      })
      .returning(),
  );
}

/** An account, with a new user to own it unless `ownerUserId` is given. */
async function createAccount(db: Database, overrides: Partial<NewAccount> = {}) {
  const n = nextNumber();
  const ownerUserId = overrides.ownerUserId ?? (await createUser(db)).id;
  return single(
    await db
      .insert(accounts)
      .values({ username: `account${n}`, displayName: `Account ${n}`, ...overrides, ownerUserId })
      .returning(),
  );
}

/** A relationship between two new accounts, unless they are given. */
async function createRelationship(db: Database, overrides: Partial<NewRelationship> = {}) {
  const accountAId = overrides.accountAId ?? (await createAccount(db)).id;
  const accountBId = overrides.accountBId ?? (await createAccount(db)).id;
  return single(
    await db
      .insert(relationships)
      .values({ ...overrides, accountAId, accountBId })
      .returning(),
  );
}

/** A conversation on a new relationship, unless one is given. */
async function createConversation(db: Database, overrides: Partial<NewConversation> = {}) {
  const relationshipId = overrides.relationshipId ?? (await createRelationship(db)).id;
  return single(
    await db
      .insert(conversations)
      .values({ ...overrides, relationshipId })
      .returning(),
  );
}

async function createMessage(
  db: Database,
  overrides: Pick<NewMessage, 'conversationId' | 'senderAccountId'> & Partial<NewMessage>,
) {
  return single(
    await db
      .insert(messages)
      .values({ type: 'outgoing', content: { text: 'Hello' }, ...overrides })
      .returning(),
  );
}

/** A credits wallet for a new account, unless one is given. */
async function createWallet(db: Database, overrides: Partial<NewCreditsWallet> = {}) {
  const accountId = overrides.accountId ?? (await createAccount(db)).id;
  return single(
    await db
      .insert(creditsWallets)
      .values({ ...overrides, accountId })
      .returning(),
  );
}

async function createAssistant(
  db: Database,
  overrides: Pick<NewFluxcoreAssistant, 'accountId'> & Partial<NewFluxcoreAssistant>,
) {
  return single(
    await db
      .insert(fluxcoreAssistants)
      .values({ name: `Assistant ${nextNumber()}`, ...overrides })
      .returning(),
  );
}

async function createVectorStore(
  db: Database,
  overrides: Pick<NewFluxcoreVectorStore, 'accountId'> & Partial<NewFluxcoreVectorStore>,
) {
  return single(
    await db
      .insert(fluxcoreVectorStores)
      .values({ name: `Store ${nextNumber()}`, ...overrides })
      .returning(),
  );
}

async function createFile(
  db: Database,
  overrides: Pick<NewFluxcoreFile, 'accountId'> & Partial<NewFluxcoreFile>,
) {
  const n = nextNumber();
  return single(
    await db
      .insert(fluxcoreFiles)
      .values({
        name: `file-${n}.txt`,
        contentHash: n.toString(16).padStart(64, '0'),
        ...overrides,
      })
      .returning(),
  );
}

async function createChunk(
  db: Database,
  overrides: Pick<
    NewFluxcoreDocumentChunk,
    'vectorStoreId' | 'fileId' | 'accountId' | 'chunkIndex'
  > &
    Partial<NewFluxcoreDocumentChunk>,
) {
  return single(
    await db
      .insert(fluxcoreDocumentChunks)
      .values({
        content: `Chunk ${overrides.chunkIndex}`,
        embedding: unitEmbedding(overrides.chunkIndex),
        ...overrides,
      })
      .returning(),
  );
}

/** A listing selling a new vector store of the seller, unless another asset is given. */
async function createListing(
  db: Database,
  overrides: Pick<NewFluxcoreMarketplaceListing, 'sellerAccountId'> &
    Partial<NewFluxcoreMarketplaceListing>,
) {
  const sellsSomething =
    overrides.vectorStoreId ?? overrides.instructionId ?? overrides.toolDefinitionId;
  const vectorStoreId = sellsSomething
    ? overrides.vectorStoreId
    : (await createVectorStore(db, { accountId: overrides.sellerAccountId })).id;
  return single(
    await db
      .insert(fluxcoreMarketplaceListings)
      .values({ title: `Listing ${nextNumber()}`, ...overrides, vectorStoreId })
      .returning(),
  );
}

async function createAsset(
  db: Database,
  overrides: Pick<NewAsset, 'accountId'> & Partial<NewAsset>,
) {
  const n = nextNumber();
  return single(
    await db
      .insert(assets)
      .values({
        name: `asset-${n}.bin`,
        storageKey: `accounts/${overrides.accountId}/${n}`,
        ...overrides,
      })
      .returning(),
  );
}

async function createTemplate(
  db: Database,
  overrides: Pick<NewTemplate, 'accountId'> & Partial<NewTemplate>,
) {
  return single(
    await db
      .insert(templates)
      .values({ name: `Template ${nextNumber()}`, content: 'Hello {{name}}', ...overrides })
      .returning(),
  );
}

// ---------------------------------------------------------------------------------------------
// The domains, on each database kind
// ---------------------------------------------------------------------------------------------

describe.each(databaseKinds)('on a fresh %s database', (kind) => {
  let handle: Awaited<ReturnType<typeof createMigratedDatabase>>;
  let db: Database;
  beforeAll(async () => {
    handle = await createMigratedDatabase(kind);
    db = handle.client.db;
  });
  afterAll(async () => {
    await handle?.close();
  });

  describe('chat', () => {
    test('users and accounts get ids, timestamps and defaults; the typed profile round-trips', async () => {
      const user = await createUser(db, { email: 'Ana.Lopez@Example.com', name: 'Ana López' });
      expect(user.id).toMatch(uuidPattern);
      expect(user.email).toBe('Ana.Lopez@Example.com');
      expectRecent(user.createdAt);
      expectRecent(user.updatedAt);

      const plain = await createAccount(db, { ownerUserId: user.id });
      expect(plain.id).toMatch(uuidPattern);
      expect(plain.accountType).toBe('personal');
      expect(plain.profile).toEqual({});
      expect(plain.alias).toBeNull();

      const profile: AccountProfile = {
        bio: 'Florist in Medellín',
        timezone: 'America/Bogota',
        locale: 'es-CO',
        socials: { instagram: '@ana.flores' },
      };
      const business = await createAccount(db, {
        ownerUserId: user.id,
        accountType: 'business',
        profile,
      });
      const read = single(await db.select().from(accounts).where(eq(accounts.id, business.id)));
      expect(read).toEqual(business);
      expect(read.profile).toEqual(profile);
      expect(read.accountType).toBe('business');

      const renamed = single(
        await db
          .update(accounts)
          .set({ displayName: 'Ana Flores' })
          .where(eq(accounts.id, business.id))
          .returning(),
      );
      expect(renamed.updatedAt.getTime()).toBeGreaterThanOrEqual(business.updatedAt.getTime());
      expect(renamed.createdAt).toEqual(business.createdAt);

      const owner = await db.query.users.findFirst({
        where: eq(users.id, user.id),
        with: { accounts: { orderBy: asc(accounts.username) } },
      });
      expect(owner?.accounts.map((account) => account.id).sort()).toEqual(
        [plain.id, business.id].sort(),
      );
    });

    test('a conversation loads its relationship, both accounts and its messages with attachments', async () => {
      const relationship = await createRelationship(db, {
        perspectiveA: { saved_name: 'Supplier', tags: ['flowers'], status: 'active' },
      });
      expect(relationship.perspectiveB).toEqual({ saved_name: null, tags: [], status: 'active' });
      expect(relationship.context).toEqual({ entries: [], total_chars: 0 });

      const conversation = await createConversation(db, { relationshipId: relationship.id });
      expect(conversation).toMatchObject({
        channel: 'web',
        status: 'active',
        unreadCountA: 0,
        unreadCountB: 0,
        lastMessageAt: null,
      });

      const content: MessageContent = {
        text: 'Here is the spring catalogue',
        media: [{ type: 'document', url: 'https://cdn.example.com/spring.pdf', caption: 'Spring' }],
        buttons: [{ id: 'order', text: 'Order now', action: 'reply' }],
      };
      const message = await createMessage(db, {
        conversationId: conversation.id,
        senderAccountId: relationship.accountAId,
        content,
      });
      expect(message).toMatchObject({ type: 'outgoing', generatedBy: 'human', status: 'synced' });
      expect(message.content).toEqual(content);

      const attachment = single(
        await db
          .insert(mediaAttachments)
          .values({
            messageId: message.id,
            type: 'audio',
            url: 'https://cdn.example.com/voice.ogg',
            sizeBytes: 48_213,
            waveformData: [0, 0.4, 1, 0.2],
          })
          .returning(),
      );
      expect(attachment.sizeBytes).toBe(48_213);
      expect(attachment.metadata).toEqual({});

      const selected = await db
        .select()
        .from(messages)
        .where(eq(messages.conversationId, conversation.id));
      expect(selected).toEqual([message]);

      const loaded = await db.query.conversations.findFirst({
        where: eq(conversations.id, conversation.id),
        with: {
          relationship: { with: { accountA: true, accountB: true } },
          messages: { with: { attachments: true, sender: true } },
        },
      });
      expect(loaded?.relationship.perspectiveA).toEqual({
        saved_name: 'Supplier',
        tags: ['flowers'],
        status: 'active',
      });
      expect(loaded?.relationship.accountA.id).toBe(relationship.accountAId);
      expect(loaded?.relationship.accountB.id).toBe(relationship.accountBId);
      expect(loaded?.messages).toHaveLength(1);
      expect(loaded?.messages[0]?.content).toEqual(content);
      expect(loaded?.messages[0]?.sender.id).toBe(relationship.accountAId);
      expect(loaded?.messages[0]?.attachments.map((row) => row.waveformData)).toEqual([
        [0, 0.4, 1, 0.2],
      ]);
    });

    test('an email is unique whatever its case', async () => {
      await createUser(db, { email: 'Case.Test@Example.com' });
      await expectRefusedBy(
        createUser(db, { email: 'case.test@EXAMPLE.COM' }),
        'users_email_lower_key',
      );
    });

    test('two accounts have one relationship, whichever of them is account a', async () => {
      const relationship = await createRelationship(db);
      await expectRefusedBy(
        createRelationship(db, {
          accountAId: relationship.accountBId,
          accountBId: relationship.accountAId,
        }),
        'relationships_pair_key',
      );
    });
  });

  describe('apps: extensions, automation, appointments', () => {
    test('an account has one default automation rule (NULL relationship) beside per-relationship ones', async () => {
      const relationship = await createRelationship(db);
      const accountId = relationship.accountAId;
      const config: AutomationRuleConfig = { delayMs: 1500, assistantId: 'asst_default' };
      const defaultRule = single(
        await db.insert(automationRules).values({ accountId, config }).returning(),
      );
      expect(defaultRule).toMatchObject({
        mode: 'supervised',
        enabled: true,
        relationshipId: null,
      });
      expect(defaultRule.config).toEqual(config);

      const specific = single(
        await db
          .insert(automationRules)
          .values({ accountId, relationshipId: relationship.id, mode: 'automatic' })
          .returning(),
      );
      expect(specific.config).toEqual({});

      const defaults = await db
        .select()
        .from(automationRules)
        .where(
          and(eq(automationRules.accountId, accountId), isNull(automationRules.relationshipId)),
        );
      expect(defaults).toEqual([defaultRule]);

      const loaded = await db.query.automationRules.findFirst({
        where: eq(automationRules.id, specific.id),
        with: { account: true, relationship: true },
      });
      expect(loaded?.account.id).toBe(accountId);
      expect(loaded?.relationship?.id).toBe(relationship.id);

      await expectRefusedBy(
        db.insert(automationRules).values({ accountId, mode: 'disabled' }),
        'automation_rules_account_relationship_key',
      );
      await expectRefusedBy(
        db.insert(automationRules).values({ accountId, relationshipId: relationship.id }),
        'automation_rules_account_relationship_key',
      );
    });

    test('an extension context belongs to exactly one account, relationship or conversation', async () => {
      const conversation = await createConversation(db);
      const context = single(
        await db
          .insert(extensionContexts)
          .values({
            extensionId: '@fluxcore/karen',
            conversationId: conversation.id,
            contextType: 'order-draft',
            payload: { items: [{ sku: 'ROSE-12', quantity: 2 }] },
          })
          .returning(),
      );
      expect(context.payload).toEqual({ items: [{ sku: 'ROSE-12', quantity: 2 }] });

      const loaded = await db.query.extensionContexts.findFirst({
        where: eq(extensionContexts.id, context.id),
        with: { conversation: { with: { relationship: true } } },
      });
      expect(loaded?.conversation?.relationship.id).toBe(conversation.relationshipId);

      const owner = single(
        await db
          .select()
          .from(relationships)
          .where(eq(relationships.id, conversation.relationshipId)),
      );
      await expectRefusedBy(
        db.insert(extensionContexts).values({
          extensionId: '@fluxcore/karen',
          accountId: owner.accountAId,
          conversationId: conversation.id,
          contextType: 'order-draft',
        }),
        'extension_contexts_one_scope_check',
      );
      await expectRefusedBy(
        db
          .insert(extensionContexts)
          .values({ extensionId: '@fluxcore/karen', contextType: 'order-draft' }),
        'extension_contexts_one_scope_check',
      );
    });

    test('appointments: prices come back as numeric strings, staff service ids as a uuid array', async () => {
      const account = await createAccount(db, { accountType: 'business' });
      const [haircut, colour] = await db
        .insert(appointmentServices)
        .values([
          { accountId: account.id, name: 'Haircut', durationMinutes: 30, price: '25.5' },
          { accountId: account.id, name: 'Colour', durationMinutes: 90 },
        ])
        .returning();
      if (!haircut || !colour) throw new Error('expected two services');
      expect(haircut).toMatchObject({ price: '25.50', currency: 'USD', active: true });
      expect(colour.price).toBe('0.00');

      const availability: StaffAvailability = {
        weekly: {
          mon: [
            { start: '09:00', end: '13:00' },
            { start: '14:00', end: '18:00' },
          ],
        },
        exceptions: [{ date: '2026-03-02', available: false }],
      };
      const marta = single(
        await db
          .insert(appointmentStaff)
          .values({
            accountId: account.id,
            name: 'Marta',
            availability,
            services: [haircut.id, colour.id],
          })
          .returning(),
      );
      expect(marta.services).toEqual([haircut.id, colour.id]);
      expect(marta.availability).toEqual(availability);

      const leo = single(
        await db
          .insert(appointmentStaff)
          .values({ accountId: account.id, name: 'Leo' })
          .returning(),
      );
      expect(leo.services).toEqual([]);
      expect(leo.availability).toEqual({});

      // The array is a real uuid[]: `@>` finds the staff who give a service.
      const colourists = await db
        .select()
        .from(appointmentStaff)
        .where(
          and(
            eq(appointmentStaff.accountId, account.id),
            arrayContains(appointmentStaff.services, [colour.id]),
          ),
        );
      expect(colourists).toEqual([marta]);

      const scheduledAt = new Date('2026-03-03T15:30:00.000Z');
      const booking = single(
        await db
          .insert(appointments)
          .values({
            accountId: account.id,
            serviceId: haircut.id,
            staffId: marta.id,
            clientName: 'Carla',
            scheduledAt,
            durationMinutes: 30,
            metadata: { source: 'website' },
          })
          .returning(),
      );
      expect(booking.status).toBe('pending');
      expect(booking.scheduledAt).toEqual(scheduledAt);

      const loaded = await db.query.appointments.findFirst({
        where: eq(appointments.id, booking.id),
        with: { service: true, staff: true },
      });
      // Nested relations travel as json, where a numeric is a json number: the value survives
      // but its scale does not ('25.5', not '25.50'). Read money at the top level of a query.
      expect(loaded?.service?.price).toBe('25.5');
      expect(loaded?.staff?.services).toEqual([haircut.id, colour.id]);
      expect(loaded?.metadata).toEqual({ source: 'website' });
    });
  });

  describe('credits and access', () => {
    test('a wallet starts at zero and loads its account and ledger entries', async () => {
      const wallet = await createWallet(db);
      expect(wallet.balance).toBe(0);
      expect(wallet.id).toMatch(uuidPattern);

      await db.insert(creditsLedger).values([
        {
          walletId: wallet.id,
          accountId: wallet.accountId,
          delta: 100,
          entryType: 'grant',
          idempotencyKey: 'stripe:pi_123',
          metadata: { reason: 'welcome pack' },
        },
        {
          walletId: wallet.id,
          accountId: wallet.accountId,
          delta: -30,
          entryType: 'spend',
          featureKey: aiSessionFeatureKey,
          engine: 'openai',
          model: 'gpt-4o-mini',
        },
      ]);
      await db.update(creditsWallets).set({ balance: 70 }).where(eq(creditsWallets.id, wallet.id));

      const loaded = await db.query.creditsWallets.findFirst({
        where: eq(creditsWallets.id, wallet.id),
        with: { account: true, ledgerEntries: { orderBy: asc(creditsLedger.delta) } },
      });
      expect(loaded?.account.id).toBe(wallet.accountId);
      expect(loaded?.ledgerEntries.map((entry) => [entry.entryType, entry.delta])).toEqual([
        ['spend', -30],
        ['grant', 100],
      ]);
      expect(loaded?.ledgerEntries[0]?.featureKey).toBe('ai.session');
      expect(loaded?.ledgerEntries[0]?.metadata).toEqual({});
      expect(loaded?.ledgerEntries[1]?.metadata).toEqual({ reason: 'welcome pack' });
      const total = (loaded?.ledgerEntries ?? []).reduce((sum, entry) => sum + entry.delta, 0);
      expect(loaded?.balance).toBe(total);
    });

    test('a wallet balance never goes below zero', async () => {
      const account = await createAccount(db);
      await expectRefusedBy(
        db.insert(creditsWallets).values({ accountId: account.id, balance: -1 }),
        'credits_wallets_balance_check',
      );
      const wallet = await createWallet(db, { accountId: account.id, balance: 10 });
      await expectRefusedBy(
        db
          .update(creditsWallets)
          .set({ balance: sql`${creditsWallets.balance} - 11` })
          .where(eq(creditsWallets.id, wallet.id)),
        'credits_wallets_balance_check',
      );
      const after = single(
        await db.select().from(creditsWallets).where(eq(creditsWallets.id, wallet.id)),
      );
      expect(after.balance).toBe(10);
    });

    test('a ledger entry whose sign contradicts its type is refused', async () => {
      const wallet = await createWallet(db);
      await expectRefusedBy(
        db.insert(creditsLedger).values({
          walletId: wallet.id,
          accountId: wallet.accountId,
          delta: 5,
          entryType: 'spend',
        }),
        'credits_ledger_delta_sign_check',
      );
    });

    test('a wallet with history cannot be deleted alone, but deleting its account removes both', async () => {
      const wallet = await createWallet(db, { balance: 10 });
      await db.insert(creditsLedger).values({
        walletId: wallet.id,
        accountId: wallet.accountId,
        delta: 10,
        entryType: 'grant',
      });
      await expectRefusedBy(
        db.delete(creditsWallets).where(eq(creditsWallets.id, wallet.id)),
        'credits_ledger_wallet_id_fk',
      );

      await db.delete(accounts).where(eq(accounts.id, wallet.accountId));
      const wallets = await db
        .select()
        .from(creditsWallets)
        .where(eq(creditsWallets.id, wallet.id));
      const entries = await db
        .select()
        .from(creditsLedger)
        .where(eq(creditsLedger.walletId, wallet.id));
      expect(wallets).toEqual([]);
      expect(entries).toEqual([]);
    });

    test('AI entitlements are off by default and keep their providers as an enum array', async () => {
      const off = single(
        await db
          .insert(accountAiEntitlements)
          .values({ accountId: (await createAccount(db)).id })
          .returning(),
      );
      expect(off).toMatchObject({ enabled: false, allowedProviders: [], defaultProvider: null });

      const account = await createAccount(db);
      const on = single(
        await db
          .insert(accountAiEntitlements)
          .values({
            accountId: account.id,
            enabled: true,
            allowedProviders: ['openai', 'anthropic'],
            defaultProvider: 'anthropic',
          })
          .returning(),
      );
      const loaded = await db.query.accountAiEntitlements.findFirst({
        where: eq(accountAiEntitlements.id, on.id),
        with: { account: true },
      });
      expect(loaded?.allowedProviders).toEqual(['openai', 'anthropic']);
      expect(loaded?.account.username).toBe(account.username);

      await expectRefusedBy(
        db.insert(accountAiEntitlements).values({
          accountId: (await createAccount(db)).id,
          allowedProviders: ['openai'],
          defaultProvider: 'groq',
        }),
        'account_ai_entitlements_default_provider_check',
      );
    });

    test('an account has one active deletion job; finished jobs stay as history', async () => {
      const account = await createAccount(db);
      const job = single(
        await db.insert(accountDeletionJobs).values({ accountId: account.id }).returning(),
      );
      expect(job).toMatchObject({
        status: 'pending',
        attempts: 0,
        maxAttempts: 5,
        snapshot: {},
        externalState: {},
        lockedBy: null,
      });
      expectRecent(job.nextAttemptAt);

      await expectRefusedBy(
        db.insert(accountDeletionJobs).values({ accountId: account.id }),
        'account_deletion_jobs_active_account_key',
      );
      await db
        .update(accountDeletionJobs)
        .set({ status: 'failed', failureReason: 'storage unreachable' })
        .where(eq(accountDeletionJobs.id, job.id));
      const retry = single(
        await db.insert(accountDeletionJobs).values({ accountId: account.id }).returning(),
      );
      expect(retry.status).toBe('pending');
    });
  });

  describe('assistants', () => {
    test('an assistant gets draft/local defaults, keeps its model config and loads its instructions', async () => {
      const account = await createAccount(db);
      const modelConfig: AssistantModelConfig = {
        provider: 'openai',
        model: 'gpt-4o-mini',
        temperature: 0.2,
        topP: 1,
        maxTokens: 800,
        responseFormat: 'json_object',
      };
      const assistant = await createAssistant(db, { accountId: account.id, modelConfig });
      expect(assistant).toMatchObject({
        status: 'draft',
        runtime: 'local',
        timingConfig: {},
        externalId: null,
      });
      expect(assistant.modelConfig).toEqual(modelConfig);

      const instruction = single(
        await db
          .insert(fluxcoreInstructions)
          .values({ accountId: account.id, name: 'Tone of voice' })
          .returning(),
      );
      expect(instruction).toMatchObject({
        visibility: 'private',
        status: 'draft',
        isManaged: false,
        currentVersionId: null,
      });
      const version = single(
        await db
          .insert(fluxcoreInstructionVersions)
          .values({
            instructionId: instruction.id,
            versionNumber: 1,
            content: 'Answer in Spanish, briefly.',
            wordCount: 4,
            lineCount: 1,
          })
          .returning(),
      );
      expect(version.tokensEstimated).toBe(0);
      await db
        .update(fluxcoreInstructions)
        .set({ currentVersionId: version.id })
        .where(eq(fluxcoreInstructions.id, instruction.id));
      const link = single(
        await db
          .insert(fluxcoreAssistantInstructions)
          .values({ assistantId: assistant.id, instructionId: instruction.id })
          .returning(),
      );
      expect(link).toMatchObject({ order: 0, isEnabled: true, versionId: null });

      const loaded = await db.query.fluxcoreAssistants.findFirst({
        where: eq(fluxcoreAssistants.id, assistant.id),
        with: {
          account: true,
          instructions: {
            with: { instruction: { with: { currentVersion: true, versions: true } } },
          },
        },
      });
      expect(loaded?.account.id).toBe(account.id);
      expect(loaded?.instructions).toHaveLength(1);
      const loadedInstruction = loaded?.instructions[0]?.instruction;
      expect(loadedInstruction?.currentVersion?.content).toBe('Answer in Spanish, briefly.');
      expect(loadedInstruction?.versions.map((row) => row.versionNumber)).toEqual([1]);
    });

    test('usage logs keep costs as exact numeric strings, summed exactly', async () => {
      const account = await createAccount(db);
      const free = single(
        await db
          .insert(fluxcoreUsageLogs)
          .values({ accountId: account.id, resourceType: 'vector_store', operation: 'retrieval' })
          .returning(),
      );
      expect(free).toMatchObject({
        costCredits: '0.0000',
        apiCalls: 1,
        tokensUsed: 0,
        chunksProcessed: 0,
        requestMetadata: {},
      });
      const paid = single(
        await db
          .insert(fluxcoreUsageLogs)
          .values({
            accountId: account.id,
            resourceType: 'assistant',
            operation: 'chat_completion',
            promptTokens: 1200,
            completionTokens: 300,
            tokensUsed: 1500,
            costCredits: '0.0125',
            provider: 'openai',
            model: 'gpt-4o-mini',
            requestMetadata: { durationMs: 840 },
          })
          .returning(),
      );
      expect(paid.costCredits).toBe('0.0125');
      expect(paid.requestMetadata).toEqual({ durationMs: 840 });

      const [total] = await db
        .select({ cost: sum(fluxcoreUsageLogs.costCredits) })
        .from(fluxcoreUsageLogs)
        .where(eq(fluxcoreUsageLogs.accountId, account.id));
      expect(total?.cost).toBe('0.0125');
    });

    test('a tool connection refuses credentials outside secretRef, ciphertext and keyId', async () => {
      const tool = single(
        await db
          .insert(fluxcoreToolDefinitions)
          .values({
            slug: `calendar-${nextNumber()}`,
            name: 'Google Calendar',
            category: 'scheduling',
            type: 'external',
            authType: 'oauth2',
            oauthProvider: 'google',
            schema: { name: 'create_event', parameters: { type: 'object' } },
          })
          .returning(),
      );
      expect(tool).toMatchObject({ visibility: 'public', isBuiltIn: false, isEnabled: true });
      expect(tool.schema).toEqual({ name: 'create_event', parameters: { type: 'object' } });

      const account = await createAccount(db);
      const connection = single(
        await db
          .insert(fluxcoreToolConnections)
          .values({
            accountId: account.id,
            toolDefinitionId: tool.id,
            authConfig: { ciphertext: 'AAEC…', keyId: 'kms-2026-01' },
          })
          .returning(),
      );
      expect(connection.status).toBe('disconnected');
      const loaded = await db.query.fluxcoreToolDefinitions.findFirst({
        where: eq(fluxcoreToolDefinitions.id, tool.id),
        with: { connections: { with: { account: true } } },
      });
      expect(loaded?.connections.map((row) => row.authConfig)).toEqual([
        { ciphertext: 'AAEC…', keyId: 'kms-2026-01' },
      ]);
      expect(loaded?.connections[0]?.account.id).toBe(account.id);

      // The type refuses a plain token too; the cast stands for untyped input (a JSON body).
      const leakedToken = { accessToken: 'ya29.plain-token' } as unknown as ToolAuthConfig;
      await expectRefusedBy(
        db.insert(fluxcoreToolConnections).values({
          accountId: (await createAccount(db)).id,
          toolDefinitionId: tool.id,
          authConfig: leakedToken,
        }),
        'fluxcore_tool_connections_auth_config_check',
      );
    });
  });

  describe('rag', () => {
    test('a vector store gets its defaults and loads its files, chunks and RAG configuration', async () => {
      const account = await createAccount(db);
      const store = await createVectorStore(db, {
        accountId: account.id,
        metadata: { topic: 'catalogue' },
      });
      expect(store).toMatchObject({
        visibility: 'private',
        status: 'draft',
        backend: 'local',
        source: 'primary',
        fileCounts: {},
        usage: {},
        expiresAfter: {},
        expiresAt: null,
      });
      expect(store.metadata).toEqual({ topic: 'catalogue' });

      const file = await createFile(db, {
        accountId: account.id,
        sizeBytes: 2048,
        textContent: 'Roses: red, white. Tulips: yellow.',
      });
      expect(file.mimeType).toBe('application/octet-stream');
      expect(file.sizeBytes).toBe(2048);

      const storeFile = single(
        await db
          .insert(fluxcoreVectorStoreFiles)
          .values({
            vectorStoreId: store.id,
            fileId: file.id,
            name: file.name,
            chunkingStrategy: {
              type: 'static',
              static: { maxChunkSizeTokens: 800, chunkOverlapTokens: 400 },
            },
          })
          .returning(),
      );
      expect(storeFile).toMatchObject({
        status: 'in_progress',
        lastError: {},
        chunkCount: 0,
        usageBytes: 0,
      });

      const configuration = single(
        await db.insert(fluxcoreRagConfigurations).values({ vectorStoreId: store.id }).returning(),
      );
      expect(configuration).toMatchObject({
        chunkingStrategy: 'recursive',
        chunkSizeTokens: 512,
        chunkOverlapTokens: 50,
        chunkSeparators: ['\n\n', '\n', '. ', ' '],
        embeddingProvider: 'openai',
        embeddingModel: 'text-embedding-3-small',
        embeddingDimensions: 1536,
        retrievalTopK: 10,
        retrievalMinScore: '0.300',
        hybridSearchEnabled: false,
        rerankEnabled: false,
        ocrLanguage: 'spa',
      });

      const embedding = unitEmbedding(7);
      const metadata: DocumentChunkMetadata = {
        pageNumber: 3,
        sectionTitle: 'Roses',
        startChar: 0,
      };
      const chunk = await createChunk(db, {
        vectorStoreId: store.id,
        fileId: file.id,
        accountId: account.id,
        chunkIndex: 0,
        embedding,
        metadata,
      });
      expect(chunk.tokenCount).toBe(0);
      expect(chunk.embedding).toHaveLength(embeddingDimensions);
      expect(asFloat32(chunk.embedding)).toEqual(asFloat32(embedding));

      const read = single(
        await db
          .select()
          .from(fluxcoreDocumentChunks)
          .where(eq(fluxcoreDocumentChunks.id, chunk.id)),
      );
      expect(asFloat32(read.embedding)).toEqual(asFloat32(embedding));
      expect(read.embedding.reduce((total, value) => total + value * value, 0)).toBeCloseTo(1, 5);
      expect(read.metadata).toEqual(metadata);

      const loaded = await db.query.fluxcoreVectorStores.findFirst({
        where: eq(fluxcoreVectorStores.id, store.id),
        with: { files: { with: { file: true } }, chunks: true, ragConfiguration: true },
      });
      expect(loaded?.ragConfiguration?.id).toBe(configuration.id);
      expect(loaded?.files.map((row) => row.file.contentHash)).toEqual([file.contentHash]);
      expect(loaded?.files[0]?.chunkingStrategy).toEqual(storeFile.chunkingStrategy);
      expect(loaded?.chunks).toHaveLength(1);
      expect(asFloat32(loaded?.chunks[0]?.embedding ?? [])).toEqual(asFloat32(embedding));
    });

    test('a file cannot hold two chunks at the same index', async () => {
      const account = await createAccount(db);
      const store = await createVectorStore(db, { accountId: account.id });
      const file = await createFile(db, { accountId: account.id });
      const scope = { vectorStoreId: store.id, fileId: file.id, accountId: account.id };
      await createChunk(db, { ...scope, chunkIndex: 0 });
      await expectRefusedBy(
        createChunk(db, { ...scope, chunkIndex: 0, content: 'a re-index that forgot to delete' }),
        'fluxcore_document_chunks_file_chunk_key',
      );
    });

    test('an embedding of another width than 1536 is refused', async () => {
      const account = await createAccount(db);
      const store = await createVectorStore(db, { accountId: account.id });
      const file = await createFile(db, { accountId: account.id });
      const attempt = createChunk(db, {
        vectorStoreId: store.id,
        fileId: file.id,
        accountId: account.id,
        chunkIndex: 0,
        embedding: [0.6, 0.8, 0],
      });
      await expect(attempt).rejects.toThrow();
      // Not a named constraint: the vector(1536) type itself refuses the value.
      const error = await attempt.catch((caught: unknown) => caught);
      expect((error as { cause?: Error }).cause?.message).toBe('expected 1536 dimensions, not 3');
    });
  });

  describe('assets, templates, marketplace and billing', () => {
    test('an asset gets its lifecycle defaults and a template loads its settings and assets', async () => {
      const account = await createAccount(db);
      const asset = await createAsset(db, {
        accountId: account.id,
        mimeType: 'image/png',
        sizeBytes: 204_800,
        checksumSHA256: 'ab'.repeat(32),
        metadata: { width: 1200, height: 630 },
      });
      expect(asset).toMatchObject({
        scope: 'message_attachment',
        status: 'pending',
        dedupPolicy: 'intra_account',
        version: 1,
        storageProvider: 'local',
        sizeBytes: 204_800,
        deletedAt: null,
      });
      expect(asset.metadata).toEqual({ width: 1200, height: 630 });

      const template = await createTemplate(db, {
        accountId: account.id,
        variables: [
          { name: 'name', type: 'contact', required: true },
          { name: 'date', type: 'date', label: 'Appointment date' },
        ],
        tags: ['booking'],
      });
      expect(template).toMatchObject({ isActive: true, usageCount: 0, category: null });
      await db.insert(fluxcoreTemplateSettings).values({
        templateId: template.id,
        authorizeForAI: true,
        aiUsageInstructions: 'Use it to confirm a booking.',
      });
      const link = single(
        await db
          .insert(templateAssets)
          .values({ templateId: template.id, assetId: asset.id })
          .returning(),
      );
      expect(link).toMatchObject({ slot: 'default', version: 1 });

      const loaded = await db.query.templates.findFirst({
        where: eq(templates.id, template.id),
        with: { settings: true, assetLinks: { with: { asset: true } } },
      });
      expect(loaded?.variables).toEqual([
        { name: 'name', type: 'contact', required: true },
        { name: 'date', type: 'date', label: 'Appointment date' },
      ]);
      expect(loaded?.settings).toMatchObject({
        authorizeForAI: true,
        aiIncludeName: true,
        aiIncludeContent: true,
        aiIncludeInstructions: true,
      });
      expect(loaded?.assetLinks.map((row) => row.asset.checksumSHA256)).toEqual(['ab'.repeat(32)]);
    });

    test('a listing keeps its price in cents, counts its subscribers and rating, and loads its store, subscriptions and reviews', async () => {
      const seller = await createAccount(db, { accountType: 'business' });
      const buyer = await createAccount(db);
      const listing = await createListing(db, {
        sellerAccountId: seller.id,
        pricingModel: 'subscription',
        billingPeriod: 'monthly',
        priceCents: 1990,
        tags: ['flowers', 'catalogue'],
      });
      expect(listing).toMatchObject({
        priceCents: 1990,
        currency: 'USD',
        status: 'draft',
        licenseType: 'personal',
        totalSubscribers: 0,
        ratingAverage: null,
        ratingCount: 0,
      });
      expect(listing.tags).toEqual(['flowers', 'catalogue']);

      const subscription = single(
        await db
          .insert(fluxcoreMarketplaceSubscriptions)
          .values({ listingId: listing.id, subscriberAccountId: buyer.id, totalPaidCents: 1990 })
          .returning(),
      );
      expect(subscription).toMatchObject({
        status: 'active',
        accessMode: 'read',
        totalPaidCents: 1990,
        queriesTotal: 0,
      });
      expectRecent(subscription.startedAt);

      const review = single(
        await db
          .insert(fluxcoreMarketplaceReviews)
          .values({
            listingId: listing.id,
            reviewerAccountId: buyer.id,
            subscriptionId: subscription.id,
            rating: 5,
            title: 'Exactly what my shop needed',
          })
          .returning(),
      );
      expect(review).toMatchObject({ status: 'published', helpfulCount: 0 });

      const loaded = await db.query.fluxcoreMarketplaceListings.findFirst({
        where: eq(fluxcoreMarketplaceListings.id, listing.id),
        with: {
          vectorStore: true,
          seller: true,
          subscriptions: true,
          reviews: { with: { reviewer: true, subscription: true } },
        },
      });
      expect(listing.vectorStoreId).toMatch(uuidPattern);
      expect(loaded?.vectorStore?.id).toBe(listing.vectorStoreId as string);
      expect(loaded?.seller.id).toBe(seller.id);
      expect(loaded?.subscriptions.map((row) => row.id)).toEqual([subscription.id]);
      expect(loaded?.reviews.map((row) => [row.rating, row.reviewer.id])).toEqual([[5, buyer.id]]);
      expect(loaded?.reviews[0]?.subscription?.totalPaidCents).toBe(1990);
      // The triggers of 0029 counted the subscription and the published review.
      expect(loaded).toMatchObject({ totalSubscribers: 1, ratingAverage: '5.00', ratingCount: 1 });
    });

    test('a review rating outside 1 to 5 is refused', async () => {
      const listing = await createListing(db, { sellerAccountId: (await createAccount(db)).id });
      for (const rating of [6, 0]) {
        await expectRefusedBy(
          db.insert(fluxcoreMarketplaceReviews).values({
            listingId: listing.id,
            reviewerAccountId: (await createAccount(db)).id,
            rating,
          }),
          'fluxcore_marketplace_reviews_rating_check',
        );
      }
    });

    test('account credits keep four-decimal amounts as strings and load their transactions account', async () => {
      const account = await createAccount(db);
      const credits = single(
        await db
          .insert(fluxcoreAccountCredits)
          .values({ accountId: account.id, balanceCredits: '100.5', monthlyLimitCredits: '250' })
          .returning(),
      );
      expect(credits).toMatchObject({
        balanceCredits: '100.5000',
        reserved: '0.0000',
        usedToday: '0.0000',
        monthlyLimitCredits: '250.0000',
        dailyLimitCredits: null,
        planType: 'free',
        alertThresholdPercent: 80,
      });

      const purchase = single(
        await db
          .insert(fluxcoreCreditTransactions)
          .values({
            accountId: account.id,
            transactionType: 'purchase',
            amountCredits: '100.5',
            balanceAfter: '100.5',
            stripePaymentIntentId: `pi_${nextNumber()}`,
          })
          .returning(),
      );
      const loaded = await db.query.fluxcoreCreditTransactions.findFirst({
        where: eq(fluxcoreCreditTransactions.id, purchase.id),
        with: { account: true },
      });
      expect(loaded).toMatchObject({
        amountCredits: '100.5000',
        balanceAfter: '100.5000',
        metadata: {},
      });
      expect(loaded?.account.id).toBe(account.id);

      await expectRefusedBy(
        db
          .update(fluxcoreAccountCredits)
          .set({ balanceCredits: '-0.0001' })
          .where(eq(fluxcoreAccountCredits.id, credits.id)),
        'fluxcore_account_credits_amounts_check',
      );
    });
  });

  test('a cosine top-k query over one store’s chunks is served by the HNSW index', async () => {
    const account = await createAccount(db);
    const store = await createVectorStore(db, { accountId: account.id });
    const file = await createFile(db, { accountId: account.id });
    const embeddings = Array.from({ length: 200 }, (_, index) => unitEmbedding(1000 + index));
    const batchSize = 50;
    for (let start = 0; start < embeddings.length; start += batchSize) {
      await db.insert(fluxcoreDocumentChunks).values(
        embeddings.slice(start, start + batchSize).map((embedding, offset) => ({
          vectorStoreId: store.id,
          fileId: file.id,
          accountId: account.id,
          chunkIndex: start + offset,
          content: `Chunk ${start + offset}`,
          embedding,
        })),
      );
    }
    const query = embeddings[42] as number[];

    const { plan, nearest } = await db.transaction(async (tx) => {
      // With 200 rows the planner rightly prefers to read the store's rows and sort them by
      // distance: that costs less than walking the graph, and is exact. The point here is that
      // the index *can* serve this query shape (one store, ordered by cosine distance, top k),
      // as it must once the table is large. So this transaction alone (`set local`; the
      // transaction also pins one pooled connection) switches off sequential scans and explicit
      // sorts: without a sort, only the index can produce the order. Sequential scans alone are
      // not enough: the planner then reads the store's rows through the btree on
      // vector_store_id and still sorts them. Were the HNSW index built with another operator
      // class than vector_cosine_ops, no plan could use it for `<=>`.
      await tx.execute(sql`set local enable_seqscan = off`);
      await tx.execute(sql`set local enable_sort = off`);
      const explained = await tx.execute(
        sql`explain select id from fluxcore_document_chunks where vector_store_id = ${store.id} order by embedding <=> ${JSON.stringify(query)}::vector limit 10`,
      );
      const rows = (explained as unknown as { rows: { 'QUERY PLAN': string }[] }).rows;
      const nearest = await tx
        .select({ chunkIndex: fluxcoreDocumentChunks.chunkIndex })
        .from(fluxcoreDocumentChunks)
        .where(eq(fluxcoreDocumentChunks.vectorStoreId, store.id))
        .orderBy(cosineDistance(fluxcoreDocumentChunks.embedding, query))
        .limit(10);
      return { plan: rows.map((row) => row['QUERY PLAN']).join('\n'), nearest };
    });

    expect(plan).toContain('fluxcore_document_chunks_embedding_hnsw_idx');
    // The index answers correctly too: the chunk whose embedding is the query comes first.
    expect(nearest).toHaveLength(10);
    expect(nearest[0]?.chunkIndex).toBe(42);
  }, 60_000);
});

// ---------------------------------------------------------------------------------------------
// The drizzle-zod insert schemas (no database involved)
// ---------------------------------------------------------------------------------------------

describe('the drizzle-zod insert schemas', () => {
  const someId = '3f1c2a4e-8b7d-4c6e-9a5b-1d2e3f4a5b6c';
  const otherId = '7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d';

  /** The payload parses; with `field` set to `invalid`, it fails, on that field alone. */
  function expectAcceptedThenRefusedOn(
    schema: {
      safeParse(value: unknown): {
        success: boolean;
        error?: { issues: { path: PropertyKey[] }[] };
      };
    },
    payload: Record<string, unknown>,
    field: string,
    invalid: string,
  ) {
    expect(schema.safeParse(payload).success).toBe(true);
    const refused = schema.safeParse({ ...payload, [field]: invalid });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((issue) => issue.path.join('.'))).toEqual([field]);
  }

  test('chat: a message type must be incoming, outgoing or system', () => {
    expectAcceptedThenRefusedOn(
      messageSchemas.insert,
      {
        conversationId: someId,
        senderAccountId: otherId,
        type: 'incoming',
        content: { text: 'Hi' },
      },
      'type',
      'broadcast',
    );
  });

  test('apps: an appointment status must be one of the appointment statuses', () => {
    expectAcceptedThenRefusedOn(
      appointmentSchemas.insert,
      {
        accountId: someId,
        scheduledAt: new Date('2026-03-03T15:30:00Z'),
        durationMinutes: 30,
        status: 'confirmed',
      },
      'status',
      'rescheduled',
    );
  });

  test('credits: a ledger entry type must be grant, spend, refund, adjustment or expiry', () => {
    expectAcceptedThenRefusedOn(
      creditsLedgerEntrySchemas.insert,
      { walletId: someId, accountId: otherId, delta: 25, entryType: 'refund' },
      'entryType',
      'bonus',
    );
  });

  test('assistants: an assistant runtime must be local or openai', () => {
    expectAcceptedThenRefusedOn(
      fluxcoreAssistantSchemas.insert,
      {
        accountId: someId,
        name: 'Shop helper',
        runtime: 'openai',
        modelConfig: { model: 'gpt-4o' },
      },
      'runtime',
      'azure',
    );
  });

  test('rag: a vector store backend must be local or openai', () => {
    expectAcceptedThenRefusedOn(
      fluxcoreVectorStoreSchemas.insert,
      { accountId: someId, name: 'Catalogue', backend: 'openai', externalId: 'vs_abc123' },
      'backend',
      'pinecone',
    );
  });

  test('assets: a listing pricing model must be free, one_time, subscription or usage', () => {
    expectAcceptedThenRefusedOn(
      fluxcoreMarketplaceListingSchemas.insert,
      {
        sellerAccountId: someId,
        vectorStoreId: otherId,
        title: 'Catalogue',
        pricingModel: 'one_time',
        price: '9.99',
      },
      'pricingModel',
      'pay_what_you_want',
    );
  });
});

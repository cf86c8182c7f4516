/**
 * Test data an account owns beyond its conversations: assistants, vector stores, files and
 * their chunks (with embeddings), marketplace listings, assets and templates. Each factory
 * takes the owning account's id and overrides of any other column.
 */
import {
  assets,
  embeddingDimensions,
  fluxcoreAssistants,
  fluxcoreDocumentChunks,
  fluxcoreFiles,
  fluxcoreMarketplaceListings,
  fluxcoreVectorStores,
  type NewAsset,
  type NewFluxcoreAssistant,
  type NewFluxcoreDocumentChunk,
  type NewFluxcoreFile,
  type NewFluxcoreMarketplaceListing,
  type NewFluxcoreVectorStore,
  type NewTemplate,
  templates,
} from '../schema/index.ts';
import { first, unique, type Writer } from './factories.ts';
import { seededRandom } from './seeded-random.ts';

/** A unit vector along one axis: cosine similarity 1 with itself, 0 with other axes. */
export function axisEmbedding(axis: number, weight = 1, spill?: { axis: number; weight: number }) {
  const embedding = new Array<number>(embeddingDimensions).fill(0);
  embedding[axis] = weight;
  if (spill) embedding[spill.axis] = spill.weight;
  return embedding;
}

/** A deterministic pseudo-random embedding of unit length (cosine distance is then 1 − dot). */
export function unitEmbedding(seed: number): number[] {
  const random = seededRandom(seed);
  const values = Array.from({ length: embeddingDimensions }, () => random() * 2 - 1);
  const norm = Math.sqrt(values.reduce((total, value) => total + value * value, 0));
  return values.map((value) => value / norm);
}

export async function createAssistant(
  db: Writer,
  overrides: Pick<NewFluxcoreAssistant, 'accountId'> & Partial<NewFluxcoreAssistant>,
) {
  return first(
    db
      .insert(fluxcoreAssistants)
      .values({ name: `Assistant ${unique()}`, ...overrides })
      .returning(),
  );
}

export async function createVectorStore(
  db: Writer,
  overrides: Pick<NewFluxcoreVectorStore, 'accountId'> & Partial<NewFluxcoreVectorStore>,
) {
  return first(
    db
      .insert(fluxcoreVectorStores)
      .values({ name: `Store ${unique()}`, ...overrides })
      .returning(),
  );
}

export async function createFile(
  db: Writer,
  overrides: Pick<NewFluxcoreFile, 'accountId'> & Partial<NewFluxcoreFile>,
) {
  const name = unique();
  return first(
    db
      .insert(fluxcoreFiles)
      .values({ name: `file-${name}.txt`, contentHash: name.padStart(64, '0'), ...overrides })
      .returning(),
  );
}

/** A chunk of a file in a store; its content and embedding follow from its index. */
export async function createChunk(
  db: Writer,
  overrides: Pick<
    NewFluxcoreDocumentChunk,
    'vectorStoreId' | 'fileId' | 'accountId' | 'chunkIndex'
  > &
    Partial<NewFluxcoreDocumentChunk>,
) {
  return first(
    db
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
export async function createListing(
  db: Writer,
  overrides: Pick<NewFluxcoreMarketplaceListing, 'sellerAccountId'> &
    Partial<NewFluxcoreMarketplaceListing>,
) {
  const sellsSomething =
    overrides.vectorStoreId ?? overrides.instructionId ?? overrides.toolDefinitionId;
  const vectorStoreId = sellsSomething
    ? overrides.vectorStoreId
    : (await createVectorStore(db, { accountId: overrides.sellerAccountId })).id;
  return first(
    db
      .insert(fluxcoreMarketplaceListings)
      .values({ title: `Listing ${unique()}`, ...overrides, vectorStoreId })
      .returning(),
  );
}

export async function createAsset(
  db: Writer,
  overrides: Pick<NewAsset, 'accountId'> & Partial<NewAsset>,
) {
  const name = unique();
  return first(
    db
      .insert(assets)
      .values({
        name: `asset-${name}.bin`,
        storageKey: `accounts/${overrides.accountId}/${name}`,
        ...overrides,
      })
      .returning(),
  );
}

export async function createTemplate(
  db: Writer,
  overrides: Pick<NewTemplate, 'accountId'> & Partial<NewTemplate>,
) {
  return first(
    db
      .insert(templates)
      .values({ name: `Template ${unique()}`, content: 'Hello {{name}}', ...overrides })
      .returning(),
  );
}

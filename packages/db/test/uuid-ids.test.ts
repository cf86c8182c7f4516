/**
 * Every parser of a uuid column takes what PostgreSQL's uuid type takes (z.guid()), not only
 * RFC 9562 ids (z.uuid()): the generated row validators, the message cursor and the chunk
 * search. The ids are md5-derived with a variant outside RFC 9562, as the original's rows have.
 * The API's paths, bodies, tokens and responses: apps/api/test/non-rfc-ids.test.ts.
 */
import { describe, expect, test } from 'bun:test';
import { databaseKinds, useMigratedDatabase } from '@fluxcore/db/testing';
import { z } from 'zod';
import { FluxDbError } from '../src/errors/flux-db-error.ts';
import { decodeMessageCursor, encodeMessageCursor } from '../src/operations/messages/history.ts';
import { searchChunks } from '../src/operations/rag/search.ts';
import { embeddingDimensions, messageSchemas } from '../src/schema/index.ts';

// md5('7') as a uuid with version 3; its variant nibble (5) is outside RFC 9562.
const md5Id = '8f14e45f-ceea-367a-5a36-dedd4bea2543';

test('the fixture id is valid for PostgreSQL and refused by z.uuid()', () => {
  expect(z.uuid().safeParse(md5Id).success).toBe(false);
  expect(z.guid().safeParse(md5Id).success).toBe(true);
});

test('the generated row validators take non-RFC ids, and keep nullability', () => {
  const insert = messageSchemas.insert.safeParse({
    id: md5Id,
    conversationId: md5Id,
    senderAccountId: md5Id,
    content: { text: 'hi' },
    type: 'outgoing',
  });
  expect(insert.error?.issues ?? []).toEqual([]);
  const shape = messageSchemas.select.shape;
  expect(shape.id.safeParse(md5Id).success).toBe(true);
  expect(shape.id.safeParse(null).success).toBe(false);
  expect(shape.id.safeParse('not-a-uuid').success).toBe(false);
});

test('a message cursor carries a non-RFC id', () => {
  const cursor = encodeMessageCursor({ createdAtMicros: '1767225600000000', id: md5Id });
  expect(decodeMessageCursor(cursor)).toEqual({ createdAtMicros: '1767225600000000', id: md5Id });
});

describe.each(databaseKinds)('chunk search on the %s database', (kind) => {
  const handle = useMigratedDatabase(kind);

  test('takes a non-RFC store id (and finds nothing in an empty store)', async () => {
    const embedding = Array.from({ length: embeddingDimensions }, (_, i) => (i === 0 ? 1 : 0));
    expect(await searchChunks(handle.db, { vectorStoreId: md5Id, embedding })).toEqual([]);
    const refused = await searchChunks(handle.db, { vectorStoreId: 'nope', embedding }).catch(
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(FluxDbError);
  });
});

/**
 * failureLine: the one line the apps' and the bench's entry points print when they fail. Real
 * errors from real databases: a missing table says to migrate, anything unknown is an
 * unexpected error, and a password in a connection URL never reaches the line.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { FluxDbError, failureLine } from '@fluxcore/db';
import { createTestDatabase, databaseKinds, type TestDatabase } from '@fluxcore/db/testing';

test('a FluxDbError is its message and hint, with passwords redacted', () => {
  const error = new FluxDbError(
    'CONNECTION_REFUSED',
    'postgres://app:s3cret@db.example:5432/x refused the connection',
    'Start the server',
  );
  expect(failureLine(error)).toBe(
    'postgres://app:***@db.example:5432/x refused the connection. Start the server',
  );
});

test('anything else is an unexpected error, on one line', () => {
  expect(failureLine(new Error('boom'))).toBe('unexpected error: Error: boom');
});

describe.each(databaseKinds)('failureLine on the %s database', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(() => database.drop());

  test('a missing table says the database is not migrated and how to migrate it', async () => {
    const session = await database.session();
    try {
      const error = await session.query('select * from accounts').then(
        () => undefined,
        (thrown: unknown) => thrown,
      );
      expect(error).toBeDefined();
      expect(failureLine(error)).toBe(
        'relation "accounts" does not exist: the database is not migrated. Run bun run db:migrate first',
      );
    } finally {
      await session.close();
    }
  });
});

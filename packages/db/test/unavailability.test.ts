/**
 * `unavailabilityOf`: which failures mean the database cannot take a request now (the API's
 * 503) and which are something else. Real errors where this machine can make them (a refused
 * connection, a read-only transaction on the server); a full disk cannot be made here, so its
 * two shapes (PostgreSQL's 53100 under drizzle's wrapper, the embedded database's ENOSPC) are
 * built as the drivers build them.
 */
import { describe, expect, test } from 'bun:test';
import { adminUrl, databaseKinds } from '@fluxcore/db/testing';
import pg from 'pg';
import { unavailabilityOf } from '../src/errors/database-errors.ts';

const caught = async (run: () => Promise<unknown>) => {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('it did not fail');
};

describe('unavailabilityOf', () => {
  test('a refused connection: the database does not answer', async () => {
    const client = new pg.Client({ connectionString: 'postgres://u@127.0.0.1:1/x' });
    const error = await caught(() => client.connect());
    expect(unavailabilityOf(error)).toBe(
      'the database does not answer: check that it (or db:serve) is running',
    );
  });

  test.if(databaseKinds.includes('server'))('a read-only transaction: 25006', async () => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query('begin read only');
      const error = await caught(() => client.query('create temporary table t (x int)'));
      expect(unavailabilityOf(error)).toStartWith('the database is read-only (25006)');
    } finally {
      await client.query('rollback');
      await client.end();
    }
  });

  test('a full disk, from the server (under drizzle) or the embedded database', () => {
    const server = Object.assign(
      new Error('Failed query: insert … params: connection terminated'),
      {
        query: 'insert …',
        params: ['connection terminated'],
        cause: Object.assign(new Error('could not extend file'), { code: '53100' }),
      },
    );
    expect(unavailabilityOf(server)).toBe(
      'the database disk is full (53100): free space where the database keeps its files',
    );
    const embedded = Object.assign(new Error('ENOSPC: no space left on device, write'), {
      code: 'ENOSPC',
    });
    expect(unavailabilityOf(embedded)).toStartWith('the database disk is full');
  });

  test('a request’s own error, or a message body quoting a lost connection, is not an outage', () => {
    const quoted = Object.assign(
      new Error('Failed query: insert … params: connection terminated'),
      {
        query: 'insert …',
        params: ['connection terminated'],
        cause: Object.assign(new Error('duplicate key'), { code: '23505' }),
      },
    );
    expect(unavailabilityOf(quoted)).toBeUndefined();
    expect(unavailabilityOf(new Error('boom'))).toBeUndefined();
  });
});

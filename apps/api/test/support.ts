/**
 * What the API's tests share: tokens (signed, forged and unsigned), an in-process app on a
 * migrated database of either kind with a `call` that sends a request the way an HTTP client
 * does, people (a user owning an account, with a token), row counts of every table, and the
 * API as a child process.
 */

import { beforeAll } from 'bun:test';
import type { DatabaseClient } from '@fluxcore/db';
import { schemaTableNames } from '@fluxcore/db';
import { accounts, conversations, relationships, users } from '@fluxcore/db/schema';
import {
  createConversation,
  createOwnedAccount,
  type DatabaseKind,
  useMigratedDatabase,
} from '@fluxcore/db/testing';
import { sign } from 'hono/jwt';
import { createApp } from '../src/app.ts';

export const secret = 'test-secret-that-is-long-enough-for-hs256!';

export type Json = Record<string, unknown>;
export interface Reply {
  status: number;
  body: Json;
}

export interface CallOptions {
  token?: string;
  /** Sent as JSON with its Content-Length. */
  body?: unknown;
  /** Sent as given, with its Content-Length. */
  raw?: string;
  /** Sent as a stream of this many bytes with no Content-Length (chunked). */
  chunkedBytes?: number;
  headers?: Record<string, string>;
}

export function tokenFor(userId: unknown, options: { secret?: string; exp?: number } = {}) {
  return sign(
    { sub: userId as string, exp: options.exp ?? Math.floor(Date.now() / 1000) + 3600 },
    options.secret ?? secret,
    'HS256',
  );
}

/** An unsigned token (`alg: none`), as an attacker would forge one. */
export function unsignedToken(userId: string) {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ sub: userId })}.`;
}

/** A stream of `bytes` spaces in 64 KiB chunks, as a chunked upload sends them. */
function chunkedBody(bytes: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      const size = Math.min(64 * 1024, bytes - sent);
      controller.enqueue(new Uint8Array(size).fill(0x20));
      sent += size;
    },
  });
}

/** The row count of every table of the schema. */
export async function rowCounts(client: DatabaseClient): Promise<Record<string, number>> {
  const rows = await client.query<{ table: string; count: number }>(
    schemaTableNames
      .map((name) => `select '${name}' as "table", count(*)::int as "count" from "${name}"`)
      .join(' union all '),
  );
  return Object.fromEntries(rows.map((row) => [row.table, Number(row.count)]));
}

/**
 * The API in-process on a fresh migrated database of `kind` (created before the file's tests,
 * dropped after them). `client` and `app` are set once the database exists.
 */
export function useApi(kind: DatabaseKind) {
  const migrated = useMigratedDatabase(kind);
  const api = {
    client: undefined as unknown as DatabaseClient,
    app: undefined as unknown as ReturnType<typeof createApp>,
    call,
    person,
    pair,
    manyConversations,
    rowCounts: () => rowCounts(api.client),
    ledgerSum,
  };
  beforeAll(() => {
    api.client = migrated.client;
    api.app = createApp({ db: migrated.client, jwtSecret: secret });
  });

  async function call(method: string, path: string, options: CallOptions = {}): Promise<Reply> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization ??= `Bearer ${options.token}`;
    let body: string | ReadableStream<Uint8Array> | undefined = options.raw;
    if (options.body !== undefined) body = JSON.stringify(options.body);
    if (options.body !== undefined || options.chunkedBytes !== undefined) {
      headers['content-type'] ??= 'application/json';
    }
    // What an HTTP client sends with a body; the body limit answers 413 from it.
    if (typeof body === 'string') headers['content-length'] = String(Buffer.byteLength(body));
    if (options.chunkedBytes !== undefined) body = chunkedBody(options.chunkedBytes);
    const response = await api.app.request(path, {
      method,
      headers,
      body,
      duplex: 'half',
    } as RequestInit);
    const text = await response.text();
    try {
      return { status: response.status, body: JSON.parse(text) as Json };
    } catch {
      return { status: response.status, body: { text } };
    }
  }

  /** A user owning an account, with a token naming the user. */
  async function person(label: string) {
    const owned = await createOwnedAccount(api.client.db, label);
    return { ...owned, token: await tokenFor(owned.user.id) };
  }

  /** Two people whose accounts share a conversation. */
  async function pair(first: string, second: string) {
    const [one, two] = [await person(first), await person(second)];
    const { conversation } = await createConversation(
      api.client.db,
      one.account.id,
      two.account.id,
    );
    return { one, two, conversation };
  }

  /** `count` conversations between `accountId` and as many new accounts, in a few statements. */
  async function manyConversations(accountId: string, count: number): Promise<string[]> {
    const tag = crypto.randomUUID().slice(0, 8);
    const db = api.client.db;
    const owners = await db
      .insert(users)
      .values(
        Array.from({ length: count }, (_, i) => ({
          email: `bulk-${tag}-${i}@example.test`,
          passwordHash: 'x',
          name: `bulk ${i}`,
        })),
      )
      .returning({ id: users.id });
    const peers = await db
      .insert(accounts)
      .values(
        owners.map((owner, i) => ({
          ownerUserId: owner.id,
          username: `bulk_${tag}_${i}`,
          displayName: `bulk ${i}`,
        })),
      )
      .returning({ id: accounts.id });
    const links = await db
      .insert(relationships)
      .values(peers.map((peer) => ({ accountAId: accountId, accountBId: peer.id })))
      .returning({ id: relationships.id });
    const created = await db
      .insert(conversations)
      .values(links.map((link) => ({ relationshipId: link.id })))
      .returning({ id: conversations.id });
    return created.map((row) => row.id);
  }

  async function ledgerSum(accountId: string): Promise<number> {
    const [row] = await api.client.query<{ total: string | null }>(
      'select sum(delta) as total from credits_ledger where account_id = $1',
      [accountId],
    );
    return Number(row?.total ?? 0);
  }

  return api;
}

export const apiEntry = new URL('../src/index.ts', import.meta.url).pathname;

/** `bun run src/index.ts` with `env`, read until it prints the address it listens on. */
export async function startApi(env: Record<string, string | undefined>) {
  const child = Bun.spawn(['bun', 'run', apiEntry], {
    env: { ...process.env, FLUXCORE_JWT_SECRET: secret, PORT: '0', ...env },
    stdout: 'pipe',
    stderr: 'pipe',
  });
  const reader = child.stdout.getReader();
  let output = '';
  while (!/listening on (\S+)/.test(output)) {
    const { value, done } = await reader.read();
    if (done) break;
    output += new TextDecoder().decode(value);
  }
  reader.releaseLock();
  return { child, output, base: /listening on (\S+)/.exec(output)?.[1] };
}

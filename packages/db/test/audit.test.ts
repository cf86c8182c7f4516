import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { type AddressInfo, createServer, type Socket } from 'node:net';
import { join } from 'node:path';
import {
  createTestDatabase,
  databaseKinds,
  projectMigrations,
  type TestDatabase,
} from '@fluxcore/db/testing';
import { auditDatabase } from '../src/audit/audit.ts';
import type { AuditReport, Finding } from '../src/audit/compare.ts';
import { plain, renderReport } from '../src/audit/report.ts';
import { readCatalog } from '../src/catalog/logic.ts';
import { normalizeExpression } from '../src/catalog/normalize.ts';
import { openSessions } from '../src/cli/commands/audit.ts';
import type { SqlSession } from '../src/connection/client.ts';
import { type DatabaseConfig, repositoryRoot } from '../src/connection/config.ts';
import { pgvectorMinimum, versionBelow } from '../src/connection/requirements.ts';
import { openReadSession } from '../src/connection/session.ts';
import { schemaTableNames } from '../src/model/tables.ts';
import { runCli, runProcess } from './support/migrations.ts';

const audit = (session: SqlSession, tables?: string[]) =>
  auditDatabase(session, { migrations: projectMigrations, tables });

function findingsOf(report: AuditReport, table: string): Finding[] {
  return report.tables.find((t) => t.name === table)?.findings ?? [];
}

/** Plants a drift inside a transaction, audits, and rolls the drift back. */
async function withDrift(session: SqlSession, ddl: string, check: (report: AuditReport) => void) {
  await session.exec('begin');
  try {
    await session.exec(ddl);
    check(await audit(session));
  } finally {
    await session.exec('rollback');
  }
}

test('expressions normalise to one form, and different ones stay different', () => {
  expect(normalizeExpression(`"t"."status" not in ('completed', 'failed')`)).toBe(
    normalizeExpression(`CHECK ((status <> ALL (ARRAY['completed'::text, 'failed'::text])))`),
  );
  expect(normalizeExpression(`"t"."top_k" between 1 and 100`)).toBe(
    normalizeExpression('CHECK (((top_k >= 1) AND (top_k <= 100)))'),
  );
  expect(normalizeExpression(`lower("email")`)).toBe(normalizeExpression('lower((email)::text)'));
  expect(normalizeExpression(`"t"."balance" >= 0`)).not.toBe(
    normalizeExpression('CHECK ((balance >= 1))'),
  );
  // Only a CHECK keyword is dropped, not a column whose name starts with "check".
  expect(normalizeExpression('checked_at is not null')).not.toBe(
    normalizeExpression('ed_at is not null'),
  );
});

describe.each(databaseKinds)('the audit on the %s database', (kind) => {
  let database: TestDatabase;
  let session: SqlSession;
  beforeAll(async () => {
    // As db:migrate leaves it: a copy of a database migrated once per run.
    database = await createTestDatabase(kind, { onDisk: kind === 'embedded', migratedTo: 'all' });
    session = await database.session();
  });
  afterAll(async () => {
    await session?.close();
    await database?.drop();
  });

  test('a freshly migrated database audits clean', async () => {
    const report = await audit(session);
    expect(report.clean).toBe(true);
    expect(report.summary.ok).toBe(schemaTableNames.length);
    const vector = report.extensions[0];
    expect(report.extensions).toEqual([
      {
        name: 'vector',
        state: 'installed',
        version: expect.any(String),
        available: vector?.version ?? '',
        minimum: pgvectorMinimum,
      },
    ]);
    expect(versionBelow(vector?.version ?? '', pgvectorMinimum)).toBe(false);
    expect(report.criticalFields.map((f) => [`${f.table}.${f.column}`, f.state])).toEqual([
      ['messages.status', 'present'],
      ['messages.from_actor_id', 'present'],
      ['messages.to_actor_id', 'present'],
      ['actors.actor_type', 'present'],
      ['actors.extension_id', 'present'],
      ['actors.display_name', 'present'],
      ['accounts.alias', 'present'],
    ]);
  });

  test('fails when the database has pgvector below the version this package needs', async () => {
    // As a database whose extension was created by an old pgvector and never updated records it.
    await withDrift(
      session,
      "update pg_extension set extversion = '0.7.4' where extname = 'vector'",
      (report) => {
        expect(report.clean).toBe(false);
        expect(report.summary.differences).toBe(1);
        const available = report.extensions[0]?.available ?? '';
        expect(report.extensions).toEqual([
          {
            name: 'vector',
            state: 'outdated',
            version: '0.7.4',
            available,
            minimum: pgvectorMinimum,
          },
        ]);
        expect(renderReport(report, plain)).toContain(
          `    vector: outdated (version 0.7.4, below the ${pgvectorMinimum} this package needs: ALTER EXTENSION vector UPDATE)`,
        );
      },
    );
  });

  test('finds a dropped column, and lists it among the critical fields', async () => {
    // The alias trigger (0042) reads the column: it goes first, so the finding is the column's.
    const drop =
      'drop trigger accounts_alias_from_username on accounts; alter table accounts drop column alias';
    await withDrift(session, drop, (report) => {
      expect(findingsOf(report, 'accounts')).toEqual([
        {
          kind: 'column',
          name: 'alias',
          problem: 'missing',
          expected: 'character varying(100) not null',
          found: 'missing',
        },
      ]);
      expect(report.criticalFields.find((f) => f.column === 'alias')?.state).toBe('missing');
      expect(report.clean).toBe(false);
    });
  });

  test('finds a column of another length', async () => {
    await withDrift(session, 'alter table users alter column name type varchar(100)', (report) => {
      expect(findingsOf(report, 'users')).toEqual([
        {
          kind: 'column',
          name: 'name',
          problem: 'different',
          expected: 'character varying(255) not null',
          found: 'character varying(100) not null',
        },
      ]);
    });
  });

  test('finds a column of another type', async () => {
    await withDrift(
      session,
      'alter table conversations alter column unread_count_a type bigint',
      (report) => {
        const [finding] = findingsOf(report, 'conversations');
        expect(finding).toMatchObject({ name: 'unread_count_a', problem: 'different' });
        expect(finding?.found).toStartWith('bigint not null');
      },
    );
  });

  test('finds a dropped index', async () => {
    await withDrift(session, 'drop index messages_conversation_created_id_idx', (report) => {
      expect(findingsOf(report, 'messages')).toEqual([
        {
          kind: 'index',
          name: 'messages_conversation_created_id_idx',
          problem: 'missing',
          expected: 'USING btree (conversation_id, created_at DESC NULLS LAST, id DESC NULLS LAST)',
          found: 'missing',
        },
        // It was the index messages' row-level security policy reads conversation_id through.
        {
          kind: 'index',
          name: 'messages(conversation_id)',
          problem: 'different',
          expected:
            'an index that leads with conversation_id, which its policy filters on: CREATE INDEX ON messages (conversation_id, …)',
          found: 'none',
        },
      ]);
    });
  });

  test('calls an index equal in definition under another name a rename', async () => {
    await withDrift(
      session,
      'alter index messages_conversation_created_id_idx rename to msgs_page',
      (report) => {
        expect(findingsOf(report, 'messages')).toEqual([
          {
            kind: 'index',
            name: 'messages_conversation_created_id_idx',
            problem: 'renamed',
            expected: 'messages_conversation_created_id_idx',
            found: 'the same index named msgs_page',
          },
        ]);
      },
    );
  });

  test('finds an index with another method', async () => {
    await withDrift(
      session,
      'drop index relationships_account_b_id_idx; create index relationships_account_b_id_idx on relationships using hash (account_b_id)',
      (report) => {
        const [finding] = findingsOf(report, 'relationships');
        expect(finding).toMatchObject({
          kind: 'index',
          name: 'relationships_account_b_id_idx',
          problem: 'different',
        });
        expect(finding?.expected).toBe('USING btree (account_b_id)');
        expect(finding?.found).toBe('USING hash (account_b_id)');
      },
    );
  });

  test('finds a foreign key with another on delete', async () => {
    await withDrift(
      session,
      `alter table messages drop constraint messages_conversation_id_fk;
       alter table messages add constraint messages_conversation_id_fk foreign key (conversation_id)
         references conversations(id) on delete restrict`,
      (report) => {
        expect(findingsOf(report, 'messages')).toEqual([
          {
            kind: 'constraint',
            name: 'messages_conversation_id_fk',
            problem: 'different',
            expected:
              'FOREIGN KEY (conversation_id) REFERENCES conversations(id) ON DELETE CASCADE',
            found: 'FOREIGN KEY (conversation_id) REFERENCES conversations(id) ON DELETE RESTRICT',
          },
        ]);
      },
    );
  });

  test('finds a missing check, and a check that says something else', async () => {
    await withDrift(
      session,
      'alter table credits_wallets drop constraint credits_wallets_balance_check',
      (report) => {
        expect(findingsOf(report, 'credits_wallets')).toEqual([
          {
            kind: 'constraint',
            name: 'credits_wallets_balance_check',
            problem: 'missing',
            expected: 'CHECK ("credits_wallets"."balance" >= 0)',
            found: 'missing',
          },
        ]);
      },
    );
    await withDrift(
      session,
      `alter table credits_wallets drop constraint credits_wallets_balance_check;
       alter table credits_wallets add constraint credits_wallets_balance_check check (balance >= -100)`,
      (report) => {
        expect(findingsOf(report, 'credits_wallets')[0]).toMatchObject({
          problem: 'different',
          found: "CHECK ((balance >= '-100'::integer))",
        });
      },
    );
  });

  test('finds an extra table and a missing table', async () => {
    await withDrift(
      session,
      'create table scratch_notes (id int); drop table message_enrichments',
      (report) => {
        expect(report.tables.find((t) => t.name === 'scratch_notes')?.state).toBe('unexpected');
        expect(report.tables.find((t) => t.name === 'message_enrichments')?.state).toBe('missing');
        expect(report.summary).toMatchObject({ unexpected: 1, missing: 1 });
      },
    );
  });

  test('finds a missing enum value', async () => {
    await withDrift(
      session,
      `alter table conversations alter column status drop default;
       alter type conversation_status rename to conversation_status_old;
       create type conversation_status as enum ('active', 'archived');
       alter table conversations alter column status type conversation_status using status::text::conversation_status;
       alter table conversations alter column status set default 'active';
       drop type conversation_status_old`,
      (report) => {
        expect(report.enums).toEqual([
          {
            kind: 'enum',
            name: 'conversation_status',
            problem: 'different',
            expected: 'active, archived, closed',
            found: 'active, archived',
          },
        ]);
        expect(findingsOf(report, 'conversations')).toEqual([]);
      },
    );
  });

  test('reports a pending migration', async () => {
    await withDrift(
      session,
      `delete from drizzle.__drizzle_migrations where created_at = (select max(created_at) from drizzle.__drizzle_migrations)`,
      (report) => {
        expect(report.migrations).toEqual([
          {
            kind: 'migration',
            name: projectMigrations.at(-1)?.tag ?? '',
            problem: 'missing',
            expected: 'applied',
            found: 'pending',
          },
        ]);
        expect(report.clean).toBe(false);
      },
    );
  });

  test('--table limits the report to the named tables', async () => {
    const report = await audit(session, ['users', 'accounts']);
    expect(report.tables.map((t) => t.name)).toEqual(['accounts', 'users']);
    expect(report.criticalFields.map((f) => f.column)).toEqual(['alias']);
  });

  test('the command reports the legacy table as legacy and exits 0; text has no colour off a terminal', async () => {
    await session.exec('create table extensions (id uuid primary key, name text)');
    await database.release();
    try {
      const run = await runCli('audit', [], database.env);
      expect(run.stdout).toMatch(
        /~ extensions +legacy, read-only \(created by the deprecated migrate-all\.ts/,
      );
      expect(run.stdout).toContain(
        `${schemaTableNames.length} ok, 0 different, 0 missing, 0 unexpected, 1 legacy; 0 difference(s)`,
      );
      expect(run.stdout).not.toContain('\u001b[');
      expect(run.code).toBe(0);
      const json = await runCli('audit', ['--json', '--table', 'extensions'], database.env);
      const document = JSON.parse(json.stdout);
      expect(document).toMatchObject({
        version: 1,
        clean: true,
        tables: [{ name: 'extensions', state: 'legacy' }],
      });
      expect(json.stderr).toStartWith('auditing ');
    } finally {
      session = await database.session();
      await session.exec('drop table extensions');
    }
  });

  test('the catalog read on two connections is the catalog read on one, and so is the audit', async () => {
    // Something in each half of the split: a table with a check, an index and a foreign key
    // (constraints and indexes go to the second connection), a function and its trigger (the
    // first), a view (the second). The embedded database's second session is the same one.
    const second = await database.session();
    await session.exec(`
      create table split_probe (id int primary key, account_id uuid references accounts (id),
        note text check (note <> ''));
      create index split_probe_note_idx on split_probe (lower(note)) where note is not null;
      create function split_probe_touch() returns trigger language plpgsql as $$ begin return new; end $$;
      create trigger split_probe_touch before update on split_probe for each row execute function split_probe_touch();
      create view split_probe_notes as select id, note from split_probe;`);
    try {
      for (const definitions of [false, true]) {
        const one = await readCatalog(session, { definitions });
        const two = await readCatalog(session, { definitions, second });
        expect(two).toEqual(one);
        expect(
          two.schema.tables.get('split_probe')?.indexes.get('split_probe_note_idx'),
        ).toBeDefined();
        expect(two.logic.views.has('public.split_probe_notes')).toBe(true);
      }
      const onOne = await audit(session);
      const onTwo = await auditDatabase(session, { migrations: projectMigrations, second });
      expect(onTwo).toEqual(onOne);
      expect(onTwo.tables.find((table) => table.name === 'split_probe')?.state).toBe('unexpected');
      expect(onTwo.logic.map((f) => `${f.kind} ${f.name} ${f.problem}`)).toContain(
        'view public.split_probe_notes unexpected',
      );
    } finally {
      await session.exec(`drop view split_probe_notes; drop table split_probe;
        drop function split_probe_touch()`);
      await second.close();
    }
  });

  test('bun run db:audit, with the runtime settings of its script, reports what the command reports', async () => {
    // The script turns JavaScriptCore's baseline and optimising JIT off (a process this short
    // gains nothing from them); the embedded database still opens (bun:ffi needs the JIT
    // itself on: BUN_JSC_useJIT=0 would fail here) and the report is the same, word for word.
    await database.release();
    try {
      const command = await runCli('audit', [], database.env);
      expect(command.code).toBe(0);
      for (const cwd of [repositoryRoot, join(repositoryRoot, 'packages/db')]) {
        const script = await runProcess(['bun', 'run', 'db:audit'], database.env, cwd);
        // (From packages/db, bun run first echoes the script: only the root's bunfig silences it.)
        expect(script.stderr).toEndWith(command.stderr);
        expect(script.stdout).toBe(command.stdout);
        expect(script.code).toBe(0);
      }
    } finally {
      session = await database.session();
    }
  });

  test('the command exits 1 on a difference', async () => {
    await session.exec('create table scratch_notes (id int)');
    await database.release();
    try {
      const run = await runCli('audit', [], database.env);
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(/✗ scratch_notes +UNEXPECTED \(not in the schema\)/);
    } finally {
      session = await database.session();
      await session.exec('drop table scratch_notes');
    }
  });
});

describe.if(databaseKinds.includes('server'))('the audit on a server only', () => {
  test('finds the vector extension absent', async () => {
    const database = await createTestDatabase('server', { migratedTo: 'all' });
    const session = await database.session();
    try {
      await withDrift(session, 'drop extension vector cascade', (report) => {
        expect(report.extensions).toEqual([
          {
            name: 'vector',
            state: 'missing',
            version: null,
            available: expect.any(String),
            minimum: pgvectorMinimum,
          },
        ]);
        expect(
          findingsOf(report, 'fluxcore_document_chunks').map(
            (f) => `${f.kind} ${f.name} ${f.problem}`,
          ),
        ).toEqual(['column embedding missing']);
      });
    } finally {
      await session.close();
      await database.drop();
    }
  });

  test('a database restored from pg_dump of a migrated one audits clean', async () => {
    const source = await createTestDatabase('server', { migratedTo: 'all' });
    const target = await createTestDatabase('server');
    try {
      const dump = Bun.spawnSync(['pg_dump', '--no-owner', '-d', source.env.DATABASE_URL ?? '']);
      expect(dump.exitCode).toBe(0);
      const restore = Bun.spawnSync(
        ['psql', '-q', '-v', 'ON_ERROR_STOP=1', '-d', target.env.DATABASE_URL ?? ''],
        {
          stdin: dump.stdout,
        },
      );
      expect(restore.stderr.toString()).toBe('');
      const run = await runCli('audit', [], target.env);
      expect(run.stdout).toContain(
        `${schemaTableNames.length} ok, 0 different, 0 missing, 0 unexpected, 0 legacy; 0 difference(s)`,
      );
      expect(run.code).toBe(0);
    } finally {
      await source.drop();
      await target.drop();
    }
  });

  test('a role allowed one connection gets the same audit on one connection', async () => {
    // db:audit opens two connections at once; a server that refuses either (here the role's
    // CONNECTION LIMIT 1: whichever connects second is refused) gets the audit on the other.
    const database = await createTestDatabase('server', { migratedTo: 'all' });
    const role = `fluxcore_one_connection_${process.pid}`;
    const admin = await database.session();
    try {
      await admin.exec(`create table audit_probe (id int)`);
      await admin.exec(`create role ${role} login connection limit 1;
        grant usage on schema drizzle to ${role};
        grant select on all tables in schema drizzle to ${role}`);
      const limited = new URL(database.env.DATABASE_URL ?? '');
      limited.username = role;
      const owner = await runCli('audit', [], database.env);
      expect(owner.code).toBe(1);
      expect(owner.stdout).toMatch(/✗ audit_probe +UNEXPECTED/);
      for (let i = 0; i < 3; i++) {
        // A finished run's backend may outlive its process for a moment, and it still counts
        // against the limit: wait until the role holds no connection, so each run starts free.
        for (let wait = 0; wait < 100; wait++) {
          const [row] = await admin.query<{ n: number }>(
            'select count(*)::int as n from pg_stat_activity where usename = $1',
            [role],
          );
          if (row?.n === 0) break;
          await Bun.sleep(50);
        }
        const run = await runCli('audit', [], { DATABASE_URL: limited.toString() });
        expect(run.stderr).toStartWith('auditing server ');
        expect(run.stdout).toBe(owner.stdout);
        expect(run.code).toBe(1);
      }
    } finally {
      await admin.exec(`drop owned by ${role}; drop role ${role}`);
      await admin.close();
      await database.drop();
    }
  });

  test('the audit gets whichever of its two connections opens, and the first error when neither does', async () => {
    const database = await createTestDatabase('server');
    const config = database.config;
    if (config.kind !== 'server') throw new Error('a server database');
    const refused: DatabaseConfig = { ...config, url: 'postgres://postgres@127.0.0.1:1/x' };
    try {
      // The first refused, the second open: the audit runs on the second.
      let calls = 0;
      const [only, none] = await openSessions(config, (c) =>
        openReadSession(calls++ === 0 ? refused : c),
      );
      expect(none).toBeUndefined();
      expect(await only.query('select current_database() as name')).toEqual([
        { name: new URL(config.url).pathname.slice(1) },
      ]);
      await only.close();
      // Both open: two backends.
      const [a, b] = await openSessions(config);
      const pids = [
        ...(await a.query<{ pid: number }>('select pg_backend_pid() as pid')),
        ...((await b?.query<{ pid: number }>('select pg_backend_pid() as pid')) ?? []),
      ];
      expect(new Set(pids.map((row) => row.pid)).size).toBe(2);
      await Promise.all([a.close(), b?.close()]);
      // Neither: the first one's error, as one line.
      await expect(openSessions(refused)).rejects.toThrow(
        'cannot reach PostgreSQL at 127.0.0.1:1 (ECONNREFUSED)',
      );
    } finally {
      await database.drop();
    }
  });

  test('a second connection that a pooler holds back does not hold the audit up', async () => {
    // A listener that accepts and never answers, as a pooler out of slots that queues the
    // connection: the audit runs on the first connection and leaves the other behind.
    const database = await createTestDatabase('server');
    const config = database.config;
    const held: Socket[] = [];
    const silent = createServer((socket) => {
      socket.on('error', () => {});
      held.push(socket);
    });
    await new Promise<void>((listening) => silent.listen(0, '127.0.0.1', listening));
    const queued: DatabaseConfig = {
      kind: 'server',
      url: `postgres://postgres@127.0.0.1:${(silent.address() as AddressInfo).port}/queued`,
      applicationName: 'fluxcore-audit',
      poolMax: 1,
    };
    try {
      let calls = 0;
      const opened = await Promise.race([
        openSessions(config, (c) => openReadSession(calls++ === 1 ? queued : c)),
        Bun.sleep(20_000).then(() => 'still waiting' as const),
      ]);
      if (opened === 'still waiting') throw new Error('the audit waited for the held connection');
      const [only, none] = opened;
      expect(none).toBeUndefined();
      expect(await only.query('select 1 as one')).toEqual([{ one: 1 }]);
      await only.close();
    } finally {
      for (const socket of held) socket.destroy();
      silent.close();
      await database.drop();
    }
  });

  test('an unreachable server makes the audit exit 2 with one line', async () => {
    const run = await runCli('audit', [], {
      DATABASE_URL: 'postgres://postgres:pw@127.0.0.1:1/x',
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^error: cannot reach PostgreSQL at 127\.0\.0\.1:1 \(ECONNREFUSED\)/,
    );
    expect(run.stderr).not.toContain('pw@');
  });
});

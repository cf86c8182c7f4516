import { afterAll, afterEach, beforeAll, describe, expect, test } from 'bun:test';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMigratedDatabase, databaseKinds } from '@fluxcore/db/testing';
import { getTableConfig } from 'drizzle-orm/pg-core';
import { renderSvg } from '../src/docs/diagram.ts';
import { buildSchemaDoc, domainHeading, type SchemaDoc } from '../src/docs/model.ts';
import { docsFolder, renderSite, staleDocsProblem, staleSiteFiles } from '../src/docs/site.ts';
import { schemaTableNames, schemaTables } from '../src/model/tables.ts';
import * as chat from '../src/schema/chat/index.ts';
import { legacyTableNames, originalRenames, tablePurposes } from '../src/schema/index.ts';
import { runCli } from './support/migrations.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function tempFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'fluxcore-docs-'));
  cleanups.push(() => rmSync(folder, { recursive: true, force: true }));
  return folder;
}

let doc: SchemaDoc;
let site: Map<string, string>;
beforeAll(async () => {
  doc = await buildSchemaDoc();
  site = (await renderSite()).files;
});

/** `table(columns) -> table(columns)` for every foreign key, as one sorted list. */
const keyLines = (keys: { table: string; columns: string[]; target: string; to: string[] }[]) =>
  keys.map((k) => `${k.table}(${k.columns.join(',')}) -> ${k.target}(${k.to.join(',')})`).sort();

describe('table purposes', () => {
  test('every table of the schema has a one-line purpose', () => {
    const missing = schemaTableNames.filter((name) => !tablePurposes[name]?.trim());
    expect(missing).toEqual([]);
    for (const name of schemaTableNames) expect(tablePurposes[name]).not.toContain('\n');
  });
});

describe('the schema reference (no browser)', () => {
  test('holds every table of the schema, with the columns its Drizzle object declares', () => {
    expect([...doc.tables.keys()].sort()).toEqual(schemaTableNames);
    for (const table of schemaTables) {
      const config = getTableConfig(table);
      const documented = doc.tables.get(config.name);
      expect(documented?.columns.map((c) => c.name)).toEqual(config.columns.map((c) => c.name));
      expect(documented?.purpose).toBe(tablePurposes[config.name] ?? '');
    }
  });

  test('puts each table in the domain of the module that exports it', () => {
    const chatTables = Object.values(chat)
      .filter((value) => schemaTables.includes(value as never))
      .map((value) => getTableConfig(value as (typeof schemaTables)[number]).name)
      .sort();
    const chatDomain = doc.domains.find((domain) => domain.slug === 'chat');
    expect(chatDomain?.title).toBe('Core chat');
    expect(chatDomain?.tables.map((t) => t.name)).toEqual(chatTables);
    expect(doc.domains.flatMap((d) => d.tables.map((t) => t.name)).sort()).toEqual(
      schemaTableNames,
    );
    // In DOMAIN.md's order, read from each module's opening comment.
    const sections = doc.domains.map((d) => d.section);
    expect(sections).toEqual([...sections].sort((a, b) => a - b));
    expect([...new Set(sections)].slice(0, 6)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  test('lists a foreign key out of the child and into the parent (messages → conversations)', () => {
    const key = {
      name: 'messages_conversation_id_fk',
      table: 'messages',
      columns: ['conversation_id'],
      referencedTable: 'conversations',
      referencedColumns: ['id'],
      onDelete: 'cascade',
    };
    expect(doc.tables.get('messages')?.foreignKeysOut).toContainEqual(key);
    expect(doc.tables.get('conversations')?.foreignKeysIn).toContainEqual(key);
    expect(doc.tables.get('conversations')?.foreignKeysOut).not.toContainEqual(key);
  });

  test('its foreign keys in and out are those of the Drizzle objects, every one of them', () => {
    const declared = schemaTables.flatMap((table) =>
      getTableConfig(table).foreignKeys.map((key) => {
        const reference = key.reference();
        return {
          table: getTableConfig(table).name,
          columns: reference.columns.map((c) => c.name),
          target: getTableConfig(reference.foreignTable).name,
          to: reference.foreignColumns.map((c) => c.name),
        };
      }),
    );
    const out = [...doc.tables.values()].flatMap((t) => t.foreignKeysOut);
    const into = [...doc.tables.values()].flatMap((t) => t.foreignKeysIn);
    const asLines = (keys: typeof out) =>
      keyLines(
        keys.map((k) => ({
          table: k.table,
          columns: k.columns,
          target: k.referencedTable,
          to: k.referencedColumns,
        })),
      );
    expect(asLines(out)).toEqual(keyLines(declared));
    expect(asLines(into)).toEqual(keyLines(declared));
    for (const table of doc.tables.values()) {
      for (const key of table.foreignKeysIn) expect(key.referencedTable).toBe(table.name);
    }
  });

  test('each domain page has a section per table, and its diagram a node per table', () => {
    for (const domain of doc.domains) {
      const html = site.get(`${domain.slug}.html`) ?? '';
      for (const table of domain.tables) {
        expect(html).toContain(`<section id="${table.name}" class="table-section">`);
        expect(html).toContain(`<title>${table.name}</title>`);
        expect(html).toContain(`<a xlink:href="#${table.name}"`);
      }
    }
    const index = site.get('index.html') ?? '';
    for (const table of doc.tables.values()) {
      expect(index).toContain(`<a xlink:href="${table.domain}.html#${table.name}"`);
    }
  });

  test('shows the declared renames and the legacy tables on the index page', () => {
    const index = site.get('index.html') ?? '';
    expect(originalRenames.length).toBeGreaterThan(0);
    for (const rename of originalRenames) {
      expect(index).toContain(`<code>${rename.from}</code></td><td><code>${rename.to}</code>`);
    }
    for (const legacy of legacyTableNames) expect(index).toContain(`<code>${legacy}</code>`);
    const resets = site.get(`${doc.tables.get('password_reset_tokens')?.domain}.html`) ?? '';
    expect(resets).toContain('renamed from <code>token</code>');
  });

  test('renders the same bytes twice', async () => {
    const again = (await renderSite()).files;
    expect([...again.keys()]).toEqual([...site.keys()]);
    for (const [name, text] of site) expect(again.get(name)).toBe(text);
  });

  test('refuses a diagram Graphviz warns about, rather than draw it wrong', async () => {
    expect(await renderSvg('digraph { a -> b }')).toStartWith('<svg');
    await expect(
      renderSvg('digraph { a [label=<<TABLE><TR><TD>x</TD></TR></TABLE>>]; a:nope -> b }'),
    ).rejects.toThrow(/^Graphviz could not render a diagram: .*nope/);
  });

  test('reads a domain heading from the module comment', () => {
    expect(domainHeading('/**\n * FluxCore AI (DOMAIN.md §4): assistants\n */', 'x')).toEqual({
      title: 'FluxCore AI',
      section: 4,
    });
    expect(domainHeading('export const a = 1;', 'misc').title).toBe('misc');
  });
});

describe('the Markdown beside the HTML (tbls-style, for GitHub)', () => {
  test('README.md lists every table of every domain, linking its file', () => {
    const readme = site.get('README.md') ?? '';
    for (const domain of doc.domains) expect(readme).toContain(`\n## ${domain.title}\n`);
    for (const table of doc.tables.values()) {
      expect(readme).toContain(
        `| [${table.name}](tables/${table.name}.md) | ${table.columns.length} | ${table.purpose} |`,
      );
    }
  });

  test('a file per table: every column with its type, nullability and comment; keys and indexes', () => {
    for (const table of doc.tables.values()) {
      const text = site.get(`tables/${table.name}.md`) ?? '';
      expect(text).toStartWith(`# ${table.name}\n`);
      for (const column of table.columns) expect(text).toContain(`\n| ${column.name} | `);
      for (const key of table.foreignKeysOut)
        expect(text).toContain(`| ${key.name} | FOREIGN KEY |`);
      for (const index of table.indexes) expect(text).toContain(`| ${index.name} | `);
    }
    const messages = site.get('tables/messages.md') ?? '';
    expect(messages).toMatch(
      /\n\| type \| message_type \(incoming \\\| outgoing \\\| system\) \|[^\n]*\|\n/,
    );
    expect(messages).toMatch(
      /\n\| status \| varchar\(20\) \| 'synced' [^\n]*\| Manual script 007\. \|\n/,
    );
  });

  test("the columns' comments are the schema's doc comments", () => {
    const status = doc.tables.get('messages')?.columns.find((c) => c.name === 'status');
    expect(status?.comment).toBe('Manual script 007.');
    const fromActor = doc.tables.get('messages')?.columns.find((c) => c.name === 'from_actor_id');
    expect(fromActor?.comment).toBe(
      'Manual script 008: the actor model. History survives the actor (set null).',
    );
    // A column without a doc comment has none.
    expect(doc.tables.get('messages')?.columns.find((c) => c.name === 'content')?.comment).toBe(
      undefined,
    );
  });

  test('db:check fails when a Markdown file is stale', async () => {
    const folder = tempFolder();
    cpSync(docsFolder, folder, { recursive: true });
    writeFileSync(join(folder, 'tables', 'messages.md'), 'edited by hand');
    expect(await staleSiteFiles(folder)).toEqual(['tables/messages.md']);
    writeFileSync(join(folder, 'tables', 'old_table.md'), '');
    expect(await staleSiteFiles(folder)).toEqual(['tables/messages.md', 'tables/old_table.md']);
  });
});

describe('db:docs and db:check', () => {
  test('the committed docs/schema is what db:docs writes', async () => {
    expect(await staleSiteFiles(docsFolder)).toEqual([]);
  });

  test('db:docs writes the site into a folder', async () => {
    const folder = tempFolder();
    const run = await runCli('docs', [], { FLUXCORE_DOCS_DIR: folder });
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n').find((line) => line.startsWith('wrote '))).toEndWith(
      `: ${doc.domains.length + 1} pages and ${doc.domains.length + 1} diagrams, ${schemaTableNames.length} tables in ${doc.domains.length} domains`,
    );
    for (const [name, text] of site) expect(readFileSync(join(folder, name), 'utf8')).toBe(text);
  }, 60_000);

  test('db:check fails with one line when a page is edited, and when one is missing', async () => {
    const folder = tempFolder();
    cpSync(docsFolder, folder, { recursive: true });
    writeFileSync(join(folder, 'chat.html'), 'edited by hand');
    const run = await runCli('check', [], { FLUXCORE_DOCS_DIR: folder });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`error: ${staleDocsProblem}\n`);
    expect(staleDocsProblem).toBe('docs/schema is stale: run bun run db:docs');
    rmSync(join(folder, 'chat.html'));
    expect(await staleSiteFiles(folder)).toEqual(['chat.html']);
    writeFileSync(join(folder, 'old.html'), '');
    expect(await staleSiteFiles(folder)).toEqual(['chat.html', 'old.html']);
  }, 60_000);
});

describe.each(databaseKinds)('the reference against a migrated %s database', (kind) => {
  let handle: Awaited<ReturnType<typeof createMigratedDatabase>>;
  beforeAll(async () => {
    handle = await createMigratedDatabase(kind);
  });
  afterAll(async () => {
    await handle?.close();
  });

  test('documents exactly the foreign keys the database holds', async () => {
    const rows = await handle.client.query<{
      table: string;
      columns: string[];
      target: string;
      to: string[];
    }>(`
      select c.conrelid::regclass::text as table, c.confrelid::regclass::text as target,
        array(select a.attname::text from unnest(c.conkey) with ordinality k(n, i)
              join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n order by k.i) as columns,
        array(select a.attname::text from unnest(c.confkey) with ordinality k(n, i)
              join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.n order by k.i) as to
      from pg_constraint c join pg_namespace n on n.oid = c.connamespace
      where c.contype = 'f' and n.nspname = 'public'`);
    expect(rows.length).toBeGreaterThan(50);
    const documented = [...doc.tables.values()].flatMap((t) =>
      t.foreignKeysIn.map((k) => ({
        table: k.table,
        columns: k.columns,
        target: k.referencedTable,
        to: k.referencedColumns,
      })),
    );
    expect(keyLines(documented)).toEqual(keyLines(rows));
  });

  test('documents exactly the row-level security policies the database holds, each on its page', async () => {
    const rows = await handle.client.query<{
      table: string;
      name: string;
      permissive: string;
      command: string;
      roles: string[];
    }>(`
      select tablename as table, policyname as name, permissive, lower(cmd) as command,
        roles::text[] as roles
      from pg_policies where schemaname = 'public'`);
    expect(rows.length).toBeGreaterThan(100);
    const line = (p: {
      table: string;
      name: string;
      as: string;
      command: string;
      roles: string[];
    }) => `${p.table}.${p.name} ${p.as} ${p.command} to ${[...p.roles].sort().join(',')}`;
    const documented = [...doc.tables.values()].flatMap((t) =>
      t.policies.map((p) => line({ table: t.name, ...p })),
    );
    expect(documented.sort()).toEqual(
      rows.map((r) => line({ ...r, as: r.permissive.toLowerCase() })).sort(),
    );
    for (const table of doc.tables.values()) {
      const text = site.get(`tables/${table.name}.md`) ?? '';
      expect(text).toContain('\n## Row-level security\n');
      for (const policy of table.policies) expect(text).toContain(`\n| ${policy.name} | `);
      if (!table.policies.length) expect(text).toContain('\nNo tenant, no row-level security: ');
    }
  });
});

/**
 * Entity-relationship diagrams: DOT generated from the reference, rendered to SVG offline by
 * Graphviz compiled to WebAssembly (@viz-js/viz). Each table node links to its section
 * (DOT's URL attribute), so a click in the picture opens the table's description.
 */
import { instance, type Viz } from '@viz-js/viz';
import { FluxDbError } from '../errors/flux-db-error.ts';
import type { DomainDoc, ForeignKeyDoc, SchemaDoc, TableDoc } from './model.ts';

/** A DOT double-quoted string. */
function quote(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

/** Text inside a DOT HTML-like label. */
function escapeLabel(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The link to a table's section, seen from `page` (a domain's slug, or `index`). */
export function tableHref(table: TableDoc, page: string): string {
  return table.domain === page ? `#${table.name}` : `${table.domain}.html#${table.name}`;
}

const graphHeader = [
  'rankdir=LR',
  'bgcolor="transparent"',
  'fontname="Helvetica"',
  'node [shape=plaintext fontname="Helvetica" fontsize=11]',
  'edge [color="#667085" arrowsize=0.7 fontname="Helvetica" fontsize=9]',
];

/**
 * Columns a domain diagram shows: the primary key, the foreign-key columns, and any other
 * column a foreign key points at (so every edge has a column at both ends).
 */
function keyColumns(table: TableDoc): { name: string; type: string; mark: string }[] {
  const foreign = new Set(table.foreignKeysOut.flatMap((key) => key.columns));
  const referenced = new Set(table.foreignKeysIn.flatMap((key) => key.referencedColumns));
  return table.columns
    .filter(
      (column) =>
        table.primaryKey.includes(column.name) ||
        foreign.has(column.name) ||
        referenced.has(column.name),
    )
    .map((column) => ({
      name: column.name,
      type: column.type,
      mark: [
        table.primaryKey.includes(column.name) ? 'PK' : '',
        foreign.has(column.name) ? 'FK' : '',
      ]
        .filter(Boolean)
        .join(' '),
    }));
}

function tableNode(table: TableDoc, page: string): string {
  const keys = keyColumns(table);
  const others = table.columns.length - keys.length;
  const rows = [
    `<TR><TD BGCOLOR="#1f3a5f" COLSPAN="3"><FONT COLOR="white"><B>${escapeLabel(table.name)}</B></FONT></TD></TR>`,
    ...keys.map(
      (column) =>
        `<TR><TD ALIGN="LEFT" PORT=${quote(column.name)}>${escapeLabel(column.name)}</TD><TD ALIGN="LEFT"><FONT COLOR="#475467">${escapeLabel(column.type)}</FONT></TD><TD ALIGN="LEFT" PORT=${quote(`${column.name}.out`)}><FONT COLOR="#b54708">${column.mark}</FONT></TD></TR>`,
    ),
    ...(others > 0
      ? [
          `<TR><TD ALIGN="LEFT" COLSPAN="3"><FONT COLOR="#475467"><I>${others} more column${others === 1 ? '' : 's'}</I></FONT></TD></TR>`,
        ]
      : []),
  ];
  const label = `<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="4" BGCOLOR="white">${rows.join('')}</TABLE>>`;
  return `${quote(table.name)} [class="table" id=${quote(`node-${table.name}`)} label=${label} URL=${quote(tableHref(table, page))} target="_self" tooltip=${quote(`${table.name}: ${table.purpose}`)}]`;
}

/** A table of another domain that this domain points at: a dashed box linking to its page. */
function externalNode(table: TableDoc, page: string): string {
  return `${quote(table.name)} [class="external" id=${quote(`node-${table.name}`)} shape=box style="dashed,rounded" color="#98a2b3" fontcolor="#475467" label=${quote(table.name)} URL=${quote(tableHref(table, page))} target="_self" tooltip=${quote(`${table.name} (${table.domain}): ${table.purpose}`)}]`;
}

/** An edge per foreign key; with ports, from the key's column to the referenced column. */
function keyEdge(key: ForeignKeyDoc, ports: { tail: boolean; head: boolean }): string {
  const single = key.columns.length === 1 && key.referencedColumns.length === 1;
  // Keys leave a column on its right side and enter the referenced column on its left.
  const tail =
    ports.tail && single
      ? `${quote(key.table)}:${quote(`${key.columns[0] ?? ''}.out`)}:e`
      : quote(key.table);
  const head =
    ports.head && single
      ? `${quote(key.referencedTable)}:${quote(key.referencedColumns[0] ?? '')}:w`
      : quote(key.referencedTable);
  return `${tail} -> ${head} [tooltip=${quote(`${key.name}: ${key.table}(${key.columns.join(', ')}) → ${key.referencedTable}(${key.referencedColumns.join(', ')}), on delete ${key.onDelete}`)}]`;
}

/** DOT for one domain: its tables with their keys, and the tables of other domains they use. */
export function domainDot(doc: SchemaDoc, domain: DomainDoc): string {
  const own = new Set(domain.tables.map((table) => table.name));
  const keys = domain.tables.flatMap((table) => table.foreignKeysOut);
  const external = [...new Set(keys.map((key) => key.referencedTable))]
    .filter((name) => !own.has(name))
    .sort();
  const lines = [
    `digraph ${quote(domain.slug)} {`,
    ...graphHeader,
    ...domain.tables.map((table) => tableNode(table, domain.slug)),
    ...external.map((name) => externalNode(lookup(doc, name), domain.slug)),
    // External nodes show no columns, so an edge to one has no port there.
    ...keys.map((key) => keyEdge(key, { tail: true, head: own.has(key.referencedTable) })),
    '}',
  ];
  return `${lines.join('\n')}\n`;
}

/** DOT for the whole schema: every table by name, one cluster per domain, every foreign key. */
export function schemaDot(doc: SchemaDoc): string {
  const lines = [`digraph "schema" {`, ...graphHeader, 'ranksep=1.2', 'nodesep=0.25'];
  for (const domain of doc.domains) {
    lines.push(
      `subgraph ${quote(`cluster_${domain.slug}`)} {`,
      `label=${quote(domain.title)} style="rounded" color="#98a2b3" fontsize=14 URL=${quote(`${domain.slug}.html`)} target="_self"`,
      ...domain.tables.map(
        (table) =>
          `${quote(table.name)} [class="table" id=${quote(`node-${table.name}`)} shape=box style="rounded,filled" fillcolor="#eef4ff" color="#1f3a5f" label=${quote(table.name)} URL=${quote(tableHref(table, 'index'))} target="_self" tooltip=${quote(`${table.name}: ${table.purpose}`)}]`,
      ),
      '}',
    );
  }
  // One edge per pair of tables, however many keys link them: the overview shows who uses whom.
  for (const table of doc.tables.values()) {
    const byTarget = new Map<string, ForeignKeyDoc[]>();
    for (const key of table.foreignKeysOut) {
      byTarget.set(key.referencedTable, [...(byTarget.get(key.referencedTable) ?? []), key]);
    }
    for (const [target, keys] of [...byTarget].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const names = keys.map((key) => `${key.name} (on delete ${key.onDelete})`).join(', ');
      lines.push(
        `${quote(table.name)} -> ${quote(target)} [tooltip=${quote(`${table.name} → ${target}: ${names}`)}]`,
      );
    }
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

function lookup(doc: SchemaDoc, name: string): TableDoc {
  const table = doc.tables.get(name);
  if (!table) {
    throw new FluxDbError(
      'INVALID_INPUT',
      `a foreign key points at ${name}, which the schema lacks`,
    );
  }
  return table;
}

let vizInstance: Promise<Viz> | undefined;

/** SVG for a DOT graph, without the XML prolog, ready to embed in HTML. */
export async function renderSvg(dot: string): Promise<string> {
  vizInstance ??= instance();
  const viz = await vizInstance;
  const result = viz.render(dot, { format: 'svg', engine: 'dot' });
  // A warning (an unknown port, a bad attribute) means a wrong picture: refuse it too.
  if (result.status !== 'success' || result.errors.length > 0) {
    const message = result.errors.map((error) => error.message.trim()).join('; ');
    throw new FluxDbError('INVALID_INPUT', `Graphviz could not render a diagram: ${message}`);
  }
  return result.output.slice(result.output.indexOf('<svg'));
}

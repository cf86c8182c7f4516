/**
 * The schema reference as files: renders every page and diagram in memory, writes them to
 * docs/schema/, and tells whether the committed copy is current (db:check). The same schema
 * always gives byte-identical files.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { repositoryRoot } from '../config.ts';
import { domainDot, renderSvg, schemaDot } from './diagram.ts';
import { markdownReadme, tableMarkdown } from './markdown.ts';
import { buildSchemaDoc, type SchemaDoc } from './model.ts';
import { domainPage, indexPage, stylesheet } from './pages.ts';
import { searchIndexScript, siteScript } from './scripts.ts';

/** Where db:docs writes and db:check looks: docs/schema/ at the repository root. */
export const docsFolder = join(repositoryRoot, 'docs', 'schema');

export interface Site {
  doc: SchemaDoc;
  /** Every file of the site, by name (sorted), with its contents. */
  files: Map<string, string>;
}

/** A line per phase of a long run (db:docs prints them), with its counts. */
export type Progress = (line: string) => void;

export async function renderSite(progress: Progress = () => {}): Promise<Site> {
  const doc = await buildSchemaDoc();
  const columns = [...doc.tables.values()].reduce((sum, table) => sum + table.columns.length, 0);
  progress(
    `read the schema: ${doc.tables.size} tables, ${columns} columns, ${doc.domains.length} domains`,
  );
  const overview = schemaDot(doc);
  const overviewSvg = await renderSvg(overview);
  const diagrams = [];
  for (const domain of doc.domains) {
    const dot = domainDot(doc, domain);
    diagrams.push({ domain, dot, svg: await renderSvg(dot) });
  }
  progress(`drew ${diagrams.length + 1} diagrams with Graphviz: the overview and one per domain`);
  const files = new Map<string, string>();
  files.set('schema.dot', overview);
  files.set('schema.svg', overviewSvg);
  files.set('index.html', indexPage(doc, overviewSvg));
  for (const { domain, dot, svg } of diagrams) {
    files.set(`${domain.slug}.dot`, dot);
    files.set(`${domain.slug}.svg`, svg);
    files.set(`${domain.slug}.html`, domainPage(doc, domain, svg));
  }
  files.set('style.css', stylesheet);
  files.set('site.js', siteScript);
  files.set('search-index.js', searchIndexScript(doc));
  progress(`rendered ${diagrams.length + 1} pages, with a search over every table and column`);
  files.set('README.md', markdownReadme(doc));
  for (const domain of doc.domains) {
    for (const table of domain.tables) {
      files.set(`tables/${table.name}.md`, tableMarkdown(table, domain));
    }
  }
  progress(`rendered the Markdown for GitHub: README.md and ${doc.tables.size} tables/*.md`);
  return { doc, files: new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1))) };
}

/** Replaces the contents of `folder` with the site. */
export async function writeSite(folder = docsFolder, progress?: Progress): Promise<Site> {
  const site = await renderSite(progress);
  const { files } = site;
  for (const name of filesIn(folder)) {
    if (!files.has(name)) rmSync(join(folder, name), { force: true });
  }
  for (const [name, text] of files) {
    mkdirSync(dirname(join(folder, name)), { recursive: true });
    writeFileSync(join(folder, name), text);
  }
  return site;
}

/** Every file under `folder`, by its path relative to it (`tables/accounts.md`). */
function filesIn(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) =>
      join(entry.parentPath, entry.name).slice(folder.replace(/\/+$/, '').length + 1),
    );
}

/** The names of files in `folder` that differ from a fresh render, are missing, or are extra. */
export async function staleSiteFiles(folder = docsFolder): Promise<string[]> {
  const { files } = await renderSite();
  const stale = filesIn(folder).filter((name) => !files.has(name));
  for (const [name, text] of files) {
    const path = join(folder, name);
    if (!existsSync(path) || readFileSync(path, 'utf8') !== text) stale.push(name);
  }
  return stale.sort();
}

/** The one line db:check prints when the committed reference differs from the schema. */
export const staleDocsProblem = 'docs/schema is stale: run bun run db:docs';

/** db:check's step: a problem line when docs/schema is stale, else a passed line. */
export async function checkSite(
  result: { passed: string[]; problems: string[] },
  folder = docsFolder,
): Promise<void> {
  const stale = await staleSiteFiles(folder);
  if (stale.length > 0) result.problems.push(staleDocsProblem);
  else result.passed.push('docs: docs/schema matches the schema');
}

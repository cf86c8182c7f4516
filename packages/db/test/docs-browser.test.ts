/// <reference lib="dom" />
/**
 * The schema reference in a real browser: Debian's chromium, headless, driven by
 * playwright-core. Without chromium the run skips it and says so in one line at its start and
 * end (support/test-browser.ts); CI sets TEST_BROWSER=chromium, which makes that an error.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import type { SchemaDoc } from '../src/docs/model.ts';
import { writeSite } from '../src/docs/site.ts';
import { browserTested, chromiumPath } from './support/test-browser.ts';

const tested = browserTested();

let folder: string;
let profile: string;
let context: BrowserContext;
let page: Page;
let doc: SchemaDoc;

beforeAll(async () => {
  if (!tested) return;
  folder = mkdtempSync(join(tmpdir(), 'fluxcore-docs-site-'));
  profile = mkdtempSync(join(tmpdir(), 'fluxcore-chromium-'));
  doc = (await writeSite(folder)).doc;
  context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1280, height: 900 },
  });
  page = context.pages()[0] ?? (await context.newPage());
}, 60_000);

afterAll(async () => {
  await context?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
  if (profile) rmSync(profile, { recursive: true, force: true });
});

const url = (name: string) => pathToFileURL(join(folder, name)).href;

/** The names of the diagram's nodes with the given class, from their SVG titles. */
function nodeTitles(kind: 'table' | 'external'): Promise<string[]> {
  return page.$$eval(`#diagram svg g.node.${kind} > title`, (titles) =>
    titles.map((title) => title.textContent ?? '').sort(),
  );
}

/** Clicks a table's node in the diagram; returns where the browser went and what it shows. */
async function clickTable(name: string) {
  await page.locator(`#diagram svg g.node:has(> title:text-is("${name}")) a`).first().click();
  await page.waitForFunction((id) => location.hash === `#${id}`, name);
  return page.evaluate((id) => {
    const section = document.getElementById(id);
    const heading = section?.querySelector('h2');
    const box = heading?.getBoundingClientRect();
    // Visible: the heading is inside the window, and nothing covers its middle.
    const seen =
      box && document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return {
      path: location.pathname.split('/').pop(),
      hash: location.hash,
      target: document.querySelector(':target')?.id,
      visible:
        !!box &&
        box.top >= 0 &&
        box.bottom <= window.innerHeight &&
        !!heading?.contains(seen ?? null),
      heading: heading?.textContent,
    };
  }, name);
}

describe.skipIf(!tested)('the schema reference in chromium', () => {
  test('the overview opens, and its diagram shows every table of the schema', async () => {
    const response = await page.goto(url('index.html'));
    expect(response?.ok()).toBe(true);
    expect(await page.title()).toBe('FluxCore schema');
    expect(await nodeTitles('table')).toEqual([...doc.tables.keys()].sort());
  });

  test("each domain's diagram shows every table of that domain, and the tables it points at", async () => {
    for (const domain of doc.domains) {
      await page.goto(url(`${domain.slug}.html`));
      const own = domain.tables.map((table) => table.name).sort();
      expect(await nodeTitles('table')).toEqual(own);
      const pointedAt = [
        ...new Set(domain.tables.flatMap((t) => t.foreignKeysOut.map((k) => k.referencedTable))),
      ]
        .filter((name) => !own.includes(name))
        .sort();
      expect(await nodeTitles('external')).toEqual(pointedAt);
    }
  });

  test("a table's node in a domain diagram leads to its section", async () => {
    for (const domain of doc.domains) {
      await page.goto(url(`${domain.slug}.html`));
      // The last table's section is the farthest from the diagram.
      const table = domain.tables.at(-1)?.name ?? '';
      expect(await clickTable(table)).toEqual({
        path: `${domain.slug}.html`,
        hash: `#${table}`,
        target: table,
        visible: true,
        heading: table,
      });
    }
  });

  test("a table's node in the overview leads to its section on its domain's page", async () => {
    await page.goto(url('index.html'));
    const messages = doc.tables.get('messages');
    expect(await clickTable('messages')).toEqual({
      path: `${messages?.domain}.html`,
      hash: '#messages',
      target: 'messages',
      visible: true,
      heading: 'messages',
    });
  });

  test("a table of another domain in a diagram leads to that domain's page", async () => {
    const accounts = doc.tables.get('accounts');
    const domain = doc.domains.find(
      (d) =>
        d.slug !== accounts?.domain &&
        d.tables.some((t) => t.foreignKeysOut.some((k) => k.referencedTable === 'accounts')),
    );
    expect(domain).toBeDefined();
    await page.goto(url(`${domain?.slug}.html`));
    expect(await clickTable('accounts')).toEqual({
      path: `${accounts?.domain}.html`,
      hash: '#accounts',
      target: 'accounts',
      visible: true,
      heading: 'accounts',
    });
  });

  /** The diagram's scale and offset, as site.js set them. */
  const view = () =>
    page.evaluate(() => {
      const box = document.getElementById('diagram');
      const transform = box?.querySelector('svg')?.style.transform ?? '';
      const [x, y] = (/translate\(([-\d.e]+)px, ?([-\d.e]+)px\)/.exec(transform) ?? [])
        .slice(1)
        .map(Number);
      return { scale: Number(box?.dataset.scale), x, y };
    });

  test('the overview of every table can be zoomed with its buttons and the wheel, and dragged', async () => {
    await page.goto(url('index.html'));
    const fitted = await view();
    // Fitted into its box at first: all 61 tables in sight.
    expect(fitted.scale).toBeGreaterThan(0);
    expect(fitted.scale).toBeLessThanOrEqual(1);
    await page.click('[data-zoom="in"]');
    expect((await view()).scale).toBeCloseTo(fitted.scale * 1.25, 2);
    const box = await page.locator('#diagram').boundingBox();
    if (!box) throw new Error('no diagram box');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -200);
    await page.waitForFunction(
      (s) => Number(document.getElementById('diagram')?.dataset.scale) > s,
      fitted.scale * 1.25,
    );
    const zoomed = await view();
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 - 150, box.y + box.height / 2 - 80, { steps: 5 });
    await page.mouse.up();
    const moved = await view();
    expect(moved.scale).toBe(zoomed.scale);
    expect((moved.x ?? 0) - (zoomed.x ?? 0)).toBeCloseTo(-150, 0);
    expect((moved.y ?? 0) - (zoomed.y ?? 0)).toBeCloseTo(-80, 0);
    // The drag ended over the diagram: no table's link was followed.
    expect(page.url()).toEndWith('index.html');
    await page.click('[data-zoom="fit"]');
    expect(await view()).toEqual(fitted);
  });

  /** Types into the search box; returns the results it lists. */
  async function search(query: string): Promise<{ text: string; href: string }[]> {
    await page.fill('#search', query);
    return page.$$eval('#search-results a', (links) =>
      links.map((link) => ({
        text: link.firstChild?.textContent ?? '',
        href: link.getAttribute('href') ?? '',
      })),
    );
  }

  test('the search box finds a table, a column, and a column by its comment', async () => {
    await page.goto(url('chat.html'));
    const ledger = doc.tables.get('credits_ledger');
    const tables = await search('credits_led');
    expect(tables[0]).toEqual({
      text: 'credits_ledger',
      href: `${ledger?.domain}.html#credits_ledger`,
    });
    const columns = await search('wallet_id');
    expect(columns.map((result) => result.text)).toContain('credits_ledger.wallet_id');
    const commented = await search('manual script 007');
    expect(commented.map((result) => result.text)).toEqual(['messages.status']);
    expect(await search('no such thing anywhere')).toEqual([]);
    // Enter opens the first result.
    await search('credits_ledger');
    await page.press('#search', 'Enter');
    await page.waitForFunction(() => location.hash === '#credits_ledger');
    expect(page.url()).toEndWith(`${ledger?.domain}.html#credits_ledger`);
  });

  test("a column's doc comment in the schema shows in its table's section", async () => {
    await page.goto(url('chat.html'));
    const row = await page
      .locator('#messages tr', {
        has: page.locator('td:first-child code', { hasText: /^status$/ }),
      })
      .textContent();
    expect(row).toContain('Manual script 007.');
  });
});

/**
 * bun test preload (bunfig.toml): for a bare `bun test`, decides which database kinds the run
 * tests (test-kinds.ts) and whether it drives a browser (test-browser.ts) before any test file
 * loads, and says in one line, at the start and at the end, what it skips. `bun run test`
 * decides once, before its workers start (test-run.ts), and sets TEST_DATABASES and
 * TEST_BROWSER, so each worker finds it decided.
 * A bun test run in one process owns the templates its tests copy (src/testing/templates.ts)
 * and drops them after its last test; `bun run test` drops those of its workers itself.
 */
import { afterAll } from 'bun:test';
import { adminUrl, dropOwnedTemplates, templateOwner } from '../../src/testing/template-owners.ts';
import { decideBrowser } from './test-browser.ts';
import { decideKinds } from './test-kinds.ts';

const requested = process.env.TEST_DATABASES?.trim() || undefined;
const decision = await decideKinds(requested);
const browser = decideBrowser();
const error = decision.error ?? browser.error;
if (error) {
  process.stderr.write(`${error}\n`);
  process.exit(1);
}
if (decision.kinds) process.env.TEST_DATABASES = decision.kinds;
for (const line of [decision.skipped, browser.skipped]) {
  if (!line) continue;
  console.log(line);
  afterAll(() => console.log(line));
}
if (templateOwner() === process.pid) {
  const server = process.env.TEST_DATABASES?.includes('server');
  afterAll(() => dropOwnedTemplates(process.pid, server ? adminUrl : undefined));
}

/**
 * `bun run test`: decides the database kinds (test-kinds.ts) and the browser (test-browser.ts)
 * once, says in one line what it skips, then runs bun test on two workers with that decision,
 * and says it again after bun's counts. Arguments are passed on to bun test.
 * The workers' tests copy templates (src/testing/templates.ts) owned by this process
 * (FLUXCORE_TEST_OWNER): it drops them once bun test is done, or stopped by Ctrl-C or SIGTERM.
 */
import { adminUrl, dropOwnedTemplates } from '../../src/testing/template-owners.ts';
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
const skipped = [decision.skipped, browser.skipped].filter((line) => line !== undefined);
for (const line of skipped) console.log(line);
const kinds = decision.kinds ?? requested ?? 'embedded,server';
const child = Bun.spawn(
  ['bun', 'test', '--timeout', '300000', '--parallel=2', ...process.argv.slice(2)],
  {
    env: {
      ...process.env,
      TEST_DATABASES: kinds,
      FLUXCORE_TEST_OWNER: String(process.pid),
      ...(browser.skipped ? { TEST_BROWSER: 'skip' } : {}),
    },
    stdio: ['inherit', 'inherit', 'inherit'],
  },
);
// Ctrl-C reaches bun test too (same process group); a SIGTERM is passed on. Either way this
// process stays to clean up once bun test has stopped.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => child.kill(signal));
}
const code = await child.exited;
await dropOwnedTemplates(process.pid, kinds.includes('server') ? adminUrl : undefined).catch(
  (error: Error) => console.error(`could not drop the test templates: ${error.message}`),
);
for (const line of skipped) console.log(line);
process.exit(code);

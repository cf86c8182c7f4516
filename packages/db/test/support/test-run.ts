/**
 * `bun run test`: decides the database kinds (test-kinds.ts) and the browser (test-browser.ts)
 * once, says in one line what it skips, then runs bun test on two workers with that decision,
 * and says it again after bun's counts. Arguments are passed on to bun test.
 */
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
const child = Bun.spawn(
  ['bun', 'test', '--timeout', '300000', '--parallel=2', ...process.argv.slice(2)],
  {
    env: {
      ...process.env,
      TEST_DATABASES: decision.kinds ?? requested ?? 'embedded,server',
      ...(browser.skipped ? { TEST_BROWSER: 'skip' } : {}),
    },
    stdio: ['inherit', 'inherit', 'inherit'],
  },
);
const code = await child.exited;
for (const line of skipped) console.log(line);
process.exit(code);

/**
 * `bun run test`: decides the database kinds once (test-kinds.ts), says so in one line, then
 * runs bun test on two workers with that decision, and says it again after bun's counts.
 * Arguments are passed on to bun test.
 */
import { decideKinds } from './test-kinds.ts';

const requested = process.env.TEST_DATABASES?.trim() || undefined;
const decision = await decideKinds(requested);
if (decision.error) {
  process.stderr.write(`${decision.error}\n`);
  process.exit(1);
}
if (decision.skipped) console.log(decision.skipped);
const child = Bun.spawn(
  ['bun', 'test', '--timeout', '300000', '--parallel=2', ...process.argv.slice(2)],
  {
    env: { ...process.env, TEST_DATABASES: decision.kinds ?? requested ?? 'embedded,server' },
    stdio: ['inherit', 'inherit', 'inherit'],
  },
);
const code = await child.exited;
if (decision.skipped) console.log(decision.skipped);
process.exit(code);

/**
 * bun test preload (bunfig.toml): for a bare `bun test`, decides which database kinds the run
 * tests before any test file loads (test-kinds.ts). `bun run test` decides once, before its
 * workers start (test-run.ts), and sets TEST_DATABASES, so each worker finds it decided.
 */
import { afterAll } from 'bun:test';
import { decideKinds } from './test-kinds.ts';

const requested = process.env.TEST_DATABASES?.trim() || undefined;
const decision = await decideKinds(requested);
if (decision.error) {
  process.stderr.write(`${decision.error}\n`);
  process.exit(1);
}
if (decision.kinds) process.env.TEST_DATABASES = decision.kinds;
if (decision.skipped) {
  const line = decision.skipped;
  console.log(line);
  afterAll(() => console.log(line));
}

/** Run by testing-new-machine.test.ts through `bun test`: prints the kinds the preload left. */
import { expect, test } from 'bun:test';
import { databaseKinds } from '@fluxcore/db/testing';

test('the kinds this run tests', () => {
  console.log(`kinds: ${databaseKinds.join(',')}`);
  expect(databaseKinds).toContain('embedded');
});

/**
 * The order an online converge runs its plan in (no database): an index the schema no longer
 * has is dropped only after the new indexes are built, so the app's queries always have one of
 * them (issue 26: on the May lineage, the page of messages became a scan of the table between
 * the two, and the short-timeout steps on `messages` could not get their locks).
 */
import { describe, expect, test } from 'bun:test';
import { makeStep } from '../src/converge/steps/kind.ts';
import { dropsAfterBuilds } from '../src/online/converge.ts';

const drop = (name: string) =>
  makeStep('drop-index', 'drop', 'messages', `drop index ${name}`, [`drop index "${name}"`]);
const build = (name: string) =>
  makeStep('create-index', 'constrain', 'messages', `create index ${name}`, [
    `create index "${name}" on "messages" using btree ("conversation_id")`,
  ]);
const other = (what: string) => makeStep('secure', 'logic', 'messages', what, [what]);

describe('dropsAfterBuilds', () => {
  test('an index drop moves after the last index build; the rest keeps its order', () => {
    const steps = [
      drop('idx_messages_conversation'),
      other('grant one'),
      build('messages_conversation_created_id_idx'),
      drop('idx_messages_metadata'),
      build('idx_messages_parent'),
      other('grant two'),
    ];
    expect(dropsAfterBuilds(steps).map((s) => s.summary)).toEqual([
      'grant one',
      'create index messages_conversation_created_id_idx',
      'create index idx_messages_parent',
      'drop index idx_messages_conversation',
      'drop index idx_messages_metadata',
      'grant two',
    ]);
  });

  test('a drop whose name a build reuses, or a plan with no build, keeps its order', () => {
    const reused = [drop('idx_x'), other('grant'), build('idx_x')];
    expect(dropsAfterBuilds(reused)).toEqual(reused);
    const none = [drop('idx_y'), other('grant')];
    expect(dropsAfterBuilds(none)).toEqual(none);
  });
});

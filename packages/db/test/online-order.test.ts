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

  test('a drop a retype could not rebuild keeps its place; a btree a retype rebuilds moves', () => {
    const retype = makeStep('retype', 'retype', 'messages', 'retype messages', [
      'alter table "messages" alter column "created_at" type timestamptz, alter column "embedding" type vector',
    ]);
    const steps = [
      drop('idx_messages_conversation'),
      drop('idx_messages_embedding'),
      drop('idx_messages_lower'),
      retype,
      build('messages_conversation_created_id_idx'),
    ];
    const reads = new Map([
      [
        'idx_messages_conversation',
        { columns: ['conversation_id', 'created_at'], expression: false, method: 'btree' },
      ],
      ['idx_messages_embedding', { columns: ['embedding'], expression: false, method: 'hnsw' }],
      ['idx_messages_lower', { columns: [], expression: true, method: 'btree' }],
    ]);
    expect(dropsAfterBuilds(steps, reads).map((s) => s.summary)).toEqual([
      'drop index idx_messages_embedding',
      'drop index idx_messages_lower',
      'retype messages',
      'create index messages_conversation_created_id_idx',
      'drop index idx_messages_conversation',
    ]);
  });

  test('a drop whose name a build reuses, or a plan with no build, keeps its order', () => {
    const reused = [drop('idx_x'), other('grant'), build('idx_x')];
    expect(dropsAfterBuilds(reused)).toEqual(reused);
    const none = [drop('idx_y'), other('grant')];
    expect(dropsAfterBuilds(none)).toEqual(none);
  });
});

/**
 * A May-lineage database at FluxCore's scale: the reference generator's rows (every table,
 * seeded), then `messages` grown to any size on the server itself, in batches of
 * `generate_series`, so a million rows take seconds of SQL rather than minutes of client
 * round trips. New conversations (one per 250 messages) copy the generator's ones, and each
 * gets the sender, type, generator and status of one of the generator's messages; the
 * messages are spread over them unevenly, as in a real inbox: a few conversations hold most.
 */
import type { FullCatalog } from '../catalog/logic.ts';
import type { SqlSession } from '../connection/client.ts';
import { generateReferenceData } from './reference-data.ts';

export interface MayFill {
  /** Rows the generator wrote, all tables. */
  generatedRows: number;
  /** Messages in the end. */
  messages: number;
  /** Conversations added, each with one sender, that the new messages are spread over. */
  conversations: number;
}

/** The new conversations: one per this many messages (4,000 for a million). */
const messagesPerConversation = 250;

/** Rows per `insert … select generate_series` statement. */
const batchRows = 100_000;

/**
 * Fills a database that holds the May catalog (built by the original's files or loaded from
 * the fixture) with the generator's rows and then `messages` up to `messages` rows. The
 * original's triggers are held off while it writes (session_replication_role), as
 * scripts/lineage-rows.ts does: the generator writes the counters itself.
 */
export async function fillMayDatabase(
  session: SqlSession,
  target: FullCatalog,
  options: { messages: number; seed: number; log?: (line: string) => void },
): Promise<MayFill> {
  await session.exec('set session_replication_role = replica');
  const data = await generateReferenceData(session, target, {
    seed: options.seed,
    messages: Math.min(options.messages, 2_000),
  });
  const generatedRows = [...data.rows.values()].reduce((sum, n) => sum + n, 0);
  const conversations = Math.max(1, Math.round(options.messages / messagesPerConversation));
  await session.exec(`create temporary table may_fill_shapes as
    select row_number() over (order by conversation_id, sender_account_id) - 1 as n, *
    from (select distinct on (conversation_id, sender_account_id)
            conversation_id, sender_account_id, type, generated_by, status, event_type
          from messages order by conversation_id, sender_account_id, created_at) shapes`);
  // New conversations, each a copy of a generated one (its relationship, channel, owner).
  await session.query(
    `create temporary table may_fill_pairs as
     select k as n, gen_random_uuid() as conversation_id, s.conversation_id as copied_from,
            s.sender_account_id, s.type, s.generated_by, s.status, s.event_type
     from generate_series(0, $1::int - 1) as k
     join may_fill_shapes s on s.n = k % (select count(*) from may_fill_shapes)`,
    [conversations],
  );
  await session.exec(`insert into conversations (id, relationship_id, channel, status,
      conversation_type, metadata, owner_account_id, created_at, updated_at)
    select p.conversation_id, c.relationship_id, c.channel, c.status, c.conversation_type,
           c.metadata, c.owner_account_id, c.created_at, c.updated_at
    from may_fill_pairs p join conversations c on c.id = p.copied_from`);
  const [counts] = await session.query<{ pairs: number; have: number }>(
    `select (select count(*)::int from may_fill_pairs) as pairs,
            (select count(*)::int from messages) as have`,
  );
  const pairs = counts?.pairs ?? 0;
  if (pairs === 0) throw new Error('the generator wrote no messages to copy the shape of');
  let have = counts?.have ?? 0;
  await session.query('select setseed($1)', [((options.seed % 1000) + 1) / 1001]);
  while (have < options.messages) {
    const rows = Math.min(batchRows, options.messages - have);
    await session.query(insertBatch, [have, have + rows - 1, pairs]);
    have += rows;
    options.log?.(
      `  messages: ${have.toLocaleString('en')} of ${options.messages.toLocaleString('en')}`,
    );
  }
  await session.exec(
    'drop table may_fill_pairs, may_fill_shapes; reset session_replication_role; analyze',
  );
  return { generatedRows, messages: have, conversations: pairs };
}

/**
 * One batch: rows $1..$2 of the series, each given a pair drawn with a square skew (the
 * first pairs get the most), a text of its own and a time one to ten seconds after the last.
 */
const insertBatch = `
  insert into messages (conversation_id, sender_account_id, content, type, generated_by,
                        status, event_type, created_at)
  select p.conversation_id, p.sender_account_id,
         jsonb_build_object('text', 'message ' || g || ' of the load fill'),
         p.type, p.generated_by, p.status, p.event_type,
         timestamp '2026-01-01' + g * interval '3 seconds'
  from (select g, floor(power(random(), 2) * $3)::bigint as n
        from generate_series($1::bigint, $2::bigint) as g) draws
  join may_fill_pairs p on p.n = draws.n`;

import { relations, sql } from 'drizzle-orm';
import { bigint, check, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, reference, rowSchemas } from '../columns.ts';
import { mediaTypeEnum } from './constants.ts';
import { messages } from './messages.ts';

export type MediaMetadata = {
  width?: number;
  height?: number;
  durationMs?: number;
  [key: string]: unknown;
};

/** Manual script 012 (PC-9): attachments of a message. */
export const mediaAttachments = pgTable(
  'media_attachments',
  {
    id: id(),
    /** Null until the message is sent: February's file upload writes the attachment first. */
    messageId: uuid('message_id'),
    type: mediaTypeEnum('type').notNull(),
    url: text('url').notNull(),
    filename: text('filename'),
    mimeType: text('mime_type'),
    sizeBytes: bigint('size_bytes', { mode: 'number' }),
    /** Audio: the peaks the player draws, bare or under `samples` (as the original's upload writes them). */
    waveformData: jsonb('waveform_data').$type<number[] | { samples: number[] }>().default([]),
    durationSeconds: integer('duration_seconds'),
    thumbnailUrl: text('thumbnail_url'),
    metadata: jsonb('metadata').$type<MediaMetadata>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [
    ...reference(t.messageId, () => messages.id, 'cascade'),
    check('media_attachments_size_check', sql`${t.sizeBytes} is null or ${t.sizeBytes} >= 0`),
  ],
);

export const mediaAttachmentsRelations = relations(mediaAttachments, ({ one }) => ({
  message: one(messages, { fields: [mediaAttachments.messageId], references: [messages.id] }),
}));

export type MediaAttachment = typeof mediaAttachments.$inferSelect;
export type NewMediaAttachment = typeof mediaAttachments.$inferInsert;

export const mediaAttachmentSchemas = rowSchemas(mediaAttachments);

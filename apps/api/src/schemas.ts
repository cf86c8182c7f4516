/**
 * The zod schemas of every request and response body. Rows are described by the package's
 * drizzle-zod schemas (`<thing>Schemas.select`), and string limits come from the same
 * column definitions, so a column change reaches the API's validation with no second list.
 */
import {
  conversationListLimits,
  decodeMessageCursor,
  internalAccessScopes,
  messagePageLimits,
} from '@fluxcore/db';
import {
  accountDeletionJobSchemas,
  aiSessionFeatureKey,
  conversationSchemas,
  creditsConversationSessionSchemas,
  creditsLedgerEntrySchemas,
  creditsPolicySchemas,
  type MessageGenerator,
  type MessageType,
  mediaTypes,
  messageGenerators,
  messageSchemas,
  messageTypes,
} from '@fluxcore/db/schema';
import { z } from 'zod';

/**
 * PostgreSQL text cannot hold U+0000, and UTF-8 cannot hold a lone surrogate ("a\ud800b"):
 * refuse both here rather than fail (or be silently altered) in the database.
 */
const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const withoutNul = <T extends z.ZodType<string>>(schema: T) =>
  schema
    .refine((value) => !value.includes('\u0000'), 'must not contain NUL characters')
    .refine((value) => !loneSurrogate.test(value), 'must be valid Unicode (no lone surrogates)');

const text = (max: number) => withoutNul(z.string().min(1).max(max));

// ------------------------------------------------------------------------------------------
// Requests
// ------------------------------------------------------------------------------------------

/**
 * A uuid as PostgreSQL's uuid type takes it: any 128-bit id in hex (z.guid()), not only RFC 9562
 * versions and variants (z.uuid()), since the original's rows hold md5-derived and hand-made
 * ids. Lower-cased: ids compare equal to the database's (which prints them lower case).
 */
export const uuid = () => z.guid().transform((value) => value.toLowerCase());

export const idParam = z.strictObject({ id: uuid() });

const limit = (limits: { default: number; max: number }) =>
  z.coerce.number().int().min(1).max(limits.max).default(limits.default);

export const conversationsQuery = z.object({ limit: limit(conversationListLimits) });

export const messagesQuery = z.object({
  limit: limit(messagePageLimits),
  cursor: z
    .string()
    .max(200)
    .refine((value) => decodeMessageCursor(value) !== null, 'is not a cursor this API issued')
    .optional(),
});

const messageContent = z
  .strictObject({
    text: text(4000).optional(),
    media: z
      .array(
        z.strictObject({
          type: z.enum(mediaTypes),
          url: withoutNul(z.url({ protocol: /^https?$/ }).max(2000)),
          caption: text(1000).optional(),
        }),
      )
      .max(10)
      .optional(),
    buttons: z
      .array(z.strictObject({ id: text(100), text: text(100), action: text(200) }))
      .max(10)
      .optional(),
  })
  .refine(
    (content) => content.text !== undefined || (content.media?.length ?? 0) > 0,
    'a message needs text or media',
  )
  // The stored content always has a text, empty for a media-only message (as the original's).
  .transform((content) => ({ ...content, text: content.text ?? '' }));

/**
 * What a client may say about its message. `system` messages and `automation` come from the
 * server itself: a client claiming either is refused, never stored.
 */
const clientMessageTypes = messageTypes.filter((type) => type !== 'system');
const clientGenerators = messageGenerators.filter((generator) => generator !== 'automation');

export const postMessageBody = z.strictObject({
  senderAccountId: uuid(),
  content: messageContent,
  type: z
    .enum(clientMessageTypes as [MessageType, ...MessageType[]], {
      error: `must be one of ${clientMessageTypes.join(', ')} (system messages come from the server)`,
    })
    .optional(),
  generatedBy: z
    .enum(clientGenerators as [MessageGenerator, ...MessageGenerator[]], {
      error: `must be one of ${clientGenerators.join(', ')} (automation is the server's own)`,
    })
    .optional(),
});

const idempotencyKey = withoutNul(
  creditsLedgerEntrySchemas.select.shape.idempotencyKey.unwrap().min(1),
);

export const grantBody = z.strictObject({
  amount: z.number().int().min(1).max(1_000_000),
  reason: text(500),
  idempotencyKey,
});

export const gatingBody = z.strictObject({
  /** The side of the conversation that pays. */
  accountId: uuid(),
  engine: withoutNul(creditsPolicySchemas.select.shape.engine.min(1)),
  model: withoutNul(creditsPolicySchemas.select.shape.model.min(1)),
  featureKey: withoutNul(creditsPolicySchemas.select.shape.featureKey.min(1)).default(
    aiSessionFeatureKey,
  ),
  idempotencyKey: idempotencyKey.optional(),
});

export const deletionBody = z.strictObject({ reason: text(500).optional() });

// ------------------------------------------------------------------------------------------
// Responses
// ------------------------------------------------------------------------------------------

export const errorCodes = [
  'invalid_input',
  'unauthorized',
  'forbidden',
  'not_found',
  'payload_too_large',
  'insufficient_credits',
  'no_policy',
  'not_participant',
  'idempotency_key_conflict',
  'account_protected',
  'conflict',
  'rate_limited',
  'unavailable',
  'internal',
] as const;

export const errorResponse = z.strictObject({
  error: z.enum(errorCodes),
  message: z.string(),
  /** zod's issues, for invalid input. */
  issues: z
    .array(z.object({ code: z.string(), path: z.array(z.union([z.string(), z.number()])) }).loose())
    .optional(),
  balance: z.number().int().optional(),
  required: z.number().int().optional(),
  scope: z.enum(internalAccessScopes).optional(),
});
export type ErrorBody = z.input<typeof errorResponse>;

export const healthResponse = z.strictObject({
  status: z.enum(['ok', 'degraded', 'unavailable']),
  database: z.enum(['embedded', 'server']),
  /** A write went through (a temporary table, rolled back); false when read-only or full. */
  writable: z.boolean().optional(),
  migrations: z
    .strictObject({
      total: z.number().int(),
      applied: z.number().int(),
      pending: z.number().int(),
      problems: z.boolean(),
    })
    .optional(),
  message: z.string().optional(),
});

export const conversationsResponse = z.strictObject({
  conversations: z.array(
    conversationSchemas.select.extend({
      counterpartAccountId: z.guid(),
      unreadCount: z.number().int().min(0),
    }),
  ),
});

export const messagesResponse = z.strictObject({
  messages: z.array(messageSchemas.select),
  nextCursor: z.string().nullable(),
});

export const messageCreatedResponse = z.strictObject({ message: messageSchemas.select });

export const creditsResponse = z.strictObject({
  accountId: z.guid(),
  balance: z.number().int().min(0),
});

export const grantResponse = z.strictObject({
  balance: z.number().int().min(0),
  entry: creditsLedgerEntrySchemas.select,
  /** True when the idempotency key was used before and nothing was granted now. */
  duplicate: z.boolean(),
});

export const gatingResponse = z.strictObject({
  session: creditsConversationSessionSchemas.select,
  /** True when this call paid for the session; false when it reused one. */
  charged: z.boolean(),
  balance: z.number().int().min(0),
});

export const deletionResponse = z.strictObject({
  job: accountDeletionJobSchemas.select,
  /** True when a job for the account was already under way. */
  alreadyRequested: z.boolean(),
});

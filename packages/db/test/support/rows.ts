/**
 * Assertions the schema tests share: a row's generated id and timestamps, the one row a
 * statement returned, a write refused by the named constraint, embeddings compared at
 * pgvector's precision, and a drizzle-zod insert schema that accepts a payload and refuses one
 * field of it.
 */
import { expect } from 'bun:test';

/** gen_random_uuid() makes version 4 uuids. */
export const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The one row an `insert … returning()` or a lookup gave back. */
export function single<T>(rows: T[]): T {
  expect(rows).toHaveLength(1);
  return rows[0] as T;
}

/** A timestamp the database just set: a Date close to the test's own clock. */
export function expectRecent(moment: Date) {
  expect(moment).toBeInstanceOf(Date);
  expect(Math.abs(moment.getTime() - Date.now())).toBeLessThan(5 * 60_000);
}

/**
 * The write must fail, and because of the named constraint (or unique index): a rejection for
 * another reason, such as a foreign key or a typo in the fixture, would prove nothing.
 */
export async function expectRefusedBy(write: PromiseLike<unknown>, constraint: string) {
  // Drizzle queries are lazy thenables that run again on every `then`: settle this one once.
  const attempt = Promise.resolve(write);
  await expect(attempt).rejects.toThrow();
  const error = await attempt.catch((caught: unknown) => caught);
  expect((error as { cause?: { constraint?: string } }).cause?.constraint).toBe(constraint);
}

/** pgvector stores single precision floats: compare embeddings at that precision. */
export const asFloat32 = (values: number[]) => values.map((value) => Math.fround(value));

/** Two ids for payloads no database sees. */
export const someId = '3f1c2a4e-8b7d-4c6e-9a5b-1d2e3f4a5b6c';
export const otherId = '7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d';

/** The payload parses; with `field` set to `invalid`, it fails, on that field alone. */
export function expectAcceptedThenRefusedOn(
  schema: {
    safeParse(value: unknown): {
      success: boolean;
      error?: { issues: { path: PropertyKey[] }[] };
    };
  },
  payload: Record<string, unknown>,
  field: string,
  invalid: string,
) {
  expect(schema.safeParse(payload).success).toBe(true);
  const refused = schema.safeParse({ ...payload, [field]: invalid });
  expect(refused.success).toBe(false);
  expect(refused.error?.issues.map((issue) => issue.path.join('.'))).toEqual([field]);
}

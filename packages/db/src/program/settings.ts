/**
 * A program's settings, read from the environment with one zod schema. The first mistake
 * becomes one CONFIG_INVALID line: the variable's name, then the schema's message ("PORT must
 * be a port number (0 to 65535)"), then `fix`. The apps describe their own variables; this
 * only reads them.
 */
import { z } from 'zod';
import { FluxDbError } from '../errors/flux-db-error.ts';

export function readSettings<S extends z.ZodType>(
  schema: S,
  env: Record<string, string | undefined>,
  fix: string,
): z.output<S> {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new FluxDbError(
    'CONFIG_INVALID',
    `${issue?.path.join('.') || 'a setting'} ${issue?.message ?? 'is invalid'}`,
    fix,
  );
}

/** A whole number from `min` to `max`, read from a string; `fallback` when unset. */
export function wholeNumberSetting(min: number, max: number, fallback: number, error: string) {
  return z.coerce
    .number({ error })
    .int({ error })
    .min(min, { error })
    .max(max, { error })
    .default(fallback);
}

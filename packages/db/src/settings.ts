/**
 * Reading an app's own settings from the environment (the API's secret, the worker's lease):
 * one zod schema, and a user's mistake becomes one FluxDbError line naming the variable. The
 * schema's messages complete the sentence: "FLUXCORE_JWT_SECRET is not set".
 */
import { z } from 'zod';
import { FluxDbError } from './errors.ts';

export function parseSettings<S extends z.ZodType>(
  schema: S,
  env: Record<string, string | undefined>,
  hint: string,
): z.output<S> {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new FluxDbError(
    'CONFIG_INVALID',
    `${issue?.path.join('.') || 'a setting'} ${issue?.message ?? 'is invalid'}`,
    hint,
  );
}

/** A whole number between `min` and `max`, read from a string; `message` for anything else. */
export function wholeNumberSetting(min: number, max: number, message: string) {
  return z.coerce
    .number({ error: message })
    .int({ error: message })
    .min(min, { error: message })
    .max(max, { error: message });
}

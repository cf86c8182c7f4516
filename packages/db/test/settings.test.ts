/**
 * readSettings and wholeNumberSetting: the apps read their environment through them. A value
 * is read as given or defaulted, and the first mistake is one CONFIG_INVALID line naming the
 * variable, the schema's message and the fix.
 */
import { describe, expect, test } from 'bun:test';
import { FluxDbError, readSettings, wholeNumberSetting } from '@fluxcore/db';
import { z } from 'zod';

const schema = z.object({
  NAME: z.string().regex(/^\w+$/, 'must be letters and digits').default('anon'),
  SIZE: wholeNumberSetting(1, 10, 5, 'must be a whole number from 1 to 10'),
});
const fix = 'Fix the variable and start again';

/** What readSettings throws for `env`: a FluxDbError. */
function refusal(env: Record<string, string>, settings: z.ZodType = schema): FluxDbError {
  const thrown = (() => {
    try {
      return readSettings(settings, env, fix);
    } catch (error) {
      return error;
    }
  })();
  expect(thrown).toBeInstanceOf(FluxDbError);
  return thrown as FluxDbError;
}

describe('readSettings', () => {
  test('reads values as given and fills the defaults', () => {
    expect(readSettings(schema, {}, fix)).toEqual({ NAME: 'anon', SIZE: 5 });
    expect(readSettings(schema, { NAME: 'ana', SIZE: '10', OTHER: 'x' }, fix)).toEqual({
      NAME: 'ana',
      SIZE: 10,
    });
  });

  test.each([
    [{ SIZE: '0' }, 'SIZE must be a whole number from 1 to 10'],
    [{ SIZE: '11' }, 'SIZE must be a whole number from 1 to 10'],
    [{ SIZE: '2.5' }, 'SIZE must be a whole number from 1 to 10'],
    [{ SIZE: 'big' }, 'SIZE must be a whole number from 1 to 10'],
    [{ NAME: 'a b', SIZE: 'big' }, 'NAME must be letters and digits'],
  ])('%j is one CONFIG_INVALID line: %s', (env, message) => {
    const error = refusal(env);
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.toLine()).toBe(`${message}. ${fix}`);
  });

  test('a schema that refuses the whole environment still names a setting', () => {
    const whole = z.object({}).refine(() => false, 'is invalid');
    expect(refusal({}, whole).toLine()).toBe(`a setting is invalid. ${fix}`);
  });
});

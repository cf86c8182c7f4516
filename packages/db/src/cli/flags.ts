/** Flag values checked as they are parsed: each bad value is one line naming the flag. */
import { UsageError } from '../program/arguments.ts';

/** `--lock-timeout 30` → 30000 ms; a positive number of seconds (0 would mean "wait forever"). */
export function seconds(flag: string): (value: string) => number {
  return (value) => {
    const parsed = Number(value);
    if (value.trim() === '' || !Number.isFinite(parsed) || parsed <= 0) {
      throw new UsageError(
        `${flag} takes a positive number of seconds, not "${value}"`,
        `Example: ${flag} 30`,
      );
    }
    return parsed * 1000;
  };
}

/** A TCP port from `min` (0 lets the system pick) to 65535. */
export function port(min: 0 | 1, example: string): (value: string) => number {
  return (value) => {
    const parsed = Number(value);
    if (!/^\d+$/.test(value) || parsed < min || parsed > 65_535) {
      throw new UsageError(
        `--port takes a port number from ${min} to 65535, not "${value}"`,
        `Example: ${example}`,
      );
    }
    return parsed;
  };
}

/** A flag that may be given more than once: `--table a --table b` → ['a', 'b']. */
export function repeated(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** `--batch-size 500`: a positive whole number (`min` 0 allows zero, as a pause may be). */
export function wholeNumber(flag: string, min: 0 | 1, example: string): (value: string) => number {
  return (value) => {
    const parsed = Number(value);
    if (!/^\d+$/.test(value.trim()) || parsed < min) {
      throw new UsageError(
        `${flag} takes a whole number${min === 1 ? ' above 0' : ''}, not "${value}"`,
        `Example: ${flag} ${example}`,
      );
    }
    return parsed;
  };
}

/**
 * "cached plan must not change result type" (0A000 from RevalidateCachedQuery): a named
 * statement prepared before a migration changed what it returns (a column retyped), found
 * wherever in the cause chain the driver or drizzle put it.
 */
export function preparedPlanIsStale(error: unknown): boolean {
  let current = error as { code?: string; routine?: string; cause?: unknown } | undefined;
  for (let depth = 0; current && typeof current === 'object' && depth < 8; depth++) {
    if (current.code === '0A000' && current.routine === 'RevalidateCachedQuery') return true;
    current = current.cause as typeof current;
  }
  return false;
}

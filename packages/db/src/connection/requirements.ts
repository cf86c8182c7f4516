/**
 * What a PostgreSQL server needs to hold this schema. scripts/install-pgvector.sh reads
 * pgvectorMinimum from this file (it builds Debian's newest pgvector and refuses one older than
 * this); the migrator names it when the extension is missing, and db:audit fails below it.
 */

/**
 * The oldest pgvector this package accepts: 0.8.0, the first with iterative index scans
 * (`hnsw.iterative_scan`), which searchChunks sets so that a store filter does not cost rows.
 * PGlite's pgvector ships 0.8.7; on a server, scripts/install-pgvector.sh builds the newest
 * source Debian serves (unstable's, else trixie's 0.8.0).
 */
export const pgvectorMinimum = '0.8.0';

/** Whether a dotted version (`0.8.0`, `0.8.7`) is older than another. */
export function versionBelow(version: string, minimum: string): boolean {
  const parts = (text: string) => text.split(/[.-]/).map((part) => Number.parseInt(part, 10) || 0);
  const [have, need] = [parts(version), parts(minimum)];
  for (let index = 0; index < Math.max(have.length, need.length); index++) {
    const difference = (have[index] ?? 0) - (need[index] ?? 0);
    if (difference !== 0) return difference < 0;
  }
  return false;
}

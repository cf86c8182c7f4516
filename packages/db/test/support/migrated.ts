/** Moved to src/testing (exported as @fluxcore/db/testing); kept for the tests that import it here. */
export * from '../../src/testing/migrated.ts';

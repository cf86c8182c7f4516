/**
 * Whether a test run drives a browser (docs-browser.test.ts: the schema reference in chromium),
 * decided like the database kinds (test-kinds.ts): once, before any test file loads.
 * - TEST_BROWSER unset: the browser test runs when chromium is found (FLUXCORE_CHROMIUM, else
 *   /usr/bin/chromium); otherwise it is skipped, said in one line at the start and at the end.
 * - TEST_BROWSER=chromium (CI sets it): a missing chromium fails the run, in one line.
 * - TEST_BROWSER=skip: skipped without a word (`bun run test` sets it for bun's workers once it
 *   has said why itself).
 */
import { accessSync, constants } from 'node:fs';

/** The chromium the browser test drives. */
export const chromiumPath = process.env.FLUXCORE_CHROMIUM?.trim() || '/usr/bin/chromium';

function chromiumFound(): boolean {
  try {
    accessSync(chromiumPath, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Whether this run drives the browser: read by docs-browser.test.ts. */
export function browserTested(): boolean {
  return process.env.TEST_BROWSER?.trim() !== 'skip' && chromiumFound();
}

const install = `sudo bash scripts/install-chromium.sh installs it, or FLUXCORE_CHROMIUM names another`;

/** The line that says the browser test is skipped, or an error line when it is required. */
export function decideBrowser(requested = process.env.TEST_BROWSER?.trim() || undefined): {
  skipped?: string;
  error?: string;
} {
  if (requested === 'skip' || chromiumFound()) return {};
  if (requested === 'chromium') {
    return {
      error: `error: TEST_BROWSER=chromium requires the browser test, but there is no chromium at ${chromiumPath}. Install it (sudo bash scripts/install-chromium.sh), point FLUXCORE_CHROMIUM at one, or unset TEST_BROWSER`,
    };
  }
  return {
    skipped: `browser test skipped: no chromium at ${chromiumPath} (${install}; TEST_BROWSER=chromium makes this an error)`,
  };
}

/** docs/original-schema.md's tables of renames, type changes and database logic are the declared ones. */
import { expect, test } from 'bun:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { originalDocsMarkers, renderOriginalDocs } from '../src/docs/original-schema.ts';

test("docs/original-schema.md's tables are rendered from original.ts, unchanged", () => {
  const readme = readFileSync(
    join(import.meta.dir, '..', '..', '..', 'docs', 'original-schema.md'),
    'utf8',
  );
  const begin = readme.indexOf(originalDocsMarkers.begin);
  const end = readme.indexOf(originalDocsMarkers.end);
  expect(begin).toBeGreaterThan(-1);
  expect(end).toBeGreaterThan(begin);
  expect(readme.slice(begin, end + originalDocsMarkers.end.length)).toBe(renderOriginalDocs());
});

/** `db:docs`: writes the schema reference with its diagrams to docs/schema/, offline. */
import { join, relative } from 'node:path';
import { docsFolder, writeSite } from '../docs/site.ts';
import { parseFlags, runCommand } from './run.ts';

await runCommand(async () => {
  parseFlags({});
  const folder = process.env.FLUXCORE_DOCS_DIR ?? docsFolder;
  const { doc, files } = await writeSite(folder);
  const pages = [...files.keys()].filter((name) => name.endsWith('.html')).length;
  console.log(
    `wrote ${files.size} files to ${relative(process.cwd(), folder) || '.'}: ${pages} pages and ${pages} diagrams, ${doc.tables.size} tables in ${doc.domains.length} domains`,
  );
  console.log(
    `open ${relative(process.cwd(), join(folder, 'index.html'))} in a browser: it needs no server and no network`,
  );
  return 0;
});

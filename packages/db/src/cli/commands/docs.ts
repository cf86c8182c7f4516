/** `db:docs`: writes the schema reference with its diagrams to docs/schema/, offline. */
import { join, relative } from 'node:path';
import { docsFolder, writeSite } from '../../docs/site.ts';
import { consoleIo, type Io } from '../context.ts';

export async function run(_flags: object, _config?: unknown, io: Io = consoleIo) {
  const folder = process.env.FLUXCORE_DOCS_DIR ?? docsFolder;
  const { doc, files } = await writeSite(folder, (line) => io.log(line));
  const pages = [...files.keys()].filter((name) => name.endsWith('.html')).length;
  io.log(
    `wrote ${files.size} files to ${relative(process.cwd(), folder) || '.'}: ${pages} pages and ${pages} diagrams, ${doc.tables.size} tables in ${doc.domains.length} domains`,
  );
  io.log(
    `open ${relative(process.cwd(), join(folder, 'index.html'))} in a browser: it needs no server and no network`,
  );
  return 0;
}

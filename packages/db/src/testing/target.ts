/**
 * The converge target of the project's migrations, read once per test run and kind. Reading it
 * (converge/target.ts: the migrations replayed into a scratch database, then the catalog read)
 * cost each converge test file some 15 s of CPU on PGlite, twice (once a kind) in a dozen
 * files, for the same catalog every time. The first reader of a run writes it beside the
 * embedded templates (./templates.ts), `<kind>_<hash>_<owner>.target`, under a file lock; the
 * others read that file (bun:jsc's structured clone keeps its Maps and Sets). `<hash>` is
 * every migration's tag and checksum, so a changed migration reads a new target. The run's
 * owner removes it with the templates. readTarget itself stays what the commands run (the CLI
 * tests run it in every `db:converge`), and converge checks every plan against this target
 * after applying it as always.
 */

import { deserialize, serialize } from 'bun:jsc';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { DatabaseConfig } from '../connection/config.ts';
import { readTarget, type TargetCatalog } from '../converge/target.ts';
import { sha256 } from '../migrator/journal.ts';
import { projectMigrations } from './databases.ts';
import { embeddedTemplateFolder, templateOwner } from './template-owners.ts';
import { lockFile } from './templates.ts';

const written = new Map<string, Promise<void>>();

/**
 * The target of the project's migrations on `config`'s kind of database, read once per run;
 * each call gets its own copy (a test may change what it is given).
 */
export async function projectTarget(config: DatabaseConfig): Promise<TargetCatalog> {
  const content = projectMigrations.map((m) => `${m.tag} ${m.hash}`).join('\n');
  const name = `target_${config.kind}_${sha256(content).slice(0, 10)}_${templateOwner()}`;
  const path = join(embeddedTemplateFolder, `${name}.target`);
  let write = written.get(path);
  if (!write) {
    write = writeOnce(path, config);
    write.catch(() => written.delete(path));
    written.set(path, write);
  }
  await write;
  return deserialize(await Bun.file(path).arrayBuffer()) as TargetCatalog;
}

async function writeOnce(path: string, config: DatabaseConfig): Promise<void> {
  if (existsSync(path)) return;
  mkdirSync(embeddedTemplateFolder, { recursive: true });
  const release = await lockFile(`${path}.lock`);
  try {
    if (existsSync(path)) return;
    const target = await readTarget(config, projectMigrations);
    // Written aside, then renamed: a reader never sees half a file.
    const partial = `${path}.${process.pid}.partial`;
    await Bun.write(partial, serialize(target, { binaryType: 'nodebuffer' }));
    renameSync(partial, path);
  } finally {
    release();
  }
}

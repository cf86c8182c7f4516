/** Helpers for tests that run real processes on real embedded folders. */
import { expect } from 'bun:test';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Folders made by newFolder()/tempDir(); each test file calls afterAll(removeFolders). */
const folders: string[] = [];

export function removeFolders(): void {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
}

export function newFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fluxcore-owner-'));
  folders.push(dir);
  return join(dir, 'pgdata');
}

export function oneLine(stderr: string): string {
  const lines = stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(stderr).not.toContain('    at ');
  return lines[0] ?? '';
}

/** Reads a child's stream until `pattern` shows up; the rest is drained in the background. */
export async function waitForLine(
  stream: ReadableStream<Uint8Array>,
  pattern: RegExp,
): Promise<RegExpMatchArray> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let text = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) throw new Error(`the process ended before printing ${pattern}: ${text}`);
    text += decoder.decode(value, { stream: true });
    const match = text.match(pattern);
    if (match) {
      void (async () => {
        while (!(await reader.read()).done) {}
      })();
      return match;
    }
  }
}

/** sha256 of every file under `dir`, by relative path. */
export function checksums(dir: string): Record<string, string> {
  const sums: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    sums[path.slice(dir.length + 1)] = createHash('sha256')
      .update(readFileSync(path))
      .digest('hex');
  }
  return sums;
}

/** A new temporary folder, removed by removeFolders(). */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fluxcore-owner-'));
  folders.push(dir);
  return dir;
}

/**
 * The plan builder in parts a reader can hold (issue 23, item 7): no function in
 * packages/db/src/converge/ runs over 80 lines. A crude scan: strings, templates and comments
 * blanked, each function's body measured from its opening brace to the matching one.
 */
import { describe, expect, test } from 'bun:test';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const limit = 80;
const root = resolve(import.meta.dir, '../src/converge');

/** The text with string, template and comment contents blanked (line breaks kept). */
function blank(text: string): string {
  let out = '';
  let i = 0;
  const skipTemplate = () => {
    i++;
    while (i < text.length && text[i] !== '`') {
      if (text[i] === '\\') i++;
      else if (text[i] === '$' && text[i + 1] === '{') {
        let depth = 1;
        i += 2;
        while (i < text.length && depth > 0) {
          if (text[i] === '`') skipTemplate();
          else if (text[i] === '{') depth++;
          else if (text[i] === '}') depth--;
          if (text[i] === '\n') out += '\n';
          i++;
        }
        continue;
      } else if (text[i] === '\n') out += '\n';
      i++;
    }
  };
  while (i < text.length) {
    const c = text[i] as string;
    if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      out += text.slice(i, end).replace(/[^\n]/g, '');
      i = end + 2;
    } else if (c === '"' || c === "'") {
      i++;
      while (i < text.length && text[i] !== c && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1;
      i++;
      out += '""';
    } else if (c === '`') {
      skipTemplate();
      i++;
      out += '""';
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

const start =
  /function\s*\*?\s*(\w+)\s*[(<]|(\w+)\s*(?::[^=]+)?=\s*(?:async\s*)?(?:\([^)]*\)|\w+)\s*(?::[^=]+)?=>\s*\{|^\s*(?:async\s+)?(\w+)\s*\([^)]*\)\s*(?::[^{]+)?\{\s*$/;

/** Each function's name, first line and length in lines (signature to closing brace). */
export function functionLengths(text: string): { name: string; line: number; lines: number }[] {
  const lines = blank(text).split('\n');
  const found: { name: string; line: number; lines: number }[] = [];
  lines.forEach((line, i) => {
    const match = start.exec(line);
    const name = match?.[1] ?? match?.[2] ?? match?.[3];
    if (!name || ['if', 'for', 'while', 'switch', 'catch'].includes(name)) return;
    found.push({ name, line: i + 1, lines: bodyEnd(lines, i) - i + 1 });
  });
  return found;
}

/** The line of the brace that closes the body opened at or after line `from`. */
function bodyEnd(lines: string[], from: number): number {
  let parens = 0;
  let depth = 0;
  for (let j = from; j < lines.length; j++) {
    const line = lines[j] as string;
    for (let k = 0; k < line.length; k++) {
      const ch = line[k];
      if (depth === 0) {
        if (ch === '(') parens++;
        else if (ch === ')') parens--;
        else if (ch === '{' && parens === 0 && line.slice(k + 1).trim() === '') depth = 1;
      } else if (ch === '{') depth++;
      else if (ch === '}' && --depth === 0) return j;
    }
  }
  return from;
}

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sources(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );

describe('converge/ in parts a reader can hold', () => {
  test('the scan measures a function, its nested ones and braces in strings', () => {
    const body = Array.from({ length: 85 }, (_, i) => `  const x${i} = '{' + \`\${'}'}\`;`);
    const text = [
      'export function long(',
      '  options: { a: number } = { a: 1 },',
      '): void {',
      ...body,
      '  const inner = (n: number) => {',
      '    return n;',
      '  };',
      '}',
    ].join('\n');
    const lengths = functionLengths(text);
    expect(lengths).toEqual([
      { name: 'long', line: 1, lines: 92 },
      { name: 'inner', line: 89, lines: 3 },
    ]);
  });

  test(`no function in packages/db/src/converge/ is over ${limit} lines`, () => {
    const files = sources(root);
    expect(files.length).toBeGreaterThan(15);
    const long = files.flatMap((file) =>
      functionLengths(readFileSync(file, 'utf8'))
        .filter((f) => f.lines > limit)
        .map((f) => `${relative(root, file)}:${f.line} ${f.name} (${f.lines} lines)`),
    );
    expect(long).toEqual([]);
  });
});

/**
 * Reading and comparing two compiles of the original app: tsc's plain output parsed into errors,
 * the errors of the second compile the first does not produce (line numbers tolerated), the
 * third-party modules neither package provides (declared as `any` shims so only real errors
 * count), and the symbols of `@fluxcore/db` an import asks for and does not get.
 */

export type CompileError = {
  file: string;
  line: number;
  code: string;
  message: string;
};

const errorLine = /^(.+?)\((\d+),\d+\): error (TS\d+): (.*)$/;

/** tsc --pretty false output, one error per entry; indented lines continue the message. */
export function parseCompileErrors(output: string): CompileError[] {
  const errors: CompileError[] = [];
  for (const line of output.split('\n')) {
    const match = errorLine.exec(line);
    if (match) {
      errors.push({
        file: match[1] as string,
        line: Number(match[2]),
        code: match[3] as string,
        message: match[4] as string,
      });
    } else if (line.startsWith(' ') && errors.length > 0) {
      const last = errors[errors.length - 1] as CompileError;
      last.message += `\n${line.trimEnd()}`;
    }
  }
  return errors;
}

const missingProperty = /^Property '([^']+)' does not exist on type /;

/**
 * The message's first line: its elaboration names each package's own internal types. A missing
 * property is the property alone: the type it is missing from prints differently per package
 * (`PgTableWithColumns<{ name: "relationships"; … }>`), and the fact is the same.
 */
function headline(message: string): string {
  const first = message.split('\n')[0] as string;
  const property = missingProperty.exec(first)?.[1];
  return property === undefined ? first : `Property '${property}' does not exist`;
}

/**
 * Codes that are another code told differently, depending on how each package writes its types:
 * TS2739, TS2740 and TS2741 are TS2322 ("not assignable") as the properties missing (an
 * intersection or not), TS2551 is TS2339 ("does not exist") with a "did you mean" (a similar
 * name or not).
 */
const sameAs: Record<string, string> = {
  TS2739: 'TS2322',
  TS2740: 'TS2322',
  TS2741: 'TS2322',
  TS2551: 'TS2339',
};
const codeOf = (error: CompileError) => sameAs[error.code] ?? error.code;

const keyOf = (error: CompileError) =>
  `${error.file}\u0000${codeOf(error)}\u0000${headline(error.message)}`;

const lineOf = (error: CompileError) => `${error.file}\u0000${error.line}\u0000${codeOf(error)}`;

/** Splits `errors` by whether `pool` still holds one of the same key (taking it). */
function matchFrom(pool: CompileError[], errors: CompileError[], key: (e: CompileError) => string) {
  const groups = new Map<string, CompileError[]>();
  for (const error of pool) groups.set(key(error), [...(groups.get(key(error)) ?? []), error]);
  const rest = errors.filter((error) => !groups.get(key(error))?.pop());
  return { rest, poolLeft: [...groups.values()].flat() };
}

/**
 * The errors of `next` that `base` does not produce. First an error at the same file, line and
 * code is the same error (the app's line fails in both; only the types each package prints in the
 * message differ); then the rest match by file, code and message (its first line), any line
 * number, so an error that moved is the same too and the lines left over are the new ones.
 */
export function newCompileErrors(base: CompileError[], next: CompileError[]): CompileError[] {
  const { rest, poolLeft } = matchFrom(base, next, lineOf);
  return matchFrom(poolLeft, rest, keyOf).rest;
}

/**
 * The message with each package's folder written as `@fluxcore/db/` (`typeof
 * import("/tmp/…/packages/db/src/index")` names the same module in both compiles).
 */
export function samePackagePaths(error: CompileError, packageFolders: string[]): CompileError {
  let message = error.message;
  for (const folder of packageFolders) message = message.replaceAll(folder, '@fluxcore/db/');
  return { ...error, message };
}

const notFound = /^Cannot find module '([^']+)' or its corresponding type declarations\.$/;

/** The bare module names the compile could not find (relative paths are the app's own). */
export function missingModules(errors: CompileError[]): string[] {
  const names = new Set<string>();
  for (const error of errors) {
    const name = error.code === 'TS2307' ? notFound.exec(error.message)?.[1] : undefined;
    if (name && !name.startsWith('.') && !name.startsWith('/')) names.add(name);
  }
  return [...names].sort();
}

const specifier = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*)['"]([^'"]+)['"]/g;

const moduleName = /^(?:@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*(?:\/[\w.-]+)*$/i;

/** The package a bare module specifier names (`openai/resources` is `openai`). */
export function packageOf(name: string): string {
  const parts = name.split('/');
  return (name.startsWith('@') ? parts.slice(0, 2) : parts.slice(0, 1)).join('/');
}

/**
 * The bare modules some source imports whose package `installed` does not have, read from the
 * text: the app's own paths, node's and Bun's built-ins and `skip`'s names are not modules to
 * shim. This spares a compile to find them; one the text misses is found by the compile.
 */
export function importedModulesLacking(
  sources: string[],
  installed: (packageName: string) => boolean,
  skip: (name: string) => boolean,
): string[] {
  const names = new Set<string>();
  for (const source of sources) {
    for (const match of source.matchAll(specifier)) {
      const name = match[1] as string;
      // A specifier, not a string in code that looks like one (`from '${x}'` in a template).
      if (!moduleName.test(name) || skip(name)) continue;
      if (!installed(packageOf(name))) names.add(name);
    }
  }
  return [...names].sort();
}

/** A declaration file giving each missing module the type `any`. */
export function moduleShims(names: string[]): string {
  const lines = names.map((name) => `declare module '${name}';`);
  return `// Third-party modules this project lacks, typed as any.\n${lines.join('\n')}\n`;
}

const missingExport = [
  /^Module '"(@fluxcore\/db[^"]*)"' has no exported member '([^']+)'/,
  /^'"(@fluxcore\/db[^"]*)"' has no exported member named '([^']+)'/,
  /^Module '"(@fluxcore\/db[^"]*)"' declares '([^']+)' locally, but it is not exported/,
];

/** The names imported from `@fluxcore/db` (or a subpath) that it does not export. */
export function unresolvedSymbols(errors: CompileError[]): string[] {
  const names = new Set<string>();
  for (const error of errors) {
    for (const pattern of missingExport) {
      const match = pattern.exec(error.message);
      if (match) names.add(match[2] as string);
    }
  }
  return [...names].sort();
}

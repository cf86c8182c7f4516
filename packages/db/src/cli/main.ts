#!/usr/bin/env bun
/**
 * `fluxcore-db <command> [flags]`, the one entry of every db:* script. It reads the command's
 * flags (a plain flag list by itself; commander for --help, a mistake or anything less plain),
 * loads the database config where the command needs one, then loads that command's module
 * alone and calls its `run(flags, config)`.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command, CommanderError } from 'commander';
import { loadDatabaseConfig } from '../config.ts';
import { didYouMean, UsageError } from '../program-arguments.ts';
import { runCommand } from '../run-command.ts';
import { type CommandSpec, commands, flagsUsage } from './spec.ts';

/** How a command is called here: `bun run db:migrate` from a script, else `fluxcore-db migrate`. */
export function invocation(name: string, env = process.env): string {
  return env.npm_lifecycle_event === `db:${name}` ? `bun run db:${name}` : `fluxcore-db ${name}`;
}

/** The usage line `--help` prints (after `Usage: `) and the README's section starts with. */
export function usageLine(name: string, env = process.env): string {
  const spec = commands[name];
  if (!spec) throw new Error(`no command ${name}`);
  const flags = flagsUsage(spec);
  return flags ? `${invocation(name, env)} ${flags}` : invocation(name, env);
}

function overview(): string {
  const width = Math.max(...Object.keys(commands).map((name) => name.length));
  return [
    'Usage: fluxcore-db <command> [flags] (from the repository: bun run db:<command> [flags])',
    '',
    'Commands:',
    ...Object.entries(commands).map(([name, spec]) => `  ${name.padEnd(width)}  ${spec.summary}`),
    '',
    'fluxcore-db <command> --help prints the flags of a command; fluxcore-db --version its version.',
  ].join('\n');
}

/** `fluxcore-db 0.1.0`: the version of @fluxcore/db, read only when asked. */
export function versionLine(): string {
  const packageJson = resolve(import.meta.dirname, '../../package.json');
  const { version } = JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string };
  return `fluxcore-db ${version}`;
}

async function commandFor(
  name: string,
  spec: CommandSpec,
  io: { out(text: string): void },
): Promise<Command> {
  const { Command, Option } = await import('commander');
  const command = new Command(name)
    .description(spec.summary)
    .helpOption('-h, --help', 'print this help')
    .showSuggestionAfterError(false)
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: () => {}, outputError: () => {} })
    .configureHelp({ helpWidth: 100, commandUsage: () => usageLine(name) });
  for (const flag of spec.flags) {
    const option = new Option(flag.flags, flag.help);
    if (flag.parse) option.argParser(flag.parse as (value: string, previous: unknown) => unknown);
    if (flag.default) option.default(flag.default.value, flag.default.shown);
    command.addOption(option);
  }
  if (spec.passOn) command.allowUnknownOption().allowExcessArguments();
  else command.allowExcessArguments(false);
  return command;
}

/** Commander's own errors, said as this package says a usage error: one line with the fix. */
function usageError(error: CommanderError, spec: CommandSpec, args: string[]): UsageError {
  const names = spec.flags.map((flag) => flag.flags.split(' ')[0] ?? '');
  const hint = names.length ? `Known flags: ${names.join(', ')}` : 'This command takes no flags';
  const quoted = /'([^']*)'/.exec(error.message)?.[1] ?? '';
  if (error.code === 'commander.unknownOption') {
    const near = didYouMean(quoted, [...names, '--help', '--version']);
    return new UsageError(`Unknown option '${quoted}'${near}`, hint);
  }
  if (error.code === 'commander.excessArguments') {
    return new UsageError(`Unexpected argument '${args[0]}': this command takes flags only`, hint);
  }
  const line = error.message.replace(/^error: /, '').split('\n')[0] ?? 'invalid arguments';
  return new UsageError(line.charAt(0).toUpperCase() + line.slice(1), hint);
}

/** `--lock-timeout` → `lockTimeout`, the key commander gives the flag's value. */
function flagKey(flag: string): string {
  return flag.replace(/^--/, '').replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

/**
 * The flags of a plain argument list (each a known `--flag`, its value the next argument),
 * as commander would give them: each value through its parser, defaults for the rest.
 * Undefined for anything else (--help, an unknown flag, a missing value, an argument): then
 * commander parses, and prints the help or says the mistake. Loading commander costs more than
 * the audit's own queries, so a plain run never loads it.
 */
export function plainFlags(spec: CommandSpec, args: string[]): Record<string, unknown> | undefined {
  if (spec.passOn) return undefined;
  const byName = new Map(spec.flags.map((flag) => [flag.flags.split(' ')[0], flag]));
  const flags: Record<string, unknown> = {};
  for (let i = 0; i < args.length; i++) {
    const flag = byName.get(args[i] ?? '');
    if (!flag) return undefined;
    const key = flagKey(flag.flags.split(' ')[0] ?? '');
    if (!flag.flags.includes(' <')) {
      flags[key] = true;
      continue;
    }
    const value = args[++i];
    if (value === undefined || value.startsWith('-')) return undefined;
    const previous = flags[key] ?? flag.default?.value;
    flags[key] = flag.parse ? flag.parse(value, previous as never) : value;
  }
  for (const flag of spec.flags) {
    const key = flagKey(flag.flags.split(' ')[0] ?? '');
    if (flag.default && !(key in flags)) flags[key] = flag.default.value;
  }
  return flags;
}

/** Commander's reading of the arguments: the help, or a usage error as one line. */
async function commanderFlags(
  name: string,
  spec: CommandSpec,
  args: string[],
  io: { out(text: string): void },
): Promise<Record<string, unknown> | 'help'> {
  const { CommanderError } = await import('commander');
  const command = await commandFor(name, spec, io);
  try {
    command.parse(args, { from: 'user' });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.help') return 'help';
    throw usageError(error, spec, command.args);
  }
  return spec.passOn ? { ...command.opts(), args } : command.opts();
}

/**
 * Runs one command from its arguments (`['migrate', '--to', '0002']`) and returns its exit
 * code; a user's error is thrown as a FluxDbError for the edge to print.
 */
export async function main(
  argv: string[],
  io = { out: (text: string) => void process.stdout.write(text) },
): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(`${overview()}\n`);
    return name === undefined ? 1 : 0;
  }
  const asksVersion = (words: string[]) =>
    words.length === 1 && ['--version', '-V'].includes(words[0] ?? '');
  if (asksVersion([name]) || (commands[name] && asksVersion(rest))) {
    io.out(`${versionLine()}\n`);
    return 0;
  }
  const spec = commands[name];
  if (!spec) {
    const names = Object.keys(commands);
    const known = name.startsWith('-') ? ['--help', '--version'] : names;
    throw new UsageError(
      `fluxcore-db has no ${name.startsWith('-') ? 'option' : 'command'} "${name}"${didYouMean(name, known)}`,
      `Its commands: ${names.join(', ')} (fluxcore-db --help)`,
    );
  }
  const flags = plainFlags(spec, rest) ?? (await commanderFlags(name, spec, rest, io));
  if (flags === 'help') return 0;
  const config = spec.application
    ? loadDatabaseConfig(process.env, { applicationName: spec.application })
    : undefined;
  const module = await spec.load();
  return module.run(flags, config);
}

if (import.meta.main) {
  const argv = process.argv.slice(2);
  await runCommand(() => main(argv), commands[argv[0] ?? '']?.failureCode ?? 1);
}

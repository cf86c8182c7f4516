/**
 * `db:serve`: opens the embedded database as its one owner and serves it over the PostgreSQL
 * protocol on 127.0.0.1, so several processes (commands, the API, the worker, psql) use it at
 * once. Its address goes into the folder's lock file; every command that finds the folder
 * locked by a db:serve connects through it by itself.
 */
import { createServer, type Socket } from 'node:net';
import { PGLiteSocketHandler } from '@electric-sql/pglite-socket';
import type { DatabaseConfig } from '../../config.ts';
import { isAlive } from '../../embedded/holder.ts';
import { currentCommand } from '../../embedded/lock.ts';
import { openEmbedded } from '../../embedded/open.ts';
import { SessionQueue } from '../../embedded/session-queue.ts';
import { FluxDbError } from '../../errors.ts';
import { consoleIo, type Io } from '../context.ts';

const host = '127.0.0.1';

export interface ServeFlags {
  port: number;
}

/**
 * A db:serve started for one drizzle-kit run (src/authoring/drizzle-kit-config.ts) names that
 * process in FLUXCORE_SERVE_FOR_PID (and its subcommand in FLUXCORE_SERVE_FOR_COMMAND), and
 * stops when it is gone.
 */
function stopWithParent(stop: () => void): void {
  const parent = Number(process.env.FLUXCORE_SERVE_FOR_PID);
  if (!Number.isInteger(parent) || parent <= 0) return;
  const timer = setInterval(() => {
    if (isAlive(parent)) return;
    clearInterval(timer);
    stop();
  }, 200);
}

export async function run(flags: ServeFlags, config: DatabaseConfig, io: Io = consoleIo) {
  const port = flags.port;
  if (config.kind !== 'embedded') {
    throw new FluxDbError(
      'USAGE',
      'db:serve serves the embedded database, and DATABASE_URL names a server',
      'Unset DATABASE_URL (FLUXCORE_DATA_DIR picks the folder)',
    );
  }
  const handle = await openEmbedded(config.dataDir, { waitMs: config.lockWaitMs, forServe: true });
  if (handle.mode !== 'direct' || !handle.lock) throw new Error('db:serve did not get the folder');
  const lock = handle.lock;
  // Serving `drizzle-kit push` on a new folder: the schema's vector columns need the extension
  // first, which db:push creates the same way.
  if (process.env.FLUXCORE_SERVE_FOR_COMMAND === 'push') {
    await handle.client.exec('create extension if not exists vector');
  }
  const queue = new SessionQueue(handle.client);
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    const handler = new PGLiteSocketHandler({ queryQueue: queue as never, closeOnDetach: true });
    handler.attach(socket).catch(() => socket.destroy());
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
  } catch (error) {
    await handle.close();
    const code = (error as { code?: string }).code;
    throw new FluxDbError(
      'USAGE',
      `db:serve cannot listen on ${host}:${port} (${code ?? (error as Error).message})`,
      code === 'EADDRINUSE'
        ? 'Pick another port with --port N (0 picks a free one)'
        : 'Pick another port with --port N',
    );
  }
  const address = server.address();
  const bound = typeof address === 'object' && address ? address.port : port;
  lock.describe({ pid: process.pid, command: currentCommand(), serve: { host, port: bound } });
  const url = `postgres://postgres@${host}:${bound}/postgres`;
  io.log(`serving embedded database at ${config.dataDir} on ${host}:${bound} (pid ${process.pid})`);
  io.log(`every command on this folder goes through it while it runs; psql: psql ${url}`);
  io.log('Ctrl-C to stop');

  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
    stopWithParent(resolve);
  });
  server.close();
  for (const socket of sockets) socket.destroy();
  await handle.close();
  io.log('stopped: the embedded database is closed and its lock released');
  return 0;
}

/**
 * `db:serve`: opens the embedded database as its one owner and serves it over the PostgreSQL
 * protocol on 127.0.0.1, so several processes (commands, the API, the worker, psql) use it at
 * once. Its address goes into the folder's lock file; every command that finds the folder
 * locked by a db:serve connects through it by itself.
 */

import { createServer, type Socket } from 'node:net';
import { PGLiteSocketHandler } from '@electric-sql/pglite-socket';
import type { DatabaseConfig } from '../../connection/config.ts';
import { ensureFolderId, readFolderId } from '../../embedded/folder-marks.ts';
import { isAlive } from '../../embedded/holder.ts';
import { currentCommand } from '../../embedded/lock.ts';
import { openEmbedded } from '../../embedded/open.ts';
import { dataDirParameter, folderIdParameter } from '../../embedded/served-client.ts';
import { SessionQueue } from '../../embedded/session-queue.ts';
import { FluxDbError } from '../../errors/flux-db-error.ts';
import { createRuntimeRolesSql } from '../../schema/tenancy/index.ts';
import { consoleIo, type Io } from '../context.ts';

const host = '127.0.0.1';

export interface ServeFlags {
  port: number;
  /** ms a connection waits for another that holds the session (--wait). */
  wait?: number;
  /** ms a connection may hold the session idle in a transaction (--idle-in-transaction). */
  idleInTransaction?: number;
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
  // first, and its policies the runtime roles, which db:push creates the same way.
  if (process.env.FLUXCORE_SERVE_FOR_COMMAND === 'push') {
    await handle.client.exec('create extension if not exists vector');
    await handle.client.exec(createRuntimeRolesSql);
  }
  let folderId: string;
  try {
    folderId = readFolderId(config.dataDir) ?? ensureFolderId(config.dataDir);
  } catch (error) {
    await handle.close();
    throw new FluxDbError(
      'DATA_DIR_INVALID',
      `db:serve cannot write the folder's id into ${config.dataDir} (${(error as { code?: string }).code ?? (error as Error).message}); its clients check it on every connection`,
      'Make the folder writable by this user, or free disk space if it is full',
    );
  }
  const queue = new SessionQueue(handle.client, {
    report: { [folderIdParameter]: folderId, [dataDirParameter]: config.dataDir },
    waitMs: flags.wait,
    idleInTransactionMs: flags.idleInTransaction,
  });
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    const handler = new PGLiteSocketHandler({ queryQueue: queue as never, closeOnDetach: true });
    const id = handler.handlerId;
    queue.connect(id, {
      peer: `${socket.remoteAddress}:${socket.remotePort}`,
      close: (last) => socket.end(last),
    });
    socket.on('close', () => {
      sockets.delete(socket);
      queue.disconnect(id);
    });
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
  // A second signal, or a close that takes too long, stops at once: every acknowledged write
  // is already in the folder (PGlite writes through), and the kernel releases the lock.
  const force = (why: string) => {
    io.error(`stopped without closing the embedded database cleanly (${why})`);
    process.exit(1);
  };
  process.once('SIGINT', () => force('a second signal'));
  process.once('SIGTERM', () => force('a second signal'));
  setTimeout(() => force(`it did not close within ${closeWaitMs / 1000} s`), closeWaitMs).unref();
  queue.stop();
  server.close();
  for (const socket of sockets) socket.destroy();
  await handle.close();
  io.log('stopped: the embedded database is closed and its lock released');
  return 0;
}

/** How long db:serve waits for PGlite to close on SIGTERM before it stops anyway. */
const closeWaitMs = 10_000;

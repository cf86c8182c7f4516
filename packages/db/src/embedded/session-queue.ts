/**
 * The queue that lets several PostgreSQL connections share PGlite's one session (db:serve).
 *
 * pglite-socket's own queue (0.2.17) keeps a connection only while a transaction is open, so
 * nothing holds an extended-protocol batch (Parse … Sync) together against another client's
 * Parse, and one failed message leaves it stopped for good (electric-sql/pglite #1046).
 * This queue keeps the session with one connection for a whole unit: a simple query, an
 * extended-protocol batch up to its Sync, and a transaction up to its end. It also remembers
 * which connection took a session-level advisory lock (the migrator's), and releases it when
 * that connection goes away, as a server does when a backend exits; the same for the named
 * statements it prepared, which carry a prefix of their own (statement-names.ts) so that two
 * clients may use the same name.
 *
 * It is handed to pglite-socket's PGLiteSocketHandler in place of its own queue, and has the
 * same three methods.
 */
import type { PGlite } from '@electric-sql/pglite';
import {
  errorResponse,
  isStartup,
  parameterStatus,
  readyForQuery,
  sqlText,
  startupParameters,
} from './protocol-messages.ts';
import { defaultIdleInTransactionMs, defaultServeWaitMs } from './serve-defaults.ts';
import { refusalOf } from './shared-session-guard.ts';
import { renameStatements } from './statement-names.ts';

interface Job {
  handlerId: number;
  enqueuedAt: number;
  run(): Promise<void>;
  /** Answers instead of running, when the job waited too long for another connection. */
  refuse?(line: string): void;
}

/** A client connection, as db:serve knows it. */
export interface Connection {
  peer: string;
  application?: string;
  /** Sends a last message (a FATAL error) and closes the connection. */
  close(last: Uint8Array): void;
}

export interface SessionQueueOptions {
  /** Parameters added to every startup reply (the folder's id: served-client.ts). */
  report?: Record<string, string>;
  /** How long a connection waits for another that holds the session before it is refused. */
  waitMs?: number;
  /** How long a connection may hold the session idle (in a transaction) before it is cut off. */
  idleInTransactionMs?: number;
}

const parseType = 'P'.charCodeAt(0);
const readyForQueryType = 'Z'.charCodeAt(0);

/** Frontend messages of the extended protocol that belong to a batch ended by Sync ('S'). */
const extendedProtocol = new Set(['P', 'B', 'D', 'E', 'C', 'H'].map((c) => c.charCodeAt(0)));
const simpleQuery = 'Q'.charCodeAt(0);
const sync = 'S'.charCodeAt(0);
const terminate = 'X'.charCodeAt(0);
const advisoryWord = new TextEncoder().encode('advisory');

function mentionsAdvisory(message: Uint8Array): boolean {
  // Cheap scan of the SQL text of a Query or Parse message (ASCII, case-insensitive).
  outer: for (let i = 0; i + advisoryWord.length <= message.length; i++) {
    for (let j = 0; j < advisoryWord.length; j++) {
      if (((message[i + j] ?? 0) | 0x20) !== advisoryWord[j]) continue outer;
    }
    return true;
  }
  return false;
}

interface AdvisoryKey {
  classid: number;
  objid: number;
  objsubid: number;
}

const keyOf = (k: AdvisoryKey) => `${k.classid}:${k.objid}:${k.objsubid}`;

export class SessionQueue {
  private jobs: Job[] = [];
  private running = false;
  /** The connection that has the session now (mid-batch or in a transaction), if any. */
  private owner: number | null = null;
  /** Connections whose current unit mentioned an advisory lock. */
  private touchedAdvisory = new Set<number>();
  /** Session-level advisory locks, by the connection that took them. */
  private advisory = new Map<string, { handlerId: number; key: AdvisoryKey }>();
  /** Named prepared statements (renamed: statement-names.ts), by the connection that made them. */
  private statements = new Map<number, Set<string>>();

  /** Connections that had a message refused mid-batch: the rest is discarded up to Sync. */
  private skipping = new Set<number>();
  private connections = new Map<number, Connection>();
  /** When the owner took the session, and since when it has had nothing running or queued. */
  private ownerSince = 0;
  private ownerIdleSince: number | null = null;
  private active: number | null = null;
  private cutOff = new Set<number>();
  private readonly sweeper: ReturnType<typeof setInterval>;
  private readonly report: Record<string, string>;
  private readonly waitMs: number;
  private readonly idleMs: number;

  constructor(
    private readonly db: PGlite,
    options: SessionQueueOptions = {},
  ) {
    this.report = options.report ?? {};
    this.waitMs = options.waitMs ?? defaultServeWaitMs;
    this.idleMs = options.idleInTransactionMs ?? defaultIdleInTransactionMs;
    this.sweeper = setInterval(() => this.sweep(), 100);
    this.sweeper.unref?.();
  }

  /** Stops the timers (db:serve is stopping). */
  stop(): void {
    clearInterval(this.sweeper);
  }

  /** A new client connection (db:serve registers it before its first message). */
  connect(handlerId: number, connection: Connection): void {
    this.connections.set(handlerId, connection);
  }

  disconnect(handlerId: number): void {
    this.connections.delete(handlerId);
    this.skipping.delete(handlerId);
    this.cutOff.delete(handlerId);
  }

  enqueue(handlerId: number, original: Uint8Array, onData: (data: Uint8Array) => void) {
    if (isStartup(original)) return this.enqueueStartup(handlerId, original, onData);
    const type = original[0] ?? 0;
    if (this.skipping.has(handlerId)) {
      // After an error in a batch, a server discards messages up to Sync, then is ready.
      if (type === sync) {
        this.skipping.delete(handlerId);
        onData(readyForQuery(this.statusOf(handlerId)));
      }
      return Promise.resolve(0);
    }
    if (type === simpleQuery || type === parseType) {
      const refusal = refusalOf(sqlText(original));
      if (refusal) {
        onData(errorResponse('ERROR', '0A000', refusal));
        if (type === simpleQuery) onData(readyForQuery(this.statusOf(handlerId)));
        else this.skipping.add(handlerId);
        return Promise.resolve(0);
      }
    }
    return this.enqueueRaw(handlerId, original, onData);
  }

  private statusOf(handlerId: number): 'I' | 'T' {
    return this.owner === handlerId && this.db.isInTransaction() ? 'T' : 'I';
  }

  private enqueueRaw(handlerId: number, original: Uint8Array, onData: (data: Uint8Array) => void) {
    const renamed = renameStatements(original, `fluxcore_c${handlerId}_`);
    const message = renamed.message;
    if (renamed.prepared) {
      const own = this.statements.get(handlerId) ?? new Set<string>();
      this.statements.set(handlerId, own.add(renamed.prepared));
    }
    if (renamed.closed) this.statements.get(handlerId)?.delete(renamed.closed);
    return new Promise<number>((resolve, reject) => {
      this.jobs.push({
        handlerId,
        enqueuedAt: Date.now(),
        refuse: (line) => {
          const type = message[0] ?? 0;
          if (isStartup(message)) {
            this.connections.get(handlerId)?.close(errorResponse('FATAL', '55P03', line));
          } else if (type === simpleQuery || type === sync) {
            onData(errorResponse('ERROR', '55P03', line));
            onData(readyForQuery('I'));
          } else if (type !== terminate) {
            onData(errorResponse('ERROR', '55P03', line));
            this.skipping.add(handlerId);
          }
          resolve(0);
        },
        run: async () => {
          const type = message[0] ?? 0;
          if (type === terminate) {
            // The shared session must outlive one client's goodbye.
            resolve(0);
            return;
          }
          if (mentionsAdvisory(message)) this.touchedAdvisory.add(handlerId);
          let bytes = 0;
          try {
            await this.db.runExclusive(() =>
              this.db.execProtocolRawStream(message, {
                onRawData: (data) => {
                  bytes += data.length;
                  onData(data);
                },
              }),
            );
          } catch (error) {
            reject(error as Error);
          }
          if (extendedProtocol.has(type)) {
            this.owner = handlerId;
          } else if (type === sync || type === simpleQuery) {
            this.owner = this.db.isInTransaction() ? handlerId : null;
            if (this.touchedAdvisory.delete(handlerId)) await this.attributeAdvisory(handlerId);
          }
          resolve(bytes);
        },
      });
      void this.pump();
    });
  }

  /** The startup reply with this serve's own parameters before its ReadyForQuery. */
  private enqueueStartup(handlerId: number, message: Uint8Array, onData: (d: Uint8Array) => void) {
    const connection = this.connections.get(handlerId);
    if (connection) connection.application = startupParameters(message).application_name;
    const chunks: Uint8Array[] = [];
    return this.enqueueRaw(handlerId, message, (data) => chunks.push(data)).then((bytes) => {
      const reply = Buffer.concat(chunks);
      const ready = reply.length >= 6 && reply[reply.length - 6] === readyForQueryType;
      const cut = ready ? reply.length - 6 : reply.length;
      const extra = Object.entries(this.report).map(([name, value]) =>
        parameterStatus(name, value),
      );
      onData(Buffer.concat([reply.subarray(0, cut), ...extra, reply.subarray(cut)]));
      return bytes;
    });
  }

  /** Drops what a closed connection still had queued. */
  clearQueueForHandler(handlerId: number): void {
    this.jobs = this.jobs.filter((job) => job.handlerId !== handlerId);
  }

  /** A connection went away: end its transaction and release its advisory locks. */
  clearTransactionIfNeeded(handlerId: number): Promise<void> {
    return new Promise<void>((resolve) => {
      this.jobs.push({
        handlerId,
        enqueuedAt: Date.now(),
        run: async () => {
          try {
            if (this.owner === handlerId && this.db.isInTransaction())
              await this.db.exec('rollback');
            // Its prepared statements go with it, as they do with a server's backend.
            for (const name of this.statements.get(handlerId) ?? []) {
              await this.db.exec(`deallocate "${name.replaceAll('"', '""')}"`).catch(() => {});
            }
            this.statements.delete(handlerId);
            for (const [id, held] of this.advisory) {
              if (held.handlerId !== handlerId) continue;
              const { classid, objid, objsubid } = held.key;
              const unlock =
                objsubid === 1
                  ? `select pg_advisory_unlock(((${classid}::bigint << 32) | ${objid}::bigint)) as released`
                  : `select pg_advisory_unlock(${classid | 0}, ${objid | 0}) as released`;
              // Session locks count: release every time it was taken.
              for (let i = 0; i < 1000; i++) {
                const rows = (await this.db.query<{ released: boolean }>(unlock)).rows;
                if (!rows[0]?.released) break;
              }
              this.advisory.delete(id);
            }
          } catch {
            // A session that cannot even roll back has nothing more to clean here.
          } finally {
            if (this.owner === handlerId) this.owner = null;
            resolve();
          }
        },
      });
      void this.pump();
    });
  }

  private next(): Job | undefined {
    const index =
      this.owner === null ? 0 : this.jobs.findIndex((job) => job.handlerId === this.owner);
    if (index < 0 || index >= this.jobs.length) return undefined;
    return this.jobs.splice(index, 1)[0];
  }

  private async pump(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (let job = this.next(); job; job = this.next()) {
        const before = this.owner;
        this.active = job.handlerId;
        if (this.owner === job.handlerId) this.ownerIdleSince = null;
        try {
          await job.run();
        } finally {
          this.active = null;
        }
        if (this.owner !== null && this.owner !== before) this.ownerSince = Date.now();
        if (this.owner !== null) this.ownerIdleSince ??= Date.now();
        else this.ownerIdleSince = null;
      }
    } finally {
      this.running = false;
    }
  }

  /**
   * Every 100 ms: a connection that has waited too long for the session's holder is refused in
   * one line naming the holder; a holder idle too long (in a transaction, or mid-batch) is cut
   * off, and its transaction rolled back, as a server's idle_in_transaction_session_timeout
   * does for its own session.
   */
  private sweep(): void {
    const now = Date.now();
    const owner = this.owner;
    if (owner === null) return;
    const waited = this.jobs.filter(
      (job) =>
        job.handlerId !== owner &&
        job.refuse &&
        // Waiting for this holder, not for the queue before it.
        now - Math.max(job.enqueuedAt, this.ownerSince) >= this.waitMs,
    );
    if (waited.length > 0) {
      this.jobs = this.jobs.filter((job) => !waited.includes(job));
      const line = this.busyLine(owner, now);
      for (const job of waited) job.refuse?.(line);
    }
    const idle = this.ownerIdleSince;
    const ownerQueued = this.jobs.some((job) => job.handlerId === owner);
    if (idle === null || this.active === owner || ownerQueued || this.cutOff.has(owner)) return;
    if (now - idle < this.idleMs) return;
    this.cutOff.add(owner);
    const line = `terminating connection: it held db:serve's one session idle for ${seconds(now - idle)} s, in a transaction or mid-batch (db:serve's --idle-in-transaction is ${seconds(this.idleMs)} s); its transaction was rolled back`;
    this.connections.get(owner)?.close(errorResponse('FATAL', '25P03', line));
    void this.clearTransactionIfNeeded(owner);
  }

  private busyLine(owner: number, now: number): string {
    const holder = this.connections.get(owner);
    const who = holder
      ? `connection ${owner} (${holder.application ? `${holder.application}, ` : ''}from ${holder.peer})`
      : `connection ${owner}`;
    const idle = this.ownerIdleSince;
    const state =
      idle === null
        ? `running a statement (session held for ${seconds(now - this.ownerSince)} s)`
        : `idle in a transaction for ${seconds(now - idle)} s`;
    return `db:serve is busy: ${who} holds its one session, ${state}; nothing was run after waiting ${seconds(this.waitMs)} s. Retry, or end that transaction (db:serve cuts one idle for ${seconds(this.idleMs)} s)`;
  }

  /** Records which session-level advisory locks appeared (or went) after a unit of `handlerId`. */
  private async attributeAdvisory(handlerId: number): Promise<void> {
    if (this.db.isInTransaction()) return; // a transaction's own locks end with it
    try {
      const rows = (
        await this.db.query<AdvisoryKey>(
          `select classid::int8::float8 as classid, objid::int8::float8 as objid, objsubid::int as objsubid
             from pg_locks where locktype = 'advisory' and granted and pid = pg_backend_pid()`,
        )
      ).rows;
      const present = new Set(rows.map(keyOf));
      for (const id of this.advisory.keys()) if (!present.has(id)) this.advisory.delete(id);
      for (const key of rows) {
        if (!this.advisory.has(keyOf(key))) this.advisory.set(keyOf(key), { handlerId, key });
      }
    } catch {
      // Attribution is best effort: the lock still works, it is only not released on a crash.
    }
  }
}

const seconds = (ms: number) => String(Math.round(ms / 100) / 10);

/**
 * The node-postgres client of a folder served by db:serve. Every connection, the first and
 * every reconnection of a pool, finds db:serve's address again in the folder's lock file and
 * checks that what answers there serves this folder: db:serve reports the folder's id (a
 * ParameterStatus it adds to its startup reply), and it must be the id written in the folder.
 * A db:serve of another folder on the same port, or any other server there, is refused in one
 * line before the connection is used, so nothing is ever written into another database.
 */
import pg from 'pg';
import { FluxDbError } from '../errors/flux-db-error.ts';
import { readFolderId } from './folder-marks.ts';
import { isAlive, lockPathFor, readHolder } from './holder.ts';

/** The parameters db:serve adds to its startup reply. */
export const folderIdParameter = 'fluxcore.folder_id';
export const dataDirParameter = 'fluxcore.data_dir';

interface ParameterStatus {
  parameterName: string;
  parameterValue: string;
}

/** A pg.Client class whose connections must reach the db:serve of `dataDir`. */
export function servedClientClass(dataDir: string): typeof pg.Client {
  return class ServedClient extends pg.Client {
    private readonly reported = new Map<string, string>();

    constructor(config?: string | pg.ClientConfig) {
      super(config);
      const connection = (this as unknown as { connection: NodeJS.EventEmitter }).connection;
      connection.on('parameterStatus', (message: ParameterStatus) => {
        this.reported.set(message.parameterName, message.parameterValue);
      });
    }

    override connect(): Promise<pg.Client>;
    override connect(callback: (err: Error) => void): void;
    override connect(callback?: (err: Error) => void): Promise<pg.Client> | undefined {
      const checked = this.connectChecked();
      if (!callback) return checked;
      checked.then(() => callback(null as unknown as Error), callback);
      return undefined;
    }

    private async connectChecked(): Promise<pg.Client> {
      const holder = readHolder(lockPathFor(dataDir));
      if (!holder?.serve || !isAlive(holder.pid)) {
        throw new FluxDbError(
          'CONNECTION_REFUSED',
          `no db:serve serves the embedded database at ${dataDir} now (it stopped)`,
          `Start it again (FLUXCORE_DATA_DIR=${dataDir} bun run db:serve), then retry`,
        );
      }
      const self = this as unknown as { host: string; port: number };
      self.host = holder.serve.host;
      self.port = holder.serve.port;
      await super.connect();
      const expected = readFolderId(dataDir);
      const answered = this.reported.get(folderIdParameter);
      if (expected && answered === expected) return this;
      await this.end().catch(() => {});
      throw wrongFolder(dataDir, `${self.host}:${self.port}`, this.reported.get(dataDirParameter));
    }
  };
}

function wrongFolder(dataDir: string, address: string, served: string | undefined): FluxDbError {
  const what = served
    ? `serves the embedded database at ${served}, not the one at ${dataDir}`
    : `is not the db:serve of the embedded database at ${dataDir} (it does not say which folder it serves)`;
  return new FluxDbError(
    'WRONG_DATABASE',
    `what answers on ${address} ${what}: refused before any query, nothing was written`,
    `Stop it and start this folder's db:serve (FLUXCORE_DATA_DIR=${dataDir} bun run db:serve)`,
  );
}

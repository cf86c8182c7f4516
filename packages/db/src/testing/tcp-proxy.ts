/**
 * A TCP proxy in front of a database, for tests of what a process does when its database
 * dies or freezes under it: `kill()` closes every connection and refuses new ones (the
 * database process died), `freeze()` keeps every connection open and forwards nothing more,
 * either way (the database hangs: a query never gets an answer).
 */
import net from 'node:net';

export interface TcpProxy {
  port: number;
  /** Every connection stays open; nothing more is forwarded, new ones are never answered. */
  freeze(): void;
  /** Every connection is closed, and new ones are refused. */
  kill(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  let frozen = false;
  const track = (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const server = net.createServer((client) => {
    track(client);
    if (frozen) return;
    const upstream = net.connect(target.port, target.host);
    track(upstream);
    const forward = (from: net.Socket, to: net.Socket) => {
      from.on('data', (chunk) => {
        if (!frozen) to.write(chunk);
      });
      from.on('close', () => {
        if (!frozen) to.destroy();
      });
    };
    forward(client, upstream);
    forward(upstream, client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    freeze() {
      frozen = true;
    },
    async kill() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
    },
  };
}

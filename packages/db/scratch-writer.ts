// Hostile pass: an API-like writer on folder A that keeps writing through db:serve.
import { createDb } from './src/client.ts';

const client = await createDb({
  kind: 'embedded',
  dataDir: process.argv[2]!,
  applicationName: 'writer',
});
await client.exec(
  'create schema if not exists probe; create table if not exists probe.w (n int, at timestamptz default now())',
);
let n = 0,
  acked = 0,
  refused = 0;
const lines = new Set<string>();
const stop = Date.now() + Number(process.argv[3] ?? 20000);
while (Date.now() < stop) {
  n++;
  try {
    await client.query('insert into probe.w (n) values ($1)', [n]);
    acked++;
  } catch (e) {
    refused++;
    lines.add((e as Error).message);
  }
  await Bun.sleep(50);
}
console.log(JSON.stringify({ acked, refused, lines: [...lines] }));
await client.close();
process.exit(0);

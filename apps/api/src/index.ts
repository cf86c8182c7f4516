/**
 * The FluxCore API. For now it serves the database's health; issue 6 adds the routes.
 */
import {
  createDb,
  loadDatabaseConfig,
  loadMigrations,
  migrationStatus,
  migrationsFolder,
} from '@fluxcore/db';

const client = await createDb(loadDatabaseConfig(process.env, { applicationName: 'fluxcore-api' }));
const migrations = loadMigrations(migrationsFolder);

const server = Bun.serve({
  port: Number(process.env.PORT ?? 3000),
  async fetch(request) {
    if (new URL(request.url).pathname !== '/health')
      return new Response('not found', { status: 404 });
    const report = await migrationStatus(client, migrations);
    const pending = report.migrations.filter((m) => m.state !== 'applied').length;
    return Response.json({
      database: client.kind,
      migrations: { total: migrations.length, pending, problems: report.problems },
    });
  },
});
console.log(`api listening on http://127.0.0.1:${server.port}`);
process.on('SIGTERM', async () => {
  server.stop();
  await client.close();
  process.exit(0);
});

import { createDb } from '../client.ts';
import { describeTarget, loadDatabaseConfig } from '../config.ts';
import { seedReferenceData } from '../seed/credits-policies.ts';
import { parseFlags, runCommand } from './run.ts';

await runCommand(async () => {
  parseFlags({});
  const config = loadDatabaseConfig(process.env, { applicationName: 'fluxcore-seed' });
  const client = await createDb(config, { poolMax: 1 });
  try {
    const result = await seedReferenceData(client.db);
    console.log(
      `seeded ${describeTarget(config)}: credits_policies +${result.creditsPolicies} (${result.creditsPolicies === 0 ? 'already present' : 'inserted'})`,
    );
    return 0;
  } finally {
    await client.close();
  }
});

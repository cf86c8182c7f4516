/** `db:seed`: inserts the reference data (credits policies) that is missing. */
import { createDb } from '../../client.ts';
import { type DatabaseConfig, describeTarget } from '../../config.ts';
import { baseCreditsPolicies, seedReferenceData } from '../../operations/seed/credits-policies.ts';
import { consoleIo, type Io } from '../context.ts';

export async function run(_flags: object, config: DatabaseConfig, io: Io = consoleIo) {
  io.log(`seeding ${describeTarget(config)}: 1 table of reference data`);
  const client = await createDb(config, { poolMax: 1 });
  try {
    const result = await seedReferenceData(client.db);
    const total = baseCreditsPolicies.length;
    io.log(
      `  credits_policies: ${total} reference row(s), ${result.creditsPolicies} inserted, ${total - result.creditsPolicies} already present (an edited one is left as it is)`,
    );
    io.log(
      `seeded ${describeTarget(config)}: credits_policies +${result.creditsPolicies} (${result.creditsPolicies === 0 ? 'already present' : 'inserted'})`,
    );
    return 0;
  } finally {
    await client.close();
  }
}

/** `db:seed`: inserts the reference data (credits policies) that is missing. */
import { createDb } from '../../client.ts';
import { type DatabaseConfig, describeTarget } from '../../config.ts';
import { seedReferenceData } from '../../operations/seed/credits-policies.ts';
import { consoleIo, type Io } from '../context.ts';

export async function run(_flags: object, config: DatabaseConfig, io: Io = consoleIo) {
  const client = await createDb(config, { poolMax: 1 });
  try {
    const result = await seedReferenceData(client.db);
    io.log(
      `seeded ${describeTarget(config)}: credits_policies +${result.creditsPolicies} (${result.creditsPolicies === 0 ? 'already present' : 'inserted'})`,
    );
    return 0;
  } finally {
    await client.close();
  }
}

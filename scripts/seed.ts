import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ConfigError, loadConfig } from '../subgraphs/kit/config';
import { createLogger } from '../subgraphs/kit/logger';
import { openConfiguredStore } from '../subgraphs/kit/run-process';
import { generateDemoDataset } from './demo-data/dataset';
import { loadDemoData } from './demo-data/load';

/**
 * `npm run seed -- --scale demo|bench [--seed N]`: writes the demo dataset, or the benchmark one
 * (about 2,000 accounts, 50,000 users and 300,000 tickets, posts and enrollments), into
 * HUB_DATA_DIR or MongoDB. Only empty databases are written, so seeding twice changes nothing.
 */
const argumentsSchema = z.strictObject({
  scale: z.enum(['demo', 'bench']).default('demo'),
  seed: z.coerce.number().int().default(42),
});

function seconds(startedAt: number): string {
  return `${((performance.now() - startedAt) / 1000).toFixed(1)} s`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { scale: { type: 'string' }, seed: { type: 'string' } }, strict: true });
  const args = argumentsSchema.parse(values);
  const config = loadConfig();
  if (!config.MONGODB_URI && !config.HUB_DATA_DIR) {
    throw new ConfigError(['HUB_DATA_DIR or MONGODB_URI: set one, or the seeded data is gone when this command ends']);
  }
  const logger = createLogger({ level: config.LOG_LEVEL, name: 'seed' });
  const startedAt = performance.now();
  const dataset = generateDemoDataset({ scale: args.scale, seed: args.seed });
  const generated = seconds(startedAt);
  const store = await openConfiguredStore(config, logger);
  try {
    const loadStartedAt = performance.now();
    const loaded = await loadDemoData({ store, config }, dataset);
    console.log(`generated the ${args.scale} dataset in ${generated}; loaded ${loaded.join(', ') || 'nothing (databases not empty)'} in ${seconds(loadStartedAt)}`);
  } finally {
    const closeStartedAt = performance.now();
    await store.close();
    console.log(`stored (${store.kind}${config.HUB_DATA_DIR ? ` in ${config.HUB_DATA_DIR}` : ''}) in ${seconds(closeStartedAt)}; total ${seconds(startedAt)}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error instanceof z.ZodError ? `seed: ${z.prettifyError(error)}` : error);
  process.exit(1);
});

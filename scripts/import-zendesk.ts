import { parseArgs } from 'node:util';
import { z } from 'zod';
import { signToken } from '../subgraphs/kit/auth';
import { ConfigError, loadConfig } from '../subgraphs/kit/config';
import { createGraphClient } from '../subgraphs/kit/graph-client';
import { applyRecords } from './import-zendesk/apply-records';
import { importLive } from './import-zendesk/live';
import { readZendeskFiles, ZendeskImportError } from './import-zendesk/read-files';
import { describeCounts } from './import-zendesk/summary';

/**
 * `npm run import:zendesk -- --file F` (a JSON file, or a directory of them, of Zendesk API
 * responses) or `-- --live [--start-time UNIX] [--state F]` (the incremental ticket export of
 * ZENDESK_SUBDOMAIN, resumable): imports organizations, users and tickets through a running hub.
 * The token is HUB_SERVICE_TOKEN, or one signed with the hub's secret for an integration that may
 * write accounts and support. `--base-url` points the live mode at another server (tests).
 */
const WRITE_SCOPES = ['accounts:read', 'accounts:write', 'support:read', 'support:write'];

const argumentsSchema = z
  .strictObject({
    file: z.string().min(1).optional(),
    live: z.boolean().optional(),
    'start-time': z.coerce.number().int().min(0, 'must be Unix seconds').default(0),
    state: z.string().min(1).default('.zendesk-import-state.json'),
    'base-url': z.url().optional(),
    gateway: z.url().optional(),
  })
  .refine((args) => Boolean(args.file) !== Boolean(args.live), { message: 'give either --file F or --live' });

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      file: { type: 'string' },
      live: { type: 'boolean' },
      'start-time': { type: 'string' },
      state: { type: 'string' },
      'base-url': { type: 'string' },
      gateway: { type: 'string' },
    },
    strict: true,
  });
  const args = argumentsSchema.parse(values);
  const config = loadConfig();
  const gatewayUrl = args.gateway ?? config.HUB_GATEWAY_URL ?? `http://127.0.0.1:${config.PORT}/graphql`;
  const token = config.HUB_SERVICE_TOKEN ?? (await signToken(config, { subject: 'zendesk-import', role: 'integration', scopes: WRITE_SCOPES, expiresIn: '12h' }));
  const graph = createGraphClient({ url: () => gatewayUrl, token: async () => token });

  if (args.file) {
    const { files, records } = await readZendeskFiles(args.file);
    const counts = await applyRecords(graph, records);
    console.log(`imported ${files.length} file${files.length === 1 ? '' : 's'}: ${describeCounts(counts)}`);
    return;
  }
  const baseUrl = args['base-url'] ?? (config.ZENDESK_SUBDOMAIN ? `https://${config.ZENDESK_SUBDOMAIN}.zendesk.com` : undefined);
  if (!baseUrl || !config.ZENDESK_EMAIL || !config.ZENDESK_API_TOKEN) {
    throw new ZendeskImportError('--live needs ZENDESK_SUBDOMAIN, ZENDESK_EMAIL and ZENDESK_API_TOKEN');
  }
  const result = await importLive({
    graph,
    baseUrl,
    email: config.ZENDESK_EMAIL,
    apiToken: config.ZENDESK_API_TOKEN,
    startTime: args['start-time'],
    statePath: args.state,
    log: (line) => console.error(`import:zendesk: ${line}`),
  });
  console.log(`imported ${result.pages} page${result.pages === 1 ? '' : 's'}: ${describeCounts(result.counts)}\nnext run continues from cursor ${result.cursor ?? '(none)'}`);
}

main().catch((error: unknown) => {
  if (error instanceof z.ZodError) console.error(`import:zendesk: ${z.prettifyError(error)}`);
  else if (error instanceof ConfigError || error instanceof ZendeskImportError) console.error(`import:zendesk: ${error.message}`);
  else console.error(error);
  process.exit(1);
});

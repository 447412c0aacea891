import { parseArgs } from 'node:util';
import { z } from 'zod';
import { signToken } from '../subgraphs/kit/auth';
import { ConfigError, loadConfig } from '../subgraphs/kit/config';
import { IMPORT_FORMATS } from '../subgraphs/search/external/import-formats';
import { SCOPES } from '../subgraphs/search/policy';
import { ContentImportError, importContent } from './import-content/import';

/**
 * `npm run import:content -- --file articles.json [--format zendesk-guide|moodle-courses|hub]
 * [--source name] [--base-url https://lms.example.com] [--locale en-US] [--gateway URL]`:
 * imports external documents into search through a running hub. The token is HUB_SERVICE_TOKEN,
 * or one signed with the hub's secret for an integration with `search:write`.
 */
const argumentsSchema = z.strictObject({
  file: z.string().min(1, '--file is required'),
  format: z.enum(IMPORT_FORMATS).optional(),
  source: z.string().optional(),
  'base-url': z.url().optional(),
  locale: z.string().default('en-US'),
  gateway: z.url().optional(),
});

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      file: { type: 'string' },
      format: { type: 'string' },
      source: { type: 'string' },
      'base-url': { type: 'string' },
      locale: { type: 'string' },
      gateway: { type: 'string' },
    },
    strict: true,
  });
  const args = argumentsSchema.parse({ file: '', ...values });
  const config = loadConfig();
  const gatewayUrl = args.gateway ?? config.HUB_GATEWAY_URL ?? `http://127.0.0.1:${config.PORT}/graphql`;
  const token =
    config.HUB_SERVICE_TOKEN ?? (await signToken(config, { subject: 'content-import', role: 'integration', scopes: [SCOPES.write], expiresIn: '10m' }));
  const result = await importContent({
    file: args.file,
    format: args.format,
    source: args.source,
    baseUrl: args['base-url'],
    defaultLocale: args.locale,
    gatewayUrl,
    token,
  });
  console.log(`imported ${args.file} (${result.format}): ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged`);
}

main().catch((error: unknown) => {
  if (error instanceof z.ZodError) console.error(`import:content: ${z.prettifyError(error)}`);
  else if (error instanceof ConfigError || error instanceof ContentImportError) console.error(`import:content: ${error.message}`);
  else console.error(error);
  process.exit(1);
});

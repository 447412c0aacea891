import { z } from 'zod';

const booleanFlag = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');

/** Every environment variable the hub reads. The README's configuration table mirrors this. */
const environmentSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    HOST: z.string().min(1).default('127.0.0.1'),
    PORT: z.coerce.number().int().min(0).max(65535).default(4000),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    MONGODB_URI: z.string().regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://').optional(),
    MONGODB_DB_PREFIX: z.string().regex(/^[A-Za-z0-9_-]*$/, 'letters, digits, _ and - only').default('hub_'),
    HUB_DATA_DIR: z.string().min(1).optional(),
    HUB_DEMO_DATA: booleanFlag.optional(),
    HUB_JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    HUB_JWKS_URL: z.url().optional(),
    HUB_JWT_ISSUER: z.string().min(1).default('customer-hub'),
    HUB_JWT_AUDIENCE: z.string().min(1).default('customer-hub'),
    HUB_SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
    HUB_SUPERGRAPH_PATH: z.string().min(1).optional(),
    HUB_GATEWAY_URL: z.url().optional(),
    HUB_HEALTH_RECOMPUTE_MINUTES: z.coerce.number().int().min(0).default(60),
    HUB_SERVICE_TOKEN: z.string().min(1).optional(),
    HUB_JOURNEY_PLAYBOOK_PATH: z.string().min(1).optional(),
    HUB_SEARCH_REFRESH_MS: z.coerce
      .number()
      .int()
      .refine((value) => value === 0 || (value >= 100 && value <= 60_000), 'must be 0 (off) or 100–60000 milliseconds')
      .default(1_000),
    ZENDESK_WEBHOOK_SECRET: z.string().min(1).optional(),
    DISCOURSE_WEBHOOK_SECRET: z.string().min(1).optional(),
    STRIPE_WEBHOOK_SECRET: z.string().min(1).optional(),
    HUB_XAPI_CREDENTIALS: z
      .string()
      .regex(/^[^:,\s]+:[^,\s]+(,[^:,\s]+:[^,\s]+)*$/, 'must be key:secret pairs separated by commas')
      .optional(),
    HUB_WEBHOOK_MAX_BODY_BYTES: z.coerce.number().int().min(1_024).max(50 * 1_048_576).default(1_048_576),
    HUB_INBOX_POLL_MS: z.coerce
      .number()
      .int()
      .refine((value) => value === 0 || (value >= 50 && value <= 60_000), 'must be 0 (off) or 50–60000 milliseconds')
      .default(1_000),
    HUB_INBOX_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(5_000),
    HUB_INBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(10),
    HUB_OUTBOUND_SCAN_MS: z.coerce
      .number()
      .int()
      .refine((value) => value === 0 || (value >= 100 && value <= 3_600_000), 'must be 0 (off) or 100–3600000 milliseconds')
      .default(60_000),
    HUB_OUTBOUND_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(10_000),
    HUB_OUTBOUND_MAX_FAILURES: z.coerce.number().int().min(1).max(1_000).default(20),
    ZENDESK_SUBDOMAIN: z.string().regex(/^[a-z0-9-]+$/, 'the part before .zendesk.com').optional(),
    ZENDESK_EMAIL: z.email().optional(),
    ZENDESK_API_TOKEN: z.string().min(1).optional(),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.HUB_JWT_SECRET && !env.HUB_JWKS_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['HUB_JWT_SECRET'],
        message: 'production needs HUB_JWKS_URL or HUB_JWT_SECRET (the development secret is refused)',
      });
    }
  });

/** Subgraph URL overrides: `HUB_SUBGRAPH_ACCOUNTS_URL=http://accounts:4001/graphql`. */
const SUBGRAPH_URL_VARIABLE = /^HUB_SUBGRAPH_([A-Z0-9]+)_URL$/;

export type Environment = z.output<typeof environmentSchema>;

export interface HubConfig extends Readonly<Environment> {
  readonly isProduction: boolean;
  readonly subgraphUrls: Readonly<Record<string, string>>;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Validates the environment once into a typed, frozen config. Every bad variable is listed in
 * one error, so a misconfigured deployment is fixed in one pass.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): HubConfig {
  const problems: string[] = [];
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(`${issue.path.join('.') || 'environment'}: ${issue.message}`);
  }
  const subgraphUrls: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    const match = SUBGRAPH_URL_VARIABLE.exec(name);
    if (!match?.[1] || value === undefined) continue;
    if (z.url().safeParse(value).success) subgraphUrls[match[1].toLowerCase()] = value;
    else problems.push(`${name}: must be a URL`);
  }
  if (problems.length > 0 || !parsed.success) throw new ConfigError(problems);
  return Object.freeze({
    ...parsed.data,
    isProduction: parsed.data.NODE_ENV === 'production',
    subgraphUrls: Object.freeze(subgraphUrls),
  });
}

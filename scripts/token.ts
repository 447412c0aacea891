import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ROLES, signToken } from '../subgraphs/kit/auth';
import { ConfigError, loadConfig } from '../subgraphs/kit/config';

/**
 * Prints one signed token and nothing else, so it composes in shells:
 *   TOKEN=$(npm run -s token -- --role customer --account acc_0001 --user usr_0001_001)
 */
const argumentsSchema = z
  .object({
    role: z.enum(ROLES),
    account: z.string().min(1).optional(),
    user: z.string().min(1).optional(),
    subject: z.string().min(1).optional(),
    scopes: z.string().optional(),
    expires: z.string().regex(/^\d+[smhdw]$/, 'like 12h or 30d').default('12h'),
  })
  .refine((args) => args.role !== 'customer' || (args.account && args.user), {
    message: '--role customer needs --account <id> and --user <id>',
  });

function usageError(problem: string): never {
  console.error(`token: ${problem}`);
  console.error('usage: npm run -s token -- --role staff | --role customer --account <id> --user <id> | --role integration --scopes a,b');
  process.exit(2);
}

async function main(): Promise<void> {
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({
      options: {
        role: { type: 'string' },
        account: { type: 'string' },
        user: { type: 'string' },
        subject: { type: 'string' },
        scopes: { type: 'string' },
        expires: { type: 'string' },
      },
      strict: true,
    }));
  } catch (error) {
    usageError((error as Error).message);
  }
  const parsed = argumentsSchema.safeParse(values);
  if (!parsed.success) {
    usageError(parsed.error.issues.map((issue) => `${issue.path.join('.') || 'arguments'}: ${issue.message}`).join('; '));
  }
  const args = parsed.data;
  const config = loadConfig();
  const subject = args.user ?? args.subject ?? (args.role === 'staff' ? 'staff_cli' : 'integration_cli');
  const token = await signToken(config, {
    subject,
    role: args.role,
    ...(args.account ? { accountId: args.account } : {}),
    scopes: args.scopes ? args.scopes.split(',').map((scope) => scope.trim()).filter(Boolean) : [],
    expiresIn: args.expires,
  });
  process.stdout.write(`${token}\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : `token: ${(error as Error).message}`);
  process.exit(1);
});

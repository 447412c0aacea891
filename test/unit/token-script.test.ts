import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { createTokenVerifier, type AuthSettings } from '../../subgraphs/kit/auth';

const REPO_ROOT = join(__dirname, '..', '..');
const TOKEN_SECRET = 'token-script-test-secret-token-script-0001';

const settings: AuthSettings = {
  HUB_JWT_SECRET: TOKEN_SECRET,
  HUB_JWKS_URL: undefined,
  HUB_JWT_ISSUER: 'customer-hub',
  HUB_JWT_AUDIENCE: 'customer-hub',
};
const verifier = createTokenVerifier(settings);

interface ScriptRun {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** The environment of a fresh shell with only the test secret set: no JWKS, issuer or audience overrides. */
function scriptEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!name.startsWith('HUB_') && !name.startsWith('MONGODB_')) env[name] = value;
  }
  return { ...env, HUB_JWT_SECRET: TOKEN_SECRET };
}

/** Runs `scripts/token.ts` as `npm run -s token -- …` would, and never throws on a failing exit. */
function runTokenScript(args: readonly string[]): Promise<ScriptRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'scripts/token.ts', ...args],
      { cwd: REPO_ROOT, env: scriptEnvironment(), timeout: 20_000 },
      (error, stdout, stderr) => {
        const exitCode = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ exitCode, stdout, stderr });
      },
    );
  });
}

const ONE_JWT_LINE = /^[\w-]+\.[\w-]+\.[\w-]+\n$/;

describe('the token script (npm run -s token)', () => {
  it('prints exactly one line, a staff token the hub verifies', async () => {
    const run = await runTokenScript(['--role', 'staff']);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(ONE_JWT_LINE);
    await expect(verifier.verify(run.stdout.trim())).resolves.toEqual({
      subject: 'staff_cli',
      role: 'staff',
      accountId: null,
      scopes: [],
    });
  });

  it('prints a customer token for the given user of the given account', async () => {
    const run = await runTokenScript(['--role', 'customer', '--account', 'acc_1', '--user', 'usr_1']);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(ONE_JWT_LINE);
    await expect(verifier.verify(run.stdout.trim())).resolves.toEqual({
      subject: 'usr_1',
      role: 'customer',
      accountId: 'acc_1',
      scopes: [],
    });
  });

  it('prints an integration token carrying every comma-separated scope', async () => {
    const run = await runTokenScript(['--role', 'integration', '--scopes', 'accounts:read,accounts:write']);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(ONE_JWT_LINE);
    await expect(verifier.verify(run.stdout.trim())).resolves.toEqual({
      subject: 'integration_cli',
      role: 'integration',
      accountId: null,
      scopes: ['accounts:read', 'accounts:write'],
    });
  });

  it('exits with code 2 and prints nothing on stdout when a customer token lacks --account', async () => {
    const run = await runTokenScript(['--role', 'customer', '--user', 'usr_1']);
    expect(run.exitCode).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/--account/);
  });

  it('exits with code 2 and prints nothing on stdout for an unknown flag', async () => {
    const run = await runTokenScript(['--role', 'staff', '--admin']);
    expect(run.exitCode).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/--admin/);
  });
});

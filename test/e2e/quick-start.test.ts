import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { generateDemoData } from '../../scripts/demo-data/generate';
import { postGraphql } from '../helpers/stack';

const REPO_ROOT = join(__dirname, '..', '..');
/** The gateway and up to eight subgraphs on PORT, PORT+1 … */
const PORTS_NEEDED = 9;
const STARTUP_TIMEOUT_MS = 60_000;
const SHUTDOWN_TIMEOUT_MS = 10_000;

interface Banner {
  gatewayUrl: string;
  staffToken: string;
  customerToken: string;
  customerUserId: string;
  customerAccountId: string;
}

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/** A base port p with p … p+count-1 all free right now (another process may still take one later). */
async function findFreePortRange(count: number): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const base = 20_000 + Math.floor(Math.random() * 40_000);
    let allFree = true;
    for (let port = base; port < base + count && allFree; port += 1) allFree = await isPortFree(port);
    if (allFree) return base;
  }
  throw new Error(`no ${count} consecutive free ports found`);
}

/** A newcomer's shell: none of the hub's variables set, so `npm start` runs on its defaults. */
function quickStartEnvironment(port: number): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!name.startsWith('HUB_') && !name.startsWith('MONGODB_') && name !== 'NODE_ENV') env[name] = value;
  }
  return { ...env, PORT: String(port), LOG_LEVEL: 'warn' };
}

const BANNER =
  /Customer Hub is running: (\S+) [\s\S]*?Staff token[^\n]*\n\s+(\S+)\n[\s\S]*?Customer token \(user (\S+) of account (\S+)\):\n\s+(\S+)\n/;

/** Resolves once the child has printed its whole banner; rejects if it exits or takes too long. */
function waitForBanner(child: ChildProcess, exited: Promise<Exit>, timeoutMs: number): Promise<Banner> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((resolve, reject) => {
    const fail = (reason: string) => {
      clearTimeout(timer);
      reject(new Error(`${reason}\nstdout:\n${stdout}\nstderr:\n${stderr}`));
    };
    const timer = setTimeout(() => fail(`no banner within ${timeoutMs} ms`), timeoutMs);
    child.stdout?.on('data', () => {
      const match = BANNER.exec(stdout);
      if (!match) return;
      clearTimeout(timer);
      const [, gatewayUrl = '', staffToken = '', customerUserId = '', customerAccountId = '', customerToken = ''] = match;
      resolve({ gatewayUrl, staffToken, customerToken, customerUserId, customerAccountId });
    });
    void exited.then((exit) => fail(`exited before printing the banner (code ${exit.code}, signal ${exit.signal})`));
  });
}

function withinMs<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${timeoutMs} ms`)), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// The README's quick start, run as a newcomer would: the real script in its own process.
describe('npm start (scripts/dev.ts in a child process)', () => {
  let port: number;
  let child: ChildProcess;
  let exited: Promise<Exit>;
  let banner: Banner;

  beforeAll(async () => {
    port = await findFreePortRange(PORTS_NEEDED);
    // The command `npm start` runs, without npm in between, so SIGTERM reaches the script itself.
    // Its own process group, so afterAll can end it and anything it started together.
    child = spawn(process.execPath, ['--import', 'tsx', 'scripts/dev.ts'], {
      cwd: REPO_ROOT,
      env: quickStartEnvironment(port),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    banner = await waitForBanner(child, exited, STARTUP_TIMEOUT_MS);
  }, STARTUP_TIMEOUT_MS + 5_000);

  afterAll(() => {
    if (child?.pid !== undefined && child.exitCode === null && child.signalCode === null) process.kill(-child.pid, 'SIGKILL');
  });

  it('prints the gateway URL on PORT', () => {
    expect(banner.gatewayUrl).toBe(`http://127.0.0.1:${port}/graphql`);
  });

  it("answers the printed customer token with the demo customer's own user and account", async () => {
    const demoAccount = generateDemoData().accounts.find((account) => account._id === 'acc_0001');
    expect(banner.customerAccountId).toBe('acc_0001');

    const result = await postGraphql<any>(banner.gatewayUrl, `{ viewer { user { id } account { id name } } }`, {
      token: banner.customerToken,
    });
    expect(result.errors).toBeUndefined();
    expect(result.data.viewer).toEqual({
      user: { id: banner.customerUserId },
      account: { id: 'acc_0001', name: demoAccount?.name },
    });
  });

  it('has the demo dataset loaded: the printed staff token sees 35 to 45 accounts', async () => {
    const result = await postGraphql<any>(banner.gatewayUrl, `{ accounts(first: 100) { totalCount } }`, { token: banner.staffToken });
    expect(result.errors).toBeUndefined();
    expect(result.data.accounts.totalCount).toBeGreaterThanOrEqual(35);
    expect(result.data.accounts.totalCount).toBeLessThanOrEqual(45);
  });

  it('exits with code 0 within 10 s of SIGTERM', async () => {
    child.kill('SIGTERM');
    await expect(withinMs(exited, SHUTDOWN_TIMEOUT_MS, 'shutting down')).resolves.toEqual({ code: 0, signal: null });
  });
});

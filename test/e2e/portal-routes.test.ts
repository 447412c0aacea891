import { decodeJwt } from 'jose';
import { portalFeatures } from '../../gateway/portal-features';
import { readSupergraph } from '../../gateway/supergraph';
import { createTokenVerifier } from '../../subgraphs/kit/auth';
import { buildAccount, buildUser } from '../helpers/factories';
import { seedAccounts } from '../helpers/seed';
import { startStack, testConfig, type Stack } from '../helpers/stack';
import { daysAgo } from '../helpers/time';

interface DemoUserBody {
  kind: string;
  subject: string;
  role: string;
  account: { id: string; tenureDays: number | null } | null;
  token: string;
  expiresAt: string;
}

function portalUrl(stack: Stack, path = ''): string {
  return stack.gatewayUrl.replace(/\/graphql$/, `/portal${path}`);
}

describe('the portal routes of a development gateway', () => {
  const young = buildAccount({ name: 'A Young Company', customerSince: daysAgo(10) });
  const youngEndUser = buildUser(young, { persona: 'END_USER' });
  const youngAdmin = buildUser(young, { persona: 'ADMIN' });
  const prospect = buildAccount({ name: 'B Prospect', customerSince: null });
  const middle = buildAccount({ name: 'C Middle Company', customerSince: daysAgo(100) });
  const old = buildAccount({ name: 'D Old Company', customerSince: daysAgo(400) });
  const oldQuietAdmin = buildUser(old, { persona: 'ADMIN', lastSeenAt: null });
  const oldChampion = buildUser(old, { persona: 'CHAMPION' });
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({
      arrange: (target) =>
        seedAccounts(target, [young, prospect, middle, old], [youngEndUser, youngAdmin, buildUser(prospect), buildUser(middle), oldQuietAdmin, oldChampion]),
    });
  });
  afterAll(() => stack.stop());

  it('serves the page with a CSP that allows scripts and styles from the hub only, and nothing inline', async () => {
    const response = await fetch(portalUrl(stack));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("style-src 'self'");
    expect(policy).toContain("default-src 'none'");
    expect(policy).not.toContain('unsafe-inline');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    const html = await response.text();
    expect(html).toContain('<script type="module" src="/portal/portal.js"></script>');
    expect(html.match(/<script\b[^>]*>/g)).toEqual(['<script type="module" src="/portal/portal.js">']);
  });

  it('serves the script and the stylesheet with their types and nosniff', async () => {
    for (const [path, type] of [['/portal.js', 'text/javascript; charset=utf-8'], ['/portal.css', 'text/css; charset=utf-8']] as const) {
      const response = await fetch(portalUrl(stack, path));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(type);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('answers 404 for anything that is not one of the page files', async () => {
    for (const path of ['/missing.js', '/..%2F..%2Fpackage.json', '/../../package.json', '/portal-routes.ts']) {
      const response = await fetch(portalUrl(stack, path));
      expect(response.status).toBe(404);
    }
  });

  it('tells the page which optional parts of the graph the served supergraph has', async () => {
    const response = await fetch(portalUrl(stack, '/features'));
    expect(await response.json()).toEqual(portalFeatures(readSupergraph()));
  });

  it('offers a staff member and customers of different tenure, each with a fresh token valid for 30 minutes', async () => {
    const response = await fetch(portalUrl(stack, '/demo-users'));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const { users } = (await response.json()) as { users: DemoUserBody[] };
    expect(users.map(({ kind, subject, role, account }) => ({ kind, subject, role, accountId: account?.id ?? null }))).toEqual([
      { kind: 'staff', subject: 'staff_test', role: 'staff', accountId: null },
      { kind: 'first-weeks', subject: youngAdmin._id, role: 'customer', accountId: young._id },
      { kind: 'established', subject: oldChampion._id, role: 'customer', accountId: old._id },
    ]);
    expect(users.find((user) => user.kind === 'first-weeks')?.account?.tenureDays).toBe(10);

    const verifier = createTokenVerifier(stack.config);
    for (const user of users) {
      const identity = await verifier.verify(user.token);
      expect(identity).toMatchObject({ subject: user.subject, role: user.role, accountId: user.account?.id ?? null });
      const claims = decodeJwt(user.token);
      expect(claims.exp! - claims.iat!).toBe(30 * 60);
      expect(Date.parse(user.expiresAt) / 1000).toBeCloseTo(claims.exp!, -1);
    }
  });

  it('signs tokens the graph accepts: a demo customer reads their own account', async () => {
    const { users } = (await (await fetch(portalUrl(stack, '/demo-users'))).json()) as { users: DemoUserBody[] };
    const customer = users.find((user) => user.kind === 'first-weeks')!;
    const result = await stack.query<{ viewer: { user: { id: string }; account: { id: string } } }>('{ viewer { user { id } account { id } } }', { token: customer.token });
    expect(result.data?.viewer).toEqual({ user: { id: youngAdmin._id }, account: { id: young._id } });
  });
});

describe('the portal routes of a production gateway', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ config: testConfig({ NODE_ENV: 'production' }) });
  });
  afterAll(() => stack.stop());

  it('serves the page, which then asks for a token', async () => {
    const response = await fetch(portalUrl(stack));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('id="token-form"');
  });

  it('has no demo users: the route answers 404', async () => {
    const response = await fetch(portalUrl(stack, '/demo-users'));
    expect(response.status).toBe(404);
    expect(((await response.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]?.extensions.code).toBe('NOT_FOUND');
  });
});

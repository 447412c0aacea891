import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createGraphClient, type GraphClient } from '../../subgraphs/kit/graph-client';
import { applyRecords } from '../../scripts/import-zendesk/apply-records';
import { importLive } from '../../scripts/import-zendesk/live';
import { readZendeskFiles } from '../../scripts/import-zendesk/read-files';
import { buildAccount } from '../helpers/factories';
import { seedAccounts } from '../helpers/seed';
import { startStack, TEST_JWT_SECRET, type Stack } from '../helpers/stack';

const FIXTURES = join(__dirname, '../fixtures/zendesk');
const EXPORT = join(FIXTURES, 'export');
const SCRIPT = join(__dirname, '../../scripts/import-zendesk.ts');
const run = promisify(execFile);

const ACCOUNT = `query($id: String!) { accountByExternalId(source: "zendesk", id: $id) {
  id name domains segment
  users { totalCount edges { node { email name locale externalIds { source id } } } }
  support { openTickets urgentOpen csat90d }
  tickets(first: 20) { totalCount edges { node { subject status priority tags satisfaction { rating comment } requester { id } externalIds { id } } } }
} }`;
const TICKET_COUNT = `{ tickets(first: 1) { totalCount } }`;

interface FakeRequest {
  query: URLSearchParams;
  authorization: string | undefined;
  at: number;
}

/** A local server playing Zendesk's incremental export: `answer` decides each response. */
async function startFakeZendesk(answer: (query: URLSearchParams, index: number) => { status: number; headers?: Record<string, string>; body?: unknown }) {
  const requests: FakeRequest[] = [];
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    requests.push({ query: url.searchParams, authorization: request.headers.authorization, at: Date.now() });
    const reply = url.pathname === '/api/v2/incremental/tickets/cursor.json' ? answer(url.searchParams, requests.length - 1) : { status: 404, body: { error: 'InvalidEndpoint' } };
    response.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
    response.end(JSON.stringify(reply.body ?? {}));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** An export page of the fixtures with its ticket ids moved by `offset`, so each test imports tickets of its own. */
function exportPage(number: 1 | 2, offset: number): Record<string, any> {
  const page = JSON.parse(readFileSync(join(EXPORT, `${number}-incremental-tickets.json`), 'utf8'));
  return { ...page, tickets: page.tickets.map((ticket: any) => ({ ...ticket, id: ticket.id + offset })) };
}

describe('npm run import:zendesk', () => {
  let stack: Stack;
  let graph: GraphClient;
  // Known to the hub before any import: Zendesk's organization of the same domain is linked to it.
  const hoshi = buildAccount({ name: 'Hoshi Foods K.K.', domains: ['hoshi-foods.example.jp'], segment: 'ENTERPRISE' });

  beforeAll(async () => {
    stack = await startStack({ arrange: (target) => seedAccounts(target, [hoshi]) });
    const token = await stack.integrationToken(['accounts:read', 'accounts:write', 'support:read', 'support:write']);
    graph = createGraphClient({ url: () => stack.gatewayUrl, token: async () => token });
  });
  afterAll(() => stack.stop());

  const accountOf = async (organizationId: string) => {
    const result = await stack.query<any>(ACCOUNT, { token: await stack.staffToken(), variables: { id: organizationId } });
    expect(result.errors).toBeUndefined();
    return result.data.accountByExternalId;
  };
  const ticketCount = async () => (await stack.query<any>(TICKET_COUNT, { token: await stack.staffToken() })).data.tickets.totalCount as number;
  const temporaryDirectory = () => mkdtemp(join(tmpdir(), 'hub-zendesk-'));

  it('imports a directory of export pages: organizations as accounts, end users as users, tickets with their fields', async () => {
    const { files, records } = await readZendeskFiles(EXPORT);
    expect(files.map((file) => file.slice(EXPORT.length + 1))).toEqual(['1-incremental-tickets.json', '2-incremental-tickets.json']);
    const counts = await applyRecords(graph, records);
    expect(counts).toEqual({
      accounts: 2,
      users: 2,
      tickets: { created: 3, updated: 0, unchanged: 0 },
      articles: 0,
      skipped: [
        'Zendesk user 372100000900 is an agent, not a customer\'s user',
        'Zendesk user 372100000003 has no e-mail address',
        'ticket 50004: deleted in Zendesk',
        'ticket 50005: Zendesk user 372100000003 (requester of ticket 50005) is not linked to a user yet: import the users, then replay',
      ],
    });

    const kumo = await accountOf('361898904439');
    expect(kumo).toMatchObject({ name: 'Kumo Robotics', domains: ['kumo-robotics.example.jp', 'kumo-robotics.example.com'], segment: 'ENTERPRISE' });
    expect(kumo.users.edges.map((edge: any) => edge.node)).toEqual([
      { email: 'yui.mori@kumo-robotics.example.jp', name: 'Yui Mori', locale: 'ja', externalIds: [{ source: 'zendesk', id: '372100000001' }] },
    ]);
    expect(kumo.support).toEqual({ openTickets: 1, urgentOpen: 1, csat90d: 0 });
    expect(kumo.tickets.edges.map((edge: any) => edge.node)).toEqual([
      expect.objectContaining({ subject: 'Firmware 4.2 install fails with E-4021', status: 'OPEN', priority: 'URGENT', tags: ['firmware', 'line_down'], satisfaction: null }),
      expect.objectContaining({
        subject: 'Adding a second site',
        status: 'SOLVED',
        priority: 'NORMAL',
        satisfaction: { rating: 'BAD', comment: 'Took three days to get a simple answer.' },
      }),
    ]);

    // Linked by domain: the account the hub already had, its segment kept.
    const hoshiFoods = await accountOf('361898904440');
    expect(hoshiFoods).toMatchObject({ id: hoshi._id, segment: 'ENTERPRISE' });
    expect(hoshiFoods.tickets.edges[0].node).toMatchObject({ subject: 'ラベルテンプレートの編集', status: 'PENDING', priority: 'LOW' });
  });

  it('changes nothing when the same files are imported again', async () => {
    const { records } = await readZendeskFiles(EXPORT);
    await applyRecords(graph, records);
    const before = { tickets: await ticketCount(), kumo: await accountOf('361898904439') };
    const again = await applyRecords(graph, records);
    expect(again).toMatchObject({ accounts: 2, users: 2, tickets: { created: 0, updated: 0, unchanged: 3 } });
    const kumo = await accountOf('361898904439');
    expect(await ticketCount()).toBe(before.tickets);
    expect({ users: kumo.users.totalCount, tickets: kumo.tickets.totalCount }).toEqual({ users: before.kumo.users.totalCount, tickets: before.kumo.tickets.totalCount });
  });

  it('reads lists of organizations and users: a new organization gets the segment its tag names', async () => {
    const organizations = await readZendeskFiles(join(FIXTURES, 'organizations.json'));
    const users = await readZendeskFiles(join(FIXTURES, 'users.json'));
    expect(await applyRecords(graph, organizations.records)).toMatchObject({ accounts: 1, skipped: [] });
    expect(await applyRecords(graph, users.records)).toMatchObject({ users: 1, skipped: [] });
    const naniwa = await accountOf('361898904501');
    expect(naniwa).toMatchObject({ name: 'Naniwa Cold Chain', domains: ['naniwa-coldchain.example.jp'], segment: 'MID_MARKET' });
    expect(naniwa.users.edges[0].node).toMatchObject({ email: 'sayaka.kimura@naniwa-coldchain.example.jp', name: '木村 さやか' });
  });

  it('refuses a file that is not a Zendesk response, naming the file and field, before writing anything', async () => {
    const directory = await temporaryDirectory();
    await writeFile(join(directory, 'a-organizations.json'), JSON.stringify({ organizations: [{ id: 361898904999, name: 'Would be imported', domain_names: [] }] }));
    await writeFile(join(directory, 'b-tickets.json'), JSON.stringify({ tickets: [{ id: 1, status: 'open', created_at: 'yesterday', updated_at: '2026-11-01T00:00:00Z' }] }));
    await expect(readZendeskFiles(directory)).rejects.toThrow(/b-tickets\.json is not a Zendesk API response: [\s\S]*tickets\[0\]\.created_at/);
    expect(await accountOf('361898904999')).toBeNull();
  });

  it('pages through the live export until end_of_stream, waiting as a 429\'s Retry-After asks, and saves the cursor', async () => {
    const [first, second] = [exportPage(1, 100), exportPage(2, 100)];
    let isRateLimited = false;
    const zendesk = await startFakeZendesk((query) => {
      if (query.get('start_time')) return { status: 200, body: first };
      if (query.get('cursor') === first['after_cursor'] && !isRateLimited) {
        isRateLimited = true;
        return { status: 429, headers: { 'retry-after': '1' }, body: { error: 'APIRateLimitExceeded' } };
      }
      if (query.get('cursor') === first['after_cursor']) return { status: 200, body: second };
      return { status: 400, body: { error: 'InvalidCursor' } };
    });
    try {
      const statePath = join(await temporaryDirectory(), 'state.json');
      const result = await importLive({ graph, baseUrl: zendesk.baseUrl, email: 'agent@kumo.example', apiToken: 'zd-token', startTime: 1762300000, statePath });
      expect(result).toMatchObject({ pages: 2, cursor: second['after_cursor'], counts: { tickets: { created: 3, updated: 0, unchanged: 0 } } });
      expect(zendesk.requests.map((request) => Object.fromEntries(request.query))).toEqual([
        { start_time: '1762300000', include: 'users,organizations' },
        { cursor: first['after_cursor'], include: 'users,organizations' },
        { cursor: first['after_cursor'], include: 'users,organizations' },
      ]);
      const [, limited, retried] = zendesk.requests;
      expect(retried!.at - limited!.at).toBeGreaterThanOrEqual(990);
      expect(zendesk.requests[0]?.authorization).toBe(`Basic ${Buffer.from('agent@kumo.example/token:zd-token').toString('base64')}`);
      expect(JSON.parse(await readFile(statePath, 'utf8'))).toMatchObject({ cursor: second['after_cursor'] });
      expect((await accountOf('361898904439')).tickets.edges.map((edge: any) => edge.node.externalIds[0].id)).toEqual(expect.arrayContaining(['50101', '50102']));
    } finally {
      await zendesk.close();
    }
  });

  it('resumes from the saved cursor: a second run starts where the first stopped', async () => {
    const [first, second] = [exportPage(1, 200), exportPage(2, 200)];
    let isDown = true;
    const caughtUp = { tickets: [], after_cursor: second['after_cursor'], end_of_stream: true };
    const zendesk = await startFakeZendesk((query) => {
      if (query.get('start_time')) return { status: 200, body: first };
      if (query.get('cursor') === first['after_cursor']) return isDown ? { status: 503, body: {} } : { status: 200, body: second };
      if (query.get('cursor') === second['after_cursor']) return { status: 200, body: caughtUp };
      return { status: 400, body: { error: 'InvalidCursor' } };
    });
    try {
      const statePath = join(await temporaryDirectory(), 'state.json');
      const options = { graph, baseUrl: zendesk.baseUrl, email: 'agent@kumo.example', apiToken: 'zd-token', startTime: 1762300000, statePath, serverErrorTries: 2, backoffBaseMs: 20 };
      await expect(importLive(options)).rejects.toThrow('Zendesk did not answer /api/v2/incremental/tickets/cursor.json after 2 tries (last: HTTP 503)');
      expect(JSON.parse(await readFile(statePath, 'utf8'))).toMatchObject({ cursor: first['after_cursor'] });
      const ticketsAfterFirstRun = await ticketCount();

      isDown = false;
      zendesk.requests.length = 0;
      const resumed = await importLive(options);
      expect(zendesk.requests.map((request) => request.query.get('cursor'))).toEqual([first['after_cursor']]);
      expect(resumed).toMatchObject({ pages: 1, counts: { tickets: { created: 1 } } });
      expect(await ticketCount()).toBe(ticketsAfterFirstRun + 1);

      zendesk.requests.length = 0;
      const caughtUpRun = await importLive(options);
      expect(zendesk.requests.map((request) => request.query.get('cursor'))).toEqual([second['after_cursor']]);
      expect(caughtUpRun).toMatchObject({ pages: 1, counts: { tickets: { created: 0, updated: 0, unchanged: 0 } } });
    } finally {
      await zendesk.close();
    }
  });

  it('runs as a script: --file prints what it wrote; --live without credentials exits 1 with the reason', async () => {
    const env = { ...process.env, HUB_JWT_SECRET: TEST_JWT_SECRET, NODE_ENV: 'test', LOG_LEVEL: 'silent' };
    const { stdout } = await run(process.execPath, ['--import', 'tsx', SCRIPT, '--file', EXPORT, '--gateway', stack.gatewayUrl], { env });
    expect(stdout).toContain('imported 2 files: 2 organizations → accounts, 2 users, tickets: 0 created, 0 updated, 3 unchanged, 4 skipped');
    const withoutCredentials = { ...env, ZENDESK_SUBDOMAIN: undefined, ZENDESK_EMAIL: undefined, ZENDESK_API_TOKEN: undefined };
    await expect(run(process.execPath, ['--import', 'tsx', SCRIPT, '--live', '--gateway', stack.gatewayUrl], { env: withoutCredentials })).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('--live needs ZENDESK_SUBDOMAIN, ZENDESK_EMAIL and ZENDESK_API_TOKEN'),
    });
  });
});

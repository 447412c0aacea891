import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { importContent } from '../../scripts/import-content/import';
import { buildAccount, buildUser } from '../helpers/factories';
import { hitIds, searchFollowing, searchUntil } from '../helpers/search';
import { seedAccounts } from '../helpers/seed';
import { startStack, TEST_JWT_SECRET, type Stack } from '../helpers/stack';

const SAMPLE = join(__dirname, '../../scripts/demo-data/samples/zendesk-guide-articles.json');
const EXTERNAL = `query($id: ID!) { externalDocument(id: $id) { id title url source locale tags audience snippet externalIds { source id } } }`;
const run = promisify(execFile);

describe('importing external content', () => {
  let stack: Stack;
  const account = buildAccount();
  const user = buildUser(account);

  beforeAll(async () => {
    stack = await startStack({ config: searchFollowing(), arrange: (target) => seedAccounts(target, [account], [user]) });
  });
  afterAll(() => stack.stop());

  const importSample = async () =>
    importContent({ file: SAMPLE, gatewayUrl: stack.gatewayUrl, token: await stack.integrationToken(['search:write']), defaultLocale: 'en-US' });

  it('imports a Zendesk Guide export once: published articles only, and nothing twice on a second run', async () => {
    expect(await importSample()).toEqual({ format: 'zendesk-guide', created: 3, updated: 0, unchanged: 0 });
    expect(await importSample()).toEqual({ format: 'zendesk-guide', created: 0, updated: 0, unchanged: 3 });
  });

  it('makes the imported articles searchable in both languages, segment-restricted ones for staff only', async () => {
    const customer = await stack.customerToken(account._id, user._id);
    const japanese = await searchUntil(stack, customer, { query: '請求書 エクスポート' }, (view) => view.totalCount > 0);
    expect(japanese.edges[0]?.node.item).toMatchObject({ __typename: 'ExternalDocument', title: '請求書をCSVでエクスポートする方法', source: 'zendesk-guide' });

    const english = await searchUntil(stack, customer, { query: 'export invoices' }, (view) => view.totalCount > 0);
    expect(english.edges[0]?.node.item).toMatchObject({ title: 'Exporting invoices to CSV', url: 'https://help.example.com/hc/en-us/articles/360001234501-Exporting-invoices-to-CSV' });

    const staffView = await searchUntil(stack, await stack.staffToken(), { query: 'runbook' }, (view) => view.totalCount === 1);
    expect(staffView.totalCount).toBe(1);
    const customerView = await searchUntil(stack, customer, { query: 'runbook' }, () => true);
    expect(customerView.totalCount).toBe(0);

    const [documentId] = hitIds(english);
    const document = await stack.query<any>(EXTERNAL, { token: await stack.staffToken(), variables: { id: documentId } });
    expect(document.data.externalDocument).toEqual({
      id: documentId,
      title: 'Exporting invoices to CSV',
      url: 'https://help.example.com/hc/en-us/articles/360001234501-Exporting-invoices-to-CSV',
      source: 'zendesk-guide',
      locale: 'en-US',
      tags: ['billing', 'export'],
      audience: 'PUBLIC',
      snippet: 'Open Billing > Invoices, choose a period and click Export CSV. Each row is one invoice line.',
      externalIds: [{ source: 'zendesk-guide', id: '360001234501' }],
    });
  });

  it('refuses a file with a bad record, naming the record and field, and stores nothing of it', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'hub-import-'));
    const file = join(directory, 'bad.json');
    await writeFile(
      file,
      JSON.stringify({
        documents: [
          { source: 'wiki', externalId: 'ok-1', title: 'Fine page', url: 'https://wiki.example.com/1', body: 'fine', locale: 'en-US' },
          { source: 'wiki', externalId: 'bad-2', title: 'Bad page', url: 'ftp://wiki.example.com/2', body: 'bad', locale: 'en-US' },
        ],
      }),
    );
    const token = await stack.integrationToken(['search:write']);
    await expect(importContent({ file, gatewayUrl: stack.gatewayUrl, token, defaultLocale: 'en-US' })).rejects.toThrow('record 1.url: must be an http or https URL');
    const search = await searchUntil(stack, await stack.staffToken(), { query: 'fine page' }, () => true, 1_500);
    expect(search.totalCount).toBe(0);
  });

  it('runs as `npm run import:content`, and exits 1 with the reason for a missing file', async () => {
    const env = { ...process.env, HUB_JWT_SECRET: TEST_JWT_SECRET, NODE_ENV: 'test', LOG_LEVEL: 'silent' };
    const script = join(__dirname, '../../scripts/import-content.ts');
    const { stdout } = await run(process.execPath, ['--import', 'tsx', script, '--file', SAMPLE, '--gateway', stack.gatewayUrl], { env });
    expect(stdout).toContain('0 created, 0 updated, 3 unchanged');
    await expect(run(process.execPath, ['--import', 'tsx', script, '--file', '/nonexistent.json', '--gateway', stack.gatewayUrl], { env })).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('cannot read /nonexistent.json'),
    });
  });
});

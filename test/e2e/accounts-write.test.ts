import { buildAccount, buildUser } from '../helpers/factories';
import { accountsRepository, seedAccounts } from '../helpers/seed';
import { startStack, type Stack } from '../helpers/stack';

const UPSERT_ACCOUNT = `mutation($input: UpsertAccountInput!) {
  upsertAccount(input: $input) { id name domains segment customerSince externalIds { source id } syncedAt }
}`;
const UPSERT_USER = `mutation($input: UpsertUserInput!) {
  upsertUser(input: $input) { id email name persona account { id } externalIds { source id } }
}`;

describe('writing accounts and users through the gateway', () => {
  let stack: Stack;
  const existing = buildAccount({ domains: ['sakura-logistics.co.jp'], name: '株式会社さくらロジスティクス' });
  const other = buildAccount({ externalIds: [{ source: 'zendesk', id: '900' }], externalKeys: ['zendesk:900'] });
  const person = buildUser(existing, { email: 'hanako.sato@sakura-logistics.co.jp' });

  beforeAll(async () => {
    stack = await startStack();
    await seedAccounts(stack, [existing, other], [person]);
  });
  afterAll(() => stack.stop());

  async function counts() {
    const repository = accountsRepository(stack);
    return { accounts: await repository.accounts.countDocuments(), users: await repository.users.countDocuments() };
  }

  it('creates an account and stamps syncedAt for integrations', async () => {
    const token = await stack.integrationToken(['accounts:write']);
    const result = await stack.query<any>(UPSERT_ACCOUNT, {
      token,
      variables: {
        input: {
          name: 'Northwind Analytics',
          segment: 'MID_MARKET',
          domains: ['Northwind.IO'],
          customerSince: '2025-06-01T00:00:00Z',
          externalIds: [{ source: 'salesforce', id: '001A' }],
        },
      },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data.upsertAccount).toMatchObject({
      name: 'Northwind Analytics',
      domains: ['northwind.io'],
      segment: 'MID_MARKET',
      customerSince: '2025-06-01T00:00:00.000Z',
      externalIds: [{ source: 'salesforce', id: '001A' }],
    });
    expect(result.data.upsertAccount.id).toMatch(/^acc_/);
    expect(Date.parse(result.data.upsertAccount.syncedAt)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('updates the account matched by domain instead of creating a second one', async () => {
    const before = await counts();
    const token = await stack.staffToken();
    const result = await stack.query<any>(UPSERT_ACCOUNT, {
      token,
      variables: { input: { domains: ['sakura-logistics.co.jp'], segment: 'ENTERPRISE' } },
    });
    expect(result.data.upsertAccount).toMatchObject({ id: existing._id, name: existing.name, segment: 'ENTERPRISE' });
    expect(await counts()).toEqual(before);
  });

  it('resolves the same person imported twice to one user: by external id, then by e-mail', async () => {
    const token = await stack.integrationToken(['accounts:write']);
    const first = await stack.query<any>(UPSERT_USER, {
      token,
      variables: { input: { email: 'Taro.Yamada@sakura-logistics.co.jp', name: '山田 太郎', externalIds: [{ source: 'zendesk', id: '42' }] } },
    });
    expect(first.errors).toBeUndefined();
    expect(first.data.upsertUser).toMatchObject({ email: 'taro.yamada@sakura-logistics.co.jp', account: { id: existing._id } });
    const before = await counts();
    const byExternalId = await stack.query<any>(UPSERT_USER, {
      token,
      variables: { input: { externalIds: [{ source: 'zendesk', id: '42' }], persona: 'CHAMPION' } },
    });
    const byEmail = await stack.query<any>(UPSERT_USER, {
      token,
      variables: { input: { email: 'taro.yamada@sakura-logistics.co.jp', externalIds: [{ source: 'hubspot', id: 'h-7' }] } },
    });
    expect(byExternalId.data.upsertUser).toMatchObject({ id: first.data.upsertUser.id, persona: 'CHAMPION' });
    expect(byEmail.data.upsertUser.id).toBe(first.data.upsertUser.id);
    expect(byEmail.data.upsertUser.externalIds).toEqual([
      { source: 'zendesk', id: '42' },
      { source: 'hubspot', id: 'h-7' },
    ]);
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['a bad e-mail', UPSERT_USER, { email: 'not-an-email', name: 'X', accountId: existing._id }, 'input.email'],
    ['an unknown account', UPSERT_USER, { email: 'a@b.example.com', name: 'X', accountId: 'acc_nope' }, 'input.accountId'],
    ['an empty name', UPSERT_ACCOUNT, { name: '  ', segment: 'SMB' }, 'input.name'],
    ['a missing segment on create', UPSERT_ACCOUNT, { name: 'New Co' }, 'input.segment'],
    ['a bad domain', UPSERT_ACCOUNT, { name: 'New Co', segment: 'SMB', domains: ['not a domain'] }, 'input.domains.0'],
    ['a bad external source', UPSERT_ACCOUNT, { name: 'New Co', segment: 'SMB', externalIds: [{ source: 'Zen Desk!', id: '1' }] }, 'input.externalIds.0.source'],
  ])('rejects %s with BAD_USER_INPUT naming the field, storing nothing', async (_name, mutation, input, field) => {
    const before = await counts();
    const result = await stack.query(mutation, { token: await stack.staffToken(), variables: { input } });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['an unknown field', { name: 'New Co', segment: 'SMB', color: 'red' }, /color/],
    ['an operator object where a string belongs', { name: { $ne: '' }, segment: 'SMB' }, /name/],
    ['an unknown enum value', { name: 'New Co', segment: 'HUGE' }, /segment|HUGE/],
  ])('rejects %s in variables with BAD_USER_INPUT, storing nothing', async (_name, input, message) => {
    const before = await counts();
    const result = await stack.query(UPSERT_ACCOUNT, { token: await stack.staffToken(), variables: { input } });
    expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(message);
    expect(await counts()).toEqual(before);
  });

  it('rejects an external id that belongs to another account with CONFLICT, changing nothing', async () => {
    const repository = accountsRepository(stack);
    const stored = await repository.findAccountById(existing._id);
    const result = await stack.query<any>(UPSERT_ACCOUNT, {
      token: await stack.staffToken(),
      variables: { input: { id: existing._id, name: 'Renamed', externalIds: [{ source: 'zendesk', id: '900' }] } },
    });
    expect(result.errors?.[0]?.extensions?.['code']).toBe('CONFLICT');
    expect(await repository.findAccountById(existing._id)).toEqual(stored);
  });

  it('rejects a second user with the same e-mail under a new id with CONFLICT', async () => {
    const before = await counts();
    const result = await stack.query(UPSERT_USER, {
      token: await stack.staffToken(),
      variables: { input: { id: 'usr_new_one', email: person.email, name: 'Duplicate' } },
    });
    expect(result.errors?.[0]?.extensions?.['code']).toBe('CONFLICT');
    expect(await counts()).toEqual(before);
  });

  it('refuses writes from customers and from integrations without accounts:write', async () => {
    const customer = await stack.customerToken(existing._id, person._id);
    const reader = await stack.integrationToken(['accounts:read']);
    for (const token of [customer, reader]) {
      const result = await stack.query(UPSERT_ACCOUNT, { token, variables: { input: { id: existing._id, name: 'Hijacked' } } });
      expect(result.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    }
    expect((await accountsRepository(stack).findAccountById(existing._id))?.name).toBe(existing.name);
  });
});

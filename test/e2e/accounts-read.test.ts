import { buildAccount, buildUser } from '../helpers/factories';
import { seedAccounts } from '../helpers/seed';
import { startStack, type Stack } from '../helpers/stack';

describe('reading accounts through the gateway', () => {
  let stack: Stack;
  const accounts = Array.from({ length: 45 }, (_, index) =>
    buildAccount({ segment: index % 3 === 0 ? 'ENTERPRISE' : 'SMB', name: `Company ${String(index).padStart(2, '0')}` }),
  );
  const [mine, theirs] = accounts as [(typeof accounts)[0], (typeof accounts)[0]];
  const me = buildUser(mine, { name: '佐藤 花子', persona: 'ADMIN' });
  const colleague = buildUser(mine, { name: 'Aiko Colleague' });
  const stranger = buildUser(theirs, { name: 'Somebody Else' });

  beforeAll(async () => {
    stack = await startStack();
    await seedAccounts(stack, accounts, [me, colleague, stranger]);
  });
  afterAll(() => stack.stop());

  it('lets staff page through every account in name order', async () => {
    const token = await stack.staffToken();
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    let totalCount: number | undefined;
    do {
      const result: { data?: any } = await stack.query(
        `query($after: String) { accounts(first: 20, after: $after) { totalCount edges { node { id name } } pageInfo { hasNextPage endCursor } } }`,
        { token, variables: { after } },
      );
      const page = result.data.accounts;
      totalCount = page.totalCount;
      seen.push(...page.edges.map((edge: { node: { name: string } }) => edge.node.name));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      pages += 1;
    } while (after);
    expect(pages).toBe(3);
    expect(totalCount).toBe(45);
    expect(seen).toEqual(accounts.map((account) => account.name).sort());
  });

  it('filters accounts by segment and name', async () => {
    const token = await stack.staffToken();
    const result = await stack.query<any>(
      `{ accounts(filter: { segment: ENTERPRISE, nameContains: "company 0" }, first: 100) { totalCount edges { node { name segment } } } }`,
      { token },
    );
    const names = result.data.accounts.edges.map((edge: { node: { name: string } }) => edge.node.name);
    expect(names).toEqual(['Company 00', 'Company 03', 'Company 06', 'Company 09']);
    expect(result.data.accounts.totalCount).toBe(4);
  });

  it('rejects a page size above 100 naming the argument', async () => {
    const result = await stack.query(`{ accounts(first: 101) { totalCount } }`, { token: await stack.staffToken() });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it("returns a customer's own user and account as the viewer", async () => {
    const token = await stack.customerToken(mine._id, me._id);
    const result = await stack.query<any>(
      `{ viewer { role subject user { id name persona account { id } } account { id name tenureDays users(first: 10) { totalCount edges { node { name } } } } } }`,
      { token },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.viewer).toMatchObject({
      role: 'CUSTOMER',
      subject: me._id,
      user: { id: me._id, name: '佐藤 花子', persona: 'ADMIN', account: { id: mine._id } },
      account: { id: mine._id, name: mine.name },
    });
    expect(result.data.viewer.account.tenureDays).toBeGreaterThan(300);
    expect(result.data.viewer.account.users.totalCount).toBe(2);
    expect(result.data.viewer.account.users.edges.map((edge: any) => edge.node.name).sort()).toEqual(['Aiko Colleague', '佐藤 花子']);
  });

  it("gives a customer no data and FORBIDDEN for another account", async () => {
    const token = await stack.customerToken(mine._id, me._id);
    const result = await stack.query<any>(`query($id: ID!) { account(id: $id) { id name } }`, { token, variables: { id: theirs._id } });
    expect(result.data?.account).toBeNull();
    expect(result.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(JSON.stringify(result)).not.toContain(theirs.name);
  });

  it("gives a customer FORBIDDEN for another account's user, and for unknown users alike", async () => {
    const token = await stack.customerToken(mine._id, me._id);
    for (const id of [stranger._id, 'usr_does_not_exist']) {
      const result = await stack.query<any>(`query($id: ID!) { user(id: $id) { name } }`, { token, variables: { id } });
      expect(result.data?.user).toBeNull();
      expect(result.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    }
    const own = await stack.query<any>(`query($id: ID!) { user(id: $id) { name } }`, { token, variables: { id: colleague._id } });
    expect(own.data.user).toEqual({ name: 'Aiko Colleague' });
  });

  it('keeps the account list and staff-only fields from customers', async () => {
    const token = await stack.customerToken(mine._id, me._id);
    const list = await stack.query<any>(`{ accounts { totalCount } }`, { token });
    expect(list.data).toBeNull();
    expect(list.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const fields = await stack.query<any>(
      `{ viewer { account { name externalIds { source } syncedAt } user { name externalIds { source } syncedAt } } }`,
      { token },
    );
    expect(fields.data.viewer.account).toEqual({ name: mine.name, externalIds: null, syncedAt: null });
    expect(fields.data.viewer.user).toEqual({ name: me.name, externalIds: null, syncedAt: null });
    expect(fields.errors?.map((error) => error.extensions?.['code'])).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
    const staff = await stack.query<any>(`query($id: ID!) { user(id: $id) { externalIds { source } syncedAt } }`, {
      token: await stack.staffToken(),
      variables: { id: me._id },
    });
    expect(staff.errors).toBeUndefined();
    expect(staff.data.user).toEqual({ externalIds: [], syncedAt: null });
  });

  it('returns null for an unknown account to staff', async () => {
    const result = await stack.query<any>(`{ account(id: "acc_missing") { id } }`, { token: await stack.staffToken() });
    expect(result.errors).toBeUndefined();
    expect(result.data.account).toBeNull();
  });

  it('lets an integration read with accounts:read and not without it', async () => {
    const reader = await stack.query<any>(`{ accounts(first: 1) { totalCount } }`, { token: await stack.integrationToken(['accounts:read']) });
    expect(reader.data.accounts.totalCount).toBe(45);
    const other = await stack.query<any>(`{ accounts(first: 1) { totalCount } }`, { token: await stack.integrationToken(['tickets:write']) });
    expect(other.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });
});

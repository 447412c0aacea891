import { buildAccount, buildUser } from '../helpers/factories';
import { seedAccounts } from '../helpers/seed';
import { startStack, type Stack } from '../helpers/stack';

const ACCOUNT_BY_EXTERNAL_ID = `query($source: String!, $id: String!) {
  accountByExternalId(source: $source, id: $id) { id name externalIds { source id } }
}`;
const USER_BY_EXTERNAL_ID = `query($source: String!, $id: String!) {
  userByExternalId(source: $source, id: $id) { id email account { id } }
}`;
const USER_BY_EMAIL = `query($email: String!) { userByEmail(email: $email) { id email account { id } } }`;

describe('finding accounts and users by external id or e-mail', () => {
  let stack: Stack;
  const billed = buildAccount({
    name: 'Sakura Logistics',
    externalIds: [{ source: 'stripe', id: 'cus_NffrFeUfNV2Hib' }],
    externalKeys: ['stripe:cus_NffrFeUfNV2Hib'],
  });
  const other = buildAccount({ externalIds: [{ source: 'zendesk', id: 'cus_NffrFeUfNV2Hib' }], externalKeys: ['zendesk:cus_NffrFeUfNV2Hib'] });
  const member = buildUser(billed, {
    email: 'hanako.sato@sakura-logistics.co.jp',
    externalIds: [{ source: 'discourse', id: '42' }],
    externalKeys: ['discourse:42'],
  });

  beforeAll(async () => {
    stack = await startStack();
    await seedAccounts(stack, [billed, other], [member]);
  });
  afterAll(() => stack.stop());

  it('finds the account that carries another system\'s id, and only for that system', async () => {
    const token = await stack.integrationToken(['accounts:read']);
    const found = await stack.query<any>(ACCOUNT_BY_EXTERNAL_ID, { token, variables: { source: 'stripe', id: 'cus_NffrFeUfNV2Hib' } });
    expect(found.errors).toBeUndefined();
    expect(found.data.accountByExternalId).toEqual({
      id: billed._id,
      name: 'Sakura Logistics',
      externalIds: [{ source: 'stripe', id: 'cus_NffrFeUfNV2Hib' }],
    });
    const elsewhere = await stack.query<any>(ACCOUNT_BY_EXTERNAL_ID, { token, variables: { source: 'hubspot', id: 'cus_NffrFeUfNV2Hib' } });
    expect(elsewhere.errors).toBeUndefined();
    expect(elsewhere.data.accountByExternalId).toBeNull();
  });

  it('finds a user by external id for staff, with their account', async () => {
    const result = await stack.query<any>(USER_BY_EXTERNAL_ID, {
      token: await stack.staffToken(),
      variables: { source: 'discourse', id: '42' },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data.userByExternalId).toEqual({ id: member._id, email: member.email, account: { id: billed._id } });
  });

  it('finds a user by e-mail whatever its case, and answers null for an unknown address', async () => {
    const token = await stack.integrationToken(['accounts:read']);
    const found = await stack.query<any>(USER_BY_EMAIL, { token, variables: { email: 'Hanako.Sato@Sakura-Logistics.co.jp' } });
    expect(found.data.userByEmail).toEqual({ id: member._id, email: member.email, account: { id: billed._id } });
    const missing = await stack.query<any>(USER_BY_EMAIL, { token, variables: { email: 'nobody@sakura-logistics.co.jp' } });
    expect(missing.errors).toBeUndefined();
    expect(missing.data.userByEmail).toBeNull();
  });

  it.each([
    ['accountByExternalId', ACCOUNT_BY_EXTERNAL_ID, { source: 'stripe', id: 'cus_NffrFeUfNV2Hib' }],
    ['userByExternalId', USER_BY_EXTERNAL_ID, { source: 'discourse', id: '42' }],
    ['userByEmail', USER_BY_EMAIL, { email: member.email }],
  ])('refuses %s to a customer, even of their own account', async (field, query, variables) => {
    const result = await stack.query<any>(query, { token: await stack.customerToken(billed._id, member._id), variables });
    expect(result.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(result.data?.[field] ?? null).toBeNull();
  });

  it('refuses an integration without the accounts read scope', async () => {
    const result = await stack.query<any>(USER_BY_EMAIL, {
      token: await stack.integrationToken(['support:write']),
      variables: { email: member.email },
    });
    expect(result.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });

  it.each([
    ['source', ACCOUNT_BY_EXTERNAL_ID, { source: 'Stripe!', id: 'cus_1' }],
    ['id', USER_BY_EXTERNAL_ID, { source: 'discourse', id: '   ' }],
    ['email', USER_BY_EMAIL, { email: 'not-an-address' }],
  ])('answers BAD_USER_INPUT naming a bad %s', async (field, query, variables) => {
    const result = await stack.query<any>(query, { token: await stack.staffToken(), variables });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });
});

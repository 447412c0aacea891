import { buildMember, buildPost, daysAgo, seedCommunity } from '../helpers/community';
import { buildContract, buildOpportunity, daysFromNow, seatLicence, seedContracts } from '../helpers/contracts';
import { buildAccount, buildUser } from '../helpers/factories';
import { seedAccounts } from '../helpers/seed';
import { startStack, type Stack } from '../helpers/stack';

const INFLUENCE = `query($from: DateTime!, $to: DateTime!) {
  communityInfluence(from: $from, to: $to) {
    from to accountsExamined
    influencedNewBusiness { newCustomers accounts share arr { amountMinor currency } newCustomerArr { amountMinor currency } accountsWithoutContract }
    expansion {
      withActiveMembers { accounts expanded rate expandedByOpportunity expandedByArrGrowth }
      withoutActiveMembers { accounts expanded rate expandedByOpportunity expandedByArrGrowth }
      ratio
    }
  }
}`;

describe('community influence on new business and expansion', () => {
  let stack: Stack;
  const period = { from: daysAgo(730).toISOString(), to: new Date().toISOString() };

  // Became a customer 300 days ago; a member had joined 100 days before; active; won an upsell.
  const early = buildAccount({ name: 'Early Co', customerSince: daysAgo(300) });
  // Became a customer 200 days ago; its first member joined after; inactive.
  const late = buildAccount({ name: 'Late KK', customerSince: daysAgo(200), locale: 'ja-JP' });
  // A customer for years, active, grew from 10 to 15 seats during the period.
  const veteran = buildAccount({ name: 'Veteran Co', customerSince: daysAgo(1500) });
  // A customer for years without members; its only won expansion closed before the period.
  const steady = buildAccount({ name: 'Steady Co', customerSince: daysAgo(1500) });
  // A customer for years without members that won a cross-sell in the period.
  const grower = buildAccount({ name: 'Grower Co', customerSince: daysAgo(1500) });
  // Not a customer: in no sample, whatever its community does.
  const prospect = buildAccount({ name: 'Prospect Co', customerSince: null });
  const accounts = [early, late, veteran, steady, grower, prospect];
  const earlyUser = buildUser(early);
  const lateUser = buildUser(late);
  const veteranUser = buildUser(veteran);
  const prospectUser = buildUser(prospect);

  const earlyMember = buildMember(earlyUser, { joinedAt: daysAgo(400) });
  const lateMember = buildMember(lateUser, { joinedAt: daysAgo(100) });
  const veteranMember = buildMember(veteranUser, { joinedAt: daysAgo(1000) });
  const prospectMember = buildMember(prospectUser, { joinedAt: daysAgo(50) });

  beforeAll(async () => {
    stack = await startStack();
    await seedAccounts(stack, accounts, [earlyUser, lateUser, veteranUser, prospectUser]);
    await seedCommunity(stack, {
      members: [earlyMember, lateMember, veteranMember, prospectMember],
      posts: [
        buildPost(earlyMember, { createdAt: daysAgo(3) }),
        buildPost(veteranMember, { createdAt: daysAgo(5) }),
        buildPost(prospectMember, { createdAt: daysAgo(2) }),
        buildPost(lateMember, { createdAt: daysAgo(90) }),
      ],
    });
    await seedContracts(
      stack,
      [
        buildContract(early._id, { startDate: daysAgo(300), renewalDate: daysFromNow(65) }),
        buildContract(late._id, { startDate: daysAgo(200), renewalDate: daysFromNow(165), currency: 'JPY', lineItems: [seatLicence({ seats: 20, unitPriceMinor: 5_000 })] }),
        buildContract(veteran._id, { status: 'EXPIRED', startDate: daysAgo(800), renewalDate: daysAgo(435) }),
        buildContract(veteran._id, { startDate: daysAgo(435), renewalDate: daysFromNow(295), lineItems: [seatLicence({ seats: 15 })] }),
        buildContract(steady._id, { startDate: daysAgo(800), renewalDate: daysFromNow(300) }),
        buildContract(grower._id, { startDate: daysAgo(800), renewalDate: daysFromNow(300) }),
      ],
      [
        buildOpportunity(early._id, { type: 'UPSELL', stage: 'WON', closeDate: daysAgo(30) }),
        buildOpportunity(steady._id, { type: 'EXPANSION', stage: 'WON', closeDate: daysAgo(900) }),
        buildOpportunity(steady._id, { type: 'EXPANSION', stage: 'LOST', closeDate: daysAgo(60) }),
        buildOpportunity(grower._id, { type: 'CROSS_SELL', stage: 'WON', closeDate: daysAgo(100) }),
        buildOpportunity(veteran._id, { type: 'RENEWAL', stage: 'WON', closeDate: daysAgo(440) }),
      ],
    );
  });
  afterAll(() => stack.stop());

  const ask = async (token: string | null, variables: Record<string, unknown> = period, url?: string) =>
    stack.query<any>(INFLUENCE, { token, variables, ...(url ? { url } : {}) });

  it('gives staff the influenced new business and the expansion rates with their samples', async () => {
    const result = await ask(await stack.staffToken());
    expect(result.errors).toBeUndefined();
    expect(result.data.communityInfluence).toEqual({
      from: period.from,
      to: period.to,
      accountsExamined: 6,
      influencedNewBusiness: {
        newCustomers: 2,
        accounts: 1,
        share: 0.5,
        // 10 seats × 48,000 a year.
        arr: [{ amountMinor: 480_000, currency: 'USD' }],
        newCustomerArr: [
          { amountMinor: 100_000, currency: 'JPY' },
          { amountMinor: 480_000, currency: 'USD' },
        ],
        accountsWithoutContract: 0,
      },
      expansion: {
        withActiveMembers: { accounts: 2, expanded: 2, rate: 1, expandedByOpportunity: 1, expandedByArrGrowth: 1 },
        withoutActiveMembers: { accounts: 3, expanded: 1, rate: 1 / 3, expandedByOpportunity: 1, expandedByArrGrowth: 0 },
        ratio: 3,
      },
    });
  });

  it('gives an integration with accounts:read the same figures', async () => {
    const result = await ask(await stack.integrationToken(['accounts:read']));
    expect(result.errors).toBeUndefined();
    expect(result.data.communityInfluence.expansion.ratio).toBe(3);
  });

  it('reports empty samples as null rates for a period before any account became a customer', async () => {
    const result = await ask(await stack.staffToken(), { from: '2000-01-01T00:00:00Z', to: '2001-01-01T00:00:00Z' });
    expect(result.errors).toBeUndefined();
    expect(result.data.communityInfluence.influencedNewBusiness).toMatchObject({ newCustomers: 0, accounts: 0, share: null, arr: [] });
    expect(result.data.communityInfluence.expansion).toEqual({
      withActiveMembers: { accounts: 0, expanded: 0, rate: null, expandedByOpportunity: 0, expandedByArrGrowth: 0 },
      withoutActiveMembers: { accounts: 0, expanded: 0, rate: null, expandedByOpportunity: 0, expandedByArrGrowth: 0 },
      ratio: null,
    });
  });

  it.each([
    ['a customer of an account in the figures', () => stack.customerToken(early._id, earlyUser._id)],
    ['an integration without an accounts scope', () => stack.integrationToken(['contracts:read', 'community:read'])],
  ])('refuses %s with FORBIDDEN', async (_name, token) => {
    const result = await ask(await token());
    expect(result.data?.communityInfluence ?? null).toBeNull();
    expect(result.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(JSON.stringify(result)).not.toContain('amountMinor');
  });

  it('refuses a customer at the accounts subgraph itself', async () => {
    const result = await ask(await stack.customerToken(early._id, earlyUser._id), period, stack.subgraphUrls['accounts']);
    expect(result.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });

  it.each([
    ['the gateway', () => undefined],
    ['the accounts subgraph', () => stack.subgraphUrls['accounts']],
  ])('refuses a request without a token at %s', async (_name, url) => {
    const result = await ask(null, period, url());
    expect(result.status).toBe(401);
    expect(result.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });

  it('refuses a period whose end is not after its start, naming `to`', async () => {
    const token = await stack.staffToken();
    const backwards = await ask(token, { from: period.to, to: period.from });
    expect(backwards.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    const empty = await ask(token, { from: period.from, to: period.from });
    expect(empty.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
  });

  it.each(['yesterday', '2026-13-45T00:00:00Z', '2026-01-01 10:00', ''])('refuses from: %j as BAD_USER_INPUT', async (from) => {
    const result = await ask(await stack.staffToken(), { from, to: period.to });
    expect(result.data?.communityInfluence ?? null).toBeNull();
    expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });
});

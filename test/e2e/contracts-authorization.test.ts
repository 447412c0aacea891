import { buildContract, buildOpportunity, daysFromNow, seedContracts } from '../helpers/contracts';
import { buildAccount, buildUser } from '../helpers/factories';
import { seedAccounts } from '../helpers/seed';
import { postGraphql, startStack, type GraphqlResult, type Stack } from '../helpers/stack';

const ENTITIES = `query($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Account { id arr { amountMinor } seatsLicensed }
    ... on Contract { id seats }
    ... on Opportunity { id name }
  }
}`;

type Caller = 'staff' | 'own customer' | 'other customer' | 'contracts:read integration' | 'unrelated integration';

describe('who may see contracts, opportunities and revenue', () => {
  let stack: Stack;
  const mine = buildAccount({ name: 'My Company' });
  const theirs = buildAccount({ name: 'Their Company' });
  const me = buildUser(mine);
  const them = buildUser(theirs);
  const myContract = buildContract(mine._id, { renewalDate: daysFromNow(30), externalIds: [{ source: 'salesforce', id: '800A' }], externalKeys: ['salesforce:800A'] });
  const theirContract = buildContract(theirs._id, { renewalDate: daysFromNow(20), lineItems: [{ product: 'Secret plan', seats: 77, unitPriceMinor: 91_919, billingInterval: 'YEAR' }] });
  const myOpportunity = buildOpportunity(mine._id, { name: 'Upsell my company' });
  const theirOpportunity = buildOpportunity(theirs._id, { name: 'Upsell their company' });

  const tokens = {} as Record<Caller, string>;

  beforeAll(async () => {
    stack = await startStack();
    await seedAccounts(stack, [mine, theirs], [me, them]);
    await seedContracts(stack, [myContract, theirContract], [myOpportunity, theirOpportunity]);
    tokens['staff'] = await stack.staffToken();
    tokens['own customer'] = await stack.customerToken(mine._id, me._id);
    tokens['other customer'] = await stack.customerToken(theirs._id, them._id);
    tokens['contracts:read integration'] = await stack.integrationToken(['contracts:read']);
    tokens['unrelated integration'] = await stack.integrationToken(['accounts:read']);
  });
  afterAll(() => stack.stop());

  const codeOf = (result: GraphqlResult) => result.errors?.[0]?.extensions?.['code'];
  const contractsUrl = () => stack.subgraphUrls['contracts']!;

  describe.each(['gateway', 'contracts subgraph'] as const)('through the %s', (route) => {
    const ask = <T = any>(caller: Caller | null, query: string, variables?: Record<string, unknown>) =>
      stack.query<T>(query, { token: caller ? tokens[caller] : null, variables, url: route === 'gateway' ? stack.gatewayUrl : contractsUrl() });

    it('answers a request without a token with UNAUTHENTICATED and 401', async () => {
      const result = await ask(null, `query($id: ID!) { contract(id: $id) { id } }`, { id: myContract._id });
      expect(result.status).toBe(401);
      expect(codeOf(result)).toBe('UNAUTHENTICATED');
      expect(result.data ?? null).toBeNull();
    });

    it.each<[Caller, boolean]>([
      ['staff', true],
      ['own customer', true],
      ['other customer', false],
      ['contracts:read integration', true],
      ['unrelated integration', false],
    ])('contract(id) of my company: %s may read it = %s', async (caller, allowed) => {
      const result = await ask<any>(caller, `query($id: ID!) { contract(id: $id) { id seats } }`, { id: myContract._id });
      if (allowed) {
        expect(result.errors).toBeUndefined();
        expect(result.data.contract).toEqual({ id: myContract._id, seats: 10 });
      } else {
        expect(result.data?.contract ?? null).toBeNull();
        expect(codeOf(result)).toBe('FORBIDDEN');
      }
    });

    it('gives a customer FORBIDDEN for unknown contract ids too, so ids cannot be probed', async () => {
      const result = await ask<any>('own customer', `{ contract(id: "ctr_does_not_exist") { id } }`);
      expect(codeOf(result)).toBe('FORBIDDEN');
    });

    it.each<[Caller, boolean]>([
      ['staff', true],
      ['own customer', false],
      ['other customer', false],
      ['contracts:read integration', true],
      ['unrelated integration', false],
    ])('opportunity(id), renewals and revenueMetrics: %s may read them = %s', async (caller, allowed) => {
      const queries = [
        [`query($id: ID!) { opportunity(id: $id) { name } }`, 'opportunity'],
        [`{ renewals(withinDays: 60) { totalCount edges { node { id } } } }`, 'renewals'],
        [`query($from: DateTime!, $to: DateTime!) { revenueMetrics(from: $from, to: $to) { currency startingArr { amountMinor } } }`, 'revenueMetrics'],
      ] as const;
      const variables = { id: myOpportunity._id, from: daysFromNow(-30).toISOString(), to: daysFromNow(1).toISOString() };
      for (const [query, field] of queries) {
        const result = await ask<any>(caller, query, variables);
        if (allowed) {
          expect(result.errors).toBeUndefined();
          expect(result.data[field]).not.toBeNull();
        } else {
          expect(result.data?.[field] ?? null).toBeNull();
          expect(codeOf(result)).toBe('FORBIDDEN');
          expect(JSON.stringify(result)).not.toContain('Upsell');
        }
      }
    });
  });

  it.each<[Caller | null, 'data' | 'FORBIDDEN' | 'UNAUTHENTICATED']>([
    ['staff', 'data'],
    ['own customer', 'data'],
    ['other customer', 'FORBIDDEN'],
    [null, 'UNAUTHENTICATED'],
  ])("Account contract fields of my company straight from the subgraph: %s gets %s", async (caller, outcome) => {
    const result = await postGraphql<any>(
      contractsUrl(),
      `query($representations: [_Any!]!) { _entities(representations: $representations) {
        ... on Account { contract { id } contracts { totalCount } arr { amountMinor } renewalDate seatsLicensed }
      } }`,
      { token: caller ? tokens[caller] : null, variables: { representations: [{ __typename: 'Account', id: mine._id }] } },
    );
    if (outcome === 'data') {
      expect(result.errors).toBeUndefined();
      expect(result.data._entities).toEqual([
        { contract: { id: myContract._id }, contracts: { totalCount: 1 }, arr: { amountMinor: 480_000 }, renewalDate: myContract.renewalDate.toISOString(), seatsLicensed: 10 },
      ]);
    } else {
      expect(result.data?._entities ?? [null]).toEqual([null]);
      expect(codeOf(result)).toBe(outcome);
    }
  });

  it.each<[Caller | null, 'FORBIDDEN' | 'UNAUTHENTICATED']>([
    ['own customer', 'FORBIDDEN'],
    ['other customer', 'FORBIDDEN'],
    ['contracts:read integration', 'FORBIDDEN'],
    [null, 'UNAUTHENTICATED'],
  ])('writes straight at the subgraph: %s gets %s and nothing is stored', async (caller, code) => {
    const result = await postGraphql<any>(
      contractsUrl(),
      `mutation($input: UpsertOpportunityInput!) { upsertOpportunity(input: $input) { id } }`,
      {
        token: caller ? tokens[caller] : null,
        variables: { input: { id: myOpportunity._id, stage: 'LOST' } },
      },
    );
    expect(codeOf(result)).toBe(code);
    const staff = await postGraphql<any>(contractsUrl(), `query($id: ID!) { opportunity(id: $id) { stage } }`, {
      token: tokens['staff'],
      variables: { id: myOpportunity._id },
    });
    expect(staff.data.opportunity.stage).toBe(myOpportunity.stage);
  });

  it("shows a customer their own account's contract summary but never its opportunities or import fields", async () => {
    const result = await stack.query<any>(
      `{ viewer { account { name renewalDate seatsLicensed arr { amountMinor currency }
          contract { id externalIds { id } syncedAt } opportunities { totalCount } } } }`,
      { token: tokens['own customer'] },
    );
    expect(result.data.viewer.account).toEqual({
      name: 'My Company',
      renewalDate: myContract.renewalDate.toISOString(),
      seatsLicensed: 10,
      arr: { amountMinor: 480_000, currency: 'USD' },
      contract: { id: myContract._id, externalIds: null, syncedAt: null },
      opportunities: null,
    });
    expect(result.errors?.map((error) => error.extensions?.['code'])).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
    expect(JSON.stringify(result)).not.toContain('Upsell');
    expect(JSON.stringify(result)).not.toContain('800A');
  });

  it('shows staff the same account with its opportunities and import fields', async () => {
    const result = await stack.query<any>(
      `query($id: ID!) { account(id: $id) { contract { externalIds { source id } } opportunities { totalCount edges { node { name } } } } }`,
      { token: tokens['staff'], variables: { id: mine._id } },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.account).toEqual({
      contract: { externalIds: [{ source: 'salesforce', id: '800A' }] },
      opportunities: { totalCount: 1, edges: [{ node: { name: 'Upsell my company' } }] },
    });
  });

  it("authorizes _entities like root fields: a customer gets only their own account's contract data", async () => {
    const representations = [
      { __typename: 'Account', id: mine._id },
      { __typename: 'Account', id: theirs._id },
      { __typename: 'Contract', id: myContract._id },
      { __typename: 'Contract', id: theirContract._id },
      { __typename: 'Opportunity', id: myOpportunity._id },
      { __typename: 'Opportunity', id: theirOpportunity._id },
    ];
    const result = await postGraphql<any>(contractsUrl(), ENTITIES, { token: tokens['own customer'], variables: { representations } });
    expect(result.data._entities).toEqual([
      { id: mine._id, arr: { amountMinor: 480_000 }, seatsLicensed: 10 },
      null,
      { id: myContract._id, seats: 10 },
      null,
      null,
      null,
    ]);
    expect(result.errors?.map((error) => error.extensions?.['code'])).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
    const text = JSON.stringify(result);
    for (const secret of ['Secret plan', '91919', 'Upsell']) expect(text).not.toContain(secret);
  });

  it('resolves every kind of entity for staff', async () => {
    const representations = [
      { __typename: 'Account', id: theirs._id },
      { __typename: 'Contract', id: theirContract._id },
      { __typename: 'Opportunity', id: theirOpportunity._id },
    ];
    const result = await postGraphql<any>(contractsUrl(), ENTITIES, { token: tokens['staff'], variables: { representations } });
    expect(result.errors).toBeUndefined();
    expect(result.data._entities).toEqual([
      { id: theirs._id, arr: { amountMinor: 77 * 91_919 }, seatsLicensed: 77 },
      { id: theirContract._id, seats: 77 },
      { id: theirOpportunity._id, name: 'Upsell their company' },
    ]);
  });

  it("gives a customer nothing of another account's contract history through _entities", async () => {
    const result = await postGraphql<any>(
      contractsUrl(),
      `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Account { contract { id } contracts { totalCount } } } }`,
      { token: tokens['own customer'], variables: { representations: [{ __typename: 'Account', id: theirs._id }] } },
    );
    expect(result.data._entities).toEqual([null]);
    expect(codeOf(result)).toBe('FORBIDDEN');
    expect(JSON.stringify(result)).not.toContain(theirContract._id);
  });
});

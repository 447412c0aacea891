import { buildContract, daysFromNow, seedContracts } from '../helpers/contracts';
import { buildAccount, buildUser } from '../helpers/factories';
import { setHealthBand } from '../helpers/journey';
import { seedAccounts } from '../helpers/seed';
import { postGraphql, startStack, type GraphqlResult, type Stack } from '../helpers/stack';

type Caller = 'me' | 'my colleague' | 'other customer' | 'staff' | 'journey:read integration' | 'integration without journey:read';

/** What the gateway needs to fetch the `@requires` fields for an integration, besides journey:read. */
const DOMAIN_READ_SCOPES = ['accounts:read', 'contracts:read', 'learning:read', 'community:read'];

const USER_JOURNEY = `query($id: ID!) { user(id: $id) { id journey { stage accountTenureDays } } }`;
const ACCOUNT_ONBOARDING = `query($id: ID!) { account(id: $id) { id onboarding { stage totalCount } } }`;
const ENTITIES = `query($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on User { id journey { stage accountTenureDays userTenureDays } }
    ... on Account { id onboarding { stage totalCount } }
  }
}`;

describe('who may read journeys and onboarding checklists', () => {
  let stack: Stack;
  const mine = buildAccount({ name: 'Mine Co', customerSince: daysFromNow(-400) });
  const theirs = buildAccount({ name: 'Theirs Co', customerSince: daysFromNow(-400) });
  const me = buildUser(mine, { firstSeenAt: daysFromNow(-200) });
  const colleague = buildUser(mine, { firstSeenAt: daysFromNow(-5) });
  const them = buildUser(theirs, { firstSeenAt: daysFromNow(-200) });
  const tokens = {} as Record<Caller, string>;

  beforeAll(async () => {
    stack = await startStack();
    await seedAccounts(stack, [mine, theirs], [me, colleague, them]);
    await seedContracts(stack, [buildContract(mine._id, { renewalDate: daysFromNow(200) })]);
    await setHealthBand(stack, mine._id, 'HEALTHY');
    tokens['me'] = await stack.customerToken(mine._id, me._id);
    tokens['my colleague'] = await stack.customerToken(mine._id, colleague._id);
    tokens['other customer'] = await stack.customerToken(theirs._id, them._id);
    tokens['staff'] = await stack.staffToken();
    tokens['journey:read integration'] = await stack.integrationToken(['journey:read', ...DOMAIN_READ_SCOPES]);
    tokens['integration without journey:read'] = await stack.integrationToken(DOMAIN_READ_SCOPES);
  });
  afterAll(() => stack.stop());

  const codeOf = (result: GraphqlResult) => result.errors?.[0]?.extensions?.['code'];
  const journeyUrl = () => stack.subgraphUrls['journey']!;

  describe('through the gateway', () => {
    it.each<[Caller, 'data' | 'FORBIDDEN']>([
      ['me', 'data'],
      ['my colleague', 'FORBIDDEN'],
      ['other customer', 'FORBIDDEN'],
      ['staff', 'data'],
      ['journey:read integration', 'data'],
      ['integration without journey:read', 'FORBIDDEN'],
    ])("User.journey of me: %s gets %s", async (caller, outcome) => {
      const result = await stack.query<any>(USER_JOURNEY, { token: tokens[caller], variables: { id: me._id } });
      if (outcome === 'data') {
        expect(result.errors).toBeUndefined();
        expect(result.data.user).toEqual({ id: me._id, journey: { stage: 'VALUE', accountTenureDays: 400 } });
      } else {
        expect(result.data?.user?.journey ?? null).toBeNull();
        expect(codeOf(result)).toBe('FORBIDDEN');
        expect(JSON.stringify(result.data)).not.toContain('VALUE');
      }
    });

    it('shows my colleague their own journey: a new user at an established account is onboarding', async () => {
      const result = await stack.query<any>(`{ viewer { user { id journey { stage userTenureDays } } } }`, { token: tokens['my colleague'] });
      expect(result.errors).toBeUndefined();
      expect(result.data.viewer.user).toEqual({ id: colleague._id, journey: { stage: 'ONBOARDING', userTenureDays: 5 } });
    });

    it.each<[Caller, 'data' | 'FORBIDDEN']>([
      ['me', 'data'],
      ['my colleague', 'data'],
      ['other customer', 'FORBIDDEN'],
      ['staff', 'data'],
      ['journey:read integration', 'data'],
      ['integration without journey:read', 'FORBIDDEN'],
    ])('Account.onboarding of my account: %s gets %s', async (caller, outcome) => {
      const result = await stack.query<any>(ACCOUNT_ONBOARDING, { token: tokens[caller], variables: { id: mine._id } });
      if (outcome === 'data') {
        expect(result.errors).toBeUndefined();
        expect(result.data.account).toEqual({ id: mine._id, onboarding: { stage: 'VALUE', totalCount: 2 } });
      } else {
        expect(result.data?.account?.onboarding ?? null).toBeNull();
        expect(codeOf(result)).toBe('FORBIDDEN');
      }
    });

    it('answers a request without a token with UNAUTHENTICATED and 401', async () => {
      const result = await stack.query<any>(USER_JOURNEY, { token: null, variables: { id: me._id } });
      expect(result.status).toBe(401);
      expect(codeOf(result)).toBe('UNAUTHENTICATED');
    });
  });

  describe('straight at the journey subgraph, bypassing the gateway', () => {
    /** My user as the gateway would send it, with the fields it requires. */
    const myUser = (overrides: Record<string, unknown> = {}) => ({
      __typename: 'User',
      id: me._id,
      firstSeenAt: me.firstSeenAt.toISOString(),
      account: { id: mine._id, segment: 'SMB', tenureDays: 400, renewalDate: daysFromNow(200).toISOString(), health: { band: 'HEALTHY' } },
      learning: { completedCourses: { totalCount: 0 } },
      community: null,
      ...overrides,
    });
    const myAccount = {
      __typename: 'Account',
      id: mine._id,
      segment: 'SMB',
      tenureDays: 400,
      renewalDate: null,
      health: { band: 'HEALTHY' },
      learning: { completionCount: 0, certifiedUsers: 0 },
      community: { members: 0, questions: 0 },
      usageReport: { activeUsers: 0 },
    };
    const ask = (caller: Caller | null, representations: unknown[]) =>
      postGraphql<any>(journeyUrl(), ENTITIES, { token: caller ? tokens[caller] : null, variables: { representations } });

    it.each<[Caller | 'journey:read alone', 'data' | 'FORBIDDEN']>([
      ['me', 'data'],
      ['my colleague', 'FORBIDDEN'],
      ['other customer', 'FORBIDDEN'],
      ['staff', 'data'],
      // Reached directly, the subgraph needs no other domain's scope: the representation carries the fields.
      ['journey:read alone', 'data'],
      ['integration without journey:read', 'FORBIDDEN'],
    ])('a User lookup of me: %s gets %s', async (caller, outcome) => {
      const token = caller === 'journey:read alone' ? await stack.integrationToken(['journey:read']) : tokens[caller];
      const result = await postGraphql<any>(journeyUrl(), ENTITIES, { token, variables: { representations: [myUser()] } });
      if (outcome === 'data') {
        expect(result.errors).toBeUndefined();
        expect(result.data._entities).toEqual([{ id: me._id, journey: { stage: 'VALUE', accountTenureDays: 400, userTenureDays: 200 } }]);
      } else {
        expect(result.data?._entities ?? [null]).toEqual([null]);
        expect(codeOf(result)).toBe('FORBIDDEN');
      }
    });

    it('refuses a customer a representation of themselves that names another account', async () => {
      const forged = myUser({ account: { ...myUser()['account'] as object, id: theirs._id } });
      const result = await ask('me', [forged]);
      expect(result.data?._entities ?? [null]).toEqual([null]);
      expect(codeOf(result)).toBe('FORBIDDEN');
    });

    it.each<[Caller, 'data' | 'FORBIDDEN']>([
      ['me', 'data'],
      ['my colleague', 'data'],
      ['other customer', 'FORBIDDEN'],
      ['staff', 'data'],
      ['integration without journey:read', 'FORBIDDEN'],
    ])('an Account lookup of my account: %s gets %s', async (caller, outcome) => {
      const result = await ask(caller, [myAccount]);
      if (outcome === 'data') {
        expect(result.errors).toBeUndefined();
        expect(result.data._entities).toEqual([{ id: mine._id, onboarding: { stage: 'VALUE', totalCount: 2 } }]);
      } else {
        expect(result.data?._entities ?? [null]).toEqual([null]);
        expect(codeOf(result)).toBe('FORBIDDEN');
      }
    });

    it('answers only the allowed lookup of a mixed list, refusing the other one', async () => {
      const theirUser = myUser({ id: them._id, account: { ...myUser()['account'] as object, id: theirs._id } });
      const result = await ask('me', [myUser(), theirUser]);
      expect(result.data._entities[0]).toMatchObject({ id: me._id, journey: { stage: 'VALUE' } });
      expect(result.data._entities[1]).toBeNull();
      expect(result.errors?.map((error) => error.extensions?.['code'])).toEqual(['FORBIDDEN']);
    });

    it('names the missing required field of a representation with BAD_USER_INPUT', async () => {
      const result = await ask('staff', [myUser({ firstSeenAt: undefined })]);
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.extensions?.['field']).toBe('representation.firstSeenAt');
    });

    it('answers a request without a token with UNAUTHENTICATED and 401', async () => {
      const result = await ask(null, [myUser()]);
      expect(result.status).toBe(401);
      expect(codeOf(result)).toBe('UNAUTHENTICATED');
    });
  });
});

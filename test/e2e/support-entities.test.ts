import { buildAccount, buildUser } from '../helpers/factories';
import { seedAccounts } from '../helpers/seed';
import { postGraphql, startStack, type Stack } from '../helpers/stack';
import { buildArticle, buildTicket, seedSupport } from '../helpers/support';

const ENTITIES = `query($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Ticket { id subject }
    ... on Article { id title }
    ... on Account { id support { openTickets } }
    ... on User { id tickets { totalCount edges { node { subject } } } }
  }
}`;

type Caller = 'staff' | 'own customer' | 'other customer' | 'integration without scope';

/** `_entities` lookups straight at the support subgraph are authorized exactly like root fields. */
describe('entity lookups at the support subgraph', () => {
  let stack: Stack;
  const mine = buildAccount();
  const theirs = buildAccount();
  const me = buildUser(mine);
  const stranger = buildUser(theirs);
  const myTicket = buildTicket(me, { subject: 'My own question' });
  const publicArticle = buildArticle({ title: 'Salesforce連携の設定' });
  const internalArticle = buildArticle({ title: 'Internal escalation playbook', visibility: 'INTERNAL' });

  const representations = {
    ticket: { __typename: 'Ticket', id: myTicket._id },
    publicArticle: { __typename: 'Article', id: publicArticle._id },
    internalArticle: { __typename: 'Article', id: internalArticle._id },
    account: { __typename: 'Account', id: mine._id },
    user: { __typename: 'User', id: me._id },
  };

  beforeAll(async () => {
    stack = await startStack();
    await seedAccounts(stack, [mine, theirs], [me, stranger]);
    await seedSupport(stack, { tickets: [myTicket], articles: [publicArticle, internalArticle] });
  });
  afterAll(() => stack.stop());

  async function tokenFor(caller: Caller): Promise<string> {
    if (caller === 'staff') return stack.staffToken();
    if (caller === 'own customer') return stack.customerToken(mine._id, me._id);
    if (caller === 'other customer') return stack.customerToken(theirs._id, stranger._id);
    return stack.integrationToken(['accounts:read']);
  }

  async function lookUp(caller: Caller, representation: Record<string, string>) {
    return postGraphql<any>(stack.subgraphUrls['support']!, ENTITIES, {
      token: await tokenFor(caller),
      variables: { representations: [representation] },
    });
  }

  const expected = {
    ticket: { id: myTicket._id, subject: 'My own question' },
    publicArticle: { id: publicArticle._id, title: 'Salesforce連携の設定' },
    internalArticle: { id: internalArticle._id, title: 'Internal escalation playbook' },
    account: { id: mine._id, support: { openTickets: 1 } },
    user: { id: me._id, tickets: { totalCount: 1, edges: [{ node: { subject: 'My own question' } }] } },
  };

  const cases: Array<[Caller, keyof typeof representations, 'allowed' | 'FORBIDDEN']> = [
    ['staff', 'ticket', 'allowed'],
    ['staff', 'internalArticle', 'allowed'],
    ['staff', 'account', 'allowed'],
    ['staff', 'user', 'allowed'],
    ['own customer', 'ticket', 'allowed'],
    ['own customer', 'publicArticle', 'allowed'],
    ['own customer', 'internalArticle', 'FORBIDDEN'],
    ['own customer', 'account', 'allowed'],
    ['own customer', 'user', 'allowed'],
    ['other customer', 'ticket', 'FORBIDDEN'],
    ['other customer', 'publicArticle', 'allowed'],
    ['other customer', 'internalArticle', 'FORBIDDEN'],
    ['other customer', 'account', 'FORBIDDEN'],
    ['other customer', 'user', 'FORBIDDEN'],
    ['integration without scope', 'ticket', 'FORBIDDEN'],
    ['integration without scope', 'publicArticle', 'FORBIDDEN'],
    ['integration without scope', 'account', 'FORBIDDEN'],
    ['integration without scope', 'user', 'FORBIDDEN'],
  ];

  it.each(cases)('%s looking up the %s: %s', async (caller, entity, outcome) => {
    const result = await lookUp(caller, representations[entity]);
    if (outcome === 'allowed') {
      expect(result.errors).toBeUndefined();
      expect(result.data._entities).toEqual([expected[entity]]);
    } else {
      expect(result.data?._entities?.[0] ?? null).toBeNull();
      expect(result.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
      expect(JSON.stringify(result)).not.toMatch(/My own question|escalation playbook|openTickets":\d/);
    }
  });

  it('answers an entity lookup without a token with UNAUTHENTICATED and no data', async () => {
    const result = await postGraphql<any>(stack.subgraphUrls['support']!, ENTITIES, { variables: { representations: [representations.ticket] } });
    expect(result.status).toBe(401);
    expect(result.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    expect(result.data ?? null).toBeNull();
  });

  it("resolves a customer's mixed list entry by entry: own data shown, the rest FORBIDDEN", async () => {
    const result = await postGraphql<any>(stack.subgraphUrls['support']!, ENTITIES, {
      token: await tokenFor('own customer'),
      variables: {
        representations: [representations.ticket, { __typename: 'Account', id: theirs._id }, representations.internalArticle, representations.publicArticle],
      },
    });
    expect(result.data._entities).toEqual([expected.ticket, null, null, expected.publicArticle]);
    expect(result.errors?.map((error) => error.extensions?.['code'])).toEqual(['FORBIDDEN', 'FORBIDDEN']);
  });
});

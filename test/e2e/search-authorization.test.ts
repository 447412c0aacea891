import { buildSearchCorpus, seedSearchCorpus } from '../helpers/search-corpus';
import { hitIds, search, searchFollowing, searchUntil, SEARCH, SUGGEST } from '../helpers/search';
import { postGraphql, startStack, type Stack } from '../helpers/stack';

const IMPORT = `mutation($documents: [ExternalDocumentInput!]!) { upsertExternalDocuments(documents: $documents) { documents { id audience } } }`;
const EXTERNAL = `query($id: ID!) { externalDocument(id: $id) { id title } }`;
const EXTERNAL_INTERNALS = `query($id: ID!) { externalDocument(id: $id) { id externalIds { id } syncedAt } }`;
const ENTITIES = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on ExternalDocument { id title } } }`;

describe('who finds what', () => {
  let stack: Stack;
  const corpus = buildSearchCorpus();
  const { items } = corpus;
  let publicDocumentId = '';
  let staffDocumentId = '';

  beforeAll(async () => {
    stack = await startStack({ config: searchFollowing(), arrange: (target) => seedSearchCorpus(target, corpus) });
    const imported = await stack.query<any>(IMPORT, {
      token: await stack.staffToken(),
      variables: {
        documents: [
          { source: 'wiki', externalId: 'pub', title: 'Invoice FAQ on the website', url: 'https://example.com/faq', body: 'Public answers about invoices.', locale: 'en-US' },
          { source: 'wiki', externalId: 'int', title: 'Invoice dispute playbook', url: 'https://wiki.example.com/int', body: 'Staff only: refund limits.', locale: 'en-US', audience: 'STAFF' },
        ],
      },
    });
    [publicDocumentId, staffDocumentId] = imported.data.upsertExternalDocuments.documents.map((document: { id: string }) => document.id);
    await searchUntil(stack, await stack.staffToken(), { query: 'invoice' }, (view) => view.totalCount === 7, 10_000);
  });
  afterAll(() => stack.stop());

  const acmeToken = () => stack.customerToken(corpus.acme._id, corpus.acmeUser._id);
  const globexToken = () => stack.customerToken(corpus.globex._id, corpus.globexUser._id);

  it('shows a customer public content and their own account\'s items only, in hits and counts', async () => {
    const view = (await search(stack, await acmeToken(), { query: 'invoice' })).data!.search;
    expect(hitIds(view).sort()).toEqual([items.invoiceArticleEn._id, items.acmeTicket._id, publicDocumentId].sort());
    expect(view.totalCount).toBe(3);
    expect(view.countsByType.map((count) => [count.type, count.count]).sort()).toEqual([
      ['ARTICLE', 1],
      ['EXTERNAL_DOCUMENT', 1],
      ['TICKET', 1],
    ]);
    const text = JSON.stringify(view);
    for (const secret of ['wrong totals', 'Globex', 'runbook', 'playbook']) expect(text).not.toContain(secret);
  });

  it('finds nothing of another account\'s tickets or account-only posts, even by their own words', async () => {
    for (const query of ['ledger', 'confidential', 'approvals', 'wrong totals', 'runbook', 'refund']) {
      const view = (await search(stack, await acmeToken(), { query })).data!.search;
      expect({ query, totalCount: view.totalCount, countsByType: view.countsByType }).toEqual({ query, totalCount: 0, countsByType: [] });
    }
  });

  it('suggests nothing from what the caller may not read', async () => {
    for (const prefix of ['Globex int', 'Invoice export sho', 'Invoice esc', 'Invoice disp']) {
      const result = await stack.query<any>(SUGGEST, { token: await acmeToken(), variables: { prefix } });
      expect({ prefix, suggestions: result.data.searchSuggestions }).toEqual({ prefix, suggestions: [] });
    }
    const own = await stack.query<any>(SUGGEST, { token: await globexToken(), variables: { prefix: 'Globex int' } });
    expect(own.data.searchSuggestions.map((suggestion: { text: string }) => suggestion.text)).toEqual(['Globex internal: invoice approvals']);
  });

  it('shows the other account its own private items', async () => {
    const view = (await search(stack, await globexToken(), { query: 'invoice' })).data!.search;
    expect(hitIds(view).sort()).toEqual([items.invoiceArticleEn._id, items.globexTicket._id, items.globexPrivatePost._id, publicDocumentId].sort());
    const ticket = view.edges.find((edge) => edge.node.type === 'TICKET')!.node;
    expect(ticket.item).toEqual({ __typename: 'Ticket', id: items.globexTicket._id, subject: 'Invoice export shows wrong totals' });
  });

  it('shows staff and integrations with search:read everything; each item only as far as its owner allows', async () => {
    const staff = (await search(stack, await stack.staffToken(), { query: 'invoice' })).data!.search;
    expect(staff.totalCount).toBe(7);
    const readsEverything = await stack.integrationToken(['search:read', 'support:read', 'community:read']);
    const integration = (await search(stack, readsEverything, { query: 'invoice' })).data!.search;
    expect(hitIds(integration).sort()).toEqual(hitIds(staff).sort());
    const searchOnly = await search(stack, await stack.integrationToken(['search:read']), { query: 'invoice' });
    expect(searchOnly.data!.search.totalCount).toBe(7);
    expect(searchOnly.errors?.map((error) => error.extensions?.['code'])).toContain('FORBIDDEN');
    expect(searchOnly.data!.search.edges.filter((edge) => edge.node.item?.__typename === 'Ticket')).toEqual([]);
  });

  it('refuses callers without a right to search, and unauthenticated ones at the gateway and at the subgraph', async () => {
    const integration = await search(stack, await stack.integrationToken(['support:read']), { query: 'invoice' });
    expect(integration.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(integration.data).toBeNull();
    const anonymous = await stack.query(SEARCH, { token: null, variables: { query: 'invoice' } });
    expect(anonymous.status).toBe(401);
    const direct = await postGraphql(stack.subgraphUrls['search']!, SEARCH, { variables: { query: 'invoice' } });
    expect(direct.status).toBe(401);
    expect(direct.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });

  it('filters a customer\'s search at the subgraph itself, reached without the gateway', async () => {
    const query = `query { search(query: "invoice") { totalCount edges { node { type item { ... on Ticket { id } } } } } }`;
    const direct = await postGraphql<any>(stack.subgraphUrls['search']!, query, { token: await acmeToken() });
    expect(direct.data.search.totalCount).toBe(3);
    expect(direct.data.search.edges.filter((edge: any) => edge.node.type === 'TICKET').map((edge: any) => edge.node.item.id)).toEqual([items.acmeTicket._id]);
  });

  it('guards external documents by audience, through root fields and _entities', async () => {
    const ok = await stack.query<any>(EXTERNAL, { token: await acmeToken(), variables: { id: publicDocumentId } });
    expect(ok.data.externalDocument).toEqual({ id: publicDocumentId, title: 'Invoice FAQ on the website' });
    const refused = await stack.query<any>(EXTERNAL, { token: await acmeToken(), variables: { id: staffDocumentId } });
    expect(refused.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const internals = await stack.query<any>(EXTERNAL_INTERNALS, { token: await acmeToken(), variables: { id: publicDocumentId } });
    expect(internals.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const entities = await postGraphql<any>(stack.subgraphUrls['search']!, ENTITIES, {
      token: await acmeToken(),
      variables: { representations: [{ __typename: 'ExternalDocument', id: staffDocumentId }] },
    });
    expect(entities.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(JSON.stringify(entities.data)).not.toContain('playbook');
  });

  it('lets only staff and search:write integrations import or delete external documents', async () => {
    const document = { source: 'wiki', externalId: 'x', title: 'Injected', url: 'https://evil.example.com', body: 'x', locale: 'en-US' };
    for (const token of [await acmeToken(), await stack.integrationToken(['search:read'])]) {
      const result = await stack.query(IMPORT, { token, variables: { documents: [document] } });
      expect(result.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
      const deletion = await stack.query(`mutation($id: ID!) { deleteExternalDocument(id: $id) }`, { token, variables: { id: publicDocumentId } });
      expect(deletion.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    }
    const still = await stack.query<any>(EXTERNAL, { token: await stack.staffToken(), variables: { id: publicDocumentId } });
    expect(still.data.externalDocument.id).toBe(publicDocumentId);
  });
});

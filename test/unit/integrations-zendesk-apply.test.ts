import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GraphClient } from '../../subgraphs/kit/graph-client';
import type { StoredInboundEvent } from '../../subgraphs/integrations/inbound/inbound-source';
import { zendeskSource } from '../../subgraphs/integrations/inbound/sources/zendesk';

const fixture = (name: string) => JSON.parse(readFileSync(join(__dirname, '../fixtures/zendesk', name), 'utf8'));

interface GraphCall {
  operation: string;
  variables: Record<string, unknown>;
}

/** A graph that answers each operation (named by its first word after query/mutation) from `answers`. */
function fakeGraph(answers: Record<string, (variables: Record<string, unknown>) => unknown>): GraphClient & { calls: GraphCall[] } {
  const calls: GraphCall[] = [];
  return {
    calls,
    async request<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
      const operation = /^(?:query|mutation) (\w+)/.exec(query)?.[1] ?? '?';
      calls.push({ operation, variables });
      const answer = answers[operation];
      if (!answer) throw new Error(`unexpected ${operation}`);
      return answer(variables) as T;
    },
  };
}

function stored(payload: unknown, eventType: string): StoredInboundEvent {
  return { id: 'evt_1', source: 'zendesk', deliveryId: 'd1', eventType, payload, receivedAt: new Date('2026-11-02T01:15:44Z'), attempts: 0 };
}

const linkedContext = (ticket: { id: string; updatedAt: string } | null = null) => ({
  ticketByExternalId: ticket,
  userByExternalId: { id: 'usr_hanako', account: { id: 'acc_sakura' } },
  accountByExternalId: { id: 'acc_sakura' },
});

describe('applying Zendesk events through the graph', () => {
  it('upserts a created ticket with its requester and organization resolved to the hub\'s user and account', async () => {
    const graph = fakeGraph({
      ZendeskTicketContext: () => linkedContext(),
      UpsertZendeskTicket: () => ({ upsertTicket: { id: 'tkt_1', status: 'NEW' } }),
    });
    const result = await zendeskSource.apply(stored(fixture('ticket-created-event.json'), 'zen:event-type:ticket.created'), graph);
    expect(result).toBe('ticket tkt_1 created from Zendesk ticket 35436 (NEW)');
    expect(graph.calls[0]).toEqual({
      operation: 'ZendeskTicketContext',
      variables: { ticket: '35436', requester: '8447388090494', organization: '8447346622462', hasOrganization: true },
    });
    expect(graph.calls[1]?.variables['input']).toEqual({
      externalIds: [{ source: 'zendesk', id: '35436' }],
      subject: 'Delivery report CSV export stops at 10,000 rows',
      description: 'Since this morning the CSV export of our delivery report stops at 10,000 rows. We need the full month for our billing run on Friday.',
      status: 'NEW',
      priority: 'HIGH',
      tags: ['csv_export', 'reporting'],
      createdAt: '2026-11-02T01:15:42.000Z',
      updatedAt: '2026-11-02T01:15:42.000Z',
      requesterId: 'usr_hanako',
      accountId: 'acc_sakura',
    });
  });

  it('adds the comment of a comment event to the ticket, with the ticket\'s new state', async () => {
    const graph = fakeGraph({
      ZendeskTicketContext: () => linkedContext({ id: 'tkt_1', updatedAt: '2026-11-02T01:15:42.000Z' }),
      UpsertZendeskTicket: () => ({ upsertTicket: { id: 'tkt_1', status: 'PENDING' } }),
    });
    expect(await zendeskSource.apply(stored(fixture('ticket-comment-added-event.json'), 'zen:event-type:ticket.comment_added'), graph)).toBe(
      'ticket tkt_1 updated from Zendesk ticket 35436 (PENDING)',
    );
    expect(graph.calls[1]?.variables['input']).toMatchObject({
      status: 'PENDING',
      comments: [{ id: 'zendesk-8612290384151', authorRole: 'AGENT', authorName: 'Kenji Watanabe', isPublic: true, createdAt: '2026-11-02T03:02:10.114Z' }],
    });
  });

  it('never applies an older update over a newer one', async () => {
    const graph = fakeGraph({ ZendeskTicketContext: () => linkedContext({ id: 'tkt_1', updatedAt: '2026-11-04T08:30:00.000Z' }) });
    const result = await zendeskSource.apply(stored(fixture('ticket-created-event.json'), 'zen:event-type:ticket.created'), graph);
    expect(result).toMatch(/^skipped: ticket tkt_1 changed at 2026-11-04T08:30:00.000Z/);
    expect(graph.calls.map((call) => call.operation)).toEqual(['ZendeskTicketContext']);
  });

  it('writes nothing for a snapshot the stored ticket already holds', async () => {
    const graph = fakeGraph({ ZendeskTicketContext: () => linkedContext({ id: 'tkt_1', updatedAt: '2026-11-02T01:15:42.000Z' }) });
    const result = await zendeskSource.apply(stored(fixture('ticket-created-event.json'), 'zen:event-type:ticket.created'), graph);
    expect(result).toBe('unchanged: ticket tkt_1 already holds Zendesk ticket 35436 as of 2026-11-02T01:15:42.000Z');
    expect(graph.calls).toHaveLength(1);
  });

  it('still adds the comment of a late comment event, keeping the newer fields and update time', async () => {
    const graph = fakeGraph({
      ZendeskTicketContext: () => linkedContext({ id: 'tkt_1', updatedAt: '2026-11-04T08:30:00.000Z' }),
      UpsertZendeskTicket: () => ({ upsertTicket: { id: 'tkt_1', status: 'SOLVED' } }),
    });
    await zendeskSource.apply(stored(fixture('ticket-comment-added-event.json'), 'zen:event-type:ticket.comment_added'), graph);
    expect(graph.calls[1]?.variables['input']).toEqual({
      id: 'tkt_1',
      updatedAt: '2026-11-04T08:30:00.000Z',
      comments: [expect.objectContaining({ id: 'zendesk-8612290384151' })],
    });
  });

  it('fails with a clear error while the organization is not linked to an account, writing nothing', async () => {
    const graph = fakeGraph({ ZendeskTicketContext: () => ({ ...linkedContext(), accountByExternalId: null }) });
    await expect(zendeskSource.apply(stored(fixture('ticket-created-event.json'), 'zen:event-type:ticket.created'), graph)).rejects.toThrow(
      'Zendesk organization 8447346622462 (ticket 35436) is not linked to an account yet: import the organizations, then replay',
    );
    expect(graph.calls).toHaveLength(1);
  });

  it('fails with a clear error while the requester is unknown and the payload has no e-mail', async () => {
    const graph = fakeGraph({ ZendeskTicketContext: () => ({ ...linkedContext(), userByExternalId: null }) });
    await expect(zendeskSource.apply(stored(fixture('ticket-created-event.json'), 'zen:event-type:ticket.created'), graph)).rejects.toThrow(
      'Zendesk user 8447388090494 (requester of ticket 35436) is not linked to a user yet: import the users, then replay',
    );
  });

  it('links an unknown requester by the e-mail a trigger body carries, keeping a known user\'s name', async () => {
    const body = fixture('trigger-ticket.json');
    body.ticket.requester = { name: 'Hanako Sato', email: 'hanako.sato@sakura-logistics.co.jp' };
    const graph = fakeGraph({
      ZendeskTicketContext: () => ({ ...linkedContext(), userByExternalId: null }),
      ZendeskRequesterByEmail: () => ({ userByEmail: { id: 'usr_hanako', account: { id: 'acc_sakura' } } }),
      LinkZendeskRequester: () => ({ upsertUser: { id: 'usr_hanako', account: { id: 'acc_sakura' } } }),
      UpsertZendeskTicket: () => ({ upsertTicket: { id: 'tkt_2', status: 'CLOSED' } }),
    });
    await zendeskSource.apply(stored(body, 'trigger:ticket'), graph);
    expect(graph.calls.find((call) => call.operation === 'LinkZendeskRequester')?.variables).toEqual({
      input: { externalIds: [{ source: 'zendesk', id: '8447388090494' }], email: 'hanako.sato@sakura-logistics.co.jp' },
    });
    expect(graph.calls.at(-1)?.variables['input']).toMatchObject({ requesterId: 'usr_hanako', accountId: 'acc_sakura', status: 'CLOSED', satisfaction: { rating: 'GOOD' } });
  });

  it('takes the requester\'s account when the ticket has no organization', async () => {
    const event = fixture('ticket-created-event.json');
    event.detail.organization_id = null;
    const graph = fakeGraph({
      ZendeskTicketContext: () => ({ ticketByExternalId: null, userByExternalId: { id: 'usr_hanako', account: { id: 'acc_own' } } }),
      UpsertZendeskTicket: () => ({ upsertTicket: { id: 'tkt_3', status: 'NEW' } }),
    });
    await zendeskSource.apply(stored(event, 'zen:event-type:ticket.created'), graph);
    expect(graph.calls[0]?.variables).toMatchObject({ hasOrganization: false });
    expect(graph.calls[1]?.variables['input']).toMatchObject({ accountId: 'acc_own' });
  });

  it('applies event types it does not map as ignored', async () => {
    const graph = fakeGraph({});
    expect(await zendeskSource.apply(stored(fixture('user-created-event.json'), 'zen:event-type:user.created'), graph)).toBe(
      'ignored: zen:event-type:user.created changes nothing the hub keeps',
    );
    expect(graph.calls).toEqual([]);
  });

  it('fails an event whose detail does not fit the documented shape, naming the field', async () => {
    const event = fixture('ticket-created-event.json');
    event.detail.status = 'ARCHIVED';
    await expect(zendeskSource.apply(stored(event, 'zen:event-type:ticket.created'), fakeGraph({}))).rejects.toThrow('detail.status: must be one of');
  });

  it('upserts an article object, and removes a draft', async () => {
    const graph = fakeGraph({
      StoredZendeskArticle: () => ({ articleByExternalId: { id: 'art_1', updatedAt: '2026-11-01T00:00:00.000Z' } }),
      UpsertZendeskArticle: () => ({ upsertArticle: { id: 'art_1' } }),
      DeleteZendeskArticle: () => ({ deleteArticle: 'art_1' }),
    });
    const body = fixture('help-center-article.json');
    expect(await zendeskSource.apply(stored(body, 'article:object'), graph)).toBe('article art_1 updated from Zendesk article 7005414006398');
    expect(graph.calls[1]?.variables['input']).toMatchObject({ externalIds: [{ source: 'zendesk', id: '7005414006398' }], locale: 'ja', visibility: 'PUBLIC' });
    body.article.draft = true;
    expect(await zendeskSource.apply(stored(body, 'article:object'), graph)).toBe('article art_1 removed (Zendesk article 7005414006398)');
  });

  it('removes an unpublished article, and answers calmly when the hub never had it', async () => {
    const known = fakeGraph({
      StoredZendeskArticle: () => ({ articleByExternalId: { id: 'art_1', updatedAt: '2026-11-05T02:11:40.000Z' } }),
      DeleteZendeskArticle: (variables) => ({ deleteArticle: variables['id'] }),
    });
    const event = stored(fixture('article-unpublished-event.json'), 'zen:event-type:article.unpublished');
    expect(await zendeskSource.apply(event, known)).toBe('article art_1 removed (Zendesk article 7005414006398)');
    expect(known.calls[1]).toEqual({ operation: 'DeleteZendeskArticle', variables: { id: 'art_1' } });
    const unknown = fakeGraph({ StoredZendeskArticle: () => ({ articleByExternalId: null }) });
    expect(await zendeskSource.apply(event, unknown)).toBe('Zendesk article 7005414006398 is not in the hub: nothing to remove');
  });

  it('updates title, locale and section of a known article on article.published; an unknown one waits for its body', async () => {
    const known = fakeGraph({
      StoredZendeskArticle: () => ({ articleByExternalId: { id: 'art_1', updatedAt: '2026-11-05T02:11:40.000Z' } }),
      UpsertZendeskArticle: () => ({ upsertArticle: { id: 'art_1' } }),
    });
    const event = stored(fixture('article-published-event.json'), 'zen:event-type:article.published');
    await zendeskSource.apply(event, known);
    expect(known.calls[1]?.variables['input']).toEqual({
      id: 'art_1',
      title: '配送レポートを月単位でエクスポートする方法',
      locale: 'ja',
      section: '7005437870078',
      updatedAt: '2026-11-05T02:11:49.571Z',
    });
    const unknown = fakeGraph({ StoredZendeskArticle: () => ({ articleByExternalId: null }) });
    await expect(zendeskSource.apply(event, unknown)).rejects.toThrow('its published event carries no body: import the article, then replay');
  });
});

import type { GraphQLError } from 'graphql';
import { articleFilterInput, ticketFilterInput, upsertArticleInput, upsertTicketInput } from '../../subgraphs/support/inputs';
import { parseInput } from '../../subgraphs/kit/validation';

/** The extensions of the error `parseInput` throws (code, field, issues). */
function refusalOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return (error as GraphQLError).extensions;
  }
  throw new Error('expected BAD_USER_INPUT');
}

const ticket = { subject: 'S', description: 'D', requesterId: 'usr_1', accountId: 'acc_1' };

/** The zod schemas hold on their own, for callers that bypass GraphQL's coercion. */
describe('support input schemas', () => {
  it.each([
    ['an operator object where a string belongs', { ...ticket, requesterId: { $ne: '' } }, 'input.requesterId'],
    ['an unknown field', { ...ticket, $where: 'sleep(1000)' }, 'input.$where'],
    ['an unknown enum value', { ...ticket, priority: 'P0' }, 'input.priority'],
    ['a string where a date belongs', { ...ticket, createdAt: '2026-01-01' }, 'input.createdAt'],
    ['an unknown field in a comment', { ...ticket, comments: [{ authorName: 'A', authorRole: 'AGENT', body: 'x', html: '<b>' }] }, 'input.comments.0.html'],
    ['a rating outside GOOD and BAD', { ...ticket, satisfaction: { rating: 'OK' } }, 'input.satisfaction.rating'],
  ])('refuses %s in a ticket', (_name, input, field) => {
    expect(refusalOf(() => parseInput(upsertTicketInput, input, 'input'))).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('normalizes tags and labels to lower case, in any script', () => {
    expect(parseInput(upsertTicketInput, { ...ticket, tags: [' Billing ', '請求'] }, 'input').tags).toEqual(['billing', '請求']);
    expect(parseInput(upsertArticleInput, { labels: ['CSV'] }, 'input').labels).toEqual(['csv']);
  });

  it('refuses an address that is not http or https', () => {
    expect(refusalOf(() => parseInput(upsertArticleInput, { url: 'ftp://example.com/a' }, 'input'))).toMatchObject({ field: 'input.url' });
    expect(parseInput(upsertArticleInput, { url: 'https://help.example.com/a' }, 'input').url).toBe('https://help.example.com/a');
  });

  it('takes null in a filter as an omitted condition', () => {
    expect(parseInput(ticketFilterInput, { status: null, accountId: null }, 'filter')).toEqual({ status: null, accountId: null });
    expect(parseInput(articleFilterInput, { labels: null }, 'filter')).toEqual({ labels: null });
  });

  it('refuses an operator object in a filter', () => {
    expect(refusalOf(() => parseInput(ticketFilterInput, { accountId: { $gt: '' } }, 'filter'))).toMatchObject({ field: 'filter.accountId' });
  });
});

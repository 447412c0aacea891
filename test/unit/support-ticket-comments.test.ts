import { pageComments } from '../../subgraphs/support/ticket-comments';
import type { TicketComment } from '../../subgraphs/support/model';

function comment(id: string, isPublic = true): TicketComment {
  return { id, authorName: 'Alex Kim', authorRole: 'AGENT', body: `body ${id}`, isPublic, createdAt: new Date('2026-01-01T00:00:00Z') };
}

const conversation = [comment('c1'), comment('c2', false), comment('c3'), comment('c4', false), comment('c5')];

describe('pageComments', () => {
  it('leaves internal notes out of the page and out of the count for customers', async () => {
    const page = pageComments(conversation, false, { first: 10 });
    expect(page.edges.map((edge) => edge.node.id)).toEqual(['c1', 'c3', 'c5']);
    expect(await page.totalCount()).toBe(3);
    expect(page.pageInfo.hasNextPage).toBe(false);
  });

  it('shows staff every comment', async () => {
    const page = pageComments(conversation, true, { first: 10 });
    expect(page.edges.map((edge) => edge.node.id)).toEqual(['c1', 'c2', 'c3', 'c4', 'c5']);
    expect(await page.totalCount()).toBe(5);
  });

  it('continues after a cursor', () => {
    const first = pageComments(conversation, false, { first: 2 });
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = pageComments(conversation, false, { first: 2, after: first.pageInfo.endCursor });
    expect(second.edges.map((edge) => edge.node.id)).toEqual(['c5']);
    expect(second.pageInfo).toEqual({ hasNextPage: false, endCursor: second.edges[0]!.cursor });
  });

  it("refuses a customer a cursor made from an internal note's id", () => {
    const staffCursor = pageComments(conversation, true, { first: 2 }).pageInfo.endCursor;
    expect(() => pageComments(conversation, false, { first: 2, after: staffCursor })).toThrow(/after/);
  });

  it('refuses a page size above 100', () => {
    expect(() => pageComments(conversation, true, { first: 101 })).toThrow(/first/);
  });
});

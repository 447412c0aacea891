import { errors } from '../kit/errors';
import { pageSize, type Connection, type PageArgs } from '../kit/pagination';
import type { TicketComment } from './model';

function cursorOf(comment: TicketComment): string {
  return Buffer.from(comment.id, 'utf8').toString('base64url');
}

/**
 * One page of the comments a caller may see. Comments are embedded in their ticket, so paging
 * happens here, after internal notes were dropped: `totalCount` counts only what is shown.
 */
export function pageComments(comments: readonly TicketComment[], includeInternal: boolean, page: PageArgs): Connection<TicketComment> {
  const visible = includeInternal ? [...comments] : comments.filter((comment) => comment.isPublic);
  const limit = pageSize(page.first);
  let start = 0;
  if (page.after) {
    const afterId = Buffer.from(page.after, 'base64url').toString('utf8');
    const index = visible.findIndex((comment) => comment.id === afterId);
    if (index < 0) throw errors.badUserInput([{ field: 'after', message: 'is not a cursor from this list' }]);
    start = index + 1;
  }
  const shown = visible.slice(start, start + limit);
  const edges = shown.map((node) => ({ node, cursor: cursorOf(node) }));
  return {
    edges,
    pageInfo: { hasNextPage: start + limit < visible.length, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: () => Promise.resolve(visible.length),
  };
}

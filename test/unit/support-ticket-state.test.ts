import type { GraphQLError } from 'graphql';
import type { UpsertTicketInput } from '../../subgraphs/support/inputs';
import type { TicketComment } from '../../subgraphs/support/model';
import { settleTicketTimeline, type TicketTimeline } from '../../subgraphs/support/ticket-state';

const NOW = new Date('2026-03-10T12:00:00.000Z');
const at = (iso: string) => new Date(iso);

function comment(overrides: Partial<TicketComment>): TicketComment {
  return { id: 'c1', authorName: 'Alex Kim', authorRole: 'AGENT', body: 'Hello', isPublic: true, createdAt: at('2026-03-01T00:00:00Z'), ...overrides };
}

function stored(overrides: Partial<TicketTimeline> = {}): TicketTimeline {
  return {
    status: 'OPEN',
    createdAt: at('2026-03-01T00:00:00Z'),
    updatedAt: at('2026-03-02T00:00:00Z'),
    firstResponseAt: null,
    solvedAt: null,
    comments: [],
    ...overrides,
  };
}

function issuesOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    return ((error as GraphQLError).extensions['issues'] as Array<{ field: string }>).map((issue) => issue.field);
  }
  throw new Error('expected BAD_USER_INPUT');
}

describe('settleTicketTimeline', () => {
  it('opens a new ticket now, as NEW, when the input gives no times', () => {
    expect(settleTicketTimeline(null, {}, NOW)).toEqual({
      status: 'NEW',
      createdAt: NOW,
      updatedAt: NOW,
      firstResponseAt: null,
      solvedAt: null,
      comments: [],
    });
  });

  it("keeps the source's times as given", () => {
    const input: UpsertTicketInput = {
      status: 'CLOSED',
      createdAt: at('2026-01-01T00:00:00Z'),
      updatedAt: at('2026-01-05T00:00:00Z'),
      firstResponseAt: at('2026-01-01T01:00:00Z'),
      solvedAt: at('2026-01-04T00:00:00Z'),
    };
    expect(settleTicketTimeline(null, input, NOW)).toMatchObject({
      createdAt: input.createdAt,
      updatedAt: input.updatedAt,
      firstResponseAt: input.firstResponseAt,
      solvedAt: input.solvedAt,
    });
  });

  it('takes the first response from the first public agent comment, not from an internal note', () => {
    const settled = settleTicketTimeline(stored(), {
      comments: [
        { authorName: 'Alex Kim', authorRole: 'AGENT', body: 'note', isPublic: false, createdAt: at('2026-03-01T00:05:00Z') },
        { authorName: 'Mia', authorRole: 'REQUESTER', body: 'more', createdAt: at('2026-03-01T00:07:00Z') },
        { authorName: 'Alex Kim', authorRole: 'AGENT', body: 'answer', createdAt: at('2026-03-01T00:30:00Z') },
      ],
    }, NOW);
    expect(settled.firstResponseAt).toEqual(at('2026-03-01T00:30:00Z'));
  });

  it('keeps a stored first response when later answers arrive', () => {
    const settled = settleTicketTimeline(stored({ firstResponseAt: at('2026-03-01T00:10:00Z') }), {
      comments: [{ authorName: 'Alex Kim', authorRole: 'AGENT', body: 'again', createdAt: at('2026-03-03T00:00:00Z') }],
    }, NOW);
    expect(settled.firstResponseAt).toEqual(at('2026-03-01T00:10:00Z'));
  });

  it('sets the solve time to the update time on solving, keeps it while solved, and clears it on reopening', () => {
    const solved = settleTicketTimeline(stored(), { status: 'SOLVED', updatedAt: at('2026-03-05T00:00:00Z') }, NOW);
    expect(solved.solvedAt).toEqual(at('2026-03-05T00:00:00Z'));
    const closed = settleTicketTimeline(stored(solved), { status: 'CLOSED' }, NOW);
    expect(closed.solvedAt).toEqual(at('2026-03-05T00:00:00Z'));
    expect(settleTicketTimeline(stored(closed), { status: 'OPEN' }, NOW).solvedAt).toBeNull();
  });

  it('replaces a stored comment with the same id and adds the others, oldest first', () => {
    const settled = settleTicketTimeline(stored({ comments: [comment({ id: 'zc-1', body: 'old', isPublic: false })] }), {
      comments: [
        { id: 'zc-2', authorName: 'Mia', authorRole: 'REQUESTER', body: 'earlier', createdAt: at('2026-02-28T00:00:00Z') },
        { id: 'zc-1', authorName: 'Alex Kim', authorRole: 'AGENT', body: 'edited' },
      ],
    }, NOW);
    expect(settled.comments.map((entry) => [entry.id, entry.body, entry.isPublic])).toEqual([
      ['zc-2', 'earlier', true],
      ['zc-1', 'edited', false],
    ]);
    expect(settled.comments[1]!.createdAt).toEqual(at('2026-03-01T00:00:00Z'));
  });

  it('gives new comments without an id their own ids', () => {
    const settled = settleTicketTimeline(null, { comments: [{ authorName: 'A', authorRole: 'AGENT', body: 'x' }, { authorName: 'A', authorRole: 'AGENT', body: 'y' }] }, NOW);
    const ids = settled.comments.map((entry) => entry.id);
    expect(ids.every((id) => /^tcm_[0-9a-f]{16}$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(2);
  });

  it('names every contradiction at once', () => {
    expect(
      issuesOf(() =>
        settleTicketTimeline(null, {
          status: 'OPEN',
          createdAt: at('2026-03-05T00:00:00Z'),
          updatedAt: at('2026-03-04T00:00:00Z'),
          firstResponseAt: at('2026-03-04T00:00:00Z'),
          solvedAt: at('2026-03-06T00:00:00Z'),
        }, NOW),
      ),
    ).toEqual(['input.solvedAt', 'input.updatedAt', 'input.firstResponseAt']);
  });

  it('blames createdAt when it is moved after a stored time', () => {
    expect(issuesOf(() => settleTicketTimeline(stored({ firstResponseAt: at('2026-03-01T01:00:00Z') }), { createdAt: at('2026-03-02T00:00:00Z') }, NOW))).toEqual([
      'input.createdAt',
    ]);
  });

  it('accepts a few minutes of clock skew but no time further in the future', () => {
    expect(() => settleTicketTimeline(null, { createdAt: new Date(NOW.getTime() + 60_000) }, NOW)).not.toThrow();
    expect(issuesOf(() => settleTicketTimeline(null, { createdAt: new Date(NOW.getTime() + 3_600_000) }, NOW))).toEqual(['input.createdAt']);
  });

  it('refuses more comments than a ticket may hold', () => {
    const full = stored({ comments: Array.from({ length: 500 }, (_, index) => comment({ id: `c${index}` })) });
    expect(issuesOf(() => settleTicketTimeline(full, { comments: [{ authorName: 'A', authorRole: 'AGENT', body: 'one more' }] }, NOW))).toEqual(['input.comments']);
  });
});

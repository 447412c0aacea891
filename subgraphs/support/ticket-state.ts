import { errors, type InputIssue } from '../kit/errors';
import { MAX_COMMENTS_PER_TICKET, type TicketCommentInput, type UpsertTicketInput } from './inputs';
import { SOLVED_TICKET_STATUSES, type TicketComment, type TicketDocument, type TicketStatus } from './model';
import { newId } from '../kit/records';

/** How far ahead of this server's clock a source's timestamp may be (clock skew), in ms. */
const ALLOWED_CLOCK_SKEW_MS = 5 * 60_000;

/** The parts of a ticket that depend on each other: its status, timestamps and conversation. */
export type TicketTimeline = Pick<TicketDocument, 'status' | 'createdAt' | 'updatedAt' | 'firstResponseAt' | 'solvedAt' | 'comments'>;

function duplicateCommentIds(comments: readonly TicketCommentInput[]): InputIssue[] {
  const seen = new Set<string>();
  const issues: InputIssue[] = [];
  comments.forEach((comment, index) => {
    if (comment.id === undefined) return;
    if (seen.has(comment.id)) issues.push({ field: `input.comments.${index}.id`, message: 'is given twice' });
    seen.add(comment.id);
  });
  return issues;
}

/** Given comments replace stored ones with the same id, the others are added; oldest first. */
function mergeComments(stored: readonly TicketComment[], given: readonly TicketCommentInput[], now: Date): TicketComment[] {
  const byId = new Map(stored.map((comment) => [comment.id, comment]));
  for (const input of given) {
    const previous = input.id === undefined ? undefined : byId.get(input.id);
    const comment: TicketComment = {
      id: input.id ?? newId('tcm'),
      authorName: input.authorName,
      authorRole: input.authorRole,
      body: input.body,
      isPublic: input.isPublic ?? previous?.isPublic ?? true,
      createdAt: input.createdAt ?? previous?.createdAt ?? now,
    };
    byId.set(comment.id, comment);
  }
  return [...byId.values()].sort((left, right) => left.createdAt.getTime() - right.createdAt.getTime());
}

function firstPublicAgentAnswer(comments: readonly TicketComment[]): Date | null {
  return comments.find((comment) => comment.authorRole === 'AGENT' && comment.isPublic)?.createdAt ?? null;
}

function isSolved(status: TicketStatus): boolean {
  return SOLVED_TICKET_STATUSES.includes(status);
}

/**
 * A ticket's status, timestamps and comments after applying `input` to what is stored
 * (`stored` is null when creating). Timestamps from the source are kept; the missing ones are
 * derived: `solvedAt` from the moment the status became SOLVED or CLOSED, `firstResponseAt` from
 * the first public agent comment. Throws BAD_USER_INPUT, naming every field, when the result
 * would contradict itself, so nothing inconsistent is ever written.
 */
export function settleTicketTimeline(stored: TicketTimeline | null, input: UpsertTicketInput, now: Date): TicketTimeline {
  const issues = duplicateCommentIds(input.comments ?? []);
  const comments = mergeComments(stored?.comments ?? [], input.comments ?? [], now);
  const status = input.status ?? stored?.status ?? 'NEW';
  const createdAt = input.createdAt ?? stored?.createdAt ?? now;
  // A source clock slightly ahead of ours may open a ticket "after now"; it is never updated before it opened.
  const updatedAt = input.updatedAt ?? new Date(Math.max(now.getTime(), createdAt.getTime()));
  // Reopening a ticket clears its solve time; solving it again sets a new one.
  const solvedAt = isSolved(status) ? (input.solvedAt ?? stored?.solvedAt ?? updatedAt) : null;
  const firstResponseAt = input.firstResponseAt ?? stored?.firstResponseAt ?? firstPublicAgentAnswer(comments);

  if (comments.length > MAX_COMMENTS_PER_TICKET) {
    issues.push({ field: 'input.comments', message: `would give the ticket more than ${MAX_COMMENTS_PER_TICKET} comments` });
  }
  if (input.solvedAt && !isSolved(status)) {
    issues.push({ field: 'input.solvedAt', message: 'is only for a SOLVED or CLOSED ticket' });
  }
  const latestAllowed = now.getTime() + ALLOWED_CLOCK_SKEW_MS;
  const moments: Array<[field: string, moment: Date | null]> = [
    ['createdAt', createdAt],
    ['updatedAt', updatedAt],
    ['firstResponseAt', firstResponseAt],
    ['solvedAt', solvedAt],
  ];
  for (const [field, moment] of moments) {
    if (!moment) continue;
    // Stored and derived times follow from given ones: only a given time can be the wrong one.
    const isGiven = input[field as keyof UpsertTicketInput] !== undefined;
    if (moment.getTime() > latestAllowed) {
      if (isGiven) issues.push({ field: `input.${field}`, message: 'must not be in the future' });
    } else if (field !== 'createdAt' && moment < createdAt) {
      issues.push(isGiven ? { field: `input.${field}`, message: 'must not be before createdAt' } : { field: 'input.createdAt', message: `must not be after ${field}` });
    }
  }
  input.comments?.forEach((comment, index) => {
    if (comment.createdAt && comment.createdAt.getTime() > latestAllowed) {
      issues.push({ field: `input.comments.${index}.createdAt`, message: 'must not be in the future' });
    }
  });
  if (issues.length) throw errors.badUserInput(issues);
  return { status, createdAt, updatedAt, solvedAt, firstResponseAt, comments };
}

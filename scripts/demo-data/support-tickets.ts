import type { UserDocument } from '../../subgraphs/accounts/model';
import type { TicketComment, TicketDocument, TicketPriority, TicketSatisfaction, TicketStatus } from '../../subgraphs/support/model';
import type { AccountProfile, DemoScale } from './context';
import { DAY_MS, daysBefore, latest } from './dates';
import { languageOf, type Language } from './names';
import type { Random } from './random';
import { SATISFACTION_COMMENTS, SUPPORT_AGENTS, TICKET_TOPICS, type TicketTopic } from './support-ticket-texts';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
/** Tickets are spread over this many days before now. */
const HISTORY_DAYS = 180;
/** Solved tickets close automatically after this many days, as help desks do. */
const CLOSE_AFTER_DAYS = 7;

/** What every account's tickets share: randomness, the clock, the scale and help-desk ids. */
export interface TicketGeneration {
  random: Random;
  now: Date;
  scale: DemoScale;
  /** The next ticket id in the help desk, unique across the dataset. */
  nextZendeskId(): string;
}

/** What the account's story demands of one ticket; at-risk accounts get the bad ones. */
type TicketRole = 'ordinary' | 'urgent-open' | 'recent-bad-rating';

/**
 * When a ticket of each role was opened, in days before now. A recent BAD rating needs a ticket
 * old enough to have been answered, solved and rated.
 */
const TICKET_WINDOWS: Readonly<Record<TicketRole, readonly [fromDaysAgo: number, toDaysAgo: number]>> = {
  ordinary: [HISTORY_DAYS, 0],
  'urgent-open': [10, 0],
  'recent-bad-rating': [60, 10],
};

interface TicketDraft {
  language: Language;
  requester: UserDocument;
  topic: TicketTopic;
  isAtRisk: boolean;
  role: TicketRole;
}

function pickPriority(random: Random, isAtRisk: boolean): TicketPriority {
  const roll = random.next();
  // Cumulative shares: healthy accounts file 2 % urgent, 10 % high, 60 % normal and 28 % low tickets.
  const [urgent, high, normal] = isAtRisk ? [0.12, 0.37, 0.82] : [0.02, 0.12, 0.72];
  return roll < urgent ? 'URGENT' : roll < high ? 'HIGH' : roll < normal ? 'NORMAL' : 'LOW';
}

/** Old tickets are almost all solved; recent ones are spread over the whole life cycle. */
function pickStatus(random: Random, ageDays: number): TicketStatus {
  if (ageDays > 21) return random.chance(0.97) ? 'SOLVED' : random.pick<TicketStatus>(['OPEN', 'ON_HOLD']);
  const roll = random.next();
  if (roll < (ageDays < 1 ? 0.4 : 0.1)) return 'NEW';
  return roll < 0.35 ? 'OPEN' : roll < 0.5 ? 'PENDING' : roll < 0.55 ? 'ON_HOLD' : 'SOLVED';
}

function responseMinutes(random: Random, isAtRisk: boolean): number {
  if (isAtRisk) return random.int(60, 2_880);
  return random.chance(0.8) ? random.int(5, 240) : random.int(240, 1_440);
}

function satisfactionOf(random: Random, language: Language, isBad: boolean): TicketSatisfaction {
  const comments = SATISFACTION_COMMENTS[language][isBad ? 'bad' : 'good'];
  return { rating: isBad ? 'BAD' : 'GOOD', comment: random.chance(0.6) ? random.pick(comments) : null };
}

type CommentDraft = Omit<TicketComment, 'id'>;

function conversation(generation: TicketGeneration, draft: TicketDraft, id: string, times: { createdAt: Date; firstResponseAt: Date | null; solvedAt: Date | null }): TicketComment[] {
  const { random, now, scale } = generation;
  const agent = random.pick(SUPPORT_AGENTS[draft.language]);
  const byAgent = (body: string, createdAt: Date, isPublic = true): CommentDraft => ({ authorName: agent, authorRole: 'AGENT', body, isPublic, createdAt });
  const byRequester = (body: string, createdAt: Date): CommentDraft => ({ authorName: draft.requester.name, authorRole: 'REQUESTER', body, isPublic: true, createdAt });
  const drafts = [byRequester(draft.topic.description, times.createdAt)];
  if (times.firstResponseAt) {
    drafts.push(byAgent(draft.topic.reply, times.firstResponseAt));
    // The benchmark keeps tickets at one to three comments; the demo tells longer stories.
    const maxExtras = scale === 'bench' ? 1 : 2;
    if (random.chance(0.35)) drafts.push(byAgent(draft.topic.note, random.dateBetween(times.createdAt, times.firstResponseAt), false));
    if (drafts.length - 2 < maxExtras && random.chance(0.4)) {
      drafts.push(byRequester(draft.topic.followUp, random.dateBetween(times.firstResponseAt, times.solvedAt ?? now)));
    }
  }
  return drafts
    .sort((left, right) => left.createdAt.getTime() - right.createdAt.getTime())
    .map((comment, index) => ({ id: `tcm_${id.slice(4)}_${index + 1}`, ...comment }));
}

function buildTicket(generation: TicketGeneration, draft: TicketDraft, id: string, zendeskId: string | null): TicketDocument {
  const { random, now } = generation;
  const [fromDaysAgo, toDaysAgo] = TICKET_WINDOWS[draft.role];
  const createdAt = random.dateBetween(latest(daysBefore(now, fromDaysAgo), draft.requester.firstSeenAt), daysBefore(now, toDaysAgo));
  const ageDays = (now.getTime() - createdAt.getTime()) / DAY_MS;
  const priority = draft.role === 'urgent-open' ? 'URGENT' : pickPriority(random, draft.isAtRisk);
  let status: TicketStatus = draft.role === 'urgent-open' ? 'OPEN' : draft.role === 'recent-bad-rating' ? 'SOLVED' : pickStatus(random, ageDays);
  let firstResponseAt: Date | null = status === 'NEW' ? null : new Date(createdAt.getTime() + responseMinutes(random, draft.isAtRisk) * MINUTE_MS);
  if (firstResponseAt && firstResponseAt > now) firstResponseAt = null;
  let solvedAt: Date | null = null;
  if (status === 'SOLVED') {
    solvedAt = firstResponseAt ? new Date(firstResponseAt.getTime() + random.int(1, 120) * HOUR_MS) : null;
    if (!solvedAt || solvedAt > now) [status, solvedAt] = [firstResponseAt ? 'PENDING' : 'OPEN', null];
    else if (solvedAt < daysBefore(now, CLOSE_AFTER_DAYS)) status = 'CLOSED';
  }
  const isRated = solvedAt !== null && (draft.role === 'recent-bad-rating' || random.chance(0.45));
  const isBad = draft.role === 'recent-bad-rating' || random.chance(draft.isAtRisk ? 0.55 : 0.1);
  const comments = conversation(generation, draft, id, { createdAt, firstResponseAt, solvedAt });
  const updatedAt = latest(createdAt, firstResponseAt ?? createdAt, solvedAt ?? createdAt, ...comments.map((comment) => comment.createdAt));
  return {
    _id: id,
    subject: draft.topic.subject,
    description: draft.topic.description,
    status,
    priority,
    requesterId: draft.requester._id,
    accountId: draft.requester.accountId,
    tags: [...draft.topic.tags, ...(priority === 'URGENT' ? ['p1'] : [])],
    satisfaction: isRated ? satisfactionOf(random, draft.language, isBad) : null,
    comments,
    createdAt,
    updatedAt,
    firstResponseAt,
    solvedAt,
    externalIds: zendeskId ? [{ source: 'zendesk', id: zendeskId }] : [],
    ...(zendeskId ? { externalKeys: [`zendesk:${zendeskId}`] } : {}),
    syncedAt: zendeskId ? random.dateBetween(updatedAt, now) : null,
  };
}

/**
 * One account's tickets over the last six months. At-risk accounts ask more, wait longer for
 * answers, rate worse, and always have an urgent ticket open and a recent BAD rating. Accounts
 * that use the help desk get its ticket ids (imported); the others' tickets were made in the hub.
 */
export function generateAccountTickets(generation: TicketGeneration, profile: AccountProfile): TicketDocument[] {
  const { random, scale } = generation;
  if (profile.users.length === 0) return [];
  const language = languageOf(profile.account.locale);
  const isImported = profile.account.externalIds.some((externalId) => externalId.source === 'zendesk');
  const count = scale === 'bench' ? random.int(30, 90) : random.int(profile.isAtRisk ? 15 : 5, 40);
  const urgentOpen = profile.isAtRisk ? random.int(1, 2) : 0;
  // Only users who were around ten days ago can have had a ticket solved and rated since.
  const seasonedUsers = profile.users.filter((user) => user.firstSeenAt <= daysBefore(generation.now, TICKET_WINDOWS['recent-bad-rating'][1]));
  const tickets: TicketDocument[] = [];
  for (let number = 1; number <= count; number += 1) {
    const wantsBadRating = profile.isAtRisk && number === urgentOpen + 1 && seasonedUsers.length > 0;
    const role: TicketRole = number <= urgentOpen ? 'urgent-open' : wantsBadRating ? 'recent-bad-rating' : 'ordinary';
    const requester = random.pick(role === 'recent-bad-rating' ? seasonedUsers : profile.users);
    const draft: TicketDraft = {
      language,
      requester,
      topic: random.pick(TICKET_TOPICS[language]),
      isAtRisk: profile.isAtRisk,
      role,
    };
    const id = `tkt_${profile.account._id.slice(4)}_${String(number).padStart(4, '0')}`;
    tickets.push(buildTicket(generation, draft, id, isImported ? generation.nextZendeskId() : null));
  }
  return tickets;
}

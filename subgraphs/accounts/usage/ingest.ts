import type { Identity } from '../../kit/auth';
import { newId } from '../../kit/records';
import { parseInput } from '../../kit/validation';
import { usageEventsInput, type UsageEventInput } from './inputs';
import { utcDay, type UsageEventDocument } from './model';
import { usagePolicy } from './policy';
import type { DayIncrement, UsageRepository } from './repository';

/** An event that was not stored: its position in the call, the field at fault and why. */
export interface UsageEventRejection {
  index: number;
  field: string;
  message: string;
}

export interface UsageIngestResult {
  accepted: number;
  duplicates: number;
  rejected: UsageEventRejection[];
}

/** New TRACK events grouped into one increment per user and day. */
export function dayIncrements(events: readonly UsageEventDocument[]): DayIncrement[] {
  const byDay = new Map<string, DayIncrement>();
  for (const event of events) {
    if (event.type !== 'TRACK' || !event.event) continue;
    const day = utcDay(event.timestamp);
    const key = `${event.accountId}|${event.userId}|${day}`;
    const increment = byDay.get(key) ?? { accountId: event.accountId, userId: event.userId, day, events: 0, features: [], lastEventAt: event.timestamp };
    increment.events += 1;
    if (!increment.features.includes(event.event)) increment.features.push(event.event);
    if (event.timestamp > increment.lastEventAt) increment.lastEventAt = event.timestamp;
    byDay.set(key, increment);
  }
  return [...byDay.values()];
}

function latestEventPerUser(events: readonly UsageEventDocument[]): Map<string, Date> {
  const latest = new Map<string, Date>();
  for (const event of events) {
    const known = latest.get(event.userId);
    if (!known || event.timestamp > known) latest.set(event.userId, event.timestamp);
  }
  return latest;
}

/**
 * Records usage events idempotently. The whole call is validated before anything is written;
 * events of unknown users are rejected one by one; an event whose `messageId` is already stored
 * (earlier, or earlier in the same call) is a duplicate. Only events inserted now reach the
 * rollups, so the same event sent twice counts once. Store calls per call are fixed.
 */
export class UsageIngestor {
  constructor(
    private readonly identity: Identity,
    private readonly repository: UsageRepository,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async ingest(rawEvents: unknown): Promise<UsageIngestResult> {
    usagePolicy.assertCanIngest(this.identity);
    const events = parseInput(usageEventsInput, rawEvents, 'events');
    const accountOfUser = new Map(
      (await this.repository.findUsers([...new Set(events.map((event) => event.userId))])).map((user) => [user._id, user.accountId]),
    );
    const rejected: UsageEventRejection[] = [];
    const candidates: Array<{ event: UsageEventInput; accountId: string }> = [];
    const messageIdsInCall = new Set<string>();
    let duplicates = 0;
    events.forEach((event, index) => {
      const accountId = accountOfUser.get(event.userId);
      if (!accountId) rejected.push({ index, field: 'userId', message: `no user ${event.userId}` });
      else if (event.accountId && event.accountId !== accountId) {
        rejected.push({ index, field: 'accountId', message: `user ${event.userId} does not belong to account ${event.accountId}` });
      } else if (messageIdsInCall.has(event.messageId)) duplicates += 1;
      else {
        messageIdsInCall.add(event.messageId);
        candidates.push({ event, accountId });
      }
    });
    const stored = await this.repository.storedMessageIds([...messageIdsInCall]);
    const receivedAt = this.now();
    const fresh = candidates
      .filter(({ event }) => !stored.has(event.messageId))
      .map(({ event, accountId }): UsageEventDocument => ({
        _id: newId('uev'),
        messageId: event.messageId,
        type: event.type,
        accountId,
        userId: event.userId,
        event: event.type === 'TRACK' ? (event.event ?? null) : null,
        timestamp: event.timestamp,
        properties: event.properties ?? {},
        traits: event.type === 'IDENTIFY' ? (event.traits ?? {}) : null,
        receivedAt,
      }));
    const inserted = await this.repository.insertNewEvents(fresh);
    duplicates += candidates.length - inserted.length;
    await this.repository.addToDays(dayIncrements(inserted));
    await this.repository.markUsersSeen(latestEventPerUser(inserted));
    return { accepted: inserted.length, duplicates, rejected };
  }
}

import DataLoader from 'dataloader';
import type { Filter } from 'mongodb';
import { readContentChanges, type ContentFeedArgs } from '../kit/content-feed';
import { createByIdLoader, createChildConnectionLoader } from '../kit/loaders';
import { paginate, type KeysetSort, type PageArgs } from '../kit/pagination';
import { eventChange } from './content-changes';
import type { UpdateEventInput } from './event-inputs';
import type { EventDocument, RegistrationDocument } from './model';
import type { CommunityRepository } from './repository';

const SOONEST_FIRST: KeysetSort = [
  ['startsAt', 1],
  ['_id', 1],
];
const LATEST_FIRST: KeysetSort = [
  ['startsAt', -1],
  ['_id', -1],
];
export const REGISTRATION_ORDER: KeysetSort = [
  ['registeredAt', 1],
  ['_id', 1],
];

/** Per-request loaders for events and registrations; part of `CommunityRepository.createLoaders()`. */
export function createEventLoaders(repository: CommunityRepository) {
  const { registrations } = repository;
  return {
    eventById: createByIdLoader(repository.events),
    registrationsOfEvent: createChildConnectionLoader(registrations, 'eventId', REGISTRATION_ORDER),
    /** Attended registrations per event: one `$group` for every event in the tick. */
    attendeeCountByEvent: new DataLoader<string, number>(async (eventIds) => {
      const rows = await registrations
        .aggregate<{ _id: string; count: number }>([
          { $match: { eventId: { $in: [...eventIds] }, status: 'ATTENDED' } },
          { $group: { _id: '$eventId', count: { $sum: 1 } } },
        ])
        .toArray();
      const byEvent = new Map(rows.map((row) => [row._id, row.count]));
      return eventIds.map((eventId) => byEvent.get(eventId) ?? 0);
    }),
    /** One user's registration per event, keyed `[userId, eventId]`; a list of events costs one query. */
    registrationOfUser: new DataLoader<readonly [userId: string, eventId: string], RegistrationDocument | null, string>(
      async (keys) => {
        const userIds = [...new Set(keys.map(([userId]) => userId))];
        const eventIds = [...new Set(keys.map(([, eventId]) => eventId))];
        const found = await registrations.find({ userId: { $in: userIds }, eventId: { $in: eventIds } }).toArray();
        const byKey = new Map(found.map((registration) => [`${registration.userId}:${registration.eventId}`, registration]));
        return keys.map(([userId, eventId]) => byKey.get(`${userId}:${eventId}`) ?? null);
      },
      { cacheKeyFn: ([userId, eventId]) => `${userId}:${eventId}` },
    ),
  };
}

/** Queries and writes on events and registrations. */
export class EventRepository {
  constructor(private readonly repository: CommunityRepository) {}

  /** Upcoming (not ended, not cancelled) events soonest first; past ones, or all, latest first. */
  listEvents(upcoming: boolean | undefined, now: Date, page: PageArgs) {
    const { events } = this.repository;
    if (upcoming === true) {
      const filter = { endsAt: { $gt: now }, cancelledAt: null } as Filter<EventDocument>;
      return paginate(events, { filter, sort: SOONEST_FIRST, page });
    }
    if (upcoming === false) return paginate(events, { filter: { endsAt: { $lte: now } }, sort: LATEST_FIRST, page });
    return paginate(events, { filter: {}, sort: LATEST_FIRST, page });
  }

  findEventById(id: string) {
    return this.repository.events.findOne({ _id: id });
  }

  findRegistration(eventId: string, userId: string) {
    return this.repository.registrations.findOne({ eventId, userId });
  }

  /** Changes to events since a time, oldest first; a cancelled event is reported removed. */
  readEventChanges(args: ContentFeedArgs) {
    const { events, removals } = this.repository;
    return readContentChanges({ items: events, source: events.collectionName, removals, toChange: eventChange }, args);
  }

  insertEvent(event: EventDocument) {
    return this.repository.events.insertOne(event);
  }

  /** Sets the given fields and `updatedAt` unless the event was cancelled meanwhile; null then. */
  updateEvent(eventId: string, changes: UpdateEventInput, at: Date) {
    const fields = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
    const filter = { _id: eventId, cancelledAt: null } as Filter<EventDocument>;
    return this.repository.events.findOneAndUpdate(filter, { $set: { ...fields, updatedAt: at } }, { returnDocument: 'after' });
  }

  /** Cancels the event once; null when it was already cancelled (or is gone). */
  cancelEvent(eventId: string, at: Date) {
    const filter = { _id: eventId, cancelledAt: null } as Filter<EventDocument>;
    return this.repository.events.findOneAndUpdate(filter, { $set: { cancelledAt: at, updatedAt: at } }, { returnDocument: 'after' });
  }

  /**
   * Takes a seat with one conditional update, so concurrent registrations never exceed the
   * capacity nor land on an event being cancelled. Returns the updated event, or null when it is
   * full or cancelled. The count is the event's popularity in search, so `updatedAt` moves.
   */
  takeSeat(event: EventDocument, at: Date) {
    const seat = event.capacity === null ? { capacity: null } : { capacity: event.capacity, registeredCount: { $lt: event.capacity } };
    const filter = { _id: event._id, cancelledAt: null, ...seat } as Filter<EventDocument>;
    return this.repository.events.findOneAndUpdate(filter, { $inc: { registeredCount: 1 }, $set: { updatedAt: at } }, { returnDocument: 'after' });
  }

  /** Gives back a seat taken for a registration that was not stored. */
  releaseSeat(eventId: string, at: Date) {
    return this.repository.events.updateOne(
      { _id: eventId, registeredCount: { $gt: 0 } },
      { $inc: { registeredCount: -1 }, $set: { updatedAt: at } },
    );
  }

  insertRegistration(registration: RegistrationDocument) {
    return this.repository.registrations.insertOne(registration);
  }
}

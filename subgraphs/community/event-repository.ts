import DataLoader from 'dataloader';
import { createByIdLoader, createChildConnectionLoader } from '../kit/loaders';
import { paginate, type KeysetSort, type PageArgs } from '../kit/pagination';
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

  /** Upcoming (not ended) events soonest first; past ones, or all, latest first. */
  listEvents(upcoming: boolean | undefined, now: Date, page: PageArgs) {
    const { events } = this.repository;
    if (upcoming === true) return paginate(events, { filter: { endsAt: { $gt: now } }, sort: SOONEST_FIRST, page });
    if (upcoming === false) return paginate(events, { filter: { endsAt: { $lte: now } }, sort: LATEST_FIRST, page });
    return paginate(events, { filter: {}, sort: LATEST_FIRST, page });
  }

  findEventById(id: string) {
    return this.repository.events.findOne({ _id: id });
  }

  findRegistration(eventId: string, userId: string) {
    return this.repository.registrations.findOne({ eventId, userId });
  }

  /**
   * Takes a seat with one conditional update, so concurrent registrations never exceed the
   * capacity. Returns the updated event, or null when it is full.
   */
  takeSeat(event: EventDocument) {
    const filter =
      event.capacity === null
        ? { _id: event._id, capacity: null }
        : { _id: event._id, capacity: event.capacity, registeredCount: { $lt: event.capacity } };
    return this.repository.events.findOneAndUpdate(filter, { $inc: { registeredCount: 1 } }, { returnDocument: 'after' });
  }

  /** Gives back a seat taken for a registration that was not stored. */
  releaseSeat(eventId: string) {
    return this.repository.events.updateOne({ _id: eventId, registeredCount: { $gt: 0 } }, { $inc: { registeredCount: -1 } });
  }

  insertRegistration(registration: RegistrationDocument) {
    return this.repository.registrations.insertOne(registration);
  }
}

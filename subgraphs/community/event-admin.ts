import type { Identity } from '../kit/auth';
import { errors } from '../kit/errors';
import { newId } from '../kit/records';
import { parseInput } from '../kit/validation';
import { createEventInput, eventPlan, updateEventInput } from './event-inputs';
import type { EventRepository } from './event-repository';
import { idArgument } from './inputs';
import type { EventDocument } from './model';
import { communityPolicy } from './policy';
import { defaultLocale } from './rules';
import type { CommunityLoaders } from './service';

/**
 * Staff running the events programme: creating, changing and cancelling events. A cancelled
 * event keeps its registrations as attendance history; it only stops taking new ones.
 */
export class EventAdmin {
  constructor(
    private readonly identity: Identity,
    private readonly events: EventRepository,
    private readonly loaders: CommunityLoaders,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async createEvent(rawInput: unknown): Promise<EventDocument> {
    communityPolicy.assertCanManageEvents(this.identity);
    const input = parseInput(createEventInput, rawInput, 'input');
    const now = this.now();
    const event: EventDocument = {
      _id: newId('evt'),
      title: input.title,
      description: input.description,
      kind: input.kind,
      locale: input.locale ?? defaultLocale(input.title),
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      place: input.place ?? null,
      onlineUrl: input.onlineUrl ?? null,
      capacity: input.capacity ?? null,
      registeredCount: 0,
      cancelledAt: null,
      createdAt: now,
      updatedAt: now,
    };
    parseInput(eventPlan, event, 'input');
    await this.events.insertEvent(event);
    return this.remember(event);
  }

  /** Changes the given fields; the event with the change applied must still make sense as a whole. */
  async updateEvent(rawId: unknown, rawInput: unknown): Promise<EventDocument> {
    communityPolicy.assertCanManageEvents(this.identity);
    const { id } = parseInput(idArgument, { id: rawId });
    const changes = parseInput(updateEventInput, rawInput, 'input');
    const stored = await this.storedEvent(id);
    if (stored.cancelledAt) throw this.cancelledConflict(id);
    const given = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
    parseInput(eventPlan, { ...stored, ...given }, 'input');
    const updated = await this.events.updateEvent(id, changes, this.now());
    if (!updated) throw (await this.events.findEventById(id)) ? this.cancelledConflict(id) : errors.notFound('Event', id);
    return this.remember(updated);
  }

  /**
   * Cancels an event that has not ended; cancelling it again returns it unchanged. An event that
   * already took place is history and cannot be cancelled.
   */
  async cancelEvent(rawId: unknown): Promise<EventDocument> {
    communityPolicy.assertCanManageEvents(this.identity);
    const { id } = parseInput(idArgument, { id: rawId });
    const stored = await this.storedEvent(id);
    if (stored.cancelledAt) return stored;
    const now = this.now();
    if (stored.endsAt <= now) throw errors.conflict(`Event ${id} has already ended and cannot be cancelled`);
    const cancelled = (await this.events.cancelEvent(id, now)) ?? (await this.storedEvent(id));
    return this.remember(cancelled);
  }

  private async storedEvent(id: string): Promise<EventDocument> {
    const event = await this.events.findEventById(id);
    if (!event) throw errors.notFound('Event', id);
    return event;
  }

  private cancelledConflict(id: string) {
    return errors.conflict(`Event ${id} was cancelled and can no longer be changed`);
  }

  /** Later fields of the same request (registrations, counts) read the event as written. */
  private remember(event: EventDocument): EventDocument {
    this.loaders.eventById.clear(event._id).prime(event._id, event);
    return event;
  }
}

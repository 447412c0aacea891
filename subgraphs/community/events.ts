import { randomUUID } from 'node:crypto';
import type { Identity } from '../kit/auth';
import { errors } from '../kit/errors';
import type { PageArgs } from '../kit/pagination';
import { isDuplicateKeyError } from '../kit/store/types';
import { parseInput } from '../kit/validation';
import type { EventRepository } from './event-repository';
import { eventIdArgument } from './inputs';
import type { EventDocument, RegistrationDocument } from './model';
import { communityPolicy } from './policy';
import type { CommunityRepository } from './repository';
import type { CommunityLoaders } from './service';

/**
 * Community events for one request: everyone who reads the community sees them; a customer sees
 * their own registration (and the link to join once registered); staff see who registered and
 * who attended.
 */
export class EventsService {
  constructor(
    readonly identity: Identity,
    private readonly repository: CommunityRepository,
    private readonly events: EventRepository,
    private readonly loaders: CommunityLoaders,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async event(id: string): Promise<EventDocument | null> {
    communityPolicy.assertCanReadPublicContent(this.identity);
    return this.loaders.eventById.load(id);
  }

  listEvents(upcoming: boolean | null | undefined, page: PageArgs) {
    communityPolicy.assertCanReadPublicContent(this.identity);
    return this.events.listEvents(upcoming ?? undefined, this.now(), page);
  }

  /** The calling customer's own registration; staff and integrations have none. */
  async viewerRegistration(event: EventDocument): Promise<RegistrationDocument | null> {
    const { identity } = this;
    if (identity.role !== 'customer') return null;
    const registration = await this.loaders.registrationOfUser.load([identity.subject, event._id]);
    return registration?.accountId === identity.accountId ? registration : null;
  }

  /** The link to join is for people who registered, so it does not spread beyond them. */
  async onlineUrl(event: EventDocument): Promise<string | null> {
    if (!event.onlineUrl) return null;
    if (communityPolicy.canReadEverything(this.identity)) return event.onlineUrl;
    return (await this.viewerRegistration(event)) ? event.onlineUrl : null;
  }

  attendeeCount(event: EventDocument): Promise<number> {
    communityPolicy.assertCanSeeInternalFields(this.identity);
    return this.loaders.attendeeCountByEvent.load(event._id);
  }

  registrations(event: EventDocument, page: PageArgs) {
    communityPolicy.assertCanSeeInternalFields(this.identity);
    return this.loaders.registrationsOfEvent.load(event._id, page);
  }

  async eventOf(registration: RegistrationDocument): Promise<EventDocument> {
    const event = await this.loaders.eventById.load(registration.eventId);
    if (!event) throw errors.notFound('Event', registration.eventId);
    return event;
  }

  /**
   * Registers the calling customer. Already registered: the same registration, whatever the
   * event's state. Otherwise the event must not be cancelled or started and must have a free seat.
   */
  async register(rawEventId: unknown): Promise<RegistrationDocument> {
    const registrant = communityPolicy.registrantOf(this.identity);
    const { eventId } = parseInput(eventIdArgument, { eventId: rawEventId });
    const event = await this.events.findEventById(eventId);
    if (!event) throw errors.notFound('Event', eventId);
    const existing = await this.events.findRegistration(eventId, registrant.userId);
    if (existing) return existing;
    const cancelled = () => errors.conflict(`Event ${eventId} was cancelled: registration is closed`);
    if (event.cancelledAt) throw cancelled();
    const now = this.now();
    if (event.startsAt <= now) throw errors.conflict(`Event ${eventId} has already started: registration is closed`);
    const member = await this.repository.findMemberByUserId(registrant.userId);
    const updatedEvent = await this.events.takeSeat(event, now);
    if (!updatedEvent) {
      const current = await this.events.findEventById(eventId);
      throw current?.cancelledAt ? cancelled() : errors.conflict(`Event ${eventId} is full`);
    }
    const registration: RegistrationDocument = {
      _id: `reg_${randomUUID().replaceAll('-', '').slice(0, 16)}`,
      eventId,
      userId: registrant.userId,
      accountId: registrant.accountId,
      memberId: member?.accountId === registrant.accountId ? member._id : null,
      status: 'REGISTERED',
      registeredAt: now,
      attendedAt: null,
    };
    try {
      await this.events.insertRegistration(registration);
    } catch (error) {
      // The same person registering twice at once: keep the first registration, return the seat.
      if (!isDuplicateKeyError(error)) throw error;
      await this.events.releaseSeat(eventId, this.now());
      const winner = await this.events.findRegistration(eventId, registrant.userId);
      if (!winner) throw error;
      return winner;
    }
    this.loaders.eventById.clear(eventId).prime(eventId, updatedEvent);
    this.loaders.registrationOfUser.clear([registrant.userId, eventId]).prime([registrant.userId, eventId], registration);
    return registration;
  }
}

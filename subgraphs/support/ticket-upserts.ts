import type { Identity } from '../kit/auth';
import { errors } from '../kit/errors';
import { parseInput } from '../kit/validation';
import { nextFeedTime, writeTimes } from './feed-times';
import { upsertTicketInput, type UpsertTicketInput } from './inputs';
import type { TicketDocument, TicketSatisfaction } from './model';
import { supportPolicy } from './policy';
import { externalKeysOf, mapDuplicate, mergeUpdate, newId, requiredToCreate, resolveExisting, withExternalKeys } from '../kit/records';
import type { SupportRepository } from './repository';
import { settleTicketTimeline } from './ticket-state';

function satisfactionOf(input: UpsertTicketInput['satisfaction']): TicketSatisfaction | null | undefined {
  if (input === undefined || input === null) return input;
  return { rating: input.rating, comment: input.comment ?? null };
}

/**
 * Creates or updates tickets with identity resolution: by id, then by external id, so importing
 * the same help-desk ticket twice updates one record. Input is validated completely, including
 * how its timestamps fit the stored ones, before anything is written.
 */
export class TicketWriter {
  constructor(
    private readonly identity: Identity,
    private readonly repository: SupportRepository,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async upsertTicket(rawInput: unknown): Promise<TicketDocument> {
    supportPolicy.assertCanWrite(this.identity);
    const input = parseInput(upsertTicketInput, rawInput, 'input');
    const keys = externalKeysOf(input.externalIds ?? []);
    const [byId, byExternalId] = await Promise.all([
      input.id ? this.repository.findTicketById(input.id) : null,
      this.repository.findTicketByExternalKeys(keys),
    ]);
    const existing = resolveExisting('ticket', input.id, byId, [byExternalId]);
    const now = this.now();
    // Writes by integrations are imports: they stamp `syncedAt` so freshness is visible.
    const syncedAt = this.identity.role === 'integration' ? now : null;
    const what = `external id ${keys.join(', ')}`;
    if (existing) {
      const timeline = settleTicketTimeline(existing, input, now);
      const fields = {
        ...definedFields(input),
        ...timeline,
        ...writeTimes(timeline.updatedAt, nextFeedTime(existing.updatedAt, now)),
        ...(syncedAt ? { syncedAt } : {}),
      };
      const updated = await mapDuplicate(what, () =>
        this.repository.updateTicket(existing._id, mergeUpdate<TicketDocument>(fields, input.externalIds ?? [])),
      );
      if (!updated) throw errors.notFound('Ticket', existing._id);
      return updated;
    }
    const required = requiredToCreate('a ticket', {
      subject: input.subject,
      description: input.description,
      requesterId: input.requesterId,
      accountId: input.accountId,
    });
    const timeline = settleTicketTimeline(null, input, now);
    const ticket: TicketDocument = {
      _id: input.id ?? newId('tkt'),
      ...required,
      priority: input.priority ?? 'NORMAL',
      tags: input.tags ?? [],
      satisfaction: satisfactionOf(input.satisfaction) ?? null,
      ...timeline,
      ...writeTimes(timeline.updatedAt, now),
      ...withExternalKeys(input.externalIds ?? []),
      syncedAt,
    };
    await mapDuplicate(what, () => this.repository.insertTicket(ticket));
    return ticket;
  }
}

/** The plain fields the input sets on an existing ticket (undefined: keep); timeline fields are settled apart. */
function definedFields(input: UpsertTicketInput): Partial<TicketDocument> {
  const satisfaction = satisfactionOf(input.satisfaction);
  return {
    subject: input.subject,
    description: input.description,
    priority: input.priority,
    requesterId: input.requesterId,
    accountId: input.accountId,
    tags: input.tags,
    satisfaction,
  };
}

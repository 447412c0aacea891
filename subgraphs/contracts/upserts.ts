import type { Identity } from '../kit/auth';
import { errors } from '../kit/errors';
import { parseInput } from '../kit/validation';
import { upsertContractInput, upsertOpportunityInput, type UpsertContractInput, type UpsertOpportunityInput } from './inputs';
import { type ContractDocument, type ContractStatus, type OpportunityDocument } from './model';
import { contractsPolicy } from './policy';
import type { ContractsRepository } from './repository';
import { externalKeysOf, mapDuplicate, mergeUpdate, newId, newRecordFields, requiredToCreate, resolveExisting } from '../kit/records';

/** The term and cancellation fields a contract ends up with once the input is applied. */
function settleTerm(input: UpsertContractInput, existing: ContractDocument | null, now: Date) {
  const status: ContractStatus = input.status ?? existing?.status ?? 'ACTIVE';
  const startDate = input.startDate ?? existing?.startDate;
  const renewalDate = input.renewalDate ?? existing?.renewalDate;
  if (startDate && renewalDate && renewalDate.getTime() <= startDate.getTime()) {
    const field = input.renewalDate ? 'input.renewalDate' : 'input.startDate';
    throw errors.badUserInput([{ field, message: `the term must end after it starts (${startDate.toISOString()} → ${renewalDate.toISOString()})` }]);
  }
  if (input.cancelledAt && status !== 'CANCELLED') {
    throw errors.badUserInput([{ field: 'input.cancelledAt', message: 'is only for CANCELLED contracts' }]);
  }
  // A cancellation stops ARR from the moment it is recorded unless the input says when it happened.
  const cancelledAt = status === 'CANCELLED' ? (input.cancelledAt ?? existing?.cancelledAt ?? now) : null;
  return { status, cancelledAt };
}

/** Whether the source system already reported a newer change than the one being written. */
function isOlderThanStored(sourceUpdatedAt: Date | undefined, stored: ContractDocument): boolean {
  return Boolean(sourceUpdatedAt && stored.sourceUpdatedAt && sourceUpdatedAt.getTime() < stored.sourceUpdatedAt.getTime());
}

/**
 * Creates or updates contracts and opportunities, matched by id, then by external id, so
 * importing the same record twice updates one. Input is validated completely (including against
 * the stored record) before anything is written.
 */
export class ContractsWriter {
  constructor(
    private readonly identity: Identity,
    private readonly repository: ContractsRepository,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Writes by integrations are imports: they stamp `syncedAt` so freshness is visible. */
  private stamps(now: Date): { updatedAt: Date; syncedAt?: Date } {
    return this.identity.role === 'integration' ? { updatedAt: now, syncedAt: now } : { updatedAt: now };
  }

  async upsertContract(rawInput: unknown): Promise<ContractDocument> {
    contractsPolicy.assertCanWrite(this.identity);
    const input = parseInput(upsertContractInput, rawInput, 'input');
    const keys = externalKeysOf(input.externalIds ?? []);
    const existing = resolveExisting(
      'contract',
      input.id,
      input.id ? await this.repository.findContractById(input.id) : null,
      [await this.repository.findContractByExternalKeys(keys)],
    );
    const now = this.now();
    const { externalIds = [], id, cancelledAt: _cancelledAt, ...fields } = input;
    const what = `external id ${keys.join(', ')}`;
    if (existing) {
      if (isOlderThanStored(input.sourceUpdatedAt, existing)) return existing;
      const term = settleTerm(input, existing, now);
      const update = mergeUpdate<ContractDocument>({ ...fields, ...term, ...this.stamps(now) }, externalIds);
      const updated = await mapDuplicate(what, () => this.repository.updateContract(existing._id, update, input.sourceUpdatedAt));
      if (updated) return updated;
      // A newer source change may have been written since the read above: the stored contract stands.
      const current = await this.repository.findContractById(existing._id);
      if (!current) throw errors.notFound('Contract', existing._id);
      return current;
    }
    const required = requiredToCreate('a contract', {
      accountId: input.accountId,
      startDate: input.startDate,
      renewalDate: input.renewalDate,
      currency: input.currency,
      lineItems: input.lineItems,
    });
    const contract: ContractDocument = {
      _id: id ?? newId('ctr'),
      ...required,
      ...settleTerm(input, null, now),
      autoRenew: input.autoRenew ?? true,
      cancelAtPeriodEnd: input.cancelAtPeriodEnd ?? false,
      sourceUpdatedAt: input.sourceUpdatedAt ?? null,
      ...newRecordFields(this.identity, externalIds, now),
    };
    await mapDuplicate(what, () => this.repository.insertContract(contract));
    return contract;
  }

  async upsertOpportunity(rawInput: unknown): Promise<OpportunityDocument> {
    contractsPolicy.assertCanWrite(this.identity);
    const input: UpsertOpportunityInput = parseInput(upsertOpportunityInput, rawInput, 'input');
    const keys = externalKeysOf(input.externalIds ?? []);
    const existing = resolveExisting(
      'opportunity',
      input.id,
      input.id ? await this.repository.findOpportunityById(input.id) : null,
      [await this.repository.findOpportunityByExternalKeys(keys)],
    );
    const now = this.now();
    const { externalIds = [], id, ...fields } = input;
    const what = `external id ${keys.join(', ')}`;
    if (existing) {
      const update = mergeUpdate<OpportunityDocument>({ ...fields, ...this.stamps(now) }, externalIds);
      const updated = await mapDuplicate(what, () => this.repository.updateOpportunity(existing._id, update));
      if (!updated) throw errors.notFound('Opportunity', existing._id);
      return updated;
    }
    const required = requiredToCreate('an opportunity', {
      accountId: input.accountId,
      name: input.name,
      type: input.type,
      amountMinor: input.amountMinor,
      currency: input.currency,
      closeDate: input.closeDate,
    });
    const stage = input.stage ?? 'PROSPECTING';
    const opportunity: OpportunityDocument = {
      _id: id ?? newId('opp'),
      ...required,
      stage,
      owner: input.owner ?? null,
      ...newRecordFields(this.identity, externalIds, now),
    };
    await mapDuplicate(what, () => this.repository.insertOpportunity(opportunity));
    return opportunity;
  }
}

import type { AccountDocument, ExternalId, UserDocument } from '../../subgraphs/accounts/model';
import type { AccountPlan } from './account-plans';
import { daysBefore, earliest, latest } from './dates';
import { withExternalKeys, type ExternalIdFactory } from './external-ids';
import { accountId } from './ids';
import type { Random } from './random';

/**
 * The account document for a plan whose users already exist: the record is created when the
 * sales cycle starts, or earlier if one of its people showed up first.
 */
export function buildAccount(
  random: Random,
  externalIdFactory: ExternalIdFactory,
  plan: AccountPlan,
  users: readonly UserDocument[],
  now: Date,
): AccountDocument {
  const salesCycleStart = daysBefore(plan.customerSince ?? now, random.int(14, 120));
  const createdAt = earliest(salesCycleStart, ...users.map((user) => user.createdAt));
  const externalIds = accountExternalIds(externalIdFactory, plan);
  const syncedAt = externalIds.length > 0 ? random.dateBetween(latest(createdAt, daysBefore(now, 7)), now) : null;
  const lastEdit = random.dateBetween(latest(createdAt, plan.customerSince ?? createdAt), now);
  return {
    _id: accountId(plan.number),
    name: plan.company.name,
    domains: [...plan.company.domains],
    segment: plan.segment,
    industry: plan.company.industry,
    locale: plan.company.locale,
    customerSince: plan.customerSince,
    owner: { ...plan.owner },
    ...withExternalKeys(externalIds),
    syncedAt,
    createdAt,
    updatedAt: latest(lastEdit, syncedAt ?? lastEdit),
  };
}

function accountExternalIds(factory: ExternalIdFactory, plan: AccountPlan): ExternalId[] {
  return [
    ...(plan.isInSalesforce ? [factory.salesforceAccount()] : []),
    ...(plan.isInZendesk ? [factory.zendeskOrganization()] : []),
  ];
}

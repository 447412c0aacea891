import type { GraphClient } from '../../../../kit/graph-client';
import { stripeEvent, stripeSubscription, SUBSCRIPTION_EVENT_TYPES, type StripeSubscription } from './payloads';
import { contractFromSubscription } from './subscription-contract';
import { UnmappableSubscription } from './subscription-items';

const ACCOUNT_BY_CUSTOMER = `query StripeCustomerAccount($customer: String!) {
  accountByExternalId(source: "stripe", id: $customer) { id }
}`;
const ACCOUNT_BY_ID = `query StripeMetadataAccount($id: ID!) { account(id: $id) { id } }`;
const UPSERT_CONTRACT = `mutation StripeSubscriptionContract($input: UpsertContractInput!) {
  upsertContract(input: $input) { id status renewalDate sourceUpdatedAt arr { amountMinor currency } }
}`;

interface UpsertedContract {
  id: string;
  status: string;
  renewalDate: string;
  sourceUpdatedAt: string | null;
  arr: { amountMinor: number; currency: string };
}

/**
 * The hub account a subscription is for: the one named by the subscription's
 * `metadata.hub_account_id`, else the one linked to its Stripe customer. Throws when there is
 * none, so the event waits and can be replayed once the customer is linked to an account.
 */
async function accountOf(subscription: StripeSubscription, graph: GraphClient): Promise<string> {
  const named = subscription.metadata?.['hub_account_id'];
  if (named) {
    const { account } = await graph.request<{ account: { id: string } | null }>(ACCOUNT_BY_ID, { id: named });
    if (!account) throw new UnmappableSubscription(`metadata.hub_account_id of ${subscription.id} names account ${named}, which does not exist`);
    return account.id;
  }
  const { accountByExternalId } = await graph.request<{ accountByExternalId: { id: string } | null }>(ACCOUNT_BY_CUSTOMER, {
    customer: subscription.customer,
  });
  if (!accountByExternalId) {
    throw new UnmappableSubscription(
      `no account is linked to Stripe customer ${subscription.customer}: add the external id {source: "stripe", id: "${subscription.customer}"} to its account, then replay this event`,
    );
  }
  return accountByExternalId.id;
}

/**
 * Applies one stored Stripe event: a subscription event becomes an upsert of the contract matched
 * by the subscription's id, carrying the event's time so an older event never overwrites a newer
 * state. Other event types are kept but change nothing.
 */
export async function applyStripeEvent(payload: unknown, graph: GraphClient): Promise<string> {
  const event = stripeEvent.parse(payload);
  if (!(SUBSCRIPTION_EVENT_TYPES as readonly string[]).includes(event.type)) {
    return `ignored: ${event.type} is not a subscription event`;
  }
  const parsed = stripeSubscription.safeParse(event.data.object);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    throw new UnmappableSubscription(`data.object.${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'not a subscription'}`);
  }
  const subscription = parsed.data;
  const fields = contractFromSubscription(subscription, event);
  const accountId = await accountOf(subscription, graph);
  const { upsertContract: contract } = await graph.request<{ upsertContract: UpsertedContract }>(UPSERT_CONTRACT, {
    input: { ...fields, accountId },
  });
  if (contract.sourceUpdatedAt && Date.parse(contract.sourceUpdatedAt) > fields.sourceUpdatedAt.getTime()) {
    return `ignored: contract ${contract.id} already reflects a newer Stripe event (of ${contract.sourceUpdatedAt}) than this one`;
  }
  const skipped = subscription.items.has_more ? ' (the event listed only some of the items)' : '';
  return `contract ${contract.id} for ${subscription.id}: ${contract.status}, ARR ${contract.arr.amountMinor} ${contract.arr.currency}, renews ${contract.renewalDate}${skipped}`;
}

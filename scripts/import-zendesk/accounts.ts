import type { GraphClient } from '../../subgraphs/kit/graph-client';
import { bcp47Of } from '../../subgraphs/integrations/inbound/sources/zendesk/article-mapping';
import type { ZendeskOrganization, ZendeskUser } from '../../subgraphs/integrations/inbound/sources/zendesk/payloads';
import { ZENDESK } from '../../subgraphs/integrations/inbound/sources/zendesk/ticket-mapping';

/** Organizations become accounts and end users become users, matched by identity resolution. */

const LINKED_ACCOUNT = `query ZendeskLinkedAccount($id: String!) { accountByExternalId(source: "${ZENDESK}", id: $id) { id domains } }`;
const UPSERT_ACCOUNT = `mutation ImportZendeskOrganization($input: UpsertAccountInput!) { upsertAccount(input: $input) { id } }`;
const UPSERT_USER = `mutation ImportZendeskUser($input: UpsertUserInput!) { upsertUser(input: $input) { id } }`;

/** What accounts accept as a domain; Zendesk also allows entries accounts would refuse. */
const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const MAX_DOMAINS = 20;
const SEGMENTS = ['ENTERPRISE', 'MID_MARKET', 'SMB'] as const;
/** Zendesk roles of the help desk's own people: they are staff, not customers' users. */
const STAFF_ROLES = new Set(['agent', 'admin']);

function domainsOf(names: readonly string[]): string[] {
  return [...new Set(names.map((name) => name.trim().toLowerCase()).filter((name) => DOMAIN.test(name)))].slice(0, MAX_DOMAINS);
}

/**
 * The segment of a new account: an organization tagged `enterprise`, `mid_market` or `smb` says
 * which; otherwise SMB, the segment of most help-desk organizations nobody has sized yet.
 */
export function segmentOf(organization: ZendeskOrganization): (typeof SEGMENTS)[number] {
  const tags = new Set((organization.tags ?? []).map((tag) => tag.toUpperCase().replace(/-/g, '_')));
  return SEGMENTS.find((segment) => tags.has(segment)) ?? 'SMB';
}

/** Whether the graph refused an account only because creating one needs a segment. */
function needsSegment(error: unknown): boolean {
  return error instanceof Error && error.message.includes('input.segment');
}

/**
 * Upserts the account of an organization and resolves to its id. An account already linked keeps
 * its domains and gains Zendesk's; one found by domain is linked; only a new one gets a segment,
 * so a segment a CSM chose is never overwritten.
 */
export async function importOrganization(graph: GraphClient, organization: ZendeskOrganization): Promise<string> {
  const domains = domainsOf(organization.domain_names ?? []);
  const { accountByExternalId: linked } = await graph.request<{ accountByExternalId: { id: string; domains: string[] } | null }>(LINKED_ACCOUNT, {
    id: organization.id,
  });
  const fields = { name: organization.name.trim().slice(0, 200), externalIds: [{ source: ZENDESK, id: organization.id }] };
  if (linked) {
    const input = { id: linked.id, ...fields, domains: [...new Set([...linked.domains, ...domains])].slice(0, MAX_DOMAINS) };
    return (await graph.request<{ upsertAccount: { id: string } }>(UPSERT_ACCOUNT, { input })).upsertAccount.id;
  }
  const input = { ...fields, ...(domains.length ? { domains } : {}) };
  try {
    return (await graph.request<{ upsertAccount: { id: string } }>(UPSERT_ACCOUNT, { input })).upsertAccount.id;
  } catch (error) {
    if (!needsSegment(error)) throw error;
    const created = await graph.request<{ upsertAccount: { id: string } }>(UPSERT_ACCOUNT, { input: { ...input, segment: segmentOf(organization) } });
    return created.upsertAccount.id;
  }
}

/** The account an organization is linked to, when an earlier import linked it. */
export async function linkedAccountId(graph: GraphClient, organizationId: string): Promise<string | undefined> {
  const { accountByExternalId } = await graph.request<{ accountByExternalId: { id: string } | null }>(LINKED_ACCOUNT, { id: organizationId });
  return accountByExternalId?.id;
}

/** Why a user is not imported, or null when it is one of a customer's people with an e-mail. */
export function reasonToSkipUser(user: ZendeskUser): string | null {
  if (user.role && STAFF_ROLES.has(user.role)) return `Zendesk user ${user.id} is ${user.role === 'admin' ? 'an admin' : 'an agent'}, not a customer's user`;
  if (!user.email?.trim()) return `Zendesk user ${user.id} has no e-mail address`;
  return null;
}

/**
 * Upserts a user (matched by Zendesk id, then e-mail) in the account of their organization, or
 * the account their e-mail's domain names; resolves to the user's id.
 */
export async function importUser(graph: GraphClient, user: ZendeskUser, accountId: string | undefined): Promise<string> {
  const email = user.email?.trim() ?? '';
  const locale = user.locale ? bcp47Of(user.locale) : null;
  const input = {
    externalIds: [{ source: ZENDESK, id: user.id }],
    email,
    name: (user.name?.trim() || email.split('@')[0] || email).slice(0, 200),
    ...(accountId ? { accountId } : {}),
    ...(locale ? { locale } : {}),
  };
  return (await graph.request<{ upsertUser: { id: string } }>(UPSERT_USER, { input })).upsertUser.id;
}

import type { GraphClient } from '../../../../kit/graph-client';
import { displayNameOf, externalIdOfUser } from './post-content';
import { parsePayload, UnmappableDiscourseEvent, userPayload, type DiscourseUser } from './payloads';

const KNOWN_USER = `query DiscourseKnownUser($user: String!) { userByExternalId(source: "discourse", id: $user) { id firstSeenAt } }`;
const KNOWN_EMAIL = `query DiscourseKnownEmail($email: String!) { userByEmail(email: $email) { id firstSeenAt } }`;
const UPSERT_USER = `mutation DiscourseUser($input: UpsertUserInput!) { upsertUser(input: $input) { id account { id } } }`;
const UPSERT_MEMBER = `mutation DiscourseMember($input: UpsertCommunityMemberInput!) { upsertCommunityMember(input: $input) { id } }`;

interface KnownUser {
  id: string;
  firstSeenAt: string;
}

/** The hub's user for this person, found by their Discourse id, else by e-mail. */
async function knownUser(user: DiscourseUser, graph: GraphClient): Promise<KnownUser | null> {
  const byId = await graph.request<{ userByExternalId: KnownUser | null }>(KNOWN_USER, { user: String(user.id) });
  if (byId.userByExternalId || !user.email) return byId.userByExternalId;
  return (await graph.request<{ userByEmail: KnownUser | null }>(KNOWN_EMAIL, { email: user.email })).userByEmail;
}

/**
 * A Discourse user who signed up (or changed): the hub's user, matched by Discourse id or e-mail
 * and placed in the account of their e-mail's domain, and their community profile, which joined
 * when they joined the forum. The user's first sighting moves earlier only, never later.
 */
export async function upsertMember(payload: unknown, graph: GraphClient): Promise<string> {
  const { user } = parsePayload(userPayload, payload);
  if (user.id <= 0) return `ignored: Discourse user ${user.id} is Discourse itself`;
  const known = await knownUser(user, graph);
  if (!known && !user.email) {
    throw new UnmappableDiscourseEvent(`Discourse user ${user.id} (${user.username}) comes without an e-mail address, which a new user needs`);
  }
  const name = displayNameOf(user);
  const joinedAt = user.created_at ?? undefined;
  const isEarlier = joinedAt && (!known || joinedAt.getTime() < Date.parse(known.firstSeenAt));
  const input = {
    ...(known ? { id: known.id } : {}),
    ...(user.email ? { email: user.email } : {}),
    name,
    ...(isEarlier ? { firstSeenAt: joinedAt } : {}),
    externalIds: [externalIdOfUser(user.id)],
  };
  const { upsertUser: hubUser } = await graph.request<{ upsertUser: { id: string; account: { id: string } } }>(UPSERT_USER, { input });
  const member = { userId: hubUser.id, accountId: hubUser.account.id, displayName: name, joinedAt, externalIds: [externalIdOfUser(user.id)] };
  const { upsertCommunityMember } = await graph.request<{ upsertCommunityMember: { id: string } }>(UPSERT_MEMBER, { input: member });
  return `user ${hubUser.id} of account ${hubUser.account.id} and community member ${upsertCommunityMember.id} from Discourse user ${user.id}`;
}

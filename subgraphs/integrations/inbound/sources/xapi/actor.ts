import type { GraphClient } from '../../../../kit/graph-client';
import type { XapiActor } from './statement-schema';

/** The hub user an actor is, with their account: what learning records are kept under. */
export interface HubLearner {
  userId: string;
  accountId: string;
}

/** The source under which users carry their LMS accounts as external ids. */
export const XAPI_SOURCE = 'xapi';

/**
 * The external id of an xAPI account: `{source: "xapi", id: "<homePage>|<name>"}`. The home page
 * names the system and the name is only unique within it, so both are kept; `|` cannot appear
 * unescaped in the home page, an IRL.
 */
export function accountExternalId(account: { homePage: string; name: string }): { source: string; id: string } {
  return { source: XAPI_SOURCE, id: `${account.homePage}|${account.name}` };
}

const USER_BY_EMAIL = `query XapiActorByEmail($email: String!) { userByEmail(email: $email) { id account { id } } }`;
const USER_BY_EXTERNAL_ID = `query XapiActorByAccount($source: String!, $id: String!) {
  userByExternalId(source: $source, id: $id) { id account { id } }
}`;

interface FoundUser {
  id: string;
  account: { id: string };
}

/** How the actor is described in messages: its identifier, never more of the statement. */
export function describeActor(actor: XapiActor): string {
  if (actor.mbox) return actor.mbox;
  if (actor.account) return `account ${actor.account.name} at ${actor.account.homePage}`;
  if (actor.openid) return `openid ${actor.openid}`;
  if (actor.mbox_sha1sum) return `mbox_sha1sum ${actor.mbox_sha1sum}`;
  return actor.objectType === 'Group' ? 'an anonymous group' : 'an unidentified agent';
}

/**
 * Finds the hub user an actor (an Agent, or an identified Group) is, through the accounts
 * subgraph: `mbox` by e-mail, `account` by external id. Null when no user matches, or when the
 * actor is identified in a way the hub cannot match (openid, mbox_sha1sum, anonymous groups).
 */
export async function findLearner(actor: XapiActor, graph: GraphClient): Promise<HubLearner | null> {
  let user: FoundUser | null = null;
  if (actor.mbox) {
    const email = actor.mbox.slice('mailto:'.length);
    user = (await graph.request<{ userByEmail: FoundUser | null }>(USER_BY_EMAIL, { email })).userByEmail;
  } else if (actor.account) {
    user = (await graph.request<{ userByExternalId: FoundUser | null }>(USER_BY_EXTERNAL_ID, accountExternalId(actor.account))).userByExternalId;
  }
  return user ? { userId: user.id, accountId: user.account.id } : null;
}

import type { EventDocument, MemberDocument, PostDocument, RegistrationDocument, ReplyDocument } from '../../subgraphs/community/model';
import type { DemoScale, DomainContext } from './context';
import { generateEvents, type EventVolume } from './community-events';
import { chooseMembers } from './community-members';
import { generatePosts, generateReplies, type PostVolume } from './community-posts';
import { rewardMembers } from './community-rewards';
import { pickDemoCustomer } from './generate';
import { createRandom } from './random';

/** The community subgraph's demo documents. */
export interface CommunityDemoData {
  members: MemberDocument[];
  posts: PostDocument[];
  replies: ReplyDocument[];
  events: EventDocument[];
  registrations: RegistrationDocument[];
}

/** Keeps the community's randomness apart from every other domain's. */
const SEED_OFFSET = 101;

/**
 * Demo: a few hundred posts and replies and ten events. Bench: about 60,000 posts and 60,000
 * replies by 20,000 members, and a hundred and twenty events.
 */
const VOLUMES: Readonly<Record<DemoScale, PostVolume & EventVolume>> = {
  demo: { postsPerMember: 0.8, repliesPerPost: 1.5, pastEvents: 6, upcomingEvents: 4, pastWindowDays: 180, maxOpenRegistrations: 120 },
  bench: { postsPerMember: 3, repliesPerPost: 1.05, pastEvents: 90, upcomingEvents: 30, pastWindowDays: 720, maxOpenRegistrations: 500 },
};

/** The user the demo logs in as, when the dataset has one: they get a lively community profile. */
function featuredUserId(context: DomainContext): string | null {
  try {
    return pickDemoCustomer(context).userId;
  } catch {
    return null;
  }
}

/**
 * Deterministic community data for the accounts and users in `context`: about 40% of users are
 * members, posts and replies in each account's language, accepted answers, events with
 * registrations and attendance. At-risk accounts have few members active in the last 30 days.
 * Linear in the number of users.
 */
export function generateCommunityDemoData(context: DomainContext): CommunityDemoData {
  const random = createRandom(context.seed + SEED_OFFSET);
  const volume = VOLUMES[context.scale];
  const authors = chooseMembers(random, context.profiles, context.now, featuredUserId(context));
  const posts = generatePosts(random, authors, volume, context.now);
  const replies = generateReplies(random, authors, posts, volume, context.now);
  const { events, registrations } = generateEvents(random, authors, volume, context.now);
  const members = authors.map((author) => author.member);
  rewardMembers(members, context.accounts, posts, replies, registrations);
  return { members, posts, replies, events, registrations };
}

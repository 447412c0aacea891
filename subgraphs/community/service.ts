import type { Identity } from '../kit/auth';
import { errors } from '../kit/errors';
import type { PageArgs } from '../kit/pagination';
import type { AccountCommunitySummary } from './account-summaries';
import type { MemberDocument, PostDocument, ReplyDocument } from './model';
import { communityPolicy } from './policy';
import type { CommunityRepository, PostListFilter } from './repository';

export type CommunityLoaders = ReturnType<CommunityRepository['createLoaders']>;

/** A reference to an entity another subgraph owns; the gateway fetches its fields there. */
export interface EntityReference {
  id: string;
}

/**
 * The community subgraph's read rules for posts, replies, members and the fields it adds to
 * users and accounts, for one request. Every read is authorized here and goes through this
 * request's loaders, so lists of references cost one query, not one per item.
 */
export class CommunityService {
  constructor(
    readonly identity: Identity,
    private readonly repository: CommunityRepository,
    private readonly loaders: CommunityLoaders,
  ) {}

  /** A post the caller may read, or FORBIDDEN; null when it does not exist. */
  async post(id: string): Promise<PostDocument | null> {
    communityPolicy.assertCanReadPublicContent(this.identity);
    const post = await this.loaders.postById.load(id);
    if (post) communityPolicy.assertCanReadPost(this.identity, post);
    return post;
  }

  listPosts(filter: PostListFilter, page: PageArgs) {
    return this.repository.listPosts(communityPolicy.postAudience(this.identity), filter, page);
  }

  /** A member profile the caller may read, or FORBIDDEN; null when it does not exist. */
  async member(id: string): Promise<MemberDocument | null> {
    communityPolicy.assertCanReadPublicContent(this.identity);
    const member = await this.loaders.memberById.load(id);
    if (member) communityPolicy.assertCanReadMember(this.identity, member);
    return member;
  }

  /** Accepted answers of a member whose profile the caller already reads: part of the profile. */
  acceptedAnswersOf(member: MemberDocument): Promise<number> {
    return this.loaders.acceptedAnswersOfMember.load(member._id);
  }

  /**
   * The author of a post or reply the caller already reads: whoever may read a post may read its
   * author's profile (that is what makes authors of public posts public), so no further check.
   */
  async authorOf(record: PostDocument | ReplyDocument): Promise<MemberDocument> {
    const member = await this.loaders.memberById.load(record.authorId);
    if (!member) throw errors.notFound('CommunityMember', record.authorId);
    return member;
  }

  /** Replies of a post the caller already reads: they share its visibility. */
  repliesOf(post: PostDocument, page: PageArgs) {
    return this.loaders.repliesOfPost.load(post._id, page);
  }

  async acceptedAnswerOf(post: PostDocument): Promise<ReplyDocument | null> {
    return post.acceptedReplyId ? this.loaders.replyById.load(post.acceptedReplyId) : null;
  }

  async postOf(reply: ReplyDocument): Promise<PostDocument> {
    const post = await this.post(reply.postId);
    if (!post) throw errors.notFound('Post', reply.postId);
    return post;
  }

  /** The account behind a record, as a reference, only when the caller may read that account. */
  accountReference(accountId: string): EntityReference | null {
    return communityPolicy.canReadAccount(this.identity, accountId) ? { id: accountId } : null;
  }

  /** A user, as a reference, only when the caller may read the account stored with them here. */
  userReference(userId: string, accountId: string): EntityReference | null {
    return communityPolicy.canReadAccount(this.identity, accountId) ? { id: userId } : null;
  }

  /**
   * `_entities` for Account: authorized exactly like reading that account's data. Async so a
   * refusal rejects this one entity instead of throwing out of the whole `_entities` list.
   */
  async account(id: string): Promise<EntityReference> {
    communityPolicy.assertCanReadAccount(this.identity, id);
    return { id };
  }

  accountCommunity(accountId: string): Promise<AccountCommunitySummary> {
    communityPolicy.assertCanReadAccount(this.identity, accountId);
    return this.loaders.accountSummary.load(accountId);
  }

  /**
   * `User.community`. The representation does not say whose user this is, so the account stored
   * on the member profile decides; a user with no profile here has no community data to leak.
   */
  async userCommunity(userId: string): Promise<MemberDocument | null> {
    communityPolicy.assertCanReadPublicContent(this.identity);
    const [member] = await this.loaders.membersByUserId.load(userId);
    if (!member) return null;
    communityPolicy.assertCanReadAccount(this.identity, member.accountId);
    return member;
  }

  assertCanSeeInternalFields(): void {
    communityPolicy.assertCanSeeInternalFields(this.identity);
  }

  /** Primes the loaders after a write so later fields in the same request see the new state. */
  remember(documents: { post?: PostDocument; reply?: ReplyDocument }): void {
    const { post, reply } = documents;
    if (post) this.loaders.postById.clear(post._id).prime(post._id, post);
    if (reply) this.loaders.replyById.clear(reply._id).prime(reply._id, reply);
  }
}

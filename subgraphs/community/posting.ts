import type { Identity } from '../kit/auth';
import { errors } from '../kit/errors';
import { isDuplicateKeyError } from '../kit/store/types';
import { parseInput } from '../kit/validation';
import { acceptAnswerArguments, createPostInput, replyInput } from './inputs';
import type { MemberDocument, PostDocument, ReplyDocument } from './model';
import { communityPolicy, type Authorship } from './policy';
import { externalKeysOf, mapDuplicate, newId, withExternalKeys } from '../kit/records';
import type { CommunityRepository } from './repository';
import { badgesForPost, defaultLocale, POINTS } from './rules';

/** A member profile to write: either the stored one or a new one not stored yet. */
interface AuthorProfile {
  member: MemberDocument;
  isNew: boolean;
}

/**
 * Posts, replies and accepted answers, with the points and badges they earn. Each write
 * validates its input and every rule it can check before the first store write, so a refused
 * write leaves nothing behind.
 */
export class CommunityWriter {
  constructor(
    private readonly identity: Identity,
    private readonly repository: CommunityRepository,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async createPost(rawInput: unknown): Promise<PostDocument> {
    communityPolicy.assertCanWrite(this.identity);
    const input = parseInput(createPostInput, rawInput, 'input');
    const author = communityPolicy.authorshipOf(this.identity, input);
    const externalIds = input.externalIds ?? [];
    if (externalIds.length) communityPolicy.assertCanImport(this.identity);
    const keys = externalKeysOf(externalIds);
    if (await this.repository.findPostByExternalKeys(keys)) {
      throw errors.conflict(`External id ${keys.join(', ')} is already used by another post`);
    }
    const profile = await this.authorProfile(author, input.displayName);
    const now = this.now();
    const isImport = this.identity.role === 'integration';
    const member = await this.storeProfile(profile);
    const post: PostDocument = {
      _id: newId('pst'),
      type: input.type,
      title: input.title,
      body: input.body,
      tags: input.tags ?? [],
      locale: input.locale ?? defaultLocale(input.title),
      authorId: member._id,
      authorUserId: author.userId,
      accountId: author.accountId,
      visibility: input.visibility ?? 'PUBLIC',
      views: 0,
      votes: 0,
      acceptedReplyId: null,
      externalIds,
      ...(keys.length ? { externalKeys: keys } : {}),
      syncedAt: isImport ? now : null,
      createdAt: now,
      updatedAt: now,
    };
    try {
      await this.repository.insertPost(post);
    } catch (error) {
      if (isDuplicateKeyError(error)) throw errors.conflict(`External id ${keys.join(', ')} is already used by another post`);
      throw error;
    }
    await this.repository.rewardMember(member._id, {
      points: POINTS.post,
      badges: badgesForPost(post.type),
      at: now,
      makePublic: post.visibility === 'PUBLIC',
    });
    return post;
  }

  /** A reply to a post the caller can see, written by someone who can see it too. */
  async reply(rawInput: unknown): Promise<ReplyDocument> {
    communityPolicy.assertCanWrite(this.identity);
    const input = parseInput(replyInput, rawInput, 'input');
    const author = communityPolicy.authorshipOf(this.identity, input);
    const post = await this.repository.findPostById(input.postId);
    if (!post) throw errors.notFound('Post', input.postId);
    communityPolicy.assertCanReadPost(this.identity, post);
    if (post.visibility === 'ACCOUNT' && post.accountId !== author.accountId) {
      throw errors.forbidden(`post ${post._id} is visible only to its own account's users`);
    }
    const externalIds = input.externalIds ?? [];
    if (externalIds.length) communityPolicy.assertCanImport(this.identity);
    const keys = externalKeysOf(externalIds);
    const what = `External id ${keys.join(', ')}`;
    if (await this.repository.findReplyByExternalKeys(keys)) throw errors.conflict(`${what} is already used by another reply`);
    const profile = await this.authorProfile(author, input.displayName);
    const now = this.now();
    const member = await this.storeProfile(profile);
    const reply: ReplyDocument = {
      _id: newId('rpl'),
      postId: post._id,
      authorId: member._id,
      authorUserId: author.userId,
      accountId: author.accountId,
      body: input.body,
      votes: 0,
      acceptedAt: null,
      ...(keys.length ? { ...withExternalKeys(externalIds), syncedAt: this.identity.role === 'integration' ? now : null } : {}),
      createdAt: now,
      updatedAt: now,
    };
    await mapDuplicate(what, () => this.repository.insertReply(reply));
    await this.repository.rewardMember(member._id, {
      points: POINTS.reply,
      badges: ['FIRST_REPLY'],
      at: now,
      makePublic: post.visibility === 'PUBLIC',
    });
    return reply;
  }

  /**
   * Accepts a reply as the answer to a question. Accepting the same reply again changes nothing;
   * a question whose answer is already another reply is a CONFLICT. The reply's author earns
   * points unless they answered their own question.
   */
  async acceptAnswer(rawArguments: unknown): Promise<{ post: PostDocument; reply: ReplyDocument }> {
    const { postId, replyId } = parseInput(acceptAnswerArguments, rawArguments);
    const post = await this.repository.findPostById(postId);
    if (!post) throw errors.notFound('Post', postId);
    communityPolicy.assertCanReadPost(this.identity, post);
    communityPolicy.assertCanAcceptAnswer(this.identity, post);
    if (post.type !== 'QUESTION') {
      throw errors.badUserInput([{ field: 'postId', message: `is a ${post.type}: only questions have accepted answers` }]);
    }
    const reply = await this.repository.findReplyById(replyId);
    if (!reply || reply.postId !== post._id) {
      throw errors.badUserInput([{ field: 'replyId', message: `is not a reply to post ${postId}` }]);
    }
    if (post.acceptedReplyId === reply._id) return { post, reply };
    const alreadyAccepted = () => errors.conflict(`Question ${postId} already has an accepted answer`, { acceptedReplyId: post.acceptedReplyId });
    if (post.acceptedReplyId) throw alreadyAccepted();
    const now = this.now();
    const accepted = await this.repository.setAcceptedReply(postId, replyId, now);
    if (!accepted) {
      const current = await this.repository.findPostById(postId);
      if (current?.acceptedReplyId === replyId) return { post: current, reply };
      throw alreadyAccepted();
    }
    const acceptedReply = (await this.repository.markReplyAccepted(replyId, now)) ?? reply;
    if (reply.authorUserId !== post.authorUserId) {
      await this.repository.rewardMember(reply.authorId, { points: POINTS.acceptedAnswer, badges: ['ACCEPTED_ANSWER'], at: now, makePublic: false });
    }
    return { post: accepted, reply: acceptedReply };
  }

  /**
   * The author's stored profile, or a new one when they have none. A new profile needs a
   * display name; a profile stored under another account is refused rather than moved.
   */
  private async authorProfile(author: Authorship, displayName: string | undefined): Promise<AuthorProfile> {
    const existing = await this.repository.findMemberByUserId(author.userId);
    if (existing) {
      if (existing.accountId !== author.accountId) {
        throw errors.conflict(`User ${author.userId}'s community profile belongs to another account`);
      }
      return { member: existing, isNew: false };
    }
    if (!displayName) {
      throw errors.badUserInput([{ field: 'input.displayName', message: 'is required for a first post or reply: it creates the community profile' }]);
    }
    const now = this.now();
    const member: MemberDocument = {
      _id: newId('mem'),
      userId: author.userId,
      accountId: author.accountId,
      displayName,
      joinedAt: now,
      points: 0,
      badges: [],
      hasPublicContent: false,
      externalIds: [],
      syncedAt: null,
      createdAt: now,
      updatedAt: now,
    };
    return { member, isNew: true };
  }

  /** Stores a new profile; when the same user's first two writes race, both use the one stored first. */
  private async storeProfile(profile: AuthorProfile): Promise<MemberDocument> {
    if (!profile.isNew) return profile.member;
    try {
      await this.repository.insertMember(profile.member);
      return profile.member;
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const stored = await this.repository.findMemberByUserId(profile.member.userId);
      if (!stored) throw error;
      return stored;
    }
  }
}

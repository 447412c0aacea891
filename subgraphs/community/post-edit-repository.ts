import type { Filter } from 'mongodb';
import { recordRemoval } from '../kit/content-feed';
import { postContentType } from './content-changes';
import type { UpdatePostInput } from './inputs';
import type { MemberDocument, PostDocument, ReplyDocument } from './model';
import type { CommunityRepository } from './repository';

/** What deleting a post needs to know about its replies: who wrote them and which was accepted. */
export type ReplyCredit = Pick<ReplyDocument, 'authorId' | 'authorUserId' | 'acceptedAt'>;

/** Writes that edit and delete posts, and the member bookkeeping that follows them. */
export class PostEditRepository {
  constructor(private readonly repository: CommunityRepository) {}

  /** Sets the given fields and `updatedAt`; null when the post is gone. */
  updatePost(postId: string, changes: UpdatePostInput, at: Date) {
    const fields = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
    return this.repository.posts.findOneAndUpdate({ _id: postId }, { $set: { ...fields, updatedAt: at } }, { returnDocument: 'after' });
  }

  /** The post's author and everyone who replied to it: their writing on a post made public is public now. */
  async makeContributorsPublic(post: PostDocument, at: Date): Promise<void> {
    const replies = await this.repository.replies.find({ postId: post._id }, { projection: { authorId: 1 } }).toArray();
    const memberIds = [...new Set([post.authorId, ...replies.map((reply) => reply.authorId)])];
    const filter = { _id: { $in: memberIds }, hasPublicContent: false } as Filter<MemberDocument>;
    await this.repository.members.updateMany(filter, { $set: { hasPublicContent: true, updatedAt: at } });
  }

  /** Leaves the tombstone the change feed reports; written before the post is deleted. */
  recordRemoval(post: PostDocument, at: Date): Promise<void> {
    const { posts, removals } = this.repository;
    return recordRemoval(removals, { id: post._id, source: posts.collectionName, type: postContentType(post), publishedAt: post.createdAt }, at);
  }

  /**
   * Deletes the replies, then the post: a failure in between leaves the post in place, so the
   * author can delete it again, rather than replies nobody can reach. `isDeleted` is false when a
   * concurrent deletion got there first.
   */
  async deletePostWithReplies(postId: string): Promise<{ isDeleted: boolean; replies: ReplyCredit[] }> {
    const replies = await this.repository.replies
      .find({ postId }, { projection: { authorId: 1, authorUserId: 1, acceptedAt: 1 } })
      .toArray();
    await this.repository.replies.deleteMany({ postId });
    const { deletedCount } = await this.repository.posts.deleteOne({ _id: postId });
    return { isDeleted: deletedCount === 1, replies };
  }

  /**
   * Takes back points, never below zero: a member imported with fewer points than their content
   * earns here must not end up negative. The clamp runs in the same ordered batch.
   */
  async withdrawPoints(pointsByMember: ReadonlyMap<string, number>, at: Date): Promise<void> {
    if (pointsByMember.size === 0) return;
    const memberIds = [...pointsByMember.keys()];
    await this.repository.members.bulkWrite([
      ...[...pointsByMember].map(([memberId, points]) => ({
        updateOne: { filter: { _id: memberId }, update: { $inc: { points: -points }, $set: { updatedAt: at } } },
      })),
      { updateMany: { filter: { _id: { $in: memberIds }, points: { $lt: 0 } }, update: { $set: { points: 0 } } } },
    ]);
  }
}

import type { CommunityRepository } from './repository';

/** Writes that edit and delete replies. */
export class ReplyEditRepository {
  constructor(private readonly repository: CommunityRepository) {}

  /** Sets the reply's text and `updatedAt`; null when the reply is gone. */
  setReplyBody(replyId: string, body: string, at: Date) {
    return this.repository.replies.findOneAndUpdate({ _id: replyId }, { $set: { body, updatedAt: at } }, { returnDocument: 'after' });
  }

  /** The question has no accepted answer any more, if it was this reply; `updatedAt` moves so search re-ranks it. */
  async clearAcceptedReply(postId: string, replyId: string, at: Date): Promise<void> {
    await this.repository.posts.updateOne({ _id: postId, acceptedReplyId: replyId }, { $set: { acceptedReplyId: null, updatedAt: at } });
  }

  /** Whether this call deleted the reply: false when a concurrent deletion got there first. */
  async deleteReply(replyId: string): Promise<boolean> {
    const { deletedCount } = await this.repository.replies.deleteOne({ _id: replyId });
    return deletedCount === 1;
  }
}

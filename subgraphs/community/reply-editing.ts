import type { Identity } from '../kit/auth';
import { errors } from '../kit/errors';
import { parseInput } from '../kit/validation';
import { idArgument, updateReplyInput } from './inputs';
import type { PostDocument, ReplyDocument } from './model';
import { communityPolicy } from './policy';
import type { PostEditRepository } from './post-edit-repository';
import type { ReplyEditRepository } from './reply-edit-repository';
import type { CommunityRepository } from './repository';
import { pointsEarnedByReply } from './rules';

/**
 * Editing and deleting replies, by their author or staff (and integrations mirroring another
 * platform). Input and rights are checked before the first store write.
 */
export class ReplyEditor {
  constructor(
    private readonly identity: Identity,
    private readonly repository: CommunityRepository,
    private readonly edits: ReplyEditRepository,
    private readonly postEdits: PostEditRepository,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async updateReply(rawId: unknown, rawInput: unknown): Promise<ReplyDocument> {
    communityPolicy.assertCanWrite(this.identity);
    const { id } = parseInput(idArgument, { id: rawId });
    const { body } = parseInput(updateReplyInput, rawInput, 'input');
    await this.changeableReply(id, 'edit');
    const updated = await this.edits.setReplyBody(id, body, this.now());
    if (!updated) throw errors.notFound('Reply', id);
    return updated;
  }

  /**
   * Deletes a reply and takes back the points it earned; an accepted answer stops being the
   * question's answer first, so the question never points at a reply that is gone.
   */
  async deleteReply(rawId: unknown): Promise<string> {
    communityPolicy.assertCanWrite(this.identity);
    const { id } = parseInput(idArgument, { id: rawId });
    const { reply, post } = await this.changeableReply(id, 'delete');
    const now = this.now();
    if (post.acceptedReplyId === reply._id) await this.edits.clearAcceptedReply(post._id, reply._id, now);
    // Only the deletion that removed the reply takes the points back, so a retry cannot take them twice.
    if (await this.edits.deleteReply(id)) {
      await this.postEdits.withdrawPoints(new Map([[reply.authorId, pointsEarnedByReply(post, reply)]]), now);
    }
    return id;
  }

  private async changeableReply(id: string, action: 'edit' | 'delete'): Promise<{ reply: ReplyDocument; post: PostDocument }> {
    const reply = await this.repository.findReplyById(id);
    if (!reply) throw errors.notFound('Reply', id);
    const post = await this.repository.findPostById(reply.postId);
    if (!post) throw errors.notFound('Post', reply.postId);
    communityPolicy.assertCanReadPost(this.identity, post);
    communityPolicy.assertCanChangeReply(this.identity, reply, action);
    return { reply, post };
  }
}

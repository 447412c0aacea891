import type { Identity } from '../kit/auth';
import { errors } from '../kit/errors';
import { parseInput } from '../kit/validation';
import { idArgument, updatePostInput } from './inputs';
import type { PostDocument } from './model';
import { communityPolicy } from './policy';
import type { PostEditRepository } from './post-edit-repository';
import type { CommunityRepository } from './repository';
import { pointsEarnedThrough } from './rules';

/**
 * Editing and deleting posts, by their author or staff. Input and rights are checked before the
 * first store write, so a refused edit leaves everything as it was.
 */
export class PostEditor {
  constructor(
    private readonly identity: Identity,
    private readonly repository: CommunityRepository,
    private readonly edits: PostEditRepository,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Changes a post's text, tags or visibility; `updatedAt` moves, so search picks the change up. */
  async updatePost(rawId: unknown, rawInput: unknown): Promise<PostDocument> {
    communityPolicy.assertCanWrite(this.identity);
    const { id } = parseInput(idArgument, { id: rawId });
    const changes = parseInput(updatePostInput, rawInput, 'input');
    const post = await this.changeablePost(id, 'edit');
    const now = this.now();
    const updated = await this.edits.updatePost(id, changes, now);
    if (!updated) throw errors.notFound('Post', id);
    if (post.visibility !== 'PUBLIC' && updated.visibility === 'PUBLIC') await this.edits.makeContributorsPublic(updated, now);
    return updated;
  }

  /**
   * Deletes a post and its replies, leaving a tombstone for search, and takes back the points
   * they earned (the author's, the repliers', an accepted answer's). Account summaries count
   * stored posts and replies, so they follow by themselves.
   */
  async deletePost(rawId: unknown): Promise<string> {
    communityPolicy.assertCanWrite(this.identity);
    const { id } = parseInput(idArgument, { id: rawId });
    const post = await this.changeablePost(id, 'delete');
    const now = this.now();
    await this.edits.recordRemoval(post, now);
    const { isDeleted, replies } = await this.edits.deletePostWithReplies(id);
    // Only the deletion that removed the post takes the points back, so a retry cannot take them twice.
    if (isDeleted) await this.edits.withdrawPoints(pointsEarnedThrough(post, replies), now);
    return id;
  }

  private async changeablePost(id: string, action: 'edit' | 'delete'): Promise<PostDocument> {
    const post = await this.repository.findPostById(id);
    if (!post) throw errors.notFound('Post', id);
    communityPolicy.assertCanReadPost(this.identity, post);
    communityPolicy.assertCanChangePost(this.identity, post, action);
    return post;
  }
}

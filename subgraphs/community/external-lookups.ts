import type { Identity } from '../kit/auth';
import { externalKeysOf, type ExternalId } from '../kit/records';
import type { PostDocument, ReplyDocument } from './model';
import { communityPolicy } from './policy';
import type { CommunityRepository } from './repository';

/** Posts and replies found by their id in another community platform, so imports update what they wrote before. */
export class ExternalIdLookups {
  constructor(
    private readonly identity: Identity,
    private readonly repository: CommunityRepository,
  ) {}

  post(externalId: ExternalId): Promise<PostDocument | null> {
    communityPolicy.assertCanFindByExternalId(this.identity);
    return this.repository.findPostByExternalKeys(externalKeysOf([externalId]));
  }

  reply(externalId: ExternalId): Promise<ReplyDocument | null> {
    communityPolicy.assertCanFindByExternalId(this.identity);
    return this.repository.findReplyByExternalKeys(externalKeysOf([externalId]));
  }
}

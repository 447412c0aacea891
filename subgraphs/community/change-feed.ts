import type { Identity } from '../kit/auth';
import type { ContentFeedArgs } from '../kit/content-feed';
import type { EventRepository } from './event-repository';
import { communityPolicy } from './policy';
import type { CommunityRepository } from './repository';

/** The change feeds the search index reads: every post and event, private ones included. */
export class ChangeFeedService {
  constructor(
    private readonly identity: Identity,
    private readonly repository: CommunityRepository,
    private readonly events: EventRepository,
  ) {}

  postChanges(args: ContentFeedArgs) {
    communityPolicy.assertCanReadChangeFeed(this.identity);
    return this.repository.readPostChanges(args);
  }

  eventChanges(args: ContentFeedArgs) {
    communityPolicy.assertCanReadChangeFeed(this.identity);
    return this.events.readEventChanges(args);
  }
}

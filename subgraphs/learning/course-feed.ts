import type { Identity } from '../kit/auth';
import type { ContentFeedArgs } from '../kit/content-feed';
import { learningPolicy } from './policy';
import type { LearningRepository } from './repository';

/** The course change feed the search index polls; it lists archived courses too, as removed. */
export class CourseFeed {
  constructor(
    private readonly identity: Identity,
    private readonly repository: LearningRepository,
  ) {}

  changes(args: ContentFeedArgs) {
    learningPolicy.assertCanReadContentFeed(this.identity);
    return this.repository.courseChanges(args);
  }
}

import type { Identity } from '../kit/auth';
import { errors } from '../kit/errors';
import { parseInput } from '../kit/validation';
import { nextFeedTime, writeTimes } from './feed-times';
import { deleteArticleArguments, recordArticleViewArguments, upsertArticleInput, type UpsertArticleInput } from './inputs';
import type { ArticleDocument } from './model';
import { supportPolicy } from './policy';
import { externalKeysOf, mapDuplicate, mergeUpdate, newId, requiredToCreate, resolveExisting, withExternalKeys } from '../kit/records';
import type { SupportRepository } from './repository';

function assertTimesInOrder(createdAt: Date, updatedAt: Date, input: UpsertArticleInput): void {
  if (updatedAt >= createdAt) return;
  const field = input.updatedAt ? 'input.updatedAt' : 'input.createdAt';
  throw errors.badUserInput([{ field, message: input.updatedAt ? 'must not be before createdAt' : 'must not be after updatedAt' }]);
}

/**
 * Whether a view count refreshes the article's popularity in the search index: at powers of two,
 * so the index is never off by more than half and an article is re-indexed log2(views) times
 * rather than on every read.
 */
function isPopularityMilestone(viewCount: number): boolean {
  return viewCount > 0 && 2 ** Math.round(Math.log2(viewCount)) === viewCount;
}

/**
 * Help-center writes: staff and imports create or update articles (by id, then by external id),
 * and a signed-in customer's reading counts toward their account's self-service rate.
 */
export class ArticleWriter {
  constructor(
    private readonly identity: Identity,
    private readonly repository: SupportRepository,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async upsertArticle(rawInput: unknown): Promise<ArticleDocument> {
    supportPolicy.assertCanWrite(this.identity);
    const input = parseInput(upsertArticleInput, rawInput, 'input');
    const keys = externalKeysOf(input.externalIds ?? []);
    const [byId, byExternalId] = await Promise.all([
      input.id ? this.repository.findArticleById(input.id) : null,
      this.repository.findArticleByExternalKeys(keys),
    ]);
    const existing = resolveExisting('article', input.id, byId, [byExternalId]);
    const now = this.now();
    const syncedAt = this.identity.role === 'integration' ? now : null;
    const { id, externalIds = [], ...given } = input;
    const createdAt = given.createdAt ?? existing?.createdAt ?? now;
    const updatedAt = given.updatedAt ?? new Date(Math.max(now.getTime(), createdAt.getTime()));
    assertTimesInOrder(createdAt, updatedAt, input);
    const times = writeTimes(updatedAt, nextFeedTime(existing?.updatedAt, now));
    const what = `external id ${keys.join(', ')}`;
    if (existing) {
      const fields = { ...given, ...times, ...(syncedAt ? { syncedAt } : {}) };
      const updated = await mapDuplicate(what, () =>
        this.repository.updateArticle(existing._id, mergeUpdate<ArticleDocument>(fields, externalIds)),
      );
      if (!updated) throw errors.notFound('Article', existing._id);
      return updated;
    }
    const required = requiredToCreate('an article', { title: given.title, body: given.body, locale: given.locale, section: given.section });
    const article: ArticleDocument = {
      _id: id ?? newId('art'),
      ...required,
      labels: given.labels ?? [],
      url: given.url ?? null,
      visibility: given.visibility ?? 'PUBLIC',
      viewCount: 0,
      createdAt,
      ...times,
      ...withExternalKeys(externalIds),
      syncedAt,
    };
    await mapDuplicate(what, () => this.repository.insertArticle(article));
    return article;
  }

  /**
   * Counts a view by the signed-in customer for their account today. A counter, not a log: each
   * call adds one, atomically. Internal and unknown articles are FORBIDDEN alike.
   */
  async recordArticleView(rawArguments: unknown): Promise<ArticleDocument> {
    const accountId = supportPolicy.viewingAccountId(this.identity);
    const { articleId } = parseInput(recordArticleViewArguments, rawArguments);
    const now = this.now();
    const article = await this.repository.recordArticleView(articleId, accountId, now);
    if (!article) throw errors.forbidden(`article ${articleId}`);
    if (!isPopularityMilestone(article.viewCount)) return article;
    return (await this.repository.moveArticleInFeed(article, nextFeedTime(article.updatedAt, now))) ?? article;
  }

  /** Deletes an article; the search index learns of it through the feed's tombstone. */
  async deleteArticle(rawArguments: unknown): Promise<string> {
    supportPolicy.assertCanWrite(this.identity);
    const { id } = parseInput(deleteArticleArguments, rawArguments);
    const article = await this.repository.findArticleById(id);
    if (!article) throw errors.notFound('Article', id);
    await this.repository.deleteArticle(article, nextFeedTime(article.updatedAt, this.now()));
    return id;
  }
}

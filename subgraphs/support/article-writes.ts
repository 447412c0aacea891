import type { Identity } from '../kit/auth';
import { errors } from '../kit/errors';
import { parseInput } from '../kit/validation';
import { recordArticleViewArguments, upsertArticleInput, type UpsertArticleInput } from './inputs';
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
    const what = `external id ${keys.join(', ')}`;
    if (existing) {
      const fields = { ...given, updatedAt, ...(syncedAt ? { syncedAt } : {}) };
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
      updatedAt,
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
    const article = await this.repository.recordArticleView(articleId, accountId, this.now());
    if (!article) throw errors.forbidden(`article ${articleId}`);
    return article;
  }
}

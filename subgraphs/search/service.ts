import type DataLoader from 'dataloader';
import type { Identity } from '../kit/auth';
import type { ContentType } from '../kit/content-feed';
import { errors } from '../kit/errors';
import { decodeCursor, pageSize, toPage } from '../kit/pagination';
import { parseInput } from '../kit/validation';
import { importExternalDocuments, type ImportSummary } from './external/importer';
import { upsertExternalDocumentsArguments } from './external/inputs';
import type { ExternalDocumentDocument } from './external/model';
import type { ExternalDocumentRepository } from './external/repository';
import { highlightPassage, highlightWhole } from './highlight';
import type { HitPosition, IndexHit, SearchIndex, Suggestion } from './index/search-index';
import { idArgument, searchArguments, searchSuggestionsArguments } from './inputs';
import { searchPolicy } from './policy';

export interface SearchHighlight {
  field: 'TITLE' | 'BODY';
  snippet: string;
}

export interface SearchHitResult {
  score: number;
  id: string;
  type: ContentType;
  highlights: SearchHighlight[];
}

const HIT_SORT = [
  ['score', -1],
  ['id', 1],
] as const;
const DEFAULT_SUGGESTIONS = 8;

function positionFrom(cursor: string): HitPosition {
  const [score, id] = decodeCursor(cursor, 2);
  if (typeof score !== 'number' || typeof id !== 'string') throw errors.badUserInput([{ field: 'after', message: 'is not a cursor from this list' }]);
  return { score, id };
}

/** Search, typeahead and the external documents search owns, for one caller. */
export class SearchService {
  constructor(
    private readonly identity: Identity,
    private readonly index: SearchIndex,
    private readonly repository: ExternalDocumentRepository,
    private readonly loaders: { externalDocumentById: DataLoader<string, ExternalDocumentDocument | null> },
    private readonly now: () => Date,
  ) {}

  search(rawArguments: unknown) {
    const scope = searchPolicy.scopeOf(this.identity);
    const args = parseInput(searchArguments, rawArguments);
    const limit = pageSize(args.first);
    const result = this.index.search(
      { text: args.query, scope, types: args.filter?.types, locales: args.filter?.locales, tags: args.filter?.tags },
      { limit, after: args.after ? positionFrom(args.after) : null },
    );
    // The index already cut the page and knows whether more follow; toPage only adds cursors.
    const page = toPage(result.hits.map((hit) => this.withHighlights(hit)), limit, HIT_SORT);
    return {
      ...page,
      pageInfo: { ...page.pageInfo, hasNextPage: result.hasMore },
      totalCount: result.total,
      countsByType: result.countsByType,
    };
  }

  suggestions(rawArguments: unknown): Suggestion[] {
    const scope = searchPolicy.scopeOf(this.identity);
    const args = parseInput(searchSuggestionsArguments, rawArguments);
    return this.index.suggest(args.prefix, scope, args.first ?? DEFAULT_SUGGESTIONS);
  }

  /** The document, or null when it is gone; FORBIDDEN when the caller may not read it. */
  async externalDocument(id: string): Promise<ExternalDocumentDocument | null> {
    const document = await this.loaders.externalDocumentById.load(id);
    if (document) searchPolicy.assertCanReadExternalDocument(this.identity, document);
    return document;
  }

  assertCanSeeInternalFields(): void {
    searchPolicy.assertCanSeeInternalFields(this.identity);
  }

  async upsertExternalDocuments(rawArguments: unknown): Promise<ImportSummary> {
    searchPolicy.assertCanWrite(this.identity);
    const { documents } = parseInput(upsertExternalDocumentsArguments, rawArguments);
    return importExternalDocuments(this.repository, documents, this.now());
  }

  async deleteExternalDocument(rawArguments: unknown): Promise<string> {
    searchPolicy.assertCanWrite(this.identity);
    const { id } = parseInput(idArgument, rawArguments);
    const document = await this.loaders.externalDocumentById.load(id);
    if (!document) throw errors.notFound('ExternalDocument', id);
    await this.repository.delete(document, this.now());
    return id;
  }

  private withHighlights(hit: IndexHit): SearchHitResult {
    const document = this.index.get(hit.id);
    const matched = new Set(hit.matchedTerms);
    const highlights: SearchHighlight[] = [];
    const title = document ? highlightWhole(document.title, matched) : null;
    if (title) highlights.push({ field: 'TITLE', snippet: title });
    if (document?.body) highlights.push({ field: 'BODY', snippet: highlightPassage(document.body, matched) });
    return { score: hit.score, id: hit.id, type: hit.type, highlights };
  }
}

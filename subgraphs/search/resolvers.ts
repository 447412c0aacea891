import type { ContentType } from '../kit/content-feed';
import { DateTimeScalar } from '../kit/scalars';
import type { RequestBase, ResolverMap } from '../kit/subgraph-service';
import type { ExternalDocumentDocument } from './external/model';
import type { SearchHitResult, SearchService } from './service';

export interface SearchContext extends RequestBase {
  search: SearchService;
}

/** The entity each kind of hit is, as the subgraph that owns it names it. */
const ENTITY_TYPENAMES: Record<ContentType, string> = {
  POST: 'Post',
  CUSTOMER_STORY: 'Post',
  ARTICLE: 'Article',
  COURSE: 'Course',
  EVENT: 'Event',
  TICKET: 'Ticket',
  EXTERNAL_DOCUMENT: 'ExternalDocument',
};

/** Thin: hand over to the service, which validates and authorizes. */
export const searchResolvers: ResolverMap<SearchContext> = {
  DateTime: DateTimeScalar,
  Query: {
    search: (_parent, args: unknown, { search }) => search.search(args),
    searchSuggestions: (_parent, args: unknown, { search }) => search.suggestions(args),
    externalDocument: (_parent, args: { id: string }, { search }) => search.externalDocument(args.id),
  },
  Mutation: {
    upsertExternalDocuments: (_parent, args: unknown, { search }) => search.upsertExternalDocuments(args),
    deleteExternalDocument: (_parent, args: unknown, { search }) => search.deleteExternalDocument(args),
  },
  SearchHit: {
    // Other subgraphs' items are references the gateway resolves with their owners, who check
    // the caller's rights again; external documents are search's own.
    item: (hit: SearchHitResult, _args, { search }) =>
      hit.type === 'EXTERNAL_DOCUMENT' ? search.externalDocument(hit.id) : { __typename: ENTITY_TYPENAMES[hit.type], id: hit.id },
  },
  SearchItem: {
    __resolveType: (item: { __typename?: string }) => item.__typename ?? 'ExternalDocument',
  },
  ExternalDocument: {
    __resolveReference: (reference: { id: string }, { search }: SearchContext) => search.externalDocument(reference.id),
    id: (document: ExternalDocumentDocument) => document._id,
    snippet: (document: ExternalDocumentDocument) => (document.body.length > 200 ? `${document.body.slice(0, 200).trimEnd()}…` : document.body),
    externalIds: (document: ExternalDocumentDocument, _args, { search }) => {
      search.assertCanSeeInternalFields();
      return [{ source: document.source, id: document.externalId }];
    },
    syncedAt: (document: ExternalDocumentDocument, _args, { search }) => {
      search.assertCanSeeInternalFields();
      return document.syncedAt;
    },
  },
};

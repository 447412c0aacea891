import { eventChange, postChange } from '../../subgraphs/community/content-changes';
import type { ContentChange, ContentType } from '../../subgraphs/kit/content-feed';
import { courseChange } from '../../subgraphs/learning/content-changes';
import type { ExternalDocumentDocument } from '../../subgraphs/search/external/model';
import { toContentChange } from '../../subgraphs/search/external/repository';
import type { IndexedDocument } from '../../subgraphs/search/index/search-index';
import { articleChange, ticketChange } from '../../subgraphs/support/content-changes';
import type { DemoDataset } from '../demo-data/dataset';

/** The dataset's searchable items, mapped the way their owners report them on the content feeds. */
export interface SearchCorpus {
  documents: IndexedDocument[];
  countsByType: ReadonlyMap<ContentType, number>;
  /** Items their owner reports as removed (cancelled events, archived courses): never indexed. */
  removedCount: number;
}

/**
 * Maps posts, events, articles, tickets and courses with each owner's own mapping function, and
 * the external documents as the search subgraph's own feed does, so the documents are the ones
 * the sync would index; removed items are dropped, as the sync does.
 */
export function searchCorpusOf(dataset: DemoDataset, externalDocuments: readonly ExternalDocumentDocument[]): SearchCorpus {
  const changes: ContentChange[] = [
    ...dataset.community.posts.map(postChange),
    ...dataset.community.events.map(eventChange),
    ...dataset.support.articles.map(articleChange),
    ...dataset.support.tickets.map(ticketChange),
    ...dataset.learning.courses.map(courseChange),
    ...externalDocuments.map(toContentChange),
  ];
  const documents: IndexedDocument[] = [];
  const countsByType = new Map<ContentType, number>();
  for (const { removed, ...document } of changes) {
    if (removed) continue;
    documents.push(document);
    countsByType.set(document.type, (countsByType.get(document.type) ?? 0) + 1);
  }
  return { documents, countsByType, removedCount: changes.length - documents.length };
}

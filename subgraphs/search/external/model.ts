import type { ContentAudience } from '../../kit/content-feed';

/** An external document as the search subgraph stores it: the only content search owns. */
export interface ExternalDocumentDocument {
  /** Derived from source and external id (see `externalDocumentId`), so an import is an idempotent upsert. */
  _id: string;
  source: string;
  externalId: string;
  title: string;
  url: string;
  /** Plain text: HTML is stripped on import. */
  body: string;
  locale: string;
  tags: string[];
  /** PUBLIC or STAFF: external content belongs to no account. */
  audience: Extract<ContentAudience, 'PUBLIC' | 'STAFF'>;
  popularity: number;
  /** When the source says it last changed it; null when it does not say. */
  sourceUpdatedAt: Date | null;
  createdAt: Date;
  /** When the hub last stored a change: the feed's order, so never the source's (older) time. */
  updatedAt: Date;
  syncedAt: Date;
}

export const EXTERNAL_DOCUMENTS_COLLECTION = 'external_documents';

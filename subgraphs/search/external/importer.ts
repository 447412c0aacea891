import type { AnyBulkWriteOperation } from 'mongodb';
import { externalDocumentId, type ExternalDocumentInput } from './inputs';
import type { ExternalDocumentDocument } from './model';
import type { ExternalDocumentRepository } from './repository';

export interface ImportSummary {
  created: number;
  updated: number;
  unchanged: number;
  /** In input order. */
  documents: ExternalDocumentDocument[];
}

type Content = Pick<ExternalDocumentDocument, 'source' | 'externalId' | 'title' | 'url' | 'body' | 'locale' | 'tags' | 'audience' | 'popularity' | 'sourceUpdatedAt'>;

function contentOf(input: ExternalDocumentInput): Content {
  return {
    source: input.source,
    externalId: input.externalId,
    title: input.title,
    url: input.url,
    body: input.body,
    locale: input.locale,
    tags: input.tags ?? [],
    audience: input.audience ?? 'PUBLIC',
    popularity: input.popularity ?? 0,
    sourceUpdatedAt: input.updatedAt ?? null,
  };
}

function isSameContent(stored: ExternalDocumentDocument, content: Content): boolean {
  return (Object.keys(content) as Array<keyof Content>).every((field) => {
    const [a, b] = [stored[field], content[field]];
    if (a instanceof Date || b instanceof Date) return (a as Date | null)?.getTime() === (b as Date | null)?.getTime();
    return Array.isArray(a) ? JSON.stringify(a) === JSON.stringify(b) : a === b;
  });
}

/**
 * Creates or updates a batch of external documents in one bulk write. A document whose content
 * did not change only gets a new `syncedAt`: re-importing a source moves nothing in the feed, so
 * search does not re-index what it already has.
 */
export async function importExternalDocuments(repository: ExternalDocumentRepository, inputs: readonly ExternalDocumentInput[], now: Date): Promise<ImportSummary> {
  const ids = inputs.map((input) => externalDocumentId(input.source, input.externalId));
  const existing = new Map((await repository.findByIds(ids)).map((document) => [document._id, document]));
  const summary: ImportSummary = { created: 0, updated: 0, unchanged: 0, documents: [] };
  const operations: Array<AnyBulkWriteOperation<ExternalDocumentDocument>> = [];
  inputs.forEach((input, index) => {
    const _id = ids[index]!;
    const content = contentOf(input);
    const stored = existing.get(_id);
    let document: ExternalDocumentDocument;
    if (!stored) {
      document = { _id, ...content, createdAt: now, updatedAt: now, syncedAt: now };
      summary.created += 1;
    } else if (isSameContent(stored, content)) {
      document = { ...stored, syncedAt: now };
      summary.unchanged += 1;
    } else {
      document = { ...stored, ...content, updatedAt: now, syncedAt: now };
      summary.updated += 1;
    }
    // A replacement keyed by the derived id is idempotent: two imports racing end with one document.
    operations.push({ replaceOne: { filter: { _id }, replacement: document, upsert: true } });
    summary.documents.push(document);
  });
  await repository.write(operations);
  return summary;
}

import { Aggregator } from 'mingo';
import type { Document } from 'mongodb';
import { cloneDocument } from './clone';
import type { DocumentTable } from './document-table';
import { matchingDocuments, MINGO_OPTIONS } from './mingo-queries';

/** Copies of another collection of the same database, for `$lookup`'s `from`. */
export type CollectionResolver = (collectionName: string) => Document[];

/**
 * Runs a pipeline with mingo over copies of the collection's documents (mingo stages may
 * modify their input in place). A leading `$match` goes through the query planner first, so
 * only matching documents are copied.
 */
export function runAggregation(table: DocumentTable, pipeline: Document[], resolveCollection: CollectionResolver): Document[] {
  const [firstStage, ...laterStages] = pipeline;
  const isLeadingMatch = firstStage !== undefined && Object.keys(firstStage).length === 1 && '$match' in firstStage;
  const input = isLeadingMatch
    ? matchingDocuments(table, firstStage.$match as Document).map(cloneDocument)
    : Array.from(table.documents(), cloneDocument);
  const stages = isLeadingMatch ? laterStages : pipeline;
  if (stages.length === 0) return input;
  const aggregator = new Aggregator(stages, { ...MINGO_OPTIONS, collectionResolver: resolveCollection });
  return aggregator.run<Document>(input);
}

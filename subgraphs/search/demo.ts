import { z } from 'zod';
import type { SearchDemoData } from '../../scripts/demo-data/search';
import { subgraphDatabase, type SubgraphDeps } from '../kit/subgraph-service';
import { importExternalDocuments } from './external/importer';
import { externalDocumentInput } from './external/inputs';
import { ExternalDocumentRepository } from './external/repository';
import { SEARCH_SUBGRAPH } from './server';

/**
 * Imports the demo's external documents into an empty search database, through the same
 * validation and importer as `upsertExternalDocuments`.
 * @returns whether anything was loaded
 */
export async function loadSearchDemoData(deps: Pick<SubgraphDeps, 'store' | 'config'>, data: SearchDemoData): Promise<boolean> {
  const repository = new ExternalDocumentRepository(subgraphDatabase(deps, SEARCH_SUBGRAPH));
  if (await repository.documents.findOne({})) return false;
  await repository.ensureIndexes();
  const documents = z.array(externalDocumentInput).parse(data.externalDocuments.map((record) => ({ ...record, updatedAt: record.updatedAt ? new Date(record.updatedAt) : undefined })));
  await importExternalDocuments(repository, documents, new Date());
  return true;
}

import { toExternalDocuments, type ExternalDocumentRecord } from '../../subgraphs/search/external/import-formats';
import zendeskGuideArticles from './samples/zendesk-guide-articles.json';

/** External documents for search: a small Zendesk Guide export, English and Japanese. */
export interface SearchDemoData {
  externalDocuments: ExternalDocumentRecord[];
}

export function generateSearchDemoData(): SearchDemoData {
  return { externalDocuments: toExternalDocuments('zendesk-guide', zendeskGuideArticles, { defaultLocale: 'en-US' }) };
}

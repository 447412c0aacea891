import { readFile } from 'node:fs/promises';
import { ZodError, z } from 'zod';
import { MAX_DOCUMENTS_PER_IMPORT } from '../../subgraphs/search/external/inputs';
import { detectFormat, toExternalDocuments, type ImportFormat, type ImportOptions } from '../../subgraphs/search/external/import-formats';

export interface ContentImportRequest extends ImportOptions {
  file: string;
  format?: ImportFormat | undefined;
  gatewayUrl: string;
  token: string;
}

export interface ContentImportResult {
  format: ImportFormat;
  created: number;
  updated: number;
  unchanged: number;
}

const IMPORT = `mutation ImportContent($documents: [ExternalDocumentInput!]!) {
  upsertExternalDocuments(documents: $documents) { created updated unchanged }
}`;

interface ImportResponse {
  data?: { upsertExternalDocuments: { created: number; updated: number; unchanged: number } } | null;
  errors?: Array<{ message: string; extensions?: { code?: string; issues?: Array<{ field: string; message: string }> } }>;
}

/** Why a file could not be imported, in words that name the record and field. */
export class ContentImportError extends Error {}

async function readJson(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ContentImportError(`cannot read ${file}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ContentImportError(`${file} is not JSON: ${(error as Error).message}`);
  }
}

function describeErrors(errors: NonNullable<ImportResponse['errors']>, offset: number): string {
  return errors
    .flatMap((error) =>
      error.extensions?.issues?.length
        ? error.extensions.issues.map((issue) => `${issue.field.replace(/^documents\.(\d+)/, (_m, index: string) => `record ${offset + Number(index)}`)}: ${issue.message}`)
        : [`${error.extensions?.code ?? 'ERROR'}: ${error.message}`],
    )
    .join('; ');
}

/**
 * Imports a file of external documents through the gateway, in calls of at most 500 documents.
 * Re-running it is harmless: unchanged documents stay as they are and are not re-indexed.
 */
export async function importContent(request: ContentImportRequest): Promise<ContentImportResult> {
  const data = await readJson(request.file);
  const format = request.format ?? detectFormat(data);
  if (!format) throw new ContentImportError(`cannot tell the format of ${request.file}; pass --format (zendesk-guide, moodle-courses or hub)`);
  let documents;
  try {
    documents = toExternalDocuments(format, data, request);
  } catch (error) {
    throw new ContentImportError(error instanceof ZodError ? `${request.file} is not a ${format} file: ${z.prettifyError(error)}` : (error as Error).message);
  }
  const result: ContentImportResult = { format, created: 0, updated: 0, unchanged: 0 };
  for (let offset = 0; offset < documents.length; offset += MAX_DOCUMENTS_PER_IMPORT) {
    const batch = documents.slice(offset, offset + MAX_DOCUMENTS_PER_IMPORT);
    const response = await fetch(request.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${request.token}` },
      body: JSON.stringify({ query: IMPORT, variables: { documents: batch } }),
    });
    const body = (await response.json()) as ImportResponse;
    if (body.errors?.length || !body.data) {
      const done = offset ? ` (records before ${offset} were imported)` : '';
      throw new ContentImportError(`import refused${done}: ${body.errors ? describeErrors(body.errors, offset) : `HTTP ${response.status}`}`);
    }
    result.created += body.data.upsertExternalDocuments.created;
    result.updated += body.data.upsertExternalDocuments.updated;
    result.unchanged += body.data.upsertExternalDocuments.unchanged;
  }
  return result;
}

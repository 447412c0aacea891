import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { recordsOf, zendeskResponse, type ZendeskRecords } from './pages';

/** Why an import could not run, in words that name the file, record and field. */
export class ZendeskImportError extends Error {}

async function readJson(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ZendeskImportError(`cannot read ${file}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ZendeskImportError(`${file} is not JSON: ${(error as Error).message}`);
  }
}

/** The `.json` files of a directory, by name (export pages named in order sort in order), or the file itself. */
async function filesAt(path: string): Promise<string[]> {
  const info = await stat(path).catch((error: Error) => {
    throw new ZendeskImportError(`cannot read ${path}: ${error.message}`);
  });
  if (!info.isDirectory()) return [path];
  const names = (await readdir(path)).filter((name) => name.endsWith('.json')).sort();
  if (!names.length) throw new ZendeskImportError(`${path} holds no .json files`);
  return names.map((name) => join(path, name));
}

/**
 * Reads and validates every response of a file or directory before anything is written, so a bad
 * file stores nothing; the records come back gathered for `applyRecords`.
 */
export async function readZendeskFiles(path: string): Promise<{ files: string[]; records: ZendeskRecords }> {
  const files = await filesAt(path);
  const responses = [];
  for (const file of files) {
    const parsed = zendeskResponse.safeParse(await readJson(file));
    if (!parsed.success) throw new ZendeskImportError(`${file} is not a Zendesk API response: ${z.prettifyError(parsed.error)}`);
    responses.push(parsed.data);
  }
  return { files, records: recordsOf(responses) };
}

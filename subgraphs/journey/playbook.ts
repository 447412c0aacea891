import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import defaultPlaybook from './playbook.json';
import { parsePlaybook, PlaybookError, type Playbook } from './playbook-schema';

/**
 * The playbook the journey subgraph runs on: the file at `path` (HUB_JOURNEY_PLAYBOOK_PATH,
 * relative to the working directory) or the shipped `playbook.json`. Read and validated once at
 * start; a file that cannot be read or parsed, or an invalid rule, stops the service with a
 * message naming the problem.
 */
export async function loadPlaybook(path?: string): Promise<Playbook> {
  if (!path) return parsePlaybook(defaultPlaybook, 'subgraphs/journey/playbook.json');
  const file = resolve(path);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new PlaybookError([`cannot be read: ${(error as Error).message}`], file);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new PlaybookError([`is not valid JSON: ${(error as Error).message}`], file);
  }
  return parsePlaybook(raw, file);
}

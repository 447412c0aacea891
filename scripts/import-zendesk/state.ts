import { readFile, rename, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { ZendeskImportError } from './read-files';

/** Where a live import stopped: the incremental export's cursor after the last applied page. */
const importState = z.strictObject({
  cursor: z.string().min(1),
  savedAt: z.iso.datetime(),
});
export type ImportState = z.output<typeof importState>;

/** The saved state, or null before the first run. */
export async function readImportState(path: string): Promise<ImportState | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new ZendeskImportError(`cannot read the import state ${path}: ${(error as Error).message}`);
  }
  const parsed = importState.safeParse((() => {
    try {
      return JSON.parse(text);
    } catch {
      return null;
    }
  })());
  if (!parsed.success) throw new ZendeskImportError(`${path} is not an import state ({cursor, savedAt}); delete it to start from --start-time`);
  return parsed.data;
}

/** Saves the cursor atomically (write, then rename), so a crash never leaves half a state file. */
export async function saveImportState(path: string, cursor: string, now = new Date()): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify({ cursor, savedAt: now.toISOString() }, null, 2)}\n`);
  await rename(temporary, path);
}

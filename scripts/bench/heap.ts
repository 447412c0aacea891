import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collectGarbage: (() => void) | null = null;

/**
 * Heap in use after a full collection, so that a difference measures what a step keeps rather
 * than the garbage it left. `npm run bench` runs without `--expose-gc`; the flag can still be set
 * from inside, and a new context then sees the `gc` function.
 */
export function heapUsedAfterGcBytes(): number {
  if (!collectGarbage) {
    setFlagsFromString('--expose-gc');
    collectGarbage = runInNewContext('gc') as () => void;
  }
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

export function megabytes(bytes: number): string {
  return `${Math.round(bytes / 1_000_000).toLocaleString('en-US')} MB`;
}

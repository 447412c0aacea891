import { parentPort, workerData } from 'node:worker_threads';
import { runConcurrently } from './latency';
import { send } from './search-client';
import type { SearchBenchRequest } from './search-queries';

/** What the benchmark hands the client thread. */
export interface SearchClientJob {
  url: string;
  warmup: SearchBenchRequest[];
  timed: SearchBenchRequest[];
  concurrency: number;
}

const job = workerData as SearchClientJob;
const toTask = (request: SearchBenchRequest) => () => send(job.url, request);
void (async () => {
  await runConcurrently(job.warmup.map(toTask), job.concurrency);
  parentPort!.postMessage(await runConcurrently(job.timed.map(toTask), job.concurrency));
})();

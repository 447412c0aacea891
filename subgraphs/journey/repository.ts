import type DataLoader from 'dataloader';
import { createGroupLoader } from '../kit/loaders';
import { isDuplicateKeyError, type HubCollection, type HubDatabase } from '../kit/store/types';
import type { TaskCompletionDocument } from './model';

/** The stored id of one account's completion of one task. */
export function completionId(accountId: string, taskKey: string): string {
  return `${accountId}|${taskKey}`;
}

/** The only code that touches the journey subgraph's collection. */
export class JourneyRepository {
  readonly completions: HubCollection<TaskCompletionDocument>;

  constructor(db: HubDatabase) {
    this.completions = db.collection<TaskCompletionDocument>('taskCompletions');
  }

  /** Indexes for every query path below; created at start-up, idempotent. */
  async ensureIndexes(): Promise<void> {
    await this.completions.createIndex({ accountId: 1 });
  }

  /** Per-request loaders: the checklists of many accounts in one request cost one query. */
  createLoaders(): { completionsOfAccount: DataLoader<string, TaskCompletionDocument[]> } {
    return { completionsOfAccount: createGroupLoader(this.completions, 'accountId') };
  }

  findCompletion(accountId: string, taskKey: string): Promise<TaskCompletionDocument | null> {
    return this.completions.findOne({ _id: completionId(accountId, taskKey) });
  }

  /**
   * Marks a task done unless it already is: the first completion (and its time) is kept, so
   * marking twice changes nothing. Returns the stored completion.
   */
  async markDone(completion: TaskCompletionDocument): Promise<TaskCompletionDocument> {
    const { _id, ...fields } = completion;
    try {
      await this.completions.updateOne({ _id }, { $setOnInsert: fields }, { upsert: true });
    } catch (error) {
      // Two requests marking the same task at once: the other one's insert won, which is the same result.
      if (!isDuplicateKeyError(error)) throw error;
    }
    return (await this.completions.findOne({ _id })) ?? completion;
  }

  /** Removes a completion by hand; removing one that does not exist changes nothing. */
  async unmark(accountId: string, taskKey: string): Promise<void> {
    await this.completions.deleteOne({ _id: completionId(accountId, taskKey) });
  }
}

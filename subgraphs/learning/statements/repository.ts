import type { HubCollection, HubDatabase } from '../../kit/store/types';
import type { LearningStatementDocument } from './model';
import type { TimedEffect } from './enrollment-state';

/** More statements than one user sends about one course in years; bounds one recomputation. */
const EFFECTS_READ_LIMIT = 10_000;

/** The only code that touches the `learningStatements` collection. */
export class StatementsRepository {
  readonly statements: HubCollection<LearningStatementDocument>;

  constructor(db: HubDatabase) {
    this.statements = db.collection<LearningStatementDocument>('learningStatements');
  }

  async ensureIndexes(): Promise<void> {
    await Promise.all([
      // Recomputing an enrollment reads the statements that count for it, in time order.
      this.statements.createIndex({ userId: 1, courseId: 1, isVoided: 1, timestamp: 1, _id: 1 }),
      this.statements.createIndex({ voidedStatementId: 1 }),
    ]);
  }

  findById(id: string) {
    return this.statements.findOne({ _id: id });
  }

  /** Inserts the statement; a statement with the same id makes the store throw a duplicate-key error. */
  insert(statement: LearningStatementDocument) {
    return this.statements.insertOne(statement);
  }

  /** A stored voiding statement naming `targetId`, if any. */
  findVoidingOf(targetId: string) {
    return this.statements.findOne({ voidedStatementId: targetId }, { sort: { stored: 1, _id: 1 } });
  }

  /** Marks the statement voided by `voidingId` unless it already is; null when nothing changed. */
  markVoided(targetId: string, voidingId: string) {
    return this.statements.findOneAndUpdate(
      { _id: targetId, isVoided: false },
      { $set: { isVoided: true, voidedBy: voidingId } },
      { returnDocument: 'after' },
    );
  }

  /** What the statements that still count say about one user's enrollment in one course, oldest first. */
  async effectsFor(userId: string, courseId: string): Promise<TimedEffect[]> {
    const found = await this.statements
      .find(
        { userId, courseId, isVoided: false, effect: { $ne: null } },
        { projection: { timestamp: 1, effect: 1 }, sort: { timestamp: 1, _id: 1 }, limit: EFFECTS_READ_LIMIT },
      )
      .toArray();
    return found.flatMap((statement) => (statement.effect ? [{ ...statement.effect, at: statement.timestamp }] : []));
  }
}

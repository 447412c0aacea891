import type { Identity } from '../../kit/auth';
import { parseInput } from '../../kit/validation';
import { learningPolicy } from '../policy';
import { learningStatementArguments } from './inputs';
import type { LearningStatementDocument } from './model';
import type { StatementsRepository } from './repository';

/** Reads of stored statements, for staff and integrations checking what an LMS sent. */
export class StatementReader {
  constructor(
    private readonly identity: Identity,
    private readonly statements: StatementsRepository,
  ) {}

  async statement(rawArguments: unknown): Promise<LearningStatementDocument | null> {
    learningPolicy.assertCanReadStatements(this.identity);
    const { id } = parseInput(learningStatementArguments, rawArguments);
    return this.statements.findById(id);
  }
}

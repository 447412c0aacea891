import type { RequestBase, ResolverMap } from '../../kit/subgraph-service';
import type { LearningContext } from '../resolvers';
import type { LearningStatementDocument } from './model';
import type { StatementReader } from './reader';
import type { StatementRecorder } from './recorder';

export interface StatementsContext {
  statementRecorder: StatementRecorder;
  statementReader: StatementReader;
}

/** The statement resolvers' context: their own services and the learning catalog and learners. */
export type StatementsRequest = RequestBase & StatementsContext & Pick<LearningContext, 'catalog' | 'learners'>;

/** Thin: the recorder and the reader validate and authorize. */
export const statementsResolvers: ResolverMap<StatementsRequest> = {
  Query: {
    learningStatement: (_parent, args: unknown, { statementReader }) => statementReader.statement(args),
  },
  Mutation: {
    recordLearningStatements: async (_parent, args: unknown, { statementRecorder, learners }) => {
      const records = await statementRecorder.record(args);
      // The enrollments were written in this request: their fields must not come from stale loaders.
      for (const record of records) if (record.enrollment) learners.remember(record.enrollment);
      return records;
    },
  },
  LearningStatement: {
    id: (statement: LearningStatementDocument) => statement._id,
    user: (statement: LearningStatementDocument) => (statement.userId ? { id: statement.userId } : null),
    course: (statement: LearningStatementDocument, _args, { catalog }) => (statement.courseId ? catalog.course(statement.courseId) : null),
    progress: (statement: LearningStatementDocument) => statement.effect?.progress ?? null,
    score: (statement: LearningStatementDocument) => statement.effect?.score ?? null,
  },
};

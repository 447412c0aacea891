import type { HubDatabase } from '../../kit/store/types';
import type { RequestBase, ResolverMap } from '../../kit/subgraph-service';
import type { AwardWriter } from '../award-writer';
import { EnrollmentWriter } from '../enrollment-writer';
import type { LearningRepository } from '../repository';
import { StatementEnrollmentSync } from './enrollment-sync';
import { StatementReader } from './reader';
import { StatementRecorder } from './recorder';
import { StatementsRepository } from './repository';
import { statementsResolvers, type StatementsContext, type StatementsRequest } from './resolvers';

/** The feature's resolvers read the learning catalog and learners too, so it is not a self-contained `SubgraphFeature`. */
export interface StatementsFeature {
  resolvers: ResolverMap<StatementsRequest>;
  createContext(base: RequestBase): StatementsContext;
}

/** xAPI statements in: stored, applied to enrollments, voidable. */
export async function createStatementsFeature(options: {
  database: HubDatabase;
  repository: LearningRepository;
  awards: AwardWriter;
}): Promise<StatementsFeature> {
  const statements = new StatementsRepository(options.database);
  await statements.ensureIndexes();
  const sync = new StatementEnrollmentSync(options.repository, statements, options.awards);
  return {
    resolvers: statementsResolvers,
    createContext: (base) => {
      const enrollments = new EnrollmentWriter(base.identity, options.repository, options.awards);
      return {
        statementRecorder: new StatementRecorder(base.identity, options.repository, statements, sync, enrollments),
        statementReader: new StatementReader(base.identity, statements),
      };
    },
  };
}

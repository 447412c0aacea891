import type { GraphClient } from '../../../../kit/graph-client';
import type { StoredInboundEvent } from '../../inbound-source';
import { describeActor, findLearner } from './actor';
import { toLearningStatement } from './learning-statement';
import { storedStatementSchema, VOIDED_VERB_ID } from './statement-schema';

const RECORD_STATEMENTS = `mutation XapiRecordStatement($statements: [LearningStatementInput!]!) {
  recordLearningStatements(statements: $statements) { statementId outcome message enrollment { id progress status } }
}`;

interface StatementRecord {
  statementId: string;
  outcome: string;
  message: string;
  enrollment: { id: string; progress: number; status: string } | null;
}

/**
 * Records one stored statement in the learning subgraph, through the graph. The actor must be a
 * hub user (found by e-mail or LMS account): when none is, this throws, so the event is retried
 * (the user may be imported meanwhile) and at last kept as failed, ready to replay. A voiding
 * statement needs no known actor: an LMS often voids as itself, and its target names the user.
 * Recording is idempotent by statement id, so a retry or replay changes nothing twice.
 */
export async function applyStatement(event: StoredInboundEvent, graph: GraphClient): Promise<string> {
  const statement = storedStatementSchema.parse(event.payload);
  const learner = await findLearner(statement.actor, graph);
  if (!learner && statement.verb.id !== VOIDED_VERB_ID) {
    throw new Error(`No hub user matches the statement's actor (${describeActor(statement.actor)}): it is kept and retried`);
  }
  const input = toLearningStatement(statement, event.payload, learner);
  const answer = await graph.request<{ recordLearningStatements: StatementRecord[] }>(RECORD_STATEMENTS, { statements: [input] });
  const [record] = answer.recordLearningStatements;
  if (!record) throw new Error(`The learning subgraph answered nothing for statement ${input.id}`);
  // A conflicting statement changed nothing; it is kept as failed, for someone to look at.
  if (record.outcome === 'CONFLICT') throw new Error(`Statement ${record.statementId}: ${record.message}`);
  const { enrollment } = record;
  const state = enrollment ? ` (enrollment ${enrollment.id}: ${enrollment.status}, progress ${enrollment.progress})` : '';
  return `${record.outcome}: ${record.message}${state}`;
}

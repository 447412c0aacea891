import { randomUUID } from 'node:crypto';
import { toInputIssues } from '../../../../kit/validation';
import { InboundRejection, type InboundEvent, type InboundRequest } from '../../inbound-source';
import { parseJsonBody } from '../json-body';
import { statementSchema, uuid, type XapiStatement } from './statement-schema';

const badRequest = (message: string) => new InboundRejection(400, 'BAD_USER_INPUT', message);

/** A statement as sent (its members in the sender's order) once its essentials are known to be valid. */
type CheckedStatement = Record<string, unknown> & Pick<XapiStatement, 'id' | 'verb' | 'timestamp'>;

/** Validates one statement; the refusal names the first bad field, e.g. `statements.2.actor.mbox`. */
function validStatement(value: unknown, root: string): CheckedStatement {
  const parsed = statementSchema.safeParse(value);
  if (parsed.success) return value as CheckedStatement;
  const [first] = toInputIssues(parsed.error, root);
  throw badRequest(`Invalid ${first?.field ?? root}: ${first?.message ?? 'not a statement'}`);
}

/** The statements of a POST body (one statement or an array), in order. */
function postedStatements(body: unknown): CheckedStatement[] {
  if (!Array.isArray(body)) return [validStatement(body, 'statement')];
  if (body.length === 0) throw badRequest('Invalid statements: must hold at least one statement');
  const statements = body.map((value, index) => validStatement(value, `statements.${index}`));
  const seen = new Set<string>();
  statements.forEach((statement, index) => {
    const id = statement.id?.toLowerCase();
    // xAPI: a batch naming one id twice is refused whole.
    if (id && seen.has(id)) throw badRequest(`Invalid statements.${index}.id: ${id} is used by another statement of this batch`);
    if (id) seen.add(id);
  });
  return statements;
}

/** The statement of a PUT: its id comes from `statementId`, and a body id must agree. */
function putStatement(body: unknown, query: URLSearchParams): CheckedStatement {
  const statementId = query.get('statementId');
  if (statementId === null) throw badRequest('Invalid statementId: the query parameter is required');
  const id = uuid.safeParse(statementId);
  if (!id.success) throw badRequest('Invalid statementId: must be a UUID');
  if (Array.isArray(body)) throw badRequest('Invalid statement: PUT takes one statement, not an array');
  const statement = validStatement(body, 'statement');
  if (statement.id !== undefined && statement.id.toLowerCase() !== statementId.toLowerCase()) {
    throw badRequest(`Invalid statement.id: ${statement.id} differs from the statementId parameter ${statementId}`);
  }
  return { ...statement, id: statementId };
}

/**
 * The request's statements as inbox events. A statement without an id gets a UUID here, so its
 * id is known before it is stored: it is the delivery id, and what the sender gets back. `stored`
 * is the hub's receipt time, and a statement without `timestamp` happened then, as xAPI says.
 */
export function statementEvents(request: InboundRequest): InboundEvent[] {
  const body = parseJsonBody(request.rawBody);
  const statements = request.method === 'PUT' ? [putStatement(body, request.query)] : postedStatements(body);
  const stored = request.receivedAt.toISOString();
  return statements.map((statement) => {
    const id = (statement.id ?? randomUUID()).toLowerCase();
    return { deliveryId: id, eventType: statement.verb.id, payload: { ...statement, id, timestamp: statement.timestamp ?? stored, stored } };
  });
}

import { GraphQLError } from 'graphql';

/**
 * The one registry of error codes clients can see in `extensions.code`. `schema/errors.md` is
 * generated from it (`npm run compose`) and CI fails when the two drift apart.
 */
export const ERROR_CODES = {
  UNAUTHENTICATED: { httpStatus: 401, description: 'No valid bearer token: it is missing, expired, forged or malformed.' },
  FORBIDDEN: { httpStatus: 403, description: 'The caller is known but may not see or change this data.' },
  NOT_FOUND: { httpStatus: 404, description: 'The requested record does not exist (or the caller may not know that it does).' },
  BAD_USER_INPUT: {
    httpStatus: 400,
    description: 'An argument or request body is invalid; `extensions.field` names the first offending field and `extensions.issues` lists them all.',
  },
  CONFLICT: { httpStatus: 409, description: 'The write would break a uniqueness rule, such as an external id already used by another record.' },
  SUBGRAPH_TIMEOUT: { httpStatus: 504, description: 'A subgraph did not answer within the gateway\'s timeout; the rest of the response may still hold data.' },
  SUBGRAPH_UNAVAILABLE: { httpStatus: 502, description: 'A subgraph could not be reached; the rest of the response may still hold data.' },
  INTERNAL_SERVER_ERROR: { httpStatus: 500, description: 'An unexpected failure. Details are logged with the request id and never sent to clients in production.' },
} as const satisfies Record<string, { httpStatus: number; description: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface InputIssue {
  /** Dotted path of the offending field, e.g. `input.email`. */
  field: string;
  message: string;
}

function hubError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extensions } });
}

export const errors = {
  /**
   * Carries its HTTP status, because it is raised while building the request context, before any
   * data: other codes leave the status at 200 so a response can still carry partial data.
   */
  unauthenticated: (reason = 'A valid bearer token is required') =>
    hubError('UNAUTHENTICATED', reason, { http: { status: ERROR_CODES.UNAUTHENTICATED.httpStatus } }),
  forbidden: (what: string) => hubError('FORBIDDEN', `Not allowed: ${what}`),
  notFound: (type: string, id: string) => hubError('NOT_FOUND', `${type} ${id} was not found`, { type, id }),
  badUserInput: (issues: readonly InputIssue[]) => {
    const [first] = issues;
    const message = first ? `Invalid ${first.field}: ${first.message}` : 'Invalid input';
    return hubError('BAD_USER_INPUT', message, { field: first?.field, issues });
  },
  conflict: (message: string, extensions: Record<string, unknown> = {}) => hubError('CONFLICT', message, extensions),
  subgraphTimeout: (subgraph: string, timeoutMs: number) =>
    hubError('SUBGRAPH_TIMEOUT', `The ${subgraph} service did not answer within ${timeoutMs} ms`, { subgraph }),
  subgraphUnavailable: (subgraph: string) =>
    hubError('SUBGRAPH_UNAVAILABLE', `The ${subgraph} service could not be reached`, { subgraph }),
  subgraphFailed: (subgraph: string) =>
    hubError('INTERNAL_SERVER_ERROR', `The ${subgraph} service failed to answer`, { subgraph }),
};

export function errorCodeOf(error: unknown): string | undefined {
  if (error instanceof GraphQLError) {
    const code = error.extensions['code'];
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

/** Markdown table of the registry; written to `schema/errors.md`. */
export function renderErrorCodesMarkdown(): string {
  const rows = Object.entries(ERROR_CODES).map(
    ([code, { httpStatus, description }]) => `| \`${code}\` | ${httpStatus} | ${description} |`,
  );
  return [
    '# Error codes',
    '',
    'Every error the hub returns carries one of these codes in `extensions.code`. GraphQL responses',
    'keep HTTP 200 so that partial data can still arrive, except UNAUTHENTICATED (401) and malformed',
    'requests (400); plain HTTP routes such as webhooks answer with the status below and a JSON body.',
    'Generated from `subgraphs/kit/errors.ts` by `npm run compose`; do not edit by hand.',
    '',
    '| code | HTTP status | meaning |',
    '| --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}

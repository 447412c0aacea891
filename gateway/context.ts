import type { IncomingMessage } from 'node:http';
import { bearerToken, type Identity, type TokenVerifier } from '../subgraphs/kit/auth';
import { errors } from '../subgraphs/kit/errors';
import type { Logger } from '../subgraphs/kit/logger';

export interface GatewayContext {
  identity: Identity;
  /** The raw header, forwarded so every subgraph verifies the same token itself. */
  authorization: string;
  requestId: string;
  logger: Logger;
}

/**
 * Verifies the caller before any query planning: no token or a bad one is answered with
 * UNAUTHENTICATED (HTTP 401) and never reaches a subgraph.
 */
export function gatewayContextFactory(verifier: TokenVerifier, logger: Logger) {
  return async (request: IncomingMessage, requestId: string): Promise<GatewayContext> => {
    const authorization = request.headers.authorization;
    const token = bearerToken(authorization);
    if (!token || !authorization) throw errors.unauthenticated();
    const identity = await verifier.verify(token);
    return {
      identity,
      authorization,
      requestId,
      logger: logger.child({ requestId, subject: identity.subject, role: identity.role }),
    };
  };
}

import type { RouteHandler } from './http';
import { sendJson } from './http';

/**
 * `/health` answers while the process lives; `/ready` only when its dependencies answer, so an
 * orchestrator sends traffic only to instances that can serve it.
 */
export function healthRoutes(name: string, checkReady: () => Promise<void>): Record<string, RouteHandler> {
  return {
    'GET /health': (_request, response) => sendJson(response, 200, { status: 'ok', service: name }),
    'GET /ready': async (_request, response) => {
      try {
        await checkReady();
        sendJson(response, 200, { status: 'ready', service: name });
      } catch (error) {
        sendJson(response, 503, { status: 'unavailable', service: name, reason: (error as Error).message });
      }
    },
  };
}

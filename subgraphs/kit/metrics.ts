import { Counter, Histogram, Registry } from 'prom-client';
import type { RouteHandler } from './http';
import type { StoreOperation } from './store/instrumented-store';

/**
 * One service's Prometheus metrics. Each service has its own registry (not prom-client's global
 * one) because `npm start` and the tests run every service in one process.
 */
export interface ServiceMetrics {
  readonly registry: Registry;
  countStoreOperation(operation: StoreOperation): void;
  observeRequest(request: { method: string; route: string; status: number; durationSeconds: number }): void;
}

export function createServiceMetrics(service: string): ServiceMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  const storeOperations = new Counter({
    name: 'hub_store_operations_total',
    help: 'Store calls by collection and operation (find, aggregate, updateOne, …).',
    labelNames: ['collection', 'operation'] as const,
    registers: [registry],
  });
  const requests = new Counter({
    name: 'hub_http_requests_total',
    help: 'HTTP requests by method, route and status.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const durations = new Histogram({
    name: 'hub_http_request_duration_seconds',
    help: 'HTTP request durations by route.',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  return {
    registry,
    countStoreOperation: ({ collection, operation }) => storeOperations.inc({ collection, operation }),
    observeRequest: ({ method, route, status, durationSeconds }) => {
      requests.inc({ method, route, status: String(status) });
      durations.observe({ method, route }, durationSeconds);
    },
  };
}

/** `GET /metrics` in Prometheus text format. */
export function metricsRoute(metrics: ServiceMetrics): Record<string, RouteHandler> {
  return {
    'GET /metrics': async (_request, response) => {
      const body = await metrics.registry.metrics();
      response.writeHead(200, { 'content-type': metrics.registry.contentType }).end(body);
    },
  };
}

import { randomUUID } from 'node:crypto';
import { AccountsRepository } from '../../subgraphs/accounts/repository';
import { ACCOUNTS_SUBGRAPH } from '../../subgraphs/accounts/server';
import type { UsageDayDocument } from '../../subgraphs/accounts/usage/model';
import { UsageRepository } from '../../subgraphs/accounts/usage/repository';
import { subgraphDatabase } from '../../subgraphs/kit/subgraph-service';
import type { Stack } from './stack';

export const INGEST_USAGE = `mutation($events: [UsageEventInput!]!) {
  ingestUsageEvents(events: $events) { accepted duplicates rejected { index field message } }
}`;

export const USAGE_REPORT = `query($id: ID!, $period: UsagePeriod!) {
  account(id: $id) {
    usageReport(period: $period) {
      period periodStart periodEnd activeUsers totalUsers seatsLicensed seatUtilization
      breadth depth frequency keyFeaturesUsed keyFeaturesUnused
      users { user { id name } activeDays events featuresUsed lastActiveAt }
      inactiveUsers { id name }
    }
  }
}`;

/** The usage repository on the stack's store, for arranging and checking data. */
export function usageRepository(stack: Pick<Stack, 'store' | 'config'>): UsageRepository {
  const database = subgraphDatabase(stack, ACCOUNTS_SUBGRAPH);
  return new UsageRepository(database, new AccountsRepository(database));
}

/** A `UsageEventInput` for the mutation: a fresh message id and "now" unless overridden. */
export function trackInput(userId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { messageId: `msg-${randomUUID()}`, userId, event: 'Report Created', timestamp: new Date().toISOString(), properties: { source: 'test' }, ...overrides };
}

/** A Segment `track` call body. */
export function segmentTrack(userId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: 'track', messageId: `seg-${randomUUID()}`, userId, event: 'Dashboard Shared', properties: { plan: 'pro' }, timestamp: new Date().toISOString(), ...overrides };
}

/** POSTs a JSON body to one of the gateway's Segment-compatible routes. */
export async function postSegment<T = ReturnType<typeof JSON.parse>>(
  stack: Pick<Stack, 'gatewayUrl'>,
  path: '/v1/track' | '/v1/identify' | '/v1/batch',
  payload: unknown,
  auth: { token?: string; basic?: string } = {},
): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (auth.token) headers['authorization'] = `Bearer ${auth.token}`;
  if (auth.basic !== undefined) headers['authorization'] = `Basic ${Buffer.from(`${auth.basic}:`).toString('base64')}`;
  const response = await fetch(new URL(path, stack.gatewayUrl), { method: 'POST', headers, body: typeof payload === 'string' ? payload : JSON.stringify(payload) });
  // Read as plain JSON, like GraphQL responses in the end-to-end tests.
  return { status: response.status, body: (await response.json()) as T };
}

/** A day of usage as the rollups store it. */
export function usageDay(accountId: string, userId: string, day: string, overrides: Partial<UsageDayDocument> = {}): UsageDayDocument {
  return { _id: `${accountId}|${userId}|${day}`, accountId, userId, day, events: 3, features: ['Report Created'], lastEventAt: new Date(`${day}T10:00:00.000Z`), ...overrides };
}

/** `YYYY-MM-DD` of the UTC day `days` days before today. */
export function dayBefore(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

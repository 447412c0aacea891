import type { HealthStateDocument } from '../documents';
import type { OutboundEventsRepository } from '../events-repository';
import type { DetectedFact } from '../outbox';
import { forEachPage, type DetectorResult, type EventDetector, type PageOf, type ScanContext } from './detector';

/** A fall of this many points from the reference score is announced as `health.dropped`. */
export const HEALTH_DROP_THRESHOLD_POINTS = 10;

const ACCOUNTS_WITH_HEALTH = `query OutboundAccountHealth($after: String) {
  accounts(first: 100, after: $after) {
    edges { node { id name health { score band } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface AccountHealthNode {
  id: string;
  name: string;
  health: { score: number; band: string } | null;
}

const roundedPoints = (points: number) => Math.round(points * 10) / 10;

/**
 * What changed for one account since the last scan, and the state to remember. An account seen
 * for the first time is only recorded: a new install announces no band or score.
 */
export function diffHealth(
  account: { id: string; name: string; score: number; band: string },
  previous: HealthStateDocument | undefined,
  now: Date,
): { facts: DetectedFact[]; next: HealthStateDocument | null } {
  if (!previous) {
    return { facts: [], next: { _id: account.id, band: account.band, score: account.score, dropReferenceScore: account.score, version: 1, seenAt: now } };
  }
  const facts: DetectedFact[] = [];
  const keyOf = (type: string) => `${type}|${account.id}|${previous.version}`;
  if (account.band !== previous.band) {
    facts.push({
      eventType: 'HEALTH_BAND_CHANGED',
      factKey: keyOf('health.band_changed'),
      data: { accountId: account.id, name: account.name, from: previous.band, to: account.band, score: account.score },
    });
  }
  const drop = previous.dropReferenceScore - account.score;
  const hasDropped = drop >= HEALTH_DROP_THRESHOLD_POINTS;
  if (hasDropped) {
    facts.push({
      eventType: 'HEALTH_DROPPED',
      factKey: keyOf('health.dropped'),
      data: { accountId: account.id, name: account.name, from: previous.dropReferenceScore, to: account.score, drop: roundedPoints(drop), band: account.band },
    });
  }
  const dropReferenceScore = hasDropped ? account.score : Math.max(previous.dropReferenceScore, account.score);
  const isUnchanged = account.band === previous.band && account.score === previous.score && dropReferenceScore === previous.dropReferenceScore;
  if (isUnchanged) return { facts, next: null };
  return { facts, next: { ...previous, band: account.band, score: account.score, dropReferenceScore, version: previous.version + 1, seenAt: now } };
}

/**
 * `health.band_changed` and `health.dropped`: every account's latest health, read through the
 * graph page by page and compared with what the previous scan saw.
 */
export function healthDetector(repository: OutboundEventsRepository): EventDetector {
  return {
    name: 'health',
    async detect({ graph, outbox, now }: ScanContext): Promise<DetectorResult> {
      const result: DetectorResult = { announced: 0, deliveriesQueued: 0, baselined: 0 };
      const readPage = async (after: string | null) =>
        (await graph.request<{ accounts: PageOf<AccountHealthNode> }>(ACCOUNTS_WITH_HEALTH, { after })).accounts;
      await forEachPage(readPage, async (nodes) => {
        const scored = nodes.flatMap((node) => (node.health ? [{ id: node.id, name: node.name, ...node.health }] : []));
        const previous = new Map((await repository.findHealthStates(scored.map((account) => account.id))).map((state) => [state._id, state]));
        const changes = scored.map((account) => diffHealth(account, previous.get(account.id), now));
        // Announced before the new state is saved: a scan cut short finds the same facts (same keys) again.
        const announced = await outbox.announce(changes.flatMap((change) => change.facts), now);
        await repository.saveHealthStates(changes.flatMap((change) => (change.next ? [change.next] : [])));
        result.announced += announced.announced;
        result.deliveriesQueued += announced.deliveriesQueued;
        result.baselined += scored.filter((account) => !previous.has(account.id)).length;
      });
      return result;
    },
  };
}

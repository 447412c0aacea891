import type { HealthBand } from '../../subgraphs/journey/model';
import defaultPlaybook from '../../subgraphs/journey/playbook.json';
import { parsePlaybook, type Playbook } from '../../subgraphs/journey/playbook-schema';
import { JourneyRepository } from '../../subgraphs/journey/repository';
import { JOURNEY_SUBGRAPH } from '../../subgraphs/journey/server';
import { subgraphDatabase } from '../../subgraphs/kit/subgraph-service';
import { buildSnapshot, healthRepository } from './health';
import type { Stack } from './stack';

/** Every field of `Journey`. */
export const JOURNEY_FIELDS = 'stage atRisk accountTenureDays userTenureDays daysToRenewal reasons { code stage met text } riskReasons { code stage met text } playbookVersion';

/** Every field of `OnboardingChecklist`. */
export const CHECKLIST_FIELDS = 'stage completedCount totalCount progressPercent tasks { key title description signal signalTarget signalValue done how completedAt }';

export const USER_JOURNEY = `query($id: ID!) { user(id: $id) { id journey { ${JOURNEY_FIELDS} } } }`;
export const ACCOUNT_ONBOARDING = `query($id: ID!) { account(id: $id) { id onboarding { ${CHECKLIST_FIELDS} } } }`;

export const COMPLETE_TASK = `mutation($accountId: ID!, $taskKey: String!) {
  completeOnboardingTask(accountId: $accountId, taskKey: $taskKey) { taskKey markedDone completedAt account { id onboarding { ${CHECKLIST_FIELDS} } } }
}`;
export const REOPEN_TASK = `mutation($accountId: ID!, $taskKey: String!) {
  reopenOnboardingTask(accountId: $accountId, taskKey: $taskKey) { taskKey markedDone completedAt account { id onboarding { ${CHECKLIST_FIELDS} } } }
}`;

/** A deep copy of the shipped playbook as plain JSON, to break one rule of in a test. */
export function rawDefaultPlaybook(): Record<string, unknown> {
  return structuredClone(defaultPlaybook) as Record<string, unknown>;
}

/** The shipped playbook, validated. */
export function defaultJourneyPlaybook(): Playbook {
  return parsePlaybook(rawDefaultPlaybook());
}

/** The journey subgraph's repository on the stack's store, for checking what a write stored. */
export function journeyRepository(stack: Pick<Stack, 'store' | 'config'>): JourneyRepository {
  return new JourneyRepository(subgraphDatabase(stack, JOURNEY_SUBGRAPH));
}

/** Gives the account a latest health snapshot of today in this band, replacing any earlier one. */
export async function setHealthBand(stack: Pick<Stack, 'store' | 'config'>, accountId: string, band: HealthBand): Promise<void> {
  const now = new Date();
  const score = band === 'HEALTHY' ? 80 : band === 'NEUTRAL' ? 60 : 30;
  await healthRepository(stack).writeSnapshots([buildSnapshot(accountId, now, { isLatest: true, band, score })], now.toISOString().slice(0, 10));
}

/** `Recommendation` with its item resolved by each owner. */
export const RECOMMENDATION_FIELDS = `reason reasonCode rule score item {
  __typename
  ... on Course { id title level }
  ... on Article { id title }
  ... on Post { id title type }
  ... on Event { id title }
}`;

export const USER_RECOMMENDATIONS = `query($id: ID!, $first: Int) {
  user(id: $id) { id journey { stage daysToRenewal recommendations(first: $first) { ${RECOMMENDATION_FIELDS} } } }
}`;

export const ADVOCATE_CANDIDATES = `query($first: Int, $after: ID) { advocateCandidates(first: $first, after: $after) { user { id name } score evidence } }`;

export const DORMANT_USERS = `query($inactiveDays: Int, $first: Int, $order: DormantUserOrder) {
  dormantUsers(inactiveDays: $inactiveDays, first: $first, order: $order) { user { id persona } lastActiveAt inactiveDays suggestedFeatures }
}`;

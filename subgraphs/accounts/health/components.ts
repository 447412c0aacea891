/**
 * The components a health score is made of: what each measures, how its value reads to a person.
 * The model file gives their weights and thresholds; this list gives their meaning.
 */
export const HEALTH_COMPONENTS = [
  'USAGE_BREADTH',
  'USAGE_DEPTH',
  'USAGE_FREQUENCY',
  'SEAT_UTILIZATION',
  'URGENT_TICKETS',
  'CSAT',
  'LEARNING_COMPLETION',
  'CERTIFIED_USERS',
  'COMMUNITY_ACTIVE_MEMBERS',
  'DAYS_TO_RENEWAL',
  'ARR_CHANGE',
] as const;
export type HealthComponentKey = (typeof HEALTH_COMPONENTS)[number];

export const HEALTH_GROUPS = ['USAGE', 'SUPPORT', 'LEARNING', 'COMMUNITY', 'CONTRACT'] as const;
export type HealthGroup = (typeof HEALTH_GROUPS)[number];

/** The usage metrics that peers are compared on (benchmark and "peer median" reasons). */
export const BENCHMARK_METRICS = ['USAGE_BREADTH', 'USAGE_DEPTH', 'USAGE_FREQUENCY', 'SEAT_UTILIZATION'] as const satisfies readonly HealthComponentKey[];
export type BenchmarkMetric = (typeof BENCHMARK_METRICS)[number];

export function isBenchmarkMetric(key: HealthComponentKey): key is BenchmarkMetric {
  return (BENCHMARK_METRICS as readonly string[]).includes(key);
}

const percent = (share: number) => `${Math.round(share * 100)}%`;
const oneDecimal = (value: number) => (Math.round(value * 10) / 10).toFixed(1);
const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

interface ComponentDefinition {
  /** What the component is called where people read it, e.g. "Seat utilization". */
  name: string;
  group: HealthGroup;
  /** The value as a person reads it, e.g. `18%`. */
  format(value: number): string;
  /** Why the component scored as it did, e.g. "Seat utilization 18%". */
  reason(value: number): string;
  /** The reason when the signal is missing. */
  missingReason: string;
}

export const COMPONENT_DEFINITIONS: Record<HealthComponentKey, ComponentDefinition> = {
  USAGE_BREADTH: {
    name: 'Usage breadth',
    group: 'USAGE',
    format: percent,
    reason: (value) => `Key features used ${percent(value)}`,
    missingReason: 'No product usage data',
  },
  USAGE_DEPTH: {
    name: 'Usage depth',
    group: 'USAGE',
    format: (value) => String(Math.round(value)),
    reason: (value) => `${Math.round(value)} events per active user in 30 days`,
    missingReason: 'No product usage data',
  },
  USAGE_FREQUENCY: {
    name: 'Usage frequency',
    group: 'USAGE',
    format: oneDecimal,
    reason: (value) => `Active users on ${oneDecimal(value)} days a week`,
    missingReason: 'No product usage data',
  },
  SEAT_UTILIZATION: {
    name: 'Seat utilization',
    group: 'USAGE',
    format: percent,
    reason: (value) => `Seat utilization ${percent(value)}`,
    missingReason: 'No licensed seats on a current contract',
  },
  URGENT_TICKETS: {
    name: 'Urgent tickets',
    group: 'SUPPORT',
    format: String,
    reason: (value) => (value === 0 ? 'No urgent tickets open' : `${plural(value, 'urgent ticket', 'urgent tickets')} open`),
    missingReason: 'No support data',
  },
  CSAT: {
    name: 'Customer satisfaction',
    group: 'SUPPORT',
    format: percent,
    reason: (value) => `CSAT ${percent(value)} over 90 days`,
    missingReason: 'No rated tickets in 90 days',
  },
  LEARNING_COMPLETION: {
    name: 'Course completion',
    group: 'LEARNING',
    format: percent,
    reason: (value) => `${percent(value)} of course enrollments completed`,
    missingReason: 'No course enrollments',
  },
  CERTIFIED_USERS: {
    name: 'Certified users',
    group: 'LEARNING',
    format: String,
    reason: (value) => plural(value, 'certified user', 'certified users'),
    missingReason: 'No learning data',
  },
  COMMUNITY_ACTIVE_MEMBERS: {
    name: 'Active community members',
    group: 'COMMUNITY',
    format: String,
    reason: (value) => `${plural(value, 'community member', 'community members')} active in 30 days`,
    missingReason: 'No community data',
  },
  DAYS_TO_RENEWAL: {
    name: 'Days to renewal',
    group: 'CONTRACT',
    format: String,
    reason: (value) => (value < 0 ? `Renewal date passed ${-value} days ago` : `Renews in ${plural(value, 'day', 'days')}`),
    missingReason: 'No current contract',
  },
  ARR_CHANGE: {
    name: 'ARR change',
    group: 'CONTRACT',
    format: (value) => `${value > 0 ? '+' : ''}${percent(value)}`,
    reason: (value) =>
      value <= -1 ? 'Contract ended without renewal' : value === 0 ? 'ARR unchanged at the last renewal' : `ARR ${value > 0 ? 'up' : 'down'} ${percent(Math.abs(value))} at the last renewal`,
    missingReason: 'No earlier contract term to compare ARR with',
  },
};

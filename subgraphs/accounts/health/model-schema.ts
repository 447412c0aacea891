import { z } from 'zod';
import { SEGMENTS } from '../model';
import { HEALTH_COMPONENTS } from './components';

/** One point of a score curve: at `value`, the component scores `score`. */
const curvePoint = z.tuple([z.number().finite(), z.number().min(0, 'scores are 0–100').max(100, 'scores are 0–100')]);

/**
 * Thresholds of a component: the score is piecewise-linear between the points and flat beyond
 * the first and last. Values must strictly increase; scores may rise or fall (fewer urgent
 * tickets is better).
 */
const curve = z
  .array(curvePoint)
  .min(2, 'needs at least two points')
  .refine((points) => points.every((point, index) => index === 0 || point[0] > points[index - 1]![0]), 'point values must strictly increase');

const componentModel = z.strictObject({
  weight: z.number().min(0, 'weight must not be negative').max(1000),
  curve,
});

const bands = z
  .strictObject({
    healthyFrom: z.number().min(0).max(100),
    atRiskBelow: z.number().min(0).max(100),
  })
  .refine((value) => value.atRiskBelow <= value.healthyFrom, 'atRiskBelow must not exceed healthyFrom');

const segmentModel = z.strictObject({
  bands,
  components: z
    .strictObject(Object.fromEntries(HEALTH_COMPONENTS.map((key) => [key, componentModel])) as Record<(typeof HEALTH_COMPONENTS)[number], typeof componentModel>)
    .refine((components) => Object.values(components).some((component) => component.weight > 0), 'at least one weight must be positive'),
});

/** The health model file: weights, thresholds and bands per segment, and when to raise alerts. */
export const healthModelSchema = z.strictObject({
  version: z.string().min(1).max(40),
  /** The usage window, in days, that usage components and benchmarks look at. */
  usageWindowDays: z.number().int().min(1).max(365),
  alerts: z.strictObject({
    /** A fall of at least this many points between two days raises an alert (band drops always do). */
    minScoreDrop: z.number().positive().max(100),
  }),
  segments: z.strictObject(Object.fromEntries(SEGMENTS.map((segment) => [segment, segmentModel])) as Record<(typeof SEGMENTS)[number], typeof segmentModel>),
});

export type HealthModel = z.output<typeof healthModelSchema>;
export type SegmentModel = HealthModel['segments'][keyof HealthModel['segments']];
export type ComponentModel = z.output<typeof componentModel>;

export class HealthModelError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid health model:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'HealthModelError';
  }
}

/**
 * Validates a health model. An invalid one is refused with every problem listed, each naming
 * its entry (`segments.SMB.components.CSAT.curve: point values must strictly increase`).
 */
export function parseHealthModel(raw: unknown): HealthModel {
  const parsed = healthModelSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new HealthModelError(
    parsed.error.issues.map((issue) => {
      const path = [...issue.path.map(String), ...(issue.code === 'unrecognized_keys' ? issue.keys : [])].join('.');
      return `${path || 'model'}: ${issue.message}`;
    }),
  );
}

import { HEALTH_COMPONENTS } from '../../subgraphs/accounts/health/components';
import defaultHealthModel from '../../subgraphs/accounts/health/health-model.json';
import { HealthModelError, parseHealthModel } from '../../subgraphs/accounts/health/model-schema';
import { createHealthFeature } from '../../subgraphs/accounts/health/feature';
import { createLogger } from '../../subgraphs/kit/logger';
import { createServiceMetrics } from '../../subgraphs/kit/metrics';
import { openStore } from '../../subgraphs/kit/store/open-store';
import type { SubgraphDeps } from '../../subgraphs/kit/subgraph-service';
import { copyOfDefaultModel } from '../helpers/health';

/** The model file's shape, loose enough to break in a test. */
interface RawModel {
  alerts: { minScoreDrop: number };
  segments: Record<string, { bands: unknown; components: Record<string, { weight: number; curve: number[][] }> } | undefined>;
}

/** The shipped model with one change applied to a copy. */
function modelWith(change: (model: RawModel) => void): unknown {
  const model = structuredClone(defaultHealthModel) as unknown as RawModel;
  change(model);
  return model;
}

function problemsOf(raw: unknown): string[] {
  try {
    parseHealthModel(raw);
  } catch (error) {
    if (error instanceof HealthModelError) return [...error.problems];
    throw error;
  }
  return [];
}

describe('the health model file', () => {
  it('ships a valid model with weights for every component in every segment', () => {
    const model = copyOfDefaultModel();
    expect(Object.keys(model.segments).sort()).toEqual(['ENTERPRISE', 'MID_MARKET', 'SMB']);
    expect(Object.keys(model.segments['SMB']!.components)).toHaveLength(HEALTH_COMPONENTS.length);
  });

  it('names a curve whose values do not increase', () => {
    const raw = modelWith((model) => {
      model.segments['SMB']!.components['CSAT']!.curve = [[0.9, 0], [0.5, 100]];
    });
    expect(problemsOf(raw)).toEqual(['segments.SMB.components.CSAT.curve: point values must strictly increase']);
  });

  it('names a negative weight and a score outside 0–100', () => {
    const raw = modelWith((model) => {
      model.segments['ENTERPRISE']!.components['USAGE_DEPTH']!.weight = -1;
      model.segments['MID_MARKET']!.components['URGENT_TICKETS']!.curve[0]![1] = 120;
    });
    expect(problemsOf(raw)).toEqual([
      'segments.ENTERPRISE.components.USAGE_DEPTH.weight: weight must not be negative',
      'segments.MID_MARKET.components.URGENT_TICKETS.curve.0.1: scores are 0–100',
    ]);
  });

  it('names a missing component, an unknown one and a missing segment', () => {
    const raw = modelWith((model) => {
      delete model.segments['SMB']!.components['CERTIFIED_USERS'];
      model.segments['SMB']!.components['NPS'] = { weight: 1, curve: [[0, 0], [1, 100]] };
      delete model.segments['MID_MARKET'];
    });
    const problems = problemsOf(raw);
    expect(problems).toContainEqual(expect.stringMatching(/^segments\.SMB\.components\.CERTIFIED_USERS: /));
    expect(problems).toContainEqual(expect.stringMatching(/^segments\.SMB\.components\.NPS: /));
    expect(problems).toContainEqual(expect.stringMatching(/^segments\.MID_MARKET: /));
  });

  it('names bands whose at-risk threshold is above the healthy one', () => {
    const raw = modelWith((model) => {
      model.segments['ENTERPRISE']!.bands = { healthyFrom: 40, atRiskBelow: 60 };
    });
    expect(problemsOf(raw)).toEqual(['segments.ENTERPRISE.bands: atRiskBelow must not exceed healthyFrom']);
  });

  it('refuses a segment whose weights are all zero', () => {
    const raw = modelWith((model) => {
      for (const component of Object.values(model.segments['SMB']!.components)) component.weight = 0;
    });
    expect(problemsOf(raw)).toEqual(['segments.SMB.components: at least one weight must be positive']);
  });

  it('stops the feature from starting with the bad entry in the message', async () => {
    const raw = modelWith((model) => {
      model.alerts.minScoreDrop = 0;
    });
    const store = await openStore({});
    const deps = { logger: createLogger({ level: 'silent' }) } as unknown as SubgraphDeps;
    const started = createHealthFeature({ deps, database: store.db('health_model'), metrics: createServiceMetrics('accounts'), usage: { summaries: async () => new Map() }, model: raw });
    await expect(started).rejects.toThrow(/alerts\.minScoreDrop/);
    await store.close();
  });
});

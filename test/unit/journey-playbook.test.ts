import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createJourneySubgraph } from '../../subgraphs/journey/server';
import { loadPlaybook } from '../../subgraphs/journey/playbook';
import { parsePlaybook, PlaybookError } from '../../subgraphs/journey/playbook-schema';
import { createLogger } from '../../subgraphs/kit/logger';
import { openStore } from '../../subgraphs/kit/store/open-store';
import type { SubgraphDeps } from '../../subgraphs/kit/subgraph-service';
import { rawDefaultPlaybook } from '../helpers/journey';
import { testConfig } from '../helpers/stack';

/** The playbook file's shape, loose enough to break in a test. */
interface RawPlaybook {
  version?: unknown;
  stages: Array<Record<string, unknown> & { when?: Array<Record<string, unknown>> }>;
  atRisk: { when: Array<Record<string, unknown>> };
  onboardingTasks: Array<Record<string, unknown>>;
  [section: string]: unknown;
}

/** The shipped playbook with one change applied to a copy. */
function playbookWith(change: (playbook: RawPlaybook) => void): unknown {
  const playbook = rawDefaultPlaybook() as unknown as RawPlaybook;
  change(playbook);
  return playbook;
}

function problemsOf(raw: unknown): string[] {
  try {
    parsePlaybook(raw);
  } catch (error) {
    if (error instanceof PlaybookError) return [...error.problems];
    throw error;
  }
  return [];
}

/** The rule of a stage in the shipped playbook. */
const stageRule = (playbook: RawPlaybook, stage: string) => playbook.stages.find((rule) => rule['stage'] === stage)!;
const task = (playbook: RawPlaybook, key: string) => playbook.onboardingTasks.find((template) => template['key'] === key)!;

describe('the journey playbook file', () => {
  it('ships a valid playbook: every stage once, ADOPTION last as the fallback', () => {
    const playbook = parsePlaybook(rawDefaultPlaybook());
    expect(playbook.stages.map((rule) => rule.stage)).toEqual(['ONBOARDING', 'RENEWAL', 'ADVOCACY', 'VALUE', 'ADOPTION']);
    expect(playbook.stages.at(-1)?.when).toBeUndefined();
    expect(playbook.onboardingTasks.length).toBeGreaterThan(5);
  });

  it('names the stage rule, alternative and condition of a bad threshold', () => {
    const raw = playbookWith((playbook) => {
      stageRule(playbook, 'VALUE').when![0]!['minAccountTenureDays'] = -5;
    });
    expect(problemsOf(raw)).toEqual(['stages[3] (VALUE).when[0].minAccountTenureDays: must be a whole number of days from 0 to 36500']);
  });

  it('names a misspelt condition and lists the known ones', () => {
    const raw = playbookWith((playbook) => {
      stageRule(playbook, 'VALUE').when![0] = { minTenureDays: 90, healthBands: ['HEALTHY'] };
    });
    const [problem, ...rest] = problemsOf(raw);
    expect(rest).toEqual([]);
    expect(problem).toMatch(/^stages\[3\] \(VALUE\)\.when\[0\]\.minTenureDays: is not a known condition; use segments, minAccountTenureDays, /);
  });

  it('names a minimum above its maximum, an empty set of conditions and an unknown band', () => {
    const raw = playbookWith((playbook) => {
      stageRule(playbook, 'ONBOARDING').when![2] = { minUserTenureDays: 20, maxUserTenureDays: 13 };
      stageRule(playbook, 'RENEWAL').when![0] = {};
      stageRule(playbook, 'ADVOCACY').when![1]!['healthBands'] = ['GREAT'];
    });
    expect(problemsOf(raw)).toEqual([
      'stages[0] (ONBOARDING).when[2].minUserTenureDays: must not exceed maxUserTenureDays (20 > 13)',
      'stages[1] (RENEWAL).when[0]: must set at least one condition',
      'stages[2] (ADVOCACY).when[1].healthBands[0]: must be one of HEALTHY, NEUTRAL, AT_RISK',
    ]);
  });

  it('refuses a renewal window beyond two years and a repeated segment', () => {
    const raw = playbookWith((playbook) => {
      stageRule(playbook, 'RENEWAL').when![0]!['renewalWithinDays'] = 1000;
      stageRule(playbook, 'ONBOARDING').when![1]!['segments'] = ['SMB', 'SMB'];
    });
    expect(problemsOf(raw)).toEqual([
      'stages[0] (ONBOARDING).when[1].segments: must not repeat a value',
      'stages[1] (RENEWAL).when[0].renewalWithinDays: must be a whole number of days from 0 to 730',
    ]);
  });

  it('names a number written as text', () => {
    const raw = playbookWith((playbook) => {
      task(playbook, 'invite-team')['completesWhen'] = { signal: 'ACTIVE_USERS_7D', atLeast: '3' };
    });
    expect(problemsOf(raw)).toEqual(['onboardingTasks[2] (invite-team).completesWhen.atLeast: must be a whole number from 1 to 1000000']);
  });

  it('refuses a repeated stage and names the missing one', () => {
    const raw = playbookWith((playbook) => {
      stageRule(playbook, 'ADVOCACY')['stage'] = 'VALUE';
    });
    expect(problemsOf(raw)).toEqual(['stages[3] (VALUE).stage: repeats the stage of stages[2]', 'stages: must give a rule for every stage; missing ADVOCACY']);
  });

  it('refuses conditions on the last stage, and a stage without conditions before it', () => {
    const raw = playbookWith((playbook) => {
      stageRule(playbook, 'ADOPTION')['when'] = [{ maxAccountTenureDays: 90 }];
      delete stageRule(playbook, 'RENEWAL')['when'];
    });
    expect(problemsOf(raw)).toEqual([
      'stages[1] (RENEWAL).when: must list at least one set of conditions (only the last stage, the fallback, has none)',
      'stages[4] (ADOPTION).when: must be left out: the last stage is the fallback, taken when no other applies',
    ]);
  });

  it('names an onboarding task by its key: an unknown signal and a target of 0', () => {
    const raw = playbookWith((playbook) => {
      task(playbook, 'first-course')['completesWhen'] = { signal: 'LOGINS', atLeast: 0 };
    });
    expect(problemsOf(raw)).toEqual([
      'onboardingTasks[3] (first-course).completesWhen.signal: must be one of COURSES_COMPLETED, ACTIVE_USERS_7D, QUESTIONS_ASKED, COMMUNITY_MEMBERS, CERTIFIED_USERS',
      'onboardingTasks[3] (first-course).completesWhen.atLeast: must be a whole number from 1 to 1000000',
    ]);
  });

  it('refuses a repeated task key', () => {
    const raw = playbookWith((playbook) => {
      task(playbook, 'first-question')['key'] = 'invite-team';
    });
    expect(problemsOf(raw)).toEqual(['onboardingTasks[4] (invite-team).key: repeats the key of onboardingTasks[2]']);
  });

  it('names missing fields of a task and an unknown section of the file', () => {
    const raw = playbookWith((playbook) => {
      delete task(playbook, 'share-story')['title'];
      task(playbook, 'share-story')['stages'] = [];
      playbook['recommendation'] = [];
    });
    expect(problemsOf(raw)).toEqual([
      'onboardingTasks[10] (share-story).title: is required',
      'onboardingTasks[10] (share-story).stages: must list at least one value',
      'recommendation: Unrecognized key: "recommendation"',
    ]);
  });

  it('names a missing version and a missing at-risk rule', () => {
    const raw = playbookWith((playbook) => {
      delete playbook.version;
      delete (playbook as Partial<RawPlaybook>).atRisk;
    });
    expect(problemsOf(raw)).toEqual(['version: is required', 'atRisk: is required']);
  });

  describe('loading a file (HUB_JOURNEY_PLAYBOOK_PATH)', () => {
    const directory = mkdtempSync(join(tmpdir(), 'journey-playbook-'));
    afterAll(() => rmSync(directory, { recursive: true, force: true }));
    const write = (name: string, content: string) => {
      const path = join(directory, name);
      writeFileSync(path, content);
      return path;
    };

    it('reads and validates the file it is given', async () => {
      const path = write('good.json', JSON.stringify(playbookWith((playbook) => void (playbook.version = 'custom-1'))));
      expect((await loadPlaybook(path)).version).toBe('custom-1');
    });

    it('uses the shipped playbook without a path', async () => {
      expect((await loadPlaybook(undefined)).version).toBe('2026-11');
    });

    it('refuses a file that is not JSON, and one that cannot be read, naming the file', async () => {
      const broken = write('broken.json', '{ "version": ');
      await expect(loadPlaybook(broken)).rejects.toThrow(new RegExp(`Invalid journey playbook \\(${broken}\\):\\n  - is not valid JSON`));
      await expect(loadPlaybook(join(directory, 'missing.json'))).rejects.toThrow(/missing\.json\):\n {2}- cannot be read: ENOENT/);
    });

    it('stops the journey subgraph from starting, with the bad rule in the message', async () => {
      const path = write('bad.json', JSON.stringify(playbookWith((playbook) => void (stageRule(playbook, 'VALUE').when![0]!['minAccountTenureDays'] = 1.5))));
      const store = await openStore({});
      const deps = { config: testConfig({ HUB_JOURNEY_PLAYBOOK_PATH: path }), logger: createLogger({ level: 'silent' }), store } as unknown as SubgraphDeps;
      await expect(createJourneySubgraph(deps)).rejects.toThrow(/stages\[3\] \(VALUE\)\.when\[0\]\.minAccountTenureDays: must be a whole number of days/);
      await store.close();
    });
  });
});

import { parsePlaybook, PlaybookError } from '../../subgraphs/journey/playbook-schema';
import { rawDefaultPlaybook } from '../helpers/journey';

interface RawSections {
  recommendations: { otherLanguageFactor: unknown; rules: Array<Record<string, unknown>> };
  advocates: Record<string, unknown> & { points: Record<string, unknown> };
  dormantUsers: Record<string, unknown>;
}

function problemsWith(change: (playbook: RawSections) => void): string[] {
  const raw = rawDefaultPlaybook() as unknown as RawSections;
  change(raw);
  try {
    parsePlaybook(raw);
  } catch (error) {
    if (error instanceof PlaybookError) return [...error.problems];
    throw error;
  }
  return [];
}

const ruleOf = (playbook: RawSections, key: string) => playbook.recommendations.rules.find((rule) => rule['key'] === key)!;

describe('the playbook sections for recommendations, advocates and dormant users', () => {
  it('ships valid sections', () => {
    expect(problemsWith(() => undefined)).toEqual([]);
  });

  it('names the rule of a placeholder its kind does not fill, and lists those it does', () => {
    expect(problemsWith((playbook) => void (ruleOf(playbook, 'getting-started-articles')['reason'] = 'Read by {peerCount} admins'))).toEqual([
      'recommendations.rules[2] (getting-started-articles).reason: uses {peerCount}, which ARTICLE rules do not fill; use {title}, {viewCount}, {persona}, {daysToRenewal}',
    ]);
  });

  it('allows {peersWithinDays} only with the option', () => {
    expect(problemsWith((playbook) => void delete ruleOf(playbook, 'first-month-courses')['peersWithinDays'])).toEqual([
      'recommendations.rules[1] (first-month-courses).reason: uses {peersWithinDays}, which COURSE rules do not fill; use {title}, {level}, {peers}, {peerCount}, {persona}, {daysToRenewal}',
    ]);
  });

  it('names an option that does not fit the kind, a bad weight and an unknown kind', () => {
    expect(
      problemsWith((playbook) => {
        ruleOf(playbook, 'upcoming-events')['levels'] = ['BEGINNER'];
        ruleOf(playbook, 'next-level-courses')['weight'] = 0;
        ruleOf(playbook, 'advocacy-stories')['kind'] = 'PODCAST';
      }),
    ).toEqual([
      'recommendations.rules[3] (next-level-courses).weight: must be a whole number from 1 to 100',
      'recommendations.rules[4] (upcoming-events).levels: applies only to COURSE rules, not EVENT',
      'recommendations.rules[7] (advocacy-stories).kind: must be one of UNFINISHED_COURSE, COURSE, ARTICLE, CUSTOMER_STORY, EVENT',
    ]);
  });

  it('names a repeated rule key and an out-of-range language factor', () => {
    expect(problemsWith((playbook) => void (ruleOf(playbook, 'advocacy-stories')['key'] = 'renewal-stories'))).toEqual([
      'recommendations.rules[7] (renewal-stories).key: repeats the key of recommendations.rules[5]',
    ]);
    expect(problemsWith((playbook) => void (playbook.recommendations.otherLanguageFactor = 2))).toEqual(['recommendations.otherLanguageFactor: must be a number from 0 to 1']);
  });

  it('names bad advocate thresholds and dormant-user settings', () => {
    expect(
      problemsWith((playbook) => {
        playbook.advocates['healthBands'] = ['THRIVING'];
        playbook.advocates.points['acceptedAnswer'] = -1;
        playbook.dormantUsers['defaultInactiveDays'] = 0;
        playbook.dormantUsers['suggestedFeature'] = 3;
      }),
    ).toEqual([
      'advocates.healthBands[0]: must be one of HEALTHY, NEUTRAL, AT_RISK',
      'advocates.points.acceptedAnswer: must be a whole number from 0 to 100',
      'dormantUsers.defaultInactiveDays: must be a whole number of days from 1 to 3650',
      'dormantUsers.suggestedFeature: Unrecognized key: "suggestedFeature"',
    ]);
  });
});

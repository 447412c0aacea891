import type { AdvocatesSection } from './playbook-sections';
import type { CatalogStory, Population } from './population-model';
import { plural } from './wording';

/** `AdvocateCandidate`. */
export interface AdvocateCandidate {
  user: { id: string };
  score: number;
  evidence: string[];
}

/** Customer stories per author, public and account-only alike: staff read the list. */
function storiesByMember(stories: readonly CatalogStory[]): Map<string, CatalogStory[]> {
  const byMember = new Map<string, CatalogStory[]>();
  for (const story of stories) {
    const list = byMember.get(story.authorMemberId) ?? [];
    list.push(story);
    byMember.set(story.authorMemberId, list);
  }
  return byMember;
}

/**
 * Users who could speak for the product, best first: users of an account in one of the playbook's
 * health bands with at least `minCompletedCourses` completed courses and `minContributions`
 * accepted answers and customer stories together. The score adds the playbook's points for each;
 * the evidence states every number it rests on.
 */
export function findAdvocates(rules: AdvocatesSection, population: Population): AdvocateCandidate[] {
  const stories = storiesByMember(population.stories);
  const candidates: AdvocateCandidate[] = [];
  for (const user of population.users) {
    const account = population.accounts.get(user.accountId);
    if (!account?.healthBand || account.healthScore === null || !rules.healthBands.includes(account.healthBand)) continue;
    const written = user.memberId ? (stories.get(user.memberId) ?? []) : [];
    const contributions = user.acceptedAnswers + written.length;
    if (user.completedCourses < rules.minCompletedCourses || contributions < rules.minContributions) continue;
    const { completedCourse, acceptedAnswer, customerStory } = rules.points;
    const evidence = [`Account health ${account.healthBand} (${Math.round(account.healthScore)})`];
    if (user.completedCourses > 0) evidence.push(`Completed ${plural(user.completedCourses, 'course')}`);
    if (user.acceptedAnswers > 0) evidence.push(plural(user.acceptedAnswers, 'accepted answer'));
    evidence.push(...written.map((story) => `Wrote the customer story '${story.title}'`));
    candidates.push({
      user: { id: user.id },
      score: user.completedCourses * completedCourse + user.acceptedAnswers * acceptedAnswer + written.length * customerStory,
      evidence,
    });
  }
  return candidates.sort((a, b) => b.score - a.score || a.user.id.localeCompare(b.user.id));
}

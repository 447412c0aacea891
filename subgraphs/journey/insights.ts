import type DataLoader from 'dataloader';
import type { Identity } from '../kit/auth';
import { errors } from '../kit/errors';
import { parseInput } from '../kit/validation';
import { findAdvocates, type AdvocateCandidate } from './advocates';
import { findDormantUsers, type DormantUser } from './dormant';
import { advocateCandidatesArguments, dormantUsersArguments, recommendationsArguments } from './inputs';
import type { Learner } from './learner-reader';
import type { JourneyOfUser } from './model';
import type { Playbook } from './playbook-schema';
import { journeyPolicy } from './policy';
import type { PopulationCache } from './population-cache';
import { indexOf } from './population-index';
import { recommend, type Recommendation } from './recommendations';

/**
 * Recommendations, advocate candidates and dormant users, for one request. Arguments and the
 * caller's rights are checked before anything is read. Per request, the population view costs no
 * read at all (it is shared for a few minutes) and the learners whose recommendations are asked
 * for cost one batched graph query.
 */
export class JourneyInsights {
  constructor(
    readonly identity: Identity,
    readonly playbook: Playbook,
    private readonly population: PopulationCache,
    private readonly learners: DataLoader<string, Learner | null>,
    readonly now: Date = new Date(),
  ) {}

  async recommendations(journey: JourneyOfUser, args: unknown): Promise<Recommendation[]> {
    const { first } = parseInput(recommendationsArguments, args);
    // Checked again: the journey may have been reached by any path.
    journeyPolicy.assertCanReadJourney(this.identity, journey.userId, journey.accountId);
    if (first === 0) return [];
    const [learner, population] = await Promise.all([this.learners.load(journey.userId), this.population.get()]);
    if (!learner) throw errors.notFound('User', journey.userId);
    const subject = { stage: journey.stage, segment: journey.segment, daysToRenewal: journey.daysToRenewal, learner, now: this.now };
    return recommend(this.playbook.recommendations, subject, population, indexOf(population), first);
  }

  async advocateCandidates(args: unknown): Promise<AdvocateCandidate[]> {
    const { first, after } = parseInput(advocateCandidatesArguments, args);
    journeyPolicy.assertCanReadStaffLists(this.identity, 'advocateCandidates');
    if (first === 0) return [];
    const candidates = findAdvocates(this.playbook.advocates, await this.population.get());
    const start = after === undefined ? 0 : candidates.findIndex((candidate) => candidate.user.id === after) + 1;
    if (start === 0 && after !== undefined) throw errors.badUserInput([{ field: 'after', message: 'is not an advocate candidate' }]);
    return candidates.slice(start, start + first);
  }

  async dormantUsers(args: unknown): Promise<DormantUser[]> {
    const { inactiveDays, first, order } = parseInput(dormantUsersArguments, args);
    journeyPolicy.assertCanReadStaffLists(this.identity, 'dormantUsers');
    if (first === 0) return [];
    const { defaultInactiveDays, suggestedFeatures } = this.playbook.dormantUsers;
    const population = await this.population.get();
    const dormant = findDormantUsers(population, { inactiveDays: inactiveDays ?? defaultInactiveDays, suggestedFeatures, now: this.now });
    // Ties stay in id order, as in the longest-first order.
    if (order === 'RECENTLY_DORMANT') dormant.sort((a, b) => a.inactiveDays - b.inactiveDays || a.user.id.localeCompare(b.user.id));
    return dormant.slice(0, first);
  }
}

import type { Identity } from '../kit/auth';
import type { JourneyOfUser, OnboardingChecklist } from './model';
import { buildChecklist } from './onboarding';
import type { Playbook } from './playbook-schema';
import { journeyPolicy } from './policy';
import type { JourneyRepository } from './repository';
import { accountSignalsOf, userSignalsOf } from './signals';
import { accountStage, computeJourney } from './stages';

/** An entity as the gateway sends it: its key and the `@requires` fields, still unchecked. */
export interface EntityRepresentation {
  id: string;
  [field: string]: unknown;
}

/** The account a user representation names, if it names one. */
function accountIdOf(representation: EntityRepresentation): string | undefined {
  const account = representation['account'];
  const id = typeof account === 'object' && account !== null ? (account as Record<string, unknown>)['id'] : undefined;
  return typeof id === 'string' ? id : undefined;
}

/**
 * The journey subgraph's read rules, for one request. Everything it reads about users and
 * accounts arrives in the representations (`@requires`); only hand-marked task completions come
 * from its own store, through this request's loader.
 */
export class JourneyService {
  private readonly loaders: ReturnType<JourneyRepository['createLoaders']>;

  constructor(
    readonly identity: Identity,
    readonly repository: JourneyRepository,
    readonly playbook: Playbook,
    /** "Today" for the whole request, so every journey of one answer agrees on it. */
    readonly now: Date = new Date(),
  ) {
    this.loaders = repository.createLoaders();
  }

  /**
   * An `_entities` lookup of a user, authorized like a root field. Async so a refusal rejects this
   * one representation instead of failing the whole `_entities` list.
   */
  async user(representation: EntityRepresentation): Promise<EntityRepresentation> {
    journeyPolicy.assertCanReadJourney(this.identity, representation.id, accountIdOf(representation));
    return representation;
  }

  journey(representation: EntityRepresentation): JourneyOfUser {
    // Checked again: a field must not rely on how its parent was reached.
    journeyPolicy.assertCanReadJourney(this.identity, representation.id, accountIdOf(representation));
    const { accountId, account, user } = userSignalsOf(representation);
    return { ...computeJourney(this.playbook, account, user, this.now), userId: representation.id, accountId, segment: account.segment };
  }

  /** An `_entities` lookup of an account, authorized like a root field. */
  async account(representation: EntityRepresentation): Promise<EntityRepresentation> {
    journeyPolicy.assertCanReadOnboarding(this.identity, representation.id);
    return representation;
  }

  async onboarding(representation: EntityRepresentation): Promise<OnboardingChecklist> {
    // Checked again: a field must not rely on how its parent was reached.
    journeyPolicy.assertCanReadOnboarding(this.identity, representation.id);
    const { account, counts } = accountSignalsOf(representation);
    const completions = await this.loaders.completionsOfAccount.load(representation.id);
    const stage = accountStage(this.playbook, account, this.now);
    return buildChecklist(this.playbook, { stage, segment: account.segment, signals: counts }, completions);
  }

  /** Forgets an account's cached completions after a write in the same request. */
  forget(accountId: string): void {
    this.loaders.completionsOfAccount.clear(accountId);
  }
}

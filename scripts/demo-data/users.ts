import type { ExternalId, Persona, Segment, UserDocument } from '../../subgraphs/accounts/model';
import type { AccountPlan } from './account-plans';
import { chooseFirstSeenAt, chooseLastSeenAt } from './activity';
import { daysBefore, latest } from './dates';
import { withExternalKeys, type ExternalIdFactory } from './external-ids';
import { accountId, userId } from './ids';
import { JOB_TITLES, languageOf } from './names';
import { claimEmail, pickEmailStyle, pickPerson } from './people';
import type { Random } from './random';

/** Shared across the whole dataset: e-mail addresses are unique across all users. */
export interface UserContext {
  random: Random;
  externalIds: ExternalIdFactory;
  takenEmails: Set<string>;
  now: Date;
  /** Multiplies team sizes; 1 for the demo, more for benchmark datasets. */
  teamScale: number;
}

export function generateUsers(context: UserContext, plan: AccountPlan): UserDocument[] {
  const { random, now } = context;
  const language = languageOf(plan.company.locale);
  const personas = planPersonas(random, plan, context.teamScale);
  const earlyMembers = pickEarlyCommunityMembers(random, plan, personas);
  const emailStyle = pickEmailStyle(random, language);
  const takenNames = new Set<string>();

  return personas.map((persona, index): UserDocument => {
    const person = pickPerson(random, language, takenNames);
    const domain = random.chance(0.3) ? random.pick(plan.company.domains) : plan.company.domains[0];
    const email = claimEmail(person, emailStyle, domain, context.takenEmails);
    const firstSeenAt = chooseFirstSeenAt(random, plan, persona, earlyMembers.has(index), now);
    // Admins keep the product running, so they stay active unless the whole account is fading.
    const mustBeActive = persona === 'ADMIN' && !plan.isDeclining;
    const lastSeenAt = chooseLastSeenAt(random, plan, firstSeenAt, mustBeActive, now);
    const externalIds = userExternalIds(context, plan, persona);
    const syncedAt = externalIds.length > 0 ? random.dateBetween(latest(firstSeenAt, daysBefore(now, 10)), now) : null;
    return {
      _id: userId(plan.number, index + 1),
      accountId: accountId(plan.number),
      email,
      name: person.fullName,
      title: persona === 'END_USER' && random.chance(0.15) ? null : random.pick(JOB_TITLES[language][persona]),
      persona,
      locale: plan.company.locale,
      firstSeenAt,
      lastSeenAt,
      ...withExternalKeys(externalIds),
      syncedAt,
      createdAt: firstSeenAt,
      updatedAt: latest(firstSeenAt, lastSeenAt ?? firstSeenAt, syncedAt ?? firstSeenAt),
    };
  });
}

type Range = readonly [min: number, max: number];

/** How many people of each kind a company of each segment has in the product. */
const TEAM_SIZES: Readonly<Record<Segment, { users: Range; admins: Range; developers: Range }>> = {
  ENTERPRISE: { users: [30, 50], admins: [2, 2], developers: [4, 8] },
  MID_MARKET: { users: [12, 28], admins: [1, 2], developers: [2, 4] },
  SMB: { users: [5, 12], admins: [1, 1], developers: [0, 1] },
};

/** Admins first, then the champion and an executive, a few developers, and many end users. */
function planPersonas(random: Random, plan: AccountPlan, teamScale: number): Persona[] {
  const size = TEAM_SIZES[plan.segment];
  // Prospects are trialling with a handful of people whatever their size.
  const users = plan.stage === 'PROSPECT' ? random.int(5, 8) : Math.round(random.int(...size.users) * teamScale);
  const admins = random.int(...size.admins);
  const developers = Math.min(random.int(...size.developers), users - admins - 3);
  const endUsers = users - admins - 2 - developers;
  return [
    ...Array<Persona>(admins).fill('ADMIN'),
    'CHAMPION',
    'EXECUTIVE',
    ...Array<Persona>(developers).fill('DEVELOPER'),
    ...Array<Persona>(endUsers).fill('END_USER'),
  ];
}

/** Indexes of the users who joined the community before their company became a customer. */
function pickEarlyCommunityMembers(random: Random, plan: AccountPlan, personas: Persona[]): Set<number> {
  if (!plan.hasEarlyCommunityMembers) return new Set();
  const candidates = personas.flatMap((persona, index) => (persona === 'ADMIN' || persona === 'EXECUTIVE' ? [] : [index]));
  return new Set(random.shuffle(candidates).slice(0, random.int(1, 3)));
}

function userExternalIds({ random, externalIds }: UserContext, plan: AccountPlan, persona: Persona): ExternalId[] {
  const ids: ExternalId[] = [];
  if (plan.isInSalesforce && (persona === 'ADMIN' || persona === 'CHAMPION' || persona === 'EXECUTIVE')) {
    ids.push(externalIds.salesforceContact());
  }
  // Only people who have filed a ticket exist in the help desk.
  if (plan.isInZendesk && random.chance(0.4)) ids.push(externalIds.zendeskUser());
  return ids;
}

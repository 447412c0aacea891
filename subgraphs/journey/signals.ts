import { z } from 'zod';
import { id } from '../kit/input-fields';
import { parseInput } from '../kit/validation';
import { HEALTH_BANDS, SEGMENTS, type AccountSignals, type OnboardingSignalValues, type UserSignals } from './model';

/**
 * The `@requires` fields as they arrive in an entity representation. The gateway fetches them from
 * their owners, but anyone who reaches this subgraph directly can send a representation, so they
 * are validated like any other input.
 */

const dateTime = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time' }).transform((value) => new Date(value));
const count = z.number().int('must be a whole number').min(0, 'must be 0 or more');

/**
 * A summary another subgraph could not give (it failed, or refused the caller) arrives as null or
 * not at all: the journey then counts it as "nothing yet" rather than failing as a whole.
 */
const missingAsNull = <S extends z.ZodType>(schema: S) => schema.nullish().transform((value) => value ?? null);

const accountFields = {
  id,
  segment: z.enum(SEGMENTS),
  tenureDays: count.nullable(),
  renewalDate: missingAsNull(dateTime),
  health: missingAsNull(z.object({ band: z.enum(HEALTH_BANDS) })),
};

export const userRepresentation = z.object({
  id,
  firstSeenAt: dateTime,
  account: z.object(accountFields),
  learning: missingAsNull(z.object({ completedCourses: z.object({ totalCount: count }) })),
  community: missingAsNull(z.object({ points: count })),
});

export const accountRepresentation = z.object({
  ...accountFields,
  learning: missingAsNull(z.object({ completionCount: count, certifiedUsers: count })),
  community: missingAsNull(z.object({ members: count, questions: count })),
  usageReport: missingAsNull(z.object({ activeUsers: count })),
});

type AccountRepresentation = z.output<typeof accountRepresentation>;

function accountSignals(account: Pick<AccountRepresentation, 'segment' | 'tenureDays' | 'renewalDate' | 'health'>): AccountSignals {
  return { segment: account.segment, tenureDays: account.tenureDays, renewalDate: account.renewalDate, healthBand: account.health?.band ?? null };
}

/** A user's and their account's signals from a `User` representation; BAD_USER_INPUT naming the bad field. */
export function userSignalsOf(representation: unknown): { accountId: string; account: AccountSignals; user: UserSignals } {
  const parsed = parseInput(userRepresentation, representation, 'representation');
  return {
    accountId: parsed.account.id,
    account: accountSignals(parsed.account),
    user: {
      firstSeenAt: parsed.firstSeenAt,
      completedCourses: parsed.learning?.completedCourses.totalCount ?? 0,
      communityPoints: parsed.community?.points ?? null,
    },
  };
}

/** An account's signals and its onboarding counts from an `Account` representation. */
export function accountSignalsOf(representation: unknown): { account: AccountSignals; counts: OnboardingSignalValues } {
  const parsed = parseInput(accountRepresentation, representation, 'representation');
  return {
    account: accountSignals(parsed),
    counts: {
      COURSES_COMPLETED: parsed.learning?.completionCount ?? 0,
      ACTIVE_USERS_7D: parsed.usageReport?.activeUsers ?? 0,
      QUESTIONS_ASKED: parsed.community?.questions ?? 0,
      COMMUNITY_MEMBERS: parsed.community?.members ?? 0,
      CERTIFIED_USERS: parsed.learning?.certifiedUsers ?? 0,
    },
  };
}

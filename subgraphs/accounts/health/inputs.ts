import { z } from 'zod';

/** How many days of history `Account.healthHistory` returns. */
/** How long `recomputeHealth` waits for the run before answering RUNNING (the gateway's timeout is longer). */
export const recomputeWaitInput = z.number().int('must be a whole number').min(0, 'must be at least 0').max(60, 'must be at most 60');

export const historyDaysInput = z.number().int('must be a whole number').min(1, 'must be at least 1').max(365, 'must be at most 365');

/** The moment `Account.healthChange` compares with: a real date, not in the future. */
export const changeSinceInput = (now: Date) =>
  z
    .date('must be a date-time')
    .refine((since) => !Number.isNaN(since.getTime()), 'must be a valid date-time')
    .refine((since) => since.getTime() <= now.getTime(), 'must not be in the future');

/** The moment `healthBacktest` scores: a real date in the past, so that renewals after it can be known. */
export const backtestAsOfInput = (now: Date) =>
  z
    .date('must be a date-time')
    .refine((asOf) => !Number.isNaN(asOf.getTime()), 'must be a valid date-time')
    .refine((asOf) => asOf.getTime() < now.getTime(), 'must be in the past');

import { z } from 'zod';

const dateTime = z.date('must be a date-time').refine((date) => !Number.isNaN(date.getTime()), 'must be a valid date-time');

/** The period `communityInfluence` reports on: `to` strictly after `from`. */
export const influencePeriodArguments = z
  .strictObject({ from: dateTime, to: dateTime })
  .refine((period) => period.to.getTime() > period.from.getTime(), { message: 'must be after from', path: ['to'] });

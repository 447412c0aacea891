import type { ArticleViewDayDocument } from '../../subgraphs/support/model';
import type { AccountProfile } from './context';
import { DAY_MS } from './dates';
import type { Random } from './random';

/** Enough days to fill the 30-day self-service window whatever the hour of `now`. */
const VIEW_HISTORY_DAYS = 35;

function startOfUtcDay(moment: Date): Date {
  return new Date(Date.UTC(moment.getUTCFullYear(), moment.getUTCMonth(), moment.getUTCDate()));
}

/**
 * Daily help-center article views by one account's users. Active users of healthy accounts look
 * things up often; at-risk accounts hardly read the help center and open tickets instead.
 */
export function generateArticleViewDays(random: Random, now: Date, profile: AccountProfile): ArticleViewDayDocument[] {
  const dailyViewsPerActiveUser = profile.isAtRisk ? 0.04 : 0.2;
  const maxViews = Math.round(2 * profile.activeUsers.length * dailyViewsPerActiveUser);
  const today = startOfUtcDay(now);
  const days: ArticleViewDayDocument[] = [];
  for (let daysAgo = 0; daysAgo < VIEW_HISTORY_DAYS; daysAgo += 1) {
    const views = random.int(0, maxViews);
    if (views === 0) continue;
    const day = new Date(today.getTime() - daysAgo * DAY_MS);
    days.push({ _id: `${profile.account._id}:${day.toISOString().slice(0, 10)}`, accountId: profile.account._id, day, views });
  }
  return days;
}

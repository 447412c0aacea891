export const DAY_MS = 86_400_000;

/** A moment `days` days from the current time (negative for the past). */
export function daysFromNow(days: number): Date {
  return new Date(Date.now() + days * DAY_MS);
}

/** A moment `days` days before the current time (negative for the future). */
export function daysAgo(days: number): Date {
  return daysFromNow(-days);
}

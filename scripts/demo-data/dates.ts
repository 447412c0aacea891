export const DAY_MS = 86_400_000;

export function daysBefore(date: Date, days: number): Date {
  return new Date(date.getTime() - days * DAY_MS);
}

export function daysAfter(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

export function earliest(first: Date, ...others: Date[]): Date {
  return others.reduce((min, date) => (date < min ? date : min), first);
}

export function latest(first: Date, ...others: Date[]): Date {
  return others.reduce((max, date) => (date > max ? date : max), first);
}

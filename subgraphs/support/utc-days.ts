/** `2026-04-01`: the UTC day of a moment, as used in view-count ids. */
export function utcDay(moment: Date): string {
  return moment.toISOString().slice(0, 10);
}

export function startOfUtcDay(moment: Date): Date {
  return new Date(`${utcDay(moment)}T00:00:00.000Z`);
}

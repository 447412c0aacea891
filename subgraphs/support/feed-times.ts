/**
 * Tickets and articles keep two clocks. The content feed is ordered by the stored `updatedAt`, and
 * the search index reads it onwards from where it last stopped, so every write the index must see
 * moves `updatedAt` to this server's present. Imports report when the source changed a record,
 * often long before the import runs: that time is what the API's `updatedAt` shows, and it is
 * kept in `contentUpdatedAt` whenever it differs from the feed's time.
 */

/** A write's place in the feed: now, but never at or before the record's previous place. */
export function nextFeedTime(previous: Date | null | undefined, now: Date): Date {
  return previous && previous.getTime() >= now.getTime() ? new Date(previous.getTime() + 1) : now;
}

/** The stored clocks of a write whose API `updatedAt` is `shown`, placed in the feed at `feedTime`. */
export function writeTimes(shown: Date, feedTime: Date): { updatedAt: Date; contentUpdatedAt: Date | null } {
  return { updatedAt: feedTime, contentUpdatedAt: shown.getTime() === feedTime.getTime() ? null : shown };
}

/** What the API calls `updatedAt`: when the record itself last changed. */
export function shownUpdatedAt(record: { updatedAt: Date; contentUpdatedAt?: Date | null }): Date {
  return record.contentUpdatedAt ?? record.updatedAt;
}

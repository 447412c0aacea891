import type { ImportCounts } from './apply-records';

/** One line of what an import wrote, then one line per skipped record. */
export function describeCounts(counts: ImportCounts): string {
  const { created, updated, unchanged } = counts.tickets;
  const lines = [
    `${counts.accounts} organizations → accounts, ${counts.users} users, tickets: ${created} created, ${updated} updated, ${unchanged} unchanged` +
      (counts.articles ? `, ${counts.articles} articles` : '') +
      `, ${counts.skipped.length} skipped`,
    ...counts.skipped.map((reason) => `  skipped ${reason}`),
  ];
  return lines.join('\n');
}

/**
 * Demo ids are derived from positions, so generators for other domains (community, learning,
 * support, contracts) can refer to the same accounts and users without sharing state.
 */
export function accountId(accountNumber: number): string {
  return `acc_${String(accountNumber).padStart(4, '0')}`;
}

export function userId(accountNumber: number, userNumber: number): string {
  return `usr_${String(accountNumber).padStart(4, '0')}_${String(userNumber).padStart(3, '0')}`;
}

/**
 * ROC AUC of a score as a churn predictor: the probability that a randomly picked churned
 * account scored lower than a randomly picked renewed one, ties counting half (the Mann–Whitney
 * U statistic over the pair count). 1 separates perfectly, 0.5 is a coin toss, 0 is backwards.
 * @returns null when either class is empty: there is no pair to compare
 */
export function rocAuc(churnedScores: readonly number[], renewedScores: readonly number[]): number | null {
  if (!churnedScores.length || !renewedScores.length) return null;
  const all = [
    ...churnedScores.map((score) => ({ score, isRenewed: false })),
    ...renewedScores.map((score) => ({ score, isRenewed: true })),
  ].sort((a, b) => a.score - b.score);
  // Average ranks over runs of equal scores make each tie count half a pair.
  let renewedRankSum = 0;
  for (let start = 0; start < all.length; ) {
    let end = start;
    while (end + 1 < all.length && all[end + 1]!.score === all[start]!.score) end += 1;
    const averageRank = (start + end) / 2 + 1;
    for (let index = start; index <= end; index += 1) if (all[index]!.isRenewed) renewedRankSum += averageRank;
    start = end + 1;
  }
  const renewedCount = renewedScores.length;
  const pairsWon = renewedRankSum - (renewedCount * (renewedCount + 1)) / 2;
  return pairsWon / (renewedCount * churnedScores.length);
}

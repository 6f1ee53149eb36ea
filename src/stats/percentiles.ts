/** One bucket of a histogram of whole working days. */
export interface DayCount {
  workingDays: number;
  count: number;
}

/**
 * The exact p-quantile of values given as a histogram: the smallest value whose cumulative
 * count reaches p of the total (the "lower" quantile). Null without data.
 */
export function quantileOf(histogram: readonly DayCount[], p: number): number | null {
  const sorted = [...histogram]
    .filter((bucket) => bucket.count > 0)
    .sort((a, b) => a.workingDays - b.workingDays);
  const total = sorted.reduce((sum, bucket) => sum + bucket.count, 0);
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(p * total));
  let cumulative = 0;
  for (const bucket of sorted) {
    cumulative += bucket.count;
    if (cumulative >= rank) return bucket.workingDays;
  }
  return sorted[sorted.length - 1].workingDays;
}

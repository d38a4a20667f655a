/** The p-quantile of an ascending list (the value at index floor(n·p)); 0 for an empty one. */
export const quantile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

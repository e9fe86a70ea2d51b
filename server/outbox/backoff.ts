// Exponential backoff with full jitter: the n-th retry waits a random time between 0 and
// min(max, base · 2^(n−1)). Full jitter spreads the retries of many items (and of many instances)
// that failed together, so a processor coming back is not hit by all of them at once.
export function retryDelay(attempt: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(Math.max(attempt - 1, 0), 40));
  return Math.floor(random() * ceiling);
}

// The events endpoint's own rate limit: a token bucket per source address, in this process.
// Signed senders are few and steady (the processor); the limit is there so a flood of unsigned
// requests costs little before the signature is even checked. 429 with Retry-After above it.
export interface RateLimiter {
  /** True when a request from `key` may go ahead now. */
  take(key: string, now: number): boolean;
}

export function tokenBucket(perSecond: number, burst = perSecond): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(key, now) {
      const b = buckets.get(key) ?? { tokens: burst, at: now };
      b.tokens = Math.min(burst, b.tokens + ((now - b.at) / 1000) * perSecond);
      b.at = now;
      const ok = b.tokens >= 1;
      if (ok) b.tokens -= 1;
      buckets.set(key, b);
      // Forget full buckets now and then, so many one-off addresses do not pile up.
      if (buckets.size > 10_000) for (const [k, v] of buckets) if (v.tokens >= burst) buckets.delete(k);
      return ok;
    },
  };
}

/**
 * The address a request came from, for per-address rate limits. Behind `proxyHops` trusted
 * proxies (a load balancer), it is the entry that many places from the right of X-Forwarded-For;
 * with none, the socket's own address, so a client cannot pick its address with a header.
 */
export function clientAddress(
  remote: string | undefined,
  forwardedFor: string | string[] | undefined,
  proxyHops: number,
): string {
  const direct = remote ?? 'unknown';
  if (proxyHops <= 0 || forwardedFor === undefined) return direct;
  const chain = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  // chain + direct is every hop; the last proxyHops of them are our proxies.
  const hops = [...chain, direct];
  return hops[Math.max(0, hops.length - 1 - proxyHops)];
}

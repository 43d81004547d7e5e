/** An exception applies through the whole of its `expires` day, in UTC. */
export function isExpired(expires: string | undefined, now: Date): boolean {
  return expires !== undefined && expires < now.toISOString().slice(0, 10);
}

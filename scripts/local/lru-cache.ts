// The local gateway's authorizer cache: bounded, so that a stream of distinct identities cannot grow it.

/** A map of at most `max` entries with expiry; a read refreshes an entry, the least recently read goes first. */
export function lruCache<V>(max: number) {
  const entries = new Map<string, { value: V; expires: number }>();
  return {
    get(key: string, now: number): V | undefined {
      const e = entries.get(key);
      if (!e) return undefined;
      entries.delete(key);
      if (e.expires <= now) return undefined;
      entries.set(key, e);
      return e.value;
    },
    set(key: string, value: V, expires: number): void {
      entries.delete(key);
      entries.set(key, { value, expires });
      // Map keeps insertion order: the first key is the least recently used.
      while (entries.size > max) entries.delete(entries.keys().next().value!);
    },
  };
}

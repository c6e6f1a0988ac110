// The tamper-evident task history (docs/security.md): each entry's `h` is a hash over the previous entry's `h` and
// this entry's own content, so an entry edited, removed or inserted behind the hub's back breaks every link after
// it. Computed by the writer of the entry, in the same write that appends it: no extra write per transition.
import { createHash } from 'node:crypto';
import type { HistoryEntry } from '../../contracts/api/views.ts';

/** 128 bits of SHA-256, base64url: 22 characters on each entry (the history is on the task item: write units). */
const LINK_CHARS = 22;

/** What an entry's link covers, in a fixed order (a stored item's attribute order is not guaranteed). */
function content(e: Omit<HistoryEntry, 'h'>): unknown[] {
  return [e.at, e.from, e.to, e.by, e.person?.id ?? null, e.person?.name ?? null, e.reason ?? null];
}

export function linkOf(previous: string | undefined, entry: Omit<HistoryEntry, 'h'>): string {
  return createHash('sha256').update(JSON.stringify([previous ?? null, ...content(entry)]), 'utf8').digest('base64url').slice(0, LINK_CHARS);
}

/** The entries with their links, continuing the chain after `previous` (the last stored entry's link). */
export function chained<E extends Omit<HistoryEntry, 'h'>>(previous: string | undefined, entries: E[]): (E & { h: string })[] {
  let last = previous;
  return entries.map((e) => {
    const { h: _old, ...plain } = e as E & { h?: string };
    last = linkOf(last, plain);
    return { ...(plain as E), h: last };
  });
}

/**
 * The first entry whose link does not match, or undefined when the chain holds. Entries written before the chain
 * (no `h`) are accepted only at the start of a history: a missing link after a linked entry is a break.
 */
export function firstBrokenLink(history: HistoryEntry[]): { index: number; reason: string } | undefined {
  let previous: string | undefined;
  let linked = false;
  for (const [index, entry] of history.entries()) {
    if (entry.h === undefined) {
      if (linked) return { index, reason: 'link missing after a linked entry' };
      continue;
    }
    const { h, ...plain } = entry;
    if (linkOf(previous, plain) !== h) return { index, reason: 'link does not match the entry and its predecessor' };
    previous = h;
    linked = true;
  }
  return undefined;
}

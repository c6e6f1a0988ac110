// Figures with their evidence, and the statistics the report states. Pure.
import type { Figure } from '../../contracts/api/reports.ts';

/** A count and exactly the ids counted (sorted, unique), built from the same list so the two cannot disagree. */
export function figure(ids: Iterable<string>): Figure {
  const unique = [...new Set(ids)].sort();
  return { count: unique.length, ids: unique };
}

/** The median of a list (the mean of the two middle values for an even count); null for none. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** The nearest-rank percentile: the smallest value with at least p% of the values at or below it; null for none. */
export function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.max(0, Math.ceil((p / 100) * s.length) - 1)]!;
}

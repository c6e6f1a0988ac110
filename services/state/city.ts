// A city's items for the supervisors' reads, by keys only, never a Scan (docs/decisions/0018-supervision-reports.md):
// the institution index lists each institution's children (keys only), each child is one Query of its own partition
// (the child with its tasks and their histories), each institution one Query of its own (its duties), and its
// incoming transfers one Query of their index plus a GetItem each. So a report reads in proportion to the city's own
// children and tasks. The bureau index answers the overdue list and the overview without reading histories.
import type { Institution } from '../../contracts/case.ts';
import { seededInstitutions } from '../seed/institutions.ts';
import type { ChildItem } from './children.ts';
import { childrenOfInstitution, queryOwner, type OwnerItem } from './queries.ts';
import type { TaskItem } from './tasks.ts';
import { getTransfer, transferIdsOf, type TransferItem } from './transfers.ts';

/** How many partitions are read at once: enough to hide the round trips, few enough not to throttle a small table. */
const PARALLEL = 16;

/** Runs `fn` over `items`, at most `limit` at a time, keeping the order. */
export async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) out[i] = await fn(items[i]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

export interface CityState {
  institutions: Institution[];
  children: ChildItem[];
  tasks: TaskItem[];
  transfers: TransferItem[];
}

/** The institutions of a city, or of every city for the region (450000). */
export const institutionsOf = (cityCode: string) =>
  seededInstitutions.filter((i) => cityCode === '450000' || i.cityCode === cityCode);

const isChild = (i: OwnerItem): i is ChildItem => i.entity === 'child';
const isTask = (i: OwnerItem): i is TaskItem => i.entity === 'task';

/** Everything the progress report counts for a city (or the region). */
export async function readCity(cityCode: string): Promise<CityState> {
  const institutions = institutionsOf(cityCode);
  const ids = new Set(institutions.map((i) => i.institutionId));
  const listed = await mapLimit(institutions, PARALLEL, (i) => childrenOfInstitution(i.institutionId));
  const childIds = [...new Set(listed.flat().map((c) => c.childId))];
  const owners = await mapLimit([...institutions.map((i) => i.institutionId), ...childIds], PARALLEL, (id) => queryOwner(id, false));
  const items = owners.flat();
  // The index is eventually consistent: a child just moved may still be listed under its old institution.
  const children = items.filter(isChild).filter((c) => ids.has(c.institutionId));
  const inCity = new Set([...children.map((c) => c.childId), ...ids]);
  const tasks = items.filter(isTask).filter((t) => inCity.has(t.subjectId));
  // Transfers go from a county centre to its own city's institution: the city institutions' incoming list has them all.
  const transferIds = (await mapLimit(institutions.filter((i) => i.kind === 'city-welfare'), PARALLEL, async (i) => (await transferIdsOf(i.institutionId)).incoming)).flat();
  const transfers = (await mapLimit([...new Set(transferIds)], PARALLEL, getTransfer)).filter((t): t is TransferItem => t !== undefined);
  return { institutions, children, tasks, transfers };
}

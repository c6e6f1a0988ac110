// The live progress report of a city (or the region): its items read by keys (services/state/city.ts), then the pure
// report (progress.ts).
import { clock } from '../lib/clock.ts';
import type { ProgressReport } from '../../contracts/api/reports.ts';
import { readCity } from '../state/city.ts';
import { progressReport } from './progress.ts';

export async function liveReport(cityCode: string, period: string, now = clock.now()): Promise<ProgressReport> {
  return progressReport(cityCode, period, await readCity(cityCode), now);
}

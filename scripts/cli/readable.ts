// What a table cell shows a person: China time (the readers' clock, whatever the machine's time zone) and
// organisations by their Chinese names (a principal with its person: services/auth/describe.ts's actorName).
// --json keeps the API's own values.
import { chinaDate, chinaIso } from '../../services/calendar/china-time.ts';
import { findInstitution } from '../../services/cases/institutions.ts';
import { findDepartment } from '../../services/topology.ts';

/** An instant as China time to the second: 2026-12-02 03:54:37. */
export const chinaTime = (iso: string) => chinaIso(new Date(iso)).slice(0, 19).replace('T', ' ');

/** The China date of an instant (a deadline's due day). */
export const chinaDay = (iso: string) => chinaDate(new Date(iso));

export const institutionName = (id: string) => findInstitution(id)?.name ?? id;

export const departmentName = (code: string) => findDepartment(code)?.nameZh ?? code;

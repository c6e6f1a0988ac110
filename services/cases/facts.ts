// A child's facts as they stand now: what staff recorded, plus what departments have since established
// (a certificate number, a hukou, a school). Derived on read from completed tasks, so no second write
// keeps the child item in step with its tasks.
import type { Child } from '../../contracts/case.ts';
import type { TaskView } from '../../contracts/api/views.ts';

interface Feed {
  /** Result field → child fact. */
  fields: Partial<Record<string, keyof Child>>;
  /** Facts that hold once the task completes. */
  set?: Partial<Child>;
}

export const resultFeeds: Record<string, Feed> = {
  'public-security.foundling-report': { fields: { certificateNumber: 'foundlingCertificateNumber' } },
  'public-security.hukou-registration': {
    fields: { hukouRegistrationNumber: 'hukouRegistrationNumber', address: 'hukouAddress', idNumber: 'idNumber' },
    set: { hukouRegistered: true },
  },
  'public-security.hukou-migration': {
    fields: { newHukouAddress: 'hukouAddress', newHukouRegistrationNumber: 'hukouRegistrationNumber' },
  },
  'education.school-placement': {
    fields: { schoolName: 'schoolName', studentRecordNumber: 'studentRecordNumber' },
    set: { inSchool: true },
  },
  'education.school-record-transfer': { fields: { newSchoolName: 'schoolName', studentRecordNumber: 'studentRecordNumber' } },
};

export function effectiveChild(child: Child, tasks: Pick<TaskView, 'type' | 'status' | 'result' | 'updatedAt'>[]): Child {
  const done = tasks.filter((t) => t.status === 'completed' && resultFeeds[t.type]).sort((a, b) => a.updatedAt.localeCompare(b.updatedAt));
  let facts: Child = { ...child };
  for (const t of done) {
    const feed = resultFeeds[t.type]!;
    const result = (t.result ?? {}) as Record<string, unknown>;
    const fed = Object.fromEntries(
      Object.entries(feed.fields).flatMap(([from, to]) => (result[from] === undefined ? [] : [[to, result[from]]])),
    );
    facts = { ...facts, ...feed.set, ...fed };
  }
  return facts;
}

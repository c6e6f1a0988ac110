// An institution's duties in the progress report: its rehab-point certification (二(四)) and its latest fire-safety
// inspection (二(九)), from its own tasks as they stood at the period's end. Results are read through their contracts'
// schemas (a result that does not parse counts as none). Pure.
import type * as z from 'zod/mini';
import type { InstitutionSection } from '../../contracts/api/reports.ts';
import { rehabPointCertificationV1 } from '../../contracts/disability-federation/index.ts';
import { RehabPointCertificationResult } from '../../contracts/disability-federation/rehab-point-certification.v1.ts';
import { safetyInspectionV1 } from '../../contracts/fire-rescue/index.ts';
import { SafetyInspectionResult } from '../../contracts/fire-rescue/safety-inspection.v1.ts';
import { isTerminal } from '../state/lifecycle.ts';
import { statusAt, type ReportTask } from './items.ts';

type Done<R> = { task: ReportTask; result: R };

/** The tasks of a type completed by `end`, with their results as their contract reads them, oldest first. */
function completed<S extends z.ZodMiniType>(tasks: ReportTask[], type: string, schema: S, end: number): Done<z.infer<S>>[] {
  return tasks
    .filter((t) => t.type === type && statusAt(t, end) === 'completed')
    .flatMap((task) => {
      const parsed = schema.safeParse(task.result);
      return parsed.success ? [{ task, result: parsed.data as z.infer<S> }] : [];
    })
    .sort((a, b) => a.task.createdAt.localeCompare(b.task.createdAt));
}

function certification(tasks: ReportTask[], end: number, endDate: string): InstitutionSection['rehabCertification'] {
  const done = completed(tasks, rehabPointCertificationV1.type, RehabPointCertificationResult, end);
  const valid = done.filter((d) => d.result.certified && (d.result.validUntil ?? '') >= endDate).at(-1);
  if (valid) return { status: 'certified', validUntil: valid.result.validUntil!, taskId: valid.task.taskId };
  const pending = tasks
    .filter((t) => t.type === rehabPointCertificationV1.type && Date.parse(t.createdAt) <= end && !isTerminal(statusAt(t, end)!))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    .at(-1);
  if (pending) return { status: 'pending', taskId: pending.taskId };
  const last = done.at(-1);
  if (!last) return { status: 'none' };
  return last.result.certified
    ? { status: 'expired', ...(last.result.validUntil ? { validUntil: last.result.validUntil } : {}), taskId: last.task.taskId }
    : { status: 'not-certified', taskId: last.task.taskId };
}

function inspection(tasks: ReportTask[], end: number, endDate: string): InstitutionSection['fireInspection'] {
  const latest = completed(tasks, safetyInspectionV1.type, SafetyInspectionResult, end)
    .filter((d) => d.result.inspectedOn <= endDate)
    .sort((a, b) => a.result.inspectedOn.localeCompare(b.result.inspectedOn))
    .at(-1);
  if (!latest) return { openHazards: 0, majorHazards: 0 };
  const r = latest.result;
  return {
    inspectedOn: r.inspectedOn,
    taskId: latest.task.taskId,
    // The hub records no remediation check: a hazard stays open until a later inspection finds it gone.
    openHazards: r.hazardsFound.length,
    majorHazards: r.hazardsFound.filter((h) => h.severity === 'major').length,
    ...(r.remediationDeadline ? { remediationDeadline: r.remediationDeadline } : {}),
  };
}

export function institutionDuties(tasks: ReportTask[], end: number, endDate: string) {
  return { rehabCertification: certification(tasks, end, endDate), fireInspection: inspection(tasks, end, endDate) };
}

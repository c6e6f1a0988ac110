// The progress report against a hand-built city (fixture.ts): every expected figure below was worked out by hand,
// and every figure's evidence is exactly the items it counts.
import { describe, expect, it } from 'vitest';
import { Figure, ProgressReport } from '../../contracts/api/reports.ts';
import { progressReport } from '../../services/reports/progress.ts';
import { periodBounds, periodOf, draftDay } from '../../services/reports/period.ts';
import { child, CWI, fixture, ids, MPC } from './fixture.ts';

const AS_OF = new Date('2026-12-10T12:00:00+08:00');
const report = progressReport('450100', '2026-H2', fixture, AS_OF);
const inst = (id: string) => report.institutions.find((i) => i.institutionId === id)!;
const section = (type: string) => report.tasks.find((t) => t.type === type)!;
const idsOf = (f: Figure) => f.ids;

describe('periods', () => {
  it('H1 runs December to May, H2 June to November; the draft is due seven days before', () => {
    expect(periodBounds('2026-H1')).toEqual({ period: '2026-H1', from: '2025-12-01', to: '2026-05-31' });
    expect(periodBounds('2026-H2')).toEqual({ period: '2026-H2', from: '2026-06-01', to: '2026-11-30' });
    expect(periodOf('2025-12-01')).toBe('2026-H1');
    expect(periodOf('2026-05-31')).toBe('2026-H1');
    expect(periodOf('2026-06-01')).toBe('2026-H2');
    expect(draftDay(periodBounds('2026-H2'))).toBe('2026-11-23');
    expect(draftDay(periodBounds('2026-H1'))).toBe('2026-05-24');
  });
});

describe('the progress report of the fixture city, 2026-H2, computed on 10 December', () => {
  it('is a valid report under its contract', () => {
    expect(ProgressReport.safeParse(report).success).toBe(true);
  });

  it('counts children per institution at the period\'s end, admissions, transfers and coming of age', () => {
    // Child 6 was admitted on 5 December, after the period: in no figure. Child 3 came by transfer: the county's admission
    // (6 May, before the period), not the city's.
    expect(idsOf(inst(CWI).inCare)).toEqual([child(1), child(2), child(3)]);
    expect(idsOf(inst(CWI).admissions)).toEqual([child(2)]);
    expect(idsOf(inst(CWI).transfersIn)).toEqual([child(3)]);
    expect(idsOf(inst(CWI).transfersOut)).toEqual([]);
    // Child 2 turned 18 on 1 September but is still in care; child 7 was placed on 15 October.
    expect(idsOf(inst(CWI).comingOfAge)).toEqual([child(7)]);
    expect(idsOf(inst(MPC).inCare)).toEqual([child(4), child(5)]);
    expect(idsOf(inst(MPC).admissions)).toEqual([child(4), child(5)]);
    expect(idsOf(inst(MPC).transfersOut)).toEqual([child(3), child(4)]);
  });

  it('lists the transfers: received, 应移送未移送, 应接收未接收, entrusted visits due and missed', () => {
    expect(idsOf(report.transfers.received)).toEqual([child(3)]);
    expect(idsOf(report.transfers.pending)).toEqual([child(4), child(5)]);
    expect(idsOf(report.transfers.notSent)).toEqual([child(5)]);
    expect(idsOf(report.transfers.sentNotReceived)).toEqual([child(4)]);
    expect(idsOf(report.transfers.entrustedVisitsDue)).toEqual([child(4), child(5)]);
    expect(idsOf(report.transfers.entrustedVisitsMissed)).toEqual([child(4)]); // due 15 Nov, never visited
  });

  it('counts pre-enrollment by outcome, with median and p90 working days across the holiday', () => {
    const pre = section('medical-insurance.pre-enrollment');
    expect(pre.department).toBe('medical-insurance');
    expect(idsOf(pre.opened)).toEqual([ids.K1, ids.K2, ids.K3, ids.K4, ids.K5].sort());
    expect(idsOf(pre.completed)).toEqual([ids.K1, ids.K2, ids.K5, ids.K7].sort());
    expect(idsOf(pre.rejected)).toEqual([ids.K4]);
    expect(idsOf(pre.failed)).toEqual([]);
    expect(idsOf(pre.open)).toEqual([ids.K3]);
    // K5 2, K1 3 (29 Sep to 9 Oct over National Day), K2 10, K7 10: median (3 + 10) / 2, p90 the 4th of 4.
    expect(pre.medianWorkingDays).toBe(6.5);
    expect(pre.p90WorkingDays).toBe(10);
    expect(idsOf(pre.overdueNow)).toEqual([ids.K3]);
    // K2 overdue then completed, K7 overdue when the period began, K3 still overdue; K1 completed before its deadline.
    expect(idsOf(pre.overdueInPeriod)).toEqual([ids.K2, ids.K3, ids.K7].sort());
  });

  it('keeps a failed task open and overdue, and leaves a type with nothing in the period at zero', () => {
    const placement = section('education.school-placement');
    expect(idsOf(placement.failed)).toEqual([ids.K8]);
    expect(idsOf(placement.open)).toEqual([ids.K8]);
    expect(idsOf(placement.overdueNow)).toEqual([ids.K8]);
    const cert = section('disability-federation.rehab-point-certification');
    expect([cert.opened.count, cert.completed.count, cert.open.count, cert.overdueInPeriod.count]).toEqual([0, 0, 0, 0]);
    expect(cert.medianWorkingDays).toBeNull();
    expect(section('fire-rescue.safety-inspection').medianWorkingDays).toBe(7); // 1 Sep to 10 Sep
    expect(report.tasks.some((t) => t.opened.ids.includes(ids.K6))).toBe(false);
  });

  it('states each institution\'s certification and latest fire inspection', () => {
    expect(inst(CWI).rehabCertification).toEqual({ status: 'expired', validUntil: '2026-10-31', taskId: ids.RC1 });
    expect(inst(CWI).fireInspection).toEqual({ inspectedOn: '2026-09-08', taskId: ids.FI1, openHazards: 2, majorHazards: 1, remediationDeadline: '2026-10-08' });
    expect(inst(MPC).rehabCertification).toEqual({ status: 'none' });
    expect(inst(MPC).fireInspection).toEqual({ openHazards: 0, majorHazards: 0 });
  });

  it('gives every figure exactly the ids it counts, each an item of the city', () => {
    const known = new Set([...fixture.children.map((c) => c.childId), ...fixture.tasks.map((t) => t.taskId)]);
    const figures: Figure[] = [];
    const collect = (v: unknown): void => {
      if (Figure.safeParse(v).success && typeof v === 'object' && v && 'ids' in v) figures.push(v as Figure);
      else if (v && typeof v === 'object') Object.values(v).forEach(collect);
    };
    collect(report);
    expect(figures.length).toBe(2 * 5 + 6 + report.tasks.length * 8);
    for (const f of figures) {
      expect(f.count).toBe(f.ids.length);
      expect(new Set(f.ids).size).toBe(f.ids.length);
      for (const id of f.ids) expect(known.has(id)).toBe(true);
    }
  });

  it('does not move when activity after the period lands', () => {
    const later = structuredClone(fixture);
    const k3 = later.tasks.find((t) => t.taskId === ids.K3)!;
    k3.history.push({ at: '2026-12-08T09:00:00+08:00', to: 'completed' });
    k3.status = 'completed';
    later.transfers[1]!.children[0]!.state = 'received';
    later.transfers[1]!.children[0]!.receivedOn = '2026-12-08';
    // Its receipt makes child 4 the city's, admitted on the receipt's date (services/cases/receipt.ts).
    Object.assign(later.children.find((c) => c.childId === child(4))!, { institutionId: CWI, admittedOn: '2026-12-08', firstAdmittedOn: '2026-10-01' });
    expect(progressReport('450100', '2026-H2', later, AS_OF)).toEqual(report);
  });
});

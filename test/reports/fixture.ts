// A hand-built city for the progress report's test: Nanning's institution and one of its county centres, six children,
// two transfers and the tasks below. The expected figures in progress-report.test.ts were worked out by hand from
// these items and the 2026 holiday calendar (National Day 1-7 October, 10 October a make-up working day; Dragon Boat
// Festival 19 June).
import type { CityItems, ReportTask } from '../../services/reports/items.ts';
import { findInstitution } from '../../services/cases/institutions.ts';

export const child = (n: number) => `CH${String(n).padStart(26, '0')}`;
export const task = (owner: string, n: number) => `${owner}.T${String(n).padStart(26, '0')}`;
export const CWI = 'CWI-450100';
export const MPC = 'MPC-450123';

const at = (date: string, time = '10:00:00') => `${date}T${time}+08:00`;
const deadline = (date: string) => `${date}T23:59:59+08:00`;

function t(
  id: string, subjectId: string, institutionId: string, type: string, opened: string, due: string,
  moves: [string, ReportTask['status']][], result?: unknown,
): ReportTask {
  const history = [{ at: at(opened), to: 'dispatched' as const }, ...moves.map(([d, to]) => ({ at: at(d), to }))];
  return {
    taskId: id, type, department: type.split('.')[0]!, subjectId, institutionId, createdAt: at(opened), deadline: deadline(due),
    status: history.at(-1)!.to, history, ...(result ? { result } : {}),
  };
}

const PRE = 'medical-insurance.pre-enrollment';
export const ids = {
  // K1 across National Day: opened 29 Sep, due 12 Oct, completed 9 Oct: 3 working days (30 Sep, 8 Oct, 9 Oct).
  K1: task(child(2), 1),
  // K2 overdue then completed: due 17 Jun, completed 25 Jun: 10 working days (19 Jun a holiday).
  K2: task(child(1), 2),
  // K3 still open past its deadline at the period's end.
  K3: task(child(4), 3),
  K4: task(child(5), 4),
  K5: task(child(3), 5),
  // K6 opened after the period: in no figure.
  K6: task(child(6), 6),
  // K7 opened before the period, overdue when it began, completed 3 Jun: 10 working days from 20 May.
  K7: task(child(1), 7),
  // K8 failed delivery, still failed (open) and overdue at the end.
  K8: task(child(1), 8),
  FI1: task(CWI, 9),
  RC1: task(CWI, 10),
};

export const fixture: CityItems = {
  institutions: [findInstitution(CWI)!, findInstitution(MPC)!],
  children: [
    { childId: child(1), institutionId: CWI, admittedOn: '2026-03-10', birthDate: '2010-01-01' },
    { childId: child(2), institutionId: CWI, admittedOn: '2026-07-15', birthDate: '2008-09-01' },
    { childId: child(3), institutionId: CWI, admittedOn: '2026-08-20', firstAdmittedOn: '2026-05-06', birthDate: '2015-05-05' },
    { childId: child(4), institutionId: MPC, admittedOn: '2026-10-01', birthDate: '2016-02-02' },
    { childId: child(5), institutionId: MPC, admittedOn: '2026-11-05', birthDate: '2017-03-03' },
    { childId: child(6), institutionId: CWI, admittedOn: '2026-12-05', birthDate: '2018-04-04' },
    // Placed on coming of age on 15 October: out of care at the end, one coming-of-age placement.
    { childId: child(7), institutionId: CWI, admittedOn: '2020-01-10', birthDate: '2008-10-01', leftCare: { on: '2026-10-15' } },
  ],
  tasks: [
    t(ids.K1, child(2), CWI, PRE, '2026-09-29', '2026-10-12', [['2026-09-30', 'delivered'], ['2026-10-09', 'completed']]),
    t(ids.K2, child(1), CWI, PRE, '2026-06-10', '2026-06-17', [['2026-06-11', 'acknowledged'], ['2026-06-25', 'completed']]),
    t(ids.K3, child(4), MPC, PRE, '2026-11-02', '2026-11-09', [['2026-11-03', 'acknowledged']]),
    t(ids.K4, child(5), MPC, PRE, '2026-11-05', '2026-11-12', [['2026-11-06', 'rejected']]),
    t(ids.K5, child(3), CWI, PRE, '2026-08-20', '2026-08-27', [['2026-08-24', 'completed']]),
    t(ids.K6, child(6), CWI, PRE, '2026-12-05', '2026-12-11', []),
    t(ids.K7, child(1), CWI, PRE, '2026-05-20', '2026-05-27', [['2026-06-03', 'completed']]),
    t(ids.K8, child(1), CWI, 'education.school-placement', '2026-07-01', '2026-07-15', [['2026-07-02', 'failed']]),
    t(ids.FI1, CWI, CWI, 'fire-rescue.safety-inspection', '2026-09-01', '2026-09-15', [['2026-09-10', 'completed']], {
      hazardsFound: [
        { description: '二楼疏散通道堆放杂物', severity: 'general' },
        { description: '厨房燃气管道老化', severity: 'major' },
      ],
      remediationDeadline: '2026-10-08', drillHeld: true, evacuationPlanReviewed: true, inspectedOn: '2026-09-08',
    }),
    t(ids.RC1, CWI, CWI, 'disability-federation.rehab-point-certification', '2026-03-10', '2026-04-07', [['2026-04-01', 'completed']], {
      certified: true, certificateNumber: 'GXKF-2026-001', validFrom: '2026-04-01', validUntil: '2026-10-31',
    }),
  ],
  transfers: [
    {
      transferId: `TR${'1'.padStart(26, '0')}`, fromInstitutionId: MPC, toInstitutionId: CWI,
      children: [{ childId: child(3), state: 'received', hukou: { decision: 'migrate' }, sentOn: '2026-08-18', receivedOn: '2026-08-20', checklist: {} }],
    },
    {
      transferId: `TR${'2'.padStart(26, '0')}`, fromInstitutionId: MPC, toInstitutionId: CWI,
      children: [
        { childId: child(4), state: 'sent', hukou: { decision: 'migrate' }, sentOn: '2026-11-02', checklist: {} },
        { childId: child(5), state: 'pending', hukou: { decision: 'migrate' }, checklist: {} },
      ],
      // Visits every 14 days: child 4 never visited (due 15 Nov, missed), child 5 on 20 Nov (due 4 Dec).
      entrustedCare: { agreementNumber: 'WT-2026-01', signedOn: '2026-11-01', visitEveryDays: 14, visits: [{ childId: child(5), visitedOn: '2026-11-20', by: `staff:${CWI}`, note: '探访' }] },
    },
  ],
};

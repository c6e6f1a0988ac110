// The departments the hub works with: who they are, how their tasks reach them, how their pushes are signed. Plain
// data, no contract: every Lambda may read it (the sweeps walk the departments' inboxes, the adapters sign their
// pushes, a principal names one) without bundling any task type's schemas. What the hub asks of each department, its
// task types with their deadlines, is in ./task-types.ts.
// Adding a department is a contract folder, an adapter, a simulator, one entry here and its task types there.
import type { DepartmentCode } from '../../contracts/common.ts';
import { defaultSignatureScheme, type SignatureScheme } from '../../contracts/push.ts';

export interface DepartmentEntry {
  code: DepartmentCode;
  nameZh: string;
  nameEn: string;
  /** push: the adapter POSTs each task to the department's endpoint; pull: the department reads its inbox. */
  delivery: 'push' | 'pull';
  /** The MAC its pushes are signed with (contracts/push.ts); absent: HMAC-SHA256. */
  signature?: SignatureScheme;
}

export const departments: DepartmentEntry[] = [
  {
    code: 'medical-insurance',
    nameZh: '医疗保障局',
    nameEn: 'Healthcare Security Bureau',
    delivery: 'push',
    // The national medical-insurance platform asks for 国密 (SM2/SM3) cryptography: docs/decisions/0012-sm3-signatures.md.
    signature: 'hmac-sm3',
  },
  {
    code: 'education',
    nameZh: '教育局',
    nameEn: 'Education Bureau',
    delivery: 'push',
  },
  {
    code: 'public-security',
    nameZh: '公安局',
    nameEn: 'Public Security Bureau',
    delivery: 'push',
  },
  {
    code: 'disability-federation',
    nameZh: '残联',
    nameEn: "Disabled Persons' Federation",
    delivery: 'push',
  },
  {
    code: 'fire-rescue',
    nameZh: '消防救援支队',
    nameEn: 'Fire and Rescue Detachment',
    delivery: 'push',
  },
  {
    code: 'housing',
    nameZh: '住房城乡建设局',
    nameEn: 'Housing and Urban-Rural Development Bureau',
    delivery: 'push',
  },
  {
    code: 'human-resources',
    nameZh: '人力资源社会保障局',
    nameEn: 'Human Resources and Social Security Bureau',
    delivery: 'push',
  },
  {
    code: 'conscription',
    nameZh: '征兵办公室',
    nameEn: 'Conscription Office',
    delivery: 'push',
  },
  {
    code: 'civil-affairs',
    nameZh: '民政局（安置地）',
    nameEn: 'Civil Affairs Bureau of the place of placement',
    delivery: 'push',
  },
  {
    code: 'market-regulation',
    nameZh: '市场监管局',
    nameEn: 'Market Regulation Bureau',
    delivery: 'push',
  },
];

/** How long staff have to answer a department's request for information (working days). */
export const informationDeadlineWorkingDays = 5;

export function findDepartment(code: string): DepartmentEntry | undefined {
  return departments.find((d) => d.code === code);
}

/** The signature scheme of a department's pushes. */
export const signatureOf = (code: string): SignatureScheme => findDepartment(code)?.signature ?? defaultSignatureScheme;

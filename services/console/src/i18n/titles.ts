// Task titles and department names from the topology (contracts' `titleZh`, departments' `nameZh`).
import { findDepartment, findTaskType } from '../../../topology.ts';

export const titleOf = (type: string, version?: number) => findTaskType(type, version)?.contract.titleZh ?? type;
export const departmentName = (code: string) => findDepartment(code)?.nameZh ?? code;

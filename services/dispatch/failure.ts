// How a failed delivery is told apart: a department's refusal fails the task with its answer, the last of the
// attempts with this suffix, because its message then sits in the dead-letter queue (the incident view shows which).
const PARKED = '; parked in the dead-letter queue';

export const parkedReason = (attempts: number, reason: string) => `delivery failed after ${attempts} attempts (${reason})${PARKED}`;

export const isParked = (statusReason: string | undefined) => statusReason?.endsWith(PARKED) ?? false;

// docs/task-types.md prints the catalogue as the contracts declare it: every task type, what opens it and what its
// result establishes. The rules live on each contract; this keeps the one readable table of all of them true.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AdmissionRule, ClockRule, PlacementRule, WorkflowRole } from '../../contracts/task-roles.ts';
import { taskTypes } from '../../services/topology.ts';

const code = (s: string) => `\`${s}\``;

/** The children's clocks and the coming-of-age plan, beside what else opens a task type. */
function alsoOpenedBy(clock: ClockRule | undefined, placement: PlacementRule | undefined): string[] {
  const out: string[] = [];
  if (clock) out.push(`the ${clock.event} clock, ${clock.leadMonths} months ahead${clock.untilMonths !== undefined ? `, for ${clock.untilMonths} months` : ''} (${clock.policy})`);
  if (placement) {
    const any = placement.anyOf?.length ? [`any of ${placement.anyOf.join(', ')}`] : [];
    out.push(`the coming-of-age plan: ${[...(placement.when ?? []), ...any].join(' and ')} (${placement.policy})`);
  }
  return out;
}

function openedBy(rule: AdmissionRule | undefined, role: WorkflowRole | undefined, placement?: PlacementRule): string {
  if (role?.name === 'coming-of-age') return `the coming-of-age plan: ${(placement?.when ?? []).join(' and ')} (${placement?.policy}; binds ${role.boundInput.map(code).join(', ')})`;
  if (role) {
    const after = role.after ? `; waits for ${code(role.after.type)} still under way` : '';
    return `the ${role.name} (step ${code(role.step)}; binds ${role.boundInput.map(code).join(', ')}${after})`;
  }
  if (!rule) return 'staff';
  const at = (rule.at ?? ['city-welfare']).join(', ');
  const unless = rule.unless?.length ? ` unless ${rule.unless.join(', ')}` : '';
  const after = rule.after ? `; after ${code(rule.after.type)}` : '';
  return `admission at ${at}: ${rule.when.join(' and ')}${unless}${after} (${rule.policy}); or staff`;
}

/** The catalogue table, row by row, from the topology. */
export function catalogueTable(): string {
  const rows = taskTypes.map(({ contract: c, deadlineWorkingDays }) => {
    const fields = Object.entries(c.feeds?.fields ?? {}).map(([from, to]) => `${from} → ${to}`);
    const set = Object.entries(c.feeds?.set ?? {}).map(([fact, value]) => `${fact} = ${String(value)}`);
    const feeds = [...fields, ...set].join(', ') || '–';
    return `| ${code(`${c.type}.v${c.version}`)} ${c.titleZh} | ${c.subject} | ${c.policy} | ${deadlineWorkingDays} | ${[openedBy(c.admission, c.workflow, c.placement), ...(c.workflow?.name === 'coming-of-age' ? [] : alsoOpenedBy(c.clock, c.placement))].join('; ')} | ${feeds} |`;
  });
  return [
    '| task type | subject | policy | deadline (working days) | opened by | establishes about the child |',
    '|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

describe('docs/task-types.md', () => {
  it('prints the catalogue as the contracts and the topology declare it', () => {
    const doc = readFileSync('docs/task-types.md', 'utf8');
    const table = catalogueTable();
    // On failure, the expected table is in the message: paste it into the document.
    expect(doc.includes(table), `docs/task-types.md should contain:\n\n${table}\n`).toBe(true);
  });
});

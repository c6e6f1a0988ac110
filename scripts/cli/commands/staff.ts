// Staff: admit a child, open a task, read a child's timeline and an institution's children, answer a department,
// resume a failed task, an institution's duties; for supervisors, who looked at a child.
import type { Command } from '@commander-js/extra-typings';
import type { ChildView, TaskView } from '../../../contracts/api/views.ts';
import type { ChildrenPage } from '../../../contracts/api/children.ts';
import { readRouteName, type ReadsPage } from '../../../contracts/api/reads.ts';
import { bodyFrom, collectPair, context } from '../context.ts';
import type { CommandIo } from '../output.ts';
import { actorName } from '../../../services/auth/describe.ts';
import { chinaTime, institutionName } from '../readable.ts';
import { taskRows, TASK_HEAD } from './tasks-table.ts';

const enc = encodeURIComponent;

export function staffCommands(program: Command<any, any, any>, io: CommandIo): void {
  program
    .command('admit')
    .description('admit a child (staff): facts from a JSON file and/or --set; opens the tasks its facts call for')
    .option('-f, --file <facts.json>', 'the admission facts (POST /v1/children body)')
    .option('--set <key=value>', 'a fact, e.g. --set name=测试 --set disabled=false (repeatable)', collectPair)
    .action(async (opts, cmd) => {
      const { api, out } = context(cmd, io);
      const answer = await api.call<{ childId: string; tasks: TaskView[] }>('POST', '/v1/children', bodyFrom(opts, 'admit'));
      out.result(answer, () => {
        out.line(`admitted ${answer.childId}, ${answer.tasks.length} task(s) opened`);
        if (answer.tasks.length) out.table(TASK_HEAD, taskRows(answer.tasks));
      });
    });

  program
    .command('open-task')
    .description('open one more task for a child (staff)')
    .argument('<childId>')
    .argument('<type>', 'task type (its contract names it: <department>.<type>)')
    .option('-f, --file <input.json>', "the task's input")
    .option('--set <key=value>', 'an input field (repeatable)', collectPair)
    .action(async (childId, type, opts, cmd) => {
      const { api, out } = context(cmd, io);
      const input = bodyFrom(opts, 'open-task');
      const task = await api.call<TaskView>('POST', `/v1/children/${enc(childId)}/tasks`, { type, ...(Object.keys(input).length ? { input } : {}) });
      out.result(task, () => out.table(TASK_HEAD, taskRows([task])));
    });

  program
    .command('child')
    .description("a child's facts, tasks and timeline (staff of its institution, supervisor of its city)")
    .argument('<childId>')
    .action(async (childId, _opts, cmd) => {
      const { api, out } = context(cmd, io);
      const view = await api.call<ChildView>('GET', `/v1/children/${enc(childId)}`);
      out.result(view, () => {
        const c = view.child;
        out.line(`${c.childId}  ${c.name}  ${c.gender === 'female' ? '女' : '男'}  出生 ${c.birthDate}  入院 ${c.admittedOn}  ${institutionName(c.institutionId)}`);
        out.table(TASK_HEAD, taskRows(view.tasks));
        const timeline = view.tasks
          .flatMap((t) => t.history.map((h) => ({ ...h, type: t.type })))
          .sort((a, b) => a.at.localeCompare(b.at));
        out.table(['时间', '任务', '从', '到', '操作者', '原因'], timeline.map((h) => [chinaTime(h.at), h.type, h.from ?? '', h.to, actorName(h), h.reason]));
      });
    });

  program
    .command('reads')
    .description('who looked at a child: each answer that disclosed its data, newest first (supervisor of its city, the region\'s)')
    .argument('<childId>')
    .option('--limit <n>', 'at most n per page')
    .option('--next-token <token>', 'the next page')
    .action(async (childId, opts, cmd) => {
      const { api, out } = context(cmd, io);
      const query = new URLSearchParams();
      if (opts.limit) query.set('limit', opts.limit);
      if (opts.nextToken) query.set('nextToken', opts.nextToken);
      const page = await api.call<ReadsPage>('GET', `/v1/children/${enc(childId)}/reads${query.size ? `?${query}` : ''}`);
      out.result(page, () => {
        out.table(['时间', '查阅人', '查阅内容'], page.items.map((r) => [chinaTime(r.at), actorName(r), readRouteName(r.route)]));
        if (page.nextToken) out.line(`more: --next-token ${page.nextToken}`);
      });
    });

  program
    .command('children')
    .description("an institution's children in care, tasks summarised (staff, supervisor)")
    .argument('<institutionId>')
    .option('-q, --query <text>', "part of a name, or a child id")
    .option('--status <status>', 'only children with a task in this status')
    .option('--department <code>', 'only children with a task of this department')
    .option('--overdue', 'only children with an overdue task')
    .option('--limit <n>', 'at most n per page')
    .option('--next-token <token>', 'the next page')
    .action(async (institutionId, opts, cmd) => {
      const { api, out } = context(cmd, io);
      const query = new URLSearchParams();
      if (opts.query) query.set('q', opts.query);
      if (opts.status) query.set('status', opts.status);
      if (opts.department) query.set('department', opts.department);
      if (opts.overdue) query.set('overdue', 'true');
      if (opts.limit) query.set('limit', opts.limit);
      if (opts.nextToken) query.set('nextToken', opts.nextToken);
      const page = await api.call<ChildrenPage>('GET', `/v1/institutions/${enc(institutionId)}/children${query.size ? `?${query}` : ''}`);
      out.result(page, () => {
        out.table(
          ['儿童编号', '姓名', '性别', '出生日期', '入院日期', '任务'],
          page.items.map((c) => [c.childId, c.name, c.gender === 'female' ? '女' : '男', c.birthDate, c.admittedOn, c.tasks.map((t) => `${t.type}:${t.status}`).join(' ')]),
        );
        if (page.nextToken) out.line(`more: --next-token ${page.nextToken}`);
      });
    });

  program
    .command('supply-info')
    .description('supply what a department asked for (staff); the task goes back to the department')
    .argument('<taskId>')
    .requiredOption('--note <text>', 'what was supplied or corrected')
    .option('--facts <facts.json>', 'corrected facts')
    .option('--set <key=value>', 'a corrected fact (repeatable)', collectPair)
    .option('--input <input.json>', "corrected task input")
    .action(async (taskId, opts, cmd) => {
      const { api, out } = context(cmd, io);
      const facts = bodyFrom({ file: opts.facts, set: opts.set }, 'supply-info');
      const input = opts.input ? bodyFrom({ file: opts.input }, 'supply-info') : undefined;
      const body = { note: opts.note, ...(Object.keys(facts).length ? { facts } : {}), ...(input ? { input } : {}) };
      const task = await api.call<TaskView>('POST', `/v1/tasks/${enc(taskId)}/supply-information`, body);
      out.result(task, () => out.table(TASK_HEAD, taskRows([task])));
    });

  program
    .command('resume')
    .description('send a failed task to its department again (staff)')
    .argument('<taskId>')
    .action(async (taskId, _opts, cmd) => {
      const { api, out } = context(cmd, io);
      const task = await api.call<TaskView>('POST', `/v1/tasks/${enc(taskId)}/resume`);
      out.result(task, () => out.table(TASK_HEAD, taskRows([task])));
    });

  const duties = program.command('duties').description("an institution's duties: certification, fire inspections, recurring");
  duties
    .command('show')
    .argument('<institutionId>')
    .action(async (institutionId, _opts, cmd) => {
      const { api, out } = context(cmd, io);
      const view = await api.call<{ tasks: TaskView[] }>('GET', `/v1/institutions/${enc(institutionId)}`);
      out.result(view, () => out.table(TASK_HEAD, taskRows(view.tasks)));
    });
  duties
    .command('open')
    .argument('<institutionId>')
    .argument('<type>', 'task type (its contract names it: <department>.<type>)')
    .option('--every <months>', 'open it again every n months')
    .option('-f, --file <input.json>', "the task's input")
    .option('--set <key=value>', 'an input field (repeatable)', collectPair)
    .action(async (institutionId, type, opts, cmd) => {
      const { api, out } = context(cmd, io);
      const input = bodyFrom(opts, 'duties open');
      const body = { type, ...(Object.keys(input).length ? { input } : {}), ...(opts.every ? { recurEveryMonths: Number(opts.every) } : {}) };
      const task = await api.call<TaskView>('POST', `/v1/institutions/${enc(institutionId)}/tasks`, body);
      out.result(task, () => out.table(TASK_HEAD, taskRows([task])));
    });
}

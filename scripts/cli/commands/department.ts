// Departments: the inbox, one task, and the moves a department makes on it.
import type { Command } from '@commander-js/extra-typings';
import type { DepartmentTaskView, InboxPage } from '../../../contracts/api/views.ts';
import { UsageError } from '../client.ts';
import { bodyFrom, collectPair, context } from '../context.ts';
import type { CommandIo } from '../output.ts';
import { taskRows, TASK_HEAD } from './tasks-table.ts';

const enc = encodeURIComponent;

export function departmentCommands(program: Command<any, any, any>, io: CommandIo): void {
  program
    .command('inbox')
    .description("a department's inbox (that department)")
    .argument('<department>', 'department code')
    .option('--status <status>', 'only tasks in this status')
    .option('--limit <n>', 'at most n per page')
    .option('--next-token <token>', 'the next page')
    .action(async (department, opts, cmd) => {
      const { api, out } = context(cmd, io);
      const query = new URLSearchParams();
      if (opts.status) query.set('status', opts.status);
      if (opts.limit) query.set('limit', opts.limit);
      if (opts.nextToken) query.set('nextToken', opts.nextToken);
      const page = await api.call<InboxPage>('GET', `/v1/departments/${enc(department)}/tasks${query.size ? `?${query}` : ''}`);
      out.result(page, () => {
        out.table(TASK_HEAD, taskRows(page.items));
        if (page.nextToken) out.line(`more: --next-token ${page.nextToken}`);
      });
    });

  program
    .command('task')
    .description("a task as its department sees it (that department)")
    .argument('<taskId>')
    .action(async (taskId, _opts, cmd) => {
      const { api, out } = context(cmd, io);
      const task = await api.call<DepartmentTaskView>('GET', `/v1/tasks/${enc(taskId)}`);
      out.result(task, () => {
        out.table(TASK_HEAD, taskRows([task]));
        out.line(JSON.stringify(task.request, null, 2));
      });
    });

  const move = (name: string, path: string, description: string, build: (cmd: Command<any, any, any>) => Command<any, any, any>, body: (opts: any) => unknown) =>
    build(program.command(name).description(description).argument('<taskId>')).action(async (...args: any[]) => {
      const [taskId, opts, cmd] = args as [string, unknown, Command<any, any, any>];
      const { api, out } = context(cmd, io);
      const task = await api.call<DepartmentTaskView>('POST', `/v1/tasks/${enc(taskId)}/${path}`, body(opts));
      out.result(task, () => out.table(TASK_HEAD, taskRows([task])));
    });

  move('acknowledge', 'acknowledge', 'take a task on (签收)', (c) => c.option('--note <text>'), (o: { note?: string }) => (o.note ? { note: o.note } : {}));
  move(
    'complete',
    'complete',
    'complete a task (办结) with its result, from a JSON file and/or --set',
    (c) => c.option('-f, --file <result.json>', 'the result').option('--set <key=value>', 'a result field (repeatable)', collectPair),
    (o: { file?: string; set?: string[] }) => ({ result: bodyFrom(o, 'complete') }),
  );
  move('reject', 'reject', 'send a task back (退回) with a reason', (c) => c.requiredOption('--reason <text>'), (o: { reason: string }) => ({ reason: o.reason }));
  move(
    'request-info',
    'request-information',
    'ask staff for missing information (要求补充信息)',
    (c) => c.requiredOption('--missing <field=message>', 'what is missing (repeatable)', collectPair),
    (o: { missing: string[] }) => ({
      missing: o.missing.map((pair) => {
        const at = pair.indexOf('=');
        if (at < 1) throw new UsageError(`--missing '${pair}' must be field=message`);
        return { field: pair.slice(0, at), message: pair.slice(at + 1) };
      }),
    }),
  );
}

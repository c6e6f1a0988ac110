// One task as its department sees it (GET /v1/tasks/{taskId}): the console's task page, a department's system
// re-reading one task. Another department's task (or, for a city bureau, another city's) is answered as an unknown one (docs/security.md).
import { noteReads } from '../../audit/reads.ts';
import { isDepartmentsTask, notFound, requireDepartment } from '../../auth/scope.ts';
import { getTask } from '../../state/tasks.ts';
import { departmentView } from '../../state/views.ts';
import { requirePrincipal, type Routes } from '../http.ts';

export const departmentTaskRoutes = {
  'GET /v1/tasks/{taskId}': async (req) => {
    const principal = requireDepartment(requirePrincipal(req));
    const task = await getTask(req.params.taskId!);
    if (!task || !isDepartmentsTask(principal, task)) throw notFound('task', req.params.taskId!);
    if (task.subjectId.startsWith('CH')) noteReads(req, [task.subjectId]);
    return { status: 200, body: departmentView(task) };
  },
} satisfies Routes;

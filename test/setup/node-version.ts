// vitest globalSetup, listed first: the suite runs on the Lambda runtime's Node or not at all (scripts/node-version.ts).
// Workers are started with this process's own executable, so checking here covers them.
import { nodeVersionProblem } from '../../scripts/node-version.ts';

export default function setup(): void {
  const problem = nodeVersionProblem(process.versions.node);
  if (problem) throw new Error(problem);
}

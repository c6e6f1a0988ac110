// Imported first by each script entry point (npm start, npm run hub, the benchmarks, CI's stand-in stack): ES
// modules run in import order, so this refuses a wrong Node before any other module of the script runs.
import { nodeVersionProblem } from './node-version.ts';

const problem = nodeVersionProblem(process.versions.node);
if (problem) {
  console.error(problem);
  process.exit(1);
}

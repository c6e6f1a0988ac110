// The worked example of docs/adding-a-department.md (housing, 住建) is real code: it type-checks, and its
// contract, mapping and simulator fit together. Activating it is copying the files into the department's own folders
// and one topology entry, because nothing else names a department or a task type: checked below for every
// department and task type of the topology, in every code file.
import { existsSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { transformSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { publicRentalHousingV1 as contract } from '../../docs/examples/housing/public-rental-housing.v1.ts';
import { fromWire, toWire } from '../../docs/examples/housing/mapping.ts';
import { simulator } from '../../docs/examples/housing/simulator.ts';
import { ExampleFile, exampleResults } from '../../scripts/contracts/examples.ts';
import { taskEnvelope } from '../../services/dispatch/envelope.ts';
import { taskView } from '../departments/helpers.ts';
import { departments } from '../../services/topology.ts';

const child = {
  childId: 'CH01JDABCDEFGHJKMNPQRSTVWXYZ',
  institutionId: 'CWI-450100',
  name: '测试',
  gender: 'female' as const,
  birthDate: '2008-01-01',
  admittedOn: '2010-01-01',
  idNumber: '11010519491231002X',
  parentsUnknown: false,
  hukouRegistered: true,
  disabled: false,
};
const institution = { institutionId: 'CWI-450100', kind: 'city-welfare' as const, name: '南宁市儿童福利院', cityCode: '450100' };

describe('a sixth department, housing (worked example)', () => {
  it('builds, maps and simulates a task that satisfies its own contract', () => {
    const request = contract.request.parse(contract.buildRequest({ institution, child }, {}));
    const task = taskView({ type: contract.type, contractVersion: 1, department: 'housing', subjectId: child.childId, request });
    const wire = toWire(taskEnvelope(task, '2026-11-28T00:00:00.000Z'));
    expect(wire.sqr.sfzh).toBe(child.idNumber);
    const back = fromWire(wire);
    expect(back.request).toEqual(request);
    const result = contract.result.parse(simulator.results[contract.type]!(request, '2026-11-28'));
    expect(contract.checkResult!(result, request)).toEqual([]);
    expect(contract.checkResult!({ approved: false }, request)).toEqual([{ path: 'result.reason', message: 'a refusal gives its reason' }]);
  });

  it('has an example its contract accepts, as contracts/housing/examples/ will hold it', () => {
    const example = ExampleFile.parse(JSON.parse(readFileSync('docs/examples/housing/examples/public-rental-housing.v1.json', 'utf8')));
    expect([example.type, example.version]).toEqual([contract.type, contract.version]);
    const request = contract.request.parse(example.request);
    expect(contract.input.safeParse(example.input).success).toBe(true);
    for (const [, result] of exampleResults(example)) expect(contract.checkResult!(contract.result.parse(result), request)).toEqual([]);
  });

  it('the topology is the only list: no other code names a department or a task type outside that department’s folders', () => {
    const violations = codeFiles().flatMap(({ file, code }) =>
      departments.flatMap((d) => {
        if (ownFolders(d.code).some((dir) => file.startsWith(dir))) return [];
        const types = d.taskTypes.map((t) => t.contract.type).filter((type) => code.includes(type));
        const names = file !== 'services/topology/departments.ts' && new RegExp(`["'\`:/]${d.code}["'\`/.:]`).test(code);
        return [...types.map((type) => `${file} names ${type}`), ...(names ? [`${file} names ${d.code}`] : [])];
      }),
    );
    expect(codeFiles().length).toBeGreaterThan(100);
    expect(violations).toEqual([]);
  });

  it.each(departments.map((d) => [d.code]))('%s has its own folder of tests', (code) => {
    expect(existsSync(`test/departments/${code}`)).toBe(true);
  });
});

/** A department's own folders: what is specific to it lives there and nowhere else. */
const ownFolders = (code: string) => [`contracts/${code}/`, `services/departments/${code}/`, `scripts/departments/${code}/`];

let cached: { file: string; code: string }[] | undefined;
/**
 * Every code file of services/, contracts/, infra/ and scripts/ (not the generated documents), as code: comments and
 * module specifiers removed (an import is a dependency, not a list; a comment may give an example).
 */
function codeFiles() {
  cached ??= execFileSync('git', ['ls-files', 'services', 'contracts', 'infra', 'scripts'], { encoding: 'utf8' })
    .split('\n')
    .filter((f) => f.endsWith('.ts') && !/^contracts\/(generated|published)\//.test(f) && existsSync(f))
    .map((file) => ({
      file,
      code: transformSync(readFileSync(file, 'utf8'), { loader: 'ts', legalComments: 'none', minifyWhitespace: true })
        .code.replace(/\bfrom\s*"[^"]*"/g, '')
        .replace(/\bimport\s*\(\s*"[^"]*"\s*\)/g, '')
        .replace(/\bimport\s*"[^"]*"/g, ''),
    }));
  return cached;
}

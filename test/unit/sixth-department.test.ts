// docs/adding-a-department.md: a department is its own folders and one topology entry, because nothing else names a
// department or a task type (checked below for every department and task type of the topology, in every code file).
// Its worked example is the housing department as it is (its own tests are in test/departments/housing/): the page
// names only files that exist, and shows housing's topology entry as the topology holds it.
import { existsSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { transformSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { departments, taskTypesOf } from '../../services/topology.ts';

describe('adding a department (docs/adding-a-department.md)', () => {
  it('names files that exist: its worked example is the housing department as it is', () => {
    const doc = readFileSync('docs/adding-a-department.md', 'utf8');
    const named = [...doc.matchAll(/`((?:contracts|services|scripts|test|docs)\/[\w./-]+\.(?:ts|json|md))`/g)].map((m) => m[1]!);
    expect(named).toEqual(expect.arrayContaining([
      'contracts/housing/public-rental-housing.v1.ts',
      'contracts/housing/examples/public-rental-housing.v1.json',
      'services/departments/housing/mapping.ts',
      'scripts/departments/housing/simulator.ts',
    ]));
    expect(named.filter((f) => !existsSync(f))).toEqual([]);
    // The topology entry the page shows is the one the topology holds.
    const housing = departments.find((d) => d.code === 'housing')!;
    expect(doc).toContain(`nameZh: '${housing.nameZh}'`);
    expect(doc).toContain(`housing: [{ contract: publicRentalHousingV1, deadlineWorkingDays: ${taskTypesOf(housing.code)[0]!.deadlineWorkingDays} }]`);
    expect(taskTypesOf(housing.code).map((t) => t.contract.type)).toEqual(['housing.public-rental-housing']);
  });

  it('the topology is the only list: no other code names a department or a task type outside that department’s folders', () => {
    const violations = codeFiles().flatMap(({ file, code }) =>
      departments.flatMap((d) => {
        if (ownFolders(d.code).some((dir) => file.startsWith(dir))) return [];
        const types = taskTypesOf(d.code).map((t) => t.contract.type).filter((type) => code.includes(type));
        const names = !topologyLists.includes(file) && new RegExp(`["'\`:/]${d.code}["'\`/.:]`).test(code);
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

/** The topology's two lists by department: the departments, and their task types. */
const topologyLists = ['services/topology/departments.ts', 'services/topology/task-types.ts'];

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

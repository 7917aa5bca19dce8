/** The README's tables of inputs and outputs say exactly what action.yml says. */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

interface ActionYml {
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { description: string }>;
}

const action = parse(readFileSync('action.yml', 'utf8')) as ActionYml;
const readme = readFileSync('README.md', 'utf8');

/** Rows of the README table whose header's first cell is `first`: name → cells. */
function table(first: string): Map<string, string[]> {
  const lines = readme.split('\n');
  const start = lines.findIndex((l) => new RegExp(`^\\|\\s*${first}\\s*\\|`).test(l));
  expect(start).toBeGreaterThan(-1);
  const rows = new Map<string, string[]>();
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    const cells = line
      .slice(1, -1)
      .split(/(?<!\\)\|/)
      .map((c) => c.trim().replace(/\\\|/g, '|'));
    rows.set(cells[0].replace(/`/g, ''), cells.slice(1));
  }
  return rows;
}

it('lists every input of action.yml, in order, with its default and description', () => {
  const rows = table('input');
  expect([...rows.keys()]).toEqual(Object.keys(action.inputs));
  for (const [name, spec] of Object.entries(action.inputs)) {
    const [dflt, description] = rows.get(name)!;
    expect([name, dflt.replace(/^`|`$/g, '')]).toEqual([name, spec.default ?? '']);
    expect([name, description]).toEqual([name, spec.description]);
  }
});

it('lists every output of action.yml, in order, with its description', () => {
  const rows = table('output');
  expect([...rows.keys()]).toEqual(Object.keys(action.outputs));
  for (const [name, spec] of Object.entries(action.outputs))
    expect([name, rows.get(name)![0]]).toEqual([name, spec.description]);
});

/**
 * A setting either does what its name says or is refused: every setting in every built-in
 * schema must be read somewhere in its plugin's code (its folder and the modules that code
 * imports), where a rule that refuses it counts as reading it. Derived from the schemas, so a
 * setting added and forgotten fails here.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { builtInRegistry } from '../src/plugins/registry';

const strip = (t: string) => t.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');

function filesIn(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? filesIn(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** The plugin's folder and every project module its code imports, transitively. */
function corpus(folder: string): string {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const m of readFileSync(file, 'utf8').matchAll(/(?:from|import\()\s*'(\.[^']+)'/g)) {
      const base = resolve(dirname(file), m[1]);
      for (const cand of [`${base}.ts`, join(base, 'index.ts')])
        if (existsSync(cand)) {
          // The schema DSL and the spec modules read no plugin settings by name.
          if (!/\/src\/(spec|engine|util)\//.test(cand)) visit(cand);
          break;
        }
    }
  };
  filesIn(folder).forEach(visit);
  return [...seen].map((f) => strip(readFileSync(f, 'utf8'))).join('\n');
}

describe('every setting a schema accepts is read by its plugin', () => {
  const reg = builtInRegistry();
  const cases = (['builder', 'provisioner', 'post-processor'] as const).flatMap((kind) =>
    reg.all(kind).map((d) => [kind, d.type] as const),
  );
  it.each(cases)('%s %s', (kind, type) => {
    const d = reg.must(kind, type);
    const text = corpus(resolve('src/plugins', `${kind}s`, type));
    const schemaFields = d.schema.kind === 'object' ? d.schema.fields : {};
    // A setting that admits one value only (ssh_file_transfer_method: sftp) has no other
    // behaviour to ignore: anything else is refused by the schema.
    // A refused setting is an error the checker gives, whatever the plugin does.
    const fields = Object.keys(schemaFields).filter((f) => {
      if (schemaFields[f].refused) return false;
      const sch = schemaFields[f].schema;
      return !(sch.kind === 'string' && sch.enum?.length === 1);
    });
    // runs_on is read by the spec (the reusable workflow's matrix), not by the builder.
    const unread = fields
      .filter((f) => f !== 'runs_on')
      .filter((f) => !new RegExp(`[.'"\`]${f}\\b`).test(text));
    expect(unread).toEqual([]);
  });
});

// Builds dist/ with ncc: dist/index.js (the action, main and post) and dist/cli/index.js
// (the `bake` command). Output is deterministic so CI can check dist/ is up to date.
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';

const ncc = join('node_modules', '.bin', 'ncc');
const entries = [
  ['src/index.ts', 'dist'],
  ['src/bin.ts', 'dist/cli'],
];
rmSync('dist', { recursive: true, force: true });
for (const [entry, out] of entries) {
  if (!existsSync(entry)) continue;
  execFileSync(ncc, ['build', entry, '-o', out, '--license', 'licenses.txt', '-q'], {
    stdio: 'inherit',
  });
}
// Native addons are built for one Node ABI; ssh2 and friends run without them, so none ship.
const walk = (d) =>
  readdirSync(d).flatMap((f) =>
    statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : [join(d, f)],
  );
for (const f of walk('dist')) if (f.endsWith('.node')) rmSync(f);
// Some ESM packages (@azure/storage-common's crc64, under @actions/cache) build `require`
// and `__filename` from import.meta.url; webpack turns that into a self-reference that
// throws at load. The bundle is CommonJS, where both exist: use them.
for (const f of walk('dist').filter((x) => x.endsWith('.js'))) {
  const text = readFileSync(f, 'utf8');
  const fixed = text
    .replace(
      /(\w+)_require = \(0,([\w$]+)\.createRequire\)\(\1_require\("url"\)\.pathToFileURL\(\1_filename\)\.href\);/g,
      '$1_require = (0,$2.createRequire)(__filename);',
    )
    .replace(
      /(\w+)_filename = \(0,[\w$]+\.fileURLToPath\)\(\1_require\("url"\)\.pathToFileURL\(\1_filename\)\.href\);/g,
      '$1_filename = __filename;',
    );
  if (/_require\("url"\)\.pathToFileURL\(\w+_filename\)/.test(fixed))
    throw new Error(`${f}: an import.meta.url shim this script does not know how to mend`);
  if (fixed !== text) writeFileSync(f, fixed);
}
// HashiCorp's HCL parser (@cdktf/hcl2json) reads its wasm from beside its own lib folder,
// join(__dirname, "..", "main.wasm.gz"), at run time: one copy in dist/, which is that place
// for the chunks in dist/cli/; the action's bundle in dist/ itself is pointed at it.
const WASM = 'join)(__dirname, "..", "main.wasm.gz")';
copyFileSync(
  join('node_modules', '@cdktf', 'hcl2json', 'main.wasm.gz'),
  join('dist', 'main.wasm.gz'),
);
let pointed = 0;
for (const f of walk('dist').filter((x) => x.endsWith('.js'))) {
  const text = readFileSync(f, 'utf8');
  if (!text.includes(WASM)) continue;
  pointed++;
  if (!f.startsWith(join('dist', 'cli')))
    writeFileSync(f, text.replaceAll(WASM, 'join)(__dirname, "main.wasm.gz")'));
}
if (pointed < 2)
  throw new Error(`the HCL parser's wasm path was found in ${pointed} bundle(s), not 2`);
// Types for plugin authors (package export "bake-action/plugin"), and the example plugin
// checked against them, so the published contract and the documented example cannot drift.
execFileSync(join('node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.types.json'], {
  stdio: 'inherit',
});
execFileSync(join('node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.examples.json'], {
  stdio: 'inherit',
});
const cli = 'dist/cli/index.js';
if (existsSync(cli)) {
  const text = readFileSync(cli, 'utf8');
  if (!text.startsWith('#!')) writeFileSync(cli, '#!/usr/bin/env node\n' + text);
  chmodSync(cli, 0o755);
}

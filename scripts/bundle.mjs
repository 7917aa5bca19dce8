// Builds dist/ with ncc: dist/index.js (the action, main and post) and dist/cli/index.js
// (the `bake` command). Output is deterministic so CI can check dist/ is up to date.
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
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

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
const cli = 'dist/cli/index.js';
if (existsSync(cli)) {
  const text = readFileSync(cli, 'utf8');
  if (!text.startsWith('#!')) writeFileSync(cli, '#!/usr/bin/env node\n' + text);
  chmodSync(cli, 0o755);
}

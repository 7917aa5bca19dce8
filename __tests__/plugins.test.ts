/**
 * The plugin contract as an outside author meets it: the example builder from
 * docs/plugins.md (a root filesystem provisioned in a chroot), an npm package plugin, the
 * errors a broken plugin gives, cleanup from the ledger alone, and the registry's rules.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { bakeIn } from './helpers/run';
import { planOf, problemsOf, tempProject } from './helpers/spec';
import { ResourceLedger } from '../src/engine/ledger';
import { builtInRegistry, Registry } from '../src/plugins/registry';
import type { Descriptor } from '../src/plugins/api';

const CLI = resolve('dist/cli/index.js');
const EXAMPLE = resolve('examples/plugin');

/** A project with the example plugin, its spec and a busybox root filesystem as base.tar. */
function exampleProject(spec?: string): string {
  const dir = tempProject({});
  copyFileSync(join(EXAMPLE, 'rootfs-tar.mjs'), join(dir, 'rootfs-tar.mjs'));
  writeFileSync(join(dir, 'bake.yml'), spec ?? readFileSync(join(EXAMPLE, 'bake.yml')));
  execFileSync('sh', [join(EXAMPLE, 'make-base.sh'), join(dir, 'base.tar')], { stdio: 'pipe' });
  return dir;
}

const tarRead = (file: string, member: string) =>
  execFileSync('tar', ['-xOf', file, member], { encoding: 'utf8' });

function cli(args: string[], cwd: string) {
  return spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, BAKE_DEBUG: '' },
  });
}

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error('dist/cli/index.js is missing: run "npm run build" first');
});

describe('a builder from outside bake (examples/plugin)', () => {
  it('builds the example spec: provisioned in a chroot, packed, and checksummed by a built-in post-processor', async () => {
    const dir = exampleProject();
    const { summary, result, ledger } = await bakeIn(dir);
    expect(result.error).toBeUndefined();
    expect(summary.ok).toBe(true);
    const out = join(dir, 'out/tiny.tar');
    expect(result.artifact?.id).toBe(out);
    expect(tarRead(out, './etc/motd')).toBe('baked by bake\n');
    expect(tarRead(out, './opt/app/hello.txt')).toBe('hello from the build\n');
    const sum = readFileSync(join(dir, 'out/tiny.sha256'), 'utf8');
    expect(sum).toBe(`${createHash('sha256').update(readFileSync(out)).digest('hex')}\ttiny.tar\n`);
    // Nothing is left: the ledger has no open entry and the working directory is gone.
    expect(ResourceLedger.pending(ledger)).toEqual([]);
    const made = readFileSync(ledger, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l))
      .find((e) => e.kind === 'rootfs-dir');
    expect(made.module).toBe(join(dir, 'rootfs-tar.mjs'));
    expect(made.plugin).toBe('builder/rootfs-tar');
    expect(existsSync(made.ref.path)).toBe(false);
  });

  it('a failure with on-error abort keeps the root filesystem; bake cleanup removes it from another directory without the spec', async () => {
    const dir = exampleProject(`plugins: [./rootfs-tar.mjs]
sources:
  tiny: {type: rootfs-tar, base: base.tar, output: out/tiny.tar}
builds:
  tiny:
    sources: [tiny]
    provisioners:
      - type: shell
        inline: ['touch /made-it', 'exit 3']
`);
    const { result, ledger } = await bakeIn(dir, { onError: 'abort' });
    expect(result.status).toBe('failed');
    expect(result.leftRunning).toContain('chroot');
    const kept = ResourceLedger.pending(ledger);
    expect(kept.map((e) => [e.kind, e.kept])).toEqual([['rootfs-dir', true]]);
    const root = kept[0].ref.path;
    expect(existsSync(join(root, 'made-it'))).toBe(true);
    expect(existsSync(join(dir, 'out/tiny.tar'))).toBe(false);

    // Another directory, no spec: the ledger alone names the plugin's module.
    const elsewhere = mkdtempSync(join(tmpdir(), 'bake-elsewhere-'));
    const r = cli(['cleanup', '--ledger', ledger], elsewhere);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`removed root filesystem ${root}`);
    expect(existsSync(root)).toBe(false);
    expect(ResourceLedger.pending(ledger)).toEqual([]);
    // Idempotent: a second run has nothing to do.
    expect(cli(['cleanup', '--ledger', ledger], elsewhere).stdout).toContain('nothing to clean up');
  });

  it('an npm package plugin (ESM-only exports) resolved from the spec directory, used with a local one', async () => {
    const dir = exampleProject(`plugins:
  - ./rootfs-tar.mjs
  - bake-plugin-stamp
sources:
  tiny: {type: rootfs-tar, base: base.tar, output: out/tiny.tar}
builds:
  tiny:
    sources: [tiny]
    provisioners:
      - {type: stamp, path: /etc/stamp, text: from a package}
`);
    const pkg = join(dir, 'node_modules/bake-plugin-stamp');
    mkdirSync(pkg, { recursive: true });
    writeFileSync(
      join(pkg, 'package.json'),
      JSON.stringify({
        name: 'bake-plugin-stamp',
        type: 'module',
        exports: { '.': { import: './index.js' } },
      }),
    );
    writeFileSync(
      join(pkg, 'index.js'),
      `export default ({ s, req }) => ({
  kind: 'provisioner', type: 'stamp', description: 'writes a stamp file',
  schema: s.object({ path: req(s.string()), text: req(s.string()) }),
  load: async () => ({
    async run(use, comm, env, signal) {
      await comm.uploadContent(use.config.text + '\\n', use.config.path, 0o644, signal);
      env.out('info', 'stamped ' + use.config.path);
    },
  }),
});
`,
    );
    const v = cli(['validate', 'bake.yml'], dir);
    expect(v.stderr).toBe('');
    expect(v.stdout).toContain('valid, 1 build');
    const schema = JSON.parse(cli(['schema', 'bake.yml'], dir).stdout);
    expect(JSON.stringify(schema)).toContain('rootfs-tar');
    expect(JSON.stringify(schema)).toContain('writes a stamp file');
    const { result } = await bakeIn(dir);
    expect(result.error).toBeUndefined();
    expect(tarRead(join(dir, 'out/tiny.tar'), './etc/stamp')).toBe('from a package\n');
  });

  it("checks the plugin's settings like a built-in's, with positions", () => {
    const dir = exampleProject(`plugins: [./rootfs-tar.mjs]
sources:
  tiny: {type: rootfs-tar, bse: base.tar, output: base.tar}
builds:
  tiny: {sources: [tiny]}
`);
    const r = cli(['validate', 'bake.yml'], dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('bake.yml:3:28: unknown key "bse"');
    expect(r.stderr).toContain('did you mean "base"?');
    expect(r.stderr).toContain('missing required key "base"');
  });
});

describe('a plugin that cannot be used is one error at its line, never a stack trace', () => {
  const cases: [string, Record<string, string>, RegExp][] = [
    ['a module that does not exist', {}, /plugin module \.\/p\.mjs does not exist/],
    [
      'a module that throws while loading',
      { 'p.mjs': "throw new Error('boom at load');\n" },
      /plugin \.\/p\.mjs failed to load: boom at load/,
    ],
    [
      'a module that exports nothing',
      { 'p.mjs': 'export const x = 1;\n' },
      /plugin \.\/p\.mjs exports no descriptors/,
    ],
    [
      'a descriptor without a schema',
      {
        'p.mjs':
          "export default { kind: 'builder', type: 'x', description: 'x', artifact: 'none', load: async () => ({}) };\n",
      },
      /plugin \.\/p\.mjs: x: schema must be an object schema/,
    ],
    [
      'a type that a built-in has',
      {
        'p.mjs':
          "export default ({s}) => ({ kind: 'builder', type: 'docker', description: 'mine', schema: s.object({}), artifact: 'none', load: async () => ({}) });\n",
      },
      /plugin \.\/p\.mjs: builder type "docker" is already a built-in/,
    ],
    [
      "a ledger kind a built-in's cleaner owns",
      {
        'p.mjs':
          "export default ({s}) => ({ kind: 'builder', type: 'mine', description: 'mine', schema: s.object({}), artifact: 'none', cleaners: { 'docker-image': async () => {} }, load: async () => ({}) });\n",
      },
      /ledger kind "docker-image" of builder "mine" already belongs to builder "docker"/,
    ],
  ];
  it.each(cases)('%s', (_what, files, message) => {
    const dir = tempProject({
      'bake.yml': `sources:
  a: {type: docker, image: busybox:latest}
plugins:
  - ./p.mjs
builds:
  b: {sources: [a]}
`,
      ...files,
    });
    const r = cli(['validate', 'bake.yml'], dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/^error: bake\.yml:4:5: /);
    expect(r.stderr).toContain('\n1 error\n');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a package that is not installed says how to install it', () => {
    const dir = tempProject({
      'bake.yml':
        'plugins: [bake-plugin-nowhere]\nsources: {a: {type: docker, image: busybox:latest}}\nbuilds: {b: {sources: [a]}}\n',
    });
    const r = cli(['validate', 'bake.yml'], dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      'bake.yml:1:11: plugin package bake-plugin-nowhere is not installed',
    );
    expect(r.stderr).toContain('npm install bake-plugin-nowhere');
  });
});

describe('artifact kinds', () => {
  it('a post-processor given an artifact it cannot take is a validate error at its line', () => {
    const p = problemsOf(`sources:
  a: {type: docker, image: busybox:latest, commit: true}
builds:
  b:
    sources: [a]
    post-processors:
      - [{type: docker-save, path: a.tar}, {type: docker-push}]
      - type: checksum
`);
    expect(p.map((x) => [x.pos?.line, x.message])).toEqual([
      [7, 'docker-push cannot take files'],
      [8, 'checksum cannot take a Docker image'],
    ]);
    expect(p[1].hint).toContain('the docker builder here makes a Docker image');
  });

  it('what a builder makes can follow its settings (export_path makes files)', () => {
    const plan = planOf(`sources:
  a: {type: docker, image: busybox:latest, export_path: a.tar}
builds:
  b: {sources: [a], post-processors: [{type: checksum}]}
`);
    expect(plan.instances[0].postProcessors[0].map((p) => p.type)).toEqual(['checksum']);
  });
});

describe('the registry', () => {
  const desc = (type: string, cleaners: Descriptor['cleaners'] = {}): Descriptor => ({
    kind: 'provisioner',
    type,
    description: type,
    schema: { kind: 'object', fields: {} },
    cleaners,
    load: async () => ({ run: async () => undefined }),
  });

  it('refuses a type or a ledger kind that is taken, and copies leave the original alone', () => {
    const r = new Registry([desc('a', { k: async () => undefined })]);
    expect(() => r.add(desc('a'))).toThrow('provisioner type "a" is already a built-in');
    expect(() => r.add(desc('b', { k: async () => undefined }))).toThrow(
      'ledger kind "k" of provisioner "b" already belongs to provisioner "a"',
    );
    const c = r.copy();
    c.add(desc('c'), { module: '/x/c.mjs', name: './c.mjs' });
    expect(r.get('provisioner', 'c')).toBeUndefined();
    expect(() => c.add(desc('c'))).toThrow('already defined by plugin ./c.mjs');
  });

  it('every built-in ledger kind has one owner, and every built-in is a folder with an index', () => {
    const reg = builtInRegistry();
    for (const kind of ['builder', 'provisioner', 'post-processor'] as const)
      for (const d of reg.all(kind)) {
        const folder = join('src/plugins', `${kind}s`, d.type);
        expect(existsSync(join(folder, 'index.ts'))).toBe(true);
        for (const lk of Object.keys(d.cleaners ?? {})) expect(reg.ownerOf(lk)?.descriptor).toBe(d);
      }
    expect(reg.ownerOf('aws-instance')?.descriptor.type).toBe('amazon-ebs');
  });
});

describe('the layers', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory()
        ? files(join(dir, e.name))
        : e.name.endsWith('.ts')
          ? [join(dir, e.name)]
          : [],
    );
  const code = (f: string) =>
    readFileSync(f, 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\/\/.*$/gm, '');

  it('the engine, the CLI and the action name no builder, cloud or plugin type', () => {
    const names = builtInRegistry()
      .all('builder')
      .map((b) => b.type)
      .filter((t) => t !== 'null');
    const found: string[] = [];
    for (const f of [
      ...files('src/engine'),
      ...files('src/action'),
      'src/cli.ts',
      'src/cli-args.ts',
    ])
      for (const n of [...names, 'aws', 'azure', 'google'])
        if (new RegExp(`['"\`/]${n}['"\`/-]`, 'i').test(code(f))) found.push(`${f}: ${n}`);
    expect(found).toEqual([]);
  });

  it('the engine imports no plugin: only the contract, as types', () => {
    const bad: string[] = [];
    for (const f of files('src/engine'))
      for (const m of code(f).matchAll(/^import (type )?[^;]*from '([^']+)'/gm))
        if (m[2].includes('/plugins/') && (m[1] !== 'type ' || !m[2].endsWith('/plugins/api')))
          bad.push(`${f}: ${m[0]}`);
    expect(bad).toEqual([]);
  });
});

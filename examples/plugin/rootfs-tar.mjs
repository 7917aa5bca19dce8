// A bake builder that lives outside bake: a root filesystem tarball, provisioned in a chroot.
//
//   plugins: [./rootfs-tar.mjs]
//   sources:
//     tiny: {type: rootfs-tar, base: base.tar, output: out/tiny.tar}
//
// It unpacks `base` into a temporary directory, lets the build's provisioners work inside it
// through `chroot` (so it needs Linux and root), and packs the result into `output`. Both the
// directory and the half-written tarball are in bake's ledger from the moment they exist, so a
// killed or failed build is cleaned by `bake cleanup` even without this spec at hand.
//
// The default export is a function of the kit bake hands in (schema builders, BuildError, ...),
// so the plugin imports nothing from bake. See docs/plugins.md for the contract.
import { spawn } from 'node:child_process';
import { chmod, cp, mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, posix, resolve } from 'node:path';

/** @param {import('../../dist/types/src/plugins/kit').PluginKit} kit */
export default function rootfsTar(kit) {
  const { s, opt, req, BuildError } = kit;

  /**
   * Runs a program; resolves with its exit code and its last lines of output.
   * @param {string[]} argv
   * @param {{signal?: AbortSignal, env?: Record<string, string>, onStdout?: (l: string) => void, onStderr?: (l: string) => void}} [o]
   * @returns {Promise<{exitCode: number, tail: string[]}>}
   */
  function run(argv, o = {}) {
    const { signal, env, onStdout, onStderr } = o;
    return new Promise((done, fail) => {
      const child = spawn(argv[0], argv.slice(1), {
        env,
        signal,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const tail = [];
      const lines = (emit) => {
        let rest = '';
        return (chunk) => {
          const parts = (rest + chunk).split('\n');
          rest = parts.pop() ?? '';
          for (const l of parts) {
            tail.push(l);
            if (tail.length > 20) tail.shift();
            emit?.(l);
          }
        };
      };
      child.stdout.on('data', lines(onStdout));
      child.stderr.on('data', lines(onStderr));
      child.on('error', fail);
      child.on('close', (code) => done({ exitCode: code ?? 1, tail }));
    });
  }

  /**
   * A path inside the root filesystem; `..` cannot climb out of it.
   * @param {string} root @param {string} p
   */
  const inside = (root, p) => resolve(root, '.' + posix.normalize('/' + p));

  /**
   * How provisioners reach the machine: commands through chroot, files by copying.
   * @param {string} root @param {string} shell
   * @returns {import('../../dist/types/src/communicators/communicator').Communicator}
   */
  function chrootCommunicator(root, shell) {
    return {
      async exec(command, o) {
        return run(['chroot', root, shell, '-c', command], {
          signal: o.signal,
          env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin', HOME: '/root', ...o.env },
          onStdout: o.onStdout,
          onStderr: o.onStderr,
        });
      },
      async upload(local, remote) {
        const target = inside(root, remote);
        await mkdir(dirname(target), { recursive: true });
        await cp(local.endsWith('/') ? local.slice(0, -1) : local, target, {
          recursive: true,
          verbatimSymlinks: true,
        });
      },
      async uploadContent(content, remote, mode) {
        const target = inside(root, remote);
        await mkdir(dirname(target), { recursive: true });
        await writeFile(target, content);
        await chmod(target, mode);
      },
      async download(remote, local) {
        await mkdir(dirname(local), { recursive: true });
        await cp(inside(root, remote), local, { recursive: true, verbatimSymlinks: true });
      },
      describe: () => `the root filesystem at ${root} (chroot ${root} /bin/sh)`,
    };
  }

  /** @type {import('../../dist/types/src/plugins/api').BuilderDescriptor} */
  const descriptor = {
    kind: 'builder',
    type: 'rootfs-tar',
    description: 'a root filesystem tarball, provisioned in a chroot (Linux, as root)',
    schema: s.object({
      base: req(s.string(), 'tarball of the root filesystem to start from (relative to the spec)'),
      output: req(s.string(), 'tarball to write (relative to the spec)'),
      shell: opt(s.string(), 'the shell inside the root filesystem', '/bin/sh'),
    }),
    refine: (c) =>
      c.output === c.base
        ? [{ key: 'output', message: 'output is the same file as base', hint: 'write elsewhere' }]
        : [],
    artifact: 'files',
    localInputs: (c, specDir) => [resolve(specDir, String(c.base))],
    cleaners: {
      // Idempotent: what is already gone counts as removed.
      'rootfs-dir': (entry) => rm(entry.ref.path, { recursive: true, force: true }),
      'rootfs-output': (entry) => rm(entry.ref.path, { force: true }),
    },
    async load() {
      return {
        steps(env, provision) {
          const c = env.instance.config;
          const base = resolve(env.specDir, String(c.base));
          const output = resolve(env.specDir, String(c.output));
          /** @type {string | undefined} */
          let root;
          /** @type {import('../../dist/types/src/engine/ledger').LedgerEntry | undefined} */
          let dirEntry;
          return [
            {
              name: 'unpack',
              async run(state, ctx) {
                root = await mkdtemp(resolve(tmpdir(), 'bake-rootfs-'));
                dirEntry = env.ledger.add(
                  env.instance.name,
                  'rootfs-dir',
                  { path: root },
                  `root filesystem ${root}`,
                );
                const r = await run(['tar', '-xf', base, '-C', root], { signal: ctx.signal });
                if (r.exitCode !== 0)
                  throw new BuildError(
                    `could not unpack ${base}`,
                    'base must be a tar file',
                    r.tail,
                  );
                state.communicator = chrootCommunicator(root, String(c.shell ?? '/bin/sh'));
                ctx.log(`unpacked ${base} into ${root}`);
              },
              async cleanup() {
                if (!root || !dirEntry) return;
                await rm(root, { recursive: true, force: true });
                env.ledger.done(dirEntry);
              },
            },
            provision,
            {
              name: 'pack',
              async run(state, ctx) {
                await mkdir(dirname(output), { recursive: true });
                const partial = `${output}.partial`;
                const entry = env.ledger.add(
                  env.instance.name,
                  'rootfs-output',
                  { path: output },
                  `tarball ${output}`,
                );
                const r = await run(['tar', '-C', String(root), '-cf', partial, '.'], {
                  signal: ctx.signal,
                });
                if (r.exitCode !== 0) {
                  await rm(partial, { force: true });
                  env.ledger.done(entry);
                  throw new BuildError(`could not pack ${output}`, undefined, r.tail);
                }
                await rename(partial, output);
                // Until the build ends well the tarball is a half-made result, in the ledger.
                state.artifact = {
                  id: output,
                  builderType: 'rootfs-tar',
                  files: [output],
                  description: `root filesystem tarball ${output}`,
                  ledgerEntries: [entry],
                  destroy: () => rm(output, { force: true }),
                };
                ctx.log(`packed ${output}`);
              },
            },
          ];
        },
      };
    },
  };
  return descriptor;
}

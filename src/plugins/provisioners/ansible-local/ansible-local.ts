import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { Communicator, shQuote } from '../../../communicators/communicator';
import { BuildError, ProvisionerImpl } from '../../../engine/context';

/**
 * As Packer does it: the playbooks, the playbook folder, roles, group and host vars and the
 * inventory go to a staging directory on the machine, and the playbook runs there against
 * the machine itself (`-c local`), with packer_build_name and packer_builder_type set.
 */
export const ansibleLocal: ProvisionerImpl = {
  async run(use, comm: Communicator | undefined, env, signal) {
    if (!comm)
      throw new BuildError(
        'ansible-local needs a machine to run on',
        'this builder has no communicator; use the ansible provisioner, which runs from here',
      );
    const c = use.config;
    const local = (p: string, what: string, dir = false) => {
      const full = resolve(env.specDir, p);
      const st = statSync(full, { throwIfNoEntry: false });
      if (!st || st.isDirectory() !== dir)
        throw new BuildError(
          `ansible-local: ${what} ${full} ${st ? `is not a ${dir ? 'folder' : 'file'}` : 'does not exist'}`,
          `see ${use.at ?? use.path}`,
        );
      return full;
    };
    const playbooks = ((c.playbook_files as string[] | undefined) ?? [String(c.playbook_file)]).map(
      (p) => local(p, 'playbook'),
    );
    const stage = String(
      c.staging_directory ?? `/tmp/bake-ansible-local-${randomBytes(4).toString('hex')}`,
    );
    const q = shQuote;
    const run = async (command: string, what: string) => {
      const r = await comm.exec(command, {
        signal,
        onStdout: (l) => env.out('stdout', l),
        onStderr: (l) => env.out('stderr', l),
      });
      if (r.exitCode !== 0)
        throw new BuildError(
          `ansible-local: ${what} exited with code ${r.exitCode}`,
          undefined,
          r.tail,
        );
    };
    await run(`mkdir -p ${q(stage)}`, 'making the staging directory');
    try {
      if (typeof c.playbook_dir === 'string')
        await comm.upload(local(c.playbook_dir, 'playbook_dir', true) + '/', stage, signal);
      for (const p of playbooks) await comm.upload(p, `${stage}/${basename(p)}`, signal);
      for (const r of (c.role_paths as string[] | undefined) ?? []) {
        const dir = local(r, 'role path', true);
        await run(`mkdir -p ${q(`${stage}/roles`)}`, 'making the roles directory');
        await comm.upload(dir + '/', `${stage}/roles/${basename(dir)}`, signal);
      }
      for (const k of ['group_vars', 'host_vars'] as const)
        if (typeof c[k] === 'string')
          await comm.upload(local(String(c[k]), k, true) + '/', `${stage}/${k}`, signal);
      let inventory: string;
      if (typeof c.inventory_file === 'string') {
        const inv = local(c.inventory_file, 'inventory_file');
        inventory = `${stage}/${basename(inv)}`;
        await comm.upload(inv, inventory, signal);
      } else {
        const groups = (c.inventory_groups as string[] | undefined) ?? [];
        inventory = `${stage}/bake-inventory`;
        const text = groups.length
          ? groups.map((g) => `[${g}]\n127.0.0.1\n`).join('\n')
          : '127.0.0.1\n';
        await comm.uploadContent(text, inventory, 0o644, signal);
      }
      const extra = ((c.extra_arguments as string[] | undefined) ?? []).map(q).join(' ');
      const vars = `packer_build_name=${env.instance.source} packer_builder_type=${env.instance.type}`;
      for (const p of playbooks) {
        env.out('info', `running ${basename(p)} on the machine`);
        await run(
          [
            `cd ${q(stage)} &&`,
            'ANSIBLE_FORCE_COLOR=1 PYTHONUNBUFFERED=1',
            String(c.command ?? 'ansible-playbook'),
            q(basename(p)),
            `--extra-vars ${q(vars)}`,
            extra,
            `-c local -i ${q(inventory)}`,
          ]
            .filter(Boolean)
            .join(' '),
          basename(p),
        );
      }
    } finally {
      if (c.clean_staging_directory === true && !signal.aborted)
        await comm.exec(`rm -rf ${q(stage)}`, { signal }).catch(() => undefined);
    }
  },
};

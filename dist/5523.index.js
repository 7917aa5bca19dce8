"use strict";
exports.id = 5523;
exports.ids = [5523];
exports.modules = {

/***/ 15523:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ansibleLocal: () => (/* binding */ ansibleLocal)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _communicators_communicator__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(54717);
/* harmony import */ var _engine_context__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(86173);





/**
 * As Packer does it: the playbooks, the playbook folder, roles, group and host vars and the
 * inventory go to a staging directory on the machine, and the playbook runs there against
 * the machine itself (`-c local`), with packer_build_name and packer_builder_type set.
 */
const ansibleLocal = {
    async run(use, comm, env, signal) {
        if (!comm)
            throw new _engine_context__WEBPACK_IMPORTED_MODULE_3__/* .BuildError */ .zS('ansible-local needs a machine to run on', 'this builder has no communicator; use the ansible provisioner, which runs from here');
        const c = use.config;
        const local = (p, what, dir = false) => {
            const full = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(env.specDir, p);
            const st = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.statSync)(full, { throwIfNoEntry: false });
            if (!st || st.isDirectory() !== dir)
                throw new _engine_context__WEBPACK_IMPORTED_MODULE_3__/* .BuildError */ .zS(`ansible-local: ${what} ${full} ${st ? `is not a ${dir ? 'folder' : 'file'}` : 'does not exist'}`, `see ${use.at ?? use.path}`);
            return full;
        };
        const playbooks = (c.playbook_files ?? [String(c.playbook_file)]).map((p) => local(p, 'playbook'));
        const stage = String(c.staging_directory ?? `/tmp/bake-ansible-local-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(4).toString('hex')}`);
        const q = _communicators_communicator__WEBPACK_IMPORTED_MODULE_4__/* .shQuote */ .US;
        const run = async (command, what) => {
            const r = await comm.exec(command, {
                signal,
                onStdout: (l) => env.out('stdout', l),
                onStderr: (l) => env.out('stderr', l),
            });
            if (r.exitCode !== 0)
                throw new _engine_context__WEBPACK_IMPORTED_MODULE_3__/* .BuildError */ .zS(`ansible-local: ${what} exited with code ${r.exitCode}`, undefined, r.tail);
        };
        await run(`mkdir -p ${q(stage)}`, 'making the staging directory');
        try {
            if (typeof c.playbook_dir === 'string')
                await comm.upload(local(c.playbook_dir, 'playbook_dir', true) + '/', stage, signal);
            for (const p of playbooks)
                await comm.upload(p, `${stage}/${(0,node_path__WEBPACK_IMPORTED_MODULE_2__.basename)(p)}`, signal);
            for (const r of c.role_paths ?? []) {
                const dir = local(r, 'role path', true);
                await run(`mkdir -p ${q(`${stage}/roles`)}`, 'making the roles directory');
                await comm.upload(dir + '/', `${stage}/roles/${(0,node_path__WEBPACK_IMPORTED_MODULE_2__.basename)(dir)}`, signal);
            }
            for (const k of ['group_vars', 'host_vars'])
                if (typeof c[k] === 'string')
                    await comm.upload(local(String(c[k]), k, true) + '/', `${stage}/${k}`, signal);
            let inventory;
            if (typeof c.inventory_file === 'string') {
                const inv = local(c.inventory_file, 'inventory_file');
                inventory = `${stage}/${(0,node_path__WEBPACK_IMPORTED_MODULE_2__.basename)(inv)}`;
                await comm.upload(inv, inventory, signal);
            }
            else {
                const groups = c.inventory_groups ?? [];
                inventory = `${stage}/bake-inventory`;
                const text = groups.length
                    ? groups.map((g) => `[${g}]\n127.0.0.1\n`).join('\n')
                    : '127.0.0.1\n';
                await comm.uploadContent(text, inventory, 0o644, signal);
            }
            const extra = (c.extra_arguments ?? []).map(q).join(' ');
            const vars = `packer_build_name=${env.instance.source} packer_builder_type=${env.instance.type}`;
            for (const p of playbooks) {
                env.out('info', `running ${(0,node_path__WEBPACK_IMPORTED_MODULE_2__.basename)(p)} on the machine`);
                await run([
                    `cd ${q(stage)} &&`,
                    'ANSIBLE_FORCE_COLOR=1 PYTHONUNBUFFERED=1',
                    String(c.command ?? 'ansible-playbook'),
                    q((0,node_path__WEBPACK_IMPORTED_MODULE_2__.basename)(p)),
                    `--extra-vars ${q(vars)}`,
                    extra,
                    `-c local -i ${q(inventory)}`,
                ]
                    .filter(Boolean)
                    .join(' '), (0,node_path__WEBPACK_IMPORTED_MODULE_2__.basename)(p));
            }
        }
        finally {
            if (c.clean_staging_directory === true && !signal.aborted)
                await comm.exec(`rm -rf ${q(stage)}`, { signal }).catch(() => undefined);
        }
    },
};


/***/ })

};
;
"use strict";
exports.id = 6471;
exports.ids = [6471];
exports.modules = {

/***/ 76471:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ansible: () => (/* binding */ ansible)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _local_process__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(38475);
/* harmony import */ var _communicators_communicator__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(54717);
/* harmony import */ var _engine_context__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(86173);
/**
 * Runs ansible-playbook on this machine against the build: over SSH with the build's own
 * credentials (a temporary 0600 key file, removed afterwards), or into a Docker build
 * container through Ansible's docker connection.
 */







function iniValue(v) {
    return /^[\w./@:-]+$/.test(v) ? v : `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}
let dockerConnection;
function hasDockerConnection(command) {
    if (dockerConnection === undefined) {
        const doc = command.replace(/ansible-playbook$/, 'ansible-doc');
        const r = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawnSync)(doc, ['-t', 'connection', '-l'], { encoding: 'utf8', timeout: 60_000 });
        dockerConnection = r.status === 0 && /(^|\s)(community\.docker\.)?docker\s/m.test(r.stdout);
    }
    return dockerConnection;
}
/** ansible-playbook or ansible-galaxy; a missing program says what to install. */
async function run(cmd, args, cwd, environment, env, signal) {
    try {
        return await (0,_local_process__WEBPACK_IMPORTED_MODULE_4__/* .runLocal */ .R)(cmd, args, { cwd, env: environment, signal, tailLines: 30 }, env);
    }
    catch (e) {
        if (e.code === 'ENOENT')
            throw new _engine_context__WEBPACK_IMPORTED_MODULE_5__/* .BuildError */ .zS(`${cmd} is not installed on this machine`, 'install Ansible (apt-get install ansible, or pip install ansible)');
        throw e;
    }
}
const knowsHosts = (c) => typeof c?.knownHosts === 'function';
const ansible = {
    async run(use, comm, env, signal) {
        const c = use.config;
        const conn = env.connection;
        if (!conn)
            throw new _engine_context__WEBPACK_IMPORTED_MODULE_5__/* .BuildError */ .zS('the ansible provisioner needs a machine', 'use it with a builder that reaches a machine (docker, null, cloud builders)');
        const command = String(c.command ?? 'ansible-playbook');
        const alias = String(c.host_alias ?? 'default');
        const dir = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.mkdtempSync)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_2__.tmpdir)(), 'bake-ansible-'));
        try {
            const hostVars = {};
            // Set for ansible only; what the spec passes in ansible_env_vars comes on top.
            const sshEnv = {};
            if (conn.type === 'ssh') {
                const o = conn.options;
                hostVars.ansible_host = o.host;
                hostVars.ansible_port = String(o.port);
                hostVars.ansible_user = String(c.user ?? o.username);
                // The machines' keys as the build verified them: Ansible's ssh is held to the same.
                const knownHosts = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, 'known_hosts');
                const verified = knowsHosts(comm) ? await comm.knownHosts(signal) : '';
                if (!verified)
                    throw new _engine_context__WEBPACK_IMPORTED_MODULE_5__/* .BuildError */ .zS("the ansible provisioner could not learn the machine's host key from the build's connection", 'pin it with ssh_host_key or ssh_known_hosts_file');
                (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.writeFileSync)(knownHosts, verified, { mode: 0o600 });
                // Ansible's ssh shares connections through control sockets; ones of this run only, so
                // no connection another run opened (to another machine at this address) is reused.
                sshEnv.ANSIBLE_SSH_CONTROL_PATH_DIR = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, 'cp');
                const hostKeyArgs = `-o StrictHostKeyChecking=yes -o UserKnownHostsFile=${knownHosts} -o GlobalKnownHostsFile=/dev/null`;
                const sshArgs = [hostKeyArgs];
                // With agent auth the agent's keys must be offered, so identities are not limited.
                if (!o.agent)
                    sshArgs.push('-o IdentitiesOnly=yes');
                else
                    sshEnv.SSH_AUTH_SOCK = o.agent;
                if (o.privateKey !== undefined) {
                    const keyFile = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, 'key');
                    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.writeFileSync)(keyFile, o.privateKey.toString().trimEnd() + '\n', { mode: 0o600 });
                    hostVars.ansible_ssh_private_key_file = keyFile;
                    if (o.passphrase) {
                        // ssh asks SSH_ASKPASS for the key's passphrase; that program reads it from a
                        // 0600 file, so it is never on a command line nor in an environment.
                        const secret = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, 'passphrase');
                        const askpass = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, 'askpass');
                        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.writeFileSync)(secret, o.passphrase, { mode: 0o600 });
                        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.writeFileSync)(askpass, `#!/bin/sh\ncase "$1" in *"${keyFile}'"*) exec cat '${secret}' ;; esac\nexit 1\n`, { mode: 0o700 });
                        sshEnv.SSH_ASKPASS = askpass;
                        sshEnv.SSH_ASKPASS_REQUIRE = 'force';
                        sshEnv.DISPLAY = process.env.DISPLAY ?? ':0';
                    }
                }
                else if (o.password !== undefined) {
                    hostVars.ansible_password = o.password;
                }
                if (o.bastion?.agent && !o.agent)
                    sshEnv.SSH_AUTH_SOCK = o.bastion.agent;
                if (o.bastion) {
                    if (o.bastion.password !== undefined && o.bastion.privateKey === undefined) {
                        throw new _engine_context__WEBPACK_IMPORTED_MODULE_5__/* .BuildError */ .zS('ansible cannot pass a password to a bastion host', 'give the bastion a private key (ssh_bastion_private_key_file) or use an agent');
                    }
                    let proxy = `-o ProxyCommand="ssh -W %h:%p -p ${o.bastion.port} ${hostKeyArgs}${o.bastion.agent ? '' : ' -o IdentitiesOnly=yes'}`;
                    if (o.bastion.privateKey !== undefined) {
                        const bkey = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, 'bastion-key');
                        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.writeFileSync)(bkey, o.bastion.privateKey.toString().trimEnd() + '\n', { mode: 0o600 });
                        proxy += ` -i ${bkey}`;
                    }
                    sshArgs.push(`${proxy} ${o.bastion.username}@${o.bastion.host}"`);
                }
                hostVars.ansible_ssh_common_args = sshArgs.join(' ');
                if (c.use_sftp === true)
                    hostVars.ansible_ssh_transfer_method = 'sftp';
                // sftp -s runs the command on the machine as its sftp server when it holds a "/";
                // a bare name would be read as a subsystem, so env finds it on the PATH, as a
                // shell would.
                if (typeof c.sftp_command === 'string') {
                    const server = c.sftp_command.trim();
                    sshEnv.ANSIBLE_SFTP_EXTRA_ARGS = `-s ${(0,_communicators_communicator__WEBPACK_IMPORTED_MODULE_6__/* .shQuote */ .US)(server.includes('/') ? server : `/usr/bin/env ${server}`)}`;
                }
            }
            else {
                if (typeof c.sftp_command === 'string')
                    throw new _engine_context__WEBPACK_IMPORTED_MODULE_5__/* .BuildError */ .zS('sftp_command is for a machine reached over SSH; Ansible reaches this container through the docker connection', 'remove sftp_command');
                if (!hasDockerConnection(command)) {
                    throw new _engine_context__WEBPACK_IMPORTED_MODULE_5__/* .BuildError */ .zS("Ansible's docker connection plugin is not installed", 'install it with: ansible-galaxy collection install community.docker');
                }
                hostVars.ansible_connection = 'community.docker.docker';
                hostVars.ansible_host = conn.containerId;
                if (c.user ?? conn.user)
                    hostVars.ansible_user = String(c.user ?? conn.user);
            }
            const groups = c.groups ?? [];
            const hostLine = `${alias} ${Object.entries(hostVars)
                .map(([k, v]) => `${k}=${iniValue(v)}`)
                .join(' ')}`;
            const inventory = [hostLine, ...groups.flatMap((g) => ['', `[${g}]`, alias])].join('\n') + '\n';
            const inventoryFile = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, 'inventory.ini');
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.writeFileSync)(inventoryFile, inventory, { mode: 0o600 });
            const environment = {
                ...sshEnv,
                ANSIBLE_HOST_KEY_CHECKING: 'True',
                ANSIBLE_RETRY_FILES_ENABLED: 'False',
                ANSIBLE_NOCOLOR: '1',
                PYTHONUNBUFFERED: '1',
            };
            if (typeof c.roles_path === 'string')
                environment.ANSIBLE_ROLES_PATH = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.resolve)(env.specDir, c.roles_path);
            if (typeof c.collections_path === 'string')
                environment.ANSIBLE_COLLECTIONS_PATH = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.resolve)(env.specDir, c.collections_path);
            for (const kv of c.ansible_env_vars ?? []) {
                const eq = kv.indexOf('=');
                if (eq <= 0)
                    throw new _engine_context__WEBPACK_IMPORTED_MODULE_5__/* .BuildError */ .zS(`ansible_env_vars entry "${kv}" is not KEY=value`, use.path);
                environment[kv.slice(0, eq)] = kv.slice(eq + 1);
            }
            if (typeof c.galaxy_file === 'string') {
                const galaxy = command.replace(/ansible-playbook$/, 'ansible-galaxy');
                const args = ['install', '-r', (0,node_path__WEBPACK_IMPORTED_MODULE_3__.resolve)(env.specDir, c.galaxy_file)];
                if (typeof c.roles_path === 'string')
                    args.push('-p', (0,node_path__WEBPACK_IMPORTED_MODULE_3__.resolve)(env.specDir, c.roles_path));
                const g = await run(galaxy, args, env.specDir, environment, env, signal);
                if (g.code !== 0)
                    throw new _engine_context__WEBPACK_IMPORTED_MODULE_5__/* .BuildError */ .zS(`ansible-galaxy install exited with code ${g.code}`, undefined, g.tail);
            }
            // The spec's own inventory first: where both name the machine, bake's (read last) wins.
            const own = typeof c.inventory_file === 'string' ? ['-i', (0,node_path__WEBPACK_IMPORTED_MODULE_3__.resolve)(env.specDir, c.inventory_file)] : [];
            const args = [
                ...own,
                '-i',
                inventoryFile,
                '--limit',
                alias,
                ...(c.extra_arguments ?? []),
                (0,node_path__WEBPACK_IMPORTED_MODULE_3__.resolve)(env.specDir, String(c.playbook_file)),
            ];
            const r = await run(command, args, env.specDir, environment, env, signal);
            if (r.code !== 0)
                throw new _engine_context__WEBPACK_IMPORTED_MODULE_5__/* .BuildError */ .zS(`ansible-playbook exited with code ${r.code}`, 'the playbook output above says which task failed', r.tail);
        }
        finally {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.rmSync)(dir, { recursive: true, force: true });
        }
    },
};


/***/ }),

/***/ 38475:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ runLocal)
/* harmony export */ });
/* unused harmony export childEnvironment */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _communicators_communicator__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(54717);
/** Runs a program on the machine running bake, streaming its lines into the build's output. */


/**
 * What of the runner's own environment a program may not see: the action's inputs (its token,
 * the vars), the runner's tokens for its services, and the job's token. A spec that wants
 * one passes it explicitly.
 */
const WITHHELD = [/^INPUT_/i, /^ACTIONS_/i, /^GITHUB_TOKEN$/i];
/** The runner's environment without its secrets, with `explicit` (from the spec) on top. */
function childEnvironment(explicit = {}, base = process.env) {
    const out = {};
    for (const [k, v] of Object.entries(base))
        if (v !== undefined && !WITHHELD.some((re) => re.test(k)))
            out[k] = v;
    return { ...out, ...explicit };
}
/** Resolves with the exit code and the last lines; rejects when the program cannot start. */
function runLocal(cmd, args, o, build) {
    return new Promise((res, rej) => {
        const tail = (0,_communicators_communicator__WEBPACK_IMPORTED_MODULE_1__/* .tailKeeper */ .L3)(o.tailLines);
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(cmd, args, {
            cwd: o.cwd,
            env: childEnvironment(o.env),
            stdio: ['ignore', 'pipe', 'pipe'],
            signal: o.signal,
        });
        const out = new _communicators_communicator__WEBPACK_IMPORTED_MODULE_1__/* .LineSplitter */ .g3((l) => (tail.push(l), build.out('stdout', l)));
        const err = new _communicators_communicator__WEBPACK_IMPORTED_MODULE_1__/* .LineSplitter */ .g3((l) => (tail.push(l), build.out('stderr', l)));
        child.stdout.on('data', (d) => out.write(d));
        child.stderr.on('data', (d) => err.write(d));
        child.on('error', rej);
        child.on('close', (code) => {
            out.end();
            err.end();
            res({ code: code ?? -1, tail: tail.lines });
        });
    });
}


/***/ })

};
;
"use strict";
exports.id = 5240;
exports.ids = [5240,7939];
exports.modules = {

/***/ 17939:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   freePort: () => (/* binding */ freePort),
/* harmony export */   processStartTime: () => (/* binding */ processStartTime),
/* harmony export */   qmp: () => (/* binding */ qmp),
/* harmony export */   removeEmptyDirs: () => (/* binding */ removeEmptyDirs),
/* harmony export */   removePath: () => (/* binding */ removePath),
/* harmony export */   runTool: () => (/* binding */ runTool),
/* harmony export */   sameProcess: () => (/* binding */ sameProcess),
/* harmony export */   stopQemu: () => (/* binding */ stopQemu),
/* harmony export */   waitGone: () => (/* binding */ waitGone)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(77030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_net__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _engine_errors__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(17679);
/* harmony import */ var _engine_steps__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(54277);
/**
 * The QEMU process and the tools around it: starting qemu-system with a QMP socket,
 * stopping it (QMP quit, then a kill), knowing a process by its pid *and* its start time so
 * that a pid the system has since given to another program is never signalled, and running
 * qemu-img and xorriso so that a cancel stops them.
 */






/** The process's start time in clock ticks since boot (field 22 of /proc/PID/stat). */
function processStartTime(pid) {
    try {
        const stat = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(`/proc/${pid}/stat`, 'utf8');
        // The command name (field 2) may hold spaces and parentheses: count from its end.
        const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return rest[19];
    }
    catch {
        return undefined;
    }
}
/** True while the process with this pid is the one that started at `start`. */
function sameProcess(pid, start) {
    const now = processStartTime(pid);
    if (now === undefined || now !== start)
        return false;
    // A zombie is gone for our purposes: it holds no disk and no port.
    try {
        const stat = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(`/proc/${pid}/stat`, 'utf8');
        return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
    }
    catch {
        return false;
    }
}
/** Sends one QMP command and resolves with its answer (or rejects after `ms`). */
function qmp(socket, command, ms = 3000) {
    return new Promise((resolve, reject) => {
        const conn = (0,node_net__WEBPACK_IMPORTED_MODULE_3__.createConnection)(socket);
        let buf = '';
        let stage = 0;
        const timer = setTimeout(() => {
            conn.destroy();
            reject(new Error(`QMP ${command}: no answer in ${ms} ms`));
        }, ms);
        const finish = (e, v) => {
            clearTimeout(timer);
            conn.destroy();
            if (e)
                reject(e);
            else
                resolve(v);
        };
        conn.on('error', (e) => finish(e));
        // quit closes the socket instead of answering at times: that is success too.
        conn.on('close', () => finish(stage === 2 && command === 'quit'
            ? undefined
            : new Error(`QMP ${command}: connection closed`)));
        conn.on('data', (d) => {
            buf += d.toString();
            let nl;
            while ((nl = buf.indexOf('\n')) >= 0) {
                const line = buf.slice(0, nl).trim();
                buf = buf.slice(nl + 1);
                if (!line)
                    continue;
                const msg = JSON.parse(line);
                if (msg.event)
                    continue;
                if (stage === 0 && msg.QMP) {
                    stage = 1;
                    conn.write(JSON.stringify({ execute: 'qmp_capabilities' }) + '\n');
                }
                else if (stage === 1 && 'return' in msg) {
                    stage = 2;
                    conn.write(JSON.stringify({ execute: command }) + '\n');
                }
                else if (stage === 2) {
                    if (msg.error)
                        return finish(new Error(`QMP ${command}: ${JSON.stringify(msg.error)}`));
                    return finish(undefined, msg.return);
                }
            }
        });
    });
}
/** Waits until the process is gone or `ms` pass; true when it is gone. */
async function waitGone(pid, start, ms, signal) {
    const deadline = Date.now() + ms;
    while (sameProcess(pid, start)) {
        if (Date.now() >= deadline)
            return false;
        await (0,_engine_steps__WEBPACK_IMPORTED_MODULE_5__/* .sleep */ .yy)(200, signal);
    }
    return true;
}
/**
 * Stops a QEMU process: QMP quit (QEMU flushes its disks and exits), then SIGKILL if it is
 * still there. A pid that now names another process is left alone.
 */
async function stopQemu(ref) {
    const pid = Number(ref.pid);
    if (!sameProcess(pid, ref.start))
        return;
    if (ref.qmp && (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(ref.qmp)) {
        await qmp(ref.qmp, 'quit').catch(() => undefined);
        if (await waitGone(pid, ref.start, 5000))
            return;
    }
    if (sameProcess(pid, ref.start)) {
        try {
            process.kill(pid, 'SIGKILL');
        }
        catch {
            return;
        }
        await waitGone(pid, ref.start, 5000);
    }
}
/** A TCP port on 127.0.0.1 in [min, max] that nothing listens on, trying them in order. */
async function freePort(min, max, skip) {
    for (let port = min; port <= max; port++) {
        if (skip.has(port))
            continue;
        const ok = await new Promise((resolve) => {
            const srv = (0,node_net__WEBPACK_IMPORTED_MODULE_3__.createServer)();
            srv.once('error', () => resolve(false));
            srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
        });
        if (ok)
            return port;
    }
    throw new _engine_errors__WEBPACK_IMPORTED_MODULE_4__/* .BuildError */ .z(`no free TCP port on 127.0.0.1 between host_port_min ${min} and host_port_max ${max}`, 'widen the range, or stop what holds those ports');
}
/**
 * Runs a tool to its end. On cancel the tool is killed and awaited before the promise
 * rejects, so nothing it writes outlives the step.
 */
async function runTool(cmd, args, signal, what) {
    if (signal.aborted)
        throw new _engine_steps__WEBPACK_IMPORTED_MODULE_5__/* .CancelledError */ .cc();
    return new Promise((resolve, reject) => {
        let child;
        try {
            child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
        }
        catch (e) {
            return reject(new _engine_errors__WEBPACK_IMPORTED_MODULE_4__/* .BuildError */ .z(`${what}: ${e.message}`));
        }
        let out = '';
        let err = '';
        child.stdout.on('data', (d) => (out += d.toString()));
        child.stderr.on('data', (d) => (err += d.toString()));
        const onAbort = () => child.kill('SIGKILL');
        signal.addEventListener('abort', onAbort, { once: true });
        child.on('error', (e) => {
            signal.removeEventListener('abort', onAbort);
            reject(new _engine_errors__WEBPACK_IMPORTED_MODULE_4__/* .BuildError */ .z(e.code === 'ENOENT' ? `${what}: ${cmd} is not installed` : `${what}: ${e.message}`, e.code === 'ENOENT' ? `install it (Debian: ${packageOf(cmd)})` : undefined));
        });
        child.on('close', (code) => {
            signal.removeEventListener('abort', onAbort);
            if (signal.aborted)
                return reject(new _engine_steps__WEBPACK_IMPORTED_MODULE_5__/* .CancelledError */ .cc());
            if (code === 0)
                return resolve(out);
            const lines = err.trim().split('\n').filter(Boolean);
            reject(new _engine_errors__WEBPACK_IMPORTED_MODULE_4__/* .BuildError */ .z(`${what} failed (exit ${code}): ${lines.at(-1) ?? 'no output'}`, undefined, lines.slice(-10)));
        });
    });
}
function packageOf(cmd) {
    if (cmd.startsWith('qemu-img'))
        return 'qemu-utils';
    if (cmd.startsWith('qemu-system'))
        return 'qemu-system-x86';
    return cmd;
}
/** Removes a file or directory; one that is already gone counts as removed. */
function removePath(path) {
    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.rmSync)(path, { recursive: true, force: true });
}
/**
 * Removes `from` and the directories above it up to `top` while they are empty (the ones a
 * build made for output_directory); a directory holding anything stays.
 */
function removeEmptyDirs(top, from) {
    for (let d = from; d.startsWith(top); d = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(d)) {
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.rmdirSync)(d);
        }
        catch (e) {
            if (e.code !== 'ENOENT')
                return;
        }
        if (d === top)
            return;
    }
}


/***/ }),

/***/ 24789:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ fill)
/* harmony export */ });
/** `{{.Name}}` placeholders in output paths (Packer's template syntax for these settings). */
function fill(template, vars) {
    return template.replace(/\{\{\s*\.(\w+)\s*\}\}/g, (m, k) => vars[k] ?? m);
}


/***/ }),

/***/ 45240:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   vagrant: () => (/* binding */ vagrant)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(46466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(38522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var tar_stream__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(56118);
/* harmony import */ var _engine_context__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(86173);
/* harmony import */ var _engine_steps__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(54277);
/* harmony import */ var _builders_qemu_process__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(17939);
/* harmony import */ var _template__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(24789);
/**
 * A libvirt Vagrant box: a tar (gzip at compression_level, or stored at 0) holding
 * metadata.json, the disk as a self-contained qcow2 named box.img, and a Vagrantfile.
 */










const DEFAULT_VAGRANTFILE = `Vagrant.configure("2") do |config|
  config.vm.provider :libvirt do |libvirt|
    libvirt.driver = "kvm"
  end
end
`;
const vagrant = {
    async run(use, input, env, signal) {
        const c = use.config;
        const p = input.properties ?? {};
        const disk = input.files?.[0];
        if (!disk || !p.disk_format)
            throw new _engine_context__WEBPACK_IMPORTED_MODULE_6__/* .BuildError */ .zS('the vagrant post-processor needs a VM disk, and this artifact is not one', 'use it after the qemu builder');
        const vars = {
            BuildName: env.instance.name,
            BuilderType: env.instance.type,
            Provider: 'libvirt',
        };
        const out = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(env.specDir, (0,_template__WEBPACK_IMPORTED_MODULE_9__/* .fill */ .G)(String(c.output ?? 'packer_{{.BuildName}}_{{.Provider}}.box'), vars));
        let vagrantfile = DEFAULT_VAGRANTFILE;
        if (typeof c.vagrantfile_template === 'string') {
            const path = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(env.specDir, c.vagrantfile_template);
            try {
                vagrantfile = (0,_template__WEBPACK_IMPORTED_MODULE_9__/* .fill */ .G)((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8'), { ...vars, BoxName: (0,node_path__WEBPACK_IMPORTED_MODULE_2__.basename)(out, '.box') });
            }
            catch (e) {
                throw new _engine_context__WEBPACK_IMPORTED_MODULE_6__/* .BuildError */ .zS(`vagrantfile_template ${c.vagrantfile_template} cannot be read: ${e.code}`, `paths are relative to the spec's directory (${env.specDir})`);
            }
        }
        const level = Number(c.compression_level ?? 6);
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(out), { recursive: true });
        const partial = `${out}.partial`;
        const entry = env.ledger.add(env.instance.name, 'vagrant-file', { path: partial }, `box being written: ${partial}`);
        // A box holds one self-contained qcow2: a raw disk or an overlay is converted first.
        const tmp = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdtempSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir)(), 'bake-box-'));
        const tmpEntry = env.ledger.add(env.instance.name, 'vagrant-file', { path: tmp }, `box scratch directory ${tmp}`);
        try {
            let img = disk;
            if (p.disk_format !== 'qcow2' || p.backing_file) {
                img = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(tmp, 'box.img');
                await (0,_builders_qemu_process__WEBPACK_IMPORTED_MODULE_8__.runTool)('qemu-img', ['convert', '-q', '-f', p.disk_format, '-O', 'qcow2', disk, img], signal, 'converting the disk to a self-contained qcow2');
            }
            const size = JSON.parse(await (0,_builders_qemu_process__WEBPACK_IMPORTED_MODULE_8__.runTool)('qemu-img', ['info', '--output=json', img], signal, 'reading the disk size'))['virtual-size'];
            const metadata = JSON.stringify({ provider: 'libvirt', format: 'qcow2', virtual_size: Math.ceil(size / 2 ** 30) }, null, 2) + '\n';
            const pack = tar_stream__WEBPACK_IMPORTED_MODULE_5__.pack();
            const stages = level > 0 ? [node_zlib__WEBPACK_IMPORTED_MODULE_4__.createGzip({ level })] : [];
            const done = (0,_engine_steps__WEBPACK_IMPORTED_MODULE_7__/* .raceSignal */ .WU)((0,node_stream_promises__WEBPACK_IMPORTED_MODULE_3__.pipeline)([pack, ...stages, (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createWriteStream)(partial)]), signal);
            const mtime = new Date();
            const add = (name, body) => new Promise((res, rej) => pack.entry({ name, mode: 0o644, mtime }, body, (e) => (e ? rej(e) : res())));
            await add('metadata.json', metadata);
            await add('Vagrantfile', vagrantfile);
            await new Promise((res, rej) => {
                const sink = pack.entry({ name: 'box.img', size: (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(img).size, mode: 0o644, mtime }, (e) => (e ? rej(e) : res()));
                (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createReadStream)(img).on('error', rej).pipe(sink);
            });
            pack.finalize();
            await done;
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.renameSync)(partial, out);
        }
        catch (e) {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(partial, { force: true });
            throw e;
        }
        finally {
            env.ledger.done(entry);
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(tmp, { recursive: true, force: true });
            env.ledger.done(tmpEntry);
        }
        env.out('info', `wrote the Vagrant box ${out} (libvirt, ${((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(out).size / 2 ** 20).toFixed(0)} MiB)`);
        return {
            artifact: {
                id: out,
                builderType: input.builderType,
                files: [out],
                description: `Vagrant box ${out} (libvirt)`,
                properties: { provider: 'libvirt' },
                destroy: async () => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(out, { force: true }),
            },
        };
    },
};


/***/ })

};
;
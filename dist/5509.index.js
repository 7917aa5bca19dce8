"use strict";
exports.id = 5509;
exports.ids = [5509,7939];
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

/***/ 35509:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   qemuSteps: () => (/* binding */ qemuSteps)
/* harmony export */ });
/* unused harmony exports kvmUsable, outputOf */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(57075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_5___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_5__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(46466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_6___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_6__);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(73136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_7___default = /*#__PURE__*/__webpack_require__.n(node_url__WEBPACK_IMPORTED_MODULE_7__);
/* harmony import */ var _communicators_ssh_config__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(53661);
/* harmony import */ var _engine_context__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(86173);
/* harmony import */ var _engine_steps__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(54277);
/* harmony import */ var _spec_schema__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(47280);
/* harmony import */ var _ssh_connect__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(17870);
/* harmony import */ var _post_processors_template__WEBPACK_IMPORTED_MODULE_15__ = __webpack_require__(24789);
/* harmony import */ var _util_hash_file__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(53813);
/* harmony import */ var _process__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(17939);
/**
 * The qemu builder's steps: the base disk (downloaded and checked, or local), the working
 * disk (a copy or a qcow2 overlay), the CD (a NoCloud seed), QEMU with the SSH port
 * forwarded to 127.0.0.1, connect, provision, shut down, compact into output_directory.
 * Everything on disk and the QEMU process are in the ledger the moment they exist; each
 * step's cleanup removes what it made, so a failure or a cancel leaves nothing behind.
 */
















/** /dev/kvm can be opened and the CPU has hardware virtualisation (vmx or svm). */
function kvmUsable() {
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.accessSync)('/dev/kvm', node_fs__WEBPACK_IMPORTED_MODULE_2__.constants.R_OK | node_fs__WEBPACK_IMPORTED_MODULE_2__.constants.W_OK);
        return /\b(vmx|svm)\b/.test((0,node_fs__WEBPACK_IMPORTED_MODULE_2__.readFileSync)('/proc/cpuinfo', 'utf8'));
    }
    catch {
        return false;
    }
}
function outputOf(c, env) {
    const format = String(c.format ?? 'qcow2');
    const vars = { BuildName: env.instance.name, BuilderType: env.instance.type };
    const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_4__.resolve)(env.specDir, (0,_post_processors_template__WEBPACK_IMPORTED_MODULE_15__/* .fill */ .G)(String(c.output_directory ?? 'output-{{.BuildName}}'), vars));
    const name = (0,_post_processors_template__WEBPACK_IMPORTED_MODULE_15__/* .fill */ .G)(String(c.vm_name ?? `${env.instance.name}.${format}`), vars);
    return { dir, disk: (0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(dir, name), format };
}
const HASHES = {
    sha256: 'sha256',
    sha512: 'sha512',
    sha1: 'sha1',
    md5: 'md5',
};
function hasher(checksum) {
    if (!checksum || checksum === 'none')
        return undefined;
    const [algo, want] = checksum.split(':');
    return { h: (0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.createHash)(HASHES[algo]), algo, want: want.toLowerCase() };
}
function checkDigest(hx, what) {
    if (!hx)
        return;
    const got = hx.h.digest('hex');
    if (got !== hx.want)
        throw new _engine_context__WEBPACK_IMPORTED_MODULE_9__/* .BuildError */ .zS(`the ${hx.algo} checksum of ${what} is ${got}, not ${hx.want} (iso_checksum)`, 'the file is damaged or not the one meant: check iso_url and iso_checksum');
}
/** What `qemu-img info` says of a disk: its format and virtual size. */
async function diskInfo(path, signal) {
    const text = await (0,_process__WEBPACK_IMPORTED_MODULE_14__.runTool)('qemu-img', ['info', '--output=json', path], signal, `reading the disk ${path}`);
    const info = JSON.parse(text);
    return { format: info.format, size: info['virtual-size'] };
}
function sizeBytes(v) {
    const m = /^(\d+)([KMGT]?)$/.exec(v);
    const unit = { '': 2 ** 20, K: 2 ** 10, M: 2 ** 20, G: 2 ** 30, T: 2 ** 40 }[m[2]];
    return Number(m[1]) * unit;
}
function driveArgs(iface, file, format) {
    const drive = `file=${file},format=${format},cache=writeback,discard=unmap`;
    switch (iface) {
        case 'virtio':
            return ['-drive', `${drive},if=virtio`];
        case 'ide':
            return ['-drive', `${drive},if=ide`];
        case 'sata':
            return [
                '-device',
                'ahci,id=ahci0',
                '-drive',
                `${drive},if=none,id=disk0`,
                '-device',
                'ide-hd,drive=disk0,bus=ahci0.0',
            ];
        default: // scsi, virtio-scsi
            return [
                '-device',
                'virtio-scsi-pci,id=scsi0',
                '-drive',
                `${drive},if=none,id=disk0`,
                '-device',
                'scsi-hd,drive=disk0,bus=scsi0.0',
            ];
    }
}
// Terminal colour and cursor sequences, as systemd writes them to the serial console.
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;?]*[A-Za-z]`, 'g');
const lastLines = (file, n) => {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.readFileSync)(file, 'utf8')
            .replace(ANSI, '')
            .split(/\r?\n/)
            .filter((l) => l.trim())
            .slice(-n);
    }
    catch {
        return [];
    }
};
function qemuSteps(env, provision) {
    const c = env.instance.config;
    const out = outputOf(c, env);
    const backing = c.use_backing_file === true;
    const name = env.instance.name;
    const ledgerFile = (path, what) => env.ledger.add(name, 'qemu-file', { path }, what);
    const forget = (entry, path) => {
        (0,_process__WEBPACK_IMPORTED_MODULE_14__.removePath)(path);
        if (entry)
            env.ledger.done(entry);
    };
    return [
        {
            name: 'base disk',
            async run(s, ctx) {
                if ((0,node_fs__WEBPACK_IMPORTED_MODULE_2__.existsSync)(out.disk))
                    throw new _engine_context__WEBPACK_IMPORTED_MODULE_9__/* .BuildError */ .zS(`the output disk ${out.disk} already exists`, 'remove it (or the output_directory), or set another vm_name or output_directory');
                const url = String(c.iso_url);
                const check = c.iso_checksum;
                const made = (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.mkdirSync)(out.dir, { recursive: true });
                if (made)
                    s.createdDir = {
                        path: made,
                        entry: env.ledger.add(name, 'qemu-directory', { path: made }, `output directory ${made}`),
                    };
                if (/^https?:\/\//.test(url)) {
                    const path = `${out.disk}.download`;
                    s.download = { path, entry: ledgerFile(path, `download of ${url}`) };
                    ctx.log(`downloading ${url}`);
                    let res;
                    try {
                        res = await fetch(url, { signal: ctx.signal });
                    }
                    catch (e) {
                        if (ctx.signal.aborted)
                            throw new _engine_steps__WEBPACK_IMPORTED_MODULE_10__/* .CancelledError */ .cc();
                        throw new _engine_context__WEBPACK_IMPORTED_MODULE_9__/* .BuildError */ .zS(`downloading ${url} failed: ${e.message}`, 'check iso_url and the network');
                    }
                    if (!res.ok || !res.body)
                        throw new _engine_context__WEBPACK_IMPORTED_MODULE_9__/* .BuildError */ .zS(`downloading ${url} failed: HTTP ${res.status}`, 'check iso_url');
                    const hx = hasher(check);
                    const tap = new node_stream__WEBPACK_IMPORTED_MODULE_5__.Transform({
                        transform(chunk, _e, cb) {
                            hx?.h.update(chunk);
                            cb(null, chunk);
                        },
                    });
                    await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_6__.pipeline)(node_stream__WEBPACK_IMPORTED_MODULE_5__.Readable.fromWeb(res.body), tap, (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.createWriteStream)(path), {
                        signal: ctx.signal,
                    });
                    checkDigest(hx, url);
                    s.base = path;
                }
                else {
                    const path = url.startsWith('file://') ? (0,node_url__WEBPACK_IMPORTED_MODULE_7__.fileURLToPath)(url) : (0,node_path__WEBPACK_IMPORTED_MODULE_4__.resolve)(env.specDir, url);
                    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_2__.existsSync)(path))
                        throw new _engine_context__WEBPACK_IMPORTED_MODULE_9__/* .BuildError */ .zS(`the base disk ${path} does not exist`, `iso_url is relative to the spec's directory (${env.specDir})`);
                    const hx = hasher(check);
                    if (hx) {
                        await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_6__.pipeline)((0,node_fs__WEBPACK_IMPORTED_MODULE_2__.createReadStream)(path), hx.h, { signal: ctx.signal });
                        checkDigest(hx, path);
                    }
                    s.base = path;
                }
                const info = await diskInfo(s.base, ctx.signal);
                if (!['qcow2', 'raw'].includes(info.format))
                    throw new _engine_context__WEBPACK_IMPORTED_MODULE_9__/* .BuildError */ .zS(`the base disk ${url} is ${info.format}, not qcow2 or raw`, 'convert it first (qemu-img convert -O qcow2), or start from a qcow2 cloud image');
                s.baseFormat = info.format;
                ctx.log(`base disk ${(0,node_path__WEBPACK_IMPORTED_MODULE_4__.basename)(s.base)}: ${info.format}, ${(info.size / 2 ** 30).toFixed(1)} GiB`);
            },
            async cleanup(s) {
                if (s.download)
                    forget(s.download.entry, s.download.path);
                // A directory this build made and left empty (it failed) goes too, as in Packer.
                if (s.createdDir) {
                    (0,_process__WEBPACK_IMPORTED_MODULE_14__.removeEmptyDirs)(s.createdDir.path, out.dir);
                    env.ledger.done(s.createdDir.entry);
                }
            },
        },
        {
            name: 'working disk',
            async run(s, ctx) {
                const path = backing ? `${out.disk}.overlay` : `${out.disk}.work.qcow2`;
                s.work = { path, entry: ledgerFile(path, backing ? 'qcow2 overlay' : 'working disk') };
                if (backing) {
                    if (s.download)
                        throw new _engine_context__WEBPACK_IMPORTED_MODULE_9__/* .BuildError */ .zS('use_backing_file needs the base disk to stay: a downloaded iso_url is removed after the build', 'download it once to a local file and name that in iso_url, or remove use_backing_file');
                    await (0,_process__WEBPACK_IMPORTED_MODULE_14__.runTool)('qemu-img', ['create', '-q', '-f', 'qcow2', '-F', s.baseFormat, '-b', (0,node_path__WEBPACK_IMPORTED_MODULE_4__.resolve)(s.base), path], ctx.signal, 'creating the overlay');
                }
                else {
                    await (0,_process__WEBPACK_IMPORTED_MODULE_14__.runTool)('qemu-img', ['convert', '-q', '-f', s.baseFormat, '-O', 'qcow2', s.base, path], ctx.signal, 'copying the base disk');
                }
                if (typeof c.disk_size === 'string') {
                    const want = sizeBytes(c.disk_size);
                    const have = (await diskInfo(path, ctx.signal)).size;
                    if (want < have)
                        throw new _engine_context__WEBPACK_IMPORTED_MODULE_9__/* .BuildError */ .zS(`disk_size ${c.disk_size} is smaller than the base disk (${Math.ceil(have / 2 ** 20)} MiB)`, 'a disk is never shrunk: give at least the base size, or remove disk_size');
                    if (want > have)
                        await (0,_process__WEBPACK_IMPORTED_MODULE_14__.runTool)('qemu-img', ['resize', '-q', path, String(want)], ctx.signal, 'growing the disk');
                }
                // The download has served its purpose once the copy holds it.
                if (s.download) {
                    forget(s.download.entry, s.download.path);
                    s.download = undefined;
                }
            },
            async cleanup(s) {
                if (s.work)
                    forget(s.work.entry, s.work.path);
            },
        },
        {
            name: 'start VM',
            async run(s, ctx) {
                const dir = (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.mkdtempSync)((0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_3__.tmpdir)(), 'bake-qemu-'));
                s.tmp = {
                    dir,
                    entry: ledgerFile(dir, 'QEMU runtime directory (QMP socket, serial log, CD)'),
                };
                if (!c.ssh_password && !c.ssh_private_key && !c.ssh_private_key_file && !c.ssh_agent_auth) {
                    s.key = (0,_communicators_ssh_config__WEBPACK_IMPORTED_MODULE_8__/* .temporaryKeyPair */ .f)('ed25519', `bake-${env.runUuid.slice(0, 8)}`);
                    env.generated.SSHPublicKey = s.key.publicKey;
                }
                if (c.cd_files !== undefined || c.cd_content !== undefined)
                    s.cd = await makeCd(c, env, s, dir, ctx.signal);
                s.accelerator = accelerator(c, ctx.log);
                const args = [
                    '-name',
                    (0,node_path__WEBPACK_IMPORTED_MODULE_4__.basename)(out.disk),
                    '-machine',
                    `${String(c.machine_type ?? 'pc')}${s.accelerator === 'none' ? '' : `,accel=${s.accelerator}`}`,
                    '-smp',
                    String(c.cpus ?? 1),
                    '-m',
                    `${String(c.memory ?? 512)}M`,
                    '-display',
                    'none',
                    '-nodefaults',
                    '-serial',
                    `file:${(0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(dir, 'serial.log')}`,
                    '-qmp',
                    `unix:${(0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(dir, 'qmp.sock')},server=on,wait=off`,
                    ...driveArgs(String(c.disk_interface ?? 'virtio'), s.work.path, 'qcow2'),
                    ...(s.cd ? ['-drive', `file=${s.cd},media=cdrom,readonly=on`] : []),
                    ...(c.efi_boot === true ? efiArgs(c, dir) : []),
                ];
                const extra = (c.qemuargs ?? []).flat();
                const tried = new Set();
                // A port another process takes between our check and QEMU's bind makes QEMU exit
                // at once: that port is skipped and the next one tried, never fought over.
                for (let attempt = 1;; attempt++) {
                    const port = await (0,_process__WEBPACK_IMPORTED_MODULE_14__.freePort)(Number(c.host_port_min ?? 2222), Number(c.host_port_max ?? 4444), tried);
                    tried.add(port);
                    const net = [
                        '-netdev',
                        `user,id=net0,hostfwd=tcp:127.0.0.1:${port}-:${Number(c.ssh_port ?? 22)}`,
                        '-device',
                        `${String(c.net_device ?? 'virtio-net')},netdev=net0`,
                    ];
                    s.qemu = startQemu(env, String(c.qemu_binary ?? 'qemu-system-x86_64'), [...args, ...net, ...extra], (0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(dir, 'qmp.sock'));
                    const ready = await qmpReady(s.qemu, (0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(dir, 'qmp.sock'), ctx.signal);
                    if (ready) {
                        s.port = port;
                        break;
                    }
                    const why = s.qemu.stderr.join('\n');
                    env.ledger.done(s.qemu.entry);
                    s.qemu = undefined;
                    if (/host forwarding|hostfwd/i.test(why) && attempt < 5) {
                        ctx.log(`port ${port} was taken meanwhile; trying another`);
                        continue;
                    }
                    throw new _engine_context__WEBPACK_IMPORTED_MODULE_9__/* .BuildError */ .zS(`QEMU exited at start: ${why.split('\n').filter(Boolean).at(-1) ?? 'no message'}`, 'check qemu_binary, machine_type, accelerator and qemuargs', why.split('\n').filter(Boolean).slice(-10));
                }
                ctx.log(`QEMU started (pid ${s.qemu.pid}, ${s.accelerator}); SSH forwarded from 127.0.0.1:${s.port}`);
            },
            async cleanup(s) {
                if (s.qemu) {
                    await (0,_process__WEBPACK_IMPORTED_MODULE_14__.stopQemu)({
                        pid: String(s.qemu.pid),
                        start: s.qemu.start,
                        qmp: (0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(s.tmp.dir, 'qmp.sock'),
                    });
                    // Reaped, not only signalled: nothing of it stays in the process table.
                    await Promise.race([s.qemu.gone, (0,_engine_steps__WEBPACK_IMPORTED_MODULE_10__/* .sleep */ .yy)(2000)]);
                    if (!(0,_process__WEBPACK_IMPORTED_MODULE_14__.sameProcess)(s.qemu.pid, s.qemu.start))
                        env.ledger.done(s.qemu.entry);
                }
                if (s.tmp)
                    forget(s.tmp.entry, s.tmp.dir);
            },
            cleanupBudgetMs: 20_000,
        },
        {
            name: 'connect',
            async run(s, ctx) {
                const t0 = Date.now();
                const wait = (0,_spec_schema__WEBPACK_IMPORTED_MODULE_11__/* .parseDuration */ .E9)(c.boot_wait ?? '10s') ?? 0;
                // Waits end early when QEMU exits: there is nothing left to connect to.
                const vmGone = new AbortController();
                void s.qemu.gone.then(() => vmGone.abort(new Error('QEMU exited')));
                const signal = AbortSignal.any([ctx.signal, vmGone.signal]);
                const serial = (0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(s.tmp.dir, 'serial.log');
                const exited = () => new _engine_context__WEBPACK_IMPORTED_MODULE_9__/* .BuildError */ .zS(`the VM stopped before SSH answered (QEMU exit ${s.qemu.exited?.code ?? s.qemu.exited?.signal})`, 'the serial console below shows how far it booted', [...s.qemu.stderr.slice(-5), ...lastLines(serial, 15)]);
                try {
                    if (wait)
                        await (0,_engine_steps__WEBPACK_IMPORTED_MODULE_10__/* .sleep */ .yy)(wait, signal);
                    await (0,_ssh_connect__WEBPACK_IMPORTED_MODULE_12__/* .connectSsh */ .L)(env, c, {
                        host: '127.0.0.1',
                        port: s.port,
                        ...(s.key ? { privateKey: s.key.privateKey } : {}),
                    }, s, { signal, log: ctx.log }, () => ({
                        hint: s.cd
                            ? `the VM booted but did not let ${String(c.ssh_username)} in: check that cloud-init reads the CD (cd_label cidata) and that its user-data authorizes {{ .SSHPublicKey }}; the serial console ends with the lines below`
                            : 'the VM booted but sshd did not let the user in: a base without cloud-init needs a key or password baked in (ssh_private_key_file, ssh_password); the serial console ends with the lines below',
                        tail: lastLines(serial, 15),
                    }));
                }
                catch (e) {
                    if (vmGone.signal.aborted && !ctx.signal.aborted)
                        throw exited();
                    throw e;
                }
                ctx.log(`SSH up ${((Date.now() - t0) / 1000).toFixed(1)}s after QEMU started`);
            },
            async cleanup(s) {
                s.ssh?.close();
            },
            cleanupBudgetMs: 2000,
        },
        provision,
        {
            name: 'shutdown',
            async run(s, ctx) {
                const q = s.qemu;
                const limit = (0,_spec_schema__WEBPACK_IMPORTED_MODULE_11__/* .parseDuration */ .E9)(c.shutdown_timeout ?? '5m') ?? 300_000;
                s.os = await osRelease(s, ctx.signal);
                if (typeof c.shutdown_command === 'string') {
                    ctx.log(`shutting down: ${c.shutdown_command}`);
                    // The connection dropping under the command is the shutdown working.
                    await s
                        .ssh.exec(c.shutdown_command, {
                        signal: ctx.signal,
                        onStdout: ctx.log,
                        onStderr: ctx.log,
                    })
                        .catch((e) => {
                        if (ctx.signal.aborted)
                            throw e;
                    });
                }
                else {
                    ctx.log('shutting down: ACPI power button (no shutdown_command)');
                    await (0,_process__WEBPACK_IMPORTED_MODULE_14__.qmp)((0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(s.tmp.dir, 'qmp.sock'), 'system_powerdown');
                }
                const t0 = Date.now();
                if (!(await (0,_process__WEBPACK_IMPORTED_MODULE_14__.waitGone)(q.pid, q.start, limit, ctx.signal)))
                    throw new _engine_context__WEBPACK_IMPORTED_MODULE_9__/* .BuildError */ .zS(`the VM did not power off within shutdown_timeout (${String(c.shutdown_timeout ?? '5m')})`, typeof c.shutdown_command === 'string'
                        ? 'check that shutdown_command powers off (e.g. sudo poweroff), or raise shutdown_timeout'
                        : 'an image without ACPI handling ignores the power button: set shutdown_command (e.g. sudo poweroff)', lastLines((0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(s.tmp.dir, 'serial.log'), 10));
                await q.gone;
                s.ssh?.close();
                env.ledger.done(q.entry);
                ctx.log(`VM powered off in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
            },
        },
        {
            name: 'compact disk',
            async run(s, ctx) {
                const work = s.work;
                // In the ledger before it exists: whatever happens next, it is found and removed.
                s.output = {
                    path: out.disk,
                    entry: env.ledger.add(name, 'qemu-file', { path: out.disk }, `output disk ${out.disk}`),
                };
                if (backing || c.skip_compaction === true) {
                    (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.renameSync)(work.path, out.disk);
                    env.ledger.done(work.entry);
                }
                else {
                    const partial = `${out.disk}.partial`;
                    s.partial = { path: partial, entry: ledgerFile(partial, 'disk being written') };
                    await (0,_process__WEBPACK_IMPORTED_MODULE_14__.runTool)('qemu-img', [
                        'convert',
                        '-q',
                        '-f',
                        'qcow2',
                        '-O',
                        out.format,
                        ...(c.disk_compression === true ? ['-c'] : []),
                        work.path,
                        partial,
                    ], ctx.signal, `writing the ${out.format} disk`);
                    (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.renameSync)(partial, out.disk);
                    env.ledger.done(s.partial.entry);
                    s.partial = undefined;
                    forget(work.entry, work.path);
                }
                s.work = undefined;
                const digest = await (0,_util_hash_file__WEBPACK_IMPORTED_MODULE_13__/* .hashFile */ .D)(out.disk);
                const size = (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.statSync)(out.disk).size;
                ctx.log(`wrote ${out.disk} (${out.format}, ${(size / 2 ** 20).toFixed(0)} MiB, sha256 ${digest})`);
                const properties = {
                    disk_format: out.format,
                    disk_interface: String(c.disk_interface ?? 'virtio'),
                    net_device: String(c.net_device ?? 'virtio-net'),
                    cpus: String(c.cpus ?? 1),
                    memory: String(c.memory ?? 512),
                    efi_boot: String(c.efi_boot === true),
                    accelerator: s.accelerator,
                    ...s.os,
                    ...(backing ? { backing_file: (0,node_path__WEBPACK_IMPORTED_MODULE_4__.resolve)(s.base) } : {}),
                };
                s.artifact = {
                    id: out.disk,
                    builderType: 'qemu',
                    description: `${out.format} disk ${out.disk}`,
                    files: [out.disk],
                    digests: [`sha256:${digest}`],
                    properties,
                    ledgerEntries: [s.output.entry],
                    destroy: async () => (0,_process__WEBPACK_IMPORTED_MODULE_14__.removePath)(out.disk),
                };
            },
            async cleanup(s) {
                if (s.partial)
                    forget(s.partial.entry, s.partial.path);
                // Failed after the disk was in place: it is no result.
                if (s.output && !s.artifact)
                    forget(s.output.entry, s.output.path);
            },
        },
    ];
}
/** The guest's ID, VERSION_ID and PRETTY_NAME (as os_id, os_version, os_name), if it says. */
async function osRelease(s, signal) {
    const lines = [];
    try {
        const r = await s.ssh.exec('cat /etc/os-release', { signal, onStdout: (l) => lines.push(l) });
        if (r.exitCode !== 0)
            return {};
    }
    catch {
        if (signal.aborted)
            throw new _engine_steps__WEBPACK_IMPORTED_MODULE_10__/* .CancelledError */ .cc();
        return {};
    }
    const field = (k) => lines
        .find((l) => l.startsWith(`${k}=`))
        ?.slice(k.length + 1)
        .replace(/^"(.*)"$/, '$1');
    const out = {};
    for (const [k, to] of [
        ['ID', 'os_id'],
        ['VERSION_ID', 'os_version'],
        ['PRETTY_NAME', 'os_name'],
    ]) {
        const v = field(k);
        if (v)
            out[to] = v;
    }
    return out;
}
function accelerator(c, log) {
    if (typeof c.accelerator === 'string')
        return c.accelerator;
    if (kvmUsable())
        return 'kvm';
    log('no usable /dev/kvm: QEMU emulates the CPU in software (tcg), which is many times slower');
    return 'tcg';
}
function efiArgs(c, dir) {
    const code = String(c.efi_firmware_code ?? '/usr/share/OVMF/OVMF_CODE_4M.fd');
    const varsTemplate = String(c.efi_firmware_vars ?? '/usr/share/OVMF/OVMF_VARS_4M.fd');
    for (const [k, f] of [
        ['efi_firmware_code', code],
        ['efi_firmware_vars', varsTemplate],
    ])
        if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_2__.existsSync)(f))
            throw new _engine_context__WEBPACK_IMPORTED_MODULE_9__/* .BuildError */ .zS(`${k} ${f} does not exist`, 'install OVMF (Debian: ovmf) or point it at the firmware');
    // Each VM writes its own copy of the variable store.
    const vars = (0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(dir, 'efivars.fd');
    (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.copyFileSync)(varsTemplate, vars);
    return [
        '-drive',
        `if=pflash,format=raw,unit=0,readonly=on,file=${code}`,
        '-drive',
        `if=pflash,format=raw,unit=1,file=${vars}`,
    ];
}
/** The CD: cd_files and cd_content, with {{ .SSHPublicKey }} filled in, as an ISO 9660 image. */
async function makeCd(c, env, s, dir, signal) {
    const root = (0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(dir, 'cd');
    (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.mkdirSync)(root);
    for (const f of c.cd_files ?? []) {
        const from = (0,node_path__WEBPACK_IMPORTED_MODULE_4__.resolve)(env.specDir, f);
        if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_2__.existsSync)(from))
            throw new _engine_context__WEBPACK_IMPORTED_MODULE_9__/* .BuildError */ .zS(`cd_files: ${f} does not exist`, `paths are relative to the spec's directory (${env.specDir})`);
        (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.cpSync)(from, (0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(root, (0,node_path__WEBPACK_IMPORTED_MODULE_4__.basename)(from)), { recursive: true });
    }
    for (const [file, content] of Object.entries(c.cd_content ?? {})) {
        const to = (0,node_path__WEBPACK_IMPORTED_MODULE_4__.resolve)(root, file);
        if (!to.startsWith(root + '/'))
            throw new _engine_context__WEBPACK_IMPORTED_MODULE_9__/* .BuildError */ .zS(`cd_content: ${file} is outside the CD`, 'use a relative name such as user-data');
        (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.mkdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_4__.dirname)(to), { recursive: true });
        (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.writeFileSync)(to, (0,_post_processors_template__WEBPACK_IMPORTED_MODULE_15__/* .fill */ .G)(content, s.key ? { SSHPublicKey: s.key.publicKey } : {}));
    }
    const iso = (0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(dir, 'cd.iso');
    await (0,_process__WEBPACK_IMPORTED_MODULE_14__.runTool)('xorriso', ['-as', 'mkisofs', '-quiet', '-o', iso, '-V', String(c.cd_label ?? 'cidata'), '-J', '-r', root], signal, 'making the CD (cd_files, cd_content)');
    return iso;
}
function startQemu(env, binary, args, _qmp) {
    let child;
    try {
        child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(binary, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    }
    catch (e) {
        throw new _engine_context__WEBPACK_IMPORTED_MODULE_9__/* .BuildError */ .zS(`QEMU could not start: ${e.message}`, 'check qemu_binary');
    }
    const stderr = [];
    // QEMU writes a message in pieces: lines are cut only at newlines.
    let partial = '';
    child.stderr.on('data', (d) => {
        const parts = (partial + d.toString()).split('\n');
        partial = parts.pop() ?? '';
        stderr.push(...parts.filter(Boolean));
    });
    child.stderr.on('end', () => partial && stderr.push(partial));
    // A VM left running on purpose (on-error=abort) must not keep bake from exiting.
    child.unref();
    child.stderr.unref();
    let resolveGone;
    const gone = new Promise((r) => (resolveGone = r));
    const spawnError = new Promise((r) => child.once('error', r));
    void spawnError.then(() => resolveGone());
    const pid = child.pid;
    const start = pid ? (0,_process__WEBPACK_IMPORTED_MODULE_14__.processStartTime)(pid) : undefined;
    const q = {
        child,
        pid: pid ?? -1,
        start: start ?? '',
        stderr,
        gone,
        entry: env.ledger.add(env.instance.name, 'qemu-process', { pid: String(pid ?? -1), start: start ?? '', qmp: _qmp }, `QEMU process ${pid ?? '(not started)'}`),
    };
    child.once('exit', (code, sig) => {
        q.exited = { code, signal: sig };
        resolveGone();
    });
    child.once('error', (e) => {
        q.exited = { code: null, signal: null };
        stderr.push(e.code === 'ENOENT' ? `${binary} is not installed (Debian: qemu-system-x86)` : e.message);
    });
    return q;
}
/** Waits until QMP answers (true) or QEMU exits (false). */
async function qmpReady(q, socket, signal) {
    for (;;) {
        if (q.exited)
            return false;
        if ((0,node_fs__WEBPACK_IMPORTED_MODULE_2__.existsSync)(socket)) {
            const ok = await (0,_process__WEBPACK_IMPORTED_MODULE_14__.qmp)(socket, 'query-status', 2000).then(() => true, () => false);
            if (ok)
                return true;
        }
        await Promise.race([(0,_engine_steps__WEBPACK_IMPORTED_MODULE_10__/* .sleep */ .yy)(100, signal), q.gone]);
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

/***/ 53813:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ hashFile)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(46466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_2__);



/** The hex digest of a file, read as a stream (disks and archives are large). */
async function hashFile(path, algo = 'sha256') {
    const h = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)(algo);
    await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_2__.pipeline)((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createReadStream)(path), h);
    return h.digest('hex');
}


/***/ })

};
;
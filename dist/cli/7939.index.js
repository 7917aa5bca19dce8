"use strict";
exports.id = 7939;
exports.ids = [7939];
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


/***/ })

};
;
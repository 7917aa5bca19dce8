"use strict";
exports.id = 217;
exports.ids = [217];
exports.modules = {

/***/ 10217:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runLynis: () => (/* binding */ runLynis)
/* harmony export */ });
/* unused harmony exports lynisGate, parseLynisReport */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _communicators_communicator__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(54717);
/* harmony import */ var _engine_errors__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(17679);
/* harmony import */ var _scanner__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(53412);
/**
 * Lynis over the build's communicator. The runner's lynis (program, include files, databases,
 * plugins) goes into a fresh scratch directory on the machine with a profile of our own; it
 * runs there as root with its log, report, PID and temporary files accounted for, and the
 * scratch directory is removed afterwards whatever happened, so the image keeps nothing of it.
 */







/** How long cleanup may take on the machine, also after the scan was cancelled. */
/** The message for a hardening index below the spec's min_index, or undefined when it passes. */
function lynisGate(index, minIndex) {
    if (minIndex === undefined || index >= minIndex)
        return undefined;
    return `the lynis hardening index is ${index}, below min_index ${minIndex}`;
}
/** Debian keeps lynis in sbin, which a user's PATH may leave out. */
const SBIN = ['/usr/local/sbin', '/usr/sbin', '/sbin'];
/** Where the runner's lynis is: the program and the directory with include/ and db/. */
function locateLynis() {
    const program = (0,_scanner__WEBPACK_IMPORTED_MODULE_4__/* .findProgram */ .Kp)('lynis', process.env.PATH, SBIN);
    if (!program)
        throw new _engine_errors__WEBPACK_IMPORTED_MODULE_3__/* .BuildError */ .z('lynis is not installed on the runner', 'install it on the runner (sudo apt-get install -y lynis); it is copied to the machine for the scan and removed again');
    const share = [
        '/usr/local/share/lynis',
        '/usr/share/lynis',
        (0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(program), // a standalone copy: include/ and db/ beside the program
    ].find((d) => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(d, 'include', 'functions')) && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(d, 'db')));
    if (!share)
        throw new _engine_errors__WEBPACK_IMPORTED_MODULE_3__/* .BuildError */ .z(`lynis is at ${program}, but its include and db directories are not found`, 'reinstall lynis on the runner');
    const plugins = [(0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(share, 'plugins'), '/etc/lynis/plugins'].find((d) => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(d));
    const profile = [(0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(share, 'default.prf'), '/etc/lynis/default.prf'].find((f) => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(f));
    return { program, share, plugins, profile };
}
/**
 * The profile the scan uses: the installed default with the settings that would write into
 * the image or the output turned off (refresh-repositories runs apt-get update).
 */
function profileText(base) {
    const forced = {
        colors: 'no',
        'refresh-repositories': 'no',
        'skip-upgrade-test': 'yes',
        quick: 'yes',
        upload: 'no',
    };
    const lines = (base ? (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(base, 'utf8') : '')
        .split('\n')
        .filter((l) => !Object.keys(forced).includes(l.split('=')[0].trim()));
    lines.push('# set for a scan during an image build', ...Object.entries(forced).map(([k, v]) => `${k}=${v}`));
    return lines.join('\n') + '\n';
}
const TOOLS = [
    'awk',
    'cat',
    'cut',
    'find',
    'grep',
    'head',
    'id',
    'ls',
    'sed',
    'sort',
    'tail',
    'tr',
    'uname',
    'uniq',
    'wc',
];
/** Reads lynis-report.dat: key=value lines, `key[]=` for lists, list fields split by `|`. */
function parseLynisReport(text) {
    const rep = { warnings: [], suggestions: [] };
    const field = (s) => (s && s !== '-' ? s : undefined);
    for (const line of text.split('\n')) {
        const m = /^([a-z_]+)(\[\])?=(.*)$/.exec(line.trimEnd());
        if (!m)
            continue;
        const [, key, , value] = m;
        if (key === 'hardening_index' && /^\d+$/.test(value))
            rep.index = Number(value);
        else if (key === 'lynis_tests_done' && /^\d+$/.test(value))
            rep.testsDone = Number(value);
        else if (key === 'warning' || key === 'suggestion') {
            const [id, text, details, solution] = value.split('|');
            if (!id)
                continue;
            const entry = { id, text: text ?? '', details: field(details), solution: field(solution) };
            (key === 'warning' ? rep.warnings : rep.suggestions).push(entry);
        }
    }
    return rep;
}
async function runLynis(ctx, o = {}) {
    const found = locateLynis();
    const tests = o.tests ?? [];
    for (const t of tests)
        if (!/^[A-Za-z0-9_-]+$/.test(t))
            throw new _engine_errors__WEBPACK_IMPORTED_MODULE_3__/* .BuildError */ .z(`"${t}" is not a lynis test id`, 'test ids look like SSH-7408 or KRNL-5820');
    // What goes to the machine, staged on the runner first.
    const stage = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdtempSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir)(), 'bake-lynis-'));
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.cpSync)(found.program, (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(stage, 'lynis'));
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.cpSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(found.share, 'include'), (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(stage, 'include'), { recursive: true });
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.cpSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(found.share, 'db'), (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(stage, 'db'), { recursive: true });
        if (found.plugins)
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.cpSync)(found.plugins, (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(stage, 'plugins'), { recursive: true });
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(stage, 'default.prf'), profileText(found.profile));
        // apt-get and apt-cache would otherwise write their binary caches into the image.
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(stage, 'apt.conf'), 'Dir::Cache::pkgcache "";\nDir::Cache::srcpkgcache "";\n');
        // Lynis' own leftovers outside the scratch directory: its PID file (root's is in
        // /var/run) and mktemp files in /tmp; only those this run made are removed.
        const cleanup = (d) => `if [ -f ${d}/.pid-mine ]; then rm -f /var/run/lynis.pid; fi; for f in /tmp/lynis.*; do [ -e "$f" ] || continue; grep -qxF "$f" ${d}/.tmp-before 2>/dev/null || rm -f "$f"; done`;
        return await (0,_scanner__WEBPACK_IMPORTED_MODULE_4__/* .withScratch */ .hM)(ctx, 'lynis', (s) => audit(ctx, s, stage, tests, o.minIndex), cleanup);
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(stage, { recursive: true, force: true });
    }
}
async function audit(ctx, { dir, sudo }, stage, tests, minIndex) {
    const d = (0,_communicators_communicator__WEBPACK_IMPORTED_MODULE_5__/* .shQuote */ .US)(dir);
    const pre = await (0,_scanner__WEBPACK_IMPORTED_MODULE_4__/* .capture */ .Fg)(ctx, `for t in ${TOOLS.join(' ')}; do command -v $t >/dev/null 2>&1 || echo "missing $t"; done; [ -e /var/run/lynis.pid ] && echo "pidfile"; exit 0`);
    const missing = pre.stdout.filter((l) => l.startsWith('missing ')).map((l) => l.slice(8));
    if (missing.length)
        throw new _engine_errors__WEBPACK_IMPORTED_MODULE_3__/* .BuildError */ .z(`lynis needs ${missing.join(', ')} on the machine, and ${missing.length === 1 ? 'it is' : 'they are'} missing`, 'install them in a provisioner before the scan (on Debian: coreutils, grep, sed, findutils, gawk or mawk)');
    if (pre.stdout.includes('pidfile'))
        throw new _engine_errors__WEBPACK_IMPORTED_MODULE_3__/* .BuildError */ .z('the machine has /var/run/lynis.pid: another lynis is running there, or one was stopped without cleaning up', 'remove /var/run/lynis.pid in a provisioner if no lynis runs');
    ctx.out('info', `lynis: copying the auditor to ${dir}`);
    await ctx.comm.upload(stage + '/', dir, ctx.signal);
    // Lynis refuses include files not owned by the user running it or writable by others.
    const prep = await (0,_scanner__WEBPACK_IMPORTED_MODULE_4__/* .capture */ .Fg)(ctx, `${sudo}sh -c ${(0,_communicators_communicator__WEBPACK_IMPORTED_MODULE_5__/* .shQuote */ .US)(`chown -R 0:0 ${d} && chmod -R go-w ${d} && chmod 700 ${d} && (ls -d /tmp/lynis.* 2>/dev/null; true) > ${d}/.tmp-before`)}`);
    if (prep.exitCode !== 0)
        throw new _engine_errors__WEBPACK_IMPORTED_MODULE_3__/* .BuildError */ .z(`cannot prepare lynis' files on the machine: ${prep.tail.join(' | ')}`);
    const args = [
        'audit',
        'system',
        '--usecwd',
        '--cronjob',
        '--quiet',
        '--no-colors',
        '--logfile',
        `${dir}/lynis.log`,
        '--report-file',
        `${dir}/lynis-report.dat`,
        '--plugindir',
        `${dir}/plugins`,
        ...(tests.length ? ['--tests', tests.join(' ')] : []),
    ]
        .map(_communicators_communicator__WEBPACK_IMPORTED_MODULE_5__/* .shQuote */ .US)
        .join(' ');
    // --quiet also skips the five seconds lynis sleeps after each exceptional event.
    const script = `cd ${d} || exit 1; touch ${d}/.pid-mine; echo $$ > ${d}/.pid; APT_CONFIG=${d}/apt.conf; export APT_CONFIG; exec sh ./lynis ${args}`;
    ctx.out('info', `lynis: auditing the system${tests.length ? ` (tests ${tests.join(', ')})` : ''}`);
    const run = await ctx.comm.exec(`${sudo}sh -c ${(0,_communicators_communicator__WEBPACK_IMPORTED_MODULE_5__/* .shQuote */ .US)(script)}`, {
        signal: ctx.signal,
        onStdout: (l) => ctx.out('stdout', l),
        onStderr: (l) => ctx.out('stderr', l),
    });
    const files = [];
    const report = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(ctx.filesDir, 'lynis-report.dat');
    const log = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(ctx.filesDir, 'lynis.log');
    // Readable by the connecting user for download.
    await (0,_scanner__WEBPACK_IMPORTED_MODULE_4__/* .capture */ .Fg)(ctx, `${sudo}chmod 755 ${d}; ${sudo}chmod 644 ${d}/lynis-report.dat ${d}/lynis.log 2>/dev/null; true`);
    for (const [remote, local] of [
        [`${dir}/lynis-report.dat`, report],
        [`${dir}/lynis.log`, log],
    ]) {
        try {
            await ctx.comm.download(remote, local, ctx.signal);
            files.push(local);
        }
        catch (e) {
            if (ctx.signal.aborted)
                throw e;
        }
    }
    if (run.exitCode !== 0)
        throw new _engine_errors__WEBPACK_IMPORTED_MODULE_3__/* .BuildError */ .z(`lynis failed on the machine (exit code ${run.exitCode})${run.tail.length ? `: ${run.tail.slice(-5).join(' | ')}` : ''}`, files.includes(log) ? `its log is kept as ${log}` : undefined, run.tail);
    if (!files.includes(report))
        throw new _engine_errors__WEBPACK_IMPORTED_MODULE_3__/* .BuildError */ .z('lynis ran but wrote no report file on the machine', undefined, run.tail);
    const rep = parseLynisReport((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(report, 'utf8'));
    if (rep.index === undefined)
        throw new _engine_errors__WEBPACK_IMPORTED_MODULE_3__/* .BuildError */ .z('the lynis report has no hardening_index', `see ${report}${files.includes(log) ? ` and ${log}` : ''}`);
    const findings = [
        ...rep.warnings.map((w) => toFinding(w, 'high')),
        ...rep.suggestions.map((s) => toFinding(s, 'low')),
    ];
    const summary = `hardening index ${rep.index}, ${rep.warnings.length} warning${rep.warnings.length === 1 ? '' : 's'}, ${rep.suggestions.length} suggestion${rep.suggestions.length === 1 ? '' : 's'}`;
    ctx.out('info', `lynis: ${summary}`);
    const metrics = {
        hardening_index: rep.index,
        warnings: rep.warnings.length,
        suggestions: rep.suggestions.length,
    };
    if (rep.testsDone !== undefined)
        metrics.tests_done = rep.testsDone;
    return {
        findings,
        files,
        summary,
        metrics,
        index: rep.index,
        indexFailure: lynisGate(rep.index, minIndex),
    };
}
function toFinding(e, severity) {
    const detail = [e.details, e.solution && `solution: ${e.solution}`].filter(Boolean).join('; ');
    return { scanner: 'lynis', id: e.id, severity, title: e.text, ...(detail ? { detail } : {}) };
}


/***/ }),

/***/ 53412:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fg: () => (/* binding */ capture),
/* harmony export */   Kp: () => (/* binding */ findProgram),
/* harmony export */   hM: () => (/* binding */ withScratch)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _communicators_communicator__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(54717);
/* harmony import */ var _engine_errors__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(17679);
/**
 * What every scanner gets and gives, and the runner-side helpers the in-machine scanners
 * share: finding a program on the runner, running a command in the machine, and a scratch
 * directory there that is removed whatever happens.
 */




const CLEANUP_MS = 30_000;
/** Looks a program up on PATH on the runner, then in `also`. */
function findProgram(name, path = process.env.PATH ?? '', also = []) {
    const dirs = [...path.split(node_path__WEBPACK_IMPORTED_MODULE_1__.delimiter), ...also];
    for (const d of dirs) {
        if (!d)
            continue;
        const p = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(d, name);
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.accessSync)(p, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.X_OK);
            return p;
        }
        catch {
            // not here
        }
    }
    return undefined;
}
/** Runs a command and collects its stdout; stderr lines go to the build's output. */
async function capture(ctx, command, signal = ctx.signal) {
    const stdout = [];
    const r = await ctx.comm.exec(command, {
        signal,
        onStdout: (l) => stdout.push(l),
        onStderr: (l) => ctx.out('stderr', l),
    });
    return { exitCode: r.exitCode, stdout, tail: r.tail };
}
/**
 * Makes a scratch directory on the machine, hands it to `fn` and removes it afterwards, also
 * when `fn` fails or the build is cancelled: the removal has its own time budget. A scanner
 * started with `<dir>/.pid` written is stopped first. `cleanup` is more shell to run before
 * the directory goes (for files a scanner writes elsewhere).
 */
async function withScratch(ctx, scanner, fn, cleanup = () => '') {
    const r = await capture(ctx, `u=$(id -u) || exit 1; if [ "$u" = 0 ]; then s=; elif sudo -n true 2>/dev/null; then s='sudo -n '; else echo "nosudo $(id -un)"; exit 0; fi; d=$($s mktemp -d "\${TMPDIR:-/tmp}/bake-${scanner}.XXXXXXXX") || exit 1; $s chmod 700 "$d" && echo "ok $u $d"`);
    const line = r.stdout.find((l) => /^(ok|nosudo) /.test(l));
    if (line?.startsWith('nosudo '))
        throw new _engine_errors__WEBPACK_IMPORTED_MODULE_2__/* .BuildError */ .z(`${scanner} must run as root, and the user ${line.slice(7)} cannot use sudo without a password on the machine`, 'connect as root, or give the build user passwordless sudo');
    const m = /^ok (\d+) (\/\S+)$/.exec(line ?? '');
    if (r.exitCode !== 0 || !m)
        throw new _engine_errors__WEBPACK_IMPORTED_MODULE_2__/* .BuildError */ .z(`cannot make a scratch directory for ${scanner} on the machine (mktemp -d): ${r.tail.join(' | ') || `exit code ${r.exitCode}`}`, 'the machine needs a writable /tmp (or $TMPDIR) and mktemp');
    const scratch = { dir: m[2], sudo: m[1] === '0' ? '' : 'sudo -n ' };
    let result;
    let error;
    try {
        result = await fn(scratch);
    }
    catch (e) {
        error = { e };
    }
    const d = (0,_communicators_communicator__WEBPACK_IMPORTED_MODULE_3__/* .shQuote */ .US)(scratch.dir);
    // Stop a scanner still running (after a cancel the exec is gone, the process is not), with
    // everything it started: each process is stopped before its children are looked up, so
    // nothing forks away, then killed.
    const stop = `kt() { kill -STOP "$1" 2>/dev/null; for c in $(grep -l "^PPid:[[:space:]]*$1\\$" /proc/[0-9]*/status 2>/dev/null | cut -d/ -f3); do kt "$c"; done; kill -9 "$1" 2>/dev/null; }; if [ -f ${d}/.pid ]; then p=$(cat ${d}/.pid); if kill -0 "$p" 2>/dev/null; then kt "$p"; sleep 0.2; fi; fi`;
    const script = `${stop}; ${cleanup(d)}\nrm -rf ${d} && ! [ -e ${d} ]`;
    const c = await capture(ctx, `${scratch.sudo}sh -c ${(0,_communicators_communicator__WEBPACK_IMPORTED_MODULE_3__/* .shQuote */ .US)(script)}`, AbortSignal.timeout(CLEANUP_MS)).catch((e) => ({ exitCode: -1, stdout: [], tail: [e.message] }));
    const leftover = c.exitCode === 0
        ? undefined
        : `could not remove ${scanner}'s scratch directory ${scratch.dir} from the machine: ${c.tail.join(' | ') || `exit code ${c.exitCode}`}`;
    if (error) {
        if (leftover)
            ctx.out('stderr', leftover);
        throw error.e;
    }
    // A leftover in the image is a failure of its own.
    if (leftover)
        throw new _engine_errors__WEBPACK_IMPORTED_MODULE_2__/* .BuildError */ .z(leftover, 'remove it in a provisioner before the image is captured');
    return result;
}


/***/ })

};
;
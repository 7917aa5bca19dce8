"use strict";
exports.id = 5572;
exports.ids = [5572];
exports.modules = {

/***/ 45572:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runOscap: () => (/* binding */ runOscap)
/* harmony export */ });
/* unused harmony export parseRuleResults */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _communicators_communicator__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(54717);
/* harmony import */ var _engine_errors__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(17679);
/* harmony import */ var _scanner__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(53412);
/**
 * OpenSCAP over the build's communicator, without installing it in the machine: the runner's
 * oscap goes to a scratch directory with every shared library ldd names and the dynamic
 * loader, and runs through that loader (OpenSCAP 1.3 runs its OVAL probes in-process, so the
 * one program is the whole scanner). The results come back as ARF; the HTML report is made on
 * the runner, and the scratch directory is removed afterwards.
 */








/** XCCDF results that mean the rule is not met. */
const FAILING = new Set(['fail', 'error']);
function xccdfSeverity(s) {
    return s === 'high' || s === 'medium' || s === 'low' ? s : 'unknown';
}
function attr(attrs, name) {
    return new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)
        .exec(attrs)
        ?.slice(1)
        .find((v) => v !== undefined);
}
function text(xml) {
    return xml
        .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
        .replace(/<[^>]+>/g, '')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
        .replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCodePoint(parseInt(n, 16)))
        .replace(/&amp;/g, '&')
        .replace(/\s+/g, ' ')
        .trim();
}
/**
 * The rule results of an ARF or XCCDF results document, with each rule's title from the
 * benchmark in it. XCCDF's elements are plain and well defined (rule-result with idref and
 * severity, a result child; Rule with id and a title), which a careful pattern reads well.
 */
function parseRuleResults(xml) {
    const ns = '(?:[A-Za-z_][\\w.-]*:)?';
    const titles = new Map();
    const ruleRe = new RegExp(`<${ns}Rule\\b([^>]*)>([\\s\\S]*?)</${ns}Rule>`, 'g');
    for (const m of xml.matchAll(ruleRe)) {
        const id = attr(m[1], 'id');
        const t = new RegExp(`<${ns}title\\b[^>]*>([\\s\\S]*?)</${ns}title>`).exec(m[2]);
        if (id && t)
            titles.set(id, text(t[1]));
    }
    const out = [];
    const seen = new Set();
    const resRe = new RegExp(`<${ns}rule-result\\b([^>]*)>([\\s\\S]*?)</${ns}rule-result>`, 'g');
    for (const m of xml.matchAll(resRe)) {
        const id = attr(m[1], 'idref');
        const r = new RegExp(`<${ns}result\\b[^>]*>\\s*([a-z]+)\\s*</${ns}result>`).exec(m[2]);
        if (!id || !r || seen.has(id))
            continue;
        seen.add(id);
        out.push({
            id,
            result: r[1],
            severity: xccdfSeverity(attr(m[1], 'severity')),
            title: titles.get(id) ?? id,
        });
    }
    return out;
}
/** The shared libraries and the loader ldd lists for a program. */
function libraries(program) {
    let out;
    try {
        out = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFileSync)('ldd', [program], { encoding: 'utf8' });
    }
    catch (e) {
        throw new _engine_errors__WEBPACK_IMPORTED_MODULE_4__/* .BuildError */ .z(`cannot list the libraries of ${program} (ldd): ${e.message}`);
    }
    const libs = [];
    let loader;
    for (const line of out.split('\n')) {
        const missing = /^\s*(\S+) => not found/.exec(line);
        if (missing)
            throw new _engine_errors__WEBPACK_IMPORTED_MODULE_4__/* .BuildError */ .z(`oscap on the runner misses the library ${missing[1]}`, 'reinstall openscap-scanner');
        const lib = /=>\s*(\/\S+)/.exec(line);
        if (lib)
            libs.push(lib[1]);
        else if (/^\s*\/\S+/.test(line))
            loader = line.trim().split(/\s+/)[0];
    }
    if (!loader)
        throw new _engine_errors__WEBPACK_IMPORTED_MODULE_4__/* .BuildError */ .z(`ldd names no dynamic loader for ${program}`, 'oscap on the runner must be a dynamically linked program');
    return { loader, libs };
}
function runnerArch() {
    return (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFileSync)('uname', ['-m'], { encoding: 'utf8' }).trim();
}
async function runOscap(ctx, o) {
    const oscap = (0,_scanner__WEBPACK_IMPORTED_MODULE_5__/* .findProgram */ .Kp)('oscap');
    if (!oscap)
        throw new _engine_errors__WEBPACK_IMPORTED_MODULE_4__/* .BuildError */ .z('OpenSCAP (oscap) is not installed on the runner', 'install it on the runner (sudo apt-get install -y openscap-scanner); it is copied to the machine for the scan and removed again, never installed there');
    const datastream = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.resolve)(o.datastream);
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(datastream))
        throw new _engine_errors__WEBPACK_IMPORTED_MODULE_4__/* .BuildError */ .z(`the SCAP data stream ${o.datastream} does not exist on the runner`);
    const tailoring = o.tailoring === undefined ? undefined : (0,node_path__WEBPACK_IMPORTED_MODULE_3__.resolve)(o.tailoring);
    if (tailoring && !(0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(tailoring))
        throw new _engine_errors__WEBPACK_IMPORTED_MODULE_4__/* .BuildError */ .z(`the tailoring file ${o.tailoring} does not exist on the runner`);
    if (!/^[\w.:-]+$/.test(o.profile))
        throw new _engine_errors__WEBPACK_IMPORTED_MODULE_4__/* .BuildError */ .z(`"${o.profile}" is not an XCCDF profile id`);
    const arch = runnerArch();
    const m = await (0,_scanner__WEBPACK_IMPORTED_MODULE_5__/* .capture */ .Fg)(ctx, 'uname -m');
    const machineArch = m.stdout.join('').trim();
    if (m.exitCode !== 0 || !machineArch)
        throw new _engine_errors__WEBPACK_IMPORTED_MODULE_4__/* .BuildError */ .z(`cannot tell the machine's architecture (uname -m): ${m.tail.join(' | ')}`);
    if (machineArch !== arch)
        throw new _engine_errors__WEBPACK_IMPORTED_MODULE_4__/* .BuildError */ .z(`OpenSCAP cannot scan this machine: it is ${machineArch}, the runner's oscap is built for ${arch}`, `scan on a runner of the machine's architecture (${machineArch})`);
    const { loader, libs } = libraries(oscap);
    const stage = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.mkdtempSync)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_2__.tmpdir)(), 'bake-oscap-'));
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.mkdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(stage, 'lib'));
        // copyFileSync follows links (the loader and most libraries are links) and keeps modes.
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.copyFileSync)(oscap, (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(stage, 'oscap'));
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.copyFileSync)(loader, (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(stage, (0,node_path__WEBPACK_IMPORTED_MODULE_3__.basename)(loader)));
        for (const l of libs)
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.copyFileSync)(l, (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(stage, 'lib', (0,node_path__WEBPACK_IMPORTED_MODULE_3__.basename)(l)));
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.copyFileSync)(datastream, (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(stage, 'ds.xml'));
        if (tailoring)
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.copyFileSync)(tailoring, (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(stage, 'tailoring.xml'));
        // The dpkginfo probe reads the package database through libapt-pkg, which would
        // otherwise write its binary caches into the image.
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.writeFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(stage, 'apt.conf'), 'Dir::Cache::pkgcache "";\nDir::Cache::srcpkgcache "";\n');
        return await (0,_scanner__WEBPACK_IMPORTED_MODULE_5__/* .withScratch */ .hM)(ctx, 'oscap', (s) => evaluate(ctx, s.dir, s.sudo, (0,node_path__WEBPACK_IMPORTED_MODULE_3__.basename)(loader), o.profile, !!tailoring, stage));
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.rmSync)(stage, { recursive: true, force: true });
    }
}
async function evaluate(ctx, dir, sudo, loader, profile, tailored, stage) {
    const d = (0,_communicators_communicator__WEBPACK_IMPORTED_MODULE_6__/* .shQuote */ .US)(dir);
    ctx.out('info', `oscap: copying OpenSCAP to ${dir}`);
    await ctx.comm.upload(stage + '/', dir, ctx.signal);
    const args = [
        `${dir}/${loader}`,
        '--inhibit-cache',
        '--library-path',
        `${dir}/lib`,
        `${dir}/oscap`,
        'xccdf',
        'eval',
        '--skip-valid',
        '--profile',
        profile,
        ...(tailored ? ['--tailoring-file', `${dir}/tailoring.xml`] : []),
        '--results-arf',
        `${dir}/arf.xml`,
        `${dir}/ds.xml`,
    ]
        .map(_communicators_communicator__WEBPACK_IMPORTED_MODULE_6__/* .shQuote */ .US)
        .join(' ');
    const script = `cd ${d} || exit 1; echo $$ > ${d}/.pid; APT_CONFIG=${d}/apt.conf; export APT_CONFIG; exec ${args}`;
    ctx.out('info', `oscap: evaluating profile ${profile}`);
    const run = await ctx.comm.exec(`${sudo}sh -c ${(0,_communicators_communicator__WEBPACK_IMPORTED_MODULE_6__/* .shQuote */ .US)(script)}`, {
        signal: ctx.signal,
        onStdout: (l) => ctx.out('stdout', l),
        onStderr: (l) => ctx.out('stderr', l),
    });
    // oscap: 0 all rules pass, 2 some fail, 1 an error.
    if (run.exitCode !== 0 && run.exitCode !== 2) {
        const tail = run.tail.slice(-5).join(' | ');
        const noexec = run.exitCode === 126 || /permission denied/i.test(tail);
        throw new _engine_errors__WEBPACK_IMPORTED_MODULE_4__/* .BuildError */ .z(`OpenSCAP failed on the machine (exit code ${run.exitCode})${tail ? `: ${tail}` : ''}`, noexec
            ? `programs cannot run from ${dir}: is its file system mounted noexec? Set TMPDIR for the build user to a directory that allows it`
            : 'check the profile id and the data stream (oscap info <data stream> lists the profiles)', run.tail);
    }
    await (0,_scanner__WEBPACK_IMPORTED_MODULE_5__/* .capture */ .Fg)(ctx, `${sudo}chmod 755 ${d}; ${sudo}chmod 644 ${d}/arf.xml; true`);
    const arf = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(ctx.filesDir, 'oscap-arf.xml');
    await ctx.comm.download(`${dir}/arf.xml`, arf, ctx.signal);
    const html = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(ctx.filesDir, 'oscap-report.html');
    const oscap = (0,_scanner__WEBPACK_IMPORTED_MODULE_5__/* .findProgram */ .Kp)('oscap');
    try {
        (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFileSync)(oscap, ['xccdf', 'generate', 'report', '--output', html, arf], {
            stdio: ['ignore', 'ignore', 'pipe'],
        });
    }
    catch (e) {
        const stderr = String(e.stderr ?? '').trim();
        throw new _engine_errors__WEBPACK_IMPORTED_MODULE_4__/* .BuildError */ .z(`oscap could not make the HTML report from ${arf}: ${stderr.split('\n').slice(-3).join(' | ') || e.message}`);
    }
    // Rules the profile leaves out are listed too, as notselected: they were not evaluated.
    const results = parseRuleResults((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(arf, 'utf8')).filter((r) => r.result !== 'notselected');
    if (!results.length)
        throw new _engine_errors__WEBPACK_IMPORTED_MODULE_4__/* .BuildError */ .z(`the OpenSCAP results (${arf}) have no evaluated rules`, `does profile ${profile} select any rules?`);
    const failing = results.filter((r) => FAILING.has(r.result));
    const findings = failing.map((r) => ({
        scanner: 'oscap',
        id: r.id,
        severity: r.severity,
        title: r.title,
        ...(r.result === 'error' ? { detail: 'the check could not be evaluated (error)' } : {}),
    }));
    const count = (res) => results.filter((r) => r.result === res).length;
    const metrics = {
        pass: count('pass'),
        fail: count('fail'),
        error: count('error'),
        rules: results.length,
    };
    const summary = `${metrics.pass} passed, ${metrics.fail} failed${metrics.error ? `, ${metrics.error} errors` : ''} of ${results.length} rules`;
    ctx.out('info', `oscap: ${summary}`);
    return { findings, files: [arf, html], summary, metrics };
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
"use strict";
exports.id = 9907;
exports.ids = [9907];
exports.modules = {

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


/***/ }),

/***/ 29907:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runGrype: () => (/* binding */ runGrype),
/* harmony export */   runTrivy: () => (/* binding */ runTrivy)
/* harmony export */ });
/* unused harmony exports vulnSeverity, parseTrivy, parseGrype */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _engine_errors__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(17679);
/* harmony import */ var _scanner__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(53412);
/**
 * Vulnerability scanners over the build's SBOM: Trivy and Grype run on the runner against the
 * CycloneDX file the build wrote, so nothing touches the machine. Their JSON reports are kept
 * as build files and read into findings.
 */





/** Severity words of both scanners, in any case, on our scale. */
function vulnSeverity(s) {
    switch (String(s ?? '').toLowerCase()) {
        case 'critical':
            return 'critical';
        case 'high':
            return 'high';
        case 'medium':
            return 'medium';
        case 'low':
        case 'negligible':
            return 'low';
        default:
            return 'unknown';
    }
}
const obj = (v) => (v && typeof v === 'object' ? v : {});
const arr = (v) => (Array.isArray(v) ? v : []);
const str = (v) => (typeof v === 'string' && v ? v : undefined);
/** Trivy's JSON report: Results[].Vulnerabilities[]. */
function parseTrivy(report) {
    const out = [];
    for (const r of arr(obj(report).Results))
        for (const v of arr(obj(r).Vulnerabilities)) {
            const x = obj(v);
            const id = str(x.VulnerabilityID);
            if (!id)
                continue;
            const name = str(x.PkgName) ?? '?';
            const fixedIn = str(x.FixedVersion);
            out.push({
                scanner: 'trivy',
                id,
                severity: vulnSeverity(x.Severity),
                title: str(x.Title) ?? `${id} in ${name}`,
                package: { name, version: str(x.InstalledVersion) ?? '', ...(fixedIn ? { fixedIn } : {}) },
                ...(str(x.PrimaryURL) ? { detail: str(x.PrimaryURL) } : {}),
            });
        }
    return out;
}
/** Grype's JSON report: matches[] of a vulnerability and the artifact it is in. */
function parseGrype(report) {
    const out = [];
    for (const m of arr(obj(report).matches)) {
        const v = obj(obj(m).vulnerability);
        const a = obj(obj(m).artifact);
        const id = str(v.id);
        if (!id)
            continue;
        const name = str(a.name) ?? '?';
        const fixes = arr(obj(v.fix).versions).filter((x) => typeof x === 'string');
        const description = str(v.description);
        out.push({
            scanner: 'grype',
            id,
            severity: vulnSeverity(v.severity),
            title: description && description.length <= 200
                ? description
                : description
                    ? description.slice(0, 197).trimEnd() + '...'
                    : `${id} in ${name}`,
            package: {
                name,
                version: str(a.version) ?? '',
                ...(fixes.length ? { fixedIn: fixes.join(', ') } : {}),
            },
            ...(str(v.dataSource) ? { detail: str(v.dataSource) } : {}),
        });
    }
    return out;
}
const TRIVY = {
    name: 'trivy',
    install: 'install Trivy on the runner: add the aquasecurity/setup-trivy action before this step, or follow the installation page of Trivy’s documentation (its Debian/Ubuntu package repository or its install script)',
    args: (sbom) => ['sbom', '--format', 'json', '--quiet', sbom],
    parse: parseTrivy,
};
const GRYPE = {
    name: 'grype',
    install: 'install Grype on the runner: add the anchore/scan-action/download-grype action before this step, or run the install script from the anchore/grype repository (its README shows how)',
    args: (sbom) => [`sbom:${sbom}`, '-o', 'json'],
    parse: parseGrype,
};
function runTrivy(ctx, o = {}) {
    return scan(ctx, TRIVY, o);
}
function runGrype(ctx, o = {}) {
    return scan(ctx, GRYPE, o);
}
function summarize(findings) {
    const metrics = {
        critical: 0,
        high: 0,
        medium: 0,
        low: 0,
        unknown: 0,
    };
    for (const f of findings)
        metrics[f.severity]++;
    const parts = Object.entries(metrics)
        .filter(([, n]) => n > 0)
        .map(([s, n]) => `${n} ${s}`);
    const n = findings.length;
    return {
        summary: n === 0
            ? 'no vulnerabilities'
            : `${n} vulnerabilit${n === 1 ? 'y' : 'ies'}: ${parts.join(', ')}`,
        metrics: { ...metrics, total: n },
    };
}
async function scan(ctx, tool, o) {
    if (!ctx.sbomFile)
        throw new _engine_errors__WEBPACK_IMPORTED_MODULE_3__/* .BuildError */ .z(`${tool.name} scans the build's SBOM, and this build writes none`, 'add sbom: {format: cyclonedx} to the build');
    const env = o.env ?? process.env;
    const bin = (0,_scanner__WEBPACK_IMPORTED_MODULE_4__/* .findProgram */ .Kp)(tool.name, env.PATH ?? '');
    if (!bin)
        throw new _engine_errors__WEBPACK_IMPORTED_MODULE_3__/* .BuildError */ .z(`${tool.name} is not on PATH on the runner`, tool.install);
    const args = tool.args(ctx.sbomFile);
    ctx.out('info', `${tool.name}: scanning ${ctx.sbomFile}`);
    const { code, stdout, stderr } = await run(bin, args, env, ctx);
    if (code !== 0) {
        const tail = stderr.split('\n').filter(Boolean).slice(-10);
        throw new _engine_errors__WEBPACK_IMPORTED_MODULE_3__/* .BuildError */ .z(`${tool.name} failed (exit code ${code})${tail.length ? `: ${tail.slice(-3).join(' | ')}` : ''}`, undefined, tail);
    }
    let report;
    try {
        report = JSON.parse(stdout);
    }
    catch (e) {
        throw new _engine_errors__WEBPACK_IMPORTED_MODULE_3__/* .BuildError */ .z(`${tool.name} printed no JSON report (${e.message})`, `is ${bin} really ${tool.name}?`);
    }
    const file = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(ctx.filesDir, `${tool.name}-report.json`);
    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.writeFileSync)(file, stdout);
    const findings = tool.parse(report);
    const { summary, metrics } = summarize(findings);
    ctx.out('info', `${tool.name}: ${summary}`);
    return { findings, files: [file], summary, metrics };
}
function run(bin, args, env, ctx) {
    return new Promise((resolve, reject) => {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(bin, args, {
            env: env,
            stdio: ['ignore', 'pipe', 'pipe'],
            signal: ctx.signal,
        });
        const out = [];
        let err = '';
        let partial = '';
        child.stdout.on('data', (c) => out.push(c));
        child.stderr.on('data', (c) => {
            err += c.toString();
            const lines = (partial + c.toString()).split('\n');
            partial = lines.pop() ?? '';
            for (const l of lines)
                ctx.out('stderr', l);
        });
        child.on('error', (e) => reject(ctx.signal.aborted
            ? e
            : new _engine_errors__WEBPACK_IMPORTED_MODULE_3__/* .BuildError */ .z(`cannot start ${bin}: ${e.message}`, 'is it executable on the runner?')));
        child.on('close', (code, sig) => {
            if (partial)
                ctx.out('stderr', partial);
            resolve({
                code: code ?? (sig ? 128 : -1),
                stdout: Buffer.concat(out).toString('utf8'),
                stderr: err,
            });
        });
    });
}


/***/ })

};
;
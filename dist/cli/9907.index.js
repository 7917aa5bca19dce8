"use strict";
exports.id = 9907;
exports.ids = [9907];
exports.modules = {

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
function lookup(name, env) {
    for (const d of (env.PATH ?? '').split(node_path__WEBPACK_IMPORTED_MODULE_2__.delimiter)) {
        if (!d)
            continue;
        const p = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(d, name);
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.accessSync)(p, node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.X_OK);
            return p;
        }
        catch {
            // not in this directory
        }
    }
    return undefined;
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
    const bin = lookup(tool.name, env);
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
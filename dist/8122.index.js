"use strict";
exports.id = 8122;
exports.ids = [8122,5309];
exports.modules = {

/***/ 55309:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ResourceLedger: () => (/* binding */ ResourceLedger)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _util_random__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(31245);
/**
 * The resource ledger: every resource a build creates is written here the moment it exists
 * (JSON lines, fsynced) and marked done once cleaned. A killed run leaves its open entries
 * for `bake cleanup` and the action's post step.
 */



class ResourceLedger {
    file;
    run;
    owner;
    constructor(file, run, owner = () => undefined) {
        this.file = file;
        this.run = run;
        this.owner = owner;
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(file), { recursive: true });
    }
    append(line) {
        const fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(this.file, 'a', 0o600);
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeSync)(fd, JSON.stringify(line) + '\n');
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.fsyncSync)(fd);
        }
        finally {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
        }
    }
    add(build, kind, ref, description) {
        const entry = {
            id: (0,_util_random__WEBPACK_IMPORTED_MODULE_2__/* .randomUuid */ .bX)(),
            kind,
            ref,
            build,
            run: this.run,
            description,
            time: new Date().toISOString(),
            ...this.owner(kind),
        };
        this.append({ op: 'add', ...entry });
        return entry;
    }
    done(entry) {
        this.append({ op: 'done', id: entry.id, time: new Date().toISOString() });
    }
    keep(entry) {
        this.append({ op: 'keep', id: entry.id, time: new Date().toISOString() });
    }
    /** Entries that were added and never marked done, oldest first. */
    static pending(file) {
        if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(file))
            return [];
        const open = new Map();
        for (const raw of (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, 'utf8').split('\n')) {
            if (!raw.trim())
                continue;
            let line;
            try {
                line = JSON.parse(raw);
            }
            catch {
                continue; // a torn last line from a killed process
            }
            if (line.op === 'add')
                open.set(line.id, line);
            else if (line.op === 'done')
                open.delete(line.id);
            else if (line.op === 'keep' && open.has(line.id))
                open.get(line.id).kept = true;
        }
        return [...open.values()];
    }
}


/***/ }),

/***/ 18122:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  cancelOnSignals: () => (/* binding */ cancelOnSignals),
  cleanupLedger: () => (/* binding */ cleanupLedger),
  dockerClient: () => (/* binding */ dockerClient),
  formatSummary: () => (/* binding */ formatSummary),
  ledgerOwner: () => (/* binding */ ledgerOwner),
  loadDocker: () => (/* binding */ loadDocker),
  runPlan: () => (/* binding */ runPlan)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/engine/context.ts
var context = __webpack_require__(86173);
;// CONCATENATED MODULE: ./src/engine/events.ts
/** One typed stream of what happens in a run; the console, the events file and reports read it. */
function recordOf(a) {
    return {
        id: a.id,
        builderType: a.builderType,
        ...(a.tags?.length ? { tags: [...a.tags] } : {}),
        ...(a.digests?.length ? { digests: [...a.digests] } : {}),
        ...(a.files?.length ? { files: [...a.files] } : {}),
        ...(a.regions ? { regions: { ...a.regions } } : {}),
        ...(a.properties && Object.keys(a.properties).length
            ? { properties: { ...a.properties } }
            : {}),
        ...(a.description ? { description: a.description } : {}),
        ...(a.sbom ? { sbom: a.sbom } : {}),
        ...(a.reports?.length ? { reports: [...a.reports] } : {}),
    };
}
class EventBus {
    listeners = [];
    on(l) {
        this.listeners.push(l);
        return () => {
            this.listeners = this.listeners.filter((x) => x !== l);
        };
    }
    emit(e) {
        for (const l of this.listeners) {
            try {
                l(e);
            }
            catch {
                // A failing reporter must never break a build.
            }
        }
    }
}
const now = () => new Date().toISOString();

// EXTERNAL MODULE: ./src/engine/ledger.ts
var engine_ledger = __webpack_require__(55309);
// EXTERNAL MODULE: ./src/engine/steps.ts
var engine_steps = __webpack_require__(54277);
// EXTERNAL MODULE: ./src/util/redact.ts
var redact = __webpack_require__(50767);
// EXTERNAL MODULE: ./src/engine/errors.ts
var errors = __webpack_require__(17679);
// EXTERNAL MODULE: ./package.json
var package_0 = __webpack_require__(8330);
;// CONCATENATED MODULE: ./src/trust/findings.ts
/**
 * What scanners report and how a gate judges it: one finding type for every scanner, one
 * severity scale, and the ignore rules a spec writes (each with its reason and, optionally,
 * the day it lapses).
 */
const SEVERITIES = (/* unused pure expression or super */ null && (['critical', 'high', 'medium', 'low', 'unknown']));
const RANK = { critical: 4, high: 3, medium: 2, low: 1, unknown: 0 };
/** True when a finding of severity `s` fails a gate set to `failOn`. Unknown counts as low. */
function atOrAbove(s, failOn) {
    if (failOn === 'never')
        return false;
    return Math.max(RANK[s], 1) >= RANK[failOn];
}
/** Today as YYYY-MM-DD in UTC, the form `until` is written in. */
function today(now = new Date()) {
    return now.toISOString().slice(0, 10);
}
/** Applies ignore rules and the threshold to what a scanner found. */
function gate(findings, rules, day = today()) {
    const failing = [];
    const ignored = [];
    const warnings = [];
    const used = new Set();
    const lapsed = new Set();
    for (const f of findings) {
        const rule = rules.ignore.find((r) => r.id === f.id);
        if (rule && rule.until && rule.until < day) {
            lapsed.add(rule);
        }
        else if (rule) {
            used.add(rule);
            ignored.push({ finding: f, rule });
            continue;
        }
        if (atOrAbove(f.severity, rules.failOn))
            failing.push(f);
    }
    for (const r of lapsed)
        warnings.push(`the ignore rule for ${r.id} lapsed on ${r.until} ("${r.reason}"); the finding counts again`);
    for (const r of rules.ignore)
        if (!used.has(r) && !lapsed.has(r))
            warnings.push(`the ignore rule for ${r.id} matched nothing; remove it if it is fixed`);
    return { failing, ignored, warnings };
}

;// CONCATENATED MODULE: ./src/trust/run.ts
/**
 * The trust steps of a build: after the provisioners and before the builder captures the
 * image, the checks of `tests:` run, the SBOM is read and written, and each scanner runs and
 * is gated. Every part runs and reports even when one before it failed; the last step fails
 * the build (before capture, under the usual on-error rules) if anything did.
 */






const MARK = { passed: '✔', failed: '✘', skipped: '–' };
/** The results as lines for the console. */
function checkLines(checks) {
    const count = (s) => checks.filter((c) => c.status === s).length;
    const lines = [
        `tests: ${count('passed')} passed, ${count('failed')} failed, ${count('skipped')} skipped`,
    ];
    for (const c of checks)
        lines.push(`  ${MARK[c.status]} ${c.label}${c.details.length ? ` — ${c.details.join('; ')}` : ''}`);
    return lines;
}
function writeJson(path, value) {
    (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(path), { recursive: true });
    (0,external_node_fs_.writeFileSync)(path, JSON.stringify((0,redact/* redactValue */.FI)(value), null, 2) + '\n');
}
/**
 * The steps that prove the machine, or none when the build has no trust blocks. `results`
 * is filled in as they run, for the build's result.
 */
function trustSteps(plan, env, results) {
    if (!plan)
        return [];
    const inst = env.instance;
    const failures = [];
    const needsSbomFile = plan.scans.some((s) => s.type === 'trivy' || s.type === 'grype');
    let cyclonedxFile;
    results.at = plan.at;
    const comm = (state) => {
        if (state.communicator)
            return state.communicator;
        throw new errors/* BuildError */.z('tests, sbom and scan run inside the machine, and this build has no communicator', `give source "${inst.source}" a communicator (it has communicator: none), or remove the trust blocks from build "${inst.build}"`);
    };
    const steps = [];
    if (plan.tests.length)
        steps.push({
            name: 'tests',
            async run(state, ctx) {
                const { runChecks } = await __webpack_require__.e(/* import() */ 6500).then(__webpack_require__.bind(__webpack_require__, 96500));
                const checks = await runChecks(plan.tests, comm(state), ctx.signal);
                results.checks = checks;
                const file = (0,external_node_path_.join)(plan.reportsDir, 'tests.json');
                writeJson(file, { build: inst.name, checks });
                results.files.push(file);
                for (const l of checkLines(checks))
                    env.out('info', l);
                const failed = checks.filter((c) => c.status === 'failed');
                if (failed.length)
                    failures.push({
                        message: `${failed.length} of ${checks.length} tests failed (${failed.map((c) => c.label).join(', ')})`,
                        at: failed[0].at,
                    });
            },
        });
    if (plan.sbom || needsSbomFile)
        steps.push({
            name: 'sbom',
            async run(state, ctx) {
                const { readInventory, cyclonedxJson, spdxJson } = await Promise.all(/* import() */[__webpack_require__.e(7469), __webpack_require__.e(9113)]).then(__webpack_require__.bind(__webpack_require__, 99113));
                const inventory = await readInventory(comm(state), ctx.signal);
                const meta = {
                    name: inst.name,
                    timestamp: new Date(),
                    tool: { name: 'bake', version: package_0/* version */.rE },
                };
                const write = (path, text) => {
                    (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(path), { recursive: true });
                    (0,external_node_fs_.writeFileSync)(path, text);
                    results.files.push(path);
                };
                if (plan.sbom) {
                    write(plan.sbom.output, plan.sbom.format === 'spdx'
                        ? spdxJson(inventory, meta)
                        : cyclonedxJson(inventory, meta));
                    results.sbom = plan.sbom.output;
                    env.out('info', `sbom: ${inventory.packages.length} packages of ${inventory.os.prettyName ?? inventory.os.id} written to ${plan.sbom.output}`);
                    if (plan.sbom.format === 'cyclonedx')
                        cyclonedxFile = plan.sbom.output;
                }
                // The vulnerability scanners read a CycloneDX SBOM: one is written for them when
                // the build asks for SPDX, or for none.
                if (needsSbomFile && !cyclonedxFile) {
                    cyclonedxFile = (0,external_node_path_.join)(plan.reportsDir, 'scan-input.cdx.json');
                    write(cyclonedxFile, cyclonedxJson(inventory, meta));
                }
            },
        });
    for (const use of plan.scans)
        steps.push({
            name: `scan: ${use.label}`,
            async run(state, ctx) {
                const report = await scan(use, comm(state), env, plan, ctx.signal, cyclonedxFile);
                (results.scans ??= []).push(report);
                results.files.push(...report.files);
                env.out(report.status === 'passed' ? 'info' : 'stderr', `scan ${use.label}: ${report.summary}${report.status === 'failed' ? ` — fails the gate (${[...report.problems, ...(report.failing.length ? [`${report.failing.length} findings at ${use.failOn} or worse: ${report.failing.slice(0, 10).join(', ')}${report.failing.length > 10 ? ', …' : ''}`] : [])].join('; ')})` : ''}`);
                for (const w of report.warnings)
                    env.out('stderr', `scan ${use.label}: ${w}`);
                if (report.status === 'failed')
                    failures.push({ message: `${use.label} failed its gate`, at: use.at });
            },
        });
    if (steps.length) {
        // The gate itself: after everything ran and was reported.
        const last = steps[steps.length - 1];
        const inner = last.run.bind(last);
        last.run = async (state, ctx) => {
            await inner(state, ctx);
            if (failures.length)
                throw Object.assign(new errors/* BuildError */.z((0,redact/* redact */.E$)(failures.map((f) => f.message).join('; ')), 'the image was not captured; see the results table, and the reports in ' +
                    plan.reportsDir), { at: failures[0].at });
        };
    }
    return steps;
}
async function scan(use, comm, env, plan, signal, sbomFile) {
    const filesDir = (0,external_node_path_.join)(plan.reportsDir, use.type);
    (0,external_node_fs_.mkdirSync)(filesDir, { recursive: true });
    const ctx = { comm, signal, out: env.out, filesDir, sbomFile };
    const c = use.config;
    const report = {
        type: use.type,
        label: use.label,
        at: use.at,
        status: 'passed',
        summary: '',
        failOn: use.failOn,
        findings: [],
        failing: [],
        ignored: [],
        warnings: [],
        problems: [],
        files: [],
    };
    try {
        let r;
        switch (use.type) {
            case 'lynis': {
                const { runLynis } = await __webpack_require__.e(/* import() */ 217).then(__webpack_require__.bind(__webpack_require__, 10217));
                r = await runLynis(ctx, {
                    ...(c.min_index !== undefined ? { minIndex: Number(c.min_index) } : {}),
                    ...(Array.isArray(c.tests) ? { tests: c.tests.map(String) } : {}),
                });
                // min_index is judged by the lynis module itself.
                if (r.indexFailure)
                    report.problems.push(r.indexFailure);
                break;
            }
            case 'oscap': {
                const { runOscap } = await __webpack_require__.e(/* import() */ 5572).then(__webpack_require__.bind(__webpack_require__, 45572));
                r = await runOscap(ctx, {
                    datastream: String(c.datastream),
                    profile: String(c.profile),
                    ...(c.tailoring !== undefined ? { tailoring: String(c.tailoring) } : {}),
                });
                break;
            }
            case 'trivy': {
                const { runTrivy } = await __webpack_require__.e(/* import() */ 9907).then(__webpack_require__.bind(__webpack_require__, 29907));
                r = await runTrivy(ctx, {});
                break;
            }
            default: {
                const { runGrype } = await __webpack_require__.e(/* import() */ 9907).then(__webpack_require__.bind(__webpack_require__, 29907));
                r = await runGrype(ctx, {});
            }
        }
        report.summary = (0,redact/* redact */.E$)(r.summary);
        report.findings = (0,redact/* redactValue */.FI)(r.findings);
        report.files = r.files;
        const g = gate(report.findings, { failOn: use.failOn, ignore: use.ignore });
        report.failing = g.failing.map((f) => f.id);
        report.ignored = g.ignored.map(({ rule }) => rule);
        report.warnings = g.warnings;
    }
    catch (e) {
        if (signal.aborted)
            throw e;
        report.summary = 'did not run';
        report.problems.push((0,redact/* redact */.E$)(e.message));
        if (e instanceof errors/* BuildError */.z && e.hint)
            report.problems.push((0,redact/* redact */.E$)(e.hint));
    }
    if (report.failing.length || report.problems.length)
        report.status = 'failed';
    const file = (0,external_node_path_.join)(filesDir, 'result.json');
    writeJson(file, report);
    report.files.push(file);
    return report;
}

;// CONCATENATED MODULE: ./src/engine/build.ts
/**
 * Runs one build instance: the builder's steps with the provisioners in the middle, then the
 * post-processor chains. Reports everything as events; never throws for a build failure.
 */







class TimeoutError extends Error {
}
/** A step's settings with the running build's fields filled in (see withBuildFields). */
function withFields(use, env) {
    const config = (0,context/* withBuildFields */.iR)(use.config, env, `${use.label} (${use.at ?? use.path})`);
    return config === use.config ? use : { ...use, config };
}
function provisionerStep(use, index, env, registry) {
    return {
        name: `provisioner ${index + 1}: ${use.label}`,
        async run(state, ctx) {
            if (use.pauseBeforeMs) {
                env.out('info', `pausing ${use.pauseBeforeMs / 1000}s before ${use.label}`);
                await (0,engine_steps/* sleep */.yy)(use.pauseBeforeMs, ctx.signal);
            }
            const impl = await registry.must('provisioner', use.type).load();
            for (let attempt = 0;; attempt++) {
                const deadline = (0,engine_steps/* withTimeout */.wj)(ctx.signal, use.timeoutMs);
                const signal = deadline.signal;
                try {
                    await impl.run(withFields(use, env), state.communicator, env, signal);
                    return;
                }
                catch (e) {
                    if (ctx.signal.aborted)
                        throw e;
                    const timedOut = use.timeoutMs !== undefined && signal.aborted;
                    const err = timedOut
                        ? new context/* BuildError */.zS(`${use.label} timed out after ${use.timeoutMs / 1000}s`, `raise timeout at ${use.path}`)
                        : e;
                    if (attempt >= use.maxRetries)
                        throw err;
                    env.out('info', `${use.label} failed (${err.message}); retry ${attempt + 1} of ${use.maxRetries}`);
                    await (0,engine_steps/* sleep */.yy)(Math.min(2000 * (attempt + 1), 10_000), ctx.signal);
                }
                finally {
                    deadline.clear();
                }
            }
        },
    };
}
/** Where the failed step comes from in the spec: its provisioner or post-processor, else the source. */
function writtenAt(inst, step) {
    const prov = /^provisioner (\d+):/.exec(step ?? '');
    if (prov)
        return inst.provisioners[Number(prov[1]) - 1]?.at;
    const pp = /^post-processor (\d+)\.(\d+):/.exec(step ?? '');
    if (pp)
        return inst.postProcessors[Number(pp[1]) - 1]?.[Number(pp[2]) - 1]?.at;
    return inst.at;
}
/** A result for `inst` with nothing run yet. */
function resultOf(inst, status) {
    return {
        name: inst.name,
        build: inst.build,
        source: inst.source,
        builder: inst.type,
        status,
        durationMs: 0,
        steps: [],
    };
}
async function runBuild(inst, o) {
    const t0 = performance.now();
    const timings = [];
    const { bus } = o;
    const emitOut = (stream, line) => bus.emit({ type: 'output', time: now(), build: inst.name, stream, line: (0,redact/* redact */.E$)(line) });
    bus.emit({ type: 'build-start', time: now(), build: inst.name, builder: inst.type });
    const timeoutCtl = new AbortController();
    let timer;
    if (inst.timeoutMs)
        timer = setTimeout(() => timeoutCtl.abort(new TimeoutError(`build timeout of ${inst.timeoutMs / 1000}s exceeded`)), inst.timeoutMs);
    const signal = AbortSignal.any([o.signal, timeoutCtl.signal]);
    const env = {
        instance: inst,
        specDir: o.specDir,
        runUuid: o.runUuid,
        ledger: o.ledger,
        docker: o.docker,
        out: emitOut,
        generated: {},
    };
    const result = { ...resultOf(inst, 'succeeded'), steps: timings };
    const state = {};
    const fail = (e, step) => {
        const cancelled = o.signal.aborted && !timeoutCtl.signal.aborted;
        result.status = cancelled ? 'cancelled' : 'failed';
        result.failedStep ??= step;
        // A failure may say where it is written (the check or scanner that failed).
        result.at ??= e?.at ?? writtenAt(inst, result.failedStep);
        const err = timeoutCtl.signal.aborted ? timeoutCtl.signal.reason : e;
        result.error ??= (0,redact/* redact */.E$)(cancelled ? 'cancelled' : (err?.message ?? String(e)));
        if (e instanceof context/* BuildError */.zS) {
            result.hint ??= e.hint;
            result.tail ??= e.tail?.map(redact/* redact */.E$);
        }
    };
    try {
        const impl = await o.registry.must('builder', inst.type).load();
        const marker = { name: 'provision', run: async () => undefined };
        const trust = { files: [] };
        if (inst.trust)
            result.trust = trust;
        const provSteps = [
            ...inst.provisioners.map((p, i) => provisionerStep(p, i, env, o.registry)),
            // Before the builder captures the image: what proves the machine.
            ...trustSteps(inst.trust, env, trust),
        ];
        const steps = (await impl.steps(env, marker)).flatMap((s) => (s === marker ? provSteps : [s]));
        let aborted = false;
        const r = await (0,engine_steps/* runSteps */.rl)(steps, state, { signal, log: (l) => emitOut('info', l) }, {
            onStepStart: (name) => bus.emit({ type: 'step-start', time: now(), build: inst.name, step: name }),
            onStepEnd: (name, ms, error) => {
                timings.push({
                    name,
                    start: new Date(Date.now() - ms).toISOString(),
                    durationMs: Math.round(ms),
                    ok: !error,
                });
                bus.emit({
                    type: 'step-end',
                    time: now(),
                    build: inst.name,
                    step: name,
                    durationMs: Math.round(ms),
                    ok: !error,
                    ...(error ? { error: (0,redact/* redact */.E$)(error.message ?? String(error)) } : {}),
                });
            },
            onCleanupError: (name, error) => {
                emitOut('stderr', `cleanup of "${name}" failed: ${error.message}; the resource stays in the ledger for "bake cleanup"`);
                bus.emit({
                    type: 'cleanup',
                    time: now(),
                    build: inst.name,
                    resource: name,
                    ok: false,
                    error: (0,redact/* redact */.E$)(String(error.message)),
                });
            },
        }, {
            deferCleanup: true,
            // Packer's error-cleanup-provisioner: whenever provisioning fails, before the
            // machine is removed (or kept, with run-cleanup-provisioner); never with abort or
            // after a cancellation. It has its own timeout and still honours cancellation.
            beforeCleanup: async (failed) => {
                const ecp = inst.errorCleanupProvisioner;
                if (!ecp || o.onError === 'abort' || o.signal.aborted)
                    return;
                if (!failed.failedStep?.startsWith('provisioner '))
                    return;
                emitOut('info', `running the error-cleanup-provisioner (${ecp.label})`);
                const budget = (0,engine_steps/* withTimeout */.wj)(o.signal, ecp.timeoutMs ?? 300_000);
                try {
                    const impl = await o.registry.must('provisioner', ecp.type).load();
                    await impl.run(withFields(ecp, env), state.communicator, env, budget.signal);
                    emitOut('info', 'the error-cleanup-provisioner finished');
                }
                catch (e) {
                    const why = budget.signal.aborted && !o.signal.aborted
                        ? `timed out after ${(ecp.timeoutMs ?? 300_000) / 1000}s`
                        : e.message;
                    emitOut('stderr', `error-cleanup-provisioner failed: ${why}`);
                }
                finally {
                    budget.clear();
                }
            },
            skipCleanup: () => {
                if (o.signal.aborted)
                    return false;
                if (o.onError === 'abort' || o.onError === 'run-cleanup-provisioner') {
                    aborted = true;
                    return true;
                }
                return false;
            },
        });
        if (!r.ok) {
            fail(r.error, r.failedStep);
            if (aborted) {
                for (const entry of engine_ledger.ResourceLedger.pending(o.ledger.file).filter((x) => x.run === o.runUuid && x.build === inst.name))
                    o.ledger.keep(entry);
                result.leftRunning = state.communicator
                    ? `left running for debugging: ${state.communicator.describe()}; remove it with "bake cleanup --ledger ${o.ledger.file}"`
                    : `resources left for debugging; remove them with "bake cleanup --ledger ${o.ledger.file}"`;
                emitOut('info', result.leftRunning);
            }
            else if (state.artifact) {
                await destroyHalfMade(state.artifact, env);
            }
            return result;
        }
        const built = state.artifact;
        if (built && inst.trust) {
            if (trust.sbom)
                built.sbom = trust.sbom;
            built.reports = trust.files.filter((f) => f !== trust.sbom);
        }
        if (built) {
            result.artifact = recordOf(built);
            bus.emit({
                type: 'artifact',
                time: now(),
                build: inst.name,
                artifact: (0,redact/* redactValue */.FI)(result.artifact),
            });
        }
        // A build that makes nothing (the null builder) still runs its post-processors, as
        // Packer's null artifact lets them (a manifest, a shell-local): they get an empty
        // artifact, which stays out of the result.
        const nothing = !built && inst.postProcessors.length > 0 && inst.artifact === 'none';
        const input = nothing
            ? { id: '', builderType: inst.type, description: 'nothing: this builder makes no artifact' }
            : built;
        try {
            if (input && inst.postProcessors.length)
                await runChains(inst, input, env, bus, signal, result, timings, o.registry);
            if (nothing && !result.artifact?.id)
                delete result.artifact;
            await r.cleanup;
            if (signal.aborted)
                throw signal.reason instanceof Error ? signal.reason : new engine_steps/* CancelledError */.cc();
        }
        catch (e) {
            // Cancelled while post-processing: the image is not a finished result; remove it.
            await r.cleanup;
            fail(e, result.failedStep);
            if (built)
                await destroyHalfMade(built, env);
            return result;
        }
        // The build's artifact is now the result: it leaves the ledger, kept on purpose.
        for (const entry of built?.ledgerEntries ?? [])
            o.ledger.done(entry);
        if (built)
            built.ledgerEntries = undefined;
    }
    catch (e) {
        fail(e);
    }
    finally {
        if (timer)
            clearTimeout(timer);
        result.durationMs = Math.round(performance.now() - t0);
        bus.emit({
            type: 'build-end',
            time: now(),
            build: inst.name,
            status: result.status,
            durationMs: result.durationMs,
            ...(result.error ? { error: result.error } : {}),
            ...(result.failedStep ? { failedStep: result.failedStep } : {}),
        });
    }
    return result;
}
async function destroyHalfMade(a, env) {
    try {
        await a.destroy?.();
        for (const entry of a.ledgerEntries ?? [])
            env.ledger.done(entry);
        env.out('info', `removed the unfinished artifact ${a.id}`);
    }
    catch (e) {
        env.out('stderr', `could not remove the unfinished artifact ${a.id}: ${e.message}; it stays in the ledger`);
    }
}
/**
 * For a build skip-unchanged reuses: the post-processors that only record (manifest) run on
 * the cached artifact, so the record is as complete as after a build. Failures are said, and
 * do not fail a build that did not run.
 */
async function recordReused(inst, artifact, o) {
    const out = (stream, line) => o.bus.emit({ type: 'output', time: now(), build: inst.name, stream, line: (0,redact/* redact */.E$)(line) });
    const env = {
        instance: inst,
        specDir: o.specDir,
        runUuid: o.runUuid,
        ledger: o.ledger,
        docker: o.docker,
        out,
        generated: {},
    };
    for (const use of inst.postProcessors.flat()) {
        const d = o.registry.must('post-processor', use.type);
        if (!d.recordsOnly)
            continue;
        try {
            await (await d.load()).run(use, { ...artifact }, env, o.signal);
        }
        catch (e) {
            out('stderr', `${use.label} failed for the reused artifact: ${e.message}`);
        }
    }
}
/** Each chain starts from the build's artifact; a failing chain does not stop the others. */
async function runChains(inst, built, env, events, signal, result, timings, registry) {
    const merged = {
        ...built,
        tags: [...(built.tags ?? [])],
        digests: [...(built.digests ?? [])],
        files: [...(built.files ?? [])],
    };
    let keepBuilt = false;
    const finals = [];
    for (const [ci, chain] of inst.postProcessors.entries()) {
        let input = built;
        for (const [pi, use] of chain.entries()) {
            const name = `post-processor ${ci + 1}.${pi + 1}: ${use.label}`;
            const t = performance.now();
            const finish = (ok, error) => {
                const ms = Math.round(performance.now() - t);
                timings.push({ name, start: new Date(Date.now() - ms).toISOString(), durationMs: ms, ok });
                events.emit({
                    type: 'step-end',
                    time: now(),
                    build: inst.name,
                    step: name,
                    durationMs: ms,
                    ok,
                    ...(error ? { error } : {}),
                });
            };
            events.emit({ type: 'step-start', time: now(), build: inst.name, step: name });
            try {
                if (signal.aborted)
                    throw new engine_steps/* CancelledError */.cc();
                const impl = await registry.must('post-processor', use.type).load();
                const out = await impl.run(withFields(use, env), input, env, signal);
                if (signal.aborted)
                    throw new engine_steps/* CancelledError */.cc();
                const keep = out.keepInput || use.keepInputArtifact === true || out.artifact.id === input.id;
                if (input === built)
                    keepBuilt ||= keep;
                else if (!keep && input.destroy) {
                    const gone = input;
                    await gone.destroy().then(() => env.out('info', `removed ${gone.id}: ${use.label} replaced it`), (e) => env.out('stderr', `could not remove the intermediate ${gone.id}: ${e.message}`));
                }
                // What proves the image goes with every artifact made from it.
                out.artifact.sbom ??= built.sbom;
                out.artifact.reports ??= built.reports;
                input = out.artifact;
                mergeInto(merged, out.artifact);
                finish(true);
            }
            catch (e) {
                finish(false, (0,redact/* redact */.E$)(e.message));
                if (signal.aborted) {
                    result.failedStep = name;
                    result.at = writtenAt(inst, name);
                    throw e;
                }
                env.out('stderr', `${name} failed: ${(0,redact/* redact */.E$)(e.message)}; the other chains go on`);
                if (result.status === 'succeeded') {
                    result.status = 'failed';
                    result.failedStep = name;
                    result.at = writtenAt(inst, name);
                    result.error = (0,redact/* redact */.E$)(e.message);
                    if (e instanceof context/* BuildError */.zS) {
                        result.hint = e.hint;
                        result.tail = e.tail?.map(redact/* redact */.E$);
                    }
                }
                keepBuilt = true;
                break;
            }
        }
        if (input !== built)
            finals.push(input);
    }
    if (!keepBuilt && built.destroy) {
        // Every chain consumed the build's artifact without keeping it (Packer's default):
        // the result is what the chains made.
        await built.destroy().then(() => env.out('info', `removed ${built.id}: the post-processors replaced it`), (e) => env.out('stderr', `could not remove ${built.id}: ${e.message}`));
        // What is left is what the chains made: its id and what it is (the file docker-save
        // wrote, not the image it removed).
        if (finals.length) {
            merged.id = finals[0].id;
            merged.description = finals[0].description;
        }
    }
    // Only files that are still there: an input a post-processor replaced is gone.
    merged.files = merged.files.filter((f) => (0,external_node_fs_.existsSync)(f));
    result.artifact = recordOf(merged);
}
function mergeInto(m, a) {
    for (const t of a.tags ?? [])
        if (!m.tags.includes(t))
            m.tags.push(t);
    for (const d of a.digests ?? [])
        if (!m.digests.includes(d))
            m.digests.push(d);
    for (const f of a.files ?? [])
        if (!m.files.includes(f))
            m.files.push(f);
}

;// CONCATENATED MODULE: ./src/engine/console.ts

const COLORS = [36, 33, 35, 32, 34, 91, 96, 93];
function attachConsole(bus, o) {
    const colorOf = new Map();
    const buffers = new Map();
    const width = { n: 0 };
    const tag = (build) => {
        if (!colorOf.has(build))
            colorOf.set(build, COLORS[colorOf.size % COLORS.length]);
        width.n = Math.max(width.n, build.length);
        const name = build.padEnd(width.n);
        return o.color ? `\x1b[${colorOf.get(build)}m${name}\x1b[0m | ` : `${name} | `;
    };
    const line = (build, text) => {
        const t = (0,redact/* redact */.E$)(text);
        if (o.github && o.parallel) {
            buffers.get(build)?.push(t);
            return;
        }
        o.write(o.github ? `${t}\n` : `${tag(build)}${t}\n`);
    };
    const live = (build, text) => o.write(o.github && !o.parallel ? `${(0,redact/* redact */.E$)(text)}\n` : `${tag(build)}${(0,redact/* redact */.E$)(text)}\n`);
    bus.on((e) => {
        switch (e.type) {
            case 'build-start':
                if (o.github && !o.parallel)
                    o.write(`::group::${e.build} (${e.builder})\n`);
                if (o.github && o.parallel)
                    buffers.set(e.build, []);
                live(e.build, `build started (${e.builder})`);
                return;
            case 'step-start':
                live(e.build, `==> ${e.step}`);
                return;
            case 'step-end':
                if (!e.ok)
                    live(e.build, `✗ ${e.step} failed after ${(e.durationMs / 1000).toFixed(1)}s: ${e.error ?? ''}`);
                return;
            case 'output':
                line(e.build, e.stream === 'stderr' ? `${e.line}` : e.line);
                return;
            case 'artifact':
                return;
            case 'build-end': {
                if (o.github && o.parallel) {
                    o.write(`::group::${e.build} output\n`);
                    for (const l of buffers.get(e.build) ?? [])
                        o.write(`${l}\n`);
                    o.write('::endgroup::\n');
                }
                const secs = (e.durationMs / 1000).toFixed(1);
                const msg = e.status === 'succeeded'
                    ? `finished in ${secs}s`
                    : `${e.status} after ${secs}s${e.failedStep ? ` in "${e.failedStep}"` : ''}: ${e.error ?? ''}`;
                live(e.build, msg);
                if (o.github && !o.parallel)
                    o.write('::endgroup::\n');
                if (o.github && e.status === 'failed')
                    o.write(`::error title=${e.build} failed::${escapeData((0,redact/* redact */.E$)(`${e.failedStep ? e.failedStep + ': ' : ''}${e.error ?? ''}`))}\n`);
                return;
            }
            default:
                return;
        }
    });
}
function escapeData(s) {
    return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

// EXTERNAL MODULE: ./src/util/random.ts
var random = __webpack_require__(31245);
;// CONCATENATED MODULE: ./src/engine/fingerprint.ts
/**
 * Build fingerprints for skip-unchanged: what a build would make is decided by its resolved
 * settings (without the values that change on every run: timestamp(), uuidv4()), the bytes
 * of every local file it reads, and the identity of what it starts from (a base image's
 * digest, the resolved source AMI). Two runs with the same fingerprint make the same thing.
 */




/** JSON with keys sorted, so equal values always give equal text. */
function canonical(v) {
    if (Array.isArray(v))
        return `[${v.map(canonical).join(',')}]`;
    if (v && typeof v === 'object')
        return `{${Object.keys(v)
            .sort()
            .map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`)
            .join(',')}}`;
    return JSON.stringify(v ?? null);
}
/** Content hash of a file or a whole directory tree (names, modes, bytes, links). */
function hashPath(path) {
    const h = (0,random/* nodeCrypto */.SI)().createHash('sha256');
    const walk = (p, root) => {
        let st;
        try {
            st = (0,external_node_fs_.lstatSync)(p);
        }
        catch {
            h.update(`missing:${(0,external_node_path_.relative)(root, p)}\n`);
            return;
        }
        const rel = (0,external_node_path_.relative)(root, p);
        if (st.isDirectory()) {
            h.update(`dir:${rel}:${st.mode & 0o7777}\n`);
            for (const name of (0,external_node_fs_.readdirSync)(p).sort())
                walk((0,external_node_path_.join)(p, name), root);
        }
        else if (st.isSymbolicLink()) {
            h.update(`link:${rel}:${(0,external_node_fs_.readlinkSync)(p)}\n`);
        }
        else {
            h.update(`file:${rel}:${st.mode & 0o7777}:${st.size}\n`);
            h.update((0,external_node_fs_.readFileSync)(p));
        }
    };
    walk(path, path);
    return h.digest('hex');
}
/**
 * The fingerprint of one build instance. `stable` is the same instance resolved with the
 * volatile functions fixed; `base` names what the build starts from. Sensitive values are
 * left out (a hash of a short password could be guessed back from a cache key).
 */
function fingerprintOf(stable, specDir, base) {
    const files = [...new Set(stable.files)].sort().map((f) => [(0,external_node_path_.relative)(specDir, f), hashPath(f)]);
    const doc = (0,redact/* redactValue */.FI)({
        v: 1,
        type: stable.type,
        config: stable.config,
        provisioners: stable.provisioners.map((p) => ({ type: p.type, config: p.config })),
        errorCleanup: stable.errorCleanupProvisioner
            ? { type: stable.errorCleanupProvisioner.type, config: stable.errorCleanupProvisioner.config }
            : null,
        postProcessors: stable.postProcessors.map((chain) => chain.map((p) => ({ type: p.type, config: p.config, keep: p.keepInputArtifact ?? null }))),
        files,
        base,
        // What proves the machine is part of what is made: a new check builds again.
        ...(stable.trust
            ? {
                trust: {
                    tests: stable.trust.tests.map((t) => ({ type: t.type, config: t.config })),
                    sbom: stable.trust.sbom?.format ?? null,
                    scans: stable.trust.scans.map((t) => ({
                        type: t.type,
                        // Local files by where they sit beside the spec, as on any runner.
                        config: Object.fromEntries(Object.entries(t.config).map(([k, v]) => [
                            k,
                            typeof v === 'string' && v.startsWith('/') ? (0,external_node_path_.relative)(specDir, v) : v,
                        ])),
                        failOn: t.failOn,
                        ignore: t.ignore,
                    })),
                },
            }
            : {}),
    });
    return (0,random/* nodeCrypto */.SI)().createHash('sha256').update(canonical(doc)).digest('hex');
}

;// CONCATENATED MODULE: ./src/engine/reuse.ts
/**
 * skip-unchanged: a build whose fingerprint matches a cached earlier result, and whose
 * artifact still exists, is not built again; its artifact is reported as reused.
 * The cache is a directory for the CLI and @actions/cache in the action.
 */



/** The CLI's cache: one JSON file per key. An unreadable entry is said, then rebuilt. */
function directoryCache(dir, warn = (l) => process.stderr.write(`bake: ${l}\n`)) {
    return {
        async get(key) {
            const f = join(dir, `${key}.json`);
            if (!existsSync(f))
                return undefined;
            try {
                return JSON.parse(readFileSync(f, 'utf8'));
            }
            catch (e) {
                warn(`the cached result ${f} cannot be read (${e.message}); building again`);
                return undefined;
            }
        },
        async put(key, value) {
            mkdirSync(dir, { recursive: true });
            const f = join(dir, `${key}.json`);
            writeFileSync(`${f}.tmp`, JSON.stringify(value, null, 2) + '\n');
            renameSync(`${f}.tmp`, f);
        },
    };
}
function cacheKey(inst, fingerprint) {
    return `bake-${inst.name.replace(/[^A-Za-z0-9._-]/g, '-')}-${fingerprint.slice(0, 40)}`;
}
/** Decides whether `inst` can be skipped; never throws (when in doubt, build). */
async function decide(inst, stable, specDir, cache, reuser) {
    try {
        if (!stable)
            return { reason: 'no stable form of this build' };
        const base = await reuser.base(inst);
        if (base === undefined)
            return { reason: 'what it starts from cannot be identified' };
        const fingerprint = fingerprintOf(stable, specDir, base);
        const key = cacheKey(inst, fingerprint);
        const hit = await cache.get(key);
        if (!hit || hit.fingerprint !== fingerprint)
            return { key, fingerprint, reason: 'changed since the last cached build' };
        if (!(await reuser.exists(inst, hit.artifact)))
            return { key, fingerprint, reason: `unchanged, but ${hit.artifact.id} no longer exists` };
        return { key, fingerprint, reused: hit, reason: 'unchanged' };
    }
    catch (e) {
        return { reason: `could not fingerprint it (${e.message})` };
    }
}

;// CONCATENATED MODULE: ./src/engine/run.ts
/** `bake build` and `bake cleanup`: scheduling, signals, events file, final report. */










let DockerClient;
let sharedDocker;
/** Loads the Docker client (src/util/dockerode-client.ts): only runs that touch Docker pay for it. */
async function loadDocker() {
    DockerClient ??= (await Promise.all(/* import() */[__webpack_require__.e(4514), __webpack_require__.e(6256), __webpack_require__.e(7175)]).then(__webpack_require__.bind(__webpack_require__, 87175)))
        .DockerClient;
}
function dockerClient() {
    if (!DockerClient)
        throw new Error('internal error: the Docker client was used before loadDocker()');
    sharedDocker ??= new DockerClient();
    return sharedDocker;
}
/** Whether any plugin this plan uses says it needs the Docker client. */
function needsDocker(plan) {
    const r = plan.registry;
    return plan.instances.some((i) => r.must('builder', i.type).needs?.docker ||
        [...i.provisioners, ...(i.errorCleanupProvisioner ? [i.errorCleanupProvisioner] : [])].some((p) => r.must('provisioner', p.type).needs?.docker) ||
        i.postProcessors.flat().some((p) => r.must('post-processor', p.type).needs?.docker));
}
/** The ledger's record of which plugin owns a resource kind. */
function ledgerOwner(registry) {
    return (kind) => {
        const owner = registry.ownerOf(kind);
        if (!owner)
            return undefined;
        const { descriptor: d, origin } = owner;
        return { plugin: `${d.kind}/${d.type}`, ...(origin.module ? { module: origin.module } : {}) };
    };
}
/** Runs every instance of the plan, at most parallelBuilds at a time (0 = all). */
async function runPlan(plan, o) {
    const t0 = performance.now();
    const bus = o.bus ?? new EventBus();
    const write = o.write ?? ((t) => process.stdout.write(t));
    if (o.console !== false) {
        attachConsole(bus, {
            write,
            color: !!process.stdout.isTTY && !process.env.NO_COLOR,
            github: process.env.GITHUB_ACTIONS === 'true',
            parallel: plan.instances.length > 1 && o.parallelBuilds !== 1,
        });
    }
    if (o.events) {
        const file = (0,external_node_path_.resolve)(o.events);
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(file), { recursive: true });
        let failedOnce = false;
        bus.on((e) => {
            try {
                (0,external_node_fs_.appendFileSync)(file, JSON.stringify((0,redact/* redactValue */.FI)(e)) + '\n');
            }
            catch (err) {
                // The build goes on; the events file is a record, not the build. Said once.
                if (failedOnce)
                    return;
                failedOnce = true;
                write(`bake: cannot write the events file ${file}: ${err.message}\n`);
            }
        });
    }
    if (needsDocker(plan))
        await loadDocker();
    const ledger = new engine_ledger.ResourceLedger((0,external_node_path_.resolve)(o.ledger), plan.runUuid, ledgerOwner(plan.registry));
    const failFast = new AbortController();
    const signal = o.signal ? AbortSignal.any([o.signal, failFast.signal]) : failFast.signal;
    bus.emit({
        type: 'run-start',
        time: now(),
        runUuid: plan.runUuid,
        builds: plan.instances.map((i) => i.name),
    });
    const stable = new Map((o.reuse?.stable.instances ?? []).map((i) => [i.name, i]));
    const reuser = reuserFor(plan.registry, { docker: dockerClient });
    /** Stores a good result under the key it was looked up by. */
    const remember = async (inst, r, d, specDir) => {
        let { key, fingerprint } = d;
        if (!key || !fingerprint) {
            // The base could not be told before the build (an image only a pull could reach).
            const s = stable.get(inst.name);
            const base = s && (await reuser.base(inst).catch(() => undefined));
            if (!s || base === undefined)
                return;
            fingerprint = fingerprintOf(s, specDir, base);
            key = cacheKey(inst, fingerprint);
        }
        try {
            await o.reuse.cache.put(key, {
                fingerprint,
                artifact: (0,redact/* redactValue */.FI)(r.artifact),
                builtAt: new Date().toISOString(),
                durationMs: r.durationMs,
            });
        }
        catch (e) {
            bus.emit({
                type: 'output',
                time: now(),
                build: inst.name,
                stream: 'stderr',
                line: `could not cache the result: ${e.message}`,
            });
        }
    };
    const specDir = (0,external_node_path_.resolve)(plan.specDir);
    const results = new Array(plan.instances.length);
    const limit = o.parallelBuilds > 0 ? o.parallelBuilds : plan.instances.length;
    let next = 0;
    const worker = async () => {
        while (next < plan.instances.length) {
            const i = next++;
            const inst = plan.instances[i];
            if (signal.aborted) {
                results[i] = {
                    ...resultOf(inst, o.signal?.aborted ? 'cancelled' : 'skipped'),
                    error: o.signal?.aborted
                        ? 'cancelled'
                        : 'not started: another build failed and --fail-fast is set',
                };
                continue;
            }
            const decision = o.reuse
                ? await decide(inst, stable.get(inst.name), specDir, o.reuse.cache, reuser)
                : undefined;
            if (decision?.reused) {
                results[i] = reusedResult(inst, decision.reused, bus);
                await recordReused(inst, decision.reused.artifact, {
                    specDir,
                    runUuid: plan.runUuid,
                    ledger,
                    bus,
                    docker: dockerClient,
                    signal,
                    registry: plan.registry,
                });
                continue;
            }
            if (decision)
                bus.emit({
                    type: 'output',
                    time: now(),
                    build: inst.name,
                    stream: 'info',
                    line: `building: ${decision.reason}`,
                });
            const r = await runBuild(inst, {
                specDir,
                runUuid: plan.runUuid,
                ledger,
                bus,
                docker: dockerClient,
                signal,
                onError: o.onError,
                registry: plan.registry,
            });
            results[i] = r;
            if (decision && r.status === 'succeeded' && r.artifact)
                await remember(inst, r, decision, specDir);
            if (r.status === 'failed' && o.failFast)
                failFast.abort(new engine_steps/* CancelledError */.cc('cancelled: another build failed and --fail-fast is set'));
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, limit) }, worker));
    const ok = results.every((r) => r.status === 'succeeded');
    const durationMs = Math.round(performance.now() - t0);
    bus.emit({ type: 'run-end', time: now(), ok, durationMs });
    return { runUuid: plan.runUuid, results, ok, durationMs };
}
/** skip-unchanged asks each builder's own hooks; a builder without them never reuses. */
function reuserFor(registry, services) {
    const hooks = (inst) => registry.must('builder', inst.type).reuse;
    return {
        async base(inst) {
            return hooks(inst)?.base(inst.config, services);
        },
        async exists(inst, a) {
            return (await hooks(inst)?.exists(inst.config, a, services)) ?? false;
        },
    };
}
function reusedResult(inst, c, bus) {
    const t = now();
    bus.emit({ type: 'build-start', time: t, build: inst.name, builder: inst.type });
    bus.emit({
        type: 'output',
        time: t,
        build: inst.name,
        stream: 'info',
        line: `unchanged since ${c.builtAt}: reusing ${c.artifact.id}`,
    });
    bus.emit({ type: 'artifact', time: t, build: inst.name, artifact: c.artifact });
    bus.emit({
        type: 'build-end',
        time: now(),
        build: inst.name,
        status: 'succeeded',
        durationMs: 0,
    });
    return { ...resultOf(inst, 'succeeded'), artifact: c.artifact, reused: true };
}
function formatSummary(s) {
    const lines = [''];
    const good = s.results.filter((r) => r.status === 'succeeded');
    const bad = s.results.filter((r) => r.status !== 'succeeded');
    if (good.length) {
        lines.push('==> Builds finished. The artifacts of successful builds are:');
        for (const r of good) {
            const a = r.artifact;
            lines.push(`--> ${r.name}${r.reused ? ' (unchanged, reused)' : ''}: ${a ? a.id : '(no artifact)'}${a?.tags?.length ? `  tags: ${a.tags.join(', ')}` : ''}${a?.digests?.length ? `  digests: ${a.digests.join(', ')}` : ''}  (${(r.durationMs / 1000).toFixed(1)}s)`);
        }
    }
    if (bad.length) {
        lines.push(`==> ${bad.length} build${bad.length === 1 ? '' : 's'} did not succeed:`);
        for (const r of bad) {
            lines.push(`--> ${r.name}: ${r.status}${r.failedStep ? ` in "${r.failedStep}"` : ''}: ${r.error ?? ''}`);
            if (r.at)
                lines.push(`    written at: ${r.at}`);
            if (r.hint)
                lines.push(`    hint: ${r.hint}`);
            if (r.tail?.length)
                lines.push('    last output:', ...r.tail.slice(-10).map((l) => `      ${l}`));
            if (r.leftRunning)
                lines.push(`    ${r.leftRunning}`);
        }
    }
    return (0,redact/* redact */.E$)(lines.join('\n')) + '\n';
}
/** Cancels on SIGINT/SIGTERM; cleanups still run (each with its own budget). */
function cancelOnSignals(write) {
    const ctl = new AbortController();
    let count = 0;
    const handler = (sig) => {
        count++;
        if (count === 1) {
            write(`\n==> ${sig} received: cancelling every build and cleaning up\n`);
            ctl.abort(new engine_steps/* CancelledError */.cc(`cancelled by ${sig}`));
        }
        else {
            write(`==> ${sig} again: still cleaning up; anything not removed stays in the ledger for "bake cleanup"\n`);
        }
    };
    process.on('SIGINT', handler);
    process.on('SIGTERM', handler);
    return {
        signal: ctl.signal,
        dispose: () => {
            process.off('SIGINT', handler);
            process.off('SIGTERM', handler);
        },
    };
}
/** Removes what the ledger still lists; safe to run again and again. */
async function cleanupLedger(file, registry, write = (t) => process.stdout.write(t)) {
    const path = (0,external_node_path_.resolve)(file);
    const pending = engine_ledger.ResourceLedger.pending(path);
    if (!pending.length) {
        write(`nothing to clean up in ${path}\n`);
        return 0;
    }
    const ledger = new engine_ledger.ResourceLedger(path, 'cleanup');
    if (pending.some((e) => registry.ownerOf(e.kind)?.descriptor.needs?.docker))
        await loadDocker();
    let failed = 0;
    for (const e of pending.reverse()) {
        const cleaner = registry.ownerOf(e.kind)?.cleaner;
        if (!cleaner) {
            write(`cannot clean ${e.kind} ${JSON.stringify(e.ref)} (${e.description}): no plugin${e.plugin ? ` (${e.plugin} made it)` : ''} knows how to remove it; remove it by hand\n`);
            failed++;
            continue;
        }
        try {
            await cleaner(e, { docker: dockerClient });
            ledger.done(e);
            write(`removed ${e.description} (${e.build})\n`);
        }
        catch (err) {
            failed++;
            write(`could not remove ${e.description} (${e.build}): ${(0,redact/* redact */.E$)(err.message)}\n`);
        }
    }
    return failed ? 1 : 0;
}


/***/ })

};
;
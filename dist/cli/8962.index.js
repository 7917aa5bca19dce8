"use strict";
exports.id = 8962;
exports.ids = [8962];
exports.modules = {

/***/ 88962:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  main: () => (/* binding */ main)
});

// EXTERNAL MODULE: ./package.json
var package_0 = __webpack_require__(8330);
// EXTERNAL MODULE: ./src/spec/errors.ts
var errors = __webpack_require__(17800);
// EXTERNAL MODULE: ./src/spec/resolve.ts + 3 modules
var resolve = __webpack_require__(6873);
// EXTERNAL MODULE: ./src/util/redact.ts
var redact = __webpack_require__(50767);
// EXTERNAL MODULE: ./src/spec/schema.ts
var schema = __webpack_require__(47280);
;// CONCATENATED MODULE: ./src/cli-args.ts

class UsageError extends Error {
}
const HELP = `Usage: bake <command> [SPEC] [options]

Commands:
  validate   check the spec and report every error with its file:line:col
  inspect    show resolved variables (sensitive ones redacted), builds and their steps
  plan       list the build instances; --json prints a GitHub Actions matrix
  build      run the builds
  cleanup    remove what a killed run left behind (--ledger FILE)
  sweep      list cloud resources of bake runs older than --older-than, in every builder
             that can sweep and is told where to look (--region, --project,
             --subscription); --delete
             removes them
  schema     print the JSON Schema of a spec, with the plugins SPEC lists (for editors)
  convert    write a Packer template (.pkr.hcl, a directory of them, or .json) as a
             bake.yml (-o FILE, else standard output), with # TODO: where it could not
             translate

Options:
  --var NAME=VALUE          set a variable (repeatable)
  --var-file FILE           load variables from a YAML or JSON file (repeatable)
  --only GLOB[,GLOB]        run only these builds (build.source names)
  --except GLOB[,GLOB]      skip these builds
  --parallel-builds N       at most N builds at once (0 = all, the default)
  --on-error MODE           cleanup (default) | abort | run-cleanup-provisioner
  --fail-fast               cancel the other builds when one fails
  --events FILE             write every build event as JSON lines
  --sarif FILE              build: write the findings of the builds' tests and scanners
                            as SARIF 2.1.0 (for GitHub code scanning)
  --ledger FILE             resource ledger (default .bake/ledger.jsonl)
  --skip-unchanged          reuse the result of a build whose inputs have not changed since
                            it was cached, if its artifact still exists
  --cache-dir DIR           where --skip-unchanged keeps results (default .bake/cache)
  --json                    machine-readable output (plan)
  -o, --output FILE         convert: write the bake.yml here
  --region R[,R]            sweep: regions, for builders that sweep by region
  --project P[,P]           sweep: GCP projects to look in
  --subscription S[,S]      sweep: Azure subscriptions to look in
  --builder TYPE[,TYPE]     sweep: only these builder types
  --older-than DURATION     sweep: only what is at least this old, e.g. 6h
  --delete                  sweep: delete what was found (the default is a dry run)

SPEC defaults to bake.yml. It may also be a Packer template: a .pkr.hcl file, a directory
of them, or a legacy .json template (read as they are; see docs/coming-from-packer.md).
Variables also come from BAKE_VAR_<name> (or PKR_VAR_<name>) and *.auto.bakevars.yml
(*.auto.pkrvars.hcl beside a Packer template); --var-file takes .pkrvars.hcl files too.
`;
const COMMANDS = [
    'validate',
    'inspect',
    'plan',
    'build',
    'cleanup',
    'sweep',
    'schema',
    'convert',
    'help',
    'version',
];
const commaList = (v) => v
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
function parseArgs(argv) {
    const o = {
        command: 'help',
        spec: 'bake.yml',
        vars: {},
        varFiles: [],
        only: [],
        except: [],
        json: false,
        parallelBuilds: 0,
        onError: 'cleanup',
        failFast: false,
        ledger: '.bake/ledger.jsonl',
        regions: [],
        projects: [],
        subscriptions: [],
        builders: [],
        delete: false,
        skipUnchanged: false,
        cacheDir: '.bake/cache',
    };
    const args = [...argv];
    const cmd = args.shift();
    if (cmd === undefined || cmd === '--help' || cmd === '-h')
        return o;
    if (cmd === '--version')
        return { ...o, command: 'version' };
    if (!COMMANDS.includes(cmd))
        throw new UsageError(`unknown command "${cmd}"; commands: ${COMMANDS.join(', ')}`);
    o.command = cmd;
    let specSet = false;
    const value = (flag, inline) => {
        if (inline !== undefined)
            return inline;
        const v = args.shift();
        if (v === undefined)
            throw new UsageError(`${flag} needs a value`);
        return v;
    };
    while (args.length) {
        const a = args.shift();
        const [flag, inline] = a.startsWith('--') && a.includes('=')
            ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]
            : [a, undefined];
        switch (flag) {
            case '--var': {
                const kv = value(flag, inline);
                const eq = kv.indexOf('=');
                if (eq <= 0)
                    throw new UsageError(`--var takes NAME=VALUE, got "${kv}"`);
                o.vars[kv.slice(0, eq)] = kv.slice(eq + 1);
                break;
            }
            case '--var-file':
                o.varFiles.push(value(flag, inline));
                break;
            case '--only':
                o.only.push(...commaList(value(flag, inline)));
                break;
            case '--except':
                o.except.push(...commaList(value(flag, inline)));
                break;
            case '--json':
                o.json = true;
                break;
            case '--fail-fast':
                o.failFast = true;
                break;
            case '--parallel-builds': {
                const v = value(flag, inline);
                const n = Number(v);
                if (!Number.isInteger(n) || n < 0)
                    throw new UsageError(`--parallel-builds takes a whole number ≥ 0, got "${v}"`);
                o.parallelBuilds = n;
                break;
            }
            case '--on-error': {
                const v = value(flag, inline);
                if (!['cleanup', 'abort', 'run-cleanup-provisioner'].includes(v))
                    throw new UsageError(`--on-error takes cleanup, abort or run-cleanup-provisioner, got "${v}"`);
                o.onError = v;
                break;
            }
            case '--events':
                o.events = value(flag, inline);
                break;
            case '--sarif':
                o.sarif = value(flag, inline);
                break;
            case '--ledger':
                o.ledger = value(flag, inline);
                break;
            case '--region':
                o.regions.push(...commaList(value(flag, inline)));
                break;
            case '--project':
                o.projects.push(...commaList(value(flag, inline)));
                break;
            case '--subscription':
                o.subscriptions.push(...commaList(value(flag, inline)));
                break;
            case '--builder':
                o.builders.push(...commaList(value(flag, inline)));
                break;
            case '--older-than': {
                const v = value(flag, inline);
                const ms = (0,schema/* parseDuration */.E9)(v);
                if (ms === undefined)
                    throw new UsageError(`--older-than takes a duration such as 6h or 90m, got "${v}"`);
                o.olderThanMs = ms;
                break;
            }
            case '--skip-unchanged':
                o.skipUnchanged = true;
                break;
            case '-o':
            case '--output':
                o.output = value(flag, inline);
                break;
            case '--cache-dir':
                o.cacheDir = value(flag, inline);
                break;
            case '--delete':
                o.delete = true;
                break;
            case '--color':
                o.color = true;
                break;
            case '--no-color':
                o.color = false;
                break;
            case '-h':
            case '--help':
                o.command = 'help';
                break;
            default:
                if (flag.startsWith('-'))
                    throw new UsageError(`unknown option ${flag}`);
                if (specSet)
                    throw new UsageError(`only one spec file may be given (got "${o.spec}" and "${a}")`);
                o.spec = a;
                specSet = true;
        }
    }
    return o;
}

// EXTERNAL MODULE: ./src/plugins/external.ts + 1 modules
var external = __webpack_require__(13972);
// EXTERNAL MODULE: ./src/plugins/registry.ts + 28 modules
var plugins_registry = __webpack_require__(14966);
;// CONCATENATED MODULE: ./src/cli.ts
/**
 * The `bake` command: validate | inspect | plan | build | cleanup | sweep. The same engine the
 * action uses; heavy modules (Docker, cloud SDKs) load only for the commands that need them.
 */







function printProblems(e) {
    const n = e.problems.length;
    process.stderr.write(e.problems.map((p) => 'error: ' + (0,errors/* formatProblem */.Vw)(p)).join('\n') + '\n');
    process.stderr.write(`${n} error${n === 1 ? '' : 's'}\n`);
}
async function planFor(o, stable = false) {
    const spec = await (0,external.openSpec)(o.spec);
    const plan = await (0,resolve/* resolvePlanWithData */.OQ)(spec, {
        vars: o.vars,
        varFiles: o.varFiles,
        only: o.only,
        except: o.except,
        stable,
    });
    if (!stable)
        for (const n of plan.notes)
            process.stderr.write('note: ' + (0,errors/* formatProblem */.Vw)(n) + '\n');
    return plan;
}
function inspect(plan) {
    const lines = [];
    lines.push(`spec: ${plan.specPath}`, '', 'variables:');
    if (!plan.variables.length)
        lines.push('  (none)');
    for (const v of plan.variables) {
        // Masked before it is serialised: JSON escapes quotes and backslashes inside a secret.
        const shown = v.sensitive ? redact/* REDACTED */.XF : JSON.stringify((0,redact/* redactValue */.FI)(v.value));
        lines.push(`  var.${v.name} (${v.type}${v.sensitive ? ', sensitive' : ''}) = ${shown}   [${v.source}]`);
    }
    lines.push('', 'locals:');
    const locals = Object.entries(plan.shownLocals ?? plan.locals);
    if (!locals.length)
        lines.push('  (none)');
    for (const [k, v] of locals)
        lines.push(`  local.${k} = ${JSON.stringify((0,redact/* redactValue */.FI)(v))}`);
    lines.push('', 'builds:');
    for (const i of plan.instances) {
        lines.push(`  ${i.name}  (${i.type})${i.timeoutMs ? `  timeout ${i.timeoutMs / 1000}s` : ''}`);
        for (const p of i.provisioners)
            lines.push(`    provisioner ${p.label}${p.label !== p.type ? ` (${p.type})` : ''}`);
        if (i.errorCleanupProvisioner)
            lines.push(`    error-cleanup-provisioner ${i.errorCleanupProvisioner.type}`);
        i.postProcessors.forEach((chain, n) => lines.push(`    post-processors #${n + 1}: ${chain.map((p) => p.label).join(' → ')}`));
    }
    return (0,redact/* redact */.E$)(lines.join('\n')) + '\n';
}
async function main(argv) {
    let o;
    try {
        o = parseArgs(argv);
    }
    catch (e) {
        if (e instanceof UsageError) {
            process.stderr.write(`bake: ${e.message}\nRun "bake help" for usage.\n`);
            return 2;
        }
        throw e;
    }
    try {
        switch (o.command) {
            case 'help':
                process.stdout.write(HELP);
                return 0;
            case 'version':
                process.stdout.write(`bake ${version()}\n`);
                return 0;
            case 'validate': {
                const plan = await planFor(o);
                process.stdout.write(`${o.spec}: valid, ${plan.instances.length} build${plan.instances.length === 1 ? '' : 's'} (${plan.instances.map((i) => i.name).join(', ')})\n`);
                return 0;
            }
            case 'inspect':
                process.stdout.write(inspect(await planFor(o)));
                return 0;
            case 'plan': {
                const plan = await planFor(o);
                if (o.json)
                    process.stdout.write(JSON.stringify((0,resolve/* matrixOf */.lQ)(plan)) + '\n');
                else
                    for (const i of plan.instances)
                        process.stdout.write(`${i.name}\t${i.type}${i.runsOn ? `\t${i.runsOn}` : ''}\n`);
                return 0;
            }
            case 'build': {
                const plan = await planFor(o);
                return await runBuildCommand(plan, o, o.skipUnchanged ? await planFor(o, true) : undefined);
            }
            case 'cleanup': {
                const [{ cleanupLedger }, { ResourceLedger }, { registryForLedger }] = await Promise.all([
                    __webpack_require__.e(/* import() */ 452).then(__webpack_require__.bind(__webpack_require__, 68071)),
                    __webpack_require__.e(/* import() */ 5309).then(__webpack_require__.bind(__webpack_require__, 55309)),
                    Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 13972)),
                ]);
                const { resolve } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 76760, 23));
                const registry = await registryForLedger(ResourceLedger.pending(resolve(o.ledger)), (l) => process.stderr.write(`bake: ${l}\n`));
                return await cleanupLedger(o.ledger, registry);
            }
            case 'schema': {
                const { specJsonSchema } = await __webpack_require__.e(/* import() */ 9985).then(__webpack_require__.bind(__webpack_require__, 69985));
                const registry = specGiven(argv) ? (await (0,external.openSpec)(o.spec)).registry : (0,plugins_registry/* builtInRegistry */.f4)();
                process.stdout.write(JSON.stringify(specJsonSchema(registry), null, 2) + '\n');
                return 0;
            }
            case 'sweep':
                return await sweep(o);
            case 'convert':
                return await convert(o);
        }
    }
    catch (e) {
        if (e instanceof errors/* SpecError */.G8) {
            printProblems(e);
            return 1;
        }
        if (e instanceof UsageError) {
            process.stderr.write(`bake: ${e.message}\n`);
            return 2;
        }
        const err = e;
        process.stderr.write(`bake: ${(0,redact/* redact */.E$)(err.message ?? String(e))}\n`);
        if (process.env.BAKE_DEBUG)
            process.stderr.write((0,redact/* redact */.E$)(err.stack ?? '') + '\n');
        return 1;
    }
    return 0;
}
function version() {
    return package_0/* version */.rE;
}
/** `bake schema` without a spec prints the built-ins' schema, even when no bake.yml exists. */
function specGiven(argv) {
    return argv.slice(1).some((a) => !a.startsWith('-'));
}
async function runBuildCommand(plan, o, stable) {
    const [{ runPlan, formatSummary, cancelOnSignals }, { directoryCache }, { resolve }] = await Promise.all([__webpack_require__.e(/* import() */ 452).then(__webpack_require__.bind(__webpack_require__, 68071)), __webpack_require__.e(/* import() */ 2938).then(__webpack_require__.bind(__webpack_require__, 32938)), Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 76760, 23))]);
    const write = (t) => process.stdout.write(t);
    const sig = cancelOnSignals((t) => process.stderr.write(t));
    try {
        const summary = await runPlan(plan, {
            parallelBuilds: o.parallelBuilds,
            failFast: o.failFast,
            onError: o.onError,
            ledger: o.ledger,
            events: o.events,
            signal: sig.signal,
            write,
            ...(stable ? { reuse: { cache: directoryCache(resolve(o.cacheDir)), stable } } : {}),
        });
        write(formatSummary(summary));
        if (o.sarif) {
            const { sarifOf } = await __webpack_require__.e(/* import() */ 859).then(__webpack_require__.bind(__webpack_require__, 40859));
            const { writeFileSync } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 73024, 23));
            const log = sarifOf(summary.results, { root: process.cwd(), version: package_0/* version */.rE });
            if (log) {
                writeFileSync(resolve(o.sarif), JSON.stringify(log, null, 2) + '\n');
                write(`findings of the tests and scanners: ${o.sarif}\n`);
            }
            else
                write(`no build has tests or scan: ${o.sarif} not written\n`);
        }
        return summary.ok ? 0 : 1;
    }
    finally {
        sig.dispose();
    }
}
/**
 * `bake sweep`: every builder that can sweep and is told where to look (the option its
 * sweeper names, or the variables that default it); a builder not told is skipped.
 */
async function sweep(o) {
    if (o.olderThanMs === undefined)
        throw new UsageError('sweep needs --older-than, e.g. --older-than 6h');
    const registry = (0,plugins_registry/* builtInRegistry */.f4)();
    const sweepers = registry.all('builder').filter((b) => b.sweep);
    for (const t of o.builders)
        if (!sweepers.some((b) => b.type === t))
            throw new UsageError(`--builder ${t}: no builder of that type can sweep (these can: ${sweepers.map((b) => b.type).join(', ')})`);
    const chosen = o.builders.length ? sweepers.filter((b) => o.builders.includes(b.type)) : sweepers;
    const write = (l) => process.stdout.write((0,redact/* redact */.E$)(l) + '\n');
    const skipped = [];
    const runs = [];
    for (const b of chosen) {
        const where = b.sweep.where;
        const given = { region: o.regions, project: o.projects, subscription: o.subscriptions }[where.option];
        const fromEnv = where.env.map((v) => process.env[v]).find((v) => !!v);
        const locations = given.length ? given : fromEnv ? [fromEnv] : [];
        if (!locations.length) {
            skipped.push(`${b.type}: skipped, no --${where.option} given`);
            continue;
        }
        runs.push(() => b.sweep.run({ locations, olderThanMs: o.olderThanMs, delete: o.delete, write }));
    }
    if (!runs.length) {
        const need = chosen.map((b) => {
            const w = b.sweep.where;
            return `--${w.option}${w.env.length ? ` (or ${w.env[0]})` : ''}${chosen.length > 1 ? ` for ${b.type}` : ''}`;
        });
        throw new UsageError(`sweep needs ${need.join(', ')}`);
    }
    skipped.forEach(write);
    let failed = 0;
    for (const run of runs)
        failed += await run();
    return failed ? 1 : 0;
}
/** `bake convert TEMPLATE [-o FILE]`: the template as a bake.yml, with # TODO: where needed. */
async function convert(o) {
    const [{ convertTemplate }, { packerKind }, { writeFileSync }] = await Promise.all([
        __webpack_require__.e(/* import() */ 1641).then(__webpack_require__.bind(__webpack_require__, 81641)),
        Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 80582)),
        Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 73024, 23)),
    ]);
    if (!packerKind(o.spec))
        throw new UsageError(`convert takes a Packer template (a .pkr.hcl file, a directory of them, or a .json template), got "${o.spec}"`);
    const { yaml, todos } = await convertTemplate(o.spec, (0,plugins_registry/* builtInRegistry */.f4)());
    if (o.output)
        writeFileSync(o.output, yaml);
    else
        process.stdout.write(yaml);
    process.stderr.write(`${o.output ? `wrote ${o.output}` : 'converted'}${todos.length ? `; ${todos.length} TODO${todos.length === 1 ? '' : 's'} left (search for "# TODO:")` : '; nothing left to do by hand'}\n`);
    return 0;
}


/***/ }),

/***/ 54717:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L3: () => (/* binding */ tailKeeper),
/* harmony export */   US: () => (/* binding */ shQuote),
/* harmony export */   g3: () => (/* binding */ LineSplitter)
/* harmony export */ });
/** Splits a byte stream into lines, holding back a partial last line. */
class LineSplitter {
    emit;
    rest = '';
    constructor(emit) {
        this.emit = emit;
    }
    write(chunk) {
        const text = this.rest + chunk.toString();
        const lines = text.split(/\r?\n/);
        this.rest = lines.pop() ?? '';
        if (this.rest.length > 64 * 1024) {
            lines.push(this.rest);
            this.rest = '';
        }
        for (const l of lines)
            this.emit(l);
    }
    end() {
        if (this.rest)
            this.emit(this.rest);
        this.rest = '';
    }
}
function tailKeeper(max = 20) {
    const lines = [];
    return {
        lines,
        push: (l) => {
            lines.push(l);
            if (lines.length > max)
                lines.shift();
        },
    };
}
/** Quotes a string for POSIX sh. */
function shQuote(s) {
    return /^[A-Za-z0-9_\-./=:@%+,]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}


/***/ }),

/***/ 59060:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Oy: () => (/* binding */ sshFields),
/* harmony export */   fw: () => (/* binding */ clearKeyField),
/* harmony export */   pE: () => (/* binding */ sshLocalInputs)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _spec_schema__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(47280);
/** The ssh_* settings (Packer's names) every builder that reaches a machine over SSH shares. */


const sshFields = {
    ssh_host: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_1__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_1__.s.string(), 'address of the machine (host name or IP)', undefined, '192.0.2.10'),
    ssh_port: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_1__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_1__.s.int(1, 65535), 'TCP port of sshd on the machine', 22),
    ssh_username: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_1__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_1__.s.string(), 'user to log in as', undefined, 'admin'),
    ssh_password: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_1__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_1__.s.string(), 'password to log in with; use a sensitive variable', undefined, '${var.ssh_password}'),
    ssh_private_key_file: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_1__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_1__.s.string(), 'private key (RSA, ECDSA or ed25519; OpenSSH or PEM)'),
    ssh_private_key: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_1__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_1__.s.string(), 'private key content, e.g. from a sensitive variable'),
    ssh_private_key_passphrase: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_1__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_1__.s.string(), 'passphrase of an encrypted private key; use a sensitive variable'),
    ssh_agent_auth: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_1__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_1__.s.bool(), 'authenticate with the agent at SSH_AUTH_SOCK', false),
    ssh_timeout: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_1__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_1__.s.duration(), 'how long to keep trying to connect', '5m'),
    ssh_handshake_attempts: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_1__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_1__.s.int(1, 1000), 'authentication failures tolerated while the machine boots', 10),
    ssh_keep_alive_interval: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_1__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_1__.s.duration(), 'how often to send keep-alives on an idle connection', '5s'),
    ssh_pty: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_1__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_1__.s.bool(), 'request a pseudo-terminal', false),
    ssh_host_key: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_1__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_1__.s.string(), 'pinned host key: SHA256:... fingerprint or a public key line'),
    ssh_known_hosts_file: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_1__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_1__.s.string(), 'known_hosts file to check the host key against'),
    ssh_bastion_host: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_1__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_1__.s.string(), 'jump host'),
    ssh_bastion_port: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_1__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_1__.s.int(1, 65535), 'TCP port of sshd on the jump host', 22),
    ssh_bastion_username: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_1__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_1__.s.string(), 'user on the jump host (default: ssh_username)'),
    ssh_bastion_password: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_1__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_1__.s.string(), 'password on the jump host; use a sensitive variable'),
    ssh_bastion_private_key_file: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_1__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_1__.s.string(), 'private key file for the jump host'),
    ssh_bastion_agent_auth: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_1__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_1__.s.bool(), 'authenticate to the jump host with the agent at SSH_AUTH_SOCK'),
    ssh_file_transfer_method: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_1__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_1__.s.enum(['stream', 'scp', 'sftp']), "stream: a file into the machine's cat and a directory into its tar, one command each (SFTP where they are missing); scp: Packer's name for the same; sftp: every transfer over SFTP, for accounts allowed nothing else", 'stream'),
    pause_before_connecting: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_1__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_1__.s.duration(), 'wait before the first connection attempt'),
};
/** For builders that give the machine its key: Packer's ssh_clear_authorized_keys. */
const clearKeyField = {
    ssh_clear_authorized_keys: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_1__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_1__.s.bool(), "before the image is made, remove the key bake gave the machine from the login user's (and root's) authorized_keys", false),
};
/** The local files the ssh_* settings name (keys, known_hosts), for validation and fingerprints. */
function sshLocalInputs(c, specDir) {
    return ['ssh_private_key_file', 'ssh_bastion_private_key_file', 'ssh_known_hosts_file']
        .map((k) => c[k])
        .filter((v) => typeof v === 'string')
        .map((v) => (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(specDir, v));
}


/***/ }),

/***/ 86173:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   iR: () => (/* binding */ withBuildFields),
/* harmony export */   zS: () => (/* reexport safe */ _errors__WEBPACK_IMPORTED_MODULE_1__.z)
/* harmony export */ });
/* unused harmony export buildFieldValues */
/* harmony import */ var _spec_late__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(60267);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(17679);


/** The fields of the running build a setting may use (build.ID, build.SourceAMI, …). */
function buildFieldValues(env) {
    return {
        PackerRunUUID: env.runUuid,
        ...(env.connection ? { ConnType: env.connection.type } : {}),
        ...env.generated,
    };
}
/**
 * A setting (or a step's settings) with build.ID and the other fields of the running build
 * filled in (they plan as markers). A field the build does not have there stops it.
 */
function withBuildFields(value, env, what) {
    if (!(0,_spec_late__WEBPACK_IMPORTED_MODULE_0__/* .hasLateFields */ .Mc)(value))
        return value;
    try {
        return (0,_spec_late__WEBPACK_IMPORTED_MODULE_0__/* .fillLateFields */ .VE)(value, buildFieldValues(env));
    }
    catch (e) {
        if (!(e instanceof _spec_late__WEBPACK_IMPORTED_MODULE_0__/* .LateFieldError */ .ji))
            throw e;
        throw new _errors__WEBPACK_IMPORTED_MODULE_1__/* .BuildError */ .z(`${what} uses build.${e.field}, which the ${env.instance.type} builder does not give`, `it gives: ${e.known.map((k) => 'build.' + k).join(', ')}`);
    }
}



/***/ }),

/***/ 17679:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   z: () => (/* binding */ BuildError)
/* harmony export */ });
// Its own module, so the communicators can use it without importing the engine's types.
/** A failure a user can act on: which step, what happened, the last lines of output. */
class BuildError extends Error {
    hint;
    tail;
    constructor(message, hint, tail) {
        super(message);
        this.hint = hint;
        this.tail = tail;
        this.name = 'BuildError';
    }
}


/***/ }),

/***/ 54277:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MU: () => (/* binding */ TimeoutError),
/* harmony export */   WU: () => (/* binding */ raceSignal),
/* harmony export */   cc: () => (/* binding */ CancelledError),
/* harmony export */   dZ: () => (/* binding */ throwIfCancelled),
/* harmony export */   rl: () => (/* binding */ runSteps),
/* harmony export */   wj: () => (/* binding */ withTimeout),
/* harmony export */   yy: () => (/* binding */ sleep)
/* harmony export */ });
class CancelledError extends Error {
    constructor(message = 'cancelled') {
        super(message);
        this.name = 'CancelledError';
    }
}
function throwIfCancelled(signal) {
    if (signal.aborted)
        throw signal.reason instanceof Error ? signal.reason : new CancelledError();
}
/** Waits ms, or rejects as soon as the signal aborts. */
function sleep(ms, signal) {
    return new Promise((resolve, reject) => {
        if (signal?.aborted)
            return reject(signal.reason instanceof Error ? signal.reason : new CancelledError());
        const t = setTimeout(() => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
        }, ms);
        const onAbort = () => {
            clearTimeout(t);
            reject(signal.reason instanceof Error ? signal.reason : new CancelledError());
        };
        signal?.addEventListener('abort', onAbort, { once: true });
    });
}
/** Resolves with the promise, or rejects when the signal aborts first (the work may go on). */
function raceSignal(p, signal) {
    if (signal.aborted) {
        // The work goes on without a listener: keep its failure from becoming unhandled.
        p.catch(() => undefined);
        return Promise.reject(signal.reason instanceof Error ? signal.reason : new CancelledError());
    }
    return new Promise((resolve, reject) => {
        const onAbort = () => reject(signal.reason instanceof Error ? signal.reason : new CancelledError());
        signal.addEventListener('abort', onAbort, { once: true });
        p.then((v) => {
            signal.removeEventListener('abort', onAbort);
            resolve(v);
        }, (e) => {
            signal.removeEventListener('abort', onAbort);
            reject(e);
        });
    });
}
class TimeoutError extends Error {
    constructor(ms) {
        super(`timed out after ${ms / 1000}s`);
        this.name = 'TimeoutError';
    }
}
/**
 * A signal that aborts when the parent does or when ms pass. A plain timer, not
 * AbortSignal.timeout(): inside AbortSignal.any() that one can be collected and never fire.
 */
function withTimeout(parent, ms) {
    const ctl = new AbortController();
    const onAbort = () => ctl.abort(parent.reason);
    if (parent?.aborted)
        ctl.abort(parent.reason);
    else
        parent?.addEventListener('abort', onAbort, { once: true });
    const timer = ms === undefined ? undefined : setTimeout(() => ctl.abort(new TimeoutError(ms)), ms);
    return {
        signal: ctl.signal,
        clear: () => {
            if (timer)
                clearTimeout(timer);
            parent?.removeEventListener('abort', onAbort);
        },
    };
}
async function runSteps(steps, state, ctx, hooks = {}, opts = {}) {
    const started = [];
    let result = { ok: true, cancelled: false };
    for (const step of steps) {
        if (ctx.signal.aborted) {
            result = { ok: false, cancelled: true, error: new CancelledError(), failedStep: step.name };
            break;
        }
        started.push(step);
        const t0 = performance.now();
        hooks.onStepStart?.(step.name);
        try {
            await step.run(state, ctx);
            hooks.onStepEnd?.(step.name, performance.now() - t0);
        }
        catch (error) {
            hooks.onStepEnd?.(step.name, performance.now() - t0, error);
            result = {
                ok: false,
                error,
                failedStep: step.name,
                cancelled: ctx.signal.aborted || error instanceof CancelledError,
            };
            break;
        }
    }
    if (!result.ok && opts.beforeCleanup)
        await opts.beforeCleanup(result);
    if (!result.ok && opts.skipCleanup?.())
        return result;
    const cleanups = (async () => {
        for (const step of started.reverse()) {
            if (!step.cleanup)
                continue;
            const budget = withTimeout(undefined, step.cleanupBudgetMs ?? 30_000);
            try {
                await raceSignal(step.cleanup(state, { signal: budget.signal, log: ctx.log }), budget.signal);
            }
            catch (error) {
                hooks.onCleanupError?.(step.name, error);
            }
            finally {
                budget.clear();
            }
        }
    })();
    // After a success the caller may overlap the cleanups with its next work (removing a
    // container while post-processors run); it must await `cleanup` before it finishes.
    if (result.ok && opts.deferCleanup)
        return { ...result, cleanup: cleanups };
    await cleanups;
    return result;
}


/***/ }),

/***/ 52629:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Zk: () => (/* binding */ packerActionsIn),
/* harmony export */   fb: () => (/* binding */ translateHclString),
/* harmony export */   gd: () => (/* binding */ translateString)
/* harmony export */ });
/* unused harmony exports BUILD_FIELDS, LEGACY_FUNCTIONS, hclString, translateAction, findActions */
/* harmony import */ var _hcl_template__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(54108);
/**
 * Packer's legacy `{{ … }}` templating (Go text/template with Packer's functions), turned into
 * bake's `${ … }` expressions. Used twice: to translate legacy JSON templates, and to refuse a
 * `{{ … }}` in a bake.yml with the expression to write instead.
 */

/** Contextual fields of a running build, as Packer's `{{ .Field }}` and HCL's `build.Field`. */
const BUILD_FIELDS = [
    'ID',
    'Host',
    'Port',
    'User',
    'Password',
    'SSHPublicKey',
    'SSHPrivateKey',
    'WinRMPassword',
    'SourceAMI',
    'SourceAMIName',
    'SourceAMIOwner',
    'SourceAMIOwnerName',
    'SourceAMICreationDate',
    'BuildRegion',
    'PackerRunUUID',
    'PackerHTTPAddr',
    'PackerHTTPIP',
    'PackerHTTPPort',
    'ConnType',
];
/** Fields that the settings of bake's own plugins fill in (`execute_command`, `output`). */
const PLUGIN_FIELDS = [
    'Path',
    'Vars',
    'Script',
    'BuildName',
    'ChecksumType',
    'BuilderType',
    'Image',
    'EnvVarFile',
];
/** Settings whose text bake's plugins fill `{{ .Field }}` in. */
const FILLED = ['execute_command', 'output', 'inline_shebang', 'run_command', 'env_var_format'];
/** Packer's legacy template functions, by name. */
const LEGACY_FUNCTIONS = [
    'user',
    'env',
    'timestamp',
    'isotime',
    'strftime',
    'uuid',
    'build_name',
    'build_type',
    'template_dir',
    'pwd',
    'packer_version',
    'build',
    'clean_resource_name',
    'clean_ami_name',
    'lower',
    'upper',
    'split',
    'replace',
    'replace_all',
    'sed',
    'consul_key',
    'vault',
    'aws_secretsmanager',
    'split',
];
function lex(src) {
    const out = [];
    let i = 0;
    while (i < src.length) {
        const c = src[i];
        if (/\s/.test(c)) {
            i++;
            continue;
        }
        if (c === '|') {
            out.push({ k: 'pipe' });
            i++;
            continue;
        }
        if (c === '(' || c === ')') {
            out.push({ k: 'paren', v: c });
            i++;
            continue;
        }
        if (c === '`') {
            const end = src.indexOf('`', i + 1);
            if (end < 0)
                return 'an unclosed ` string';
            out.push({ k: 'str', v: src.slice(i + 1, end) });
            i = end + 1;
            continue;
        }
        if (c === '"') {
            let j = i + 1;
            let v = '';
            while (j < src.length && src[j] !== '"') {
                if (src[j] === '\\' && j + 1 < src.length) {
                    const n = src[j + 1];
                    v += n === 'n' ? '\n' : n === 't' ? '\t' : n;
                    j += 2;
                    continue;
                }
                v += src[j++];
            }
            if (j >= src.length)
                return 'an unclosed " string';
            out.push({ k: 'str', v });
            i = j + 1;
            continue;
        }
        const m = /^(\.[A-Za-z_][A-Za-z0-9_.]*|[A-Za-z_][A-Za-z0-9_]*|-?\d+)/.exec(src.slice(i));
        if (!m)
            return `"${c}"`;
        const w = m[1];
        out.push(w.startsWith('.')
            ? { k: 'field', v: w.slice(1) }
            : /^-?\d/.test(w)
                ? { k: 'num', v: w }
                : { k: 'ident', v: w });
        i += w.length;
    }
    return out;
}
/** An HCL string literal. */
function hclString(s) {
    return JSON.stringify(s).replace(/\$\{/g, () => '$${');
}
/** Translates the inside of one `{{ … }}`; returns the expression or an error. */
function translateAction(inner, ctx = {}) {
    const toks = lex(inner.replace(/^-\s/, '').replace(/\s-$/, ''));
    if (typeof toks === 'string')
        return { error: `cannot read ${toks} in {{${inner}}}` };
    const stages = [[]];
    for (const t of toks) {
        if (t.k === 'pipe')
            stages.push([]);
        else if (t.k === 'paren')
            return { error: 'parentheses in {{ }} are not translated' };
        else
            stages[stages.length - 1].push(t);
    }
    let prev;
    for (const stage of stages) {
        if (!stage.length)
            return { error: 'an empty stage in a {{ … | … }} pipeline' };
        const r = command(stage, prev, ctx);
        if (r.error)
            return r;
        prev = r.expr;
    }
    return { expr: prev };
}
function arg(t) {
    if (t.k === 'str')
        return hclString(t.v);
    if (t.k === 'num')
        return t.v;
    return undefined;
}
function command(stage, piped, ctx) {
    const [head, ...rest] = stage;
    if (head.k === 'field') {
        if (rest.length || piped !== undefined)
            return { error: `{{ .${head.v} }} takes no arguments` };
        const name = head.v.split('.')[0];
        if (BUILD_FIELDS.includes(name))
            return { expr: `build.${head.v}` };
        return { error: `{{ .${head.v} }} is not a field Packer templates know` };
    }
    if (head.k !== 'ident')
        return { expr: arg(head) };
    const args = [];
    for (const t of rest) {
        const a = arg(t);
        if (a === undefined)
            return { error: `{{ ${head.v} }}: arguments must be strings or numbers` };
        args.push(a);
    }
    if (piped !== undefined)
        args.push(piped);
    const want = (n) => args.length === n
        ? undefined
        : { error: `{{ ${head.v} }} takes ${n} argument${n === 1 ? '' : 's'}, got ${args.length}` };
    const name = (t) => /^"[A-Za-z_][A-Za-z0-9_]*"$/.test(t);
    switch (head.v) {
        case 'user': {
            const bad = want(1);
            if (bad)
                return bad;
            if (!name(args[0]))
                return { error: '{{ user }} takes a variable name' };
            if (ctx.inVariables)
                return { error: "a variable's default cannot read another variable" };
            return { expr: `var.${JSON.parse(args[0])}` };
        }
        case 'env':
            return want(1) ?? { expr: `env(${args[0]})` };
        case 'timestamp':
            // Packer's own upgrade of {{timestamp}}: the run's time, digits only.
            return want(0) ?? { expr: 'regex_replace(timestamp(), "[- TZ:]", "")' };
        case 'isotime':
            if (args.length === 0)
                return { expr: 'timestamp()' };
            return want(1) ?? { expr: `legacy_isotime(${args[0]})` };
        case 'strftime':
            return want(1) ?? { expr: `legacy_strftime(${args[0]})` };
        case 'uuid':
            return want(0) ?? { expr: 'uuidv4()' };
        case 'build_name':
            return want(0) ?? { expr: 'source.name' };
        case 'build_type':
            return want(0) ?? { expr: 'source.type' };
        case 'template_dir':
            return want(0) ?? { expr: 'path.root' };
        case 'pwd':
            return want(0) ?? { expr: 'path.cwd' };
        case 'packer_version':
            return want(0) ?? { expr: 'bake.version' };
        case 'build': {
            // {{ build `SourceAMI` }}: the running build's field, as {{ .SourceAMI }} is.
            const bad = want(1);
            if (bad)
                return bad;
            const field = /^"([A-Z][A-Za-z0-9]*)"$/.exec(args[0])?.[1];
            if (!field)
                return { error: `{{ build }} takes the name of a build field, such as \`SourceAMI\`` };
            return { expr: `build.${field}` };
        }
        case 'clean_resource_name':
        case 'clean_ami_name':
            return want(1) ?? { expr: `clean_resource_name(${args[0]})` };
        case 'lower':
        case 'upper':
            return want(1) ?? { expr: `${head.v}(${args[0]})` };
        case 'split': {
            const bad = want(3);
            if (bad)
                return bad;
            return { expr: `element(split(${args[1]}, ${args[0]}), ${args[2]})` };
        }
        case 'replace':
        case 'replace_all': {
            // replace OLD NEW N STRING / replace_all OLD NEW STRING
            if (head.v === 'replace') {
                const bad = want(4);
                if (bad)
                    return bad;
                if (args[2] !== '-1' && args[2] !== '1')
                    return { error: '{{ replace }} with a count other than 1 or -1 is not translated' };
                if (args[2] === '1')
                    return {
                        expr: `regex_replace(${args[3]}, ${hclString('^(.*?)')} + ${quoteRe(args[0])}, ${hclString('$1')} + ${args[1]})`,
                    };
                return { expr: `replace(${args[3]}, ${args[0]}, ${args[1]})` };
            }
            return want(3) ?? { expr: `replace(${args[2]}, ${args[0]}, ${args[1]})` };
        }
        case 'aws_secretsmanager':
            // Packer's {{aws_secretsmanager `name` `key`}}: the key is optional there too.
            if (args.length < 1 || args.length > 2)
                return { error: `{{ aws_secretsmanager }} takes 1 or 2 arguments, got ${args.length}` };
            return { expr: `aws_secretsmanager(${args.join(', ')})` };
        case 'sed':
        case 'consul_key':
        case 'vault':
            return { error: `{{ ${head.v} }} has no bake equivalent` };
        default:
            return { error: `{{ ${head.v} }} is not one of Packer's template functions` };
    }
}
function quoteRe(lit) {
    const s = JSON.parse(lit);
    return hclString(s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
}
const ACTION = /\{\{-?([\s\S]*?)-?\}\}/g;
/** Every `{{ … }}` in a string with its translation. */
function findActions(s, ctx = {}) {
    const out = [];
    for (const m of s.matchAll(ACTION)) {
        out.push({ at: m.index, text: m[0], ...translateAction(m[1].trim(), ctx) });
    }
    // A {{ that no }} closes is the parse error Packer's template engine reports, not text.
    const last = out.length ? out[out.length - 1].at + out[out.length - 1].text.length : 0;
    const open = s.indexOf('{{', last);
    if (open >= 0)
        out.push({ at: open, text: s.slice(open), error: 'unclosed action: {{ without its }}' });
    return out;
}
/**
 * A legacy template string as a bake string: `${` that was literal text is escaped, and every
 * `{{ … }}` becomes `${ … }`. Returns the errors of those that have no translation.
 */
function translateString(s, ctx = {}) {
    const errors = [];
    let out = '';
    let last = 0;
    for (const a of findActions(s, ctx)) {
        out += escapeText(s.slice(last, a.at));
        last = a.at + a.text.length;
        // A plugin's own placeholders stay for the plugin to fill.
        const field = /^\{\{-?\s*\.([A-Za-z_]+)\s*-?\}\}$/.exec(a.text)?.[1];
        if (field && PLUGIN_FIELDS.includes(field))
            out += a.text;
        else if (a.expr !== undefined)
            out += `\${${a.expr}}`;
        else {
            errors.push(a);
            out += escapeText(a.text);
        }
    }
    out += escapeText(s.slice(last));
    return { value: out, errors };
}
/**
 * An HCL template's string, whose `${…}` are HCL's: Packer's plugins still expand `{{ … }}`
 * in their settings, so each one in the text between the interpolations is translated as in
 * a JSON template; the interpolations stay as they are.
 */
function translateHclString(s) {
    if (!s.includes('{{'))
        return { value: s, errors: [] };
    const errors = [];
    let out = '';
    for (let i = 0; i < s.length;) {
        let j = s.indexOf('${', i);
        while (j > 0 && s[j - 1] === '$')
            j = s.indexOf('${', j + 2);
        const text = s.slice(i, j < 0 ? s.length : j);
        if (text.includes('{{') && !text.includes('$${')) {
            const r = translateString(text);
            out += r.value;
            errors.push(...r.errors);
        }
        else
            out += text;
        if (j < 0)
            break;
        const k = (0,_hcl_template__WEBPACK_IMPORTED_MODULE_0__/* .closingBrace */ .HY)(s, j + 1);
        const end = k < 0 ? s.length - 1 : k;
        out += s.slice(j, end + 1);
        i = end + 1;
    }
    return { value: out, errors };
}
/** Literal text in a bake string: `${` would start an expression. */
function escapeText(t) {
    return t.replace(/\$\{/g, () => '$${');
}
/**
 * The `{{ … }}` in a bake.yml string that Packer would have expanded and bake would not: a
 * Packer template function, or a field of a running build outside the settings that fill
 * them. Other `{{ }}` (a `docker inspect --format '{{.Id}}'` in a command) is text.
 */
function packerActionsIn(s, key) {
    if (!s.includes('{{'))
        return [];
    const fills = FILLED.includes(key);
    const out = [];
    for (const a of findActions(s)) {
        const inner = a.text.replace(/^\{\{-?|-?\}\}$/g, '').trim();
        const head = /^\.?([A-Za-z_][A-Za-z0-9_]*)/.exec(inner)?.[1];
        if (!head)
            continue;
        if (inner.startsWith('.')) {
            // The qemu builder writes the temporary key into its first-boot CD, as Packer does.
            if (key === 'cd_content' && head === 'SSHPublicKey')
                continue;
            if (PLUGIN_FIELDS.includes(head)) {
                if (!fills)
                    out.push({
                        ...a,
                        expr: undefined,
                        error: `{{ .${head} }} is filled in only in ${FILLED.join(', ')}`,
                    });
            }
            else if (BUILD_FIELDS.includes(head))
                out.push(a);
        }
        else if (LEGACY_FUNCTIONS.includes(head))
            out.push(a);
    }
    return out;
}


/***/ }),

/***/ 54108:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   By: () => (/* binding */ withoutDirectives),
/* harmony export */   CS: () => (/* binding */ DirectiveError),
/* harmony export */   HY: () => (/* binding */ closingBrace),
/* harmony export */   zU: () => (/* binding */ quotedTemplate)
/* harmony export */ });
/**
 * Template strings as the HCL parser hands them over. It writes a conditional inside a
 * string (`"gp${x ? 3 : 2}"`) as a template directive (`"gp%{if x}3%{else}2%{endif}"`), as a
 * template may also be written by hand; bake's expressions have no directives, so each
 * `%{if}` and `%{for}` becomes the interpolation that means the same.
 */
class DirectiveError extends Error {
}
/** `s` with every `%{if}…%{else}…%{endif}` and `%{for}…%{endfor}` as `${…}`. */
function withoutDirectives(s) {
    // Strip markers: `~` inside the braces takes the whitespace on its side of them away.
    if (s.includes('~'))
        s = s.replace(/(?<![%$])[ \t\r\n]*([%$])\{~/g, '$1{').replace(/~\}[ \t\r\n]*/g, '}');
    if (!s.includes('%{'))
        return s;
    const p = { i: 0 };
    const r = sequence(s, p, []);
    if (r.stop)
        throw new DirectiveError(`%{${r.stop}} without its %{if} or %{for}`);
    return r.text;
}
const SKIP = /^\s*~?\s*|\s*~?\s*$/g;
/**
 * The closing brace of the `${…}` or `%{…}` whose opening brace is at `at` (quotes inside it
 * open strings of their own), or -1 when it is not closed.
 */
function closingBrace(s, at) {
    let depth = 0;
    let quoted = false;
    for (let j = at; j < s.length; j++) {
        const c = s[j];
        if (c === '\\')
            j++;
        else if (c === '"')
            quoted = !quoted;
        else if (!quoted && c === '{')
            depth++;
        else if (!quoted && c === '}' && --depth === 0)
            return j;
    }
    return -1;
}
function closing(s, at) {
    const j = closingBrace(s, at);
    if (j < 0)
        throw new DirectiveError(`unclosed ${s.slice(at - 1, at + 1)}`);
    return j;
}
function sequence(s, p, stops) {
    let text = '';
    while (p.i < s.length) {
        if (s.startsWith('%%{', p.i) || s.startsWith('$${', p.i)) {
            text += s[p.i] === '%' ? '%{' : '$${';
            p.i += 3;
        }
        else if (s.startsWith('${', p.i)) {
            const end = closing(s, p.i + 1);
            text += s.slice(p.i, end + 1);
            p.i = end + 1;
        }
        else if (s.startsWith('%{', p.i)) {
            const end = closing(s, p.i + 1);
            const d = s.slice(p.i + 2, end).replace(SKIP, '');
            p.i = end + 1;
            const word = /^\w+/.exec(d)?.[0] ?? '';
            if (stops.includes(word) && d === word)
                return { text, stop: word };
            if (word === 'if') {
                const then = sequence(s, p, ['else', 'endif']);
                const other = then.stop === 'else' ? sequence(s, p, ['endif']) : { text: '', stop: then.stop };
                if (other.stop !== 'endif')
                    throw new DirectiveError('%{if} without its %{endif}');
                text += `\${(${d.slice(2).trim()}) ? ${quotedTemplate(then.text)} : ${quotedTemplate(other.text)}}`;
            }
            else if (word === 'for') {
                const m = /^for\s+([A-Za-z_]\w*)(\s*,\s*[A-Za-z_]\w*)?\s+in\s+([\s\S]+)$/.exec(d);
                if (!m)
                    throw new DirectiveError(`%{${d}} is not a for directive: %{for x in list}`);
                const body = sequence(s, p, ['endfor']);
                if (body.stop !== 'endfor')
                    throw new DirectiveError('%{for} without its %{endfor}');
                text += `\${join("", [for ${m[1]}${m[2] ?? ''} in (${m[3].trim()}) : ${quotedTemplate(body.text)}])}`;
            }
            else {
                throw new DirectiveError(`%{${d}} is not a template directive bake knows (if, for)`);
            }
        }
        else {
            text += s[p.i++];
        }
    }
    return { text };
}
/**
 * A template string as a quoted string inside an expression: its text escaped, its
 * interpolations kept as they are (quotes inside them open strings of their own).
 */
function quotedTemplate(v) {
    let out = '"';
    for (let i = 0; i < v.length;) {
        if (v.startsWith('$${', i)) {
            out += '$${';
            i += 3;
        }
        else if (v.startsWith('${', i)) {
            const j = closingBrace(v, i + 1);
            const end = j < 0 ? v.length - 1 : j;
            out += v.slice(i, end + 1);
            i = end + 1;
        }
        else {
            out += JSON.stringify(v[i]).slice(1, -1);
            i++;
        }
    }
    return out + '"';
}


/***/ }),

/***/ 80582:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  loadPackerTemplate: () => (/* binding */ loadPackerTemplate),
  loadVarFile: () => (/* binding */ loadVarFile),
  packerKind: () => (/* binding */ packerKind)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/spec/errors.ts
var errors = __webpack_require__(17800);
// EXTERNAL MODULE: ./src/spec/load.ts
var load = __webpack_require__(11207);
;// CONCATENATED MODULE: ./src/packer/hcl-index.ts

class HclScanError extends Error {
    pos;
    constructor(message, pos) {
        super(message);
        this.pos = pos;
        this.name = 'HclScanError';
    }
}
/** The index of one file; a file it cannot scan is a spec problem at the place it stopped. */
function indexHcl(text, file) {
    try {
        return new Scanner(text, file).top();
    }
    catch (e) {
        if (e instanceof HclScanError)
            throw new errors/* SpecError */.G8({ message: `invalid HCL: ${e.message}`, pos: e.pos });
        throw e;
    }
}
class Scanner {
    s;
    file;
    i = 0;
    lineStarts = [0];
    constructor(s, file) {
        this.s = s;
        this.file = file;
        for (let k = 0; k < s.length; k++)
            if (s[k] === '\n')
                this.lineStarts.push(k + 1);
    }
    posAt(offset) {
        let lo = 0;
        let hi = this.lineStarts.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (this.lineStarts[mid] <= offset)
                lo = mid;
            else
                hi = mid - 1;
        }
        return { file: this.file, line: lo + 1, col: offset - this.lineStarts[lo] + 1 };
    }
    top() {
        const body = this.body();
        if (this.i < this.s.length)
            throw new HclScanError('unexpected "}"', this.posAt(this.i));
        return body;
    }
    /** Skips blanks and comments; with `newlines`, line ends too. */
    skip(newlines) {
        const s = this.s;
        while (this.i < s.length) {
            const c = s[this.i];
            if (c === ' ' || c === '\t' || c === '\r' || (newlines && c === '\n'))
                this.i++;
            else if (c === '#' || (c === '/' && s[this.i + 1] === '/')) {
                while (this.i < s.length && s[this.i] !== '\n')
                    this.i++;
            }
            else if (c === '/' && s[this.i + 1] === '*') {
                const end = s.indexOf('*/', this.i + 2);
                this.i = end < 0 ? s.length : end + 2;
            }
            else
                break;
        }
    }
    body() {
        const out = { attrs: [], blocks: [] };
        const s = this.s;
        for (;;) {
            this.skip(true);
            if (this.i >= s.length || s[this.i] === '}')
                return out;
            const start = this.i;
            const name = this.ident();
            if (!name)
                throw new HclScanError(`unexpected "${s[this.i]}"`, this.posAt(this.i));
            this.skip(false);
            if (s[this.i] === '=' && s[this.i + 1] !== '=') {
                this.i++;
                this.skip(false);
                const vstart = this.i;
                this.expression();
                out.attrs.push({
                    name,
                    pos: this.posAt(start),
                    valuePos: this.posAt(vstart),
                    text: s.slice(vstart, this.i).trim(),
                });
                continue;
            }
            const labels = [];
            for (;;) {
                this.skip(false);
                if (s[this.i] === '"')
                    labels.push(this.quoted());
                else if (s[this.i] === '{')
                    break;
                else {
                    const l = this.ident();
                    if (!l)
                        throw new HclScanError(`expected "{" after ${name}`, this.posAt(this.i));
                    labels.push(l);
                }
            }
            this.i++;
            const body = this.body();
            if (s[this.i] !== '}')
                throw new HclScanError(`the block ${name} is not closed`, this.posAt(start));
            this.i++;
            out.blocks.push({ type: name, labels, pos: this.posAt(start), body });
        }
    }
    ident() {
        const m = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(this.s.slice(this.i, this.i + 256));
        if (!m)
            return '';
        this.i += m[0].length;
        return m[0];
    }
    quoted() {
        const s = this.s;
        let v = '';
        this.i++;
        while (this.i < s.length && s[this.i] !== '"') {
            if (s[this.i] === '\\') {
                v += s[this.i + 1] ?? '';
                this.i += 2;
            }
            else
                v += s[this.i++];
        }
        this.i++;
        return v;
    }
    /** Moves past one expression: to the end of its line at bracket depth 0, or a closing `}`. */
    expression() {
        const s = this.s;
        let depth = 0;
        while (this.i < s.length) {
            const c = s[this.i];
            if (c === '"')
                this.templateString();
            else if (c === '<' &&
                s[this.i + 1] === '<' &&
                /^<<-?[A-Za-z_]/.test(s.slice(this.i, this.i + 4)))
                this.heredoc();
            else if (c === '#' || (c === '/' && (s[this.i + 1] === '/' || s[this.i + 1] === '*'))) {
                if (depth === 0 && c !== '/')
                    return;
                if (depth === 0 && s[this.i + 1] === '/')
                    return;
                this.skip(false);
            }
            else if (c === '(' || c === '[' || c === '{') {
                depth++;
                this.i++;
            }
            else if (c === ')' || c === ']' || c === '}') {
                if (depth === 0)
                    return;
                depth--;
                this.i++;
            }
            else if (c === '\n' && depth === 0)
                return;
            else
                this.i++;
        }
    }
    /** A quoted template: `${…}` and `%{…}` inside it nest expressions that may hold quotes. */
    templateString() {
        const s = this.s;
        this.i++;
        while (this.i < s.length && s[this.i] !== '"') {
            if (s[this.i] === '\\')
                this.i += 2;
            else if ((s[this.i] === '$' || s[this.i] === '%') && s[this.i + 1] === '{') {
                if (s[this.i - 1] === s[this.i]) {
                    this.i += 2;
                    continue;
                }
                this.i += 2;
                this.interpolation();
            }
            else if (s[this.i] === '\n')
                return;
            else
                this.i++;
        }
        this.i++;
    }
    interpolation() {
        const s = this.s;
        let depth = 1;
        while (this.i < s.length && depth > 0) {
            const c = s[this.i];
            if (c === '"')
                this.templateString();
            else if (c === '{') {
                depth++;
                this.i++;
            }
            else if (c === '}') {
                depth--;
                this.i++;
            }
            else
                this.i++;
        }
    }
    heredoc() {
        const s = this.s;
        const m = /^<<-?([A-Za-z_][A-Za-z0-9_]*)[ \t]*\r?\n/.exec(s.slice(this.i, this.i + 200));
        if (!m) {
            this.i += 2;
            return;
        }
        this.i += m[0].length;
        const marker = new RegExp(`^[ \\t]*${m[1]}[ \\t]*\\r?$`);
        while (this.i < s.length) {
            const end = s.indexOf('\n', this.i);
            const line = s.slice(this.i, end < 0 ? s.length : end);
            if (marker.test(line)) {
                this.i += line.length;
                return;
            }
            this.i = end < 0 ? s.length : end + 1;
        }
    }
}

// EXTERNAL MODULE: ./src/packer/hcl-template.ts
var hcl_template = __webpack_require__(54108);
// EXTERNAL MODULE: ./src/util/deep.ts
var deep = __webpack_require__(26844);
;// CONCATENATED MODULE: ./src/packer/hcl.ts




/** hcl2json's messages: `FILE:L,C-L,C: Summary; Detail`, several in one `[…]`. */
const DIAG = /([^\s[,:][^:\n]*?):(\d+),(\d+)(?:-\d+(?:,\d+)?)?: ([^;\]]+)(?:; ([^\]]*?))?(?=, [^\s,][^:\n]*?:\d+,\d+|\]|$)/g;
function hclProblems(message, file) {
    const out = [];
    for (const m of message.matchAll(DIAG)) {
        out.push({
            message: `invalid HCL: ${m[4].trim()}`,
            pos: { file: m[1] === file ? file : m[1], line: Number(m[2]), col: Number(m[3]) },
            ...(m[5] ? { hint: m[5].trim() } : {}),
        });
    }
    return out.length
        ? out.slice(0, 1)
        : [{ message: `invalid HCL: ${message}`, pos: { file, line: 1, col: 1 } }];
}
/** Parses one HCL file into an ordered tree with positions. */
async function readHcl(file, text) {
    let json;
    try {
        // Loaded on first use: the module reads and compiles its wasm as it loads (about 0.4 s),
        // which a bake.yml never needs.
        const { parse } = await Promise.all(/* import() */[__webpack_require__.e(4382), __webpack_require__.e(4079)]).then(__webpack_require__.t.bind(__webpack_require__, 24382, 23));
        json = (await parse(file, text));
    }
    catch (e) {
        throw new errors/* SpecError */.G8(hclProblems(e.message ?? String(e), file));
    }
    const problems = [];
    const body = merge(indexHcl(text, file), json, problems);
    if (problems.length)
        throw new errors/* SpecError */.G8(problems.slice(0, 1));
    return body;
}
function merge(index, json, problems) {
    const seen = new Map();
    return {
        attrs: index.attrs.map((a) => {
            try {
                // Template directives as interpolations (see hcl-template.ts).
                return { ...a, value: (0,deep/* mapStrings */.t)(json[a.name], hcl_template/* withoutDirectives */.By) };
            }
            catch (e) {
                if (!(e instanceof hcl_template/* DirectiveError */.CS))
                    throw e;
                problems.push({
                    message: e.message,
                    pos: a.valuePos,
                    hint: 'write the condition as ${cond ? "a" : "b"}, the loop as ${join("", [for x in list : "…"])}',
                });
                return { ...a, value: json[a.name] };
            }
        }),
        blocks: index.blocks.map((b) => {
            const key = JSON.stringify([b.type, ...b.labels]);
            const n = seen.get(key) ?? 0;
            seen.set(key, n + 1);
            let v = json[b.type];
            for (const l of b.labels)
                v = v?.[l];
            const body = Array.isArray(v) ? v[n] : undefined;
            return {
                type: b.type,
                labels: b.labels,
                pos: b.pos,
                body: merge(b.body, body ?? {}, problems),
            };
        }),
    };
}

;// CONCATENATED MODULE: ./src/packer/hcl-literal.ts
/**
 * Literal HCL values, as a Packer var file (`*.pkrvars.hcl`) holds them: strings, heredocs,
 * numbers, bools, null, lists and objects. Var files are read while a plan is resolved, which
 * is synchronous, so they are read here rather than by the wasm parser; the values they may
 * hold are literals only (Packer evaluates them with no variables or functions either).
 */
class LiteralError extends Error {
    offset;
    constructor(message, offset) {
        super(message);
        this.offset = offset;
        this.name = 'LiteralError';
    }
}
function parseHclLiteral(text) {
    const p = new LiteralParser(text);
    const v = p.value();
    p.ws();
    if (!p.done())
        throw new LiteralError('unexpected text after the value', p.i);
    return v;
}
class LiteralParser {
    s;
    i = 0;
    constructor(s) {
        this.s = s;
    }
    done() {
        return this.i >= this.s.length;
    }
    ws() {
        const s = this.s;
        while (this.i < s.length) {
            const c = s[this.i];
            if (/\s/.test(c))
                this.i++;
            else if (c === '#' || (c === '/' && s[this.i + 1] === '/')) {
                while (this.i < s.length && s[this.i] !== '\n')
                    this.i++;
            }
            else if (c === '/' && s[this.i + 1] === '*') {
                const e = s.indexOf('*/', this.i + 2);
                this.i = e < 0 ? s.length : e + 2;
            }
            else
                break;
        }
    }
    value() {
        this.ws();
        const s = this.s;
        const c = s[this.i];
        if (c === '"')
            return this.string();
        if (c === '<' && s[this.i + 1] === '<')
            return this.heredoc();
        if (c === '[') {
            this.i++;
            const out = [];
            for (;;) {
                this.ws();
                if (s[this.i] === ']') {
                    this.i++;
                    return out;
                }
                out.push(this.value());
                this.ws();
                if (s[this.i] === ',')
                    this.i++;
                else if (s[this.i] !== ']')
                    throw new LiteralError('expected "," or "]" in a list', this.i);
            }
        }
        if (c === '{') {
            this.i++;
            const out = {};
            for (;;) {
                this.ws();
                if (s[this.i] === '}') {
                    this.i++;
                    return out;
                }
                let key;
                if (s[this.i] === '"')
                    key = this.string();
                else {
                    const k = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(s.slice(this.i))?.[0];
                    if (k === undefined)
                        throw new LiteralError('expected a key in an object', this.i);
                    key = k;
                    this.i += k.length;
                }
                this.ws();
                if (s[this.i] !== '=' && s[this.i] !== ':')
                    throw new LiteralError(`expected "=" after the key "${key}"`, this.i);
                this.i++;
                out[key] = this.value();
                this.ws();
                if (s[this.i] === ',')
                    this.i++;
            }
        }
        const m = /^(-?\d+(\.\d+)?([eE][-+]?\d+)?|true|false|null)\b/.exec(s.slice(this.i));
        if (m) {
            this.i += m[0].length;
            return m[0] === 'true'
                ? true
                : m[0] === 'false'
                    ? false
                    : m[0] === 'null'
                        ? null
                        : Number(m[0]);
        }
        if (this.done())
            throw new LiteralError('a value is missing', this.i);
        throw new LiteralError('a var file holds values only (strings, numbers, bools, lists, objects), not expressions', this.i);
    }
    string() {
        const s = this.s;
        const start = this.i;
        this.i++;
        let out = '';
        while (this.i < s.length && s[this.i] !== '"') {
            const c = s[this.i];
            if (c === '\n')
                break;
            if (c === '\\') {
                const n = s[this.i + 1];
                const map = { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\' };
                if (n === 'u') {
                    out += String.fromCharCode(parseInt(s.slice(this.i + 2, this.i + 6), 16));
                    this.i += 6;
                    continue;
                }
                out += map[n] ?? n;
                this.i += 2;
                continue;
            }
            if ((c === '$' || c === '%') && s[this.i + 1] === c && s[this.i + 2] === '{') {
                out += c + '{';
                this.i += 3;
                continue;
            }
            if ((c === '$' || c === '%') && s[this.i + 1] === '{')
                throw new LiteralError('a var file holds values only; an interpolation ${…} is not allowed here', this.i);
            out += c;
            this.i++;
        }
        if (s[this.i] !== '"')
            throw new LiteralError('the string is not closed', start);
        this.i++;
        return out;
    }
    heredoc() {
        const s = this.s;
        const m = /^<<(-?)([A-Za-z_][A-Za-z0-9_]*)[ \t]*\r?\n/.exec(s.slice(this.i));
        if (!m)
            throw new LiteralError('expected a heredoc marker after <<', this.i);
        this.i += m[0].length;
        const lines = [];
        for (;;) {
            if (this.done())
                throw new LiteralError(`the heredoc ${m[2]} is not closed`, this.i);
            const end = s.indexOf('\n', this.i);
            const line = s.slice(this.i, end < 0 ? s.length : end);
            this.i = end < 0 ? s.length : end + 1;
            if (line.trim() === m[2])
                break;
            lines.push(line);
        }
        if (m[1]) {
            const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)[0].length));
            return lines.map((l) => l.slice(Number.isFinite(indent) ? indent : 0)).join('\n') + '\n';
        }
        return lines.join('\n') + '\n';
    }
}

// EXTERNAL MODULE: ./src/packer/go-template.ts
var go_template = __webpack_require__(52629);
// EXTERNAL MODULE: ./src/spec/functions.ts
var functions = __webpack_require__(79898);
;// CONCATENATED MODULE: ./src/packer/map.ts






/** Builder settings Packer takes and does not use in any build bake makes: why, by type. */
const UNUSED = [
    {
        key: /^winrm_/,
        why: 'it is for WinRM, and this source connects over SSH (Packer does not use it here either)',
    },
    {
        type: 'azure-arm',
        key: /^object_id$/,
        why: "Packer uses it only for a Windows build's key vault; a Linux build does not use it",
    },
];
/** Packer's spellings of bake's settings, per plugin type. */
const RENAMES = {
    docker: {
        // Packer's pull is a bool and pulls every time; bake's says when.
        pull: (v) => [
            'pull',
            v === true || v === 'true' ? 'always' : v === false || v === 'false' ? 'never' : v,
        ],
    },
    'amazon-ebs': {
        security_group_id: (v) => ['security_group_ids', [v]],
    },
};
/**
 * Tag blocks (`azure_tag { name, value }`, also made by `dynamic "azure_tag"`): Packer's
 * other spelling of a tag map, by builder type: block, map setting, and the block's two keys.
 */
const TAG_BLOCKS = {
    'azure-arm': [['azure_tag', 'azure_tags', 'name', 'value']],
    'amazon-ebs': [
        ['tag', 'tags', 'key', 'value'],
        ['run_tag', 'run_tags', 'key', 'value'],
        ['run_volume_tag', 'run_volume_tags', 'key', 'value'],
        ['snapshot_tag', 'snapshot_tags', 'key', 'value'],
    ],
};
/** The communicator each builder type uses; Packer lets a template spell it out. */
const COMMUNICATORS = {
    docker: 'docker',
    null: 'ssh',
    'amazon-ebs': 'ssh',
    'azure-arm': 'ssh',
    googlecompute: 'ssh',
};
/** A `communicator = …` that names what the builder uses is fine; anything else is a problem. */
function communicatorProblem(type, v) {
    const uses = COMMUNICATORS[type];
    if (uses && v === uses)
        return undefined;
    if (type === 'null' && v === 'none')
        return undefined;
    if (v === 'none')
        return `communicator "none" is not supported by bake's ${type || 'this'} builder: it ${uses === 'docker' ? 'works through the Docker API' : 'connects over SSH'}`;
    return `communicator "${String(v)}" is not supported by bake's ${type || 'this'} builder${uses ? `, which uses ${uses}` : ''}`;
}
/** Data sources that bake reads with one of its functions, by type. */
const DATA_FUNCTIONS = {
    http: {
        fn: 'http_request',
        keys: ['url', 'method', 'request_headers', 'request_body'],
        required: 'url',
    },
    'amazon-parameterstore': {
        fn: 'aws_parameter',
        keys: functions/* AWS_DATA_KEYS */.oB.aws_parameter,
        required: 'name',
    },
    'amazon-secretsmanager': { fn: 'aws_secret', keys: functions/* AWS_DATA_KEYS */.oB.aws_secret, required: 'name' },
};
/** `data "amazon-ami"` read other than as a source's source_ami: aws_ami(). */
const AMI_FUNCTION = { fn: 'aws_ami', keys: functions/* AWS_DATA_KEYS */.oB.aws_ami, required: 'filters' };
/** Top-level blocks of a template and what becomes of them. */
const TOP = ['packer', 'variable', 'variables', 'locals', 'local', 'source', 'build', 'data'];
class Mapper {
    registry;
    value = {};
    positions = new Map();
    keyPositions = new Map();
    todos = [];
    sourceTypes = new Map();
    unnamed = 0;
    constructor(registry) {
        this.registry = registry;
    }
    /** Sources that a build-level block changed under their own name, and where. */
    changedInPlace = new Map();
    result() {
        // Such a change holds for every build in bake, where Packer keeps it to one build.
        for (const [base, pos] of this.changedInPlace) {
            const users = Object.values(this.value.builds ?? {}).filter((b) => (b.sources ?? []).includes(base));
            if (users.length > 1)
                this.todo('builds', {
                    message: `this build changes source "${base}", which other builds use unchanged`,
                    pos,
                    hint: 'give the changed instance a name of its own: name = "…"',
                });
        }
        // An AMI lookup read as anything but a source's source_ami (its name in a description,
        // its id in a local) is asked of EC2 when the plan is made; one nothing reads is not.
        const amiReads = new Set();
        for (const k of ['variables', 'locals', 'sources', 'builds'])
            (0,deep/* someString */.o)(this.value[k], (x) => {
                for (const m of x.matchAll(/(?<![\w.-])data\.amazon-ami\.([A-Za-z_][\w-]*)/g))
                    amiReads.add(m[1]);
                return false;
            });
        for (const name of amiReads) {
            const d = this.amiData.get(name);
            if (!d)
                continue;
            this.functionDataSource(d.block, AMI_FUNCTION);
            // One lookup, one answer: a source built from it takes the id the plan found, not a
            // filter of its own that could find a newer AMI than the description names.
            for (const { into, path, a } of d.filters) {
                delete into.source_ami_filter;
                into.source_ami = a.value;
                const fp = (0,load/* joinPath */.uJ)(path, 'source_ami_filter');
                for (const m of [this.positions, this.keyPositions])
                    for (const k of [...m.keys()])
                        if (k === fp || k.startsWith(fp + '.'))
                            m.delete(k);
                this.place((0,load/* joinPath */.uJ)(path, 'source_ami'), a.pos, a.valuePos, a.value);
            }
        }
        const value = {};
        const rewrite = this.refRewriter();
        for (const k of ['variables', 'locals', 'sources', 'builds'])
            if (this.value[k] && (Object.keys(this.value[k]).length || k === 'sources' || k === 'builds'))
                value[k] = (0,deep/* mapStrings */.t)(this.value[k], rewrite);
        value.sources ??= {};
        value.builds ??= {};
        return { value, positions: this.positions, keyPositions: this.keyPositions, todos: this.todos };
    }
    todo(anchor, p) {
        this.todos.push({ ...p, anchor });
    }
    section(name) {
        return (this.value[name] ??= {});
    }
    /** Records where a value (and everything inside it) is written. */
    place(path, keyPos, valuePos, v) {
        if (keyPos)
            this.keyPositions.set(path, keyPos);
        this.positions.set(path, valuePos);
        if (Array.isArray(v))
            v.forEach((x, i) => this.place((0,load/* joinPath */.uJ)(path, i), undefined, valuePos, x));
        else if (v && typeof v === 'object')
            for (const [k, x] of Object.entries(v))
                this.place((0,load/* joinPath */.uJ)(path, k), valuePos, valuePos, x);
    }
    /** `data "amazon-ami"` blocks, which a source's source_ami may name (see amiLookup). */
    amiData = new Map();
    addData(body) {
        for (const b of body.blocks)
            if (b.type === 'data' && b.labels[0] === 'amazon-ami' && b.labels[1])
                this.amiData.set(b.labels[1], { block: b, filters: [] });
    }
    /** `data "null" "NAME"`: the local its `output` is read from, by NAME. */
    nullData = new Map();
    /** Data sources bake reads with a function: the local that holds each answer, by type and NAME. */
    fnData = new Map();
    /** The local a data source becomes, unless the template already has one of that name. */
    dataLocal(b) {
        const [type, name] = b.labels;
        const local = `data_${type}_${name}`.replace(/-/g, '_');
        if (this.section('locals')[local] === undefined)
            return local;
        this.todo('', {
            message: `data "${type}" "${name}" would become local "${local}", which the template already has`,
            pos: b.pos,
            hint: 'rename the data source or the local',
        });
        return undefined;
    }
    /**
     * `data "http"`, `data "amazon-parameterstore"` and `data "amazon-secretsmanager"`: the
     * function that reads the same (http_request(), aws_parameter(), aws_secret()), in the
     * local data_TYPE_NAME that `data.TYPE.NAME` is rewritten to name.
     */
    functionDataSource(b, d) {
        const [type, name] = b.labels;
        let ok = true;
        for (const x of [...b.body.attrs.filter((a) => !d.keys.includes(a.name)), ...b.body.blocks]) {
            ok = false;
            const what = 'name' in x ? x.name : x.type;
            this.todo('', {
                message: `data "${type}" takes ${d.keys.join(', ')}, not "${what}"`,
                pos: x.pos,
                hint: functions/* AWS_CREDENTIAL_KEYS */.N1.includes(what) ? functions/* AWS_CREDENTIALS_HINT */.DN : undefined,
            });
        }
        const required = b.body.attrs.find((a) => a.name === d.required);
        if (!required) {
            this.todo('', { message: `data "${type}" "${name}" has no ${d.required}`, pos: b.pos });
            return;
        }
        const local = ok ? this.dataLocal(b) : undefined;
        if (!local)
            return;
        const args = b.body.attrs.map((a) => `${JSON.stringify(a.name)} = ${exprOf(a.value)}`);
        let names = this.fnData.get(type);
        if (!names)
            this.fnData.set(type, (names = new Map()));
        names.set(name, local);
        this.local(local, required, `\${${d.fn}({${args.join(', ')}})}`);
    }
    /**
     * `data "null" "NAME" { input = … }` hands its input back as `output`: in bake, a local
     * (data_null_NAME) that `data.null.NAME.output` is rewritten to name.
     */
    nullDataSource(b) {
        const name = b.labels[1] ?? '';
        const input = b.body.attrs.find((a) => a.name === 'input');
        const other = [...b.body.attrs.filter((a) => a.name !== 'input'), ...b.body.blocks];
        for (const x of other)
            this.todo('', {
                message: `data "null" takes input only, not "${'name' in x ? x.name : x.type}"`,
                pos: x.pos,
            });
        if (!input) {
            this.todo('', {
                message: `data "null" "${name}" has no input`,
                pos: b.pos,
                hint: 'set input = the value that data.null.NAME.output should give',
            });
            return;
        }
        const local = this.dataLocal(b);
        if (!local)
            return;
        this.nullData.set(name, local);
        this.local(local, input, input.value);
    }
    /**
     * References that bake spells its own way, rewritten in each string of a mapped value:
     * `data.null.NAME.output` as the local that holds it, `data.http.NAME` (and the AWS ones) as
     * the local that holds the answer, `packer.version` as `bake.version` (the version of what
     * builds). The rules are made once, for every string.
     */
    refRewriter() {
        const toLocal = (re, names) => (s) => s.replace(re, (all, n) => (names.has(n) ? `local.${names.get(n)}` : all));
        const rules = [
            (s) => s.replace(/(?<![\w.-])packer\.version(?![\w-])/g, 'bake.version'),
            toLocal(/(?<![\w.-])data\.null\.([A-Za-z_][\w-]*)\.output(?![\w-])/g, this.nullData),
            ...[...this.fnData].map(([type, names]) => toLocal(new RegExp(`(?<![\\w.-])data\\.${type}\\.([A-Za-z_][\\w-]*)(?![\\w-])`, 'g'), names)),
        ];
        return (s) => (s.includes('${') ? rules.reduce((out, rule) => rule(out), s) : s);
    }
    /**
     * `source_ami = data.amazon-ami.NAME.id`: the same lookup is the builder's own
     * source_ami_filter (filters, owners, most_recent), made when the build starts.
     */
    amiLookup(a, type, path, body, into) {
        const m = /^\$\{data\.amazon-ami\.([A-Za-z0-9_-]+)\.id\}$/.exec(String(a.value));
        const d = m ? this.amiData.get(m[1]) : undefined;
        if (!m || !d || type !== 'amazon-ebs')
            return undefined;
        const filter = {};
        for (const x of d.block.body.attrs) {
            if (x.name === 'filters' || x.name === 'owners' || x.name === 'most_recent') {
                filter[x.name] = x.value;
                this.place((0,load/* joinPath */.uJ)((0,load/* joinPath */.uJ)(path, 'source_ami_filter'), x.name), x.pos, x.valuePos, x.value);
            }
            else if (x.name === 'region') {
                const own = body.attrs.find((y) => y.name === 'region')?.value;
                if (own !== x.value) {
                    this.todo(path, {
                        message: `data.amazon-ami.${m[1]} looks in region ${String(x.value)}, the source builds in ${String(own ?? 'its default region')}`,
                        pos: x.pos,
                        hint: 'bake looks the AMI up in the region the source builds in; use the same region',
                    });
                    return null;
                }
            }
            else {
                // The builder's filter cannot say it (include_deprecated, …): aws_ami() looks it up
                // when the plan is made, as it does for the lookup's other readers.
                return undefined;
            }
        }
        // Remembered: if the template reads the lookup elsewhere too, result() makes this
        // source take the id the plan finds instead.
        d.filters.push({ into, path, a });
        return filter;
    }
    /** Sources first, from every file: builds refer to them by type and name. */
    addSources(body) {
        for (const b of body.blocks)
            if (b.type === 'source')
                this.source(b);
    }
    addFile(body) {
        for (const a of body.attrs)
            this.todo('', {
                message: `a template's top level holds blocks, not settings like "${a.name} ="`,
                pos: a.pos,
                hint: 'move it into a block (variable, locals, source or build)',
            });
        for (const b of body.blocks) {
            switch (b.type) {
                case 'packer':
                    this.packer(b);
                    break;
                case 'variable':
                    this.variable(b);
                    break;
                case 'variables':
                    for (const a of b.body.attrs)
                        this.variableFromDefault(a);
                    break;
                case 'locals':
                    for (const a of b.body.attrs)
                        this.local(a.name, a, a.value);
                    break;
                case 'local':
                    this.singleLocal(b);
                    break;
                case 'source':
                    break;
                case 'build':
                    this.build(b);
                    break;
                case 'data':
                    // Read by a source_ami (its filter) or by other settings (aws_ami(), see result()).
                    if (b.labels[0] === 'amazon-ami' && b.labels[1])
                        break;
                    if (b.labels[0] === 'null' && b.labels[1]) {
                        this.nullDataSource(b);
                        break;
                    }
                    if (DATA_FUNCTIONS[b.labels[0]] && b.labels[1]) {
                        this.functionDataSource(b, DATA_FUNCTIONS[b.labels[0]]);
                        break;
                    }
                    this.todo('', {
                        message: `data source "${b.labels.join('.')}" is not supported by bake yet`,
                        pos: b.pos,
                        hint: 'compute the value before the build and pass it in as a variable (--var or a var file)',
                    });
                    break;
                default:
                    this.todo('', {
                        message: `unknown block "${b.type}" in a Packer template`,
                        pos: b.pos,
                        hint: `a template's blocks are: ${TOP.join(', ')}`,
                    });
            }
        }
    }
    packer(b) {
        // required_version and required_plugins: bake carries its builders, provisioners and
        // post-processors itself; a type it does not have is an error where it is used.
        for (const a of b.body.attrs)
            if (a.name !== 'required_version')
                this.todo('', { message: `unknown setting "${a.name}" in the packer block`, pos: a.pos });
        for (const inner of b.body.blocks)
            if (inner.type !== 'required_plugins')
                this.todo('', {
                    message: `unknown block "${inner.type}" in the packer block`,
                    pos: inner.pos,
                });
    }
    /** A second declaration of a name, in any file, is an error at it, as in Packer. */
    twice(section, name, pos) {
        if (!(name in this.section(section)))
            return false;
        const first = this.keyPositions.get((0,load/* joinPath */.uJ)(section, name)) ?? this.positions.get((0,load/* joinPath */.uJ)(section, name));
        const what = section === 'variables' ? 'variable' : 'local';
        this.todo(section, {
            message: `${what} "${name}" is declared twice`,
            pos,
            hint: first
                ? `it is declared first at ${relativeTo(first.file, pos.file)}:${first.line}; keep one`
                : 'keep one',
        });
        return true;
    }
    variable(b) {
        const name = b.labels[0] ?? '';
        if (this.twice('variables', name, b.pos))
            return;
        const path = (0,load/* joinPath */.uJ)('variables', name);
        const decl = {};
        this.keyPositions.set(path, b.pos);
        this.positions.set(path, b.pos);
        for (const a of b.body.attrs) {
            let v = a.value;
            if (a.name === 'type')
                v = typeText(a.text);
            decl[a.name] = v;
            this.place((0,load/* joinPath */.uJ)(path, a.name), a.pos, a.valuePos, v);
        }
        // Packer takes a variable without a type as whatever its value is.
        decl.type ??= 'any';
        const rules = [];
        for (const inner of b.body.blocks) {
            if (inner.type !== 'validation') {
                this.todo(path, {
                    message: `unknown block "${inner.type}" in variable "${name}"`,
                    pos: inner.pos,
                });
                continue;
            }
            const rp = (0,load/* joinPath */.uJ)((0,load/* joinPath */.uJ)(path, 'validation'), rules.length);
            const rule = {};
            this.positions.set(rp, inner.pos);
            for (const a of inner.body.attrs) {
                rule[a.name] = a.value;
                this.place((0,load/* joinPath */.uJ)(rp, a.name), a.pos, a.valuePos, a.value);
            }
            rules.push(rule);
        }
        if (rules.length)
            decl.validation = rules;
        this.section('variables')[name] = decl;
    }
    variableFromDefault(a) {
        const path = (0,load/* joinPath */.uJ)('variables', a.name);
        this.keyPositions.set(path, a.pos);
        this.positions.set(path, a.pos);
        this.section('variables')[a.name] = { type: 'any', default: a.value };
        this.place((0,load/* joinPath */.uJ)(path, 'default'), a.pos, a.valuePos, a.value);
    }
    local(name, a, v) {
        if (this.twice('locals', name, a.pos))
            return;
        const path = (0,load/* joinPath */.uJ)('locals', name);
        this.section('locals')[name] = v;
        this.place(path, a.pos, a.valuePos, v);
    }
    singleLocal(b) {
        const name = b.labels[0] ?? '';
        const expr = b.body.attrs.find((a) => a.name === 'expression');
        const sens = b.body.attrs.find((a) => a.name === 'sensitive');
        if (!expr) {
            this.todo('locals', { message: `local "${name}" has no expression`, pos: b.pos });
            return;
        }
        if (sens && sens.value !== false && sens.value !== 'false') {
            // A sensitive local is its value marked sensitive: redacted, and so is what uses it.
            this.local(name, expr, `\${sensitive(${exprOf(expr.value)})}`);
            return;
        }
        this.local(name, expr, expr.value);
    }
    source(b) {
        const [type, name] = b.labels;
        if (!type || !name) {
            this.todo('sources', {
                message: 'a source block takes a type and a name: source "docker" "app" {',
                pos: b.pos,
            });
            return;
        }
        const other = this.sourceTypes.get(name);
        if (other !== undefined) {
            this.todo('sources', {
                message: `source "${type}" "${name}": a source named "${name}" is already defined (of type ${other})`,
                pos: b.pos,
                hint: 'bake names sources by name alone; rename one of them',
            });
            return;
        }
        this.sourceTypes.set(name, type);
        const path = (0,load/* joinPath */.uJ)('sources', name);
        this.keyPositions.set(path, b.pos);
        this.positions.set(path, b.pos);
        this.positions.set((0,load/* joinPath */.uJ)(path, 'type'), b.pos);
        const config = { type };
        this.pluginBody(b.body, config, path, 'builder', type);
        this.section('sources')[name] = config;
    }
    /**
     * Packer's plugins expand `{{ … }}` in their settings, HCL templates' too: each becomes the
     * `${ … }` that means the same; one without a translation is a problem at its value.
     */
    goTemplates(v, a, path) {
        return (0,deep/* mapStrings */.t)(v, (s) => {
            const r = (0,go_template/* translateHclString */.fb)(s);
            for (const e of r.errors)
                this.todo(path, {
                    message: `${e.text}: ${e.error}`,
                    pos: a.valuePos,
                    hint: 'write the value out, or compute it with an expression ${…}',
                });
            return r.value;
        });
    }
    /** A plugin's settings and nested blocks, with Packer's spellings turned into bake's. */
    pluginBody(body, into, path, kind, type) {
        const schema = this.registry.get(kind, type)?.schema;
        for (const a of body.attrs) {
            // Packer reads "" and null as a setting left unset (source_ami = "" beside a filter).
            if (a.value === '' || a.value === null)
                continue;
            if (a.name === 'communicator') {
                const why = communicatorProblem(kind === 'builder' ? type : '', a.value);
                if (why)
                    this.todo(path, { message: why, pos: a.pos, hint: 'remove communicator' });
                // The null builder has the setting itself (ssh or none).
                if (why || type !== 'null')
                    continue;
            }
            const unused = kind === 'builder'
                ? UNUSED.find((u) => (!u.type || u.type === type) && u.key.test(a.name))
                : undefined;
            if (unused) {
                this.todos.push({
                    message: `${a.name} is left out: ${unused.why}`,
                    pos: a.pos,
                    anchor: path,
                    note: true,
                });
                continue;
            }
            if (kind === 'builder' && a.name === 'source_ami') {
                const filter = this.amiLookup(a, type, path, body, into);
                if (filter === null)
                    continue;
                if (filter !== undefined) {
                    into.source_ami_filter = filter;
                    this.keyPositions.set((0,load/* joinPath */.uJ)(path, 'source_ami_filter'), a.pos);
                    this.positions.set((0,load/* joinPath */.uJ)(path, 'source_ami_filter'), a.valuePos);
                    continue;
                }
            }
            const rename = RENAMES[type]?.[a.name];
            const value = this.goTemplates(a.value, a, path);
            const [k, v] = rename ? rename(value) : [a.name, value];
            into[k] = v;
            this.place((0,load/* joinPath */.uJ)(path, k), a.pos, a.valuePos, v);
        }
        const tagged = kind === 'builder' ? this.tagBlocks(body, into, path, type) : new Set();
        const blocks = body.blocks.filter((b) => !tagged.has(b.type === 'dynamic' ? (b.labels[0] ?? '') : b.type));
        const dynamic = this.dynamicBlocks(blocks, into, path, schema);
        for (const inner of blocks) {
            if (dynamic.has(inner.type))
                continue;
            const field = schema?.kind === 'object' ? schema.fields[inner.type]?.schema : undefined;
            const obj = {};
            if (field?.kind === 'list') {
                const list = (into[inner.type] ??= []);
                const p = (0,load/* joinPath */.uJ)((0,load/* joinPath */.uJ)(path, inner.type), list.length);
                this.keyPositions.set((0,load/* joinPath */.uJ)(path, inner.type), inner.pos);
                this.positions.set(p, inner.pos);
                this.blockInto(inner, obj, p, field.of);
                list.push(obj);
            }
            else {
                const p = (0,load/* joinPath */.uJ)(path, inner.type);
                if (inner.type in into) {
                    this.todo(path, {
                        message: `"${inner.type}" is given twice; ${type} takes one`,
                        pos: inner.pos,
                    });
                    continue;
                }
                this.keyPositions.set(p, inner.pos);
                this.positions.set(p, inner.pos);
                this.blockInto(inner, obj, p, field);
                into[inner.type] = obj;
            }
        }
    }
    /**
     * Tag blocks, written and dynamic, become entries of the builder's tag map (after the
     * map's own, as Packer merges them). Returns the block types it took.
     */
    tagBlocks(body, into, path, type) {
        const taken = new Set();
        for (const [block, map, k, v] of TAG_BLOCKS[type] ?? []) {
            const written = body.blocks.filter((b) => b.type === block);
            const dyns = body.blocks.filter((b) => b.type === 'dynamic' && b.labels[0] === block);
            if (!written.length && !dyns.length)
                continue;
            taken.add(block);
            const parts = [];
            if (written.length)
                parts.push(`[${written.map((b) => this.bodyExpr(b.body, path)).join(', ')}]`);
            for (const d of dyns) {
                const e = this.dynamicExpr(d, path);
                if (e === undefined)
                    return taken;
                parts.push(e);
            }
            for (const b of written)
                for (const key of [k, v])
                    if (!b.body.attrs.some((a) => a.name === key))
                        this.todo(path, {
                            message: `${block} has no ${key}`,
                            pos: b.pos,
                            hint: `give it ${k} = "…" and ${v} = "…"`,
                        });
            const list = parts.length === 1 ? parts[0] : `concat(${parts.join(', ')})`;
            const fromBlocks = `{for t in ${list} : t.${k} => t.${v}}`;
            const value = `\${${map in into ? `merge(${exprOf(into[map])}, ${fromBlocks})` : fromBlocks}}`;
            into[map] = value;
            const at = (written[0] ?? dyns[0]).pos;
            this.place((0,load/* joinPath */.uJ)(path, map), at, at, value);
        }
        return taken;
    }
    /**
     * `dynamic "NAME" { for_each, iterator, content {…} }`: the list of NAME blocks as one
     * expression, a `for` over for_each that makes each block from content (with the static
     * NAME blocks beside it first, as Packer orders them). Returns the block types it took, and
     * "dynamic" itself, which the caller then leaves alone.
     */
    dynamicBlocks(blocks, into, path, schema) {
        const taken = new Set(['dynamic']);
        const byType = new Map();
        for (const d of blocks.filter((b) => b.type === 'dynamic')) {
            const name = d.labels[0] ?? '';
            const field = schema?.kind === 'object' ? schema.fields[name]?.schema : undefined;
            if (field && field.kind !== 'list') {
                this.todo(path, {
                    message: `dynamic "${name}": ${name} takes one block, and a dynamic block makes a list`,
                    pos: d.pos,
                    hint: `write the ${name} block out`,
                });
                continue;
            }
            byType.set(name, [...(byType.get(name) ?? []), d]);
        }
        for (const [name, dyns] of byType) {
            const field = schema?.kind === 'object' ? schema.fields[name]?.schema : undefined;
            const elem = field?.kind === 'list' ? field.of : undefined;
            const parts = [];
            const statics = blocks.filter((b) => b.type === name);
            if (statics.length)
                parts.push(`[${statics.map((b) => this.bodyExpr(b.body, path, elem)).join(', ')}]`);
            let ok = true;
            for (const d of dyns) {
                const e = this.dynamicExpr(d, path, elem);
                if (e === undefined)
                    ok = false;
                else
                    parts.push(e);
            }
            taken.add(name);
            if (!ok)
                continue;
            const value = `\${${parts.length === 1 ? parts[0] : `concat(${parts.join(', ')})`}}`;
            into[name] = value;
            this.place((0,load/* joinPath */.uJ)(path, name), dyns[0].pos, dyns[0].pos, value);
        }
        return taken;
    }
    /**
     * A dynamic block's parts: for_each, the iterator's name, the one content block, and the
     * labels (a build's dynamic source, provisioner or post-processor has them, a nested block
     * not); undefined (with a problem) when it is malformed.
     */
    dynamicParts(d, path, labelled) {
        const name = d.labels[0] ?? '';
        const bad = (message, pos, hint) => {
            this.todo(path, { message: `dynamic "${name}": ${message}`, pos, hint });
            return undefined;
        };
        const known = ['for_each', 'iterator', ...(labelled ? ['labels'] : [])];
        const forEach = d.body.attrs.find((a) => a.name === 'for_each');
        const contents = d.body.blocks.filter((b) => b.type === 'content');
        for (const a of d.body.attrs)
            if (!known.includes(a.name))
                return bad(a.name === 'labels'
                    ? `labels are for blocks that have them, and ${name} has none`
                    : `unknown setting "${a.name}"`, a.pos, `a dynamic block has ${labelled ? 'labels, ' : ''}for_each, iterator and one content block`);
        for (const b of d.body.blocks)
            if (b.type !== 'content')
                return bad(`unknown block "${b.type}"`, b.pos, 'the blocks go inside content { … }');
        if (!forEach)
            return bad('for_each is missing', d.pos, 'for_each = the list or map to repeat over');
        if (contents.length !== 1)
            return bad(`it takes one content block, not ${contents.length}`, contents[1]?.pos ?? d.pos, 'content { … } holds the settings of each block');
        const itAttr = d.body.attrs.find((a) => a.name === 'iterator');
        const it = itAttr ? /^\$\{\s*([A-Za-z_]\w*)\s*\}$/.exec(String(itAttr.value))?.[1] : name;
        // A build's iterators become each.key and each.value, so Packer's default names (with
        // their dashes: post-processor.value) are fine there; nested ones name a for variable.
        if (!it || !(labelled ? /^[A-Za-z_][\w-]*$/ : /^[A-Za-z_]\w*$/).test(it))
            return bad(itAttr
                ? 'iterator is a name, such as iterator = disk'
                : `"${name}" cannot name the iterator`, itAttr?.pos ?? d.pos, 'set iterator = a name, and write NAME.key and NAME.value in content');
        if (!labelled)
            return { forEach, it, content: contents[0] };
        const labelsAttr = d.body.attrs.find((a) => a.name === 'labels');
        const labels = labelsAttr?.value;
        if (!Array.isArray(labels) ||
            labels.length !== 1 ||
            typeof labels[0] !== 'string' ||
            labels[0].includes('${'))
            return bad(labelsAttr
                ? 'labels must be one name written out'
                : `labels is missing: it names the ${name === 'source' ? 'source' : `${name} type`}`, labelsAttr?.pos ?? d.pos, name === 'source'
                ? 'labels = ["source.TYPE.NAME"]'
                : `labels = ["shell"], the ${name} type`);
        return { forEach, it, content: contents[0], labels: labels };
    }
    /** One dynamic block as a `for` expression; undefined (with a problem) when it is malformed. */
    dynamicExpr(d, path, schema) {
        const parts = this.dynamicParts(d, path, false);
        if (!parts)
            return undefined;
        // Each element as HCL gives it to content: NAME.key (index or map key) and NAME.value.
        return `[for ${parts.it} in [for bake_k, bake_v in ${exprOf(parts.forEach.value)} : {key = bake_k, value = bake_v}] : ${this.bodyExpr(parts.content.body, path, schema)}]`;
    }
    /**
     * A build's `dynamic "provisioner"` or `dynamic "post-processor"`: the step once, with
     * bake's for_each, which runs it once per element; the iterator's NAME.key and NAME.value
     * are each.key and each.value.
     */
    dynamicStep(d, path, kind) {
        const parts = this.dynamicParts(d, path, true);
        if (!parts)
            return undefined;
        const type = parts.labels[0];
        const step = this.step({ ...parts.content, type: kind, labels: [type], pos: d.pos }, path, kind);
        const out = { ...eachOf(step, parts.it), for_each: parts.forEach.value };
        this.place((0,load/* joinPath */.uJ)(path, 'for_each'), parts.forEach.pos, parts.forEach.valuePos, out.for_each);
        return out;
    }
    /**
     * A build's `dynamic "source"`: one more source, the named one with content's settings over
     * it, and bake's for_each, which makes one instance per element, named by content's `name`.
     */
    dynamicSource(d, buildPath) {
        const parts = this.dynamicParts(d, buildPath, true);
        if (!parts)
            return undefined;
        const ref = parts.labels[0];
        const base = this.sourceRef(ref);
        const nameAttr = parts.content.body.attrs.find((a) => a.name === 'name');
        const sources = this.section('sources');
        let key = `${base}-each`;
        for (let i = 2; key in sources; i++)
            key = `${base}-each-${i}`;
        const made = this.namedInstance({
            ...parts.content,
            pos: d.pos,
            body: {
                attrs: [
                    ...parts.content.body.attrs.filter((a) => a.name !== 'name'),
                    { ...parts.forEach, name: 'name', value: key },
                ],
                blocks: parts.content.body.blocks,
            },
        }, base, ref);
        if (!made)
            return undefined;
        const path = (0,load/* joinPath */.uJ)('sources', made);
        const { type, ...settings } = eachOf(sources[made], parts.it);
        const name = nameAttr ? eachOf({ v: nameAttr.value }, parts.it).v : `${base}-\${each.key}`;
        // for_each and name first: they say what the settings below are repeated for.
        sources[made] = { type, for_each: parts.forEach.value, name, ...settings };
        const forEach = (0,load/* joinPath */.uJ)(path, 'for_each');
        this.place(forEach, parts.forEach.pos, parts.forEach.valuePos, parts.forEach.value);
        if (nameAttr)
            this.place((0,load/* joinPath */.uJ)(path, 'name'), nameAttr.pos, nameAttr.valuePos, name);
        else
            this.place((0,load/* joinPath */.uJ)(path, 'name'), parts.forEach.pos, parts.forEach.valuePos, name);
        return made;
    }
    /** A block's body as an object expression (nested blocks as objects, or lists of them). */
    bodyExpr(body, path, schema) {
        const entries = body.attrs.map((a) => `${JSON.stringify(a.name)} = ${exprOf(a.value)}`);
        const holder = {};
        const dynamic = this.dynamicBlocks(body.blocks, holder, path, schema);
        for (const [k, v] of Object.entries(holder))
            entries.push(`${JSON.stringify(k)} = ${exprOf(v)}`);
        const types = [...new Set(body.blocks.map((b) => b.type))].filter((t) => !dynamic.has(t));
        for (const t of types) {
            const field = schema?.kind === 'object' ? schema.fields[t]?.schema : undefined;
            const list = body.blocks.filter((b) => b.type === t);
            const elem = field?.kind === 'list' ? field.of : field;
            const items = list.map((b) => this.bodyExpr(b.body, path, elem));
            entries.push(`${JSON.stringify(t)} = ${field?.kind === 'list' || list.length > 1 ? `[${items.join(', ')}]` : items[0]}`);
        }
        return `{${entries.join(', ')}}`;
    }
    blockInto(b, into, path, schema) {
        for (const a of b.body.attrs) {
            into[a.name] = this.goTemplates(a.value, a, path);
            this.place((0,load/* joinPath */.uJ)(path, a.name), a.pos, a.valuePos, into[a.name]);
        }
        const dynamic = this.dynamicBlocks(b.body.blocks, into, path, schema);
        for (const inner of b.body.blocks) {
            if (dynamic.has(inner.type))
                continue;
            const field = schema?.kind === 'object' ? schema.fields[inner.type]?.schema : undefined;
            const obj = {};
            if (field?.kind === 'list') {
                const list = (into[inner.type] ??= []);
                const p = (0,load/* joinPath */.uJ)((0,load/* joinPath */.uJ)(path, inner.type), list.length);
                this.positions.set(p, inner.pos);
                this.blockInto(inner, obj, p, field.of);
                list.push(obj);
            }
            else {
                const p = (0,load/* joinPath */.uJ)(path, inner.type);
                this.keyPositions.set(p, inner.pos);
                this.positions.set(p, inner.pos);
                this.blockInto(inner, obj, p, field);
                into[inner.type] = obj;
            }
        }
    }
    /** `source.docker.app`, `docker.app` or `app` → the bake source name. */
    sourceRef(ref) {
        const parts = ref.replace(/^source\./, '').split('.');
        const name = parts[parts.length - 1];
        if (parts.length === 2 && this.sourceTypes.get(name) !== parts[0])
            return undefined;
        return this.sourceTypes.has(name) ? name : undefined;
    }
    build(b) {
        const nameAttr = b.body.attrs.find((a) => a.name === 'name');
        const name = typeof nameAttr?.value === 'string'
            ? nameAttr.value
            : this.unnamed++ === 0
                ? 'build'
                : `build-${this.unnamed}`;
        const path = (0,load/* joinPath */.uJ)('builds', name);
        if (name in this.section('builds')) {
            this.todo('builds', {
                message: `a build named "${name}" is already defined`,
                pos: nameAttr?.pos ?? b.pos,
                hint: 'give each build block its own name = "…"',
            });
            return;
        }
        this.keyPositions.set(path, b.pos);
        this.positions.set(path, b.pos);
        const build = {};
        const sources = [];
        const sp = (0,load/* joinPath */.uJ)(path, 'sources');
        for (const a of b.body.attrs) {
            if (a.name === 'name')
                continue;
            if (a.name === 'description') {
                build.description = a.value;
                this.place((0,load/* joinPath */.uJ)(path, 'description'), a.pos, a.valuePos, a.value);
                continue;
            }
            if (a.name === 'sources') {
                this.keyPositions.set(sp, a.pos);
                this.positions.set(sp, a.valuePos);
                for (const ref of Array.isArray(a.value) ? a.value : [a.value]) {
                    const n = this.sourceRef(String(ref));
                    this.positions.set((0,load/* joinPath */.uJ)(sp, sources.length), a.valuePos);
                    // An unknown reference stays as written, so the check names it with the sources there are.
                    sources.push(n ?? String(ref).replace(/^source\./, ''));
                }
                continue;
            }
            this.todo(path, {
                message: `unknown setting "${a.name}" in a build block`,
                pos: a.pos,
                hint: 'a build has name, description and sources',
            });
        }
        const provisioners = [];
        const chains = [];
        for (const inner of b.body.blocks) {
            switch (inner.type) {
                case 'source': {
                    const ref = inner.labels[0] ?? '';
                    const n = this.sourceRef(ref);
                    if (inner.body.attrs.length || inner.body.blocks.length) {
                        const made = this.namedInstance(inner, n, ref);
                        if (made) {
                            this.positions.set((0,load/* joinPath */.uJ)(sp, sources.length), inner.pos);
                            sources.push(made);
                        }
                        continue;
                    }
                    this.positions.set((0,load/* joinPath */.uJ)(sp, sources.length), inner.pos);
                    sources.push(n ?? ref.replace(/^source\./, ''));
                    break;
                }
                case 'provisioner': {
                    const p = (0,load/* joinPath */.uJ)((0,load/* joinPath */.uJ)(path, 'provisioners'), provisioners.length);
                    provisioners.push(this.step(inner, p, 'provisioner'));
                    break;
                }
                case 'error-cleanup-provisioner': {
                    const p = (0,load/* joinPath */.uJ)(path, 'error-cleanup-provisioner');
                    build['error-cleanup-provisioner'] = this.step(inner, p, 'provisioner');
                    break;
                }
                case 'post-processor': {
                    const p = (0,load/* joinPath */.uJ)((0,load/* joinPath */.uJ)(path, 'post-processors'), chains.length);
                    chains.push(this.step(inner, p, 'post-processor'));
                    break;
                }
                case 'post-processors': {
                    const cp = (0,load/* joinPath */.uJ)((0,load/* joinPath */.uJ)(path, 'post-processors'), chains.length);
                    this.positions.set(cp, inner.pos);
                    const chain = [];
                    for (const pp of inner.body.blocks) {
                        if (pp.type === 'dynamic' && pp.labels[0] === 'post-processor') {
                            const step = this.dynamicStep(pp, (0,load/* joinPath */.uJ)(cp, chain.length), 'post-processor');
                            if (step)
                                chain.push(step);
                            continue;
                        }
                        if (pp.type !== 'post-processor') {
                            this.todo(path, {
                                message: `a post-processors block holds post-processor blocks, not "${pp.type}"`,
                                pos: pp.pos,
                            });
                            continue;
                        }
                        chain.push(this.step(pp, (0,load/* joinPath */.uJ)(cp, chain.length), 'post-processor'));
                    }
                    chains.push(chain);
                    break;
                }
                case 'dynamic': {
                    const what = inner.labels[0] ?? '';
                    if (what === 'source') {
                        const made = this.dynamicSource(inner, path);
                        if (made) {
                            this.positions.set((0,load/* joinPath */.uJ)(sp, sources.length), inner.pos);
                            sources.push(made);
                        }
                    }
                    else if (what === 'provisioner') {
                        const p = (0,load/* joinPath */.uJ)((0,load/* joinPath */.uJ)(path, 'provisioners'), provisioners.length);
                        const step = this.dynamicStep(inner, p, 'provisioner');
                        if (step)
                            provisioners.push(step);
                    }
                    else if (what === 'post-processor') {
                        const p = (0,load/* joinPath */.uJ)((0,load/* joinPath */.uJ)(path, 'post-processors'), chains.length);
                        const step = this.dynamicStep(inner, p, 'post-processor');
                        if (step)
                            chains.push(step);
                    }
                    else
                        this.todo(path, {
                            message: `dynamic "${what}" in a build block: ${what === 'error-cleanup-provisioner' ? 'a build has one error-cleanup-provisioner, and a dynamic block makes several' : what === 'post-processors' ? 'bake has no dynamic chains' : `a build has no "${what}" blocks`}`,
                            pos: inner.pos,
                            hint: what === 'post-processors'
                                ? 'write the chain out, with a dynamic "post-processor" inside it'
                                : 'dynamic blocks in a build make sources, provisioners and post-processors',
                        });
                    break;
                }
                case 'hcp_packer_registry':
                    this.todo(path, {
                        message: 'hcp_packer_registry is not supported by bake',
                        pos: inner.pos,
                        hint: "remove it; bake reports artifacts in its outputs and the manifest post-processor's file",
                    });
                    break;
                default:
                    this.todo(path, {
                        message: `unknown block "${inner.type}" in a build block`,
                        pos: inner.pos,
                        hint: 'a build holds source, provisioner, error-cleanup-provisioner, post-processor and post-processors blocks',
                    });
            }
        }
        build.sources = sources;
        if (provisioners.length)
            build.provisioners = provisioners;
        if (chains.length)
            build['post-processors'] = chains;
        this.section('builds')[name] = build;
    }
    /**
     * `source "source.docker.base" { name = "one" … }` in a build: one more instance of a
     * source, under its own name, with the settings given there over the source's. In bake it
     * is a source of its own.
     */
    namedInstance(b, base, ref) {
        if (base === undefined) {
            this.todo('builds', {
                message: `source "${ref}" is not defined`,
                pos: b.pos,
                hint: `defined sources: ${[...this.sourceTypes].map(([n, t]) => `source.${t}.${n}`).join(', ') || 'none'}`,
            });
            return undefined;
        }
        const nameAttr = b.body.attrs.find((a) => a.name === 'name');
        const name = typeof nameAttr?.value === 'string' ? nameAttr.value : base;
        const type = this.sourceTypes.get(base);
        const sources = this.section('sources');
        if (name !== base && name in sources) {
            this.todo('builds', {
                message: `source "${ref}" is named "${name}", which another source already is`,
                pos: nameAttr?.pos ?? b.pos,
                hint: 'bake names sources by name alone; give this instance a name of its own',
            });
            return undefined;
        }
        const path = (0,load/* joinPath */.uJ)('sources', name);
        const config = structuredClone(sources[base]);
        // The base source's positions hold for what is not given here.
        const basePath = (0,load/* joinPath */.uJ)('sources', base);
        if (name !== base)
            for (const map of [this.positions, this.keyPositions])
                for (const [k, v] of [...map])
                    if (k === basePath || k.startsWith(basePath + '.') || k.startsWith(basePath + '['))
                        map.set(path + k.slice(basePath.length), v);
        this.keyPositions.set(path, b.pos);
        const body = { attrs: b.body.attrs.filter((a) => a.name !== 'name'), blocks: b.body.blocks };
        this.pluginBody(body, config, path, 'builder', type);
        sources[name] = config;
        if (name !== base)
            this.sourceTypes.set(name, type);
        else if (body.attrs.length || body.blocks.length)
            this.changedInPlace.set(base, b.pos);
        return name;
    }
    step(b, path, kind) {
        const type = b.labels[0] ?? '';
        this.positions.set(path, b.pos);
        this.positions.set((0,load/* joinPath */.uJ)(path, 'type'), b.pos);
        const out = { type };
        this.pluginBody(b.body, out, path, kind, type);
        // Packer's only/except/override name sources as TYPE.NAME; bake's override keys are names.
        const ov = out.override;
        if (ov && typeof ov === 'object' && !Array.isArray(ov)) {
            const renamed = {};
            for (const [k, v] of Object.entries(ov)) {
                const n = this.sourceRef(k) ?? k;
                renamed[n] = v;
                const from = this.positions.get((0,load/* joinPath */.uJ)((0,load/* joinPath */.uJ)(path, 'override'), k));
                if (from)
                    this.place((0,load/* joinPath */.uJ)((0,load/* joinPath */.uJ)(path, 'override'), n), from, from, v);
            }
            out.override = renamed;
        }
        return out;
    }
}
/** A dynamic block's content with its iterator's NAME.key and NAME.value as bake's each. */
function eachOf(v, it) {
    const re = new RegExp(`(?<![\\w.-])${it}\\.(key|value)(?![\\w-])`, 'g');
    return (0,deep/* mapStrings */.t)(v, (x) => inInterpolations(x, (e) => e.replace(re, 'each.$1')));
}
/**
 * A string with `f` applied to the expressions inside its `${…}` only: the text around
 * them, and `$${` escapes, are left as they are.
 */
function inInterpolations(x, f) {
    let out = '';
    let i = 0;
    while (i < x.length) {
        if (x.startsWith('$${', i)) {
            out += '$${';
            i += 3;
        }
        else if (x.startsWith('${', i)) {
            const end = (0,hcl_template/* closingBrace */.HY)(x, i + 1);
            const stop = end < 0 ? x.length : end;
            out += '${' + f(x.slice(i + 2, stop)) + (end < 0 ? '' : '}');
            i = stop + 1;
        }
        else
            out += x[i++];
    }
    return out;
}
/** A value from the parser as expression text: strings keep their interpolations. */
function exprOf(v) {
    if (typeof v === 'string') {
        const m = /^\$\{([\s\S]*)\}$/.exec(v);
        if (m && !m[1].includes('${'))
            return `(${m[1]})`;
        return (0,hcl_template/* quotedTemplate */.zU)(v);
    }
    if (Array.isArray(v))
        return `[${v.map(exprOf).join(', ')}]`;
    if (v && typeof v === 'object')
        return `{${Object.entries(v)
            .map(([k, x]) => `${JSON.stringify(k)} = ${exprOf(x)}`)
            .join(', ')}}`;
    return JSON.stringify(v ?? null);
}
/** A type constraint as HCL writes it (`list(string)`), in bake's spelling. */
function typeText(text) {
    const t = text.replace(/\s+/g, '');
    if (/^(object|tuple)\(/.test(t))
        return t.startsWith('object') ? 'object' : 'list(any)';
    return t.replace(/(object|tuple)\([^)]*\)/g, 'any');
}
function mapTemplate(files, registry) {
    const m = new Mapper(registry);
    for (const f of files)
        m.addData(f);
    for (const f of files)
        m.addSources(f);
    for (const f of files)
        m.addFile(f);
    return m.result();
}
/** A file's name as seen from another file's folder: its base name when they share one. */
function relativeTo(file, from) {
    return (0,external_node_path_.dirname)(file) === (0,external_node_path_.dirname)(from) ? (0,external_node_path_.basename)(file) : file;
}

;// CONCATENATED MODULE: ./src/packer/legacy.ts
/**
 * Legacy JSON templates (`builders`, `provisioners`, `post-processors`, `variables`) as a
 * bake spec: every builder a source of one build named after the template, and every
 * `{{ … }}` turned into the `${ … }` expression that means the same.
 */




/** Packer's spellings of a plugin's settings in bake's. */
function renamed(cfg, type, problem) {
    // `type` first, as a person writes it.
    const out = 'type' in cfg ? { type: cfg.type } : {};
    for (const [k, v] of Object.entries(cfg)) {
        // Packer reads "" and null as a setting left unset.
        if (v === '' || v === null)
            continue;
        if (k === 'communicator') {
            const why = problem ? communicatorProblem(type, v) : undefined;
            if (why)
                problem(why, k);
            if (why || type !== 'null')
                continue;
        }
        const r = RENAMES[type]?.[k];
        const [nk, nv] = r ? r(v) : [k, v];
        out[nk] = nv;
    }
    return out;
}
const TOP_KEYS = [
    'variables',
    'sensitive-variables',
    'builders',
    'provisioners',
    'post-processors',
    'description',
    'min_packer_version',
    '_comment',
];
function mapLegacyJson(file, text, _registry) {
    let loaded;
    try {
        loaded = (0,load/* parseYaml */.hN)(text, file);
    }
    catch (e) {
        // Read with the YAML parser (for positions), it is still JSON to the person who wrote it.
        if (!(e instanceof errors/* SpecError */.G8))
            throw e;
        throw new errors/* SpecError */.G8(e.problems.map((p) => ({
            ...p,
            message: p.message.replace(/^invalid YAML/, 'invalid JSON'),
            hint: 'check the commas, quotes and brackets at this place',
        })));
    }
    const src = loaded.positions;
    const positions = new Map();
    const keyPositions = new Map();
    const todos = [];
    const at = (p) => src.get(p) ?? loaded.keyPositions.get(p) ?? { file, line: 1, col: 1 };
    const top = (loaded.value ?? {});
    const value = { sources: {}, builds: {} };
    /** Copies positions of a JSON subtree to where it lands in the spec. */
    const move = (from, to) => {
        for (const [map, out] of [
            [src, positions],
            [loaded.keyPositions, keyPositions],
        ])
            for (const [k, v] of map) {
                if (k === from || k.startsWith(from + '.') || k.startsWith(from + '['))
                    out.set(to + k.slice(from.length), v);
            }
    };
    /** Every string translated; what has no translation is a to-do at its value. */
    const tr = (v, path, anchor, inVariables = false) => {
        if (typeof v === 'string') {
            const r = (0,go_template/* translateString */.gd)(v, { inVariables });
            for (const e of r.errors)
                todos.push({
                    message: `${e.text}: ${e.error}`,
                    pos: at(path),
                    anchor,
                    hint: 'write the value out, or compute it with an expression ${…}',
                });
            return r.value;
        }
        if (Array.isArray(v))
            return v.map((x, i) => tr(x, (0,load/* joinPath */.uJ)(path, i), anchor, inVariables));
        if (v && typeof v === 'object')
            return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, tr(x, (0,load/* joinPath */.uJ)(path, k), anchor, inVariables)]));
        return v;
    };
    for (const k of Object.keys(top))
        if (!TOP_KEYS.includes(k))
            todos.push({
                message: `unknown top-level key "${k}" in a JSON template`,
                pos: loaded.keyPositions.get((0,load/* joinPath */.uJ)('', k)) ?? at(k),
                anchor: '',
                hint: `a JSON template has: ${TOP_KEYS.join(', ')}`,
            });
    const sensitive = new Set(Array.isArray(top['sensitive-variables']) ? top['sensitive-variables'].map(String) : []);
    const vars = top.variables;
    if (vars && typeof vars === 'object' && !Array.isArray(vars)) {
        value.variables = {};
        for (const [name, dflt] of Object.entries(vars)) {
            const from = (0,load/* joinPath */.uJ)('variables', name);
            const to = (0,load/* joinPath */.uJ)('variables', name);
            // Packer reads a JSON template's variables as strings, and a null from a var file as
            // "" (which leaves the settings it fills unset).
            const decl = { type: 'string', nullable: true };
            keyPositions.set(to, loaded.keyPositions.get(from) ?? at(from));
            positions.set(to, at(from));
            if (dflt !== null) {
                decl.default = tr(dflt, from, to, true);
                positions.set((0,load/* joinPath */.uJ)(to, 'default'), at(from));
            }
            if (sensitive.has(name))
                decl.sensitive = true;
            value.variables[name] = decl;
        }
    }
    const builders = Array.isArray(top.builders) ? top.builders : [];
    const names = [];
    const byJsonName = new Map();
    builders.forEach((b, i) => {
        const from = (0,load/* joinPath */.uJ)('builders', i);
        if (!b || typeof b !== 'object' || Array.isArray(b)) {
            todos.push({
                message: 'a builder is an object with a "type"',
                pos: at(from),
                anchor: 'sources',
            });
            return;
        }
        const cfg = { ...b };
        const type = String(cfg.type ?? '');
        const name = String(cfg.name ?? type).replace(/[^A-Za-z0-9_-]/g, '-');
        delete cfg.name;
        const to = (0,load/* joinPath */.uJ)('sources', name);
        move(from, to);
        keyPositions.set(to, at(from));
        if (name in value.sources) {
            todos.push({
                message: `two builders are named "${name}"`,
                pos: at(from),
                anchor: 'sources',
                hint: 'give each builder its own "name"',
            });
            return;
        }
        value.sources[name] = renamed(tr(cfg, from, to), type, (m, k) => todos.push({ message: m, pos: at((0,load/* joinPath */.uJ)(from, k)), anchor: to, hint: `remove ${k}` }));
        names.push(name);
        byJsonName.set(String(b.name ?? type), name);
    });
    const build = { sources: names };
    const bp = 'builds.build';
    positions.set(bp, at('builders'));
    keyPositions.set(bp, loaded.keyPositions.get('builders') ?? at('builders'));
    names.forEach((_, i) => positions.set((0,load/* joinPath */.uJ)((0,load/* joinPath */.uJ)(bp, 'sources'), i), at((0,load/* joinPath */.uJ)('builders', i))));
    const step = (raw, from, to) => {
        if (typeof raw === 'string')
            return { type: raw };
        if (!raw || typeof raw !== 'object' || Array.isArray(raw))
            return raw;
        move(from, to);
        const out = renamed(tr(raw, from, to), String(raw.type));
        const ov = out.override;
        if (ov && typeof ov === 'object' && !Array.isArray(ov))
            out.override = Object.fromEntries(Object.entries(ov).map(([k, v]) => {
                const n = byJsonName.get(k) ?? k;
                move((0,load/* joinPath */.uJ)((0,load/* joinPath */.uJ)(from, 'override'), k), (0,load/* joinPath */.uJ)((0,load/* joinPath */.uJ)(to, 'override'), n));
                return [n, v];
            }));
        for (const key of ['only', 'except'])
            if (Array.isArray(out[key]))
                out[key] = out[key].map((x) => byJsonName.get(String(x)) ?? x);
        return out;
    };
    const provs = Array.isArray(top.provisioners) ? top.provisioners : [];
    if (provs.length)
        build.provisioners = provs.map((p, i) => step(p, (0,load/* joinPath */.uJ)('provisioners', i), (0,load/* joinPath */.uJ)((0,load/* joinPath */.uJ)(bp, 'provisioners'), i)));
    const pps = Array.isArray(top['post-processors']) ? top['post-processors'] : [];
    if (pps.length)
        build['post-processors'] = pps.map((p, i) => {
            const from = (0,load/* joinPath */.uJ)('post-processors', i);
            const to = (0,load/* joinPath */.uJ)((0,load/* joinPath */.uJ)(bp, 'post-processors'), i);
            return Array.isArray(p)
                ? p.map((x, j) => step(x, (0,load/* joinPath */.uJ)(from, j), (0,load/* joinPath */.uJ)(to, j)))
                : step(p, from, to);
        });
    if (typeof top.description === 'string')
        build.description = top.description;
    value.builds.build = build;
    positions.set('', at(''));
    return { value, positions, keyPositions, todos };
}

;// CONCATENATED MODULE: ./src/packer/open.ts
/**
 * Packer templates as bake specs: a `.pkr.hcl` file, a directory of them (read together, as
 * Packer does), or a legacy `.json` template; and Packer's var files.
 */









/** Whether a path names a Packer template (and which kind), by its name or contents. */
function packerKind(path) {
    // .pkr.json is HCL in JSON syntax (not a legacy template): refused when it is loaded.
    if (/\.pkr\.(hcl|json)$/.test(path))
        return 'hcl';
    let st;
    try {
        st = (0,external_node_fs_.statSync)(path);
    }
    catch {
        return undefined;
    }
    if (st.isDirectory())
        return (0,external_node_fs_.readdirSync)(path).some((f) => /\.pkr\.(hcl|json)$/.test(f)) ? 'hcl' : undefined;
    if (/\.json$/.test(path) && st.size < load/* MAX_SPEC_BYTES */.p) {
        const text = (0,external_node_fs_.readFileSync)(path, 'utf8');
        try {
            const v = JSON.parse(text);
            if (v && typeof v === 'object' && 'builders' in v)
                return 'json';
        }
        catch {
            // A template with a slip in its JSON (a trailing comma) is still a template: its
            // loader says where the slip is, where a spec's checks would call it no spec at all.
            if (/^\s*\{[\s\S]*"builders"\s*:/.test(text))
                return 'json';
        }
    }
    return undefined;
}
function readText(file) {
    const st = (0,external_node_fs_.statSync)(file);
    if (st.size > load/* MAX_SPEC_BYTES */.p)
        throw new errors/* SpecError */.G8({
            message: `${file} is ${(st.size / 1048576).toFixed(1)} MiB; a template may be at most ${load/* MAX_SPEC_BYTES */.p / 1048576} MiB`,
            pos: { file, line: 1, col: 1 },
        });
    return (0,external_node_fs_.readFileSync)(file, 'utf8').replace(/^\uFEFF/, '');
}
/** Reads a Packer template into the value and positions of the equivalent bake spec. */
async function loadPackerTemplate(path, registry) {
    const kind = packerKind(path);
    if (!(0,external_node_fs_.existsSync)(path))
        throw new errors/* SpecError */.G8({
            message: `template ${path} does not exist`,
            hint: 'check the path; it is relative to the working directory',
        });
    const isDir = (0,external_node_fs_.statSync)(path).isDirectory();
    const dir = isDir ? path : (0,external_node_path_.dirname)(path);
    let mapped;
    if (kind === 'json') {
        mapped = mapLegacyJson(path, readText(path), registry);
    }
    else {
        const files = isDir
            ? (0,external_node_fs_.readdirSync)(path)
                .filter((f) => /\.pkr\.(hcl|json)$/.test(f))
                .sort()
                .map((f) => (0,external_node_path_.join)(path, f))
            : [path];
        const problems = files
            .filter((f) => f.endsWith('.pkr.json'))
            .map((f) => ({
            message: `${(0,external_node_path_.basename)(f)} is HCL in JSON syntax, which bake does not read`,
            pos: { file: f, line: 1, col: 1 },
            hint: `write it as ${(0,external_node_path_.basename)(f).replace(/json$/, 'hcl')}, the same blocks in HCL's own syntax (a legacy template with "builders" is a plain .json)`,
        }));
        if (problems.length)
            throw new errors/* SpecError */.G8(problems);
        const bodies = [];
        for (const f of files) {
            try {
                bodies.push(await readHcl(f, readText(f)));
            }
            catch (e) {
                if (e instanceof errors/* SpecError */.G8)
                    problems.push(...e.problems);
                else
                    throw e;
            }
        }
        if (problems.length)
            throw new errors/* SpecError */.G8(problems);
        mapped = mapTemplate(bodies, registry);
    }
    const auto = (0,external_node_fs_.existsSync)(dir)
        ? (0,external_node_fs_.readdirSync)(dir)
            .filter((f) => /\.auto\.pkrvars\.(hcl|json)$/.test(f))
            .sort()
            .map((f) => (0,external_node_path_.join)(dir, f))
        : [];
    const first = { file: isDir ? path : path, line: 1, col: 1 };
    mapped.positions.set('', mapped.positions.get('') ?? first);
    return {
        file: path,
        value: mapped.value,
        positions: mapped.positions,
        keyPositions: mapped.keyPositions,
        dir,
        autoVarFiles: auto,
        todos: mapped.todos,
        notes: mapped.todos.filter((t) => t.note).map(({ anchor: _anchor, note: _note, ...p }) => p),
        packer: true,
    };
}
/** Packer's var files: `NAME = value` lines in HCL, or JSON; each value with its position. */
function loadVarFile(file) {
    if (!/\.hcl$/.test(file))
        return (0,load/* loadYamlFile */.Y3)(file, 'var');
    if (!(0,external_node_fs_.existsSync)(file))
        throw new errors/* SpecError */.G8({
            message: `var file ${file} does not exist`,
            hint: 'check the path; it is relative to the working directory',
        });
    const text = readText(file);
    const index = indexHcl(text, file);
    const out = { file, value: {}, positions: new Map(), keyPositions: new Map() };
    const value = out.value;
    const problems = [];
    for (const b of index.blocks)
        problems.push({
            message: `a var file sets variables (NAME = value); "${b.type}" blocks belong in the template`,
            pos: b.pos,
            hint: `move it into a .pkr.hcl file beside ${(0,external_node_path_.basename)(file)}`,
        });
    for (const a of index.attrs) {
        try {
            value[a.name] = parseHclLiteral(a.text);
            out.positions.set(a.name, a.valuePos);
            out.keyPositions.set(a.name, a.pos);
        }
        catch (e) {
            if (!(e instanceof LiteralError))
                throw e;
            const before = a.text.slice(0, e.offset);
            const lines = before.split('\n');
            problems.push({
                message: `${a.name}: ${e.message}`,
                pos: {
                    file,
                    line: a.valuePos.line + lines.length - 1,
                    col: lines.length > 1 ? lines[lines.length - 1].length + 1 : a.valuePos.col + e.offset,
                },
            });
        }
    }
    if (problems.length)
        throw new errors/* SpecError */.G8(problems);
    return out;
}


/***/ }),

/***/ 71191:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JJ: () => (/* binding */ CLOUDS),
/* harmony export */   r9: () => (/* binding */ azureArmSchema),
/* harmony export */   rA: () => (/* binding */ refineAzureArm)
/* harmony export */ });
/* harmony import */ var _spec_schema__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(47280);
/* harmony import */ var _communicators_ssh_schema__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(59060);
/**
 * azure-arm settings, with Packer's names. Loaded by `bake validate`, so nothing here may
 * import the Azure SDK.
 */


const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VERSION = /^\d+\.\d+\.\d+$/;
/** Packer's names for the clouds, and the short ones. */
const CLOUDS = {
    Public: 'Public',
    AzurePublicCloud: 'Public',
    China: 'China',
    AzureChinaCloud: 'China',
    USGovernment: 'USGovernment',
    AzureUSGovernmentCloud: 'USGovernment',
};
const STORAGE_TYPES = ['Standard_LRS', 'Standard_ZRS', 'Premium_LRS'];
const gallerySource = _spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.object({
    subscription: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'subscription of the gallery (default: subscription_id)', undefined, '00000000-0000-0000-0000-000000000000'),
    resource_group: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .req */ .DQ)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'resource group of the gallery', 'images-rg'),
    gallery_name: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .req */ .DQ)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'name of the Azure Compute Gallery', 'golden_images'),
    image_name: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .req */ .DQ)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'the image definition to start from', 'debian-12'),
    image_version: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'the version to start from: N.N.N, or latest (the newest)', 'latest', '1.0.42'),
});
const galleryDestination = _spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.object({
    subscription: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'subscription of the gallery (default: subscription_id)', undefined, '00000000-0000-0000-0000-000000000000'),
    resource_group: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .req */ .DQ)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'resource group of the gallery', 'images-rg'),
    gallery_name: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .req */ .DQ)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'name of the Azure Compute Gallery (letters, digits, . and _)', 'golden_images'),
    image_name: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .req */ .DQ)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'the image definition (it must exist)', 'debian-12'),
    image_version: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .req */ .DQ)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'the new version: N.N.N, not yet taken', '1.0.42'),
    target_region: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.list(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.object({
        name: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .req */ .DQ)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'region to replicate to', 'westeurope'),
        replicas: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.int(1, 100), 'number of replicas in that region', 1),
        storage_account_type: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.enum(STORAGE_TYPES), "storage of the replicas in that region (default: the version's storage_account_type)"),
    })), 'regions to replicate to (default: location only)', undefined, [{ name: 'westeurope' }, { name: 'northeurope', replicas: 2 }]),
    storage_account_type: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.enum(STORAGE_TYPES), 'storage of the replicas', 'Standard_LRS'),
    specialized: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.bool(), 'the image definition is Specialized: no generalize', false),
    exclude_from_latest: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.bool(), 'keep this version from being picked as "latest" of the definition', false),
    end_of_life_date: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'when the version reaches end of life (RFC 3339 time)', undefined, '2027-06-01T00:00:00Z'),
});
const VHD = 'bake makes managed images and gallery versions, not VHDs in a storage account; use managed_image_name';
const TRUSTED_LAUNCH = 'the VM is created without trusted launch';
const SNAPSHOTS = 'bake makes no disk snapshots; make them from the image after the build';
const { ssh_host: _host, ...ssh } = _communicators_ssh_schema__WEBPACK_IMPORTED_MODULE_1__/* .sshFields */ .Oy;
void _host;
const azureArmSchema = _spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.object({
    // Credentials
    subscription_id: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'subscription to build in (default: AZURE_SUBSCRIPTION_ID)'),
    tenant_id: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'Microsoft Entra tenant (default: AZURE_TENANT_ID)'),
    client_id: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'app registration or managed identity (default: AZURE_CLIENT_ID)'),
    client_secret: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'use a sensitive variable (default: AZURE_CLIENT_SECRET)'),
    client_cert_path: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'PEM file with the certificate and its private key'),
    client_cert_password: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'password of client_cert_path, if it is encrypted; use a sensitive variable (default: AZURE_CLIENT_CERTIFICATE_PASSWORD)'),
    client_jwt: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'a signed client assertion (used as it is: it must outlive the build)'),
    oidc_request_url: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'GitHub OIDC (default: ACTIONS_ID_TOKEN_REQUEST_URL)'),
    oidc_request_token: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'default: ACTIONS_ID_TOKEN_REQUEST_TOKEN'),
    use_azure_cli_auth: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.bool(), "use the Azure CLI's login (after azure/login)", false),
    cloud_environment_name: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.enum(Object.keys(CLOUDS)), "the Azure cloud: Public, China or USGovernment (Packer's AzurePublicCloud, AzureChinaCloud and AzureUSGovernmentCloud too)", 'Public'),
    // Where
    location: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'region of the build VM, e.g. westeurope'),
    temp_resource_group_name: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'default: a generated bake-... name'),
    build_resource_group_name: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'an existing group to build in (nothing else is deleted)'),
    temp_compute_name: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'name of the build VM (default: generated)'),
    virtual_network_name: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'an existing virtual network'),
    virtual_network_subnet_name: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'subnet of virtual_network_name to put the VM in'),
    virtual_network_resource_group_name: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'resource group of virtual_network_name (default: build_resource_group_name)'),
    private_virtual_network_with_public_ip: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.bool(), 'with an existing network: give the VM a public IP', true),
    allowed_inbound_ip_addresses: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.list(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), { single: true }), "who may reach SSH (default: this runner's public IP /32)"),
    // The VM
    vm_size: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'size of the build VM', 'Standard_B2s', 'Standard_D2s_v5'),
    image_publisher: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'publisher of the marketplace source image', undefined, 'Debian'),
    image_offer: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'offer of the marketplace source image', undefined, 'debian-12'),
    image_sku: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'SKU of the marketplace source image', undefined, '12-gen2'),
    image_version: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'version of the marketplace source image', 'latest'),
    custom_managed_image_name: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'start from this managed image'),
    custom_managed_image_resource_group_name: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'resource group of custom_managed_image_name'),
    shared_image_gallery: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(gallerySource, 'start from a gallery image version'),
    os_disk_size_gb: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.int(1, 4095), 'size of the OS disk in GB (default: the size of the source image)', undefined, 64),
    custom_data: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'cloud-init data (plain text; bake encodes it)'),
    custom_data_file: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'file with the cloud-init data (instead of custom_data)'),
    azure_tags: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.map(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string()), 'tags of everything the build creates'),
    // The image
    managed_image_name: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'name of the managed image to make (with managed_image_resource_group_name)', undefined, 'golden-debian-12'),
    managed_image_resource_group_name: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'an existing resource group for the managed image'),
    managed_image_storage_account_type: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.enum(['Standard_LRS', 'Premium_LRS']), 'storage of the managed image', 'Standard_LRS'),
    shared_image_gallery_destination: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(galleryDestination, 'publish a gallery image version'),
    shared_image_gallery_timeout: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.duration(), 'how long replication may take', '60m'),
    force: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.bool(), 'replace a managed image or gallery version of the same name', false),
    async_resourcegroup_delete: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.bool(), 'only send the delete of the temporary group; the post step checks it finished', false),
    polling_duration_timeout: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.duration(), 'how long one Azure operation may take', '15m'),
    polling_interval: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.duration(), 'first wait between operation polls', '1s'),
    ...ssh,
    ..._communicators_ssh_schema__WEBPACK_IMPORTED_MODULE_1__/* .clearKeyField */ .fw,
    ssh_username: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'admin user of the VM', 'packer'),
    ssh_password: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .refused */ .J5)('the VM gets an SSH key (the temporary one, or the public half of ssh_private_key_file), never a password'),
    ssh_agent_auth: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .refused */ .J5)('the VM needs a public key bake can install; use ssh_private_key_file'),
    runs_on: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'runner label for this source in the reusable workflow'),
    // Packer settings with a value bake does anyway; the others are refused in refine.
    os_type: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'only Linux is supported (Windows needs WinRM)', 'Linux'),
    communicator: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.enum(['ssh', 'winrm', 'none']), 'only ssh is supported', 'ssh'),
    skip_create_image: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.bool(), 'only false: a build always makes an image', false),
    // Packer settings bake refuses.
    capture_container_name: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .refused */ .J5)(VHD),
    capture_name_prefix: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .refused */ .J5)(VHD),
    storage_account: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .refused */ .J5)(VHD),
    resource_group_name: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .refused */ .J5)('bake makes no VHDs; use managed_image_resource_group_name'),
    image_url: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .refused */ .J5)('a VHD cannot be a source; use image_publisher or custom_managed_image_name'),
    plan_info: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .refused */ .J5)('images with a marketplace plan cannot be a source'),
    spot: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .refused */ .J5)('the build VM is a regular (not Spot) VM'),
    disk_encryption_set_id: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .refused */ .J5)('the OS disk uses platform-managed keys'),
    build_key_vault_name: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .refused */ .J5)('key vaults are only needed for WinRM, which is not supported'),
    user_data: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .refused */ .J5)('use custom_data'),
    user_data_file: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .refused */ .J5)('use custom_data_file'),
    managed_image_os_disk_snapshot_name: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .refused */ .J5)(SNAPSHOTS),
    managed_image_data_disk_snapshot_prefix: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .refused */ .J5)(SNAPSHOTS),
    managed_image_zone_resilient: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .refused */ .J5)('the managed image is made without zone redundancy'),
    disk_additional_size: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .refused */ .J5)('the VM has only its OS disk; provision data onto it'),
    virtual_network_subnet_id: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .refused */ .J5)('use virtual_network_name and virtual_network_subnet_name'),
    shared_gallery_image_version_exclude_from_latest: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .refused */ .J5)('set exclude_from_latest inside shared_image_gallery_destination'),
    secure_boot_enabled: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .refused */ .J5)(TRUSTED_LAUNCH),
    vtpm_enabled: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .refused */ .J5)(TRUSTED_LAUNCH),
    security_type: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .refused */ .J5)(TRUSTED_LAUNCH),
});
const RESERVED_USERS = new Set([
    'administrator',
    'admin',
    'user',
    'user1',
    'test',
    'user2',
    'test1',
    'user3',
    'admin1',
    '1',
    '123',
    'a',
    'actuser',
    'adm',
    'admin2',
    'aspnet',
    'backup',
    'console',
    'david',
    'guest',
    'john',
    'owner',
    'root',
    'server',
    'sql',
    'support',
    'support_388945a0',
    'sys',
    'test2',
    'test3',
    'user4',
    'user5',
]);
/** Rules across fields, checked by validate with the spec's positions. */
function refineAzureArm(c, packer = false) {
    const out = [];
    const has = (k) => c[k] !== undefined;
    if (typeof c.os_type === 'string' && c.os_type.toLowerCase() !== 'linux')
        out.push(c.os_type.toLowerCase() === 'windows'
            ? { key: 'os_type', message: 'os_type is not supported: only Linux (Windows needs WinRM)' }
            : {
                key: 'os_type',
                message: `os_type "${c.os_type}" is not an OS type`,
                hint: 'os_type: Linux (the only one supported)',
            });
    if (has('communicator') && c.communicator !== 'ssh')
        out.push({
            key: 'communicator',
            message: `communicator ${String(c.communicator)} is not supported: only ssh`,
        });
    if (c.skip_create_image === true)
        out.push({
            key: 'skip_create_image',
            message: 'skip_create_image is not supported: a build always makes an image',
            hint: 'to try provisioners without a cloud, use the null or docker builder',
        });
    const sources = [
        has('image_publisher') || has('image_offer') || has('image_sku'),
        has('custom_managed_image_name'),
        has('shared_image_gallery'),
    ].filter(Boolean).length;
    if (sources !== 1)
        out.push({
            key: '',
            message: sources === 0
                ? 'no source image'
                : 'set only one source: image_publisher/image_offer/image_sku, custom_managed_image_name or shared_image_gallery',
            hint: 'e.g. image_publisher: Debian, image_offer: debian-12, image_sku: 12-gen2',
        });
    if (has('image_publisher') || has('image_offer') || has('image_sku'))
        for (const k of ['image_publisher', 'image_offer', 'image_sku'])
            if (!has(k))
                out.push({
                    key: '',
                    message: `${k} is missing: a marketplace source needs image_publisher, image_offer and image_sku`,
                });
    if (has('custom_managed_image_name') !== has('custom_managed_image_resource_group_name'))
        out.push({
            key: has('custom_managed_image_name')
                ? 'custom_managed_image_name'
                : 'custom_managed_image_resource_group_name',
            message: 'custom_managed_image_name and custom_managed_image_resource_group_name go together',
        });
    if (!has('managed_image_name') && !has('shared_image_gallery_destination'))
        out.push({
            key: '',
            message: 'no image to make',
            hint: 'set managed_image_name + managed_image_resource_group_name, and/or shared_image_gallery_destination',
        });
    if (has('managed_image_name') !== has('managed_image_resource_group_name'))
        out.push({
            key: has('managed_image_name') ? 'managed_image_name' : 'managed_image_resource_group_name',
            message: 'managed_image_name and managed_image_resource_group_name go together',
        });
    if (typeof c.managed_image_name === 'string' &&
        !/^[A-Za-z0-9][A-Za-z0-9._-]{0,78}[A-Za-z0-9_]$/.test(c.managed_image_name))
        out.push({
            key: 'managed_image_name',
            message: `managed_image_name "${c.managed_image_name}" is not a valid image name`,
            hint: '1 to 80 letters, digits, _ . -; starts with a letter or digit, ends with a letter, digit or _',
        });
    if (has('temp_resource_group_name') && has('build_resource_group_name'))
        out.push({
            key: 'temp_resource_group_name',
            message: 'set only one of temp_resource_group_name and build_resource_group_name',
        });
    if (!has('build_resource_group_name') && !has('location'))
        out.push({
            key: '',
            message: 'no location',
            hint: 'set location (e.g. westeurope), or build in an existing group with build_resource_group_name',
        });
    if (has('build_resource_group_name') && has('location'))
        out.push({
            key: 'location',
            message: 'location comes from build_resource_group_name; set only one of them',
        });
    if (has('virtual_network_name') !== has('virtual_network_subnet_name') &&
        has('virtual_network_name'))
        out.push({
            key: 'virtual_network_name',
            message: 'an existing network needs virtual_network_subnet_name too',
        });
    if (has('virtual_network_name') &&
        !has('virtual_network_resource_group_name') &&
        !has('build_resource_group_name'))
        out.push({
            key: 'virtual_network_name',
            message: 'an existing network needs its resource group',
            hint: 'set virtual_network_resource_group_name (or build in that group with build_resource_group_name)',
        });
    if (!has('virtual_network_name') &&
        (has('virtual_network_subnet_name') || has('virtual_network_resource_group_name')))
        out.push({
            key: has('virtual_network_subnet_name')
                ? 'virtual_network_subnet_name'
                : 'virtual_network_resource_group_name',
            message: 'set virtual_network_name with it',
        });
    // In a Packer template false is also the setting's zero value, which means nothing here.
    if (c.private_virtual_network_with_public_ip === false && !has('virtual_network_name') && !packer)
        out.push({
            key: 'private_virtual_network_with_public_ip',
            message: 'private_virtual_network_with_public_ip: false only applies with an existing virtual_network_name',
        });
    if (has('custom_data') && has('custom_data_file'))
        out.push({
            key: 'custom_data_file',
            message: 'set only one of custom_data and custom_data_file',
        });
    for (const k of ['subscription_id', 'tenant_id', 'client_id'])
        if (typeof c[k] === 'string' && !GUID.test(c[k]))
            out.push({
                key: k,
                message: `${k} "${c[k]}" is not a GUID`,
                hint: 'it looks like 00000000-0000-0000-0000-000000000000 (az account show)',
            });
    if (has('client_secret') && has('client_cert_path'))
        out.push({
            key: 'client_cert_path',
            message: 'set only one of client_secret and client_cert_path',
        });
    if (c.use_azure_cli_auth === true &&
        (has('client_secret') || has('client_cert_path') || has('client_jwt')))
        out.push({
            key: 'use_azure_cli_auth',
            message: 'use_azure_cli_auth takes no client_secret, client_cert_path or client_jwt',
        });
    if (typeof c.ssh_username === 'string' && RESERVED_USERS.has(c.ssh_username.toLowerCase()))
        out.push({
            key: 'ssh_username',
            message: `Azure refuses "${c.ssh_username}" as an admin user name`,
            hint: 'use another name, e.g. packer or azureuser',
        });
    const src = c.shared_image_gallery;
    if (typeof src?.image_version === 'string' &&
        src.image_version !== 'latest' &&
        !VERSION.test(src.image_version))
        out.push({
            key: 'shared_image_gallery.image_version',
            message: `image_version "${src.image_version}" is not N.N.N`,
        });
    const dst = c.shared_image_gallery_destination;
    if (dst) {
        if (typeof dst.image_version === 'string' && !VERSION.test(dst.image_version))
            out.push({
                key: 'shared_image_gallery_destination.image_version',
                message: `image_version "${dst.image_version}" is not N.N.N`,
                hint: 'gallery versions are three integers, e.g. 1.0.42',
            });
        if (typeof dst.gallery_name === 'string' &&
            !/^[A-Za-z0-9][A-Za-z0-9._]{0,78}[A-Za-z0-9]$/.test(dst.gallery_name))
            out.push({
                key: 'shared_image_gallery_destination.gallery_name',
                message: `gallery_name "${dst.gallery_name}" is not a gallery name`,
                hint: 'letters, digits, . and _ (no hyphens)',
            });
        if (dst.specialized === true && has('managed_image_name'))
            out.push({
                key: 'shared_image_gallery_destination.specialized',
                message: 'a specialized version cannot come with a managed image (a managed image needs a generalized VM)',
            });
        if (typeof dst.end_of_life_date === 'string' && Number.isNaN(Date.parse(dst.end_of_life_date)))
            out.push({
                key: 'shared_image_gallery_destination.end_of_life_date',
                message: `end_of_life_date "${dst.end_of_life_date}" is not a time`,
                hint: 'RFC 3339, e.g. 2027-06-01T00:00:00Z',
            });
    }
    return out;
}


/***/ }),

/***/ 13423:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ parseRunCommand)
/* harmony export */ });
/* unused harmony export RUN_FLAGS */
const IMAGE = /^\{\{\s*\.Image\s*\}\}$/;
/** Flags that take a value, by every spelling. */
const VALUED = {
    '-u': 'user',
    '--user': 'user',
    '-e': 'env',
    '--env': 'env',
    '-v': 'volumes',
    '--volume': 'volumes',
    '-w': 'workdir',
    '--workdir': 'workdir',
    '--entrypoint': 'entrypoint',
    '--cap-add': 'capAdd',
    '--cap-drop': 'capDrop',
    '-h': 'hostname',
    '--hostname': 'hostname',
    '--network': 'network',
    '--net': 'network',
};
const RUN_FLAGS = [
    '-d',
    '-i',
    '-t',
    '--privileged',
    ...Object.keys(VALUED).filter((k) => k.startsWith('-')),
];
function parseRunCommand(args) {
    const out = {
        tty: false,
        stdin: false,
        env: [],
        volumes: [],
        privileged: false,
        capAdd: [],
        capDrop: [],
        cmd: [],
    };
    let i = 0;
    const set = (key, v) => {
        const cur = out[key];
        if (Array.isArray(cur) && key !== 'entrypoint')
            cur.push(v);
        else if (key === 'entrypoint')
            out.entrypoint = [v];
        else
            out[key] = v;
    };
    for (; i < args.length; i++) {
        const a = args[i];
        if (IMAGE.test(a))
            break;
        if (a === '--')
            continue;
        const eq = a.startsWith('--') ? a.indexOf('=') : -1;
        const flag = eq > 0 ? a.slice(0, eq) : a;
        if (flag in VALUED) {
            const v = eq > 0 ? a.slice(eq + 1) : args[++i];
            if (v === undefined)
                return { error: `${flag} in run_command needs a value` };
            set(VALUED[flag], v);
            continue;
        }
        if (a === '--privileged') {
            out.privileged = true;
            continue;
        }
        if (a === '--detach' || a === '--interactive' || a === '--tty') {
            if (a === '--interactive')
                out.stdin = true;
            if (a === '--tty')
                out.tty = true;
            continue;
        }
        if (/^-[dit]+$/.test(a)) {
            if (a.includes('i'))
                out.stdin = true;
            if (a.includes('t'))
                out.tty = true;
            continue;
        }
        if (a === '--rm' || a === '--name' || a.startsWith('--name=')) {
            return {
                error: `${flag} in run_command is not supported: bake names the build container and removes it itself`,
                hint: `remove ${flag}`,
            };
        }
        if (a.startsWith('-'))
            return {
                error: `${flag} in run_command has no setting bake can give the container`,
                hint: `run_command takes ${RUN_FLAGS.join(', ')} and {{.Image}}; use the builder's own settings (volumes, tmpfs, devices, platform) for the rest`,
            };
        return {
            error: `run_command must name the image as {{.Image}} before the command, found "${a}"`,
            hint: 'e.g. ["-d", "-i", "-t", "{{.Image}}", "/bin/sh"]',
        };
    }
    if (i >= args.length)
        return {
            error: 'run_command must name the image as {{.Image}}',
            hint: 'e.g. ["-d", "-i", "-t", "{{.Image}}", "/bin/sh"]',
        };
    out.cmd = args.slice(i + 1);
    return out;
}


/***/ }),

/***/ 71179:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   v: () => (/* binding */ dockerBuilderSchema),
/* harmony export */   w: () => (/* binding */ pullPolicy)
/* harmony export */ });
/* harmony import */ var _spec_schema__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(47280);

const dockerBuilderSchema = _spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.object({
    image: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .req */ .DQ)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'the base image to start the build container from', 'debian:bookworm'),
    pull: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.enum(['always', 'missing', 'never', 'true', 'false']), "when to pull the base image (Packer's true is always, false never)", 'missing'),
    platform: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'platform of the base image, e.g. linux/amd64'),
    entrypoint: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.list(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), { single: true }), 'entrypoint of the build container (not of the image)'),
    cmd: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.list(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), { single: true }), 'command that keeps the build container running (not kept in the image); without it, an interactive /bin/sh does, as in Packer', undefined, ['sleep', 'infinity']),
    run_command: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.list(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string()), 'docker run arguments of the build container, as Packer takes them, with {{.Image}} for the image (-d -i -t -u -e -v -w --entrypoint --privileged --cap-add --cap-drop -h --network)', undefined, ['-d', '-i', '-t', '{{.Image}}', '/bin/sh']),
    privileged: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.bool(), 'run the build container privileged', false),
    volumes: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.map(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string()), 'host path: container path'),
    env: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.map(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string()), 'environment of every provisioner command (not kept in the image)'),
    tmpfs: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.list(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string()), 'tmpfs mounts, e.g. /run:size=64m'),
    cap_add: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.list(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string()), 'Linux capabilities added to the build container', undefined, [
        'SYS_ADMIN',
    ]),
    cap_drop: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.list(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string()), 'Linux capabilities dropped from the build container', undefined, ['NET_RAW']),
    devices: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.list(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string()), 'host devices, e.g. /dev/fuse'),
    exec_user: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'user for provisioner commands (default: the image user)'),
    container_dir: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'where provisioner scripts are placed', '/tmp'),
    fix_upload_owner: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.bool(), 'make uploads owned by exec_user', true),
    changes: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.list(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string()), 'Dockerfile instructions applied on commit: CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, USER, WORKDIR, VOLUME, ONBUILD, STOPSIGNAL'),
    author: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'author of the committed image'),
    message: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'commit message of the committed image'),
    commit: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.bool(), 'commit the container to an image (the default)'),
    export_path: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'export the container filesystem to this tar file instead'),
    discard: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.bool(), 'throw the container away (provisioning test only)'),
    runs_on: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'runner label for this source in the reusable workflow'),
});
/** The pull policy, with Packer's bool read as bake's words. */
function pullPolicy(v) {
    const t = String(v ?? 'missing');
    return t === 'true' ? 'always' : t === 'false' ? 'never' : t;
}


/***/ }),

/***/ 13972:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  PluginError: () => (/* binding */ PluginError),
  addPluginModule: () => (/* binding */ addPluginModule),
  importPlugin: () => (/* binding */ importPlugin),
  openSpec: () => (/* binding */ openSpec),
  registryForLedger: () => (/* binding */ registryForLedger),
  resolvePluginModule: () => (/* binding */ resolvePluginModule)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:module"
var external_node_module_ = __webpack_require__(98995);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
// EXTERNAL MODULE: ./src/plugins/registry.ts + 28 modules
var plugins_registry = __webpack_require__(14966);
// EXTERNAL MODULE: ./src/communicators/communicator.ts
var communicator = __webpack_require__(54717);
// EXTERNAL MODULE: ./src/engine/context.ts
var context = __webpack_require__(86173);
// EXTERNAL MODULE: ./src/engine/steps.ts
var steps = __webpack_require__(54277);
// EXTERNAL MODULE: ./src/spec/schema.ts
var schema = __webpack_require__(47280);
// EXTERNAL MODULE: ./package.json
var package_0 = __webpack_require__(8330);
;// CONCATENATED MODULE: ./src/plugins/kit.ts
/**
 * What bake hands to a plugin from outside (a module's default export may be a function
 * of it): the schema builders its descriptor needs and the helpers its steps use, so a
 * plugin depends on nothing but bake itself.
 */





const kit = {
    /** The bake version loading the plugin. */
    version: package_0/* version */.rE,
    s: schema.s,
    opt: schema/* opt */.m7,
    req: schema/* req */.DQ,
    parseDuration: schema/* parseDuration */.E9,
    BuildError: context/* BuildError */.zS,
    CancelledError: steps/* CancelledError */.cc,
    sleep: steps/* sleep */.yy,
    shQuote: communicator/* shQuote */.US,
};

// EXTERNAL MODULE: ./src/spec/errors.ts
var errors = __webpack_require__(17800);
// EXTERNAL MODULE: ./src/spec/load.ts
var load = __webpack_require__(11207);
// EXTERNAL MODULE: ./src/spec/spec.ts
var spec = __webpack_require__(81552);
// EXTERNAL MODULE: ./src/packer/open.ts + 5 modules
var packer_open = __webpack_require__(80582);
;// CONCATENATED MODULE: ./src/plugins/external.ts
/**
 * Plugins from outside bake. A spec lists them under `plugins:` (a module path relative to
 * the spec, or an npm package installed beside it); each module exports descriptors with
 * the same contract as the built-ins. Nothing is downloaded: packages come from the user's
 * own `npm ci`. The ledger records the module a resource's plugin came from, so
 * `bake cleanup` can load it again with no spec at hand.
 */











const KINDS = ['builder', 'provisioner', 'post-processor'];
const TYPE_RE = /^[a-z][a-z0-9-]*$/;
/** A plugin module that cannot be used; the message names the module and what is wrong. */
class PluginError extends Error {
    hint;
    constructor(message, hint) {
        super(message);
        this.hint = hint;
        this.name = 'PluginError';
    }
}
/** Where a module named in a spec lives: a file for a path, else an npm package's entry. */
function resolvePluginModule(name, specDir) {
    if (name.startsWith('.') || (0,external_node_path_.isAbsolute)(name)) {
        const file = (0,external_node_path_.resolve)(specDir, name);
        if (!(0,external_node_fs_.existsSync)(file))
            throw new PluginError(`plugin module ${name} does not exist (looked for ${file})`, 'paths are relative to the spec file');
        return file;
    }
    const req = (0,external_node_module_.createRequire)((0,external_node_path_.join)((0,external_node_path_.resolve)(specDir), 'package.json'));
    try {
        return req.resolve(name);
    }
    catch (e) {
        // An ESM-only package has no "require" entry: read its "import" entry instead.
        const pkgDir = findPackageDir(name, specDir);
        if (pkgDir) {
            const entry = esmEntry(pkgDir);
            if (entry)
                return entry;
        }
        if (e.code === 'MODULE_NOT_FOUND' || !pkgDir)
            throw new PluginError(`plugin package ${name} is not installed (looked in node_modules from ${(0,external_node_path_.resolve)(specDir)} up)`, `install it before bake runs, e.g. "npm install ${name}" beside the spec, then "npm ci" in CI`);
        throw new PluginError(`plugin package ${name} cannot be resolved: ${e.message}`);
    }
}
function findPackageDir(name, from) {
    for (let dir = (0,external_node_path_.resolve)(from);; dir = (0,external_node_path_.dirname)(dir)) {
        const candidate = (0,external_node_path_.join)(dir, 'node_modules', name);
        if ((0,external_node_fs_.existsSync)((0,external_node_path_.join)(candidate, 'package.json')))
            return candidate;
        if ((0,external_node_path_.dirname)(dir) === dir)
            return undefined;
    }
}
function esmEntry(pkgDir) {
    const pkg = JSON.parse((0,external_node_fs_.readFileSync)((0,external_node_path_.join)(pkgDir, 'package.json'), 'utf8'));
    const pick = (x) => {
        if (typeof x === 'string')
            return x;
        if (x && typeof x === 'object') {
            const o = x;
            for (const k of ['.', 'import', 'node', 'default']) {
                const v = o[k] !== undefined ? pick(o[k]) : undefined;
                if (v)
                    return v;
            }
        }
        return undefined;
    };
    const rel = pick(pkg.exports) ?? pkg.module ?? pkg.main ?? 'index.js';
    const file = (0,external_node_path_.resolve)(pkgDir, rel);
    return (0,external_node_fs_.existsSync)(file) ? file : undefined;
}
/** Imports a plugin module and checks what it exports. */
async function importPlugin(file, label) {
    let mod;
    try {
        // Kept as Node's own import(): the bundler must not try to resolve a user's module.
        mod = (await import(/* webpackIgnore: true */ (0,external_node_url_.pathToFileURL)(file).href));
    }
    catch (e) {
        const err = e;
        throw new PluginError(`plugin ${label} failed to load: ${err.message.split('\n')[0]}`, 'run it with node to see the whole error, e.g. node --input-type=module -e "import(\'' +
            (0,external_node_url_.pathToFileURL)(file).href +
            '\')"');
    }
    let exported = mod.default ?? mod.plugins ?? mod.descriptors;
    if (typeof exported === 'function') {
        try {
            exported = await exported(kit);
        }
        catch (e) {
            throw new PluginError(`plugin ${label}: its default export threw: ${e.message}`);
        }
    }
    const list = Array.isArray(exported) ? exported : exported ? [exported] : [];
    if (!list.length)
        throw new PluginError(`plugin ${label} exports no descriptors`, 'export default a descriptor, a list of them, or a function (kit) => descriptors; see docs/plugins.md');
    return list.map((d, i) => checkDescriptor(d, `${label}${list.length > 1 ? ` (export ${i + 1})` : ''}`));
}
/** The shape checks a module must pass before anything uses it. */
function checkDescriptor(d, label) {
    const bad = (what) => {
        throw new PluginError(`plugin ${label}: ${what}`, 'see docs/plugins.md for the descriptor fields');
    };
    if (!d || typeof d !== 'object')
        return bad('an export is not a descriptor object');
    const o = d;
    if (!KINDS.includes(o.kind))
        bad(`kind must be one of ${KINDS.join(', ')} (got ${JSON.stringify(o.kind)})`);
    if (typeof o.type !== 'string' || !TYPE_RE.test(o.type))
        bad(`type must be lowercase letters, digits and - (got ${JSON.stringify(o.type)})`);
    if (typeof o.description !== 'string' || !o.description)
        bad(`${o.type}: description must be a non-empty string`);
    const schema = o.schema;
    if (!schema || schema.kind !== 'object' || !schema.fields || typeof schema.fields !== 'object')
        bad(`${o.type}: schema must be an object schema ({kind: 'object', fields: {...}}), e.g. kit.s.object({...})`);
    if (typeof o.load !== 'function')
        bad(`${o.type}: load must be a function returning the implementation`);
    if (o.refine !== undefined && typeof o.refine !== 'function')
        bad(`${o.type}: refine must be a function`);
    if (o.cleaners !== undefined) {
        if (!o.cleaners || typeof o.cleaners !== 'object')
            bad(`${o.type}: cleaners must be an object`);
        for (const [k, c] of Object.entries(o.cleaners))
            if (typeof c !== 'function')
                bad(`${o.type}: cleaner for "${k}" must be a function`);
    }
    const kinds = ['docker-image', 'machine-image', 'files', 'none'];
    if (o.kind === 'builder') {
        if (typeof o.artifact !== 'function' && !kinds.includes(o.artifact))
            bad(`${o.type}: artifact must be one of ${kinds.join(', ')} or a function of the settings`);
    }
    if (o.kind === 'post-processor') {
        const acc = o.accepts;
        if (acc !== 'any' && !(Array.isArray(acc) && acc.every((k) => kinds.includes(k))))
            bad(`${o.type}: accepts must be 'any' or a list of ${kinds.join(', ')}`);
        if (o.produces !== 'same' && !kinds.includes(o.produces))
            bad(`${o.type}: produces must be 'same' or one of ${kinds.join(', ')}`);
    }
    return d;
}
/** Adds one module's descriptors to `registry`. */
async function addPluginModule(registry, name, specDir) {
    const file = resolvePluginModule(name, specDir);
    for (const d of await importPlugin(file, name)) {
        try {
            registry.add(d, { module: file, name });
        }
        catch (e) {
            if (e instanceof plugins_registry/* RegistryError */.gl)
                throw new PluginError(`plugin ${name}: ${e.message}`, 'give the plugin a type of its own');
            throw e;
        }
    }
}
/**
 * Loads a spec with its plugins: the file once, the modules its `plugins:` names, then the
 * checks against the built-ins plus those. Each unusable plugin is one error at its line.
 */
async function openSpec(path, base = (0,plugins_registry/* builtInRegistry */.f4)()) {
    if ((0,packer_open.packerKind)(path)) {
        const template = await (0,packer_open.loadPackerTemplate)(path, base);
        const todos = template.todos.filter((t) => !t.note);
        if (todos.length)
            throw new errors/* SpecError */.G8(todos.map(({ anchor: _anchor, ...p }) => p));
        return (0,spec/* loadSpec */.II)(path, base, template);
    }
    const file = (0,load/* loadYamlFile */.Y3)(path, 'spec');
    const top = file.value;
    const list = top && typeof top === 'object' && !Array.isArray(top)
        ? top.plugins
        : undefined;
    if (!Array.isArray(list) || !list.length)
        return (0,spec/* loadSpec */.II)(path, base, file);
    const registry = base.copy();
    const problems = [];
    const specDir = (0,external_node_path_.dirname)((0,external_node_path_.resolve)(path));
    for (const [i, name] of list.entries()) {
        if (typeof name !== 'string')
            continue; // the schema check reports it
        const at = (0,load/* joinPath */.uJ)('plugins', i);
        try {
            await addPluginModule(registry, name, specDir);
        }
        catch (e) {
            if (!(e instanceof PluginError))
                throw e;
            problems.push({ message: e.message, path: at, pos: (0,schema/* positionOf */.df)(file, at), hint: e.hint });
        }
    }
    if (problems.length)
        throw new errors/* SpecError */.G8(problems);
    return (0,spec/* loadSpec */.II)(path, registry, file);
}
/**
 * The registry a ledger needs for cleaning: the built-ins, plus every outside module its
 * entries name (loaded again from the path recorded when the resource was made).
 */
async function registryForLedger(entries, warn) {
    const modules = [...new Set(entries.map((e) => e.module).filter((m) => !!m))];
    if (!modules.length)
        return (0,plugins_registry/* builtInRegistry */.f4)();
    const registry = (0,plugins_registry/* builtInRegistry */.f4)().copy();
    for (const file of modules) {
        try {
            for (const d of await importPlugin(file, file)) {
                // The same plugin can be named twice in one ledger only by the same module.
                if (!registry.get(d.kind, d.type))
                    registry.add(d, { module: file });
            }
        }
        catch (e) {
            warn(`cannot load plugin ${file} to clean its resources: ${e.message}`);
        }
    }
    return registry;
}


/***/ }),

/***/ 13553:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ archiveFormat),
/* harmony export */   U: () => (/* binding */ hasZstd)
/* harmony export */ });
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_0__);
/** The archive a compress output name asks for, as Packer reads it: by its extension. */

function archiveFormat(output) {
    if (/\.(tar\.gz|tgz)$/.test(output))
        return 'tar.gz';
    if (/\.tar\.zst$/.test(output))
        return 'tar.zst';
    if (/\.tar$/.test(output))
        return 'tar';
    if (/\.gz$/.test(output))
        return 'gz';
    if (/\.zip$/.test(output))
        return 'zip';
    return undefined;
}
/** zstd is in Node's zlib from Node 22.15 on. */
const hasZstd = () => typeof node_zlib__WEBPACK_IMPORTED_MODULE_0__.createZstdCompress === 'function';


/***/ }),

/***/ 14966:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  gl: () => (/* binding */ RegistryError),
  f4: () => (/* binding */ builtInRegistry)
});

// UNUSED EXPORTS: Registry

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/spec/schema.ts
var schema = __webpack_require__(47280);
// EXTERNAL MODULE: ./src/spec/data.ts
var data = __webpack_require__(89511);
// EXTERNAL MODULE: ./src/communicators/ssh-schema.ts
var ssh_schema = __webpack_require__(59060);
;// CONCATENATED MODULE: ./src/plugins/builders/amazon-ebs/schema.ts
/**
 * amazon-ebs settings, with Packer's names. Loaded by `bake validate`, so nothing here may
 * import the AWS SDK.
 */



const filters = (0,schema/* opt */.m7)(schema.s.map(schema.s.string()), 'EC2 API filters, name: value (e.g. "tag:Team": infra)');
const blockDevice = schema.s.object({
    device_name: (0,schema/* req */.DQ)(schema.s.string(), 'e.g. /dev/xvda'),
    volume_size: (0,schema/* opt */.m7)(schema.s.int(1, 65536), 'GiB'),
    volume_type: (0,schema/* opt */.m7)(schema.s.enum(['gp2', 'gp3', 'io1', 'io2', 'st1', 'sc1', 'standard']), 'EBS volume type'),
    iops: (0,schema/* opt */.m7)(schema.s.int(100, 256000), 'provisioned IOPS (io1, io2, gp3)'),
    throughput: (0,schema/* opt */.m7)(schema.s.int(125, 1000), 'MiB/s (gp3)'),
    delete_on_termination: (0,schema/* opt */.m7)(schema.s.bool(), 'delete the volume when the instance ends', true),
    encrypted: (0,schema/* opt */.m7)(schema.s.bool(), 'encrypt the volume'),
    kms_key_id: (0,schema/* opt */.m7)(schema.s.string(), 'KMS key for an encrypted volume'),
    snapshot_id: (0,schema/* opt */.m7)(schema.s.string(), 'snapshot to create the volume from'),
    virtual_name: (0,schema/* opt */.m7)(schema.s.string(), 'ephemeral0 ...'),
    no_device: (0,schema/* opt */.m7)(schema.s.bool(), 'suppress this device of the source AMI'),
});
const { ssh_host: _host, ...ssh } = ssh_schema/* sshFields */.Oy;
void _host;
const amazonEbsSchema = schema.s.object({
    region: (0,schema/* opt */.m7)(schema.s.string(), 'region to build in (default: AWS_REGION)'),
    assume_role: (0,schema/* opt */.m7)(schema.s.object({
        role_arn: (0,schema/* req */.DQ)(schema.s.string(), 'the role to assume', 'arn:aws:iam::123456789012:role/image-builder'),
        session_name: (0,schema/* opt */.m7)(schema.s.string(), 'name of the role session (shown in CloudTrail)', 'bake'),
        external_id: (0,schema/* opt */.m7)(schema.s.string(), "external id the role's trust policy requires"),
        duration_seconds: (0,schema/* opt */.m7)(schema.s.int(900, 43200), 'lifetime of the role credentials', 3600),
    }), 'role to assume on top of the default credential chain'),
    source_ami: (0,schema/* opt */.m7)(schema.s.string(), 'AMI to start from (or source_ami_filter)', undefined, 'ami-0123456789abcdef0'),
    source_ami_filter: (0,schema/* opt */.m7)(schema.s.object({
        filters,
        owners: (0,schema/* opt */.m7)(schema.s.list(schema.s.string()), 'account ids, self, amazon, aws-marketplace'),
        most_recent: (0,schema/* opt */.m7)(schema.s.bool(), 'take the newest of several matches', false),
    }), 'find the AMI to start from'),
    custom_endpoint_ec2: (0,schema/* opt */.m7)(schema.s.string(), "the EC2 API's address (a VPC endpoint, an AWS-compatible cloud); default: the region's", undefined, 'https://ec2.eu-west-1.amazonaws.com'),
    instance_type: (0,schema/* opt */.m7)(schema.s.string(), 'EC2 instance type of the build instance', undefined, 't3.micro'),
    spot_price: (0,schema/* opt */.m7)(schema.s.string(), 'maximum spot price in USD, or "auto" for the on-demand price'),
    spot_instance_types: (0,schema/* opt */.m7)(schema.s.list(schema.s.string()), 'spot instance types, tried in order when one has no capacity'),
    iam_instance_profile: (0,schema/* opt */.m7)(schema.s.string(), 'instance profile name for the build instance'),
    user_data: (0,schema/* opt */.m7)(schema.s.string(), 'user data passed to the build instance (cloud-init)'),
    user_data_file: (0,schema/* opt */.m7)(schema.s.string(), 'file whose content is the user data'),
    availability_zone: (0,schema/* opt */.m7)(schema.s.string(), 'zone to launch in, e.g. eu-west-1a'),
    vpc_id: (0,schema/* opt */.m7)(schema.s.string(), 'VPC to launch in (default: the default VPC)'),
    vpc_filter: (0,schema/* opt */.m7)(schema.s.object({ filters }), 'find the VPC'),
    subnet_id: (0,schema/* opt */.m7)(schema.s.string(), 'subnet to launch in'),
    subnet_filter: (0,schema/* opt */.m7)(schema.s.object({
        filters,
        most_free: (0,schema/* opt */.m7)(schema.s.bool(), 'take the subnet with the most free addresses', true),
    }), 'find the subnet'),
    security_group_ids: (0,schema/* opt */.m7)(schema.s.list(schema.s.string(), { single: true }), 'use these groups instead of a temporary one'),
    associate_public_ip_address: (0,schema/* opt */.m7)(schema.s.bool(), 'give the build instance a public IP address'),
    launch_block_device_mappings: (0,schema/* opt */.m7)(schema.s.list(blockDevice), 'volumes of the build instance'),
    run_tags: (0,schema/* opt */.m7)(schema.s.map(schema.s.string()), 'tags of the build instance'),
    run_volume_tags: (0,schema/* opt */.m7)(schema.s.map(schema.s.string()), 'tags of its volumes'),
    metadata_options: (0,schema/* opt */.m7)(schema.s.object({
        http_endpoint: (0,schema/* opt */.m7)(schema.s.enum(['enabled', 'disabled']), 'the metadata service is on', 'enabled'),
        http_tokens: (0,schema/* opt */.m7)(schema.s.enum(['required', 'optional']), 'required = IMDSv2 only', 'required'),
        http_put_response_hop_limit: (0,schema/* opt */.m7)(schema.s.int(1, 64), 'network hops a metadata token may travel (2 for containers)', 1),
        instance_metadata_tags: (0,schema/* opt */.m7)(schema.s.enum(['enabled', 'disabled']), 'instance tags readable from the metadata service'),
    }), 'instance metadata service of the build instance (IMDSv2 required by default)'),
    ssh_interface: (0,schema/* opt */.m7)(schema.s.enum(['public_ip', 'private_ip', 'public_dns', 'private_dns']), 'which address to connect to', 'public_ip'),
    ssh_keypair_name: (0,schema/* opt */.m7)(schema.s.string(), 'existing key pair (with ssh_private_key_file)'),
    temporary_key_pair_type: (0,schema/* opt */.m7)(schema.s.enum(['ed25519', 'rsa']), 'type of the temporary SSH key pair', 'ed25519'),
    temporary_security_group_source_cidrs: (0,schema/* opt */.m7)(schema.s.list(schema.s.string()), "who may reach SSH on the temporary group (default: this runner's public IP /32)"),
    disable_stop_instance: (0,schema/* opt */.m7)(schema.s.bool(), 'create the image from the running instance', false),
    ami_name: (0,schema/* req */.DQ)(schema.s.string(), 'name of the new AMI; must be unique in the account and region', 'golden-${formatdate("YYYYMMDDhhmm", timestamp())}'),
    ami_description: (0,schema/* opt */.m7)(schema.s.string(), 'description of the new AMI'),
    ami_regions: (0,schema/* opt */.m7)(schema.s.list(schema.s.string()), 'copy the AMI to these regions as well'),
    ami_block_device_mappings: (0,schema/* opt */.m7)(schema.s.list(blockDevice), 'volumes of the AMI'),
    ami_users: (0,schema/* opt */.m7)(schema.s.list(schema.s.string()), 'account ids allowed to launch the AMI'),
    ami_groups: (0,schema/* opt */.m7)(schema.s.list(schema.s.enum(['all'])), '"all" makes the AMI public'),
    ami_org_arns: (0,schema/* opt */.m7)(schema.s.list(schema.s.string()), 'organizations allowed to launch the AMI'),
    snapshot_users: (0,schema/* opt */.m7)(schema.s.list(schema.s.string()), 'account ids allowed to create volumes'),
    tags: (0,schema/* opt */.m7)(schema.s.map(schema.s.string()), 'tags of the AMI'),
    snapshot_tags: (0,schema/* opt */.m7)(schema.s.map(schema.s.string()), 'tags of its snapshots'),
    force_deregister: (0,schema/* opt */.m7)(schema.s.bool(), 'replace an AMI of the same name', false),
    force_delete_snapshot: (0,schema/* opt */.m7)(schema.s.bool(), 'and delete its snapshots', false),
    encrypt_boot: (0,schema/* opt */.m7)(schema.s.bool(), "encrypt the AMI's snapshots"),
    kms_key_id: (0,schema/* opt */.m7)(schema.s.string(), 'KMS key for encrypt_boot'),
    region_kms_key_ids: (0,schema/* opt */.m7)(schema.s.map(schema.s.string()), 'region: KMS key, for the copies'),
    ena_support: (0,schema/* opt */.m7)(schema.s.bool(), 'mark the AMI as supporting ENA networking'),
    sriov_support: (0,schema/* opt */.m7)(schema.s.bool(), 'mark the AMI as supporting SR-IOV (simple) networking'),
    imds_support: (0,schema/* opt */.m7)(schema.s.enum(['v2.0']), 'instances launched from the AMI require IMDSv2'),
    deprecate_at: (0,schema/* opt */.m7)(schema.s.string(), 'RFC 3339 time when the AMI is deprecated'),
    aws_polling: (0,schema/* opt */.m7)(schema.s.object({
        delay_seconds: (0,schema/* opt */.m7)(schema.s.number({ min: 0 }), 'fixed delay between checks'),
        max_attempts: (0,schema/* opt */.m7)(schema.s.int(1), 'checks before giving up'),
    }), 'how waits poll (default: start at 1 s, grow to 15 s, up to 30 minutes for an AMI)'),
    ...ssh,
    ...ssh_schema/* clearKeyField */.fw,
    ssh_username: { ...ssh_schema/* sshFields */.Oy.ssh_username, required: true },
    runs_on: (0,schema/* opt */.m7)(schema.s.string(), 'runner label for this source in the reusable workflow'),
});
/** Rules across fields, checked by validate with the spec's positions. */
function refineAmazonEbs(c) {
    const out = [];
    if ((c.source_ami === undefined) === (c.source_ami_filter === undefined))
        out.push({
            key: c.source_ami === undefined ? '' : 'source_ami',
            message: 'set exactly one of source_ami and source_ami_filter',
            hint: 'source_ami: ami-0123... or source_ami_filter: {filters: {name: "debian-12-amd64-*"}, owners: ["136693071363"], most_recent: true}',
        });
    const f = c.source_ami_filter;
    if (f && !(0,data/* amiOwnerPinned */.N$)(f.owners, f.filters))
        out.push({
            key: 'source_ami_filter',
            message: 'source_ami_filter needs owners: without them an AMI any account publishes under a matching name can be the one built from',
            hint: 'add owners: ["136693071363"] (the account that publishes the image; self for your own), or an owner-id or owner-alias filter',
        });
    if (c.instance_type === undefined && c.spot_instance_types === undefined)
        out.push({
            key: '',
            message: 'no instance type',
            hint: 'set instance_type (e.g. t3.micro), or spot_instance_types',
        });
    if (c.user_data !== undefined && c.user_data_file !== undefined)
        out.push({ key: 'user_data_file', message: 'set only one of user_data and user_data_file' });
    if (c.subnet_id !== undefined && c.subnet_filter !== undefined)
        out.push({ key: 'subnet_filter', message: 'set only one of subnet_id and subnet_filter' });
    if (c.vpc_id !== undefined && c.vpc_filter !== undefined)
        out.push({ key: 'vpc_filter', message: 'set only one of vpc_id and vpc_filter' });
    if (c.ssh_keypair_name !== undefined &&
        c.ssh_private_key_file === undefined &&
        c.ssh_agent_auth !== true)
        out.push({
            key: 'ssh_keypair_name',
            message: 'ssh_keypair_name needs the private half',
            hint: 'set ssh_private_key_file (or ssh_agent_auth: true)',
        });
    if (c.force_delete_snapshot === true && c.force_deregister !== true)
        out.push({
            key: 'force_delete_snapshot',
            message: 'force_delete_snapshot only applies with force_deregister: true',
        });
    if (typeof c.deprecate_at === 'string' && Number.isNaN(Date.parse(c.deprecate_at)))
        out.push({
            key: 'deprecate_at',
            message: `deprecate_at "${c.deprecate_at}" is not a time`,
            hint: 'use RFC 3339, e.g. 2027-06-01T00:00:00Z, or timeadd(timestamp(), "2160h")',
        });
    if (c.spot_price !== undefined &&
        c.spot_price !== 'auto' &&
        !/^\d+(\.\d+)?$/.test(String(c.spot_price)))
        out.push({
            key: 'spot_price',
            message: `spot_price "${c.spot_price}" is not a price`,
            hint: 'a price in USD per hour such as "0.05", or "auto"',
        });
    if (typeof c.ami_name === 'string' && !/^[A-Za-z0-9()[\]./\-'@_ ]{3,128}$/.test(c.ami_name))
        out.push({
            key: 'ami_name',
            message: `ami_name "${c.ami_name}" is not a valid AMI name`,
            hint: "3 to 128 of letters, digits, spaces and ( ) [ ] . / - ' @ _ (use clean_resource_name())",
        });
    return out;
}

;// CONCATENATED MODULE: ./src/plugins/builders/amazon-ebs/index.ts
/**
 * The amazon-ebs builder (Packer's name): an AMI from a temporary EC2 instance. Everything
 * that touches the AWS SDK loads on first use, so Docker-only runs never parse it.
 */



const AWS_KINDS = ['aws-instance', 'aws-security-group', 'aws-key-pair', 'aws-ami'];
const cleaner = (kind) => async (entry) => (await Promise.all(/* import() */[__webpack_require__.e(5193), __webpack_require__.e(4146)]).then(__webpack_require__.bind(__webpack_require__, 74146))).awsCleaners[kind](entry);
const amazonEbs = {
    kind: 'builder',
    type: 'amazon-ebs',
    description: 'an AMI from a temporary EC2 instance',
    schema: amazonEbsSchema,
    refine: (c) => refineAmazonEbs(c),
    artifact: 'machine-image',
    // As in Packer: the tags and the description may name the source AMI and the region.
    buildFields: ['tags', 'snapshot_tags', 'run_tags', 'run_volume_tags', 'ami_description'],
    cleaners: Object.fromEntries(AWS_KINDS.map((k) => [k, cleaner(k)])),
    localInputs: (c, dir) => [
        ...(typeof c.user_data_file === 'string' ? [(0,external_node_path_.resolve)(dir, c.user_data_file)] : []),
        ...(0,ssh_schema/* sshLocalInputs */.pE)(c, dir),
    ],
    reuse: {
        base: async (c) => (await Promise.all(/* import() */[__webpack_require__.e(6118), __webpack_require__.e(5472), __webpack_require__.e(5193), __webpack_require__.e(7870), __webpack_require__.e(400), __webpack_require__.e(1423)]).then(__webpack_require__.bind(__webpack_require__, 1423))).amiBase(c),
        exists: async (c, a) => (await Promise.all(/* import() */[__webpack_require__.e(6118), __webpack_require__.e(5472), __webpack_require__.e(5193), __webpack_require__.e(7870), __webpack_require__.e(400), __webpack_require__.e(1423)]).then(__webpack_require__.bind(__webpack_require__, 1423))).amisExist(c, a),
    },
    sweep: {
        where: { option: 'region', env: ['AWS_REGION', 'AWS_DEFAULT_REGION'] },
        run: async (o) => (await Promise.all(/* import() */[__webpack_require__.e(5193), __webpack_require__.e(4103)]).then(__webpack_require__.bind(__webpack_require__, 34103))).sweep({ ...o, regions: o.locations }),
    },
    load: async () => ({
        async steps(env, provision) {
            const { ebsSteps } = await Promise.all(/* import() */[__webpack_require__.e(6118), __webpack_require__.e(5472), __webpack_require__.e(5193), __webpack_require__.e(7870), __webpack_require__.e(400)]).then(__webpack_require__.bind(__webpack_require__, 60400));
            // The steps keep more state than BuildState names; the engine only passes it through.
            return ebsSteps(env, provision);
        },
    }),
};

// EXTERNAL MODULE: ./src/plugins/builders/azure-arm/schema.ts
var azure_arm_schema = __webpack_require__(71191);
;// CONCATENATED MODULE: ./src/plugins/builders/azure-arm/index.ts
/**
 * The azure-arm builder (Packer's name): a managed image and/or an Azure Compute Gallery
 * version from a temporary Linux VM. Everything that touches the Azure SDK loads on first
 * use, so Docker-only runs and `bake validate` never parse it.
 */


const AZURE_KINDS = [
    'azure-resource-group',
    'azure-resource',
    'azure-image',
    'azure-gallery-version',
];
const azure_arm_cleaner = (kind) => async (entry) => (await Promise.all(/* import() */[__webpack_require__.e(3324), __webpack_require__.e(2830), __webpack_require__.e(3669), __webpack_require__.e(3796), __webpack_require__.e(6899)]).then(__webpack_require__.bind(__webpack_require__, 36899))).azureCleaners[kind](entry);
const azureArm = {
    kind: 'builder',
    type: 'azure-arm',
    description: 'a managed image or Azure Compute Gallery version from a temporary Linux VM',
    schema: azure_arm_schema/* azureArmSchema */.r9,
    refine: (c, ctx) => (0,azure_arm_schema/* refineAzureArm */.rA)(c, ctx.packer === true),
    // Packer publishes to a gallery only when the destination names one (runner-images sets
    // the subscription and leaves GALLERY_NAME empty for a managed image alone).
    packerUnset: (c) => {
        const g = c.shared_image_gallery_destination;
        if (g && typeof g === 'object' && !g.gallery_name)
            delete c.shared_image_gallery_destination;
    },
    artifact: 'machine-image',
    cleaners: Object.fromEntries(AZURE_KINDS.map((k) => [k, azure_arm_cleaner(k)])),
    localInputs: (c, dir) => typeof c.custom_data_file === 'string' ? [(0,external_node_path_.resolve)(dir, c.custom_data_file)] : [],
    reuse: {
        base: async (c) => (await Promise.all(/* import() */[__webpack_require__.e(3324), __webpack_require__.e(2830), __webpack_require__.e(3669), __webpack_require__.e(3796), __webpack_require__.e(8546)]).then(__webpack_require__.bind(__webpack_require__, 58546))).azureBase(c),
        exists: async (c, a) => (await Promise.all(/* import() */[__webpack_require__.e(3324), __webpack_require__.e(2830), __webpack_require__.e(3669), __webpack_require__.e(3796), __webpack_require__.e(8546)]).then(__webpack_require__.bind(__webpack_require__, 58546))).azureExists(c, a),
    },
    sweep: {
        where: { option: 'subscription', env: ['AZURE_SUBSCRIPTION_ID'] },
        run: async (o) => (await Promise.all(/* import() */[__webpack_require__.e(3324), __webpack_require__.e(2830), __webpack_require__.e(3669), __webpack_require__.e(3796), __webpack_require__.e(3618)]).then(__webpack_require__.bind(__webpack_require__, 43618))).sweep({ ...o, subscriptions: o.locations }),
    },
    load: async () => ({
        async steps(env, provision) {
            const { azureSteps } = await Promise.all(/* import() */[__webpack_require__.e(6118), __webpack_require__.e(5472), __webpack_require__.e(3324), __webpack_require__.e(2830), __webpack_require__.e(3669), __webpack_require__.e(3796), __webpack_require__.e(7870), __webpack_require__.e(3056)]).then(__webpack_require__.bind(__webpack_require__, 33056));
            // The steps keep more state than BuildState names; the engine only passes it through.
            return azureSteps(env, provision);
        },
    }),
};

// EXTERNAL MODULE: ./src/plugins/builders/docker/schema.ts
var docker_schema = __webpack_require__(71179);
// EXTERNAL MODULE: ./src/plugins/builders/docker/run-command.ts
var run_command = __webpack_require__(13423);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
;// CONCATENATED MODULE: ./src/plugins/builders/docker/reuse.ts
/** skip-unchanged for the docker builder: the base image's identity; the image must still exist. */

/** Identity of a Docker base image: its registry digest when it has one, else its local id. */
async function dockerBase(docker, image, pull) {
    const remote = async () => {
        try {
            return `digest:${(await docker.getImage(image).distribution()).Descriptor.digest}`;
        }
        catch {
            return undefined;
        }
    };
    if (pull === 'always') {
        const r = await remote();
        if (r)
            return r;
    }
    try {
        const info = await docker.getImage(image).inspect();
        const digest = info.RepoDigests?.[0]?.split('@')[1];
        return digest ? `digest:${digest}` : `id:${info.Id}`;
    }
    catch {
        return pull === 'never' ? undefined : remote();
    }
}
/** Whether a Docker build's recorded artifact can still be used. */
async function dockerArtifactExists(docker, a) {
    if (a.digests?.length) {
        // Pushed: what deployments use is the registry's copy.
        for (const ref of a.digests) {
            try {
                await docker.getImage(ref).distribution();
            }
            catch {
                return false;
            }
        }
        return true;
    }
    if (a.files?.length)
        return a.files.every((f) => (0,external_node_fs_.existsSync)(f));
    try {
        await docker.getImage(a.id).inspect();
        return true;
    }
    catch {
        return false;
    }
}

;// CONCATENATED MODULE: ./src/plugins/builders/docker/index.ts
/** The docker builder (Packer's name): a Docker image from a base image, through the Docker API. */




/** Removal that treats "no such container/image" and "already being removed" as done. */
const ignoreMissing = (e) => {
    const code = e.statusCode;
    if (code !== 404 && code !== 409)
        throw e;
};
const docker = {
    kind: 'builder',
    type: 'docker',
    description: 'a Docker image from a base image, through the Docker API',
    schema: docker_schema/* dockerBuilderSchema */.v,
    refine: (c) => {
        const out = [];
        const chosen = ['commit', 'export_path', 'discard'].filter((k) => k === 'export_path' ? typeof c[k] === 'string' : c[k] === true);
        if (chosen.length > 1)
            out.push({
                key: chosen[1],
                message: `set only one of commit, export_path and discard (this source sets ${chosen.join(' and ')})`,
                hint: 'commit makes an image, export_path a tar of the filesystem, discard nothing',
            });
        if (c.commit === false && !chosen.length)
            out.push({
                key: 'commit',
                message: 'commit: false leaves nothing to make',
                hint: 'set export_path to keep the filesystem as a tar, or discard: true to throw it away',
            });
        if (Array.isArray(c.run_command)) {
            const r = (0,run_command/* parseRunCommand */.E)(c.run_command.map(String));
            if ('error' in r)
                out.push({ key: 'run_command', message: r.error, hint: r.hint });
            for (const k of ['entrypoint', 'cmd'])
                if (c[k] !== undefined)
                    out.push({
                        key: k,
                        message: `set ${k} or run_command, not both`,
                        hint: 'run_command gives the command after {{.Image}} and --entrypoint',
                    });
        }
        if (c.container_dir !== undefined)
            out.push({
                key: 'container_dir',
                message: 'container_dir is not supported: bake copies files through the Docker API, with no shared directory',
                hint: 'remove it; scripts are uploaded to remote_folder (default /tmp) of each provisioner',
            });
        return out;
    },
    artifact: (c) => typeof c.export_path === 'string' ? 'files' : c.discard === true ? 'none' : 'docker-image',
    needs: { docker: true },
    cleaners: {
        'docker-container': async (e, { docker }) => {
            await docker().getContainer(e.ref.id).remove({ force: true, v: true }).catch(ignoreMissing);
        },
        'docker-image': async (e, { docker }) => {
            await docker().getImage(e.ref.id).remove({ force: true }).catch(ignoreMissing);
        },
    },
    localInputs: (c, dir) => Object.keys(c.volumes ?? {})
        .filter((host) => host.startsWith('.') || host.startsWith('/'))
        .map((host) => (0,external_node_path_.resolve)(dir, host)),
    reuse: {
        base: (c, { docker }) => dockerBase(docker(), String(c.image), (0,docker_schema/* pullPolicy */.w)(c.pull)),
        exists: (_c, a, { docker }) => dockerArtifactExists(docker(), a),
    },
    load: async () => (await Promise.all(/* import() */[__webpack_require__.e(6118), __webpack_require__.e(6441)]).then(__webpack_require__.bind(__webpack_require__, 36441))).dockerBuilder,
};

;// CONCATENATED MODULE: ./src/plugins/builders/null/schema.ts


const nullBuilderSchema = schema.s.object({
    communicator: (0,schema/* opt */.m7)(schema.s.enum(['ssh', 'none']), 'ssh: provision the machine at ssh_host; none: no machine, only steps that run here (shell-local)', 'ssh'),
    ...ssh_schema/* sshFields */.Oy,
    // Required with the ssh communicator (the descriptor's rules say so).
    runs_on: {
        schema: schema.s.string(),
        description: 'runner label for this source in the reusable workflow',
    },
});

;// CONCATENATED MODULE: ./src/plugins/builders/null/index.ts


const nullBuilder = {
    kind: 'builder',
    type: 'null',
    description: 'provisions an existing machine over SSH; no artifact',
    schema: nullBuilderSchema,
    refine: (c) => {
        if (c.communicator === 'none') {
            const ssh = Object.keys(c).filter((k) => k.startsWith('ssh_') || k === 'pause_before_connecting');
            return ssh.map((k) => ({
                key: k,
                message: `${k} has no use with communicator "none"`,
                hint: 'remove it, or use communicator "ssh"',
            }));
        }
        return ['ssh_host', 'ssh_username']
            .filter((k) => c[k] === undefined || c[k] === null)
            .map((k) => ({
            key: '',
            message: `missing required key "${k}"`,
            hint: `${k}: ${k === 'ssh_host' ? 'address of the machine (host name or IP)' : 'user to log in as'}; or communicator "none" for a build of local steps only`,
        }));
    },
    artifact: 'none',
    localInputs: ssh_schema/* sshLocalInputs */.pE,
    load: async () => (await Promise.all(/* import() */[__webpack_require__.e(6118), __webpack_require__.e(5472), __webpack_require__.e(7870), __webpack_require__.e(208)]).then(__webpack_require__.bind(__webpack_require__, 90208))).nullBuilder,
};

;// CONCATENATED MODULE: ./src/plugins/builders/googlecompute/schema.ts
/**
 * googlecompute settings, with Packer's names. Loaded by `bake validate`, so nothing here
 * may import the Google client libraries.
 */


const NAME = /^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/;
const LABEL_KEY = /^[a-z][-_a-z0-9]{0,62}$/;
const LABEL_VALUE = /^[-_a-z0-9]{0,63}$/;
const encryptionKey = schema.s.object({
    kmsKeyName: (0,schema/* opt */.m7)(schema.s.string(), 'projects/P/locations/L/keyRings/R/cryptoKeys/K'),
    rawKey: (0,schema/* opt */.m7)(schema.s.string(), 'a 256-bit customer-supplied key, base64 (use a sensitive variable)'),
});
const VOLUME_TYPES = [
    'pd-standard',
    'pd-balanced',
    'pd-ssd',
    'pd-extreme',
    'hyperdisk-balanced',
    'hyperdisk-throughput',
    'hyperdisk-extreme',
    'scratch',
];
/** An extra disk (Packer's disk_attachment block): made with the instance, deleted with it. */
const diskAttachment = schema.s.object({
    volume_type: (0,schema/* req */.DQ)(schema.s.enum(VOLUME_TYPES), 'the disk type; scratch is a local SSD (375 GB, NVME or SCSI)', 'pd-ssd'),
    volume_size: (0,schema/* opt */.m7)(schema.s.int(1, 65536), 'GB (required except for scratch, which is 375)', undefined, 100),
    disk_name: (0,schema/* opt */.m7)(schema.s.string(), 'the disk name (default: the instance name and the disk number)'),
    device_name: (0,schema/* opt */.m7)(schema.s.string(), 'the name the guest sees under /dev/disk/by-id/google-NAME (default: GCE picks one)'),
    interface_type: (0,schema/* opt */.m7)(schema.s.enum(['SCSI', 'NVME']), 'how the disk is attached', 'SCSI'),
    attachment_mode: (0,schema/* opt */.m7)(schema.s.enum(['READ_WRITE', 'READ_ONLY']), 'how the guest may use it', 'READ_WRITE'),
    keep_device: (0,schema/* refused */.J5)('extra disks are deleted with the instance; the image is made from the boot disk'),
    create_image: (0,schema/* refused */.J5)('the image is made from the boot disk only'),
    source_volume: (0,schema/* refused */.J5)('extra disks start empty'),
    replica_zones: (0,schema/* refused */.J5)('extra disks are zonal, in the instance zone'),
    zone: (0,schema/* refused */.J5)('extra disks are in the instance zone'),
    disk_encryption_key: (0,schema/* refused */.J5)('extra disks use Google-managed encryption'),
});
const IAP = 'bake opens no IAP tunnel (see use_iap)';
const USE_IAP_WHY = 'no maintained library opens an IAP TCP tunnel without gcloud; reach the instance with use_internal_ip from a runner inside the VPC, or through ssh_bastion_host';
const { ssh_host: schema_host, ...schema_ssh } = ssh_schema/* sshFields */.Oy;
void schema_host;
const googlecomputeSchema = schema.s.object({
    project_id: (0,schema/* opt */.m7)(schema.s.string(), 'project to build in (default: GOOGLE_CLOUD_PROJECT or CLOUDSDK_CORE_PROJECT)'),
    zone: (0,schema/* req */.DQ)(schema.s.string(), 'zone of the build instance, e.g. europe-west1-b'),
    region: (0,schema/* opt */.m7)(schema.s.string(), 'region of subnetwork (default: from zone)'),
    credentials_file: (0,schema/* opt */.m7)(schema.s.string(), 'service account key or external_account file (default: Application Default Credentials)'),
    credentials_json: (0,schema/* opt */.m7)(schema.s.string(), 'the same as JSON text, from a sensitive variable'),
    access_token: (0,schema/* opt */.m7)(schema.s.string(), 'an OAuth2 access token, from a sensitive variable'),
    impersonate_service_account: (0,schema/* opt */.m7)(schema.s.string(), 'service account to act as'),
    source_image: (0,schema/* opt */.m7)(schema.s.string(), 'image name or URL to start from (or source_image_family)'),
    source_image_family: (0,schema/* opt */.m7)(schema.s.string(), 'image family whose newest image to start from'),
    source_image_project_id: (0,schema/* opt */.m7)(schema.s.list(schema.s.string(), { single: true }), 'projects to look for the source image in, in order (default: project_id, then the public image projects)'),
    instance_name: (0,schema/* opt */.m7)(schema.s.string(), 'name of the build instance (default: bake-<build>-<run>)'),
    machine_type: (0,schema/* opt */.m7)(schema.s.string(), 'machine type of the build instance', 'e2-standard-2', 'n2-standard-4'),
    min_cpu_platform: (0,schema/* opt */.m7)(schema.s.string(), 'e.g. Intel Ice Lake'),
    accelerator_type: (0,schema/* opt */.m7)(schema.s.string(), 'e.g. nvidia-tesla-t4, or a full URL'),
    accelerator_count: (0,schema/* opt */.m7)(schema.s.int(1, 16), 'number of accelerator_type GPUs to attach', undefined, 1),
    on_host_maintenance: (0,schema/* opt */.m7)(schema.s.enum(['MIGRATE', 'TERMINATE']), "what GCE does at host maintenance: live-migrate or stop the instance (default: GCE's, MIGRATE; always TERMINATE with accelerators or preemptible)"),
    preemptible: (0,schema/* opt */.m7)(schema.s.bool(), 'a Spot VM (cheaper; may be reclaimed)', false),
    max_run_duration: (0,schema/* opt */.m7)(schema.s.duration(), 'the instance deletes itself after this long, even if bake is killed (default: the build timeout + 30m, else 4h)'),
    max_run_duration_in_seconds: (0,schema/* opt */.m7)(schema.s.int(30, 120 * 86_400), "Packer's name of max_run_duration"),
    instance_termination_action: (0,schema/* opt */.m7)(schema.s.enum(['DELETE']), 'what max_run_duration does (only DELETE)', 'DELETE'),
    disk_name: (0,schema/* opt */.m7)(schema.s.string(), 'name of the boot disk (default: the instance name)'),
    disk_size: (0,schema/* opt */.m7)(schema.s.int(10, 65536), 'GB', 20),
    disk_type: (0,schema/* opt */.m7)(schema.s.string(), 'pd-standard, pd-balanced, pd-ssd, hyperdisk-balanced ...', 'pd-standard'),
    disk_encryption_key: (0,schema/* opt */.m7)(encryptionKey, 'key of the boot disk'),
    disk_attachment: (0,schema/* opt */.m7)(schema.s.list(diskAttachment), 'extra disks for the build (scratch space, a data volume): made with the instance with autoDelete, so they go with it even if bake cannot clean up'),
    network: (0,schema/* opt */.m7)(schema.s.string(), 'network name or URL', 'default'),
    subnetwork: (0,schema/* opt */.m7)(schema.s.string(), 'subnetwork name or URL'),
    network_project_id: (0,schema/* opt */.m7)(schema.s.string(), 'project of a shared VPC (default: project_id)'),
    omit_external_ip: (0,schema/* opt */.m7)(schema.s.bool(), 'no external address (needs use_internal_ip)', false),
    use_internal_ip: (0,schema/* opt */.m7)(schema.s.bool(), 'connect to the internal address', false),
    tags: (0,schema/* opt */.m7)(schema.s.list(schema.s.string()), 'network tags (firewall rules match them)'),
    labels: (0,schema/* opt */.m7)(schema.s.map(schema.s.string()), 'labels of the instance and its disk'),
    metadata: (0,schema/* opt */.m7)(schema.s.map(schema.s.string()), 'instance metadata'),
    metadata_files: (0,schema/* opt */.m7)(schema.s.map(schema.s.string()), 'instance metadata read from files'),
    startup_script_file: (0,schema/* opt */.m7)(schema.s.string(), 'script the instance runs at boot; the build waits for it'),
    startup_script_timeout: (0,schema/* opt */.m7)(schema.s.duration(), 'how long the startup script may run', '10m'),
    service_account_email: (0,schema/* opt */.m7)(schema.s.string(), 'service account of the instance (default: the default one)'),
    disable_default_service_account: (0,schema/* opt */.m7)(schema.s.bool(), 'no service account at all', false),
    scopes: (0,schema/* opt */.m7)(schema.s.list(schema.s.string()), 'OAuth scopes of the instance service account'),
    enable_secure_boot: (0,schema/* opt */.m7)(schema.s.bool(), "Shielded VM: boot only signed code (needs a UEFI image; GCE's default: off). Setting any of the three Shielded VM settings sends all three, the unset ones as false"),
    enable_vtpm: (0,schema/* opt */.m7)(schema.s.bool(), "Shielded VM: a virtual TPM (GCE's default: on for Shielded VM images; false when only another Shielded VM setting is given)"),
    enable_integrity_monitoring: (0,schema/* opt */.m7)(schema.s.bool(), "Shielded VM: check each boot against a baseline, needs enable_vtpm (GCE's default: on for Shielded VM images; false when only another Shielded VM setting is given)"),
    enable_nested_virtualization: (0,schema/* opt */.m7)(schema.s.bool(), 'allow VMs inside the build instance (Intel machine types only)', false),
    image_name: (0,schema/* req */.DQ)(schema.s.string(), 'name of the new image; must be unused in image_project_id'),
    image_project_id: (0,schema/* opt */.m7)(schema.s.string(), 'project to store the image in (default: project_id)'),
    image_family: (0,schema/* opt */.m7)(schema.s.string(), 'family of the new image: users of the family get the newest image in it', undefined, 'golden-debian-12'),
    image_description: (0,schema/* opt */.m7)(schema.s.string(), 'description of the new image'),
    image_labels: (0,schema/* opt */.m7)(schema.s.map(schema.s.string()), 'labels of the new image', undefined, { team: 'platform' }),
    image_storage_locations: (0,schema/* opt */.m7)(schema.s.list(schema.s.string(), { single: true }), 'one region or multi-region'),
    image_licenses: (0,schema/* opt */.m7)(schema.s.list(schema.s.string()), 'license URLs to attach to the image', undefined, [
        'projects/vm-options/global/licenses/enable-vmx',
    ]),
    image_guest_os_features: (0,schema/* opt */.m7)(schema.s.list(schema.s.string()), 'e.g. UEFI_COMPATIBLE, GVNIC'),
    image_architecture: (0,schema/* opt */.m7)(schema.s.enum(['X86_64', 'ARM64', 'x86_64', 'arm64']), 'architecture of the new image (default: that of the disk)'),
    image_encryption_key: (0,schema/* opt */.m7)(encryptionKey, 'key of the image'),
    force: (0,schema/* opt */.m7)(schema.s.bool(), 'replace an image of the same name', false),
    state_timeout: (0,schema/* opt */.m7)(schema.s.duration(), "caps every wait (Packer's single timeout)"),
    create_instance_timeout: (0,schema/* opt */.m7)(schema.s.duration(), 'instance creation', '10m'),
    image_timeout: (0,schema/* opt */.m7)(schema.s.duration(), 'image creation', '60m'),
    delete_timeout: (0,schema/* opt */.m7)(schema.s.duration(), 'deleting the instance and the disk', '10m'),
    ...schema_ssh,
    ...ssh_schema/* clearKeyField */.fw,
    ssh_username: {
        ...ssh_schema/* sshFields */.Oy.ssh_username,
        description: `${ssh_schema/* sshFields */.Oy.ssh_username.description} (required, unless use_os_login picks the OS Login user)`,
    },
    temporary_key_pair_type: (0,schema/* opt */.m7)(schema.s.enum(['ed25519', 'rsa']), 'type of the temporary SSH key (when no ssh_private_key_file is given)', 'ed25519'),
    runs_on: (0,schema/* opt */.m7)(schema.s.string(), 'runner label for this source in the reusable workflow'),
    // Packer settings with a value bake does anyway; the other values are refused in refine.
    use_iap: (0,schema/* opt */.m7)(schema.s.bool(), `only false: ${USE_IAP_WHY}`, false),
    use_os_login: (0,schema/* opt */.m7)(schema.s.bool(), "import the temporary key into the OS Login profile of the account the build runs as (and delete it after) instead of the instance metadata; SSH logs in as that profile's POSIX user", false),
    os_login_ssh_username: (0,schema/* opt */.m7)(schema.s.string(), "with use_os_login, the user to log in as: __auto__ (the profile's POSIX user), __external__ (that name with ext_ before it, for accounts from another organization) or a name", '__auto__'),
    skip_create_image: (0,schema/* opt */.m7)(schema.s.bool(), 'only false: a build always makes an image', false),
    wrap_startup_script: (0,schema/* opt */.m7)(schema.s.bool(), 'only true: the startup script is always wrapped so that its end can be read from the serial port', true),
    communicator: (0,schema/* opt */.m7)(schema.s.enum(['ssh', 'winrm', 'none']), 'only ssh is supported', 'ssh'),
    // Packer settings bake refuses.
    iap_localhost_port: (0,schema/* refused */.J5)(IAP),
    iap_hashbang: (0,schema/* refused */.J5)(IAP),
    iap_ext: (0,schema/* refused */.J5)(IAP),
    iap_tunnel_launch_wait: (0,schema/* refused */.J5)(IAP),
    address: (0,schema/* refused */.J5)('the instance gets an ephemeral external address, not a reserved one'),
    node_affinity: (0,schema/* refused */.J5)('the instance does not run on sole-tenant nodes'),
    windows_password_timeout: (0,schema/* refused */.J5)('only Linux instances are built'),
    vault_gcp_oauth_engine: (0,schema/* refused */.J5)('use access_token with a token from Vault instead'),
    wait_to_add_ssh_keys: (0,schema/* refused */.J5)('not needed: the key is in the metadata the instance is created with'),
    enable_proxy: (0,schema/* refused */.J5)('the instance is reached directly, or through ssh_bastion_host'),
    image_deprecate: (0,schema/* refused */.J5)('the image is made active; deprecate older images after the build'),
});
function labelProblems(key, m, out) {
    for (const [k, v] of Object.entries((m ?? {}))) {
        if (!LABEL_KEY.test(k))
            out.push({
                key: `${key}.${k}`,
                message: `label key "${k}" is not valid in GCP`,
                hint: 'lowercase letters, digits, - and _, starting with a letter, at most 63',
            });
        if (!LABEL_VALUE.test(String(v)))
            out.push({
                key: `${key}.${k}`,
                message: `label value "${String(v)}" is not valid in GCP`,
                hint: 'lowercase letters, digits, - and _, at most 63 (use lower() and replace())',
            });
    }
}
/** Rules across fields, checked by validate with the spec's positions. */
function refineGooglecompute(c) {
    const out = [];
    const only = (k, bad, message, hint) => {
        if (bad)
            out.push({ key: k, message, hint });
    };
    only('use_iap', c.use_iap === true, 'use_iap is not supported', USE_IAP_WHY);
    const osLogin = c.use_os_login === true;
    only('ssh_username', !osLogin && c.ssh_username === undefined, 'missing required key "ssh_username"', 'the user SSH logs in as (e.g. packer; the guest environment creates it from the key in the metadata)');
    only('ssh_username', osLogin && c.ssh_username !== undefined, "ssh_username is not used with use_os_login: SSH logs in as the OS Login profile's user", 'leave ssh_username out, or name the user in os_login_ssh_username');
    only('os_login_ssh_username', !osLogin && c.os_login_ssh_username !== undefined, 'os_login_ssh_username needs use_os_login: true', 'set use_os_login: true, or use ssh_username');
    for (const k of ['ssh_private_key_file', 'ssh_private_key', 'ssh_password', 'ssh_agent_auth'])
        only(k, osLogin && c[k] !== undefined && c[k] !== false, `${k} cannot be used with use_os_login: OS Login takes bake's temporary key`, 'for a key already in your OS Login profile, leave use_os_login out and set metadata: {enable-oslogin: "TRUE"} with ssh_username');
    only('skip_create_image', c.skip_create_image === true, 'skip_create_image is not supported: a build always makes an image', 'to try provisioners without a cloud, use the null or docker builder');
    only('wrap_startup_script', c.wrap_startup_script === false, 'wrap_startup_script: false is not supported', 'the startup script is always wrapped so that its end can be read from the serial port');
    only('communicator', c.communicator !== undefined && c.communicator !== 'ssh', `communicator ${String(c.communicator)} is not supported: only ssh (Linux only)`);
    if (c.source_image === undefined && c.source_image_family === undefined)
        out.push({
            key: '',
            message: 'set source_image or source_image_family',
            hint: 'e.g. source_image_family: debian-12 with source_image_project_id: [debian-cloud]',
        });
    if (c.source_image !== undefined && c.source_image_family !== undefined)
        out.push({
            key: 'source_image_family',
            message: 'set only one of source_image and source_image_family',
        });
    const name = (k) => {
        if (typeof c[k] === 'string' && !NAME.test(c[k]))
            out.push({
                key: k,
                message: `${k} "${c[k]}" is not a valid GCE name`,
                hint: '1 to 63 lowercase letters, digits and -, starting with a letter, not ending with - (use clean_resource_name())',
            });
    };
    for (const k of ['image_name', 'image_family', 'instance_name', 'disk_name'])
        name(k);
    labelProblems('labels', c.labels, out);
    labelProblems('image_labels', c.image_labels, out);
    if (c.omit_external_ip === true && c.use_internal_ip !== true)
        out.push({
            key: 'omit_external_ip',
            message: 'omit_external_ip needs use_internal_ip: true',
            hint: 'without an external address the instance is reached on its internal one',
        });
    if ((c.accelerator_type === undefined) !== (c.accelerator_count === undefined))
        out.push({
            key: c.accelerator_type === undefined ? 'accelerator_count' : 'accelerator_type',
            message: 'set accelerator_type and accelerator_count together',
        });
    if (c.accelerator_type !== undefined && c.on_host_maintenance === 'MIGRATE')
        out.push({
            key: 'on_host_maintenance',
            message: 'instances with accelerators cannot live-migrate',
            hint: 'on_host_maintenance: TERMINATE (the default with accelerators)',
        });
    if (c.preemptible === true && c.on_host_maintenance === 'MIGRATE')
        out.push({
            key: 'on_host_maintenance',
            message: 'a preemptible (Spot) instance cannot live-migrate',
            hint: 'on_host_maintenance: TERMINATE',
        });
    if (c.max_run_duration !== undefined && c.max_run_duration_in_seconds !== undefined)
        out.push({
            key: 'max_run_duration_in_seconds',
            message: 'set only one of max_run_duration and max_run_duration_in_seconds',
        });
    const mrd = (0,schema/* parseDuration */.E9)(c.max_run_duration);
    if (mrd !== undefined && (mrd < 30_000 || mrd > 120 * 86_400_000))
        out.push({
            key: 'max_run_duration',
            message: 'max_run_duration must be between 30s and 120 days',
        });
    if (c.disable_default_service_account === true && c.service_account_email !== undefined)
        out.push({
            key: 'disable_default_service_account',
            message: 'set only one of disable_default_service_account and service_account_email',
        });
    const sources = ['access_token', 'credentials_json', 'credentials_file'].filter((k) => c[k] !== undefined);
    if (sources.length > 1)
        out.push({
            key: sources[1],
            message: `set only one of ${sources.join(', ')}`,
        });
    const locs = c.image_storage_locations;
    if (Array.isArray(locs) && locs.length > 1)
        out.push({
            key: 'image_storage_locations',
            message: 'image_storage_locations takes one location',
            hint: 'a region (us-east1) or a multi-region (us)',
        });
    for (const [i, d] of (c.disk_attachment ?? []).entries()) {
        const at = `disk_attachment[${i}]`;
        if (d.volume_type === 'scratch') {
            if (d.volume_size !== undefined && d.volume_size !== 375)
                out.push({
                    key: `${at}.volume_size`,
                    message: 'a scratch disk (local SSD) is 375 GB',
                    hint: 'leave volume_size out, or add more scratch disks',
                });
            for (const k of ['disk_name', 'attachment_mode'])
                if (d[k] !== undefined)
                    out.push({
                        key: `${at}.${k}`,
                        message: `${k} does not apply to a scratch disk`,
                        hint: 'a local SSD has no name of its own and is always read-write',
                    });
        }
        else if (d.volume_size === undefined)
            out.push({
                key: `${at}.volume_size`,
                message: `missing required key "volume_size" for a ${String(d.volume_type)} disk`,
                hint: 'the size in GB, e.g. volume_size: 100',
            });
    }
    for (const k of ['image_encryption_key', 'disk_encryption_key']) {
        const key = c[k];
        if (key && (key.kmsKeyName === undefined) === (key.rawKey === undefined))
            out.push({ key: k, message: `${k} takes exactly one of kmsKeyName and rawKey` });
    }
    return out;
}

;// CONCATENATED MODULE: ./src/plugins/builders/googlecompute/index.ts
/**
 * The googlecompute builder (Packer's name): a GCE image from a temporary instance that
 * deletes itself if bake cannot. Everything that touches the Google client libraries loads
 * on first use, so `bake validate` and Docker-only runs never parse them.
 */


const GCE_KINDS = ['gce-instance', 'gce-disk', 'gce-image', 'gce-oslogin-key'];
const googlecompute_cleaner = (kind) => async (entry) => (await Promise.all(/* import() */[__webpack_require__.e(3324), __webpack_require__.e(4514), __webpack_require__.e(1933), __webpack_require__.e(6219)]).then(__webpack_require__.bind(__webpack_require__, 66219))).gceCleaners[kind](entry);
const googlecompute = {
    kind: 'builder',
    type: 'googlecompute',
    description: 'a GCE image from a temporary Compute Engine instance',
    schema: googlecomputeSchema,
    refine: (c) => refineGooglecompute(c),
    artifact: 'machine-image',
    cleaners: Object.fromEntries(GCE_KINDS.map((k) => [k, googlecompute_cleaner(k)])),
    localInputs: (c, dir) => [
        ...(typeof c.startup_script_file === 'string' ? [(0,external_node_path_.resolve)(dir, c.startup_script_file)] : []),
        ...Object.values((c.metadata_files ?? {})).map((f) => (0,external_node_path_.resolve)(dir, String(f))),
    ],
    reuse: {
        base: async (c) => (await Promise.all(/* import() */[__webpack_require__.e(6118), __webpack_require__.e(5472), __webpack_require__.e(3324), __webpack_require__.e(4514), __webpack_require__.e(1933), __webpack_require__.e(7870), __webpack_require__.e(9989)]).then(__webpack_require__.bind(__webpack_require__, 89989))).imageBase(c),
        exists: async (c, a) => (await Promise.all(/* import() */[__webpack_require__.e(6118), __webpack_require__.e(5472), __webpack_require__.e(3324), __webpack_require__.e(4514), __webpack_require__.e(1933), __webpack_require__.e(7870), __webpack_require__.e(9989)]).then(__webpack_require__.bind(__webpack_require__, 89989))).imageExists(c, a.id),
    },
    sweep: {
        where: { option: 'project', env: ['GOOGLE_CLOUD_PROJECT', 'CLOUDSDK_CORE_PROJECT'] },
        run: async (o) => (await Promise.all(/* import() */[__webpack_require__.e(3324), __webpack_require__.e(4514), __webpack_require__.e(1933), __webpack_require__.e(7018)]).then(__webpack_require__.bind(__webpack_require__, 97018))).sweep({ ...o, projects: o.locations }),
    },
    load: async () => ({
        async steps(env, provision) {
            const { gceSteps } = await Promise.all(/* import() */[__webpack_require__.e(6118), __webpack_require__.e(5472), __webpack_require__.e(3324), __webpack_require__.e(4514), __webpack_require__.e(1933), __webpack_require__.e(7870), __webpack_require__.e(9989)]).then(__webpack_require__.bind(__webpack_require__, 89989));
            // The steps keep more state than BuildState names; the engine only passes it through.
            return gceSteps(env, provision);
        },
    }),
};

;// CONCATENATED MODULE: ./src/plugins/builders/qemu/schema.ts


// The host is always 127.0.0.1 (the forwarded port); every other ssh_* setting applies.
const qemu_schema_ssh = Object.fromEntries(Object.entries(ssh_schema/* sshFields */.Oy).filter(([k]) => k !== 'ssh_host'));
const DISK_INTERFACES = ['virtio', 'virtio-scsi', 'scsi', 'ide', 'sata'];
const NET_DEVICES = ['virtio-net', 'virtio-net-pci', 'e1000', 'rtl8139', 'vmxnet3'];
const qemuSchema = schema.s.object({
    iso_url: (0,schema/* req */.DQ)(schema.s.string(), 'the base disk to start from: a qcow2 or raw file (relative to the spec) or an http(s) URL', 'debian-12-genericcloud-amd64.qcow2'),
    iso_checksum: (0,schema/* opt */.m7)(schema.s.string({
        pattern: /^(none|(sha256|sha512|sha1|md5):[0-9a-fA-F]+)$/,
        patternHint: 'write it as sha256:<hex> (or sha512:, sha1:, md5:), or none',
    }), 'checksum of the base disk, e.g. sha256:<hex>; required for a URL ("none" to skip)'),
    disk_image: (0,schema/* req */.DQ)(schema.s.bool(), 'iso_url is a bootable disk image, not an installer ISO', true),
    use_backing_file: (0,schema/* opt */.m7)(schema.s.bool(), 'the output is a qcow2 overlay on iso_url instead of a full copy (skips compaction)', false),
    format: (0,schema/* opt */.m7)(schema.s.enum(['qcow2', 'raw']), 'format of the output disk', 'qcow2'),
    disk_size: (0,schema/* opt */.m7)(schema.s.string({
        pattern: /^[1-9]\d*[KMGT]?$/,
        patternHint: 'a size in MiB (10240) or with a suffix (10G, 512M)',
    }), 'grow the disk to this size (MiB, or with K/M/G/T); never shrinks it', undefined, '10G'),
    disk_compression: (0,schema/* opt */.m7)(schema.s.bool(), 'compress the qcow2 output (qemu-img convert -c)', false),
    skip_compaction: (0,schema/* opt */.m7)(schema.s.bool(), 'keep the working qcow2 as it is instead of rewriting it with qemu-img convert', false),
    output_directory: (0,schema/* opt */.m7)(schema.s.string(), 'directory for the output disk, relative to the spec; must not hold a disk of the same name', 'output-{{.BuildName}}'),
    vm_name: (0,schema/* opt */.m7)(schema.s.string(), 'file name of the output disk', '{{.BuildName}}.<format>'),
    accelerator: (0,schema/* opt */.m7)(schema.s.enum(['kvm', 'tcg', 'none']), 'kvm, tcg (software, slow) or none; the default is kvm when /dev/kvm works, else tcg'),
    cpus: (0,schema/* opt */.m7)(schema.s.int(1, 64), 'virtual CPUs', 1),
    memory: (0,schema/* opt */.m7)(schema.s.int(64, 262144), 'memory in MiB', 512),
    net_device: (0,schema/* opt */.m7)(schema.s.enum(NET_DEVICES), 'network card model', 'virtio-net'),
    disk_interface: (0,schema/* opt */.m7)(schema.s.enum(DISK_INTERFACES), 'how the disk is attached', 'virtio'),
    machine_type: (0,schema/* opt */.m7)(schema.s.string(), 'QEMU machine type (-machine)', 'pc'),
    efi_boot: (0,schema/* opt */.m7)(schema.s.bool(), 'boot with UEFI firmware (OVMF) instead of BIOS', false),
    efi_firmware_code: (0,schema/* opt */.m7)(schema.s.string(), 'OVMF code file', '/usr/share/OVMF/OVMF_CODE_4M.fd'),
    efi_firmware_vars: (0,schema/* opt */.m7)(schema.s.string(), 'OVMF variables template', '/usr/share/OVMF/OVMF_VARS_4M.fd'),
    qemu_binary: (0,schema/* opt */.m7)(schema.s.string(), 'the QEMU system emulator to run', 'qemu-system-x86_64'),
    qemuargs: (0,schema/* opt */.m7)(schema.s.list(schema.s.list(schema.s.string())), 'extra QEMU arguments, each a list such as ["-smbios", "type=1,serial=x"], added after bake\'s own'),
    cd_files: (0,schema/* opt */.m7)(schema.s.list(schema.s.string()), 'files and directories (relative to the spec) put on a CD attached to the VM'),
    cd_content: (0,schema/* opt */.m7)(schema.s.map(schema.s.string()), 'files (name: content) put on the CD; {{ .SSHPublicKey }} is the temporary public key'),
    cd_label: (0,schema/* opt */.m7)(schema.s.string({ pattern: /^[A-Za-z0-9_-]{1,32}$/, patternHint: 'letters, digits, _ and -' }), 'volume label of the CD; cidata makes it a cloud-init NoCloud seed', 'cidata'),
    host_port_min: (0,schema/* opt */.m7)(schema.s.int(1024, 65535), 'lowest host port for the SSH forward', 2222),
    host_port_max: (0,schema/* opt */.m7)(schema.s.int(1024, 65535), 'highest host port for the SSH forward', 4444),
    boot_wait: (0,schema/* opt */.m7)(schema.s.duration(), 'wait after starting the VM before connecting', '10s'),
    shutdown_command: (0,schema/* opt */.m7)(schema.s.string(), 'command that powers the VM off (e.g. sudo poweroff); without it, an ACPI power-down', undefined, 'sudo poweroff'),
    shutdown_timeout: (0,schema/* opt */.m7)(schema.s.duration(), 'how long the VM may take to power off', '5m'),
    ...qemu_schema_ssh,
    ssh_username: { ...qemu_schema_ssh.ssh_username, required: true },
    ssh_port: (0,schema/* opt */.m7)(schema.s.int(1, 65535), 'TCP port of sshd inside the VM', 22),
    headless: (0,schema/* opt */.m7)(schema.s.bool(), 'QEMU always runs without a display here; false is refused', true),
    boot_command: (0,schema/* refused */.J5)('typing into the console over VNC (for ISO installers) is not supported: start from a disk image (disk_image: true) and configure it with cd_content (a cloud-init seed)'),
    runs_on: (0,schema/* opt */.m7)(schema.s.string(), 'runner label for this source in the reusable workflow'),
});
function refineQemu(c) {
    const out = [];
    if (c.disk_image === false)
        out.push({
            key: 'disk_image',
            message: 'installing from an ISO is not supported (it needs boot_command, typed over VNC)',
            hint: 'start from a bootable qcow2 or raw disk (e.g. a cloud image) with disk_image: true',
        });
    const url = String(c.iso_url ?? '');
    if (/^https?:\/\//.test(url) && c.iso_checksum === undefined)
        out.push({
            key: 'iso_url',
            message: 'a base disk downloaded over http(s) needs iso_checksum',
            hint: 'set iso_checksum: sha256:<hex> (or none to skip the check)',
        });
    else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url) && !/^(https?|file):\/\//.test(url))
        out.push({
            key: 'iso_url',
            message: `iso_url ${url}: only local paths, file:// and http(s) URLs are supported`,
        });
    if (c.use_backing_file === true && (c.format ?? 'qcow2') !== 'qcow2')
        out.push({
            key: 'use_backing_file',
            message: 'use_backing_file makes a qcow2 overlay, but format is raw',
            hint: 'set format: qcow2, or remove use_backing_file',
        });
    if (c.use_backing_file === true && c.disk_compression === true)
        out.push({
            key: 'disk_compression',
            message: 'disk_compression has no effect with use_backing_file (the overlay is not converted)',
            hint: 'remove one of them',
        });
    if (c.disk_compression === true && c.format === 'raw')
        out.push({
            key: 'disk_compression',
            message: 'a raw disk cannot be compressed',
            hint: 'use format: qcow2, or a compress post-processor',
        });
    if (c.headless === false)
        out.push({
            key: 'headless',
            message: 'bake runs QEMU without a display (there is no VNC or window to show)',
            hint: "remove headless; read the VM's serial console in the error output instead",
        });
    if (c.skip_compaction === true && (c.format === 'raw' || c.disk_compression === true))
        out.push({
            key: 'skip_compaction',
            message: `skip_compaction keeps the working qcow2, so ${c.format === 'raw' ? 'format: raw' : 'disk_compression'} cannot apply`,
            hint: 'remove skip_compaction, or the other setting',
        });
    const min = Number(c.host_port_min ?? 2222);
    const max = Number(c.host_port_max ?? 4444);
    if (min > max)
        out.push({
            key: 'host_port_max',
            message: `host_port_max ${max} is below host_port_min ${min}`,
        });
    if (c.cd_label !== undefined && c.cd_files === undefined && c.cd_content === undefined)
        out.push({
            key: 'cd_label',
            message: 'cd_label names a CD, but neither cd_files nor cd_content puts anything on it',
            hint: 'add cd_content (e.g. user-data and meta-data for cloud-init) or remove cd_label',
        });
    const needsEfi = ['efi_firmware_code', 'efi_firmware_vars'].filter((k) => c[k] !== undefined);
    if (needsEfi.length && c.efi_boot !== true)
        out.push({
            key: needsEfi[0],
            message: `${needsEfi[0]} is only used with efi_boot: true`,
            hint: 'set efi_boot: true, or remove it',
        });
    for (const [i, arg] of (c.qemuargs ?? []).entries())
        if (!arg.length || !arg[0].startsWith('-'))
            out.push({
                key: `qemuargs.${i}`,
                message: 'each qemuargs entry starts with an option, e.g. ["-smbios", "type=1,serial=x"]',
            });
    return out;
}

;// CONCATENATED MODULE: ./src/plugins/builders/qemu/index.ts
/**
 * The qemu builder (Packer's name): a provisioned VM disk (qcow2 or raw) from a base disk,
 * booted headless under QEMU on this machine and reached over SSH through a forwarded port.
 */



const qemu = {
    kind: 'builder',
    type: 'qemu',
    description: 'a VM disk (qcow2 or raw) from a base disk, provisioned under QEMU on this machine',
    schema: qemuSchema,
    refine: (c) => refineQemu(c),
    artifact: 'files',
    cleaners: {
        // The pid with its start time: a pid the system has since reused is left alone.
        'qemu-process': async (e) => (await __webpack_require__.e(/* import() */ 7939).then(__webpack_require__.bind(__webpack_require__, 17939))).stopQemu(e.ref),
        'qemu-file': async (e) => (await __webpack_require__.e(/* import() */ 7939).then(__webpack_require__.bind(__webpack_require__, 17939))).removePath(e.ref.path),
        'qemu-directory': async (e) => (await __webpack_require__.e(/* import() */ 7939).then(__webpack_require__.bind(__webpack_require__, 17939))).removeEmptyDirs(e.ref.path, e.ref.path),
    },
    localInputs: (c, dir) => [
        ...(0,ssh_schema/* sshLocalInputs */.pE)(c, dir),
        ...(typeof c.iso_url === 'string' && !/^[a-z]+:\/\//i.test(c.iso_url)
            ? [(0,external_node_path_.resolve)(dir, c.iso_url)]
            : []),
        ...(c.cd_files ?? []).map((f) => (0,external_node_path_.resolve)(dir, f)),
    ],
    load: async () => ({
        async steps(env, provision) {
            const { qemuSteps } = await Promise.all(/* import() */[__webpack_require__.e(6118), __webpack_require__.e(5472), __webpack_require__.e(7870), __webpack_require__.e(5509)]).then(__webpack_require__.bind(__webpack_require__, 35509));
            // The steps keep more state than BuildState names; the engine only passes it through.
            return qemuSteps(env, provision);
        },
    }),
};

;// CONCATENATED MODULE: ./src/plugins/provisioners/shell/index.ts
/** The shell provisioner (Packer's name): its settings, and its implementation behind load(). */


const shellSchema = schema.s.object({
    inline: (0,schema/* opt */.m7)(schema.s.list(schema.s.string(), { single: true }), 'commands to run, as one script', undefined, [
        'apt-get update',
        'apt-get install -y nginx',
    ]),
    script: (0,schema/* opt */.m7)(schema.s.string(), 'a local script to upload and run'),
    scripts: (0,schema/* opt */.m7)(schema.s.list(schema.s.string()), 'local scripts to upload and run in order'),
    environment_vars: (0,schema/* opt */.m7)(schema.s.list(schema.s.string()), 'KEY=value pairs for the scripts'),
    env: (0,schema/* opt */.m7)(schema.s.map(schema.s.string()), 'environment for the scripts'),
    execute_command: (0,schema/* opt */.m7)(schema.s.string(), 'how a script is run; {{.Vars}}, {{.Path}} and {{.EnvVarFile}} are replaced', 'chmod +x {{.Path}}; {{.Vars}} {{.Path}}'),
    inline_shebang: (0,schema/* opt */.m7)(schema.s.string(), 'interpreter line for inline commands', '/bin/sh -e'),
    env_var_format: (0,schema/* opt */.m7)(schema.s.string(), 'printf format of each variable in {{.Vars}} (or in the var file), NAME then value, e.g. "%s=\'%s\' "'),
    use_env_var_file: (0,schema/* opt */.m7)(schema.s.bool(), 'write the variables to a file that execute_command sources ({{.EnvVarFile}}), instead of the command line', false),
    remote_folder: (0,schema/* opt */.m7)(schema.s.string(), 'where scripts are uploaded', '/tmp'),
    remote_file: (0,schema/* opt */.m7)(schema.s.string(), 'file name of the uploaded script'),
    remote_path: (0,schema/* opt */.m7)(schema.s.string(), 'full remote path of the uploaded script'),
    valid_exit_codes: (0,schema/* opt */.m7)(schema.s.list(schema.s.int(0, 255)), 'exit codes that count as success', [0]),
    expect_disconnect: (0,schema/* opt */.m7)(schema.s.bool(), 'a dropped connection is not an error (reboots)', false),
    skip_clean: (0,schema/* opt */.m7)(schema.s.bool(), 'leave the uploaded script in place', false),
    pause_after: (0,schema/* opt */.m7)(schema.s.duration(), 'wait after the scripts ran'),
    start_retry_timeout: (0,schema/* opt */.m7)(schema.s.duration(), 'how long to retry starting the script', '5m'),
});
const shellProvisioner = {
    kind: 'provisioner',
    type: 'shell',
    description: 'run shell commands or scripts in the machine being built',
    schema: shellSchema,
    localInputs: (c, dir) => [
        ...(typeof c.script === 'string' ? [(0,external_node_path_.resolve)(dir, c.script)] : []),
        ...(Array.isArray(c.scripts) ? c.scripts.map((x) => (0,external_node_path_.resolve)(dir, String(x))) : []),
    ],
    load: async () => (await __webpack_require__.e(/* import() */ 8915).then(__webpack_require__.bind(__webpack_require__, 48915))).shell,
};

;// CONCATENATED MODULE: ./src/plugins/provisioners/file/index.ts
/** The file provisioner (Packer's name): its settings, and its implementation behind load(). */


const fileSchema = schema.s.object({
    source: (0,schema/* opt */.m7)(schema.s.string(), 'local file or directory (directory/ copies its contents)'),
    sources: (0,schema/* opt */.m7)(schema.s.list(schema.s.string()), 'several local files'),
    content: (0,schema/* opt */.m7)(schema.s.string(), 'text to write to destination'),
    destination: (0,schema/* req */.DQ)(schema.s.string(), 'remote path (local path for downloads)', '/tmp/app/'),
    direction: (0,schema/* opt */.m7)(schema.s.enum(['upload', 'download']), 'upload (default) or download', 'upload'),
});
const fileProvisioner = {
    kind: 'provisioner',
    type: 'file',
    description: 'upload or download files and directories',
    schema: fileSchema,
    localInputs: (c, dir) => (c.direction ?? 'upload') !== 'upload'
        ? []
        : [
            ...(typeof c.source === 'string' ? [(0,external_node_path_.resolve)(dir, c.source)] : []),
            ...(Array.isArray(c.sources) ? c.sources.map((x) => (0,external_node_path_.resolve)(dir, String(x))) : []),
        ],
    load: async () => (await __webpack_require__.e(/* import() */ 1521).then(__webpack_require__.bind(__webpack_require__, 41521))).file,
};

;// CONCATENATED MODULE: ./src/plugins/provisioners/shell-local/index.ts
/** The shell-local provisioner (Packer's name): its settings, and its implementation behind load(). */


const shellLocalSchema = schema.s.object({
    inline: (0,schema/* opt */.m7)(schema.s.list(schema.s.string(), { single: true }), 'commands to run on this machine', undefined, [
        'echo built ${build.name}',
    ]),
    command: (0,schema/* opt */.m7)(schema.s.string(), 'one command to run on this machine'),
    script: (0,schema/* opt */.m7)(schema.s.string(), 'a script on this machine to run'),
    scripts: (0,schema/* opt */.m7)(schema.s.list(schema.s.string()), 'scripts on this machine to run in order'),
    environment_vars: (0,schema/* opt */.m7)(schema.s.list(schema.s.string()), 'KEY=value pairs for the commands'),
    env: (0,schema/* opt */.m7)(schema.s.map(schema.s.string()), 'environment for the commands, name: value'),
    execute_command: (0,schema/* opt */.m7)(schema.s.list(schema.s.string()), 'argv that runs a script; {{.Script}} is replaced', [
        '/bin/sh',
        '-c',
        '{{.Vars}} {{.Script}}',
    ]),
    inline_shebang: (0,schema/* opt */.m7)(schema.s.string(), 'interpreter line for inline commands', '/bin/sh -e'),
    valid_exit_codes: (0,schema/* opt */.m7)(schema.s.list(schema.s.int(0, 255)), 'exit codes that count as success', [0]),
});
const shellLocalProvisioner = {
    kind: 'provisioner',
    type: 'shell-local',
    description: 'run commands on the machine running bake',
    schema: shellLocalSchema,
    localInputs: (c, dir) => [
        ...(typeof c.script === 'string' ? [(0,external_node_path_.resolve)(dir, c.script)] : []),
        ...(Array.isArray(c.scripts) ? c.scripts.map((x) => (0,external_node_path_.resolve)(dir, String(x))) : []),
    ],
    load: async () => (await __webpack_require__.e(/* import() */ 9615).then(__webpack_require__.bind(__webpack_require__, 69615))).shellLocal,
};

;// CONCATENATED MODULE: ./src/plugins/provisioners/restart/index.ts

const restartSchema = schema.s.object({
    restart_command: (0,schema/* opt */.m7)(schema.s.string(), 'command that reboots the machine', 'shutdown -r now', 'sudo shutdown -r now'),
    restart_check_command: (0,schema/* opt */.m7)(schema.s.string(), 'must succeed once the machine is back'),
    restart_timeout: (0,schema/* opt */.m7)(schema.s.duration(), 'how long the machine may take to come back', '5m'),
});
const restartProvisioner = {
    kind: 'provisioner',
    type: 'restart',
    description: 'reboot the machine and wait for it to come back',
    schema: restartSchema,
    load: async () => (await __webpack_require__.e(/* import() */ 5327).then(__webpack_require__.bind(__webpack_require__, 5327))).restart,
};

;// CONCATENATED MODULE: ./src/plugins/provisioners/ansible/index.ts
/** The ansible provisioner (Packer's name): its settings, and its implementation behind load(). */



const ansibleSchema = schema.s.object({
    playbook_file: (0,schema/* req */.DQ)(schema.s.string(), 'the playbook to run', 'playbook.yml'),
    extra_arguments: (0,schema/* opt */.m7)(schema.s.list(schema.s.string()), 'more ansible-playbook arguments, e.g. ["--tags", "web"]'),
    ansible_env_vars: (0,schema/* opt */.m7)(schema.s.list(schema.s.string()), 'KEY=value environment for ansible-playbook'),
    user: (0,schema/* opt */.m7)(schema.s.string(), "remote user (default: the build's SSH user)"),
    groups: (0,schema/* opt */.m7)(schema.s.list(schema.s.string()), 'inventory groups the machine is in'),
    host_alias: (0,schema/* opt */.m7)(schema.s.string(), 'inventory name of the machine', 'default'),
    galaxy_file: (0,schema/* opt */.m7)(schema.s.string(), 'requirements file for ansible-galaxy, installed first'),
    roles_path: (0,schema/* opt */.m7)(schema.s.string(), 'where ansible-playbook looks for roles (ANSIBLE_ROLES_PATH)'),
    collections_path: (0,schema/* opt */.m7)(schema.s.string(), 'where ansible-playbook looks for collections (ANSIBLE_COLLECTIONS_PATH)'),
    use_sftp: (0,schema/* opt */.m7)(schema.s.bool(), 'transfer files with sftp (default scp/piped)'),
    command: (0,schema/* opt */.m7)(schema.s.string(), 'the ansible-playbook command', 'ansible-playbook'),
    inventory_file: (0,schema/* opt */.m7)(schema.s.string(), "an inventory of your own (groups, their vars, other hosts), read before the one bake writes, so the machine's address, port, user and key stay bake's"),
    inventory_directory: (0,schema/* refused */.J5)('bake writes the inventory for the machine being built; add other inventories with inventory_file or extra_arguments ["-i", "DIR"]'),
    sftp_command: (0,schema/* opt */.m7)(schema.s.string(), 'the command on the machine that serves sftp when Ansible sends files by sftp (for an sshd without the sftp subsystem), e.g. /usr/lib/openssh/sftp-server -e'),
    playbook_dir: (0,schema/* refused */.J5)('playbook_dir belongs to ansible-local, which runs Ansible on the machine (type: ansible-local); this one runs it from here with playbook_file (roles beside it are found)'),
});
const ansibleProvisioner = {
    kind: 'provisioner',
    type: 'ansible',
    description: 'run an Ansible playbook from this machine against the build',
    schema: ansibleSchema,
    // A Docker build is reached through the docker connection, where no sftp runs.
    refine: (c, ctx) => c.sftp_command !== undefined && ctx.builder === 'docker'
        ? [
            {
                key: 'sftp_command',
                message: 'sftp_command is for a machine reached over SSH; Ansible reaches a Docker build through the docker connection',
                hint: 'remove sftp_command, or leave this step out of the Docker source with only/except',
            },
        ]
        : [],
    // The playbook, its requirements, and the roles directory beside it (Ansible's default).
    localInputs: (c, dir) => {
        const playbook = (0,external_node_path_.resolve)(dir, String(c.playbook_file));
        const roles = (0,external_node_path_.join)((0,external_node_path_.dirname)(playbook), 'roles');
        return [
            playbook,
            ...(typeof c.galaxy_file === 'string' ? [(0,external_node_path_.resolve)(dir, c.galaxy_file)] : []),
            ...(typeof c.inventory_file === 'string' ? [(0,external_node_path_.resolve)(dir, c.inventory_file)] : []),
            ...((0,external_node_fs_.existsSync)(roles) ? [roles] : []),
        ];
    },
    load: async () => (await __webpack_require__.e(/* import() */ 6471).then(__webpack_require__.bind(__webpack_require__, 76471))).ansible,
};

;// CONCATENATED MODULE: ./src/plugins/provisioners/ansible-local/index.ts
/** The ansible-local provisioner (Packer's name): its settings, and its implementation behind load(). */


const ansibleLocalProvisioner = {
    kind: 'provisioner',
    type: 'ansible-local',
    description: 'upload a playbook and run Ansible on the machine being built (it needs Ansible)',
    schema: schema.s.object({
        playbook_file: (0,schema/* opt */.m7)(schema.s.string(), 'the playbook to upload and run', undefined, 'playbook.yml'),
        playbook_files: (0,schema/* opt */.m7)(schema.s.list(schema.s.string()), 'several playbooks, run one after another'),
        playbook_dir: (0,schema/* opt */.m7)(schema.s.string(), 'a folder uploaded whole into the staging directory (roles, vars, files beside the playbook)'),
        role_paths: (0,schema/* opt */.m7)(schema.s.list(schema.s.string()), 'role folders, uploaded as roles/<name>'),
        group_vars: (0,schema/* opt */.m7)(schema.s.string(), 'a group_vars folder to upload'),
        host_vars: (0,schema/* opt */.m7)(schema.s.string(), 'a host_vars folder to upload'),
        inventory_file: (0,schema/* opt */.m7)(schema.s.string(), 'an inventory to upload and use (default: 127.0.0.1)'),
        inventory_groups: (0,schema/* opt */.m7)(schema.s.list(schema.s.string()), 'groups the machine is in, in the inventory bake writes'),
        extra_arguments: (0,schema/* opt */.m7)(schema.s.list(schema.s.string()), 'more ansible-playbook arguments'),
        command: (0,schema/* opt */.m7)(schema.s.string(), 'the command that runs a playbook', 'ansible-playbook'),
        staging_directory: (0,schema/* opt */.m7)(schema.s.string(), 'where the files go on the machine (default: a new /tmp/bake-ansible-local-… folder)'),
        clean_staging_directory: (0,schema/* opt */.m7)(schema.s.bool(), 'remove the staging directory afterwards', false),
        galaxy_file: (0,schema/* refused */.J5)('ansible-galaxy is not run on the machine by bake: vendor the roles and upload them with role_paths or playbook_dir'),
        galaxy_command: (0,schema/* refused */.J5)('bake does not run ansible-galaxy on the machine (see galaxy_file)'),
    }),
    refine: (c) => c.playbook_file === undefined && c.playbook_files === undefined
        ? [
            {
                key: '',
                message: 'ansible-local needs playbook_file or playbook_files',
                hint: 'playbook_file: the playbook to run on the machine',
            },
        ]
        : c.playbook_file !== undefined && c.playbook_files !== undefined
            ? [{ message: 'set one of playbook_file and playbook_files', key: 'playbook_files' }]
            : [],
    localInputs: (c, dir) => [
        c.playbook_file,
        ...(c.playbook_files ?? []),
        c.playbook_dir,
        ...(c.role_paths ?? []),
        c.group_vars,
        c.host_vars,
        c.inventory_file,
    ]
        .filter((p) => typeof p === 'string')
        .map((p) => (0,external_node_path_.resolve)(dir, p)),
    load: async () => (await __webpack_require__.e(/* import() */ 5523).then(__webpack_require__.bind(__webpack_require__, 15523))).ansibleLocal,
};

;// CONCATENATED MODULE: ./src/plugins/post-processors/docker-tag/index.ts

const dockerTagPostProcessor = {
    kind: 'post-processor',
    type: 'docker-tag',
    description: 'tag the image built by the docker builder',
    schema: schema.s.object({
        repository: (0,schema/* req */.DQ)(schema.s.string(), 'repository to tag into', 'ghcr.io/org/app'),
        tags: (0,schema/* opt */.m7)(schema.s.list(schema.s.string(), { single: true }), 'tags (default: latest)', ['latest']),
        force: (0,schema/* opt */.m7)(schema.s.bool(), 'false refuses to move a tag that already names another image; unset or true moves it, as Docker does'),
    }),
    accepts: ['docker-image'],
    produces: 'same',
    needs: { docker: true },
    load: async () => (await __webpack_require__.e(/* import() */ 5192).then(__webpack_require__.bind(__webpack_require__, 35192))).dockerTag,
};

;// CONCATENATED MODULE: ./src/plugins/post-processors/docker-push/index.ts

const dockerPushPostProcessor = {
    kind: 'post-processor',
    type: 'docker-push',
    description: 'push the tagged image to its registry and record the digest',
    schema: schema.s.object({
        login: (0,schema/* opt */.m7)(schema.s.bool(), 'log in with the credentials below', false),
        login_username: (0,schema/* opt */.m7)(schema.s.string(), 'user to log in to the registry as'),
        login_password: (0,schema/* opt */.m7)(schema.s.string(), 'use a sensitive variable, never a literal'),
        login_server: (0,schema/* opt */.m7)(schema.s.string(), 'registry to log in to (default: the repository host)'),
    }),
    accepts: ['docker-image'],
    produces: 'same',
    needs: { docker: true },
    load: async () => (await Promise.all(/* import() */[__webpack_require__.e(6118), __webpack_require__.e(6441), __webpack_require__.e(5328)]).then(__webpack_require__.bind(__webpack_require__, 95328))).dockerPush,
};

;// CONCATENATED MODULE: ./src/plugins/post-processors/docker-save/index.ts

const dockerSavePostProcessor = {
    kind: 'post-processor',
    type: 'docker-save',
    description: 'save the image to a tar file',
    schema: schema.s.object({
        path: (0,schema/* req */.DQ)(schema.s.string(), 'output tar file (.tar or .tar.gz)', 'out/image.tar'),
        compress: (0,schema/* opt */.m7)(schema.s.bool(), 'gzip the tar (implied by a .gz name)'),
    }),
    accepts: ['docker-image'],
    produces: 'files',
    needs: { docker: true },
    load: async () => (await __webpack_require__.e(/* import() */ 8200).then(__webpack_require__.bind(__webpack_require__, 28200))).dockerSave,
};

;// CONCATENATED MODULE: ./src/plugins/post-processors/manifest/index.ts

const manifestPostProcessor = {
    kind: 'post-processor',
    type: 'manifest',
    description: 'record the artifacts in a JSON manifest (Packer shape)',
    schema: schema.s.object({
        output: (0,schema/* opt */.m7)(schema.s.string(), 'manifest path', 'bake-manifest.json'),
        strip_path: (0,schema/* opt */.m7)(schema.s.bool(), 'record file names without directories', false),
        custom_data: (0,schema/* opt */.m7)(schema.s.map(schema.s.string()), 'extra values recorded with each build'),
    }),
    accepts: 'any',
    produces: 'same',
    recordsOnly: true,
    load: async () => (await __webpack_require__.e(/* import() */ 7096).then(__webpack_require__.bind(__webpack_require__, 27096))).manifest,
};

;// CONCATENATED MODULE: ./src/plugins/post-processors/checksum/index.ts

const checksumPostProcessor = {
    kind: 'post-processor',
    type: 'checksum',
    description: 'write checksums of the files a build produced',
    schema: schema.s.object({
        checksum_types: (0,schema/* opt */.m7)(schema.s.list(schema.s.enum(['sha256', 'sha512', 'sha1', 'md5'])), 'checksums to write, one file per type', ['sha256']),
        output: (0,schema/* opt */.m7)(schema.s.string(), 'output file; {{.BuildName}} and {{.ChecksumType}} are replaced', '{{.BuildName}}_{{.ChecksumType}}.checksum'),
    }),
    accepts: ['files'],
    produces: 'same',
    load: async () => (await __webpack_require__.e(/* import() */ 8832).then(__webpack_require__.bind(__webpack_require__, 78832))).checksum,
};

// EXTERNAL MODULE: ./src/plugins/post-processors/compress/format.ts
var compress_format = __webpack_require__(13553);
;// CONCATENATED MODULE: ./src/plugins/post-processors/compress/index.ts


const compressPostProcessor = {
    kind: 'post-processor',
    type: 'compress',
    description: 'pack the files a build produced into an archive (.tar.gz, .tar.zst, .tar, .gz, .zip)',
    schema: schema.s.object({
        output: (0,schema/* req */.DQ)(schema.s.string(), 'output archive', 'out/{{.BuildName}}.tar.gz'),
        compression_level: (0,schema/* opt */.m7)(schema.s.int(1, 9), 'gzip level: 1 is fastest, 9 smallest', 6),
    }),
    refine: (c) => {
        const output = String(c.output);
        const format = (0,compress_format/* archiveFormat */.M)(output);
        if (!format)
            return [
                {
                    key: 'output',
                    message: `compress cannot tell the archive format of "${output}"`,
                    hint: 'end the name with .tar.gz (or .tgz), .tar.zst, .tar, .gz or .zip',
                },
            ];
        if (format === 'tar.zst' && !(0,compress_format/* hasZstd */.U)())
            return [
                {
                    key: 'output',
                    message: `.tar.zst needs Node.js 22.15 or later (this is ${process.version})`,
                    hint: 'use .tar.gz, or run bake on a newer Node.js',
                },
            ];
        return [];
    },
    accepts: ['files'],
    produces: 'files',
    load: async () => (await Promise.all(/* import() */[__webpack_require__.e(6118), __webpack_require__.e(5146)]).then(__webpack_require__.bind(__webpack_require__, 95146))).compress,
};

;// CONCATENATED MODULE: ./src/plugins/post-processors/vm-export/index.ts

const VM_EXPORT_FORMATS = ['vmdk', 'vdi', 'vhdx', 'ova'];
const vmExportPostProcessor = {
    kind: 'post-processor',
    type: 'vm-export',
    description: 'convert a VM disk to VMDK, VDI, VHDX and an OVA',
    schema: schema.s.object({
        formats: (0,schema/* req */.DQ)(schema.s.list(schema.s.enum(VM_EXPORT_FORMATS), { minItems: 1 }), 'the files to write: vmdk (streamOptimized), vdi, vhdx, ova', ['vmdk', 'ova']),
        output_directory: (0,schema/* opt */.m7)(schema.s.string(), 'where the files go, relative to the spec (default: beside the disk)'),
        vm_name: (0,schema/* opt */.m7)(schema.s.string(), 'base name of the files (default: the disk name without its extension)'),
        ova_disk_controller: (0,schema/* opt */.m7)(schema.s.enum(['ide', 'scsi', 'sata']), 'the controller the OVA attaches the disk to (ide works with the most kernels)', 'ide'),
        ova_network_adapter: (0,schema/* opt */.m7)(schema.s.enum(['vmxnet3', 'E1000', 'E1000e']), 'the network card the OVA declares', 'vmxnet3'),
    }),
    refine: (c) => {
        const f = c.formats ?? [];
        const twice = f.find((x, i) => f.indexOf(x) !== i);
        return twice ? [{ key: 'formats', message: `${twice} is listed twice` }] : [];
    },
    accepts: ['files'],
    produces: 'files',
    cleaners: {
        'vm-export-file': async (e) => (await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 73024, 23))).rmSync(e.ref.path, { force: true }),
    },
    load: async () => (await Promise.all(/* import() */[__webpack_require__.e(6118), __webpack_require__.e(353)]).then(__webpack_require__.bind(__webpack_require__, 60353))).vmExport,
};

;// CONCATENATED MODULE: ./src/plugins/post-processors/vagrant/index.ts
/** The vagrant post-processor (Packer's name), for the libvirt provider: a `.box` of a VM disk. */


const vagrantPostProcessor = {
    kind: 'post-processor',
    type: 'vagrant',
    description: 'a Vagrant box (libvirt provider) of a VM disk',
    schema: schema.s.object({
        output: (0,schema/* opt */.m7)(schema.s.string(), 'the box file, relative to the spec; {{.BuildName}} and {{.Provider}} are replaced', 'packer_{{.BuildName}}_{{.Provider}}.box'),
        compression_level: (0,schema/* opt */.m7)(schema.s.int(0, 9), 'gzip level of the box: 0 stores, 1 is fastest, 9 smallest', 6),
        vagrantfile_template: (0,schema/* opt */.m7)(schema.s.string(), "a file (relative to the spec) that becomes the box's Vagrantfile instead of the default one"),
    }),
    accepts: ['files'],
    produces: 'files',
    localInputs: (c, dir) => typeof c.vagrantfile_template === 'string' ? [(0,external_node_path_.resolve)(dir, c.vagrantfile_template)] : [],
    cleaners: {
        'vagrant-file': async (e) => (await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 73024, 23))).rmSync(e.ref.path, { force: true }),
    },
    load: async () => (await Promise.all(/* import() */[__webpack_require__.e(6118), __webpack_require__.e(5240)]).then(__webpack_require__.bind(__webpack_require__, 45240))).vagrant,
};

;// CONCATENATED MODULE: ./src/plugins/post-processors/shell-local/index.ts

const shellLocalPostProcessor = {
    kind: 'post-processor',
    type: 'shell-local',
    description: 'run commands on the machine running bake, with the artifact in BAKE_ARTIFACT_ID and BAKE_ARTIFACT_FILES; hands the artifact on',
    schema: shellLocalSchema,
    accepts: 'any',
    produces: 'same',
    localInputs: shellLocalProvisioner.localInputs,
    load: async () => (await __webpack_require__.e(/* import() */ 6456).then(__webpack_require__.bind(__webpack_require__, 16456))).shellLocalPost,
};

;// CONCATENATED MODULE: ./src/plugins/post-processors/docker-import/index.ts

const dockerImportPostProcessor = {
    kind: 'post-processor',
    type: 'docker-import',
    description: 'import the filesystem tar a docker build exported (export_path) as an image',
    schema: schema.s.object({
        repository: (0,schema/* req */.DQ)(schema.s.string(), 'repository of the imported image', 'local/app'),
        tag: (0,schema/* opt */.m7)(schema.s.string(), 'tag of the imported image', 'latest'),
        changes: (0,schema/* opt */.m7)(schema.s.list(schema.s.string()), 'Dockerfile instructions applied on import (CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, USER, WORKDIR, VOLUME, ONBUILD, STOPSIGNAL)', undefined, ['CMD ["/bin/sh"]']),
        platform: (0,schema/* opt */.m7)(schema.s.string(), 'platform of the imported image, e.g. linux/amd64'),
    }),
    accepts: ['files'],
    produces: 'docker-image',
    needs: { docker: true },
    load: async () => (await Promise.all(/* import() */[__webpack_require__.e(6118), __webpack_require__.e(6441), __webpack_require__.e(2884)]).then(__webpack_require__.bind(__webpack_require__, 2884))).dockerImport,
};

;// CONCATENATED MODULE: ./src/plugins/post-processors/artifice/index.ts

const artificePostProcessor = {
    kind: 'post-processor',
    type: 'artifice',
    description: 'make files on this machine the artifact (e.g. what a file provisioner downloaded), for the post-processors after it',
    schema: schema.s.object({
        files: (0,schema/* req */.DQ)(schema.s.list(schema.s.string()), "the files, relative to the spec's folder; each must exist", [
            'out/rootfs.tar',
        ]),
    }),
    accepts: 'any',
    produces: 'files',
    load: async () => (await __webpack_require__.e(/* import() */ 4944).then(__webpack_require__.bind(__webpack_require__, 84944))).artifice,
};

;// CONCATENATED MODULE: ./src/plugins/registry.ts























const BUILT_IN = [
    nullBuilder,
    docker,
    amazonEbs,
    azureArm,
    googlecompute,
    qemu,
    shellProvisioner,
    fileProvisioner,
    shellLocalProvisioner,
    restartProvisioner,
    ansibleProvisioner,
    ansibleLocalProvisioner,
    dockerTagPostProcessor,
    dockerPushPostProcessor,
    dockerSavePostProcessor,
    manifestPostProcessor,
    checksumPostProcessor,
    compressPostProcessor,
    vmExportPostProcessor,
    vagrantPostProcessor,
    shellLocalPostProcessor,
    dockerImportPostProcessor,
    artificePostProcessor,
];
class RegistryError extends Error {
    constructor(message) {
        super(message);
        this.name = 'RegistryError';
    }
}
class Registry {
    byKind = {
        builder: new Map(),
        provisioner: new Map(),
        'post-processor': new Map(),
    };
    origins = new Map();
    owners = new Map();
    constructor(list = [], origin = {}) {
        for (const d of list)
            this.add(d, origin);
    }
    /** Refuses a type or a ledger kind that is taken. */
    add(d, origin = {}) {
        const taken = this.byKind[d.kind].get(d.type);
        if (taken)
            throw new RegistryError(`${d.kind} type "${d.type}" is already ${this.describeOrigin(taken)}`);
        for (const kind of Object.keys(d.cleaners ?? {})) {
            const owner = this.owners.get(kind);
            if (owner)
                throw new RegistryError(`ledger kind "${kind}" of ${d.kind} "${d.type}" already belongs to ${owner.kind} "${owner.type}" (${this.describeOrigin(owner)})`);
        }
        this.byKind[d.kind].set(d.type, d);
        this.origins.set(d, origin);
        for (const kind of Object.keys(d.cleaners ?? {}))
            this.owners.set(kind, d);
    }
    get(kind, type) {
        return this.byKind[kind].get(type);
    }
    /** The descriptor of a type the spec checks have already accepted. */
    must(kind, type) {
        const d = this.get(kind, type);
        if (!d)
            throw new RegistryError(`internal error: no ${kind} "${type}" is registered`);
        return d;
    }
    types(kind) {
        return [...this.byKind[kind].keys()];
    }
    all(kind) {
        return [...this.byKind[kind].values()];
    }
    /** The plugin that creates ledger entries of this kind, and its cleaner. */
    ownerOf(ledgerKind) {
        const d = this.owners.get(ledgerKind);
        if (!d)
            return undefined;
        return { descriptor: d, cleaner: d.cleaners[ledgerKind], origin: this.origins.get(d) ?? {} };
    }
    originOf(d) {
        return this.origins.get(d) ?? {};
    }
    /** A copy that the spec's own plugins can be added to without touching this one. */
    copy() {
        const r = new Registry();
        for (const kind of Object.keys(this.byKind))
            for (const d of this.byKind[kind].values())
                r.add(d, this.origins.get(d));
        return r;
    }
    describeOrigin(d) {
        const o = this.origins.get(d);
        return o?.module ? `defined by plugin ${o.name ?? o.module}` : 'a built-in';
    }
}
let builtIns;
/** The built-in plugins; callers that add their own take a copy. */
function builtInRegistry() {
    builtIns ??= new Registry(BUILT_IN);
    return builtIns;
}


/***/ }),

/***/ 89511:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G9: () => (/* binding */ settle),
/* harmony export */   N$: () => (/* binding */ amiOwnerPinned),
/* harmony export */   Pf: () => (/* binding */ fieldsOf),
/* harmony export */   _7: () => (/* binding */ ServiceError),
/* harmony export */   cN: () => (/* binding */ PendingData),
/* harmony export */   iL: () => (/* binding */ pendingRequests),
/* harmony export */   ut: () => (/* binding */ answerOf)
/* harmony export */ });
/* harmony import */ var _expr__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58672);
/**
 * Values a plan reads from a service (an HTTP answer, AWS Systems Manager parameters,
 * Secrets Manager secrets and AMIs: Packer's `http`, `amazon-parameterstore`,
 * `amazon-secretsmanager` and `amazon-ami` data sources). The
 * plan is resolved synchronously: a function whose answer is not here yet records what it
 * needs and fails that pass; resolvePlanWithData then fetches every recorded request at once
 * and resolves again, until nothing is missing.
 */

/**
 * Whether an AMI lookup says whose images it takes (owners, or an owner-id / owner-alias
 * filter), as Packer requires: without it any account's AMI under a matching name can match.
 */
function amiOwnerPinned(owners, filters) {
    return ((owners?.length ?? 0) > 0 ||
        Object.keys(filters ?? {}).some((k) => k === 'owner-id' || k === 'owner-alias'));
}
const answers = new Map();
const pending = new Map();
/** Thrown while the answer is being fetched; the pass it fails is resolved again. */
class PendingData extends _expr__WEBPACK_IMPORTED_MODULE_0__/* .ExprError */ ._M {
    constructor(at) {
        super('waiting for data from a service', at);
    }
}
const keyOf = (r) => JSON.stringify(r);
/** The answer to a request, or PendingData after recording it. */
function answerOf(r, at) {
    const key = keyOf(r);
    const a = answers.get(key);
    if (a)
        return a;
    pending.set(key, r);
    throw new PendingData(at);
}
function pendingRequests() {
    return [...pending.values()];
}
function settle(r, a) {
    answers.set(keyOf(r), a);
    pending.delete(keyOf(r));
}
/**
 * What a service answered instead of a value: its message says all there is, so it is shown
 * without the expression that asked (for a Packer data block, text the template never had).
 */
class ServiceError extends _expr__WEBPACK_IMPORTED_MODULE_0__/* .ExprError */ ._M {
}
/** The fields of an answer as a value, or the error it is. */
function fieldsOf(a, at) {
    if (!a.ok)
        throw new ServiceError(a.message, at, a.hint);
    return Object.fromEntries(Object.entries(a.fields).map(([k, v]) => [k, v ?? null]));
}


/***/ }),

/***/ 17800:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G8: () => (/* binding */ SpecError),
/* harmony export */   Vw: () => (/* binding */ formatProblem),
/* harmony export */   au: () => (/* binding */ didYouMean)
/* harmony export */ });
/* unused harmony exports redactProblem, ProblemList, sortProblems, editDistance */
/* harmony import */ var _util_redact__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(50767);

/** The one boundary every problem crosses before anyone prints it: secrets are masked. */
function redactProblem(p) {
    return {
        ...p,
        message: (0,_util_redact__WEBPACK_IMPORTED_MODULE_0__/* .redactMessage */ .b6)(p.message),
        ...(p.hint !== undefined ? { hint: (0,_util_redact__WEBPACK_IMPORTED_MODULE_0__/* .redactMessage */ .b6)(p.hint) } : {}),
        ...(p.path !== undefined ? { path: (0,_util_redact__WEBPACK_IMPORTED_MODULE_0__/* .redactMessage */ .b6)(p.path) } : {}),
    };
}
function formatProblem(problem) {
    const p = redactProblem(problem);
    const where = p.pos ? `${p.pos.file}:${p.pos.line}:${p.pos.col}` : '';
    const at = p.path ? ` (${p.path})` : '';
    const head = where ? `${where}: ${p.message}${at}` : `${p.message}${at}`;
    return p.hint ? `${head}\n  hint: ${p.hint}` : head;
}
/**
 * A user's mistake. Carries every problem found so they are all reported at once; the CLI
 * and the action print them without a stack trace.
 */
class SpecError extends Error {
    problems;
    constructor(problems) {
        const list = (Array.isArray(problems) ? problems : [problems]).map(redactProblem);
        super(list.map(formatProblem).join('\n'));
        this.name = 'SpecError';
        this.problems = list;
    }
}
/** Collects problems while a pass walks the whole spec, so one run reports them all. */
class ProblemList {
    items = [];
    add(p) {
        this.items.push(p);
    }
    get size() {
        return this.items.length;
    }
    throwIfAny() {
        if (this.items.length > 0)
            throw new SpecError(sortProblems(this.items));
    }
}
function sortProblems(list) {
    return [...list].sort((a, b) => {
        const fa = a.pos?.file ?? '';
        const fb = b.pos?.file ?? '';
        if (fa !== fb)
            return fa < fb ? -1 : 1;
        return (a.pos?.line ?? 0) - (b.pos?.line ?? 0) || (a.pos?.col ?? 0) - (b.pos?.col ?? 0);
    });
}
/** Levenshtein distance, for "did you mean" suggestions. Inputs are short keys. */
function editDistance(a, b) {
    const prev = new Array(b.length + 1);
    for (let j = 0; j <= b.length; j++)
        prev[j] = j;
    for (let i = 1; i <= a.length; i++) {
        let diag = prev[0];
        prev[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const up = prev[j];
            prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
            diag = up;
        }
    }
    return prev[b.length];
}
function didYouMean(word, candidates) {
    let best;
    let bestScore = Infinity;
    for (const c of candidates) {
        const d = editDistance(word.toLowerCase(), c.toLowerCase());
        if (d < bestScore) {
            best = c;
            bestScore = d;
        }
    }
    if (best === undefined)
        return undefined;
    const limit = Math.max(2, Math.floor(word.length / 3));
    return bestScore <= limit ? best : undefined;
}


/***/ }),

/***/ 58672:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LS: () => (/* binding */ sensitive),
/* harmony export */   QC: () => (/* binding */ parseTemplate),
/* harmony export */   Um: () => (/* binding */ evaluateMarked),
/* harmony export */   YK: () => (/* binding */ parseExpression),
/* harmony export */   _3: () => (/* binding */ evaluate),
/* harmony export */   _M: () => (/* binding */ ExprError),
/* harmony export */   _c: () => (/* binding */ reveal),
/* harmony export */   bD: () => (/* binding */ deepEqual),
/* harmony export */   dX: () => (/* binding */ unmark),
/* harmony export */   fE: () => (/* binding */ toText),
/* harmony export */   go: () => (/* binding */ typeName),
/* harmony export */   pT: () => (/* binding */ Sensitive),
/* harmony export */   pZ: () => (/* binding */ asSet),
/* harmony export */   rJ: () => (/* binding */ hasTemplate),
/* harmony export */   vM: () => (/* binding */ isSet)
/* harmony export */ });
/**
 * The `${...}` expression language: HCL-like, parsed and evaluated here, never by JavaScript.
 * The parser is a single left-to-right pass with bounded nesting, so time is linear in the
 * input and no input can exhaust the stack.
 */
/** An error in an expression; `at` is the offset inside the string being evaluated. */
class ExprError extends Error {
    at;
    hint;
    constructor(message, at, hint) {
        super(message);
        this.at = at;
        this.hint = hint;
        this.name = 'ExprError';
    }
}
const MAX_NESTING = 64;
/** True when the string holds at least one `${` that is not escaped as `$${`. */
function hasTemplate(s) {
    for (let i = s.indexOf('${'); i >= 0; i = s.indexOf('${', i + 2)) {
        if (i === 0 || s[i - 1] !== '$')
            return true;
    }
    return false;
}
class Parser {
    src;
    pos = 0;
    depth = 0;
    constructor(src) {
        this.src = src;
    }
    /** Parses a whole template string: literal text with `${ }` interpolations. */
    template(endQuote = false) {
        const start = this.pos;
        const parts = [];
        let text = '';
        const s = this.src;
        while (this.pos < s.length) {
            const c = s[this.pos];
            if (endQuote && c === '"')
                break;
            if (c === '$' && s[this.pos + 1] === '$' && s[this.pos + 2] === '{') {
                text += '${';
                this.pos += 3;
                continue;
            }
            if (c === '$' && s[this.pos + 1] === '{') {
                if (text)
                    parts.push(text);
                text = '';
                this.pos += 2;
                this.nest();
                const e = this.expr();
                this.unnest();
                this.ws();
                if (s[this.pos] !== '}') {
                    throw new ExprError(this.pos >= s.length
                        ? 'unclosed ${ ... }'
                        : `unexpected "${s[this.pos]}" in expression`, this.pos, this.pos >= s.length ? 'add the closing }' : undefined);
                }
                this.pos++;
                parts.push(e);
                continue;
            }
            if (endQuote && c === '\\') {
                text += this.escape();
                continue;
            }
            text += c;
            this.pos++;
        }
        if (text || parts.length === 0)
            parts.push(text);
        if (parts.length === 1 && typeof parts[0] === 'string')
            return { t: 'lit', v: parts[0], at: start };
        return { t: 'tpl', parts, at: start };
    }
    escape() {
        const s = this.src;
        const n = s[this.pos + 1];
        this.pos += 2;
        switch (n) {
            case 'n':
                return '\n';
            case 't':
                return '\t';
            case 'r':
                return '\r';
            case '"':
                return '"';
            case '\\':
                return '\\';
            case 'u': {
                const hex = s.slice(this.pos, this.pos + 4);
                if (!/^[0-9a-fA-F]{4}$/.test(hex))
                    throw new ExprError('bad \\u escape', this.pos - 2);
                this.pos += 4;
                return String.fromCharCode(parseInt(hex, 16));
            }
            default:
                throw new ExprError(`unknown escape \\${n ?? ''}`, this.pos - 2, 'use \\\\ for a backslash');
        }
    }
    nest() {
        if (++this.depth > MAX_NESTING)
            throw new ExprError(`expression nested deeper than ${MAX_NESTING} levels`, this.pos);
    }
    unnest() {
        this.depth--;
    }
    ws() {
        const s = this.src;
        while (this.pos < s.length && /\s/.test(s[this.pos]))
            this.pos++;
    }
    peek(tok) {
        this.ws();
        return this.src.startsWith(tok, this.pos);
    }
    eat(tok) {
        if (this.peek(tok)) {
            this.pos += tok.length;
            return true;
        }
        return false;
    }
    expect(tok) {
        if (!this.eat(tok)) {
            const got = this.pos < this.src.length ? `"${this.src[this.pos]}"` : 'the end';
            throw new ExprError(`expected "${tok}" but found ${got}`, this.pos);
        }
    }
    expr() {
        const c = this.or();
        if (this.eat('?')) {
            this.nest();
            const a = this.expr();
            this.expect(':');
            const b = this.expr();
            this.unnest();
            return { t: 'cond', c, a, b, at: c.at };
        }
        return c;
    }
    binary(next, ops) {
        let l = next();
        for (;;) {
            this.ws();
            // Longer operators are listed first, so `<=` is never read as `<`.
            const op = ops.find((o) => this.src.startsWith(o, this.pos));
            if (!op)
                return l;
            this.pos += op.length;
            const r = next();
            l = { t: 'bin', op, l, r, at: l.at };
        }
    }
    or = () => this.binary(this.and, ['||']);
    and = () => this.binary(this.eq, ['&&']);
    eq = () => this.binary(this.cmp, ['==', '!=']);
    cmp = () => this.binary(this.add, ['<=', '>=', '<', '>']);
    add = () => this.binary(this.mul, ['+', '-']);
    mul = () => this.binary(this.unary, ['*', '/', '%']);
    unary = () => {
        this.ws();
        const at = this.pos;
        const c = this.src[this.pos];
        if ((c === '!' && this.src[this.pos + 1] !== '=') || c === '-') {
            this.pos++;
            this.nest();
            const e = this.unary();
            this.unnest();
            return { t: 'un', op: c, e, at };
        }
        return this.postfix();
    };
    postfix() {
        let e = this.primary();
        for (;;) {
            // `...` after a value groups a for expression's values; it is no attribute.
            if (this.src.startsWith('...', this.pos))
                return e;
            if (this.eat('.')) {
                this.ws();
                const at = this.pos;
                const m = /^(?:[A-Za-z_][A-Za-z0-9_-]*|\d+)/.exec(this.src.slice(this.pos, this.pos + 256));
                if (!m)
                    throw new ExprError('expected an attribute name after "."', at);
                this.pos += m[0].length;
                e = /^\d+$/.test(m[0])
                    ? { t: 'index', obj: e, key: { t: 'lit', v: Number(m[0]), at }, at }
                    : { t: 'attr', obj: e, name: m[0], at };
            }
            else if (this.peek('[')) {
                const at = this.pos;
                this.pos++;
                this.nest();
                const key = this.expr();
                this.unnest();
                this.expect(']');
                e = { t: 'index', obj: e, key, at };
            }
            else {
                return e;
            }
        }
    }
    primary() {
        this.ws();
        const s = this.src;
        const at = this.pos;
        if (at >= s.length)
            throw new ExprError('expected a value but the expression ended', at);
        const c = s[at];
        if (c === '(') {
            this.pos++;
            this.nest();
            const e = this.expr();
            this.unnest();
            this.expect(')');
            return e;
        }
        if (c === '"') {
            this.pos++;
            this.nest();
            const e = this.template(true);
            this.unnest();
            if (s[this.pos] !== '"')
                throw new ExprError('unterminated string', at, 'add the closing "');
            this.pos++;
            return e.t === 'lit' ? { ...e, at } : e;
        }
        if ((c === '[' || c === '{') && /^.\s*for\s/.test(s.slice(at, at + 16)))
            return this.forExpr();
        if (c === '[') {
            this.pos++;
            this.nest();
            const items = [];
            while (!this.eat(']')) {
                items.push(this.expr());
                if (!this.eat(',')) {
                    this.expect(']');
                    break;
                }
            }
            this.unnest();
            return { t: 'list', items, at };
        }
        if (c === '{') {
            this.pos++;
            this.nest();
            const entries = [];
            while (!this.eat('}')) {
                this.ws();
                const kAt = this.pos;
                const m = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(s.slice(this.pos, this.pos + 256));
                let key;
                if (m && !this.src.startsWith('(', this.pos + m[0].length)) {
                    this.pos += m[0].length;
                    key = { t: 'lit', v: m[0], at: kAt };
                }
                else {
                    key = this.expr();
                }
                if (!this.eat('='))
                    this.expect(':');
                entries.push([key, this.expr()]);
                if (!this.eat(',')) {
                    this.expect('}');
                    break;
                }
            }
            this.unnest();
            return { t: 'obj', entries, at };
        }
        const num = /^\d+(\.\d+)?([eE][+-]?\d+)?/.exec(s.slice(at, at + 64));
        if (num) {
            this.pos += num[0].length;
            return { t: 'lit', v: Number(num[0]), at };
        }
        const id = /^[A-Za-z_][A-Za-z0-9_]*/.exec(s.slice(at, at + 256));
        if (id) {
            this.pos += id[0].length;
            const name = id[0];
            if (name === 'true' || name === 'false')
                return { t: 'lit', v: name === 'true', at };
            if (name === 'null')
                return { t: 'lit', v: null, at };
            if (this.eat('(')) {
                this.nest();
                const args = [];
                while (!this.eat(')')) {
                    args.push(this.expr());
                    if (!this.eat(',')) {
                        this.expect(')');
                        break;
                    }
                }
                this.unnest();
                return { t: 'call', name, args, at };
            }
            return { t: 'ref', name, at };
        }
        throw new ExprError(`unexpected "${c}" in expression`, at);
    }
    /** `[for k, v in coll : val if cond]` and `{for k, v in coll : key => val... if cond}`. */
    forExpr() {
        const at = this.pos;
        const kind = this.src[this.pos] === '[' ? 'list' : 'map';
        this.pos++;
        this.nest();
        this.ws();
        this.pos += 3;
        const name = () => {
            this.ws();
            const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.src.slice(this.pos, this.pos + 256));
            if (!m)
                throw new ExprError('expected a name after "for"', this.pos, 'e.g. [for s in var.list : upper(s)]');
            this.pos += m[0].length;
            return m[0];
        };
        let v = name();
        let k;
        if (this.eat(',')) {
            k = v;
            v = name();
        }
        this.ws();
        if (!/^in\s/.test(this.src.slice(this.pos, this.pos + 3)))
            throw new ExprError('expected "in" in a for expression', this.pos);
        this.pos += 2;
        const coll = this.expr();
        this.expect(':');
        let key;
        let val = this.expr();
        let group = false;
        if (kind === 'map') {
            this.expect('=>');
            key = val;
            val = this.expr();
            if (this.eat('...'))
                group = true;
        }
        let cond;
        this.ws();
        if (/^if[^A-Za-z0-9_]/.test(this.src.slice(this.pos, this.pos + 3))) {
            this.pos += 2;
            cond = this.expr();
        }
        this.expect(kind === 'list' ? ']' : '}');
        this.unnest();
        return { t: 'for', kind, k, v, coll, key, val, cond, group, at };
    }
    get offset() {
        return this.pos;
    }
}
/** Evaluates a for expression: each element with its names bound in a scope of its own. */
function evaluateFor(e, scope) {
    const { o, hidden } = container(evaluateMarked(e.coll, scope));
    let pairs;
    if (Array.isArray(o))
        pairs = o.map((x, i) => [i, x]);
    else if (o !== null && typeof o === 'object')
        pairs = Object.keys(o)
            .sort()
            .map((k) => [k, o[k]]);
    else
        throw new ExprError(`a for expression needs a list or a map, got ${typeName(o)}`, e.coll.at);
    const list = [];
    const map = {};
    let keyHidden = false;
    for (const [k, v] of pairs) {
        const bound = { [e.v]: v, ...(e.k ? { [e.k]: k } : {}) };
        const inner = {
            root: (n, at) => (n in bound ? bound[n] : scope.root(n, at)),
            attr: (r, n, at) => (r in bound ? undefined : scope.attr(r, n, at)),
            call: (n, args, at) => scope.call(n, args, at, (x) => evaluateMarked(x, inner)),
        };
        if (e.cond) {
            const c = unmark(evaluateMarked(e.cond, inner));
            if (!truthy(c.value, e.cond.at, c.sensitive))
                continue;
        }
        const val = evaluateMarked(e.val, inner);
        if (e.kind === 'list') {
            list.push(val);
            continue;
        }
        const key = unmark(evaluateMarked(e.key, inner));
        keyHidden ||= key.sensitive;
        const name = toText(key.value, e.key.at);
        if (e.group)
            (map[name] ??= []).push(val);
        else if (Object.prototype.hasOwnProperty.call(map, name))
            throw new ExprError(`the key "${name}" comes twice in a for expression`, e.key.at, 'add ... after the value to group the values of equal keys into lists');
        else
            map[name] = val;
    }
    return keep(e.kind === 'list' ? list : map, hidden || keyHidden);
}
/** Parses a string that may contain `${...}` interpolations. */
function parseTemplate(src) {
    return new Parser(src).template(false);
}
/** Parses a bare expression (no `${ }`), as used by validation conditions. */
function parseExpression(src) {
    const p = new Parser(src);
    const e = p.expr();
    if (src.slice(p.offset).trim())
        throw new ExprError(`unexpected "${src.slice(p.offset).trim()[0]}" after the expression`, p.offset);
    return e;
}
/**
 * A value computed from a sensitive one (a sensitive variable, a local made from one, a file
 * read from a sensitive path). It travels through the evaluator wrapped, so whatever is
 * computed from it is wrapped too, as in Terraform; whoever takes the final value registers
 * its sensitive parts as secrets (see reveal()).
 */
class Sensitive {
    value;
    parts;
    /**
     * `parts`: the sensitive values it was computed from ("Bearer ${token}" holds the token),
     * each a secret of its own, to be masked wherever it shows up alone.
     */
    constructor(value, parts = []) {
        this.value = value;
        this.parts = parts;
    }
}
/** Marks a value sensitive as a whole. */
function sensitive(v, from = []) {
    if (v instanceof Sensitive)
        return from.length ? new Sensitive(v.value, [...v.parts, ...from]) : v;
    const r = reveal(v);
    return new Sensitive(r.value, [...r.secrets, ...from]);
}
/** The lists that are sets (toset(), convert(…, set(T))): for_each keys them by value, as HCL does. */
const SETS = new WeakSet();
function asSet(list) {
    SETS.add(list);
    return list;
}
function isSet(v) {
    return Array.isArray(v) && SETS.has(v);
}
/** The plain value, and its sensitive parts (the values to register as secrets). */
function reveal(v) {
    const secrets = [];
    let marked = false;
    const walk = (x) => {
        if (x instanceof Sensitive) {
            marked = true;
            secrets.push(x.value, ...x.parts);
            return x.value;
        }
        if (Array.isArray(x))
            return SETS.has(x) ? asSet(x.map(walk)) : x.map(walk);
        if (x !== null && typeof x === 'object') {
            const o = {};
            for (const [k, y] of Object.entries(x))
                Object.defineProperty(o, k, {
                    value: walk(y),
                    enumerable: true,
                    writable: true,
                    configurable: true,
                });
            return o;
        }
        return x;
    };
    const value = walk(v);
    return { value, secrets, sensitive: marked };
}
/** The plain value and whether any part of it was sensitive. */
function unmark(v) {
    if (v instanceof Sensitive)
        return { value: v.value, sensitive: true };
    if (v === null || typeof v !== 'object')
        return { value: v, sensitive: false };
    const r = reveal(v);
    return { value: r.value, sensitive: r.sensitive };
}
function typeName(v) {
    if (v === null || v === undefined)
        return 'null';
    if (v instanceof Sensitive)
        return typeName(v.value);
    if (Array.isArray(v))
        return 'list';
    return typeof v === 'object' ? 'map' : typeof v;
}
function toText(v, at) {
    if (typeof v === 'string')
        return v;
    if (typeof v === 'number' || typeof v === 'boolean')
        return String(v);
    if (v === null)
        return '';
    throw new ExprError(`cannot put a ${typeName(v)} inside a string`, at, 'use jsonencode() or join() to turn it into text');
}
/** Evaluates to a plain value; sensitivity is dropped (use evaluateMarked to keep it). */
function evaluate(e, scope) {
    return reveal(evaluateMarked(e, scope)).value;
}
function container(m) {
    return m instanceof Sensitive ? { o: m.value, hidden: true } : { o: m, hidden: false };
}
const keep = (v, hidden) => (hidden ? sensitive(v) : v);
/** Evaluates, keeping every sensitive part marked. */
function evaluateMarked(e, scope) {
    const ev = (x) => evaluateMarked(x, scope);
    switch (e.t) {
        case 'lit':
            return e.v;
        case 'tpl': {
            // A string that is exactly one interpolation keeps the value's own type.
            if (e.parts.length === 1 && typeof e.parts[0] !== 'string')
                return ev(e.parts[0]);
            let out = '';
            let hidden = false;
            const from = [];
            for (const p of e.parts) {
                if (typeof p === 'string') {
                    out += p;
                    continue;
                }
                const r = reveal(ev(p));
                hidden ||= r.sensitive;
                from.push(...r.secrets);
                out += toText(r.value, p.at);
            }
            return hidden ? sensitive(out, from) : out;
        }
        case 'ref': {
            const v = scope.root(e.name, e.at);
            if (v === undefined)
                throw new ExprError(`unknown name "${e.name}"`, e.at, 'references look like var.NAME, local.NAME, source.name, build.name, path.root or github.sha');
            return v;
        }
        case 'attr': {
            if (e.obj.t === 'ref') {
                const v = scope.attr(e.obj.name, e.name, e.at);
                if (v !== undefined)
                    return v;
            }
            const { o, hidden } = container(ev(e.obj));
            if (o !== null && typeof o === 'object' && !Array.isArray(o)) {
                const m = o;
                if (Object.prototype.hasOwnProperty.call(m, e.name))
                    return keep(m[e.name], hidden);
                throw new ExprError(`no attribute "${e.name}"`, e.at, hidden ? 'the map is sensitive' : `it has: ${Object.keys(m).join(', ') || 'nothing'}`);
            }
            throw new ExprError(`a ${typeName(o)} has no attribute "${e.name}"`, e.at);
        }
        case 'index': {
            const { o, hidden: hiddenObj } = container(ev(e.obj));
            const key = unmark(ev(e.key));
            const k = key.value;
            const hidden = hiddenObj || key.sensitive;
            if (Array.isArray(o)) {
                if (typeof k !== 'number' || !Number.isInteger(k))
                    throw new ExprError('a list index must be a whole number', e.key.at);
                if (k < 0 || k >= o.length)
                    throw new ExprError(key.sensitive
                        ? `a sensitive index is out of range (the list has ${o.length} elements)`
                        : `index ${k} is out of range (the list has ${o.length} elements)`, e.key.at);
                return keep(o[k], hidden);
            }
            if (o !== null && typeof o === 'object') {
                const m = o;
                const name = toText(k, e.key.at);
                if (!Object.prototype.hasOwnProperty.call(m, name))
                    throw new ExprError(key.sensitive ? 'no such key (the key is sensitive)' : `no key "${name}"`, e.key.at, hiddenObj
                        ? 'the map is sensitive'
                        : `it has: ${Object.keys(m).join(', ') || 'nothing'}`);
                return keep(m[name], hidden);
            }
            throw new ExprError(`cannot index a ${typeName(o)}`, e.at);
        }
        case 'call':
            return scope.call(e.name, e.args, e.at, ev);
        case 'un': {
            const r = unmark(ev(e.e));
            if (e.op === '!')
                return keep(!truthy(r.value, e.e.at, r.sensitive), r.sensitive);
            return keep(-num(r.value, e.e.at, r.sensitive), r.sensitive);
        }
        case 'cond': {
            const c = unmark(ev(e.c));
            const v = truthy(c.value, e.c.at, c.sensitive) ? ev(e.a) : ev(e.b);
            return keep(v, c.sensitive);
        }
        case 'list':
            return e.items.map(ev);
        case 'obj': {
            const o = {};
            let hidden = false;
            for (const [k, v] of e.entries) {
                const key = unmark(ev(k));
                hidden ||= key.sensitive;
                Object.defineProperty(o, toText(key.value, k.at), {
                    value: ev(v),
                    enumerable: true,
                    writable: true,
                    configurable: true,
                });
            }
            return keep(o, hidden);
        }
        case 'bin':
            return binaryChain(e, ev);
        case 'for':
            return evaluateFor(e, scope);
    }
}
function truthy(v, at, hidden = false) {
    if (typeof v === 'boolean')
        return v;
    if (v === 'true')
        return true;
    if (v === 'false')
        return false;
    throw new ExprError(`expected a bool, got ${hidden ? 'a sensitive value' : typeName(v)}`, at);
}
function num(v, at, hidden = false) {
    if (typeof v === 'number')
        return v;
    if (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v)))
        return Number(v);
    throw new ExprError(hidden
        ? `expected a number, got a sensitive ${typeName(v)}`
        : `expected a number, got ${typeName(v)}${typeof v === 'string' ? ` "${v.slice(0, 40)}"` : ''}`, at);
}
function deepEqual(a, b) {
    if (a === b)
        return true;
    if (Array.isArray(a) && Array.isArray(b))
        return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
    if (a &&
        b &&
        typeof a === 'object' &&
        typeof b === 'object' &&
        !Array.isArray(a) &&
        !Array.isArray(b)) {
        const ka = Object.keys(a);
        return ka.length === Object.keys(b).length && ka.every((k) => k in b && deepEqual(a[k], b[k]));
    }
    return false;
}
/**
 * Left-associative chains (`1 + 2 + ... + n`) parse into a left-deep tree; walking its
 * spine with a loop keeps evaluation off the call stack however long the chain is.
 */
function binaryChain(e, ev) {
    const spine = [];
    let left = e;
    while (left.t === 'bin') {
        spine.push(left);
        left = left.l;
    }
    let { value: acc, sensitive: hidden } = unmark(ev(left));
    let accAt = left.at;
    const right = (x) => {
        const r = unmark(ev(x));
        hidden ||= r.sensitive;
        return r.value;
    };
    for (let i = spine.length - 1; i >= 0; i--) {
        const node = spine[i];
        if (node.op === '&&')
            acc = truthy(acc, accAt, hidden) && truthy(right(node.r), node.r.at, hidden);
        else if (node.op === '||')
            acc = truthy(acc, accAt, hidden) || truthy(right(node.r), node.r.at, hidden);
        else
            acc = applyBinary(node.op, acc, right(node.r), accAt, node.r.at, hidden);
        accAt = node.at;
    }
    return keep(acc, hidden);
}
function applyBinary(op, a, b, la, ra, hidden) {
    const l = { at: la };
    const r = { at: ra };
    switch (op) {
        case '==':
            return deepEqual(a, b);
        case '!=':
            return !deepEqual(a, b);
        case '<':
            return num(a, l.at, hidden) < num(b, r.at, hidden);
        case '<=':
            return num(a, l.at, hidden) <= num(b, r.at, hidden);
        case '>':
            return num(a, l.at, hidden) > num(b, r.at, hidden);
        case '>=':
            return num(a, l.at, hidden) >= num(b, r.at, hidden);
        case '+':
            return num(a, l.at, hidden) + num(b, r.at, hidden);
        case '-':
            return num(a, l.at, hidden) - num(b, r.at, hidden);
        case '*':
            return num(a, l.at, hidden) * num(b, r.at, hidden);
        case '/': {
            const d = num(b, r.at, hidden);
            if (d === 0)
                throw new ExprError('division by zero', r.at);
            return num(a, l.at, hidden) / d;
        }
        case '%': {
            const d = num(b, r.at, hidden);
            if (d === 0)
                throw new ExprError('modulo by zero', r.at);
            return num(a, l.at, hidden) % d;
        }
    }
    throw new ExprError(`unknown operator ${op}`, la);
}


/***/ }),

/***/ 79898:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DN: () => (/* binding */ AWS_CREDENTIALS_HINT),
/* harmony export */   N1: () => (/* binding */ AWS_CREDENTIAL_KEYS),
/* harmony export */   Tx: () => (/* binding */ callFunction),
/* harmony export */   oB: () => (/* binding */ AWS_DATA_KEYS)
/* harmony export */ });
/* unused harmony exports formatDate, goLayout, FUNCTION_NAMES */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(38522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var minimatch__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(91138);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(38815);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(17800);
/* harmony import */ var _types__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(49518);
/* harmony import */ var _packer_hcl_template__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(54108);
/* harmony import */ var _schema__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(47280);
/* harmony import */ var _expr__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(58672);
/* harmony import */ var _util_random__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(31245);
/* harmony import */ var _data__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(89511);












const MAX_STRING = 16 * 1024 * 1024;
const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH'];
const HTTP_KEYS = ['url', 'method', 'request_headers', 'request_body', 'timeout'];
/**
 * `http_request({url, method, request_headers, request_body})`, as Packer's `data "http"`:
 * the answer (fetched by resolvePlanWithData, see data.ts) must be 2xx with a text or JSON
 * body. Gives url, status_code, body and response_headers (also as request_headers, the name
 * Packer gives them).
 */
function httpRequest(cfg, at) {
    for (const k of Object.keys(cfg))
        if (!HTTP_KEYS.includes(k))
            throw new _expr__WEBPACK_IMPORTED_MODULE_8__/* .ExprError */ ._M(`http_request() takes no "${k}"`, at, `it takes ${HTTP_KEYS.join(', ')}`);
    if (typeof cfg.url !== 'string' || !/^https?:\/\//.test(cfg.url))
        throw new _expr__WEBPACK_IMPORTED_MODULE_8__/* .ExprError */ ._M('http_request() needs url, an http:// or https:// address', at);
    const url = cfg.url;
    const method = cfg.method === undefined ? 'GET' : str(cfg.method, at, 'http_request').toUpperCase();
    if (!HTTP_METHODS.includes(method))
        throw new _expr__WEBPACK_IMPORTED_MODULE_8__/* .ExprError */ ._M(`http_request(): method ${method} is not one of ${HTTP_METHODS.join(', ')}`, at);
    const headers = {};
    for (const [k, v] of Object.entries(cfg.request_headers === undefined ? {} : map(cfg.request_headers, at, 'http_request')))
        headers[k] = str(v, at, 'http_request');
    const body = cfg.request_body === undefined ? undefined : str(cfg.request_body, at, 'http_request');
    const timeoutMs = cfg.timeout === undefined ? 30_000 : numArg(cfg.timeout, at, 'http_request') * 1000;
    const where = `${method} ${url.replace(/\?.*$/, '')}`;
    const a = (0,_data__WEBPACK_IMPORTED_MODULE_10__/* .answerOf */ .ut)({ kind: 'http', url, method, headers, body, timeoutMs }, at);
    if (!a.ok)
        throw new _data__WEBPACK_IMPORTED_MODULE_10__/* .ServiceError */ ._7(`http_request(): ${where} failed: ${a.message}`, at, 'check the address, and that this machine can reach it');
    const r = a.fields;
    if (r.status < 200 || r.status > 299)
        throw new _data__WEBPACK_IMPORTED_MODULE_10__/* .ServiceError */ ._7(`http_request(): ${where} answered ${r.status} ${r.statusText}`.trimEnd(), at, 'the data source needs a 2xx answer');
    const type = (r.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (method !== 'HEAD' &&
        !(type.startsWith('text/') || type === 'application/json' || type.endsWith('+json')))
        throw new _data__WEBPACK_IMPORTED_MODULE_10__/* .ServiceError */ ._7(`http_request(): ${where} answered with ${type || 'no content type'}`, at, 'the body must be text/* or application/json, as in Packer');
    return {
        url,
        status_code: r.status,
        body: r.body,
        response_headers: r.headers,
        request_headers: r.headers,
    };
}
function arity(name, args, min, max, at) {
    if (args.length < min || args.length > max) {
        const want = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`;
        throw new _expr__WEBPACK_IMPORTED_MODULE_8__/* .ExprError */ ._M(`${name}() takes ${want} argument${min === 1 && max === 1 ? '' : 's'}, got ${args.length}`, at);
    }
}
function str(v, at, fn) {
    if (typeof v === 'string')
        return v;
    if (typeof v === 'number' || typeof v === 'boolean')
        return String(v);
    throw new _expr__WEBPACK_IMPORTED_MODULE_8__/* .ExprError */ ._M(`${fn}() expects a string, got ${(0,_expr__WEBPACK_IMPORTED_MODULE_8__/* .typeName */ .go)(v)}`, at);
}
function list(v, at, fn) {
    if (Array.isArray(v))
        return v;
    throw new _expr__WEBPACK_IMPORTED_MODULE_8__/* .ExprError */ ._M(`${fn}() expects a list, got ${(0,_expr__WEBPACK_IMPORTED_MODULE_8__/* .typeName */ .go)(v)}`, at);
}
function map(v, at, fn) {
    if (v !== null && typeof v === 'object' && !Array.isArray(v))
        return v;
    throw new _expr__WEBPACK_IMPORTED_MODULE_8__/* .ExprError */ ._M(`${fn}() expects a map, got ${(0,_expr__WEBPACK_IMPORTED_MODULE_8__/* .typeName */ .go)(v)}`, at);
}
function numArg(v, at, fn) {
    if (typeof v === 'number')
        return v;
    if (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v)))
        return Number(v);
    throw new _expr__WEBPACK_IMPORTED_MODULE_8__/* .ExprError */ ._M(`${fn}() expects a number, got ${(0,_expr__WEBPACK_IMPORTED_MODULE_8__/* .typeName */ .go)(v)}`, at);
}
function regex(pattern, at, flags = '') {
    try {
        return new RegExp(pattern, flags);
    }
    catch (e) {
        throw new _expr__WEBPACK_IMPORTED_MODULE_8__/* .ExprError */ ._M(`invalid regular expression: ${e.message}`, at);
    }
}
function readSpecFile(path, at, ctx, fn) {
    const full = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.isAbsolute)(path) ? path : (0,node_path__WEBPACK_IMPORTED_MODULE_3__.resolve)(ctx.baseDir, path);
    try {
        const text = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(full, 'utf8');
        ctx.onFileRead?.(full);
        return text;
    }
    catch (e) {
        const code = e.code;
        throw new _expr__WEBPACK_IMPORTED_MODULE_8__/* .ExprError */ ._M(`${fn}("${path}"): ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : String(code)}`, at, `paths are relative to the spec's directory (${ctx.baseDir})`);
    }
}
function fromJson(v) {
    if (v === undefined)
        return null;
    return v;
}
const pad = (n, w = 2) => String(n).padStart(w, '0');
const MONTHS = [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
/** RFC 3339 as Packer (Go) takes it: a date, T, a time, Z or an offset; each part in range. */
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|([+-])(\d{2}):(\d{2}))$/;
/** A zone offset in minutes east of UTC as RFC 3339 writes it: +05:30 (+0530 without colon). */
function zoneText(off, colon) {
    const abs = Math.abs(off);
    return `${off < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}${colon ? ':' : ''}${pad(abs % 60)}`;
}
/** The instant, and the zone it was written in (minutes east of UTC). */
function parseTimestamp(ts, at, fn) {
    const m = RFC3339.exec(ts);
    const [y, mo, day, h, mi, sec] = (m ?? []).slice(1, 7).map(Number);
    const inRange = m !== null &&
        mo >= 1 &&
        mo <= 12 &&
        day >= 1 &&
        day <= new Date(Date.UTC(y, mo, 0)).getUTCDate() &&
        h <= 23 &&
        mi <= 59 &&
        sec <= 59 &&
        (m[8] === 'Z' || (Number(m[10]) <= 23 && Number(m[11]) <= 59));
    const d = inRange ? new Date(ts) : new Date(NaN);
    if (Number.isNaN(d.getTime()))
        throw new _expr__WEBPACK_IMPORTED_MODULE_8__/* .ExprError */ ._M(`${fn}(): "${ts}" is not an RFC 3339 timestamp`, at, 'use timestamp() or a value like 2024-01-31T12:00:00Z');
    const offset = m[8] === 'Z' ? 0 : (m[9] === '-' ? -1 : 1) * (Number(m[10]) * 60 + Number(m[11]));
    return { date: d, offset };
}
/** Packer's (HCL's) formatdate: YYYY, MM, DD, hh (24 h), mm, ss, 'literal' and friends. */
function formatDate(spec, ts, at) {
    // In the zone the timestamp is written in, as HCL formats it.
    const { date, offset: off } = parseTimestamp(ts, at, 'formatdate');
    const d = new Date(date.getTime() + off * 60_000);
    const zone = (colon) => zoneText(off, colon);
    const tokens = [
        ['YYYY', () => String(d.getUTCFullYear())],
        ['YY', () => pad(d.getUTCFullYear() % 100)],
        ['MMMM', () => MONTHS[d.getUTCMonth()]],
        ['MMM', () => MONTHS[d.getUTCMonth()].slice(0, 3)],
        ['MM', () => pad(d.getUTCMonth() + 1)],
        ['M', () => String(d.getUTCMonth() + 1)],
        ['DD', () => pad(d.getUTCDate())],
        ['D', () => String(d.getUTCDate())],
        ['EEEE', () => DAYS[d.getUTCDay()]],
        ['EEE', () => DAYS[d.getUTCDay()].slice(0, 3)],
        ['hh', () => pad(d.getUTCHours())],
        ['h', () => String(d.getUTCHours())],
        ['HH', () => pad(d.getUTCHours() % 12 || 12)],
        ['H', () => String(d.getUTCHours() % 12 || 12)],
        ['AA', () => (d.getUTCHours() < 12 ? 'AM' : 'PM')],
        ['aa', () => (d.getUTCHours() < 12 ? 'am' : 'pm')],
        ['mm', () => pad(d.getUTCMinutes())],
        ['m', () => String(d.getUTCMinutes())],
        ['ss', () => pad(d.getUTCSeconds())],
        ['s', () => String(d.getUTCSeconds())],
        ['ZZZZZ', () => zone(true)],
        ['ZZZZ', () => zone(false)],
        ['ZZZ', () => (off === 0 ? 'UTC' : zone(false))],
        ['Z', () => (off === 0 ? 'Z' : zone(true))],
    ];
    let out = '';
    let i = 0;
    while (i < spec.length) {
        if (spec[i] === "'") {
            const end = spec.indexOf("'", i + 1);
            if (end < 0)
                throw new _expr__WEBPACK_IMPORTED_MODULE_8__/* .ExprError */ ._M('formatdate(): unterminated quoted literal', at);
            out += end === i + 1 ? "'" : spec.slice(i + 1, end);
            i = end + 1;
            continue;
        }
        const tok = tokens.find(([t]) => spec.startsWith(t, i));
        if (tok) {
            out += tok[1]();
            i += tok[0].length;
        }
        else if (/[A-Za-z]/.test(spec[i])) {
            throw new _expr__WEBPACK_IMPORTED_MODULE_8__/* .ExprError */ ._M(`formatdate(): unknown format letter "${spec[i]}"`, at, "put literal letters in single quotes, like 'T'");
        }
        else {
            out += spec[i++];
        }
    }
    return out;
}
/** Go-style format(): %s %d %v %q %f %%. */
function format(fmt, args, at) {
    let i = 0;
    return fmt.replace(/%(%|[-+ 0#]*\d*(?:\.\d+)?[sdvqftx])/g, (m, spec) => {
        if (spec === '%')
            return '%';
        if (i >= args.length)
            throw new _expr__WEBPACK_IMPORTED_MODULE_8__/* .ExprError */ ._M(`format(): not enough arguments for "${m}"`, at);
        const v = args[i++];
        const verb = spec[spec.length - 1];
        const prec = /\.(\d+)/.exec(spec);
        switch (verb) {
            case 'd':
                return String(Math.trunc(numArg(v, at, 'format')));
            case 'f':
                return numArg(v, at, 'format').toFixed(prec ? Number(prec[1]) : 6);
            case 'q':
                return JSON.stringify((0,_expr__WEBPACK_IMPORTED_MODULE_8__/* .toText */ .fE)(v, at));
            case 'x':
                return Math.trunc(numArg(v, at, 'format')).toString(16);
            case 't':
                return String(v === true);
            default:
                return typeof v === 'object' && v !== null ? JSON.stringify(v) : (0,_expr__WEBPACK_IMPORTED_MODULE_8__/* .toText */ .fE)(v, at);
        }
    });
}
function flatten(v) {
    const out = [];
    for (const x of v)
        if (Array.isArray(x))
            out.push(...flatten(x));
        else
            out.push(x);
    return out;
}
const fns = {
    // Time and identity: fixed for the whole run so every reference agrees.
    timestamp: (a, at, _ev, ctx) => (arity('timestamp', a, 0, 0, at),
        ctx.now.toISOString().replace(/\.\d{3}Z$/, 'Z')),
    formatdate: (a, at, ev) => (arity('formatdate', a, 2, 2, at),
        formatDate(str(ev(a[0]), at, 'formatdate'), str(ev(a[1]), at, 'formatdate'), at)),
    timeadd: (a, at, ev) => {
        arity('timeadd', a, 2, 2, at);
        const { date, offset } = parseTimestamp(str(ev(a[0]), at, 'timeadd'), at, 'timeadd');
        const dur = str(ev(a[1]), at, 'timeadd');
        const m = /^(-?)((?:\d+(?:\.\d+)?(?:ms|s|m|h))+)$/.exec(dur);
        const ms = m ? (0,_schema__WEBPACK_IMPORTED_MODULE_7__/* .parseDuration */ .E9)(m[2]) : undefined;
        if (ms === undefined)
            throw new _expr__WEBPACK_IMPORTED_MODULE_8__/* .ExprError */ ._M(`timeadd(): "${dur}" is not a duration`, at, 'use a duration such as "2160h" (90 days), "30m" or "-1h"');
        // As Go formats RFC 3339: whole seconds, in the zone the timestamp was written in.
        const local = new Date(date.getTime() + (m[1] ? -ms : ms) + offset * 60_000);
        return local.toISOString().slice(0, 19) + (offset === 0 ? 'Z' : zoneText(offset, true));
    },
    clean_resource_name: (a, at, ev) => {
        arity('clean_resource_name', a, 1, 1, at);
        // Only the characters AMI, image and disk names accept, at most 128 of them.
        return str(ev(a[0]), at, 'clean_resource_name')
            .replace(/[^A-Za-z0-9()[\]./\-'@_ ]/g, '-')
            .slice(0, 128);
    },
    // Fresh on every call, as in Packer (timestamp() is the one fixed for the run).
    uuidv4: (a, at, _ev, ctx) => {
        arity('uuidv4', a, 0, 0, at);
        return ctx.fixedUuid ?? (0,_util_random__WEBPACK_IMPORTED_MODULE_9__/* .randomUuid */ .bX)();
    },
    env: (a, at, ev, ctx) => {
        arity('env', a, 1, 1, at);
        return ctx.env[str(ev(a[0]), at, 'env')] ?? '';
    },
    // Files, relative to the spec.
    file: (a, at, ev, ctx) => (arity('file', a, 1, 1, at),
        readSpecFile(str(ev(a[0]), at, 'file'), at, ctx, 'file')),
    fileexists: (a, at, ev, ctx) => {
        arity('fileexists', a, 1, 1, at);
        try {
            readSpecFile(str(ev(a[0]), at, 'fileexists'), at, ctx, 'fileexists');
            return true;
        }
        catch {
            return false;
        }
    },
    templatefile: (a, at, ev, ctx, scope) => {
        arity('templatefile', a, 2, 2, at);
        const text = readSpecFile(str(ev(a[0]), at, 'templatefile'), at, ctx, 'templatefile');
        const vars = map(ev(a[1]), at, 'templatefile');
        const inner = {
            root: (name) => (Object.prototype.hasOwnProperty.call(vars, name) ? vars[name] : undefined),
            attr: () => undefined,
            call: scope.call,
        };
        try {
            // HCL's %{if}/%{for} directives and ~ strip markers, as the file may use them.
            return (0,_expr__WEBPACK_IMPORTED_MODULE_8__/* .toText */ .fE)((0,_expr__WEBPACK_IMPORTED_MODULE_8__/* .evaluate */ ._3)((0,_expr__WEBPACK_IMPORTED_MODULE_8__/* .parseTemplate */ .QC)((0,_packer_hcl_template__WEBPACK_IMPORTED_MODULE_11__/* .withoutDirectives */ .By)(text)), inner), at);
        }
        catch (e) {
            if (e instanceof _expr__WEBPACK_IMPORTED_MODULE_8__/* .ExprError */ ._M || e instanceof _packer_hcl_template__WEBPACK_IMPORTED_MODULE_11__/* .DirectiveError */ .CS)
                throw new _expr__WEBPACK_IMPORTED_MODULE_8__/* .ExprError */ ._M(`templatefile("${String(ev(a[0]))}"): ${e.message}`, at, e instanceof _expr__WEBPACK_IMPORTED_MODULE_8__/* .ExprError */ ._M ? e.hint : undefined);
            throw e;
        }
    },
    abspath: (a, at, ev, ctx) => (arity('abspath', a, 1, 1, at),
        (0,node_path__WEBPACK_IMPORTED_MODULE_3__.resolve)(ctx.baseDir, str(ev(a[0]), at, 'abspath'))),
    basename: (a, at, ev) => (arity('basename', a, 1, 1, at),
        (0,node_path__WEBPACK_IMPORTED_MODULE_3__.basename)(str(ev(a[0]), at, 'basename'))),
    dirname: (a, at, ev) => (arity('dirname', a, 1, 1, at), (0,node_path__WEBPACK_IMPORTED_MODULE_3__.dirname)(str(ev(a[0]), at, 'dirname'))),
    // Strings.
    lower: (a, at, ev) => (arity('lower', a, 1, 1, at), str(ev(a[0]), at, 'lower').toLowerCase()),
    upper: (a, at, ev) => (arity('upper', a, 1, 1, at), str(ev(a[0]), at, 'upper').toUpperCase()),
    title: (a, at, ev) => (arity('title', a, 1, 1, at),
        str(ev(a[0]), at, 'title').replace(/\b\w/g, (c) => c.toUpperCase())),
    trimspace: (a, at, ev) => (arity('trimspace', a, 1, 1, at),
        str(ev(a[0]), at, 'trimspace').trim()),
    trim: (a, at, ev) => {
        arity('trim', a, 1, 2, at);
        const s = str(ev(a[0]), at, 'trim');
        if (a.length === 1)
            return s.trim();
        const cut = new Set(str(ev(a[1]), at, 'trim'));
        let i = 0;
        let j = s.length;
        while (i < j && cut.has(s[i]))
            i++;
        while (j > i && cut.has(s[j - 1]))
            j--;
        return s.slice(i, j);
    },
    trimprefix: (a, at, ev) => {
        arity('trimprefix', a, 2, 2, at);
        const s = str(ev(a[0]), at, 'trimprefix');
        const p = str(ev(a[1]), at, 'trimprefix');
        return s.startsWith(p) ? s.slice(p.length) : s;
    },
    trimsuffix: (a, at, ev) => {
        arity('trimsuffix', a, 2, 2, at);
        const s = str(ev(a[0]), at, 'trimsuffix');
        const p = str(ev(a[1]), at, 'trimsuffix');
        return p && s.endsWith(p) ? s.slice(0, -p.length) : s;
    },
    startswith: (a, at, ev) => (arity('startswith', a, 2, 2, at),
        str(ev(a[0]), at, 'startswith').startsWith(str(ev(a[1]), at, 'startswith'))),
    endswith: (a, at, ev) => (arity('endswith', a, 2, 2, at),
        str(ev(a[0]), at, 'endswith').endsWith(str(ev(a[1]), at, 'endswith'))),
    replace: (a, at, ev) => {
        arity('replace', a, 3, 3, at);
        const s = str(ev(a[0]), at, 'replace');
        const sub = str(ev(a[1]), at, 'replace');
        const rep = str(ev(a[2]), at, 'replace');
        // HCL: a substring written as /.../ is a regular expression.
        if (sub.length > 1 && sub.startsWith('/') && sub.endsWith('/'))
            return s.replace(regex(sub.slice(1, -1), at, 'g'), rep);
        return s.split(sub).join(rep);
    },
    regex_replace: (a, at, ev) => (arity('regex_replace', a, 3, 3, at),
        str(ev(a[0]), at, 'regex_replace').replace(regex(str(ev(a[1]), at, 'regex_replace'), at, 'g'), str(ev(a[2]), at, 'regex_replace'))),
    regex: (a, at, ev) => {
        arity('regex', a, 2, 2, at);
        const m = regex(str(ev(a[0]), at, 'regex'), at).exec(str(ev(a[1]), at, 'regex'));
        if (!m)
            throw new _expr__WEBPACK_IMPORTED_MODULE_8__/* .ExprError */ ._M('regex(): the pattern does not match', at);
        if (m.groups)
            return { ...m.groups };
        return m.length > 1 ? m.slice(1).map((x) => x ?? null) : m[0];
    },
    split: (a, at, ev) => (arity('split', a, 2, 2, at),
        str(ev(a[1]), at, 'split').split(str(ev(a[0]), at, 'split'))),
    join: (a, at, ev) => {
        arity('join', a, 2, 2, at);
        const sep = str(ev(a[0]), at, 'join');
        return list(ev(a[1]), at, 'join')
            .map((x) => (0,_expr__WEBPACK_IMPORTED_MODULE_8__/* .toText */ .fE)(x, at))
            .join(sep);
    },
    format: (a, at, ev) => (arity('format', a, 1, Infinity, at),
        format(str(ev(a[0]), at, 'format'), a.slice(1).map(ev), at)),
    substr: (a, at, ev) => {
        arity('substr', a, 3, 3, at);
        const s = [...str(ev(a[0]), at, 'substr')];
        const off = numArg(ev(a[1]), at, 'substr');
        const len = numArg(ev(a[2]), at, 'substr');
        const start = off < 0 ? s.length + off : off;
        return s.slice(start, len < 0 ? undefined : start + len).join('');
    },
    strrev: (a, at, ev) => (arity('strrev', a, 1, 1, at),
        [...str(ev(a[0]), at, 'strrev')].reverse().join('')),
    indent: (a, at, ev) => (arity('indent', a, 2, 2, at),
        str(ev(a[1]), at, 'indent').replace(/\n/g, '\n' + ' '.repeat(numArg(ev(a[0]), at, 'indent')))),
    // Collections.
    length: (a, at, ev) => {
        arity('length', a, 1, 1, at);
        const v = ev(a[0]);
        if (typeof v === 'string')
            return [...v].length;
        if (Array.isArray(v))
            return v.length;
        if (v && typeof v === 'object')
            return Object.keys(v).length;
        throw new _expr__WEBPACK_IMPORTED_MODULE_8__/* .ExprError */ ._M(`length() expects a string, list or map, got ${(0,_expr__WEBPACK_IMPORTED_MODULE_8__/* .typeName */ .go)(v)}`, at);
    },
    concat: (a, at, ev) => a.flatMap((x) => list(ev(x), at, 'concat')),
    merge: (a, at, ev) => Object.assign({}, ...a.map((x) => map(ev(x), at, 'merge'))),
    lookup: (a, at, ev) => {
        arity('lookup', a, 2, 3, at);
        const m = map(ev(a[0]), at, 'lookup');
        const k = str(ev(a[1]), at, 'lookup');
        if (Object.prototype.hasOwnProperty.call(m, k))
            return m[k];
        if (a.length === 3)
            return ev(a[2]);
        throw new _expr__WEBPACK_IMPORTED_MODULE_8__/* .ExprError */ ._M(`lookup(): no key "${k}" and no default`, at, 'pass a default as the third argument');
    },
    contains: (a, at, ev) => (arity('contains', a, 2, 2, at),
        list(ev(a[0]), at, 'contains').some((x) => (0,_expr__WEBPACK_IMPORTED_MODULE_8__/* .deepEqual */ .bD)(x, ev(a[1])))),
    keys: (a, at, ev) => (arity('keys', a, 1, 1, at), Object.keys(map(ev(a[0]), at, 'keys')).sort()),
    values: (a, at, ev) => {
        arity('values', a, 1, 1, at);
        const m = map(ev(a[0]), at, 'values');
        return Object.keys(m)
            .sort()
            .map((k) => m[k]);
    },
    element: (a, at, ev) => {
        arity('element', a, 2, 2, at);
        const l = list(ev(a[0]), at, 'element');
        if (!l.length)
            throw new _expr__WEBPACK_IMPORTED_MODULE_8__/* .ExprError */ ._M('element(): the list is empty', at);
        return l[((Math.trunc(numArg(ev(a[1]), at, 'element')) % l.length) + l.length) % l.length];
    },
    flatten: (a, at, ev) => (arity('flatten', a, 1, 1, at), flatten(list(ev(a[0]), at, 'flatten'))),
    distinct: (a, at, ev) => {
        arity('distinct', a, 1, 1, at);
        const out = [];
        for (const x of list(ev(a[0]), at, 'distinct'))
            if (!out.some((y) => (0,_expr__WEBPACK_IMPORTED_MODULE_8__/* .deepEqual */ .bD)(x, y)))
                out.push(x);
        return out;
    },
    coalesce: (a, at, ev) => {
        for (const x of a) {
            const v = ev(x);
            if (v !== null && v !== '')
                return v;
        }
        throw new _expr__WEBPACK_IMPORTED_MODULE_8__/* .ExprError */ ._M('coalesce(): every argument is null or empty', at);
    },
    min: (a, at, ev) => Math.min(...a.map((x) => numArg(ev(x), at, 'min'))),
    max: (a, at, ev) => Math.max(...a.map((x) => numArg(ev(x), at, 'max'))),
    abs: (a, at, ev) => (arity('abs', a, 1, 1, at), Math.abs(numArg(ev(a[0]), at, 'abs'))),
    ceil: (a, at, ev) => (arity('ceil', a, 1, 1, at), Math.ceil(numArg(ev(a[0]), at, 'ceil'))),
    floor: (a, at, ev) => (arity('floor', a, 1, 1, at), Math.floor(numArg(ev(a[0]), at, 'floor'))),
    tostring: (a, at, ev) => (arity('tostring', a, 1, 1, at), (0,_expr__WEBPACK_IMPORTED_MODULE_8__/* .toText */ .fE)(ev(a[0]), at)),
    tonumber: (a, at, ev) => (arity('tonumber', a, 1, 1, at), numArg(ev(a[0]), at, 'tonumber')),
    tobool: (a, at, ev) => {
        arity('tobool', a, 1, 1, at);
        const v = ev(a[0]);
        if (typeof v === 'boolean')
            return v;
        if (v === 'true' || v === 'false')
            return v === 'true';
        throw new _expr__WEBPACK_IMPORTED_MODULE_8__/* .ExprError */ ._M(`tobool(): cannot convert ${(0,_expr__WEBPACK_IMPORTED_MODULE_8__/* .typeName */ .go)(v)} to bool`, at);
    },
    // Errors as values.
    try: (a, at, ev) => {
        arity('try', a, 1, Infinity, at);
        let last;
        for (const x of a) {
            try {
                return ev(x);
            }
            catch (e) {
                if (!(e instanceof _expr__WEBPACK_IMPORTED_MODULE_8__/* .ExprError */ ._M))
                    throw e;
                last = e;
            }
        }
        throw new _expr__WEBPACK_IMPORTED_MODULE_8__/* .ExprError */ ._M(`try(): every argument failed; the last: ${last.message}`, at);
    },
    can: (a, at, ev) => {
        arity('can', a, 1, 1, at);
        try {
            ev(a[0]);
            return true;
        }
        catch (e) {
            if (e instanceof _expr__WEBPACK_IMPORTED_MODULE_8__/* .ExprError */ ._M)
                return false;
            throw e;
        }
    },
    // Encodings and hashes.
    jsonencode: (a, at, ev) => (arity('jsonencode', a, 1, 1, at), JSON.stringify(ev(a[0]))),
    jsondecode: (a, at, ev) => {
        arity('jsondecode', a, 1, 1, at);
        try {
            return fromJson(JSON.parse(str(ev(a[0]), at, 'jsondecode')));
        }
        catch (e) {
            if (e instanceof _expr__WEBPACK_IMPORTED_MODULE_8__/* .ExprError */ ._M)
                throw e;
            throw new _expr__WEBPACK_IMPORTED_MODULE_8__/* .ExprError */ ._M(`jsondecode(): ${e.message}`, at);
        }
    },
    yamlencode: (a, at, ev) => (arity('yamlencode', a, 1, 1, at), (0,yaml__WEBPACK_IMPORTED_MODULE_4__/* .stringify */ .As)(ev(a[0]))),
    yamldecode: (a, at, ev) => {
        arity('yamldecode', a, 1, 1, at);
        try {
            return fromJson((0,yaml__WEBPACK_IMPORTED_MODULE_4__/* .parse */ .qg)(str(ev(a[0]), at, 'yamldecode'), { maxAliasCount: 100 }));
        }
        catch (e) {
            if (e instanceof _expr__WEBPACK_IMPORTED_MODULE_8__/* .ExprError */ ._M)
                throw e;
            throw new _expr__WEBPACK_IMPORTED_MODULE_8__/* .ExprError */ ._M(`yamldecode(): ${e.message.split('\n')[0]}`, at);
        }
    },
    base64encode: (a, at, ev) => (arity('base64encode', a, 1, 1, at),
        Buffer.from(str(ev(a[0]), at, 'base64encode')).toString('base64')),
    base64decode: (a, at, ev) => {
        arity('base64decode', a, 1, 1, at);
        const s = str(ev(a[0]), at, 'base64decode');
        if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s) || s.length % 4 !== 0)
            throw new _expr__WEBPACK_IMPORTED_MODULE_8__/* .ExprError */ ._M('base64decode(): not valid base64', at);
        return Buffer.from(s, 'base64').toString('utf8');
    },
    sha256: (a, at, ev) => (arity('sha256', a, 1, 1, at),
        (0,_util_random__WEBPACK_IMPORTED_MODULE_9__/* .nodeCrypto */ .SI)()
            .createHash('sha256')
            .update(str(ev(a[0]), at, 'sha256'))
            .digest('hex')),
    sha1: (a, at, ev) => (arity('sha1', a, 1, 1, at),
        (0,_util_random__WEBPACK_IMPORTED_MODULE_9__/* .nodeCrypto */ .SI)()
            .createHash('sha1')
            .update(str(ev(a[0]), at, 'sha1'))
            .digest('hex')),
    md5: (a, at, ev) => (arity('md5', a, 1, 1, at),
        (0,_util_random__WEBPACK_IMPORTED_MODULE_9__/* .nodeCrypto */ .SI)()
            .createHash('md5')
            .update(str(ev(a[0]), at, 'md5'))
            .digest('hex')),
};
/** Go's reference-time layout (Packer's legacy isotime), in UTC. */
function goLayout(layout, d) {
    const tokens = [
        ['January', () => MONTHS[d.getUTCMonth()]],
        ['Jan', () => MONTHS[d.getUTCMonth()].slice(0, 3)],
        ['Monday', () => DAYS[d.getUTCDay()]],
        ['Mon', () => DAYS[d.getUTCDay()].slice(0, 3)],
        ['MST', () => 'UTC'],
        ['2006', () => String(d.getUTCFullYear())],
        ['Z07:00', () => 'Z'],
        ['-07:00', () => '+00:00'],
        ['-0700', () => '+0000'],
        ['Z0700', () => 'Z'],
        ['.000000000', () => '.' + pad(d.getUTCMilliseconds(), 3) + '000000'],
        ['.000000', () => '.' + pad(d.getUTCMilliseconds(), 3) + '000'],
        ['.000', () => '.' + pad(d.getUTCMilliseconds(), 3)],
        ['002', () => pad(dayOfYear(d), 3)],
        ['06', () => pad(d.getUTCFullYear() % 100)],
        ['01', () => pad(d.getUTCMonth() + 1)],
        ['02', () => pad(d.getUTCDate())],
        ['_2', () => String(d.getUTCDate()).padStart(2, ' ')],
        ['15', () => pad(d.getUTCHours())],
        ['03', () => pad(d.getUTCHours() % 12 || 12)],
        ['04', () => pad(d.getUTCMinutes())],
        ['05', () => pad(d.getUTCSeconds())],
        ['PM', () => (d.getUTCHours() < 12 ? 'AM' : 'PM')],
        ['pm', () => (d.getUTCHours() < 12 ? 'am' : 'pm')],
        ['1', () => String(d.getUTCMonth() + 1)],
        ['2', () => String(d.getUTCDate())],
        ['3', () => String(d.getUTCHours() % 12 || 12)],
        ['4', () => String(d.getUTCMinutes())],
        ['5', () => String(d.getUTCSeconds())],
    ];
    let out = '';
    for (let i = 0; i < layout.length;) {
        const tok = tokens.find(([t]) => layout.startsWith(t, i));
        if (tok) {
            out += tok[1]();
            i += tok[0].length;
        }
        else
            out += layout[i++];
    }
    return out;
}
function dayOfYear(d) {
    return Math.floor((d.getTime() - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000) + 1;
}
/** C's strftime (Packer's legacy_strftime), in UTC. */
function strftime(fmt, d, at) {
    const f = {
        Y: () => String(d.getUTCFullYear()),
        y: () => pad(d.getUTCFullYear() % 100),
        m: () => pad(d.getUTCMonth() + 1),
        d: () => pad(d.getUTCDate()),
        e: () => String(d.getUTCDate()).padStart(2, ' '),
        H: () => pad(d.getUTCHours()),
        I: () => pad(d.getUTCHours() % 12 || 12),
        M: () => pad(d.getUTCMinutes()),
        S: () => pad(d.getUTCSeconds()),
        p: () => (d.getUTCHours() < 12 ? 'AM' : 'PM'),
        b: () => MONTHS[d.getUTCMonth()].slice(0, 3),
        B: () => MONTHS[d.getUTCMonth()],
        a: () => DAYS[d.getUTCDay()].slice(0, 3),
        A: () => DAYS[d.getUTCDay()],
        j: () => pad(dayOfYear(d), 3),
        Z: () => 'UTC',
        z: () => '+0000',
        s: () => String(Math.floor(d.getTime() / 1000)),
        '%': () => '%',
    };
    return fmt.replace(/%(.)/g, (_m, c) => {
        if (!f[c])
            throw new _expr__WEBPACK_IMPORTED_MODULE_8__/* .ExprError */ ._M(`legacy_strftime(): unknown directive %${c}`, at);
        return f[c]();
    });
}
/** A set as HCL orders it: strings lexically, numbers by value, anything else as it came. */
function sortedSet(v) {
    const out = [];
    for (const x of v)
        if (!out.some((y) => (0,_expr__WEBPACK_IMPORTED_MODULE_8__/* .deepEqual */ .bD)(x, y)))
            out.push(x);
    if (out.every((x) => typeof x === 'string'))
        out.sort();
    else if (out.every((x) => typeof x === 'number'))
        out.sort((a, b) => Number(a) - Number(b));
    return (0,_expr__WEBPACK_IMPORTED_MODULE_8__/* .asSet */ .pZ)(out);
}
function ipv4(text, at, fn) {
    const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)(?:\/(\d+))?$/.exec(text);
    const parts = m ? m.slice(1, 5).map(Number) : [];
    if (!m || parts.some((p) => p > 255) || (m[5] !== undefined && Number(m[5]) > 32))
        throw new _expr__WEBPACK_IMPORTED_MODULE_8__/* .ExprError */ ._M(`${fn}(): "${text}" is not an IPv4 address or CIDR block`, at);
    const addr = ((parts[0] << 24) | (parts[1] << 16) | (parts[2] << 8) | parts[3]) >>> 0;
    return { addr, bits: m[5] === undefined ? 32 : Number(m[5]) };
}
const ipText = (n) => [24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.');
const maskOf = (bits) => (bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0);
function cidrHost(prefix, num, at) {
    const { addr, bits } = ipv4(prefix, at, 'cidrhost');
    const size = 2 ** (32 - bits);
    if (num >= size || num < -size)
        throw new _expr__WEBPACK_IMPORTED_MODULE_8__/* .ExprError */ ._M(`cidrhost(): ${num} does not fit in ${prefix}`, at);
    const base = (addr & maskOf(bits)) >>> 0;
    return ipText((base + (num < 0 ? size + num : num)) >>> 0);
}
function cidrSubnet(prefix, newbits, num, at, fn = 'cidrsubnet') {
    const { addr, bits } = ipv4(prefix, at, fn);
    const nb = bits + newbits;
    if (nb > 32)
        throw new _expr__WEBPACK_IMPORTED_MODULE_8__/* .ExprError */ ._M(`${fn}(): ${prefix} has no room for ${newbits} more bits`, at);
    if (num < 0 || num >= 2 ** newbits)
        throw new _expr__WEBPACK_IMPORTED_MODULE_8__/* .ExprError */ ._M(`${fn}(): ${num} does not fit in ${newbits} bits`, at);
    const base = (addr & maskOf(bits)) >>> 0;
    return `${ipText((base + num * 2 ** (32 - nb)) >>> 0)}/${nb}`;
}
/** The functions of Packer's list that the base set lacks. */
const packerFns = {
    legacy_isotime: (a, at, ev, ctx) => (arity('legacy_isotime', a, 0, 1, at),
        a.length
            ? goLayout(str(ev(a[0]), at, 'legacy_isotime'), ctx.now)
            : ctx.now.toISOString().replace(/\.\d{3}Z$/, 'Z')),
    legacy_strftime: (a, at, ev, ctx) => (arity('legacy_strftime', a, 1, 1, at),
        strftime(str(ev(a[0]), at, 'legacy_strftime'), ctx.now, at)),
    chomp: (a, at, ev) => (arity('chomp', a, 1, 1, at),
        str(ev(a[0]), at, 'chomp').replace(/(\r?\n)+$/, '')),
    strcontains: (a, at, ev) => (arity('strcontains', a, 2, 2, at),
        str(ev(a[0]), at, 'strcontains').includes(str(ev(a[1]), at, 'strcontains'))),
    regexall: (a, at, ev) => {
        arity('regexall', a, 2, 2, at);
        const re = regex(str(ev(a[0]), at, 'regexall'), at, 'g');
        return [...str(ev(a[1]), at, 'regexall').matchAll(re)].map((m) => m.length > 1 ? (m.groups ? { ...m.groups } : m.slice(1)) : m[0]);
    },
    formatlist: (a, at, ev) => {
        if (a.length < 1)
            arity('formatlist', a, 1, Infinity, at);
        const fmt = str(ev(a[0]), at, 'formatlist');
        const args = a.slice(1).map((x) => ev(x));
        const n = Math.max(0, ...args.map((x) => (Array.isArray(x) ? x.length : 0)));
        const lens = args.filter(Array.isArray).map((x) => x.length);
        if (lens.some((l) => l !== n))
            throw new _expr__WEBPACK_IMPORTED_MODULE_8__/* .ExprError */ ._M('formatlist(): the lists differ in length', at);
        return Array.from({ length: n }, (_, i) => format(fmt, args.map((x) => (Array.isArray(x) ? x[i] : x)), at));
    },
    parseint: (a, at, ev) => {
        arity('parseint', a, 2, 2, at);
        const t = str(ev(a[0]), at, 'parseint');
        const base = numArg(ev(a[1]), at, 'parseint');
        const digits = '0123456789abcdefghijklmnopqrstuvwxyz'.slice(0, base);
        if (base < 2 || base > 36 || !new RegExp(`^-?[${digits}]+$`, 'i').test(t))
            throw new _expr__WEBPACK_IMPORTED_MODULE_8__/* .ExprError */ ._M(`parseint(): "${t}" is not a number in base ${base}`, at);
        return parseInt(t, base);
    },
    pow: (a, at, ev) => (arity('pow', a, 2, 2, at),
        numArg(ev(a[0]), at, 'pow') ** numArg(ev(a[1]), at, 'pow')),
    log: (a, at, ev) => (arity('log', a, 2, 2, at),
        Math.log(numArg(ev(a[0]), at, 'log')) / Math.log(numArg(ev(a[1]), at, 'log'))),
    signum: (a, at, ev) => (arity('signum', a, 1, 1, at), Math.sign(numArg(ev(a[0]), at, 'signum'))),
    sum: (a, at, ev) => (arity('sum', a, 1, 1, at),
        list(ev(a[0]), at, 'sum').reduce((t, x) => t + numArg(x, at, 'sum'), 0)),
    compact: (a, at, ev) => (arity('compact', a, 1, 1, at),
        list(ev(a[0]), at, 'compact').filter((x) => x !== null && x !== '')),
    coalescelist: (a, at, ev) => {
        for (const x of a) {
            const v = list(ev(x), at, 'coalescelist');
            if (v.length)
                return v;
        }
        throw new _expr__WEBPACK_IMPORTED_MODULE_8__/* .ExprError */ ._M('coalescelist(): every list is empty', at);
    },
    chunklist: (a, at, ev) => {
        arity('chunklist', a, 2, 2, at);
        const v = list(ev(a[0]), at, 'chunklist');
        const n = numArg(ev(a[1]), at, 'chunklist');
        if (n <= 0)
            return [v];
        const out = [];
        for (let i = 0; i < v.length; i += n)
            out.push(v.slice(i, i + n));
        return out;
    },
    index: (a, at, ev) => {
        arity('index', a, 2, 2, at);
        const v = list(ev(a[0]), at, 'index');
        const x = ev(a[1]);
        const i = v.findIndex((y) => (0,_expr__WEBPACK_IMPORTED_MODULE_8__/* .deepEqual */ .bD)(x, y));
        if (i < 0)
            throw new _expr__WEBPACK_IMPORTED_MODULE_8__/* .ExprError */ ._M('index(): the value is not in the list', at);
        return i;
    },
    range: (a, at, ev) => {
        arity('range', a, 1, 3, at);
        const n = a.map((x) => numArg(ev(x), at, 'range'));
        const [start, end, step] = n.length === 1 ? [0, n[0], 1] : [n[0], n[1], n[2] ?? (n[1] >= n[0] ? 1 : -1)];
        if (step === 0)
            throw new _expr__WEBPACK_IMPORTED_MODULE_8__/* .ExprError */ ._M('range(): the step must not be 0', at);
        const out = [];
        for (let i = start; step > 0 ? i < end : i > end; i += step) {
            out.push(i);
            if (out.length > 1024)
                throw new _expr__WEBPACK_IMPORTED_MODULE_8__/* .ExprError */ ._M('range(): more than 1024 numbers', at);
        }
        return out;
    },
    reverse: (a, at, ev) => (arity('reverse', a, 1, 1, at),
        [...list(ev(a[0]), at, 'reverse')].reverse()),
    slice: (a, at, ev) => {
        arity('slice', a, 3, 3, at);
        const v = list(ev(a[0]), at, 'slice');
        const s = numArg(ev(a[1]), at, 'slice');
        const e = numArg(ev(a[2]), at, 'slice');
        if (s < 0 || e > v.length || s > e)
            throw new _expr__WEBPACK_IMPORTED_MODULE_8__/* .ExprError */ ._M(`slice(): ${s}..${e} is outside a list of ${v.length}`, at);
        return v.slice(s, e);
    },
    sort: (a, at, ev) => (arity('sort', a, 1, 1, at),
        list(ev(a[0]), at, 'sort')
            .map((x) => str(x, at, 'sort'))
            .sort()),
    transpose: (a, at, ev) => {
        arity('transpose', a, 1, 1, at);
        const out = {};
        for (const [k, v] of Object.entries(map(ev(a[0]), at, 'transpose')))
            for (const x of list(v, at, 'transpose'))
                (out[str(x, at, 'transpose')] ??= []).push(k);
        for (const k of Object.keys(out))
            out[k].sort();
        return out;
    },
    zipmap: (a, at, ev) => {
        arity('zipmap', a, 2, 2, at);
        const ks = list(ev(a[0]), at, 'zipmap');
        const vs = list(ev(a[1]), at, 'zipmap');
        if (ks.length !== vs.length)
            throw new _expr__WEBPACK_IMPORTED_MODULE_8__/* .ExprError */ ._M('zipmap(): the lists differ in length', at);
        return Object.fromEntries(ks.map((k, i) => [str(k, at, 'zipmap'), vs[i]]));
    },
    // convert(value, list(string)): the second argument is a type, written as in a variable.
    convert: (a, at, ev) => {
        arity('convert', a, 2, 2, at);
        const type = typeOf(a[1]);
        if (!type)
            throw new _expr__WEBPACK_IMPORTED_MODULE_8__/* .ExprError */ ._M('convert() takes a type as its second argument', a[1].at, 'e.g. convert(var.x, list(string)); types: string, number, bool, any, list(T), set(T), map(T), object({name = T, …}), tuple([T, …])');
        const r = convertTo(ev(a[0]), type);
        if (typeof r === 'string')
            throw new _expr__WEBPACK_IMPORTED_MODULE_8__/* .ExprError */ ._M(`convert(): ${r}`, at);
        return r.value;
    },
    tolist: (a, at, ev) => (arity('tolist', a, 1, 1, at), list(ev(a[0]), at, 'tolist')),
    toset: (a, at, ev) => (arity('toset', a, 1, 1, at), sortedSet(list(ev(a[0]), at, 'toset'))),
    tomap: (a, at, ev) => (arity('tomap', a, 1, 1, at), map(ev(a[0]), at, 'tomap')),
    setunion: (a, at, ev) => sortedSet(a.flatMap((x) => list(ev(x), at, 'setunion'))),
    setintersection: (a, at, ev) => {
        if (!a.length)
            arity('setintersection', a, 1, Infinity, at);
        const [first, ...rest] = a.map((x) => list(ev(x), at, 'setintersection'));
        return sortedSet(first.filter((x) => rest.every((r) => r.some((y) => (0,_expr__WEBPACK_IMPORTED_MODULE_8__/* .deepEqual */ .bD)(x, y)))));
    },
    setproduct: (a, at, ev) => {
        const lists = a.map((x) => list(ev(x), at, 'setproduct'));
        let out = [[]];
        for (const l of lists)
            out = out.flatMap((p) => l.map((x) => [...p, x]));
        if (out.length > 10_000)
            throw new _expr__WEBPACK_IMPORTED_MODULE_8__/* .ExprError */ ._M('setproduct(): more than 10000 combinations', at);
        return lists.length ? out : [];
    },
    urlencode: (a, at, ev) => (arity('urlencode', a, 1, 1, at),
        encodeURIComponent(str(ev(a[0]), at, 'urlencode')).replace(/%20/g, '+')),
    textencodebase64: (a, at, ev) => {
        arity('textencodebase64', a, 2, 2, at);
        const enc = str(ev(a[1]), at, 'textencodebase64').toLowerCase();
        const bufEnc = enc === 'utf-16le' ? 'utf16le' : enc === 'utf-8' ? 'utf8' : undefined;
        if (!bufEnc)
            throw new _expr__WEBPACK_IMPORTED_MODULE_8__/* .ExprError */ ._M(`textencodebase64(): encoding "${enc}" is not supported (UTF-8, UTF-16LE)`, at);
        return Buffer.from(str(ev(a[0]), at, 'textencodebase64'), bufEnc).toString('base64');
    },
    textdecodebase64: (a, at, ev) => {
        arity('textdecodebase64', a, 2, 2, at);
        const enc = str(ev(a[1]), at, 'textdecodebase64').toLowerCase();
        const bufEnc = enc === 'utf-16le' ? 'utf16le' : enc === 'utf-8' ? 'utf8' : undefined;
        if (!bufEnc)
            throw new _expr__WEBPACK_IMPORTED_MODULE_8__/* .ExprError */ ._M(`textdecodebase64(): encoding "${enc}" is not supported (UTF-8, UTF-16LE)`, at);
        return Buffer.from(str(ev(a[0]), at, 'textdecodebase64'), 'base64').toString(bufEnc);
    },
    base64gzip: (a, at, ev) => (arity('base64gzip', a, 1, 1, at),
        (0,node_zlib__WEBPACK_IMPORTED_MODULE_1__.gzipSync)(Buffer.from(str(ev(a[0]), at, 'base64gzip'))).toString('base64')),
    csvdecode: (a, at, ev) => {
        arity('csvdecode', a, 1, 1, at);
        const rows = parseCsv(str(ev(a[0]), at, 'csvdecode'));
        const [head, ...rest] = rows;
        if (!head)
            return [];
        return rest.map((r) => {
            if (r.length !== head.length)
                throw new _expr__WEBPACK_IMPORTED_MODULE_8__/* .ExprError */ ._M('csvdecode(): a row has a different number of fields', at);
            return Object.fromEntries(head.map((h, i) => [h, r[i]]));
        });
    },
    sha512: (a, at, ev) => (arity('sha512', a, 1, 1, at),
        (0,_util_random__WEBPACK_IMPORTED_MODULE_9__/* .nodeCrypto */ .SI)()
            .createHash('sha512')
            .update(str(ev(a[0]), at, 'sha512'))
            .digest('hex')),
    uuidv5: (a, at, ev) => {
        arity('uuidv5', a, 2, 2, at);
        const ns = str(ev(a[0]), at, 'uuidv5');
        const known = {
            dns: '6ba7b810-9dad-11d1-80b4-00c04fd430c8',
            url: '6ba7b811-9dad-11d1-80b4-00c04fd430c8',
            oid: '6ba7b812-9dad-11d1-80b4-00c04fd430c8',
            x500: '6ba7b814-9dad-11d1-80b4-00c04fd430c8',
        };
        const id = (known[ns] ?? ns).replace(/-/g, '');
        if (!/^[0-9a-f]{32}$/i.test(id))
            throw new _expr__WEBPACK_IMPORTED_MODULE_8__/* .ExprError */ ._M(`uuidv5(): "${ns}" is not a namespace`, at);
        const h = (0,_util_random__WEBPACK_IMPORTED_MODULE_9__/* .nodeCrypto */ .SI)()
            .createHash('sha1')
            .update(Buffer.from(id, 'hex'))
            .update(str(ev(a[1]), at, 'uuidv5'))
            .digest();
        h[6] = (h[6] & 0x0f) | 0x50;
        h[8] = (h[8] & 0x3f) | 0x80;
        const x = h.subarray(0, 16).toString('hex');
        return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
    },
    pathexpand: (a, at, ev, ctx) => {
        arity('pathexpand', a, 1, 1, at);
        const p = str(ev(a[0]), at, 'pathexpand');
        return p === '~' || p.startsWith('~/') ? (ctx.env.HOME ?? '') + p.slice(1) : p;
    },
    fileset: (a, at, ev, ctx) => {
        arity('fileset', a, 2, 2, at);
        const base = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.resolve)(ctx.baseDir, str(ev(a[0]), at, 'fileset'));
        const pattern = str(ev(a[1]), at, 'fileset');
        const out = [];
        const walk = (dir, rel) => {
            let entries;
            try {
                entries = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(dir, { withFileTypes: true });
            }
            catch {
                return;
            }
            for (const e of entries) {
                const r = rel ? `${rel}/${e.name}` : e.name;
                if (e.isDirectory())
                    walk(`${dir}/${e.name}`, r);
                else if (e.isFile() && (0,minimatch__WEBPACK_IMPORTED_MODULE_2__/* .minimatch */ .xF)(r, pattern, { dot: true }))
                    out.push(r);
                if (out.length > 10_000)
                    throw new _expr__WEBPACK_IMPORTED_MODULE_8__/* .ExprError */ ._M('fileset(): more than 10000 files', at);
            }
        };
        walk(base, '');
        return out.sort();
    },
    cidrhost: (a, at, ev) => (arity('cidrhost', a, 2, 2, at),
        cidrHost(str(ev(a[0]), at, 'cidrhost'), numArg(ev(a[1]), at, 'cidrhost'), at)),
    cidrnetmask: (a, at, ev) => {
        arity('cidrnetmask', a, 1, 1, at);
        return ipText(maskOf(ipv4(str(ev(a[0]), at, 'cidrnetmask'), at, 'cidrnetmask').bits));
    },
    cidrsubnet: (a, at, ev) => (arity('cidrsubnet', a, 3, 3, at),
        cidrSubnet(str(ev(a[0]), at, 'cidrsubnet'), numArg(ev(a[1]), at, 'cidrsubnet'), numArg(ev(a[2]), at, 'cidrsubnet'), at)),
    cidrsubnets: (a, at, ev) => {
        if (a.length < 1)
            arity('cidrsubnets', a, 1, Infinity, at);
        const prefix = str(ev(a[0]), at, 'cidrsubnets');
        const { addr, bits } = ipv4(prefix, at, 'cidrsubnets');
        let next = (addr & maskOf(bits)) >>> 0;
        return a.slice(1).map((x) => {
            const nb = bits + numArg(ev(x), at, 'cidrsubnets');
            if (nb > 32)
                throw new _expr__WEBPACK_IMPORTED_MODULE_8__/* .ExprError */ ._M(`cidrsubnets(): ${prefix} has no room for that`, at);
            const size = 2 ** (32 - nb);
            next = Math.ceil(next / size) * size;
            const out = `${ipText(next >>> 0)}/${nb}`;
            next += size;
            if (next > ((addr & maskOf(bits)) >>> 0) + 2 ** (32 - bits))
                throw new _expr__WEBPACK_IMPORTED_MODULE_8__/* .ExprError */ ._M(`cidrsubnets(): the subnets do not fit in ${prefix}`, at);
            return out;
        });
    },
    // Packer reads these from outside services at evaluation; bake takes secrets as inputs.
    ...Object.fromEntries(['vault', 'consul_key', 'bcrypt', 'rsadecrypt'].map((n) => [
        n,
        ((_a, at) => {
            throw new _expr__WEBPACK_IMPORTED_MODULE_8__/* .ExprError */ ._M(`${n}() is not supported by bake`, at, n === 'bcrypt' || n === 'rsadecrypt'
                ? 'compute the value before the build and pass it in as a sensitive variable'
                : 'read the secret in the workflow (e.g. a GitHub secret) and pass it in as a sensitive variable');
        }),
    ])),
};
/** The settings of the AWS data functions, which Packer's data blocks of the same use take too. */
const AWS_DATA_KEYS = {
    aws_ami: ['filters', 'owners', 'most_recent', 'include_deprecated', 'region'],
    aws_parameter: ['name', 'with_decryption', 'region'],
    aws_secret: ['name', 'key', 'version_id', 'version_stage', 'region'],
};
/** What Packer's AWS blocks take for credentials, and where bake takes them from instead. */
const AWS_CREDENTIAL_KEYS = ['access_key', 'secret_key', 'token', 'profile', 'assume_role'];
const AWS_CREDENTIALS_HINT = 'bake takes AWS credentials from the environment (the AWS_* variables, a profile, or configure-aws-credentials), as for the amazon-ebs builder';
/** The region a data function asks in: its own region setting, else the environment's. */
function awsRegion(cfg, at, fn, ctx) {
    const r = cfg.region ?? ctx.env.AWS_REGION ?? ctx.env.AWS_DEFAULT_REGION;
    if (typeof r !== 'string' || !r)
        throw new _expr__WEBPACK_IMPORTED_MODULE_8__/* .ExprError */ ._M(`${fn}() has no AWS region`, at, 'set region = "…" in it, or AWS_REGION (aws-actions/configure-aws-credentials sets it)');
    return r;
}
function onlyKeys(cfg, keys, at, fn) {
    for (const k of Object.keys(cfg))
        if (!keys.includes(k))
            throw new _expr__WEBPACK_IMPORTED_MODULE_8__/* .ExprError */ ._M(`${fn}() takes no "${k}"`, at, AWS_CREDENTIAL_KEYS.includes(k) ? AWS_CREDENTIALS_HINT : `it takes ${keys.join(', ')}`);
}
/**
 * Packer's AWS data sources as functions: aws_parameter({name, with_decryption, region}) gives
 * value, version and arn (a decrypted SecureString's value is sensitive); aws_secret({name,
 * key, version_id, version_stage, region}) gives value (the key's, when key is set),
 * secret_string, secret_binary (base64) and version_id, every secret part sensitive; and
 * aws_secretsmanager(name, key), Packer's function, gives the value alone. Answers come from
 * resolvePlanWithData (see data.ts).
 */
function awsData(name, args, at, ev, ctx) {
    if (name === 'aws_ami') {
        arity(name, args, 1, 1, at);
        const cfg = map(ev(args[0]), at, name);
        onlyKeys(cfg, AWS_DATA_KEYS.aws_ami, at, name);
        const filters = map(cfg.filters ?? {}, at, name);
        const owners = cfg.owners === undefined ? [] : list(cfg.owners, at, name).map((o) => str(o, at, name));
        if (!(0,_data__WEBPACK_IMPORTED_MODULE_10__/* .amiOwnerPinned */ .N$)(owners, filters))
            throw new _expr__WEBPACK_IMPORTED_MODULE_8__/* .ExprError */ ._M('aws_ami() needs owners: without them an AMI any account publishes under a matching name can be the answer', at, 'e.g. aws_ami({filters = {name = "debian-12-amd64-*"}, owners = ["136693071363"], most_recent = true}); self for your own, or an owner-id filter');
        const bool = (v) => v === true || v === 'true';
        return (0,_data__WEBPACK_IMPORTED_MODULE_10__/* .fieldsOf */ .Pf)((0,_data__WEBPACK_IMPORTED_MODULE_10__/* .answerOf */ .ut)({
            kind: 'aws-ami',
            region: awsRegion(cfg, at, name, ctx),
            filters: Object.keys(filters)
                .sort()
                .map((k) => {
                const v = filters[k];
                return [k, (Array.isArray(v) ? v : [v]).map((x) => str(x, at, name))];
            }),
            owners,
            mostRecent: bool(cfg.most_recent),
            includeDeprecated: bool(cfg.include_deprecated),
        }, at), at);
    }
    if (name === 'aws_parameter') {
        arity(name, args, 1, 1, at);
        const cfg = map(ev(args[0]), at, name);
        onlyKeys(cfg, AWS_DATA_KEYS.aws_parameter, at, name);
        if (typeof cfg.name !== 'string' || !cfg.name)
            throw new _expr__WEBPACK_IMPORTED_MODULE_8__/* .ExprError */ ._M("aws_parameter() needs name, the parameter's name or ARN", at);
        const withDecryption = cfg.with_decryption === true || cfg.with_decryption === 'true';
        const a = (0,_data__WEBPACK_IMPORTED_MODULE_10__/* .answerOf */ .ut)({
            kind: 'aws-parameter',
            region: awsRegion(cfg, at, name, ctx),
            name: cfg.name,
            withDecryption,
        }, at);
        const f = (0,_data__WEBPACK_IMPORTED_MODULE_10__/* .fieldsOf */ .Pf)(a, at);
        if (a.ok && a.secure)
            f.value = (0,_expr__WEBPACK_IMPORTED_MODULE_8__/* .sensitive */ .LS)(f.value);
        return f;
    }
    let cfg;
    if (name === 'aws_secretsmanager') {
        arity(name, args, 1, 2, at);
        cfg = { name: str(ev(args[0]), at, name) };
        if (args[1])
            cfg.key = str(ev(args[1]), at, name);
    }
    else {
        arity(name, args, 1, 1, at);
        cfg = map(ev(args[0]), at, name);
        onlyKeys(cfg, AWS_DATA_KEYS.aws_secret, at, name);
    }
    if (typeof cfg.name !== 'string' || !cfg.name)
        throw new _expr__WEBPACK_IMPORTED_MODULE_8__/* .ExprError */ ._M(`${name}() needs name, the secret's name or ARN`, at);
    const f = (0,_data__WEBPACK_IMPORTED_MODULE_10__/* .fieldsOf */ .Pf)((0,_data__WEBPACK_IMPORTED_MODULE_10__/* .answerOf */ .ut)({
        kind: 'aws-secret',
        region: awsRegion(cfg, at, name, ctx),
        name: cfg.name,
        ...(cfg.version_id !== undefined ? { versionId: str(cfg.version_id, at, name) } : {}),
        ...(cfg.version_stage !== undefined
            ? { versionStage: str(cfg.version_stage, at, name) }
            : {}),
    }, at), at);
    let value = f.secret_string;
    if (cfg.key !== undefined) {
        const key = str(cfg.key, at, name);
        let parsed;
        try {
            parsed = JSON.parse(String(f.secret_string ?? ''));
        }
        catch {
            parsed = undefined;
        }
        if (!parsed || typeof parsed !== 'object' || !(key in parsed))
            throw new _data__WEBPACK_IMPORTED_MODULE_10__/* .ServiceError */ ._7(`secret ${cfg.name} has no key "${key}"`, at, parsed && typeof parsed === 'object'
                ? `its keys: ${Object.keys(parsed).join(', ')}`
                : 'the secret is not a JSON object: leave key out to read the whole string');
        const v = parsed[key];
        value = typeof v === 'string' ? v : JSON.stringify(v);
    }
    if (name === 'aws_secretsmanager')
        return (0,_expr__WEBPACK_IMPORTED_MODULE_8__/* .sensitive */ .LS)(value ?? '');
    return {
        value: (0,_expr__WEBPACK_IMPORTED_MODULE_8__/* .sensitive */ .LS)(value ?? null),
        secret_string: (0,_expr__WEBPACK_IMPORTED_MODULE_8__/* .sensitive */ .LS)(f.secret_string),
        secret_binary: (0,_expr__WEBPACK_IMPORTED_MODULE_8__/* .sensitive */ .LS)(f.secret_binary),
        version_id: f.version_id,
    };
}
function parseCsv(text) {
    const rows = [];
    let row = [];
    let field = '';
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (quoted) {
            if (c === '"' && text[i + 1] === '"') {
                field += '"';
                i++;
            }
            else if (c === '"')
                quoted = false;
            else
                field += c;
        }
        else if (c === '"')
            quoted = true;
        else if (c === ',') {
            row.push(field);
            field = '';
        }
        else if (c === '\n' || c === '\r') {
            if (c === '\r' && text[i + 1] === '\n')
                i++;
            row.push(field);
            rows.push(row);
            row = [];
            field = '';
        }
        else
            field += c;
    }
    if (field || row.length) {
        row.push(field);
        rows.push(row);
    }
    return rows;
}
for (const [k, f] of Object.entries(packerFns))
    if (!(k in fns))
        fns[k] = f;
function typeOf(e) {
    if (e.t === 'ref') {
        if (['string', 'number', 'bool', 'any'].includes(e.name))
            return { k: e.name };
        // A bare collection is one of anything, as HCL's legacy spelling means.
        if (['list', 'set', 'map'].includes(e.name))
            return { k: e.name, of: { k: 'any' } };
        return undefined;
    }
    if (e.t !== 'call' || e.args.length !== 1)
        return undefined;
    const [arg] = e.args;
    if (e.name === 'object') {
        if (arg.t !== 'obj')
            return undefined;
        const attrs = [];
        for (const [k, v] of arg.entries) {
            const name = k.t === 'ref' ? k.name : k.t === 'lit' && typeof k.v === 'string' ? k.v : null;
            const t = typeOf(v);
            if (name === null || !t)
                return undefined;
            attrs.push([name, t]);
        }
        return { k: 'object', attrs };
    }
    if (e.name === 'tuple') {
        if (arg.t !== 'list')
            return undefined;
        const items = arg.items.map(typeOf);
        return items.every((t) => t) ? { k: 'tuple', items: items } : undefined;
    }
    if (!['list', 'set', 'map'].includes(e.name))
        return undefined;
    const of = typeOf(arg);
    return of && { k: e.name, of };
}
/** Converts as HCL does: null stays null at any depth; the message says where it failed. */
function convertTo(v, t) {
    if (v === null || t.k === 'any')
        return { value: v };
    const within = (where, r) => typeof r === 'string' ? `${where}: ${r}` : r;
    switch (t.k) {
        case 'string':
        case 'number':
        case 'bool': {
            if (t.k === 'number' &&
                typeof v === 'string' &&
                !/^\s*-?\d+(\.\d+)?([eE][+-]?\d+)?\s*$/.test(v))
                return `expected a number, got ${JSON.stringify(v)}`;
            const r = (0,_types__WEBPACK_IMPORTED_MODULE_6__/* .convertToType */ .dC)(v, { k: t.k }, false);
            return r.ok ? { value: r.value } : r.error;
        }
        case 'list':
        case 'set':
        case 'tuple': {
            if (!Array.isArray(v))
                return `expected a ${t.k}, got ${(0,_expr__WEBPACK_IMPORTED_MODULE_8__/* .typeName */ .go)(v)}`;
            if (t.k === 'tuple' && v.length !== t.items.length)
                return `expected a tuple of ${t.items.length} elements, got ${v.length}`;
            const out = [];
            for (const [i, x] of v.entries()) {
                const r = within(`element ${i}`, convertTo(x, t.k === 'tuple' ? t.items[i] : t.of));
                if (typeof r === 'string')
                    return r;
                out.push(r.value);
            }
            const one = t.k === 'tuple' ? out : unified(out, t.of);
            return { value: t.k === 'set' ? sortedSet(one) : one };
        }
        case 'map':
        case 'object': {
            if (typeof v !== 'object' || Array.isArray(v))
                return `expected a${t.k === 'map' ? ' map' : 'n object'}, got ${(0,_expr__WEBPACK_IMPORTED_MODULE_8__/* .typeName */ .go)(v)}`;
            const out = {};
            const entries = t.k === 'map'
                ? Object.keys(v).map((k) => [k, t.of])
                : t.attrs;
            for (const [k, at] of entries) {
                if (!(k in v))
                    return `attribute "${k}" is required`;
                const r = within(`"${k}"`, convertTo(v[k], at));
                if (typeof r === 'string')
                    return r;
                out[k] = r.value;
            }
            if (t.k === 'map') {
                const vs = unified(Object.values(out), t.of);
                Object.keys(out).forEach((k, i) => (out[k] = vs[i]));
            }
            return { value: out };
        }
    }
}
/**
 * A collection of `any` still holds one type, as in HCL: primitives of several kinds all
 * become strings (["a", 3] is ["a", "3"]); anything else is left as it is.
 */
function unified(vs, of) {
    if (of.k !== 'any')
        return vs;
    const kinds = new Set(vs.filter((x) => x !== null).map((x) => typeof x));
    const primitive = [...kinds].every((k) => k === 'string' || k === 'number' || k === 'boolean');
    return primitive && kinds.size > 1 ? vs.map((x) => (x === null ? x : String(x))) : vs;
}
const FUNCTION_NAMES = [
    ...Object.keys(fns),
    'sensitive',
    'http_request',
    'aws_ami',
    'aws_parameter',
    'aws_secret',
    'aws_secretsmanager',
].sort();
function callFunction(name, args, at, ev, ctx, scope) {
    // sensitive(v): v, marked so that it and what is computed from it are redacted.
    if (name === 'sensitive') {
        arity('sensitive', args, 1, 1, at);
        return (0,_expr__WEBPACK_IMPORTED_MODULE_8__/* .sensitive */ .LS)((0,_expr__WEBPACK_IMPORTED_MODULE_8__/* .unmark */ .dX)(ev(args[0])).value);
    }
    // http_request(): a sensitive header (a token) is what it takes to ask, and is not the
    // answer; the answer is sensitive when what was asked for is (the address or the body sent).
    if (name === 'http_request') {
        arity('http_request', args, 1, 1, at);
        if (ctx.offline)
            throw new _data__WEBPACK_IMPORTED_MODULE_10__/* .PendingData */ .cN(at);
        const m = ev(args[0]);
        const parts = m !== null && typeof m === 'object' && !Array.isArray(m) ? m : undefined;
        const marked = (k) => !parts ||
            parts instanceof _expr__WEBPACK_IMPORTED_MODULE_8__/* .Sensitive */ .pT ||
            (0,_expr__WEBPACK_IMPORTED_MODULE_8__/* .unmark */ .dX)(parts[k] ?? null).sensitive;
        const hidden = marked('url') || marked('request_body');
        let v;
        try {
            v = httpRequest(map((0,_expr__WEBPACK_IMPORTED_MODULE_8__/* .unmark */ .dX)(m).value, at, 'http_request'), at);
        }
        catch (e) {
            if (hidden && e instanceof _expr__WEBPACK_IMPORTED_MODULE_8__/* .ExprError */ ._M)
                throw new _expr__WEBPACK_IMPORTED_MODULE_8__/* .ExprError */ ._M('http_request() failed on a sensitive address or body (the details are not shown)', at, e.hint);
            throw e;
        }
        return hidden ? (0,_expr__WEBPACK_IMPORTED_MODULE_8__/* .sensitive */ .LS)(v) : v;
    }
    if (name === 'aws_ami' ||
        name === 'aws_parameter' ||
        name === 'aws_secret' ||
        name === 'aws_secretsmanager')
        return awsData(name, args, at, (x) => (0,_expr__WEBPACK_IMPORTED_MODULE_8__/* .unmark */ .dX)(ev(x)).value, ctx);
    const fn = Object.prototype.hasOwnProperty.call(fns, name) ? fns[name] : undefined;
    if (!fn) {
        const near = (0,_errors__WEBPACK_IMPORTED_MODULE_5__/* .didYouMean */ .au)(name, FUNCTION_NAMES);
        throw new _expr__WEBPACK_IMPORTED_MODULE_8__/* .ExprError */ ._M(`unknown function ${name}()`, at, near ? `did you mean ${near}()?` : `known functions: ${FUNCTION_NAMES.join(', ')}`);
    }
    // Functions see plain values; what they compute from a sensitive argument is sensitive,
    // and so is what their errors would say about it.
    let hidden = false;
    const from = [];
    const plain = (x) => {
        const r = (0,_expr__WEBPACK_IMPORTED_MODULE_8__/* .reveal */ ._c)(ev(x));
        hidden ||= r.sensitive;
        from.push(...r.secrets);
        return r.value;
    };
    let v;
    try {
        v = fn(args, at, plain, ctx, scope);
    }
    catch (e) {
        if (hidden && e instanceof _expr__WEBPACK_IMPORTED_MODULE_8__/* .ExprError */ ._M)
            throw new _expr__WEBPACK_IMPORTED_MODULE_8__/* .ExprError */ ._M(`${name}() failed on a sensitive value (the details are not shown)`, at, e.hint);
        throw e;
    }
    if (typeof v === 'string' && v.length > MAX_STRING)
        throw new _expr__WEBPACK_IMPORTED_MODULE_8__/* .ExprError */ ._M(`${name}() produced more than ${MAX_STRING} characters`, at);
    return hidden ? (0,_expr__WEBPACK_IMPORTED_MODULE_8__/* .sensitive */ .LS)(v, from) : v;
}


/***/ }),

/***/ 60267:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E6: () => (/* binding */ LATE_FIELD),
/* harmony export */   Mc: () => (/* binding */ hasLateFields),
/* harmony export */   VE: () => (/* binding */ fillLateFields),
/* harmony export */   ji: () => (/* binding */ LateFieldError),
/* harmony export */   z8: () => (/* binding */ lateField)
/* harmony export */ });
/* unused harmony export showLateFields */
/* harmony import */ var _util_deep__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(26844);
/**
 * `build.ID`, `build.Host`, `build.SourceAMI`, …: what a build learns only once its machine
 * runs (Packer's contextual build variables). Provisioners and post-processors are planned
 * before that, so such a reference plans as a marker in the text; the engine fills the marker
 * in with the build's value just before the step runs, or stops with an error that names the
 * fields the builder has.
 */

const OPEN = '\uE000build.';
const CLOSE = '\uE001';
/** A field name as Packer spells them: ID, SourceAMIName, PackerRunUUID, … */
const LATE_FIELD = /^[A-Z][A-Za-z0-9]*$/;
/** The marker that stands for build.NAME until the build runs. */
function lateField(name) {
    return `${OPEN}${name}${CLOSE}`;
}
const MARKER = /\uE000build\.([A-Za-z0-9]+)\uE001/g;
/** Whether a value holds any marker (so a step needs filling in). */
function hasLateFields(v) {
    return (0,_util_deep__WEBPACK_IMPORTED_MODULE_0__/* .someString */ .o)(v, (s) => s.includes(OPEN));
}
class LateFieldError extends Error {
    field;
    known;
    constructor(field, known) {
        super(`build.${field} is not known in this build`);
        this.field = field;
        this.known = known;
    }
}
/** A copy of `v` with every marker replaced by the build's value; a field it lacks throws. */
function fillLateFields(v, fields) {
    return (0,_util_deep__WEBPACK_IMPORTED_MODULE_0__/* .mapStrings */ .t)(v, (s) => s.includes(OPEN)
        ? s.replace(MARKER, (_m, name) => {
            if (!Object.prototype.hasOwnProperty.call(fields, name))
                throw new LateFieldError(name, Object.keys(fields).sort());
            return fields[name];
        })
        : s);
}
/** A value with its markers written back as `build.NAME`, for plans and messages. */
function showLateFields(text) {
    return text.replace(MARKER, (_m, name) => '${build.' + name + '}');
}


/***/ }),

/***/ 11207:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Y3: () => (/* binding */ loadYamlFile),
/* harmony export */   hN: () => (/* binding */ parseYaml),
/* harmony export */   p: () => (/* binding */ MAX_SPEC_BYTES),
/* harmony export */   uJ: () => (/* binding */ joinPath)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(38815);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(17800);



/** Specs are small hand-written files; anything this large is a mistake. */
const MAX_SPEC_BYTES = 4 * 1024 * 1024;
/** Upper bound on nodes produced while expanding aliases (defeats "billion laughs"). */
const MAX_EXPANDED_NODES = 200_000;
const MAX_DEPTH = 200;
function joinPath(base, key) {
    if (typeof key === 'number')
        return `${base}[${key}]`;
    const safe = /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key) ? key : JSON.stringify(key);
    if (!base)
        return safe.startsWith('"') ? `[${safe}]` : safe;
    return safe.startsWith('"') ? `${base}[${safe}]` : `${base}.${safe}`;
}
/** Reads and parses a spec or var file; every failure is a {@link SpecError} with a position. */
function loadYamlFile(file, what = 'spec') {
    let size;
    try {
        const st = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(file);
        if (st.isDirectory()) {
            throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .SpecError */ .G8({
                message: `${file} is a directory, not a ${what} file`,
                hint: `name the YAML file inside it, for example ${file.replace(/\/$/, '')}/bake.yml`,
            });
        }
        size = st.size;
    }
    catch (e) {
        if (e instanceof _errors__WEBPACK_IMPORTED_MODULE_2__/* .SpecError */ .G8)
            throw e;
        const code = e.code;
        throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .SpecError */ .G8({
            message: code === 'ENOENT'
                ? `${what} file ${file} does not exist`
                : `cannot read ${file}: ${code ?? String(e)}`,
            hint: code === 'ENOENT' ? 'check the path; it is relative to the working directory' : undefined,
        });
    }
    if (size > MAX_SPEC_BYTES) {
        throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .SpecError */ .G8({
            message: `${file} is ${(size / 1048576).toFixed(1)} MiB; a ${what} file may be at most ${MAX_SPEC_BYTES / 1048576} MiB`,
            pos: { file, line: 1, col: 1 },
            hint: 'is this the right file? Large data belongs in files the spec refers to',
        });
    }
    const bytes = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file);
    return parseYaml(decodeText(bytes, file, what), file);
}
function decodeText(bytes, file, what) {
    const nul = bytes.indexOf(0);
    let text;
    try {
        if (nul >= 0)
            throw new Error('nul');
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    }
    catch {
        const offset = nul >= 0 ? nul : firstInvalidUtf8(bytes);
        const before = bytes.subarray(0, offset).toString('latin1');
        const line = before.split('\n').length;
        const col = offset - before.lastIndexOf('\n');
        throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .SpecError */ .G8({
            message: `${file} is not a text file (binary or invalid UTF-8 at byte ${offset})`,
            pos: { file, line, col },
            hint: `a ${what} file must be UTF-8 YAML`,
        });
    }
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
function firstInvalidUtf8(bytes) {
    const dec = new TextDecoder('utf-8', { fatal: true });
    let lo = 0;
    let hi = bytes.length;
    // Binary search for the shortest prefix that fails to decode.
    while (lo < hi) {
        const mid = (lo + hi) >> 1;
        try {
            dec.decode(bytes.subarray(0, mid + 1));
            lo = mid + 1;
        }
        catch {
            hi = mid;
        }
    }
    return Math.max(0, lo - 3);
}
function parseYaml(text, file) {
    const lineCounter = new yaml__WEBPACK_IMPORTED_MODULE_1__/* .LineCounter */ .HN();
    const docs = (0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .parseAllDocuments */ .hR)(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
    const posAt = (offset) => {
        const lp = lineCounter.linePos(offset);
        return { file, line: lp.line, col: lp.col };
    };
    const problems = [];
    const list = Array.isArray(docs) ? docs : [docs];
    const reported = new Set();
    for (const doc of list) {
        for (const err of doc.errors) {
            const pos = posAt(errorOffset(text, err.code, err.message, err.pos[0]));
            // One mistake, one error: what the parser says after the first error on a line follows
            // from it.
            if (reported.has(pos.line))
                continue;
            reported.add(pos.line);
            const line = text.split('\n')[pos.line - 1] ?? '';
            if (err.code !== 'DUPLICATE_KEY' && HCL_QUOTES.test(line)) {
                problems.push({
                    message: 'invalid YAML: the double quotes inside ${…} end the double-quoted string',
                    pos: { ...pos, col: line.indexOf('"') + 1 },
                    hint: `quote the whole value with single quotes: ${hclFix(line)}`,
                });
                continue;
            }
            const key = err.code === 'DUPLICATE_KEY' ? text.slice(err.pos[0], err.pos[1]).trim() : '';
            problems.push({
                message: key
                    ? `duplicate key "${key}": a key may appear once in a mapping`
                    : yamlMessage(err.code, err.message),
                pos,
                hint: yamlHint(err.code),
            });
        }
    }
    if (problems.length)
        throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .SpecError */ .G8(problems);
    if (list.length > 1) {
        const second = list[1];
        const start = second.range?.[0] ?? 0;
        throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .SpecError */ .G8({
            message: `${file} holds ${list.length} YAML documents; a spec is one document`,
            pos: posAt(start),
            hint: 'remove the `---` separator, or split the documents into separate files',
        });
    }
    const doc = list[0];
    const out = { file, value: null, positions: new Map(), keyPositions: new Map() };
    if (!doc || doc.contents === null || doc.contents === undefined) {
        return out;
    }
    let budget = MAX_EXPANDED_NODES;
    const walk = (node, path, depth, aliasDepth) => {
        if (--budget < 0) {
            throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .SpecError */ .G8({
                message: `${file} expands to more than ${MAX_EXPANDED_NODES} values (aliases nested too deeply?)`,
                pos: { file, line: 1, col: 1 },
                hint: 'YAML aliases that refer to each other in layers can expand exponentially; write the values out',
            });
        }
        if (depth > MAX_DEPTH) {
            throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .SpecError */ .G8({
                message: `nesting deeper than ${MAX_DEPTH} levels`,
                pos: nodePos(node),
                path,
            });
        }
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isAlias */ .Vj)(node)) {
            if (aliasDepth > 50)
                throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .SpecError */ .G8({ message: 'aliases nested too deeply', pos: nodePos(node), path });
            const target = node.resolve(doc);
            if (!target)
                throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .SpecError */ .G8({ message: `unknown alias *${node.source}`, pos: nodePos(node), path });
            return walk(target, path, depth + 1, aliasDepth + 1);
        }
        const here = nodePos(node);
        if (here)
            out.positions.set(path, here);
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isMap */ .jh)(node)) {
            const obj = Object.create(null);
            for (const pair of node.items) {
                if (!(0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isPair */ .tO)(pair))
                    continue;
                const keyNode = pair.key;
                const key = (0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isScalar */ .jn)(keyNode) ? keyNode.value : keyNode;
                if (key === '<<' && (0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isScalar */ .jn)(keyNode)) {
                    const merged = walk(pair.value, path, depth + 1, aliasDepth);
                    for (const src of Array.isArray(merged) ? merged : [merged]) {
                        if (src && typeof src === 'object' && !Array.isArray(src)) {
                            for (const [k, v] of Object.entries(src))
                                if (!(k in obj))
                                    obj[k] = v;
                        }
                    }
                    continue;
                }
                if (key !== null && typeof key === 'object') {
                    throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .SpecError */ .G8({
                        message: 'a mapping key must be a plain string, not a list or mapping',
                        pos: nodePos(keyNode),
                        path,
                    });
                }
                const k = String(key);
                const childPath = joinPath(path, k);
                const kp = nodePos(keyNode);
                if (kp)
                    out.keyPositions.set(childPath, kp);
                obj[k] = pair.value === null ? null : walk(pair.value, childPath, depth + 1, aliasDepth);
                if (pair.value === null && kp)
                    out.positions.set(childPath, kp);
            }
            return { ...obj };
        }
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isSeq */ .oP)(node)) {
            return node.items.map((item, i) => walk(item, joinPath(path, i), depth + 1, aliasDepth));
        }
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isScalar */ .jn)(node)) {
            const v = node.value;
            if (typeof v === 'bigint')
                return Number(v);
            if (v instanceof Date)
                return v.toISOString();
            if (v instanceof Uint8Array)
                return Buffer.from(v).toString('base64');
            return v ?? null;
        }
        return null;
    };
    const nodePos = (node) => {
        const range = node?.range;
        return range ? posAt(range[0]) : undefined;
    };
    out.value = walk(doc.contents, '', 0, 0);
    return out;
}
/** HCL's habit in YAML: "${f("x")}" — the inner double quote closes the YAML string. */
const HCL_QUOTES = /:\s*"[^"]*\$\{[^}]*"/;
/** The line with its value in single quotes instead (YAML needs no escaping inside). */
function hclFix(line) {
    const m = /^(\s*(?:-\s+)?[^:]+:\s*)"(.*)"\s*$/.exec(line);
    return m ? `${m[1].trim()} '${m[2].replace(/'/g, "''")}'` : line.trim();
}
/** Moves an error's offset to where a person would look: the token, not the indentation. */
function errorOffset(text, code, message, offset) {
    if (code === 'TAB_AS_INDENT')
        return offset;
    if (code === 'MISSING_CHAR' && /quote/.test(message)) {
        const quote = message.includes("'") && !message.includes('"') ? "'" : '"';
        const open = text.lastIndexOf(quote, Math.min(offset, text.length) - 1);
        if (open >= 0)
            return open;
    }
    let o = offset;
    while (o < text.length && (text[o] === ' ' || text[o] === '\t'))
        o++;
    return o < text.length && text[o] !== '\n' ? o : offset;
}
function yamlMessage(code, message) {
    const first = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    switch (code) {
        case 'DUPLICATE_KEY':
            return 'duplicate key: a key may appear once in a mapping';
        case 'TAB_AS_INDENT':
            return 'tab used for indentation; YAML indents with spaces';
        default:
            return `invalid YAML: ${first}`;
    }
}
function yamlHint(code) {
    switch (code) {
        case 'DUPLICATE_KEY':
            return 'remove or rename one of the two entries';
        case 'TAB_AS_INDENT':
            return 'replace the tabs with spaces';
        case 'BAD_INDENT':
        case 'MISSING_CHAR':
        case 'UNEXPECTED_TOKEN':
            return 'check the indentation and quoting on this line; strings containing `: ` or `#` need quotes';
        default:
            return undefined;
    }
}


/***/ }),

/***/ 33268:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qy: () => (/* binding */ provisionerCommon),
/* harmony export */   W4: () => (/* binding */ postProcessorCommon),
/* harmony export */   dq: () => (/* binding */ sourceCommon)
/* harmony export */ });
/* harmony import */ var _schema__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(47280);
/** Settings every plugin of a kind takes, whatever its type; the engine acts on them. */

const FOR_EACH = 'repeat this for each element of a list or map (in order; a map by its keys): each.key is the index or key, each.value the element';
/** Options every source takes, whatever its builder. */
const sourceCommon = {
    for_each: (0,_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_schema__WEBPACK_IMPORTED_MODULE_0__.s.any(), `one instance of the source per element, named SOURCE-KEY; ${FOR_EACH}`),
    name: (0,_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'with for_each, the name of each instance (default SOURCE-KEY), e.g. app-${each.value}'),
};
/** Options every provisioner takes, whatever its type. */
const provisionerCommon = {
    only: (0,_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_schema__WEBPACK_IMPORTED_MODULE_0__.s.list(_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), { single: true }), 'run only for these sources (globs)'),
    except: (0,_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_schema__WEBPACK_IMPORTED_MODULE_0__.s.list(_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), { single: true }), 'skip these sources (globs)'),
    pause_before: (0,_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_schema__WEBPACK_IMPORTED_MODULE_0__.s.duration(), 'wait before running'),
    max_retries: (0,_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_schema__WEBPACK_IMPORTED_MODULE_0__.s.int(0, 100), 'retry a failed run this many times', 0),
    timeout: (0,_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_schema__WEBPACK_IMPORTED_MODULE_0__.s.duration(), 'fail the provisioner when it runs longer'),
    override: (0,_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_schema__WEBPACK_IMPORTED_MODULE_0__.s.map(_schema__WEBPACK_IMPORTED_MODULE_0__.s.map(_schema__WEBPACK_IMPORTED_MODULE_0__.s.any())), 'per-source settings: source name → keys to replace'),
    name: (0,_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'a label shown in logs'),
    for_each: (0,_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_schema__WEBPACK_IMPORTED_MODULE_0__.s.any(), `run the step once per element; ${FOR_EACH}`),
};
/** Options every post-processor takes, whatever its type. */
const postProcessorCommon = {
    only: (0,_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_schema__WEBPACK_IMPORTED_MODULE_0__.s.list(_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), { single: true }), 'run only for these sources (globs)'),
    except: (0,_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_schema__WEBPACK_IMPORTED_MODULE_0__.s.list(_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), { single: true }), 'skip these sources (globs)'),
    keep_input_artifact: (0,_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_schema__WEBPACK_IMPORTED_MODULE_0__.s.bool(), 'keep the artifact this post-processor received'),
    name: (0,_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'a label shown in logs'),
    for_each: (0,_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_schema__WEBPACK_IMPORTED_MODULE_0__.s.any(), `run the post-processor once per element, one after another; ${FOR_EACH}`),
};


/***/ }),

/***/ 6873:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  lQ: () => (/* binding */ matrixOf),
  yY: () => (/* binding */ resolvePlan),
  OQ: () => (/* binding */ resolvePlanWithData)
});

// UNUSED EXPORTS: selectInstances

// EXTERNAL MODULE: ./src/util/random.ts
var random = __webpack_require__(31245);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./node_modules/minimatch/dist/esm/index.js + 8 modules
var esm = __webpack_require__(91138);
// EXTERNAL MODULE: ./src/spec/errors.ts
var errors = __webpack_require__(17800);
// EXTERNAL MODULE: ./src/spec/expr.ts
var expr = __webpack_require__(58672);
// EXTERNAL MODULE: ./src/spec/functions.ts
var functions = __webpack_require__(79898);
// EXTERNAL MODULE: ./src/spec/load.ts
var load = __webpack_require__(11207);
// EXTERNAL MODULE: ./src/packer/open.ts + 5 modules
var packer_open = __webpack_require__(80582);
// EXTERNAL MODULE: ./src/packer/go-template.ts
var go_template = __webpack_require__(52629);
// EXTERNAL MODULE: ./src/spec/schema.ts
var spec_schema = __webpack_require__(47280);
// EXTERNAL MODULE: ./src/spec/spec.ts
var spec_spec = __webpack_require__(81552);
// EXTERNAL MODULE: ./src/spec/plugin-common.ts
var plugin_common = __webpack_require__(33268);
// EXTERNAL MODULE: ./src/spec/types.ts
var types = __webpack_require__(49518);
;// CONCATENATED MODULE: ./src/plugins/api.ts
/** The artifact kind a builder makes with these settings. */
function artifactKindOf(d, config) {
    return typeof d.artifact === 'function' ? d.artifact(config) : d.artifact;
}

// EXTERNAL MODULE: ./src/util/redact.ts
var redact = __webpack_require__(50767);
// EXTERNAL MODULE: ./src/spec/late.ts
var spec_late = __webpack_require__(60267);
// EXTERNAL MODULE: ./src/spec/data.ts
var data = __webpack_require__(89511);
;// CONCATENATED MODULE: ./src/util/http-data.ts
async function fetchHttpData(r) {
    try {
        const res = await fetch(r.url, {
            method: r.method,
            headers: r.headers,
            body: r.body,
            redirect: 'follow',
            signal: AbortSignal.timeout(r.timeoutMs),
        });
        const headers = {};
        res.headers.forEach((v, k) => (headers[k] = v));
        return {
            ok: true,
            fields: { status: res.status, statusText: res.statusText, headers, body: await res.text() },
        };
    }
    catch (e) {
        const err = e;
        const timedOut = err.name === 'TimeoutError' || err.name === 'AbortError';
        return {
            ok: false,
            message: timedOut
                ? `no answer within ${r.timeoutMs / 1000} s`
                : (err.cause?.code ?? err.cause?.message ?? err.message),
        };
    }
}

// EXTERNAL MODULE: ./package.json
var package_0 = __webpack_require__(8330);
// EXTERNAL MODULE: ./src/trust/spec.ts
var spec = __webpack_require__(90079);
;// CONCATENATED MODULE: ./src/trust/plan.ts
/**
 * A build's trust blocks resolved for one source: the checks and scanners that apply to it,
 * evaluated and typed, with every path made absolute and every local file they read known
 * (so a changed datastream makes the build look changed).
 */





const COMMON = ['name', 'only', 'except'];
function strip(cfg, keys) {
    return Object.fromEntries(Object.entries(cfg).filter(([k]) => !keys.includes(k)));
}
/** A list setting that takes one value alone holds a list from here on. */
function asLists(cfg, schema) {
    if (schema.kind !== 'object')
        return cfg;
    for (const [k, f] of Object.entries(schema.fields))
        if (f.schema.kind === 'list' && cfg[k] !== undefined && !Array.isArray(cfg[k]))
            cfg[k] = [cfg[k]];
    return cfg;
}
/** The trust plan of a build for one source, or undefined when it has no trust blocks. */
function resolveTrust(build, bp, c) {
    const files = [];
    if (build.tests === undefined && build.sbom === undefined && build.scan === undefined)
        return { files };
    const dirText = build.reports_directory === undefined
        ? `bake-reports/${c.build}.${c.source}`
        : String(c.evaluate(build.reports_directory, (0,load/* joinPath */.uJ)(bp, 'reports_directory')));
    const reportsDir = (0,external_node_path_.resolve)(c.specDir, dirText);
    const tests = [];
    (build.tests ?? []).forEach((raw, i) => {
        const path = (0,load/* joinPath */.uJ)((0,load/* joinPath */.uJ)(bp, 'tests'), i);
        const t = (0,spec/* checkTypeOf */.wW)(raw);
        if (!t || !c.selected(raw))
            return;
        const schema = (0,spec/* checkSchemaOf */.D1)(t);
        const cfg = asLists(c.typed(c.evaluate(raw, path), schema, path), schema);
        tests.push({
            type: t.type,
            label: typeof cfg.name === 'string' ? cfg.name : `${t.type} ${String(cfg[t.type])}`,
            path,
            at: c.written(path),
            config: strip(cfg, COMMON),
        });
    });
    let sbom;
    if (build.sbom !== undefined && build.sbom !== null) {
        const path = (0,load/* joinPath */.uJ)(bp, 'sbom');
        const cfg = c.evaluate(build.sbom, path);
        const format = cfg.format === 'spdx' ? 'spdx' : 'cyclonedx';
        const output = typeof cfg.output === 'string' && cfg.output
            ? (0,external_node_path_.resolve)(c.specDir, cfg.output)
            : (0,external_node_path_.resolve)(reportsDir, format === 'spdx' ? 'sbom.spdx.json' : 'sbom.cdx.json');
        sbom = { format, output, path, at: c.written(path) };
    }
    const scans = [];
    (build.scan ?? []).forEach((raw, i) => {
        const path = (0,load/* joinPath */.uJ)((0,load/* joinPath */.uJ)(bp, 'scan'), i);
        const t = (0,spec/* scannerType */.ZU)(String(raw.type));
        if (!t || !c.selected(raw))
            return;
        const schema = (0,spec/* scannerSchemaOf */.rM)(t);
        const cfg = asLists(c.typed(c.evaluate(raw, path), schema, path), schema);
        const config = strip(cfg, [...COMMON, 'type', 'fail_on', 'ignore']);
        // The scanner's own local files: absolute, and there.
        for (const key of ['datastream', 'tailoring'])
            if (typeof config[key] === 'string') {
                const abs = (0,external_node_path_.resolve)(c.specDir, config[key]);
                config[key] = abs;
                files.push(abs);
                if (!(0,external_node_fs_.existsSync)(abs)) {
                    const kp = (0,load/* joinPath */.uJ)(path, key);
                    c.errs.push({
                        message: `"${String(cfg[key])}" does not exist`,
                        path: kp,
                        pos: (0,spec_schema/* positionOf */.df)(c.file, kp),
                        hint: `looked for ${abs}; paths are relative to the spec's directory`,
                    });
                }
            }
        scans.push({
            type: t.type,
            label: typeof cfg.name === 'string' ? cfg.name : t.type,
            path,
            at: c.written(path),
            config,
            failOn: cfg.fail_on ?? 'high',
            ignore: (cfg.ignore ?? []).map((r) => ({
                id: String(r.id),
                reason: String(r.reason),
                ...(r.until ? { until: String(r.until) } : {}),
            })),
        });
    });
    return {
        plan: { tests, sbom, scans, reportsDir, at: c.written(bp) },
        files,
    };
}

;// CONCATENATED MODULE: ./src/spec/resolve.ts
/**
 * From a checked spec and the user's inputs to a Plan: variables get their values, locals
 * are computed, and every build × source becomes one fully evaluated build instance.
 */






















const ENV_PREFIXES = ['BAKE_VAR_', 'PKR_VAR_'];
function varFileNames(dir) {
    if (!(0,external_node_fs_.existsSync)(dir))
        return [];
    return (0,external_node_fs_.readdirSync)(dir)
        .filter((f) => /\.auto\.bakevars\.(ya?ml|json)$/.test(f))
        .sort()
        .map((f) => (0,external_node_path_.join)(dir, f));
}
function githubContext(env, cwd) {
    let sha;
    return {
        sha: () => {
            if (env.GITHUB_SHA)
                return env.GITHUB_SHA;
            if (sha !== undefined)
                return sha;
            let why;
            try {
                sha = (0,external_node_child_process_.execFileSync)('git', ['rev-parse', 'HEAD'], {
                    cwd,
                    stdio: ['ignore', 'pipe', 'pipe'],
                    timeout: 5000,
                })
                    .toString()
                    .trim();
                if (sha)
                    return sha;
                why = 'git rev-parse HEAD printed nothing';
            }
            catch (e) {
                const err = e;
                why = `git rev-parse HEAD failed: ${(err.stderr?.toString().trim() || err.message).split('\n')[0]}`;
            }
            // An empty sha would quietly name images "app-"; say why there is none instead.
            throw new expr/* ExprError */._M(`github.sha is not known (GITHUB_SHA is not set and ${why})`, 0, 'run bake inside a git checkout, or set GITHUB_SHA');
        },
        ref_name: () => env.GITHUB_REF_NAME ?? '',
        run_id: () => env.GITHUB_RUN_ID ?? '',
        run_attempt: () => env.GITHUB_RUN_ATTEMPT ?? '',
        repository: () => env.GITHUB_REPOSITORY ?? '',
        actor: () => env.GITHUB_ACTOR ?? '',
        event_name: () => env.GITHUB_EVENT_NAME ?? '',
        pr: () => {
            const m = /^refs\/pull\/(\d+)\//.exec(env.GITHUB_REF ?? '');
            return m ? m[1] : '';
        },
    };
}
/**
 * resolvePlan, with the values the plan reads from services (http_request(), aws_parameter(),
 * aws_secret())
 * fetched between passes: a pass that needs an answer not yet here records it and fails; the
 * answers are fetched together and the plan is resolved again. A plan that needs none
 * resolves once, and loads no client.
 */
async function resolvePlanWithData(spec, opts = {}) {
    // Each pass can only ask for what the answers before it made computable.
    for (let pass = 0;; pass++) {
        try {
            return resolvePlan(spec, opts);
        }
        catch (e) {
            const wanted = (0,data/* pendingRequests */.iL)();
            if (!(e instanceof errors/* SpecError */.G8) || !wanted.length || pass >= 10)
                throw e;
            await Promise.all(wanted.map(async (r) => (0,data/* settle */.G9)(r, r.kind === 'http'
                ? await fetchHttpData(r)
                : await (await Promise.all(/* import() */[__webpack_require__.e(5193), __webpack_require__.e(7655), __webpack_require__.e(8284)]).then(__webpack_require__.bind(__webpack_require__, 78284))).fetchAwsData(r))));
        }
    }
}
function resolvePlan(spec, opts = {}) {
    const env = opts.env ?? process.env;
    const now = opts.stable ? new Date(0) : (opts.now ?? new Date());
    const cwd = opts.cwd ?? process.cwd();
    const problems = [];
    const file = spec.file;
    const at = (p, key = false) => (0,spec_schema/* positionOf */.df)(file, p, key);
    const fctx = {
        now,
        baseDir: (0,external_node_path_.resolve)(spec.dir),
        env,
        ...(opts.stable ? { fixedUuid: '00000000-0000-4000-8000-000000000000' } : {}),
        ...(opts.offline ? { offline: true } : {}),
    };
    const github = githubContext(env, spec.dir);
    // ---- variables: default < env < var files (auto, then given) < --var
    const decls = new Map();
    for (const [name, d] of Object.entries(spec.variables)) {
        const decl = d ?? {};
        decls.set(name, {
            type: (0,types/* parseVarType */.$F)(String(decl.type ?? 'string')) ?? { k: 'any' },
            sensitive: decl.sensitive === true || decl.sensitive === 'true',
            nullable: decl.nullable === true || decl.nullable === 'true',
            path: (0,load/* joinPath */.uJ)('variables', name),
            description: typeof decl.description === 'string' ? decl.description : undefined,
            hasDefault: 'default' in decl,
        });
    }
    const assigned = new Map();
    const notes = [...(file.notes ?? [])];
    const declaredList = () => [...decls.keys()].join(', ') || 'none';
    const assign = (name, a, where, pos) => {
        if (!decls.has(name)) {
            const near = (0,errors/* didYouMean */.au)(name, decls.keys());
            // Packer passes over a var file's undeclared names (shared var files have them) and
            // says so; a --var that names nothing is an error in both.
            if (file.packer && a.source.startsWith('var file ')) {
                notes.push({
                    message: `${where} sets "${name}", which no variable declares; left out`,
                    pos,
                    ...(near ? { hint: `did you mean "${near}"?` } : {}),
                });
                return;
            }
            problems.push({
                message: `${where} sets variable "${name}", which the spec does not declare`,
                pos,
                hint: near ? `did you mean "${near}"?` : `declared variables: ${declaredList()}`,
            });
            return;
        }
        assigned.set(name, a);
    };
    // env() is the one function a default may call (the checks allow nothing else there).
    const defaultScope = {
        root: () => undefined,
        attr: () => undefined,
        call: (n, args, pos, ev) => (0,functions/* callFunction */.Tx)(n, args, pos, ev, fctx, defaultScope),
    };
    const defaultOf = (v, path) => {
        if (typeof v === 'string' && (0,expr/* hasTemplate */.rJ)(v)) {
            try {
                return (0,expr/* evaluate */._3)((0,expr/* parseTemplate */.QC)(v), defaultScope);
            }
            catch (e) {
                if (!(e instanceof expr/* ExprError */._M))
                    throw e;
                problems.push({ message: e.message, path, pos: at(path), hint: e.hint });
                return undefined;
            }
        }
        if (Array.isArray(v))
            return v.map((x) => defaultOf(x, path));
        if (v && typeof v === 'object')
            return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, defaultOf(x, path)]));
        return v;
    };
    for (const [name, d] of Object.entries(spec.variables)) {
        if (d && 'default' in d)
            assigned.set(name, {
                value: defaultOf(d.default, (0,load/* joinPath */.uJ)((0,load/* joinPath */.uJ)('variables', name), 'default')),
                source: 'default',
                pos: at((0,load/* joinPath */.uJ)((0,load/* joinPath */.uJ)('variables', name), 'default')),
                fromText: false,
            });
    }
    for (const prefix of ENV_PREFIXES.slice().reverse()) {
        for (const [k, v] of Object.entries(env)) {
            if (!k.startsWith(prefix) || v === undefined)
                continue;
            const name = k.slice(prefix.length);
            // Stray environment variables are common in CI; only declared ones are taken.
            if (decls.has(name))
                assigned.set(name, { value: v, source: `env ${k}`, fromText: true });
        }
    }
    const varFiles = [...(file.autoVarFiles ?? varFileNames(spec.dir)), ...(opts.varFiles ?? [])];
    for (const vf of varFiles) {
        let loaded;
        try {
            loaded = (0,packer_open.loadVarFile)(vf);
        }
        catch (e) {
            if (e instanceof errors/* SpecError */.G8) {
                problems.push(...e.problems);
                continue;
            }
            throw e;
        }
        if (loaded.value === null)
            continue;
        if (typeof loaded.value !== 'object' || Array.isArray(loaded.value)) {
            problems.push({
                message: 'a var file is a mapping of variable names to values',
                pos: { file: vf, line: 1, col: 1 },
            });
            continue;
        }
        for (const [k, v] of Object.entries(loaded.value)) {
            assign(k, { value: v, source: `var file ${vf}`, pos: (0,spec_schema/* positionOf */.df)(loaded, k), fromText: false }, `var file ${vf}`, (0,spec_schema/* positionOf */.df)(loaded, k, true));
        }
    }
    for (const [k, v] of Object.entries(opts.vars ?? {}))
        assign(k, { value: v, source: `--var ${k}`, fromText: true }, `--var ${k}=…`);
    const varValues = {};
    const resolvedVars = [];
    for (const [name, d] of decls) {
        const a = assigned.get(name);
        if (!a) {
            problems.push({
                message: `variable "${name}" is required but has no value`,
                path: d.path,
                pos: at(d.path, true),
                hint: `set it with --var ${name}=VALUE, the action input "vars: ${name}=VALUE", env BAKE_VAR_${name}, a var file, or give it a default`,
            });
            continue;
        }
        let value = a.value;
        if (value === null && !d.nullable) {
            if (!d.hasDefault || a.source !== 'default') {
                problems.push({
                    message: `variable "${name}" is null`,
                    pos: a.pos,
                    path: d.path,
                    hint: 'give it a value, or declare it with nullable: true',
                });
                continue;
            }
        }
        // Registered before anything can print it, even as it is in an error message.
        if (d.sensitive)
            (0,redact/* addSecret */.Ck)(value);
        if (value !== null) {
            const r = (0,types/* convertToType */.dC)(value, d.type, a.fromText, d.sensitive);
            if (!r.ok) {
                problems.push({
                    message: `variable "${name}" (${(0,types/* showVarType */.zH)(d.type)}) from ${a.source}: ${r.error}`,
                    pos: a.pos ?? at(d.path, true),
                    path: d.path,
                });
                continue;
            }
            value = r.value;
        }
        if (d.sensitive)
            (0,redact/* addSecret */.Ck)(value);
        // A sensitive variable's value carries its mark into every expression that reads it.
        varValues[name] = d.sensitive ? new expr/* Sensitive */.pT(value) : value;
        resolvedVars.push({
            name,
            type: (0,types/* showVarType */.zH)(d.type),
            value,
            sensitive: d.sensitive,
            source: a.source,
            description: d.description,
        });
    }
    if (problems.length)
        throw new errors/* SpecError */.G8(problems);
    // ---- scope shared by locals and instances
    const localsRaw = spec.locals;
    const localValues = new Map();
    const localStack = [];
    const pathRoot = (0,external_node_path_.resolve)(spec.dir);
    /**
     * `late`: the scope of provisioners and post-processors, where build.ID and the other
     * fields a running build learns plan as markers the engine fills in (see late.ts).
     */
    const makeScope = (extra, late = false) => {
        const scope = {
            root: (name, pos) => {
                if (name === 'var')
                    return varValues;
                if (name in extra)
                    return extra[name];
                if (name === 'each')
                    throw new expr/* ExprError */._M('each.key and each.value are known only in a source or step with for_each', pos, 'add for_each to the source or step, or use var.NAME or local.NAME');
                if (name === 'path')
                    return { root: pathRoot, cwd };
                if (name === 'local')
                    return Object.fromEntries(Object.keys(localsRaw).map((k) => [k, localValue(k)]));
                if (name === 'github')
                    return Object.fromEntries(Object.entries(github).map(([k, f]) => [k, f()]));
                return undefined;
            },
            attr: (root, name, pos) => {
                if (root === 'var') {
                    if (name in varValues)
                        return varValues[name];
                    const near = (0,errors/* didYouMean */.au)(name, Object.keys(varValues));
                    throw new expr/* ExprError */._M(`unknown variable var.${name}`, pos, near ? `did you mean var.${near}?` : `declared variables: ${declaredList()}`);
                }
                if (root === 'local') {
                    if (!(name in localsRaw)) {
                        const near = (0,errors/* didYouMean */.au)(name, Object.keys(localsRaw));
                        throw new expr/* ExprError */._M(`unknown local local.${name}`, pos, near
                            ? `did you mean local.${near}?`
                            : `defined locals: ${Object.keys(localsRaw).join(', ') || 'none'}`);
                    }
                    return localValue(name);
                }
                if (root === 'github') {
                    if (name in github)
                        return github[name]();
                    throw new expr/* ExprError */._M(`unknown github.${name}`, pos, `known: ${Object.keys(github)
                        .map((k) => 'github.' + k)
                        .join(', ')}`);
                }
                if (root === 'bake') {
                    if (name === 'version')
                        return package_0/* version */.rE;
                    throw new expr/* ExprError */._M(`unknown bake.${name}`, pos, 'known: bake.version');
                }
                if (root === 'build' && spec_late/* LATE_FIELD */.E6.test(name) && !(name in (extra.build ?? {}))) {
                    if (late)
                        return (0,spec_late/* lateField */.z8)(name);
                    throw new expr/* ExprError */._M(`build.${name} is known only once the build's machine runs`, pos, 'use it in provisioners and post-processors, which run then');
                }
                if (root in extra) {
                    if (name in extra[root])
                        return extra[root][name];
                    throw new expr/* ExprError */._M(`unknown ${root}.${name}`, pos, `known: ${Object.keys(extra[root])
                        .map((k) => root + '.' + k)
                        .join(', ')}`);
                }
                if (root === 'path') {
                    if (name === 'root')
                        return pathRoot;
                    if (name === 'cwd')
                        return cwd;
                    throw new expr/* ExprError */._M(`unknown path.${name}`, pos, 'known: path.root, path.cwd');
                }
                if (root === 'source' || root === 'build') {
                    throw new expr/* ExprError */._M(`${root}.${name} is only known inside a build (sources and builds), not in variables or locals`, pos);
                }
                return undefined;
            },
            call: (name, args, pos, ev) => (0,functions/* callFunction */.Tx)(name, args, pos, ev, fctx, scope),
        };
        return scope;
    };
    const baseScope = makeScope({});
    // A Packer template's variables may hold {{ }} themselves ("{{user `remote_folder`}}/worker"
    // in a var file): Packer renders them, each after the ones it reads.
    if (file.packer) {
        const rendering = [];
        const rendered = new Set();
        const render = (name) => {
            const raw = varValues[name];
            const plain = raw instanceof expr/* Sensitive */.pT ? raw.value : raw;
            if (rendered.has(name) || typeof plain !== 'string' || !plain.includes('{{'))
                return;
            const pos = assigned.get(name)?.pos ?? at(decls.get(name).path, true);
            if (rendering.includes(name)) {
                throw new errors/* SpecError */.G8({
                    message: `variables refer to each other in a cycle: ${[...rendering.slice(rendering.indexOf(name)), name].join(' → ')}`,
                    pos,
                });
            }
            rendering.push(name);
            const t = (0,go_template/* translateString */.gd)(plain);
            for (const e of t.errors)
                problems.push({ message: `${e.text}: ${e.error}`, pos, path: decls.get(name).path });
            for (const m of t.value.matchAll(/\bvar\.([A-Za-z_][\w-]*)/g))
                if (m[1] in varValues)
                    render(m[1]);
            try {
                const v = (0,expr/* evaluateMarked */.Um)((0,expr/* parseTemplate */.QC)(t.value), baseScope);
                varValues[name] = raw instanceof expr/* Sensitive */.pT ? (0,expr/* sensitive */.LS)(v) : v;
                const r = resolvedVars.find((x) => x.name === name);
                if (r)
                    r.value = (0,expr/* reveal */._c)(v).value;
            }
            catch (e) {
                if (!(e instanceof expr/* ExprError */._M))
                    throw e;
                problems.push({ message: `${e.message} in ${JSON.stringify(plain)}`, pos, hint: e.hint });
            }
            rendering.pop();
            rendered.add(name);
        };
        for (const name of Object.keys(varValues))
            render(name);
        if (problems.length)
            throw new errors/* SpecError */.G8(problems);
    }
    /** Where an expression failed: what the checks then say of that value follows from it. */
    const evalFailures = new Map();
    const evalMarked = (value, path, scope, errs) => {
        if (typeof value === 'string') {
            if (!(0,expr/* hasTemplate */.rJ)(value))
                return value.includes('$${') ? value.replace(/\$\$\{/g, '${') : value;
            try {
                return (0,expr/* evaluateMarked */.Um)((0,expr/* parseTemplate */.QC)(value), scope);
            }
            catch (e) {
                if (e instanceof expr/* ExprError */._M) {
                    const problem = {
                        message: e instanceof data/* ServiceError */._7
                            ? e.message
                            : `${e.message} in ${JSON.stringify(value.length > 60 ? value.slice(0, 60) + '…' : value)}`,
                        path,
                        pos: at(path),
                        hint: e.hint,
                    };
                    errs.push(problem);
                    evalFailures.set(path, problem);
                    return undefined;
                }
                throw e;
            }
        }
        if (Array.isArray(value))
            return value.map((v, i) => evalMarked(v, (0,load/* joinPath */.uJ)(path, i), scope, errs));
        if (value && typeof value === 'object') {
            return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, evalMarked(v, (0,load/* joinPath */.uJ)(path, k), scope, errs)]));
        }
        return value;
    };
    /** Evaluates a tree to plain values; every part computed from a sensitive value is a secret. */
    const evalTree = (value, path, scope, errs) => {
        const r = (0,expr/* reveal */._c)(evalMarked(value, path, scope, errs));
        for (const secret of r.secrets)
            (0,redact/* addSecret */.Ck)(secret);
        return r.value;
    };
    const localErrors = [];
    function localValue(name) {
        if (localValues.has(name))
            return localValues.get(name);
        const p = (0,load/* joinPath */.uJ)('locals', name);
        if (localStack.includes(name)) {
            const cycle = [...localStack.slice(localStack.indexOf(name)), name]
                .map((n) => 'local.' + n)
                .join(' → ');
            throw new expr/* ExprError */._M(`locals refer to each other in a cycle: ${cycle}`, 0, 'break the cycle by computing one of them from variables only');
        }
        localStack.push(name);
        try {
            const errs = [];
            // Locals keep their marks, so what is computed from them is sensitive too.
            const v = evalMarked(localsRaw[name], p, baseScope, errs);
            if (errs.length) {
                localErrors.push(...errs);
                throw new expr/* ExprError */._M(`local.${name} has an error`, 0);
            }
            localValues.set(name, v);
            for (const secret of (0,expr/* reveal */._c)(v).secrets)
                (0,redact/* addSecret */.Ck)(secret);
            return v;
        }
        finally {
            localStack.pop();
        }
    }
    for (const name of Object.keys(localsRaw)) {
        try {
            localValue(name);
        }
        catch (e) {
            if (!(e instanceof expr/* ExprError */._M))
                throw e;
            if (!/has an error$/.test(e.message)) {
                const p = (0,load/* joinPath */.uJ)('locals', name);
                problems.push({ message: e.message, path: p, pos: at(p), hint: e.hint });
            }
        }
    }
    problems.push(...dedupe(localErrors));
    // ---- variable validation rules (they may use functions but not locals of builds)
    for (const [name, d] of Object.entries(spec.variables)) {
        if (!(name in varValues) || !d || !Array.isArray(d.validation))
            continue;
        d.validation.forEach((rule, i) => {
            const rp = (0,load/* joinPath */.uJ)((0,load/* joinPath */.uJ)((0,load/* joinPath */.uJ)('variables', name), 'validation'), i);
            const cond = String(rule.condition ?? '');
            let ok;
            try {
                ok = (0,expr/* hasTemplate */.rJ)(cond)
                    ? (0,expr/* evaluate */._3)((0,expr/* parseTemplate */.QC)(cond), baseScope)
                    : (0,expr/* evaluate */._3)((0,expr/* parseExpression */.YK)(cond), baseScope);
            }
            catch (e) {
                if (!(e instanceof expr/* ExprError */._M))
                    throw e;
                problems.push({
                    message: `validation condition of variable "${name}" fails to evaluate: ${e.message}`,
                    path: (0,load/* joinPath */.uJ)(rp, 'condition'),
                    pos: at((0,load/* joinPath */.uJ)(rp, 'condition')),
                    hint: e.hint,
                });
                return;
            }
            if (ok !== true && ok !== 'true') {
                const shown = decls.get(name)?.sensitive ? '(sensitive)' : JSON.stringify(varValues[name]);
                problems.push({
                    message: `variable "${name}" = ${shown} is invalid: ${String(rule.error_message)}`,
                    path: decls.get(name).path,
                    pos: assigned.get(name)?.pos ?? at(rp),
                    hint: `from ${assigned.get(name)?.source}; the rule is at line ${at(rp).line}`,
                });
            }
        });
    }
    if (problems.length)
        throw new errors/* SpecError */.G8(problems);
    // ---- build instances
    const instances = [];
    const errs = [];
    /** What a for_each names, as [key, value] in order; undefined (with the problem) otherwise. */
    const elementsOf = (raw, path, scope) => {
        const before = errs.length;
        const marked = evalMarked(raw, path, scope, errs);
        if (errs.length > before)
            return undefined;
        const r = (0,expr/* unmark */.dX)(marked);
        const fail = (message, hint) => {
            errs.push({ message, path, pos: at(path), hint });
            return undefined;
        };
        if (r.sensitive)
            return fail('for_each cannot be sensitive: its elements name instances and steps, which are shown', 'repeat over what is not secret (names, say) and look the secret up inside');
        const v = r.value;
        // A set's elements are their own keys (HCL's for_each); a list's are its indexes.
        if ((0,expr/* isSet */.vM)(v))
            return v.map((x) => [x, x]);
        if (Array.isArray(v))
            return v.map((x, i) => [i, x]);
        if (v && typeof v === 'object')
            return Object.keys(v)
                .sort()
                .map((k) => [k, v[k]]);
        return fail(`for_each takes a list or a map, not ${(0,expr/* typeName */.go)(v)}`, 'e.g. for_each: [bookworm, trixie] or ${var.images}');
    };
    /**
     * The instances of one source in a build: the source itself, or with for_each one per
     * element, named by its name setting or SOURCE-KEY. `taken` holds the build's names so far.
     */
    const sourceInstances = (srcName, buildName, taken) => {
        const src = spec.sources[srcName];
        const sp = (0,load/* joinPath */.uJ)('sources', srcName);
        const claim = (name, path, what) => {
            const other = taken.get(name) ?? (name !== srcName && name in spec.sources ? name : undefined);
            if (other === undefined) {
                taken.set(name, srcName);
                return true;
            }
            errs.push({
                message: `${what} is named "${name}", which ${other === srcName ? 'another of its instances' : `source "${other}"`} already is`,
                path,
                pos: at(path),
                hint: src.for_each === undefined
                    ? 'list each source once'
                    : 'give each instance a name of its own, e.g. name: ' + srcName + '-${each.key}',
            });
            return false;
        };
        if (src.for_each === undefined)
            return claim(srcName, (0,load/* joinPath */.uJ)((0,load/* joinPath */.uJ)('builds', buildName), 'sources'), `source "${srcName}"`)
                ? [{ name: srcName }]
                : [];
        const forEachPath = (0,load/* joinPath */.uJ)(sp, 'for_each');
        const build = { name: buildName };
        const elems = elementsOf(src.for_each, forEachPath, makeScope({ build }));
        if (!elems)
            return [];
        const out = [];
        for (const [key, value] of elems) {
            const each = { key, value };
            let name = `${srcName}-${(0,expr/* toText */.fE)(key, 0)}`;
            const np = src.name === undefined ? forEachPath : (0,load/* joinPath */.uJ)(sp, 'name');
            if (src.name !== undefined) {
                const before = errs.length;
                const r = (0,expr/* unmark */.dX)(evalMarked(src.name, np, makeScope({ build, each }), errs));
                if (errs.length > before)
                    return out;
                // A name is shown and tags what the build makes: a secret in it would be out.
                if (r.sensitive || r.value === null || typeof r.value === 'object') {
                    errs.push({
                        message: r.sensitive
                            ? `the name of source "${srcName}" cannot be sensitive: instance names are shown and tag what the build makes`
                            : `the name of source "${srcName}" must be text, not ${(0,expr/* typeName */.go)(r.value)}`,
                        path: np,
                        pos: at(np),
                        hint: 'name instances by what is not secret, e.g. name: ' + srcName + '-${each.key}',
                    });
                    return out;
                }
                name = String(r.value);
            }
            if (!spec_spec/* NAME_RE */.eF.test(name)) {
                errs.push({
                    message: `instance ${JSON.stringify(name)} of source "${srcName}" (for_each element ${JSON.stringify(key)}) is not a valid name`,
                    path: np,
                    pos: at(np),
                    hint: 'names take letters, digits, - and _; set name: to choose them, e.g. name: ' +
                        srcName +
                        '-${each.key}',
                });
                continue;
            }
            if (claim(name, np, `an instance of source "${srcName}"`))
                out.push({ name, each });
        }
        return out;
    };
    for (const [buildName, build] of Object.entries(spec.builds)) {
        const bp = (0,load/* joinPath */.uJ)('builds', buildName);
        // An expression passes the checks before evaluation, but what a build runs must be
        // written out: the plan (and the workflow matrix) is made before anything is evaluated.
        const notList = ['sources', 'provisioners', 'post-processors'].filter((k) => build[k] !== undefined && build[k] !== null && !Array.isArray(build[k]));
        for (const k of notList)
            errs.push({
                message: `${k} of build "${buildName}" must be a list written out in the spec, not an expression`,
                path: (0,load/* joinPath */.uJ)(bp, k),
                pos: at((0,load/* joinPath */.uJ)(bp, k)),
                hint: k === 'sources'
                    ? 'list the source names, e.g. sources: [app, vm]; use --only/--except to pick some at run time'
                    : `write the ${k} as a list (lines starting with "- "); use only/except or override for per-source differences, and for_each on a step to repeat it`,
            });
        if (notList.length)
            continue;
        const listed = build.sources.map(String);
        const srcNames = [...new Set(listed)];
        listed.forEach((n, i) => {
            if (listed.indexOf(n) === i)
                return;
            const lp = (0,load/* joinPath */.uJ)((0,load/* joinPath */.uJ)(bp, 'sources'), i);
            errs.push({
                message: `source "${n}" is listed twice in build "${buildName}"`,
                path: lp,
                pos: at(lp),
                hint: 'list each source once; to build it twice, give it for_each or define a second source',
            });
        });
        const taken = new Map();
        const before = errs.length;
        const expanded = srcNames.flatMap((srcName) => sourceInstances(srcName, buildName, taken).map((inst) => ({ srcName, ...inst })));
        // A build left out by --only may be empty: what is not asked for is not an error.
        const asked = !opts.only?.length ||
            opts.only.some((p) => srcNames.some((n) => [n, `${n}-`, `${buildName}.${n}`, `${buildName}.${n}-`].some((c) => (0,esm/* minimatch */.xF)(c, p))));
        if (!expanded.length && srcNames.length && errs.length === before && asked)
            errs.push({
                message: `build "${buildName}" has nothing to build: the for_each of its sources is empty`,
                path: (0,load/* joinPath */.uJ)(bp, 'sources'),
                pos: at((0,load/* joinPath */.uJ)(bp, 'sources')),
                hint: 'give for_each at least one element, or check the variables it reads',
            });
        // A for_each that failed has said so, and an empty one has nothing to match.
        if (errs.length === before && expanded.length)
            errs.push(...unmatchedSelectors(build, bp, buildName, [...new Set([...srcNames, ...expanded.map((x) => x.name)])].map((n) => [
                n,
                String(spec.sources[n]?.type ??
                    spec.sources[expanded.find((x) => x.name === n).srcName].type),
            ]), file));
        for (const { srcName, name: instName, each } of expanded) {
            const src = spec.sources[srcName];
            const type = String(src.type);
            const names = {
                source: { name: instName, type },
                build: { name: buildName, type, source_name: instName },
                ...(each ? { each } : {}),
            };
            const scope = makeScope(names);
            // Provisioners and post-processors run on the machine: build.ID and the like are theirs.
            const stepScope = makeScope(names, true);
            const sp = (0,load/* joinPath */.uJ)('sources', srcName);
            const builder = spec.registry.must('builder', type);
            // The settings a builder fills build fields into when it uses them (tags) plan with
            // the markers; the rest must be known now.
            const late = new Set(builder.buildFields ?? []);
            const config = {};
            for (const [k, v] of Object.entries(src))
                if (k !== 'for_each' && k !== 'name')
                    config[k] = evalTree(v, (0,load/* joinPath */.uJ)(sp, k), late.has(k) ? stepScope : scope, errs);
            delete config.type;
            if (file.packer) {
                packerTyping(config, builder.schema);
                builder.packerUnset?.(config);
            }
            const runsOn = typeof config.runs_on === 'string' ? config.runs_on : undefined;
            delete config.runs_on;
            const checked = errs.length;
            // Typed once from the schema: plugins see booleans and numbers, not their text.
            const typedConfig = (0,spec_schema/* check */.z6)({ type, ...config }, (0,spec_spec/* pluginSchema */.PP)(builder.schema, {}), sp, {
                file,
                problems: errs,
                phase: 'resolved',
            });
            if (errs.length === checked) {
                delete typedConfig.type;
                for (const k of Object.keys(config))
                    delete config[k];
                Object.assign(config, typedConfig);
            }
            // Cross-field rules only once every field has the right shape.
            const refine = (d, cfg, at) => {
                const ctx = {
                    specDir: spec.dir,
                    packer: file.packer === true,
                    ...(d.kind === 'builder' ? {} : { builder: type }),
                };
                for (const r of d.refine?.(cfg, ctx) ?? []) {
                    // A key may reach inside the block: disk_attachment[0].volume_size.
                    const path = !r.key
                        ? at
                        : /^[A-Za-z_][\w-]*(\.[A-Za-z_][\w-]*|\[\d+\])*$/.test(r.key)
                            ? `${at}.${r.key}`
                            : (0,load/* joinPath */.uJ)(at, r.key);
                    errs.push({ message: r.message, path, pos: (0,spec_schema/* positionOf */.df)(file, path), hint: r.hint });
                }
            };
            if (errs.length === checked)
                refine(builder, config, sp);
            // What the builder makes: the first post-processor takes it, and the engine hands
            // the null builder's post-processors an empty one.
            const artifact = artifactKindOf(builder, config);
            // An instance of a for_each source answers to its own name and to its source's.
            const matches = (list) => (Array.isArray(list) ? list : [list]).some((g) => [...new Set([instName, srcName])].some((n) => (0,esm/* minimatch */.xF)(n, String(g)) ||
                (0,esm/* minimatch */.xF)(`${type}.${n}`, String(g)) ||
                (0,esm/* minimatch */.xF)(`${buildName}.${n}`, String(g))));
            const selected = (raw) => (raw.only === undefined || matches(raw.only)) &&
                (raw.except === undefined || !matches(raw.except));
            const useProvisioner = (raw, path, step) => {
                if (!selected(raw))
                    return undefined;
                let merged = { ...raw };
                const override = raw.override;
                // The source's override, then its instance's on top.
                for (const key of [...new Set([srcName, instName])])
                    if (override?.[key])
                        merged = { ...merged, ...override[key] };
                delete merged.override;
                delete merged.for_each;
                const evaluated = evalTree(merged, path, step?.scope ?? stepScope, errs);
                const info = spec.registry.must('provisioner', String(raw.type));
                if (file.packer)
                    packerTyping(evaluated, info.schema);
                const before = errs.length;
                const cfg = (0,spec_schema/* check */.z6)(evaluated, (0,spec_spec/* pluginSchema */.PP)(info.schema, plugin_common/* provisionerCommon */.Qy), path, {
                    file,
                    problems: errs,
                    phase: 'resolved',
                });
                if (errs.length === before)
                    refine(info, cfg, path);
                const use = {
                    type: String(raw.type),
                    label: (typeof cfg.name === 'string' ? cfg.name : String(raw.type)) + (step?.label ?? ''),
                    path,
                    at: written(file, path),
                    config: stripCommon(cfg, [
                        'type',
                        'only',
                        'except',
                        'pause_before',
                        'max_retries',
                        'timeout',
                        'name',
                    ]),
                    pauseBeforeMs: (0,spec_schema/* parseDuration */.E9)(cfg.pause_before) ?? 0,
                    maxRetries: Number(cfg.max_retries ?? 0),
                    timeoutMs: cfg.timeout === undefined ? undefined : (0,spec_schema/* parseDuration */.E9)(cfg.timeout),
                };
                return use;
            };
            /** A step once, or once per element of its for_each (each.key and each.value bound). */
            const perElement = (raw, path) => {
                if (raw.for_each === undefined || !selected(raw))
                    return [undefined];
                const elems = elementsOf(raw.for_each, (0,load/* joinPath */.uJ)(path, 'for_each'), stepScope);
                return (elems ?? []).map(([key, value]) => ({
                    scope: makeScope({ ...names, each: { key, value } }, true),
                    label: `[${typeof key === 'string' ? key : String(key)}]`,
                }));
            };
            const provs = [];
            (build.provisioners ?? []).forEach((raw, i) => {
                const path = (0,load/* joinPath */.uJ)((0,load/* joinPath */.uJ)(bp, 'provisioners'), i);
                for (const step of perElement(raw, path)) {
                    const u = useProvisioner(raw, path, step);
                    if (u)
                        provs.push(u);
                }
            });
            const ecp = build['error-cleanup-provisioner'];
            const ecpPath = (0,load/* joinPath */.uJ)(bp, 'error-cleanup-provisioner');
            if (ecp?.for_each !== undefined)
                errs.push({
                    message: 'for_each is not for the error-cleanup-provisioner: a build has one',
                    path: (0,load/* joinPath */.uJ)(ecpPath, 'for_each'),
                    pos: at((0,load/* joinPath */.uJ)(ecpPath, 'for_each'), true),
                    hint: 'remove for_each; one shell step can run several commands',
                });
            const errorCleanup = ecp ? useProvisioner(ecp, ecpPath) : undefined;
            const chains = [];
            (build['post-processors'] ?? []).forEach((item, i) => {
                const cp = (0,load/* joinPath */.uJ)((0,load/* joinPath */.uJ)(bp, 'post-processors'), i);
                // A post-processor with for_each in a chain is that many in the chain; on its own
                // (a chain of one) it is that many chains, as Packer's dynamic blocks make them.
                const steps = (Array.isArray(item) ? item : [item]);
                const perChain = Array.isArray(item)
                    ? [
                        steps.flatMap((raw, j) => perElement(raw, (0,load/* joinPath */.uJ)(cp, j)).map((e) => [raw, (0,load/* joinPath */.uJ)(cp, j), e])),
                    ]
                    : perElement(steps[0], cp).map((e) => [[steps[0], cp, e]]);
                for (const chain of perChain)
                    usePostProcessors(chain);
            });
            function usePostProcessors(chain) {
                const uses = [];
                let input = artifact;
                chain.forEach(([raw, pp, step], j) => {
                    if (!selected(raw))
                        return;
                    const rest = { ...raw };
                    delete rest.for_each;
                    const evaluated = evalTree(rest, pp, step?.scope ?? stepScope, errs);
                    const info = spec.registry.must('post-processor', String(raw.type));
                    if (file.packer) {
                        packerTyping(evaluated, info.schema);
                        // The file a Packer pipeline reads next, under the name it has in Packer.
                        if (raw.type === 'manifest')
                            evaluated.output ??= 'packer-manifest.json';
                    }
                    const before = errs.length;
                    const cfg = (0,spec_schema/* check */.z6)(evaluated, (0,spec_spec/* pluginSchema */.PP)(info.schema, plugin_common/* postProcessorCommon */.W4), pp, {
                        file,
                        problems: errs,
                        phase: 'resolved',
                    });
                    if (errs.length === before)
                        refine(info, cfg, pp);
                    // Each post-processor takes what the one before it hands on.
                    if (info.accepts !== 'any' && !info.accepts.includes(input)) {
                        errs.push({
                            message: `${info.type} cannot take ${describeKind(input)}`,
                            path: (0,load/* joinPath */.uJ)(pp, 'type'),
                            pos: (0,spec_schema/* positionOf */.df)(file, (0,load/* joinPath */.uJ)(pp, 'type')),
                            hint: `${info.type} takes ${info.accepts.map(describeKind).join(' or ')}; ${j === 0
                                ? `the ${type} builder here makes ${describeKind(input)}`
                                : 'move it, or start a new chain'}`,
                        });
                    }
                    if (info.produces !== 'same')
                        input = info.produces;
                    uses.push({
                        type: String(raw.type),
                        label: (typeof cfg.name === 'string' ? cfg.name : String(raw.type)) + (step?.label ?? ''),
                        path: pp,
                        at: written(file, pp),
                        config: stripCommon(cfg, ['type', 'only', 'except', 'keep_input_artifact', 'name']),
                        keepInputArtifact: cfg.keep_input_artifact === undefined
                            ? undefined
                            : cfg.keep_input_artifact === true || cfg.keep_input_artifact === 'true',
                    });
                });
                if (uses.length)
                    chains.push(uses);
            }
            const trust = resolveTrust(build, bp, {
                specDir: spec.dir,
                file,
                errs,
                build: buildName,
                source: instName,
                evaluate: (raw, path) => evalTree(raw, path, scope, errs),
                typed: (value, schema, path) => (0,spec_schema/* check */.z6)(value, schema, path, { file, problems: errs, phase: 'resolved' }),
                selected,
                written: (path) => written(file, path),
            });
            const timeout = build.timeout === undefined
                ? undefined
                : (0,spec_schema/* parseDuration */.E9)(evalTree(build.timeout, (0,load/* joinPath */.uJ)(bp, 'timeout'), scope, errs));
            instances.push({
                name: `${buildName}.${instName}`,
                at: written(file, sp),
                build: buildName,
                source: instName,
                ...(each ? { of: srcName } : {}),
                type,
                artifact,
                config,
                provisioners: provs,
                errorCleanupProvisioner: errorCleanup,
                postProcessors: chains,
                timeoutMs: timeout,
                runsOn,
                ...(trust.plan ? { trust: trust.plan } : {}),
                files: [
                    ...trust.files,
                    ...localInputs(builder, config, sp, spec, errs),
                    ...[...provs, ...(errorCleanup ? [errorCleanup] : [])].flatMap((u) => localInputs(spec.registry.must('provisioner', u.type), u.config, u.path, spec, errs)),
                    ...chains
                        .flat()
                        .flatMap((u) => localInputs(spec.registry.must('post-processor', u.type), u.config, u.path, spec, errs)),
                ],
            });
        }
    }
    problems.push(...dedupe(withoutFollowOns(errs, evalFailures)));
    if (problems.length)
        throw new errors/* SpecError */.G8(problems);
    const allNames = instances.map((i) => i.name);
    const selectedInstances = selectInstances(instances, opts.only, opts.except);
    return {
        specPath: spec.path,
        specDir: spec.dir,
        runUuid: (0,random/* randomUuid */.bX)(),
        now,
        variables: resolvedVars,
        locals: Object.fromEntries([...localValues].map(([k, v]) => [k, (0,expr/* reveal */._c)(v).value])),
        shownLocals: Object.fromEntries([...localValues].map(([k, v]) => [k, shown(v)])),
        instances: selectedInstances,
        allNames,
        registry: spec.registry,
        notes,
    };
}
/** A value with every sensitive part replaced by ***, for display. */
function shown(v) {
    if (v instanceof expr/* Sensitive */.pT)
        return redact/* REDACTED */.XF;
    if (Array.isArray(v))
        return v.map(shown);
    if (v !== null && typeof v === 'object')
        return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, shown(x)]));
    return v;
}
/**
 * The local files and directories a plugin's settings name (its descriptor says which); each
 * that does not exist is an error at the setting that names it, before anything is built.
 */
function localInputs(d, config, at, spec, errs) {
    const paths = d.localInputs?.(config, spec.dir) ?? [];
    for (const p of paths) {
        if ((0,external_node_fs_.existsSync)(p))
            continue;
        const found = settingNaming(config, (v) => (0,external_node_path_.resolve)(spec.dir, v) === p);
        const path = found ? (0,load/* joinPath */.uJ)(at, found.key) : at;
        const pos = (0,spec_schema/* positionOf */.df)(spec.file, path, found?.isKey);
        // An evaluation error already reported here says enough.
        if (errs.some((e) => e.pos?.line === pos.line && e.pos?.col === pos.col))
            continue;
        errs.push({
            message: `${found ? `"${found.text}"` : p} does not exist`,
            path,
            pos,
            hint: `looked for ${p}; paths are relative to the spec's directory`,
        });
    }
    return paths;
}
/** The setting (or map key) whose text names a path, searched through the config. */
function settingNaming(v, names, key = '') {
    if (typeof v === 'string')
        return names(v) ? { key, text: v, isKey: false } : undefined;
    if (Array.isArray(v)) {
        for (const [i, x] of v.entries()) {
            const f = settingNaming(x, names, (0,load/* joinPath */.uJ)(key, i));
            if (f)
                return f;
        }
    }
    else if (v && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) {
            if (names(k))
                return { key: (0,load/* joinPath */.uJ)(key, k), text: k, isKey: true };
            const f = settingNaming(x, names, (0,load/* joinPath */.uJ)(key, k));
            if (f)
                return f;
        }
    }
    return undefined;
}
/**
 * only/except globs that match none of the build's sources, and override keys that name no
 * source of the build: each would silently drop or ignore what it is written on.
 */
function unmatchedSelectors(build, bp, buildName, sources, file) {
    const out = [];
    const srcNames = sources.map(([n]) => n);
    const names = sources.flatMap(([n, type]) => [n, `${type}.${n}`, `${buildName}.${n}`]);
    const items = [];
    const add = (raw, path) => {
        if (raw && typeof raw === 'object' && !Array.isArray(raw))
            items.push([raw, path]);
    };
    (build.provisioners ?? []).forEach((raw, i) => add(raw, (0,load/* joinPath */.uJ)((0,load/* joinPath */.uJ)(bp, 'provisioners'), i)));
    add(build['error-cleanup-provisioner'], (0,load/* joinPath */.uJ)(bp, 'error-cleanup-provisioner'));
    (build['post-processors'] ?? []).forEach((item, i) => {
        const cp = (0,load/* joinPath */.uJ)((0,load/* joinPath */.uJ)(bp, 'post-processors'), i);
        if (Array.isArray(item))
            item.forEach((raw, j) => add(raw, (0,load/* joinPath */.uJ)(cp, j)));
        else
            add(item, cp);
    });
    for (const [raw, path] of items) {
        for (const key of ['only', 'except']) {
            const v = raw[key];
            if (v === undefined || v === null)
                continue;
            const list = Array.isArray(v) ? v : [v];
            list.forEach((g, i) => {
                if (typeof g !== 'string')
                    return;
                const gp = Array.isArray(v) ? (0,load/* joinPath */.uJ)((0,load/* joinPath */.uJ)(path, key), i) : (0,load/* joinPath */.uJ)(path, key);
                if ((0,expr/* hasTemplate */.rJ)(g)) {
                    // Which sources a step runs for is decided before anything is evaluated.
                    out.push({
                        message: `${key} takes source names or globs written out, not an expression`,
                        path: gp,
                        pos: (0,spec_schema/* positionOf */.df)(file, gp),
                        hint: 'write the names (e.g. [app, "amazon-ebs.*"]); choose builds at run time with --only/--except',
                    });
                    return;
                }
                if (names.some((n) => (0,esm/* minimatch */.xF)(n, g)))
                    return;
                out.push({
                    message: `${key} pattern "${g}" matches no source of build "${buildName}"`,
                    path: gp,
                    pos: (0,spec_schema/* positionOf */.df)(file, gp),
                    hint: `the build's sources: ${srcNames.join(', ')} (also matched as TYPE.NAME and ${buildName}.NAME)`,
                });
            });
        }
        const override = raw.override;
        if (override && typeof override === 'object' && !Array.isArray(override))
            for (const k of Object.keys(override)) {
                const op = (0,load/* joinPath */.uJ)((0,load/* joinPath */.uJ)(path, 'override'), k);
                const entry = override[k];
                if (entry && typeof entry === 'object' && 'for_each' in entry) {
                    const fp = (0,load/* joinPath */.uJ)(op, 'for_each');
                    out.push({
                        message: `override for "${k}" cannot set for_each: how often a step runs is the step's own setting`,
                        path: fp,
                        pos: (0,spec_schema/* positionOf */.df)(file, fp, true),
                        hint: 'set for_each on the step, and only/except to leave sources out',
                    });
                }
                if (srcNames.includes(k))
                    continue;
                const near = (0,errors/* didYouMean */.au)(k, srcNames);
                out.push({
                    message: `override for "${k}", which is not a source of build "${buildName}"`,
                    path: op,
                    pos: (0,spec_schema/* positionOf */.df)(file, op, true),
                    hint: near ? `did you mean "${near}"?` : `the build's sources: ${srcNames.join(', ')}`,
                });
            }
    }
    return out;
}
/**
 * One mistake, one error: a value whose expression failed is missing, so the schema check
 * would also say "missing required key" or "expected a string, got nothing". Those are
 * dropped; the failed expression is the error.
 */
function withoutFollowOns(errs, failures) {
    if (!failures.size)
        return errs;
    const failed = new Set(failures.values());
    return errs.filter((p) => {
        if (failed.has(p))
            return true;
        if (p.path && failures.has(p.path))
            return false;
        const missing = /^missing required key "(.+)"$/.exec(p.message);
        return !(missing && p.path !== undefined && failures.has((0,load/* joinPath */.uJ)(p.path, missing[1])));
    });
}
/**
 * A Packer template's settings as Packer's plugins read them: a setting that comes out as ""
 * (or null, or a list of "") is unset (`source_ami = "${var.ami}"` with an empty variable), and a text where the plugin
 * takes a list of strings is split at its commas (`ami_users = "{{user \`users\`}}"`).
 */
function packerTyping(config, schema) {
    const fields = schema.kind === 'object' ? schema.fields : {};
    for (const [k, v] of Object.entries(config)) {
        const inner = fields[k]?.schema;
        if (v === '' || v === null || (Array.isArray(v) && v.every((x) => x === '')))
            delete config[k];
        // Blocks too: an "" inside shared_image_gallery_destination is as unset as one outside.
        else if (inner?.kind === 'object' && v && typeof v === 'object' && !Array.isArray(v)) {
            packerTyping(v, inner);
            // A block left with nothing set is a block not given, as Packer reads its zero value
            // (runner-images' gallery destination, when no GALLERY_* variable is set).
            if (!Object.keys(v).length)
                delete config[k];
        }
        else if (inner?.kind === 'list' && inner.of.kind === 'object' && Array.isArray(v)) {
            for (const x of v)
                if (x && typeof x === 'object' && !Array.isArray(x))
                    packerTyping(x, inner.of);
        }
        else if (typeof v === 'string' && fields[k]?.schema.kind === 'list') {
            const list = fields[k].schema;
            // A list that takes one string as one item (shell's inline) keeps it whole.
            if (list.of.kind === 'string' && !list.single)
                config[k] = v
                    .split(',')
                    .map((x) => x.trim())
                    .filter(Boolean);
        }
    }
}
function written(file, path) {
    const p = (0,spec_schema/* positionOf */.df)(file, path);
    return `${p.file}:${p.line}:${p.col}`;
}
function describeKind(k) {
    return {
        'docker-image': 'a Docker image',
        'machine-image': 'a machine image',
        files: 'files',
        none: 'no artifact',
    }[k];
}
function stripCommon(cfg, keys) {
    const out = { ...cfg };
    for (const k of keys)
        delete out[k];
    for (const [k, v] of Object.entries(out))
        if (v === null || v === undefined)
            delete out[k];
    return out;
}
/**
 * Each problem once; and none that only says a local it uses has an error (that local's own
 * problem is reported, and is the one mistake to fix).
 */
function dedupe(list) {
    const seen = new Set();
    return list.filter((p) => {
        if (/^local\.[\w-]+ has an error in /.test(p.message))
            return false;
        const k = `${p.pos?.line}:${p.pos?.col}:${p.message}`;
        if (seen.has(k))
            return false;
        seen.add(k);
        return true;
    });
}
/** Applies --only / --except (globs over instance names); a pattern matching nothing is an error. */
function selectInstances(instances, only, except) {
    const names = instances.map((i) => i.name);
    const problems = [];
    // BUILD.SOURCE or SOURCE; an instance of a for_each source answers to its source as well.
    const test = (pattern, i) => (0,esm/* minimatch */.xF)(i.name, pattern) ||
        (0,esm/* minimatch */.xF)(i.source, pattern) ||
        (i.of !== undefined &&
            ((0,esm/* minimatch */.xF)(i.of, pattern) ||
                (0,esm/* minimatch */.xF)(i.name.slice(0, i.name.length - i.source.length) + i.of, pattern)));
    for (const [flag, list] of [
        ['--only', only],
        ['--except', except],
    ]) {
        for (const pattern of list ?? []) {
            if (!instances.some((i) => test(pattern, i))) {
                problems.push({
                    message: `${flag} pattern "${pattern}" matches no build`,
                    hint: `build names: ${names.join(', ')}`,
                });
            }
        }
    }
    if (problems.length)
        throw new errors/* SpecError */.G8(problems);
    return instances.filter((i) => (!only?.length || only.some((p) => test(p, i))) && !(except ?? []).some((p) => test(p, i)));
}
/** The instances as a GitHub Actions matrix (`strategy.matrix: ${{ fromJSON(...) }}`). */
function matrixOf(plan) {
    return {
        include: plan.instances.map((i) => ({
            name: i.name,
            build: i.build,
            source: i.source,
            type: i.type,
            ...(i.runsOn ? { runs_on: i.runsOn } : {}),
        })),
    };
}


/***/ }),

/***/ 47280:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DQ: () => (/* binding */ req),
/* harmony export */   E9: () => (/* binding */ parseDuration),
/* harmony export */   Ix: () => (/* binding */ offered),
/* harmony export */   J5: () => (/* binding */ refused),
/* harmony export */   PF: () => (/* binding */ toJsonSchema),
/* harmony export */   df: () => (/* binding */ positionOf),
/* harmony export */   m7: () => (/* binding */ opt),
/* harmony export */   ql: () => (/* binding */ fieldJsonSchema),
/* harmony export */   s: () => (/* binding */ s),
/* harmony export */   z6: () => (/* binding */ check)
/* harmony export */ });
/* unused harmony exports NUMBER_TEXT, INTEGER_TEXT, BOOL_TEXT, yamlLine, fieldMarkdown */
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(17800);
/* harmony import */ var _load__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(11207);
/* harmony import */ var _expr__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(58672);
/* harmony import */ var _util_redact__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(50767);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(38815);
/**
 * A small schema language. One definition per plugin both checks a config (with positions
 * and "did you mean") and generates the JSON Schema that editors use for completion.
 */





const s = {
    string: (o = {}) => ({
        kind: 'string',
        ...o,
    }),
    enum: (values, description) => ({
        kind: 'string',
        enum: values,
        description,
    }),
    number: (o = {}) => ({
        kind: 'number',
        ...o,
    }),
    int: (min, max) => ({ kind: 'number', integer: true, min, max }),
    bool: () => ({ kind: 'bool' }),
    duration: () => ({ kind: 'duration' }),
    list: (of, o = {}) => ({
        kind: 'list',
        of,
        ...o,
    }),
    map: (of) => ({ kind: 'map', of }),
    object: (fields, o = {}) => ({
        kind: 'object',
        fields: Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, 'kind' in f ? { schema: f } : f])),
        ...o,
    }),
    any: () => ({ kind: 'any' }),
};
function req(schema, description, example) {
    return { schema, required: true, description, ...(example !== undefined ? { example } : {}) };
}
/**
 * A setting bake knows and refuses: giving it is an error that says why, not an "unknown
 * key"; editors do not offer it.
 */
function refused(reason) {
    return { schema: { kind: 'any' }, refused: reason, description: `not supported: ${reason}` };
}
/** The settings a schema offers (without the refused ones). */
function offered(fields) {
    return Object.fromEntries(Object.entries(fields).filter(([, f]) => !f.refused));
}
function opt(schema, description, dflt, example) {
    return { schema, description, default: dflt, ...(example !== undefined ? { example } : {}) };
}
/**
 * The text a number or bool setting accepts in place of the value itself (a quoted value, an
 * expression's string result): decimal notation only, so "22" is 22 but "0x16", "1e3", " 22"
 * and "" are errors; and exactly `true` or `false`.
 */
const NUMBER_TEXT = /^-?(0|[1-9]\d*)(\.\d+)?$/;
const INTEGER_TEXT = /^-?(0|[1-9]\d*)$/;
const BOOL_TEXT = ['true', 'false'];
const UNITS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
/** Parses Go-style durations ("90s", "5m", "1h30m", "250ms") into milliseconds. */
function parseDuration(v) {
    if (typeof v === 'number' && Number.isFinite(v) && v >= 0)
        return v * 1000;
    if (typeof v !== 'string')
        return undefined;
    const t = v.trim();
    if (t === '0')
        return 0;
    const re = /(\d+(?:\.\d+)?)(ms|s|m|h)/gy;
    let total = 0;
    let consumed = 0;
    let m;
    while ((m = re.exec(t))) {
        total += Number(m[1]) * UNITS[m[2]];
        consumed = re.lastIndex;
    }
    return consumed === t.length && consumed > 0 ? total : undefined;
}
function describeType(v) {
    if (v === null || v === undefined)
        return 'nothing (null)';
    if (Array.isArray(v))
        return 'a list';
    if (typeof v === 'object')
        return 'a mapping';
    // A value that holds a secret is described, never shown.
    if ((0,_util_redact__WEBPACK_IMPORTED_MODULE_3__/* .redactValue */ .FI)(v) !== v)
        return 'a sensitive value';
    if (typeof v === 'string')
        return `the string ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v)}`;
    return `the ${typeof v === 'number' ? 'number' : typeof v === 'boolean' ? 'bool' : typeof v} ${String(v)}`;
}
function positionOf(file, path, key = false) {
    for (let p = path;;) {
        const pos = (key ? file.keyPositions.get(p) : undefined) ?? file.positions.get(p);
        if (pos)
            return pos;
        const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
        if (cut <= 0)
            return file.positions.get('') ?? { file: file.file, line: 1, col: 1 };
        p = p.slice(0, cut);
    }
}
/**
 * Checks `value` against `schema`; adds every problem found to ctx.problems. Returns the value
 * typed by the schema: bool text becomes a boolean, number text a number, a number or bool in
 * a string setting its text; durations stay as written. Expressions are left as they are
 * before evaluation (phase 'raw'). Where a problem was found the value is returned unchanged.
 */
function check(value, schema, path, ctx) {
    const add = (message, hint, key = false) => {
        ctx.problems.push({ message, path, pos: positionOf(ctx.file, path, key), hint });
        return value;
    };
    // Before evaluation an expression stands in for any type; it is checked again after.
    if (ctx.phase === 'raw' && typeof value === 'string' && (0,_expr__WEBPACK_IMPORTED_MODULE_2__/* .hasTemplate */ .rJ)(value))
        return value;
    switch (schema.kind) {
        case 'any':
            return value;
        case 'string': {
            const text = typeof value === 'number' || typeof value === 'boolean' ? String(value) : value;
            if (typeof text !== 'string')
                return add(`expected a string, got ${describeType(value)}`);
            if (schema.enum && !schema.enum.includes(text)) {
                const near = (0,_errors__WEBPACK_IMPORTED_MODULE_0__/* .didYouMean */ .au)(text, schema.enum);
                return add(`"${text}" is not one of: ${schema.enum.join(', ')}`, near ? `did you mean "${near}"?` : undefined);
            }
            if (schema.pattern && !schema.pattern.test(text))
                return add(`"${text}" is not valid here`, schema.patternHint);
            return text;
        }
        case 'number': {
            let n = value;
            if (typeof value === 'string') {
                if (!(schema.integer ? INTEGER_TEXT : NUMBER_TEXT).test(value))
                    return add(`expected ${schema.integer ? 'a whole number' : 'a number'}, got ${describeType(value)}`, `write it in decimal digits, e.g. ${schema.min !== undefined && schema.min > 0 ? schema.min : 22}`);
                n = Number(value);
            }
            if (typeof n !== 'number' || !Number.isFinite(n))
                return add(`expected a number, got ${describeType(value)}`);
            if (schema.integer && !Number.isInteger(n))
                return add(`expected a whole number, got ${n}`);
            if (schema.min !== undefined && n < schema.min)
                return add(`must be at least ${schema.min}, got ${n}`);
            if (schema.max !== undefined && n > schema.max)
                return add(`must be at most ${schema.max}, got ${n}`);
            return n;
        }
        case 'bool':
            if (typeof value === 'boolean')
                return value;
            if (value === 'true' || value === 'false')
                return value === 'true';
            return add(`expected true or false, got ${describeType(value)}`);
        case 'duration':
            if (parseDuration(value) === undefined)
                return add(`expected a duration like "30s", "5m" or "1h30m", got ${describeType(value)}`);
            return value;
        case 'list': {
            if (!Array.isArray(value)) {
                if (schema.single && value !== null && typeof value !== 'object')
                    return check(value, schema.of, path, ctx);
                return add(`expected a list, got ${describeType(value)}`, schema.single
                    ? 'give one value or a list of values'
                    : 'write it as [a, b] or as lines starting with "- "');
            }
            if (schema.minItems && value.length < schema.minItems)
                add(`expected at least ${schema.minItems} item${schema.minItems > 1 ? 's' : ''}`);
            return value.map((v, i) => check(v, schema.of, (0,_load__WEBPACK_IMPORTED_MODULE_1__/* .joinPath */ .uJ)(path, i), ctx));
        }
        case 'map': {
            if (value === null || typeof value !== 'object' || Array.isArray(value))
                return add(`expected a mapping (key: value), got ${describeType(value)}`);
            return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, check(v, schema.of, (0,_load__WEBPACK_IMPORTED_MODULE_1__/* .joinPath */ .uJ)(path, k), ctx)]));
        }
        case 'object': {
            if (value === null || typeof value !== 'object' || Array.isArray(value))
                return add(`expected a mapping (key: value), got ${describeType(value)}`);
            const obj = value;
            for (const [k, f] of Object.entries(schema.fields)) {
                if (f.required && (obj[k] === undefined || obj[k] === null))
                    add(`missing required key "${k}"`, f.description ? `${k}: ${f.description}` : undefined, true);
            }
            const out = {};
            for (const [k, v] of Object.entries(obj)) {
                out[k] = v;
                const f = schema.fields[k];
                const childPath = (0,_load__WEBPACK_IMPORTED_MODULE_1__/* .joinPath */ .uJ)(path, k);
                if (!f) {
                    if (schema.open)
                        continue;
                    const keys = Object.keys(offered(schema.fields));
                    const near = (0,_errors__WEBPACK_IMPORTED_MODULE_0__/* .didYouMean */ .au)(k, keys);
                    ctx.problems.push({
                        message: `unknown key "${k}"`,
                        path: childPath,
                        pos: positionOf(ctx.file, childPath, true),
                        hint: near ? `did you mean "${near}"?` : `allowed keys: ${keys.sort().join(', ')}`,
                    });
                    continue;
                }
                if (v === null && !f.required)
                    continue;
                if (f.refused) {
                    ctx.problems.push({
                        message: `${k} is not supported: ${f.refused}`,
                        path: childPath,
                        pos: positionOf(ctx.file, childPath, true),
                        hint: `remove ${k}`,
                    });
                    continue;
                }
                out[k] = check(v, f.schema, childPath, ctx);
            }
            return out;
        }
    }
}
/** An expression, as hasTemplate() sees one: `${` not escaped as `$${`. */
const EXPR = {
    // A title of its own also keeps yaml-language-server's hover from joining every
    // alternative's text with "||".
    title: 'an expression ${…}',
    type: 'string',
    pattern: '(^|[^$])\\$\\{',
};
const NULL = { title: 'nothing (the key is left empty)', type: 'null' };
/** Decimal digits (no leading zeros) of the whole numbers in [lo, hi], both ≥ 0 and finite. */
function digitRange(lo, hi) {
    const out = [];
    const sameLength = (a, b) => {
        if (a === b)
            return a;
        if (a[0] === b[0])
            return a[0] + sameLength(a.slice(1), b.slice(1));
        const rest = a.length - 1;
        const any = rest ? `\\d{${rest}}` : '';
        if (/^0*$/.test(a.slice(1)) && /^9*$/.test(b.slice(1)))
            return `[${a[0]}-${b[0]}]${any}`;
        const parts = [a[0] + sameLength(a.slice(1), '9'.repeat(rest))];
        if (Number(b[0]) - Number(a[0]) > 1)
            parts.push(`[${Number(a[0]) + 1}-${Number(b[0]) - 1}]${any}`);
        parts.push(b[0] + sameLength('0'.repeat(rest), b.slice(1)));
        return `(?:${parts.join('|')})`;
    };
    for (let len = String(lo).length; len <= String(hi).length; len++) {
        const from = Math.max(lo, len === 1 ? 0 : 10 ** (len - 1));
        const to = Math.min(hi, 10 ** len - 1);
        if (from <= to)
            out.push(sameLength(String(from), String(to)));
    }
    return out;
}
/** Alternatives matching the integer text (INTEGER_TEXT) of the whole numbers in [min, max]. */
function integerTextAlternatives(min = -Infinity, max = Infinity) {
    const nonNegative = (lo, hi) => {
        if (hi === Infinity) {
            const digits = String(lo).length;
            return [...digitRange(lo, 10 ** digits - 1), `[1-9]\\d{${digits},}`];
        }
        return digitRange(lo, hi);
    };
    const alts = [];
    if (max >= 0)
        alts.push(...nonNegative(Math.max(0, Math.ceil(min)), Math.floor(max)));
    if (min < 0)
        alts.push(...nonNegative(Math.max(1, Math.ceil(-max)), -Math.floor(min)).map((r) => `-${r}`));
    return alts;
}
/** A pattern for the number text a number setting accepts; exact for whole-number bounds. */
function numberTextPattern(schema) {
    const { min, max } = schema;
    // "-0" is 0, so it is in range wherever 0 is.
    const zero = (min ?? 0) <= 0 && (max ?? 0) >= 0;
    if (schema.integer)
        return `^(?:${[...integerTextAlternatives(min, max), ...(zero ? ['-0'] : [])].join('|')})$`;
    if (max === undefined && min !== undefined && Number.isInteger(min) && min >= 0)
        return `^(?:${integerTextAlternatives(min).join('|')})(\\.\\d+)?$${zero ? '|^-0(\\.0+)?$' : ''}`;
    // Other bounds are checked by bake after the text is read as a number.
    return NUMBER_TEXT.source;
}
/** The YAML a user writes for `key: value`, on one line. */
function yamlLine(key, value) {
    return `${key}: ${(0,yaml__WEBPACK_IMPORTED_MODULE_4__/* .stringify */ .As)(value, { collectionStyle: 'flow', lineWidth: 0 }).trim()}`;
}
function describeKind(schema) {
    switch (schema.kind) {
        case 'string':
            return schema.enum ? `one of ${schema.enum.map((v) => `\`${v}\``).join(', ')}` : 'text';
        case 'number': {
            const what = schema.integer ? 'a whole number' : 'a number';
            const range = schema.min !== undefined && schema.max !== undefined
                ? ` from ${schema.min} to ${schema.max}`
                : schema.min !== undefined
                    ? ` of at least ${schema.min}`
                    : schema.max !== undefined
                        ? ` of at most ${schema.max}`
                        : '';
            return `${what}${range} (decimal digits, quoted or not)`;
        }
        case 'bool':
            return '`true` or `false`';
        case 'duration':
            return 'a duration such as `30s`, `5m` or `1h30m` (a bare number is seconds)';
        case 'list':
            return schema.single
                ? `one value or a list, each ${describeKind(schema.of)}`
                : `a list, each ${describeKind(schema.of)}`;
        case 'map':
            return `a mapping of names to values, each ${describeKind(schema.of)}`;
        case 'object':
            return 'a mapping of settings';
        case 'any':
            return 'any value';
    }
}
/** The hover text of a setting: what it does, what it takes, an example, the default. */
function fieldMarkdown(key, f, o = {}) {
    const lines = [f.description ?? f.schema.description ?? ''];
    lines.push(`Takes ${describeKind(f.schema)}.${f.required ? ' Required.' : ''}`);
    if (f.example !== undefined)
        lines.push(`Example: \`${yamlLine(key, f.example)}\``);
    if (f.default !== undefined)
        lines.push(`Default: \`${yamlLine(key, f.default)}\``);
    lines.push(o.expressions === false
        ? 'Written as is: no `${…}` expressions here.'
        : '`${…}` expressions are allowed (e.g. `${var.name}`).');
    return lines.join('\n\n');
}
const orNull = (s) => Array.isArray(s.anyOf)
    ? { ...s, anyOf: [...s.anyOf, NULL] }
    : Object.keys(s).length === 0 || (Object.keys(s).length === 1 && 'description' in s)
        ? s
        : { anyOf: [s, NULL] };
/** The JSON Schema of a setting as an object property: its schema, docs and default. */
function fieldJsonSchema(key, f, o = {}) {
    const inner = toJsonSchema(f.schema, undefined, o);
    // An optional key left empty (YAML null) is the same as leaving it out.
    const p = f.required ? inner : orNull(inner);
    const text = f.description ?? f.schema.description;
    const out = {
        ...(text ? { description: text } : {}),
        markdownDescription: fieldMarkdown(key, f, o),
        ...p,
    };
    if (f.default !== undefined)
        out.default = f.default;
    return out;
}
/**
 * JSON Schema (draft-07) for editors, accepting exactly what check() accepts before
 * evaluation: the text forms of numbers and bools, numbers and bools for text, and an
 * expression wherever a value is (unless `expressions: false`).
 */
function toJsonSchema(schema, description, o = {}) {
    const d = description ?? schema.description;
    const withDesc = (s) => (d ? { description: d, ...s } : s);
    const expr = o.expressions !== false;
    const orExpr = (...alts) => withDesc(expr ? { anyOf: [...alts, EXPR] } : alts.length === 1 ? alts[0] : { anyOf: alts });
    switch (schema.kind) {
        case 'any':
            return withDesc({});
        case 'string': {
            if (schema.enum) {
                // YAML reads `true` and `8080` as a bool and a number; bake takes them as their text.
                const values = [...schema.enum];
                for (const v of schema.enum) {
                    if (v === 'true' || v === 'false')
                        values.push(v === 'true');
                    else if (NUMBER_TEXT.test(v) && String(Number(v)) === v)
                        values.push(Number(v));
                }
                return orExpr({ enum: values });
            }
            if (schema.pattern)
                return orExpr({
                    type: 'string',
                    pattern: schema.pattern.source,
                    ...(schema.patternHint ? { patternErrorMessage: schema.patternHint } : {}),
                });
            return withDesc({ type: ['string', 'number', 'boolean'] });
        }
        case 'number': {
            const bounds = {
                ...(schema.min !== undefined ? { minimum: schema.min } : {}),
                ...(schema.max !== undefined ? { maximum: schema.max } : {}),
            };
            return orExpr({ type: schema.integer ? 'integer' : 'number', ...bounds }, {
                type: 'string',
                pattern: numberTextPattern(schema),
                patternErrorMessage: `expected ${describeKind(schema)}`,
            });
        }
        case 'bool':
            return orExpr({ type: 'boolean' }, { type: 'string', enum: [...BOOL_TEXT] });
        case 'duration':
            return orExpr({
                type: 'string',
                pattern: '^\\s*(?:(?:\\d+(?:\\.\\d+)?(?:ms|s|m|h))+|0)\\s*$',
                patternErrorMessage: 'expected a duration like "30s", "5m" or "1h30m"',
            }, { type: 'number', minimum: 0 });
        case 'list': {
            const arr = {
                type: 'array',
                items: toJsonSchema(schema.of, undefined, o),
                ...(schema.minItems ? { minItems: schema.minItems } : {}),
            };
            if (!schema.single)
                return orExpr(arr);
            // One value stands for a list of one (a mapping or a list does not).
            const one = toJsonSchema(schema.of, undefined, { expressions: false });
            return orExpr(arr, one);
        }
        case 'map':
            return orExpr({
                type: 'object',
                additionalProperties: toJsonSchema(schema.of, undefined, o),
            });
        case 'object': {
            const properties = {};
            for (const [k, f] of Object.entries(offered(schema.fields)))
                properties[k] = fieldJsonSchema(k, f, o);
            const required = Object.entries(schema.fields)
                .filter(([, f]) => f.required)
                .map(([k]) => k);
            return orExpr({
                type: 'object',
                properties,
                ...(required.length ? { required } : {}),
                additionalProperties: !!schema.open,
            });
        }
    }
}


/***/ }),

/***/ 81552:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   II: () => (/* binding */ loadSpec),
/* harmony export */   PP: () => (/* binding */ pluginSchema),
/* harmony export */   XE: () => (/* binding */ topSchema),
/* harmony export */   cY: () => (/* binding */ buildFields),
/* harmony export */   eF: () => (/* binding */ NAME_RE),
/* harmony export */   un: () => (/* binding */ variableSchema)
/* harmony export */ });
/* unused harmony export envOnly */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(17800);
/* harmony import */ var _load__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(11207);
/* harmony import */ var _schema__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(47280);
/* harmony import */ var _types__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(49518);
/* harmony import */ var _plugin_common__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(33268);
/* harmony import */ var _expr__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(58672);
/* harmony import */ var _packer_go_template__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(52629);
/* harmony import */ var _util_deep__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(26844);
/* harmony import */ var _trust_spec__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(90079);
/**
 * The spec's shape: top-level keys, and the checks that need the whole file (references
 * between sources and builds, plugin types). Everything here runs before anything is built.
 */










const NAME_RE = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
const variableSchema = _schema__WEBPACK_IMPORTED_MODULE_3__.s.object({
    type: (0,_schema__WEBPACK_IMPORTED_MODULE_3__/* .opt */ .m7)(_schema__WEBPACK_IMPORTED_MODULE_3__.s.string(), 'string, number, bool, any, object, list(T) or map(T)', 'string'),
    default: (0,_schema__WEBPACK_IMPORTED_MODULE_3__/* .opt */ .m7)(_schema__WEBPACK_IMPORTED_MODULE_3__.s.any(), 'value used when nothing else sets one; without it the variable is required'),
    description: (0,_schema__WEBPACK_IMPORTED_MODULE_3__/* .opt */ .m7)(_schema__WEBPACK_IMPORTED_MODULE_3__.s.string(), 'what the variable is for, shown by bake inspect'),
    sensitive: (0,_schema__WEBPACK_IMPORTED_MODULE_3__/* .opt */ .m7)(_schema__WEBPACK_IMPORTED_MODULE_3__.s.bool(), 'redact the value from logs, outputs, manifests and comments', false),
    nullable: (0,_schema__WEBPACK_IMPORTED_MODULE_3__/* .opt */ .m7)(_schema__WEBPACK_IMPORTED_MODULE_3__.s.bool(), 'allow null as a value', false),
    validation: (0,_schema__WEBPACK_IMPORTED_MODULE_3__/* .opt */ .m7)(_schema__WEBPACK_IMPORTED_MODULE_3__.s.list(_schema__WEBPACK_IMPORTED_MODULE_3__.s.object({
        condition: (0,_schema__WEBPACK_IMPORTED_MODULE_3__/* .req */ .DQ)(_schema__WEBPACK_IMPORTED_MODULE_3__.s.string(), 'an expression that must be true, e.g. ${length(var.region) > 0}'),
        error_message: (0,_schema__WEBPACK_IMPORTED_MODULE_3__/* .req */ .DQ)(_schema__WEBPACK_IMPORTED_MODULE_3__.s.string(), 'shown when the condition is false'),
    })), 'rules the value must pass: a condition and the error shown when it is false'),
});
const buildFields = {
    description: (0,_schema__WEBPACK_IMPORTED_MODULE_3__/* .opt */ .m7)(_schema__WEBPACK_IMPORTED_MODULE_3__.s.string(), 'what the build makes, for people reading the spec'),
    sources: (0,_schema__WEBPACK_IMPORTED_MODULE_3__/* .req */ .DQ)(_schema__WEBPACK_IMPORTED_MODULE_3__.s.list(_schema__WEBPACK_IMPORTED_MODULE_3__.s.string(), { minItems: 1 }), 'names of the sources this build runs'),
    provisioners: (0,_schema__WEBPACK_IMPORTED_MODULE_3__/* .opt */ .m7)(_schema__WEBPACK_IMPORTED_MODULE_3__.s.list(_schema__WEBPACK_IMPORTED_MODULE_3__.s.any()), 'steps that configure the machine, in order'),
    'post-processors': (0,_schema__WEBPACK_IMPORTED_MODULE_3__/* .opt */ .m7)(_schema__WEBPACK_IMPORTED_MODULE_3__.s.list(_schema__WEBPACK_IMPORTED_MODULE_3__.s.any()), 'what happens to the artifact; a nested list is a chain'),
    'error-cleanup-provisioner': (0,_schema__WEBPACK_IMPORTED_MODULE_3__/* .opt */ .m7)(_schema__WEBPACK_IMPORTED_MODULE_3__.s.any(), 'runs when a provisioner fails, before the machine is removed'),
    timeout: (0,_schema__WEBPACK_IMPORTED_MODULE_3__/* .opt */ .m7)(_schema__WEBPACK_IMPORTED_MODULE_3__.s.duration(), 'fail the whole build when it runs longer'),
    ..._trust_spec__WEBPACK_IMPORTED_MODULE_7__/* .trustBuildFields */ .qv,
};
const topSchema = _schema__WEBPACK_IMPORTED_MODULE_3__.s.object({
    plugins: (0,_schema__WEBPACK_IMPORTED_MODULE_3__/* .opt */ .m7)(_schema__WEBPACK_IMPORTED_MODULE_3__.s.list(_schema__WEBPACK_IMPORTED_MODULE_3__.s.string()), 'plugins from outside bake: module paths relative to the spec, or npm packages installed beside it'),
    variables: (0,_schema__WEBPACK_IMPORTED_MODULE_3__/* .opt */ .m7)(_schema__WEBPACK_IMPORTED_MODULE_3__.s.map(_schema__WEBPACK_IMPORTED_MODULE_3__.s.any()), 'inputs of the spec'),
    locals: (0,_schema__WEBPACK_IMPORTED_MODULE_3__/* .opt */ .m7)(_schema__WEBPACK_IMPORTED_MODULE_3__.s.map(_schema__WEBPACK_IMPORTED_MODULE_3__.s.any()), 'named values computed from variables and functions'),
    sources: (0,_schema__WEBPACK_IMPORTED_MODULE_3__/* .req */ .DQ)(_schema__WEBPACK_IMPORTED_MODULE_3__.s.map(_schema__WEBPACK_IMPORTED_MODULE_3__.s.any()), 'machines to build from: name → {type, ...}'),
    builds: (0,_schema__WEBPACK_IMPORTED_MODULE_3__/* .req */ .DQ)(_schema__WEBPACK_IMPORTED_MODULE_3__.s.map(_schema__WEBPACK_IMPORTED_MODULE_3__.s.any()), 'what to build: name → {sources, provisioners, post-processors}'),
});
/** A plugin's own schema plus `type` and the options every plugin of its kind takes. */
function pluginSchema(own, common) {
    if (own.kind !== 'object')
        return own;
    return { ...own, fields: { type: (0,_schema__WEBPACK_IMPORTED_MODULE_3__/* .req */ .DQ)(_schema__WEBPACK_IMPORTED_MODULE_3__.s.string()), ...common, ...own.fields } };
}
/**
 * Loads a spec file and checks everything that can be checked without evaluating it, against
 * the plugins in `registry` (which already holds the spec's own `plugins:`).
 */
function loadSpec(path, registry, file = (0,_load__WEBPACK_IMPORTED_MODULE_2__/* .loadYamlFile */ .Y3)(path, 'spec')) {
    const problems = [];
    const ctx = { file, problems, phase: 'raw' };
    if (file.value === null || file.value === undefined) {
        throw new _errors__WEBPACK_IMPORTED_MODULE_1__/* .SpecError */ .G8({
            message: `${path} is empty`,
            pos: { file: path, line: 1, col: 1 },
            hint: 'a spec needs at least `sources:` and `builds:`; see examples/ for a starting point',
        });
    }
    notASpec(file, path);
    (0,_schema__WEBPACK_IMPORTED_MODULE_3__/* .check */ .z6)(file.value, topSchema, '', ctx);
    if (problems.length)
        throw new _errors__WEBPACK_IMPORTED_MODULE_1__/* .SpecError */ .G8(problems);
    const top = file.value;
    for (const k of ['sources', 'builds'])
        if (Object.keys(top[k] ?? {}).length === 0)
            problems.push({
                message: `the spec has no ${k}, so it would build nothing`,
                path: k,
                pos: at0(file, k),
                hint: k === 'sources'
                    ? 'define a source, e.g. sources: {app: {type: docker, image: debian:bookworm}}'
                    : 'define a build, e.g. builds: {app: {sources: [app]}}',
            });
    if (problems.length)
        throw new _errors__WEBPACK_IMPORTED_MODULE_1__/* .SpecError */ .G8(problems);
    const spec = {
        file,
        path,
        dir: file.dir ?? (0,node_path__WEBPACK_IMPORTED_MODULE_0__.dirname)(path),
        variables: (top.variables ?? {}),
        locals: top.locals ?? {},
        sources: (top.sources ?? {}),
        builds: (top.builds ?? {}),
        registry,
    };
    const at = (p, key = false) => (0,_schema__WEBPACK_IMPORTED_MODULE_3__/* .positionOf */ .df)(file, p, key);
    for (const [name, decl] of Object.entries(spec.variables)) {
        const p = (0,_load__WEBPACK_IMPORTED_MODULE_2__/* .joinPath */ .uJ)('variables', name);
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
            problems.push({
                message: `variable name "${name}" is not valid`,
                path: p,
                pos: at(p, true),
                hint: 'use letters, digits and _ (it is referenced as var.NAME)',
            });
        }
        (0,_schema__WEBPACK_IMPORTED_MODULE_3__/* .check */ .z6)(decl, variableSchema, p, ctx);
        // A variable is an input: what it is cannot be computed (locals compute values).
        if (decl && typeof decl === 'object')
            for (const k of ['type', 'default', 'sensitive', 'nullable', 'description']) {
                const v = decl[k];
                // Packer's one exception: env() in a default reads the environment.
                if (k === 'default' && envOnly(v))
                    continue;
                if (containsTemplate(v))
                    problems.push({
                        message: `an expression is not allowed in a variable's ${k}`,
                        path: (0,_load__WEBPACK_IMPORTED_MODULE_2__/* .joinPath */ .uJ)(p, k),
                        pos: at((0,_load__WEBPACK_IMPORTED_MODULE_2__/* .joinPath */ .uJ)(p, k)),
                        hint: k === 'default'
                            ? 'write the default out (env("NAME") is the one function a default may call), or compute the value in locals from the variable'
                            : `write ${k} out`,
                    });
            }
        const t = decl && typeof decl === 'object' ? decl.type : undefined;
        if (typeof t === 'string' && !(0,_types__WEBPACK_IMPORTED_MODULE_4__/* .parseVarType */ .$F)(t)) {
            problems.push({
                message: `unknown variable type "${t}"`,
                path: (0,_load__WEBPACK_IMPORTED_MODULE_2__/* .joinPath */ .uJ)(p, 'type'),
                pos: at((0,_load__WEBPACK_IMPORTED_MODULE_2__/* .joinPath */ .uJ)(p, 'type')),
                hint: 'use string, number, bool, any, object, list(T) or map(T)',
            });
        }
    }
    for (const name of Object.keys(spec.locals)) {
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
            const p = (0,_load__WEBPACK_IMPORTED_MODULE_2__/* .joinPath */ .uJ)('locals', name);
            problems.push({
                message: `local name "${name}" is not valid`,
                path: p,
                pos: at(p, true),
                hint: 'use letters, digits and _ (it is referenced as local.NAME)',
            });
        }
    }
    for (const [name, src] of Object.entries(spec.sources)) {
        const p = (0,_load__WEBPACK_IMPORTED_MODULE_2__/* .joinPath */ .uJ)('sources', name);
        if (!NAME_RE.test(name))
            problems.push({
                message: `source name "${name}" is not valid`,
                path: p,
                pos: at(p, true),
                hint: 'use letters, digits, - and _',
            });
        if (!src || typeof src !== 'object' || Array.isArray(src)) {
            problems.push({
                message: 'a source is a mapping with a type, e.g. {type: docker, image: debian:bookworm}',
                path: p,
                pos: at(p),
            });
            continue;
        }
        // `type: null` is YAML's null, and can only mean Packer's null builder.
        if ('type' in src && src.type === null)
            src.type = 'null';
        const type = src.type;
        if (typeof type !== 'string') {
            problems.push({
                message: 'missing required key "type"',
                path: p,
                pos: at(p),
                hint: `builder types: ${registry.types('builder').join(', ')}`,
            });
            continue;
        }
        const info = registry.get('builder', type);
        if (!info) {
            const near = (0,_errors__WEBPACK_IMPORTED_MODULE_1__/* .didYouMean */ .au)(type, registry.types('builder'));
            problems.push({
                message: `unknown builder type "${type}"`,
                path: (0,_load__WEBPACK_IMPORTED_MODULE_2__/* .joinPath */ .uJ)(p, 'type'),
                pos: at((0,_load__WEBPACK_IMPORTED_MODULE_2__/* .joinPath */ .uJ)(p, 'type')),
                hint: near
                    ? `did you mean "${near}"?`
                    : `builder types: ${registry.types('builder').join(', ')}`,
            });
            continue;
        }
        (0,_schema__WEBPACK_IMPORTED_MODULE_3__/* .check */ .z6)(src, pluginSchema(info.schema, _plugin_common__WEBPACK_IMPORTED_MODULE_5__/* .sourceCommon */ .dq), p, ctx);
        if (src.name !== undefined && src.for_each === undefined)
            problems.push({
                message: 'name is for a source with for_each; a source is named by its key',
                path: (0,_load__WEBPACK_IMPORTED_MODULE_2__/* .joinPath */ .uJ)(p, 'name'),
                pos: at((0,_load__WEBPACK_IMPORTED_MODULE_2__/* .joinPath */ .uJ)(p, 'name'), true),
                hint: `remove name, or add for_each to make one instance per element`,
            });
    }
    for (const [name, build] of Object.entries(spec.builds)) {
        const p = (0,_load__WEBPACK_IMPORTED_MODULE_2__/* .joinPath */ .uJ)('builds', name);
        if (!NAME_RE.test(name))
            problems.push({
                message: `build name "${name}" is not valid`,
                path: p,
                pos: at(p, true),
                hint: 'use letters, digits, - and _',
            });
        (0,_schema__WEBPACK_IMPORTED_MODULE_3__/* .check */ .z6)(build, _schema__WEBPACK_IMPORTED_MODULE_3__.s.object(buildFields), p, ctx);
        if (!build || typeof build !== 'object' || Array.isArray(build))
            continue;
        const srcNames = Array.isArray(build.sources) ? build.sources.map(String) : [];
        srcNames.forEach((sn, i) => {
            if (!(sn in spec.sources)) {
                const sp = (0,_load__WEBPACK_IMPORTED_MODULE_2__/* .joinPath */ .uJ)((0,_load__WEBPACK_IMPORTED_MODULE_2__/* .joinPath */ .uJ)(p, 'sources'), i);
                const near = (0,_errors__WEBPACK_IMPORTED_MODULE_1__/* .didYouMean */ .au)(sn, Object.keys(spec.sources));
                problems.push({
                    message: `build "${name}" uses source "${sn}", which is not defined`,
                    path: sp,
                    pos: at(sp),
                    hint: near
                        ? `did you mean "${near}"?`
                        : `defined sources: ${Object.keys(spec.sources).join(', ') || 'none'}`,
                });
            }
        });
        const provs = Array.isArray(build.provisioners) ? build.provisioners : [];
        provs.forEach((pv, i) => checkPlugin(pv, (0,_load__WEBPACK_IMPORTED_MODULE_2__/* .joinPath */ .uJ)((0,_load__WEBPACK_IMPORTED_MODULE_2__/* .joinPath */ .uJ)(p, 'provisioners'), i), 'provisioner', registry, ctx));
        if (build['error-cleanup-provisioner'] !== undefined)
            checkPlugin(build['error-cleanup-provisioner'], (0,_load__WEBPACK_IMPORTED_MODULE_2__/* .joinPath */ .uJ)(p, 'error-cleanup-provisioner'), 'provisioner', registry, ctx);
        const pps = Array.isArray(build['post-processors'])
            ? build['post-processors']
            : [];
        pps.forEach((pp, i) => {
            const pp0 = (0,_load__WEBPACK_IMPORTED_MODULE_2__/* .joinPath */ .uJ)((0,_load__WEBPACK_IMPORTED_MODULE_2__/* .joinPath */ .uJ)(p, 'post-processors'), i);
            if (Array.isArray(pp))
                pp.forEach((x, j) => checkPlugin(x, (0,_load__WEBPACK_IMPORTED_MODULE_2__/* .joinPath */ .uJ)(pp0, j), 'post-processor', registry, ctx));
            else
                checkPlugin(pp, pp0, 'post-processor', registry, ctx);
        });
        (0,_trust_spec__WEBPACK_IMPORTED_MODULE_7__/* .checkTrustBlocks */ .Xv)(build, p, ctx);
    }
    checkExpressions(file.value, '', ctx.problems, file);
    if (problems.length)
        throw new _errors__WEBPACK_IMPORTED_MODULE_1__/* .SpecError */ .G8(problems);
    return spec;
}
function at0(file, p) {
    return (0,_schema__WEBPACK_IMPORTED_MODULE_3__/* .positionOf */ .df)(file, p, true);
}
/** A file whose top level is not a mapping is not a spec, whatever it parsed as. */
function notASpec(file, path) {
    const v = file.value;
    if (v && typeof v === 'object' && !Array.isArray(v))
        return;
    const text = typeof v === 'string' ? v : '';
    const hcl = /(^|\n)\s*(source|build|variable|packer|locals)\s*("[^"]*"\s*)*\{/.test(text);
    throw new _errors__WEBPACK_IMPORTED_MODULE_1__/* .SpecError */ .G8({
        message: `${path} is not a spec: its top level is ${Array.isArray(v) ? 'a list' : typeof v === 'string' ? 'a string' : `the ${typeof v} ${String(v)}`}, not a mapping of sources and builds`,
        pos: file.positions.get('') ?? { file: path, line: 1, col: 1 },
        hint: hcl
            ? 'this looks like a Packer HCL template: name it *.pkr.hcl (or pass its directory) and bake reads it as one'
            : 'a spec is a YAML mapping with `sources:` and `builds:`; see examples/ for a starting point',
    });
}
function checkPlugin(value, path, kind, registry, ctx) {
    const common = kind === 'provisioner' ? _plugin_common__WEBPACK_IMPORTED_MODULE_5__/* .provisionerCommon */ .Qy : _plugin_common__WEBPACK_IMPORTED_MODULE_5__/* .postProcessorCommon */ .W4;
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
        ctx.problems.push({
            message: `a ${kind} is a mapping with a type, e.g. {type: shell, inline: [...]}`,
            path,
            pos: (0,_schema__WEBPACK_IMPORTED_MODULE_3__/* .positionOf */ .df)(ctx.file, path),
        });
        return;
    }
    const type = value.type;
    if (typeof type !== 'string') {
        ctx.problems.push({
            message: `missing required key "type"`,
            path,
            pos: (0,_schema__WEBPACK_IMPORTED_MODULE_3__/* .positionOf */ .df)(ctx.file, path),
            hint: `${kind} types: ${registry.types(kind).join(', ')}`,
        });
        return;
    }
    const info = registry.get(kind, type);
    if (!info) {
        const near = (0,_errors__WEBPACK_IMPORTED_MODULE_1__/* .didYouMean */ .au)(type, registry.types(kind));
        const tp = (0,_load__WEBPACK_IMPORTED_MODULE_2__/* .joinPath */ .uJ)(path, 'type');
        ctx.problems.push({
            message: `unknown ${kind} type "${type}"`,
            path: tp,
            pos: (0,_schema__WEBPACK_IMPORTED_MODULE_3__/* .positionOf */ .df)(ctx.file, tp),
            hint: near ? `did you mean "${near}"?` : `${kind} types: ${registry.types(kind).join(', ')}`,
        });
        return;
    }
    (0,_schema__WEBPACK_IMPORTED_MODULE_3__/* .check */ .z6)(value, pluginSchema(info.schema, common), path, ctx);
}
/** A value whose expressions call env() on literals and nothing else (no var., no local.). */
function envOnly(v) {
    if (!containsTemplate(v))
        return false;
    const ok = (e) => {
        switch (e.t) {
            case 'lit':
                return true;
            case 'tpl':
                return e.parts.every((p) => typeof p === 'string' || ok(p));
            case 'call':
                return e.name === 'env' && e.args.every(ok);
            case 'bin':
                return ok(e.l) && ok(e.r);
            case 'un':
                return ok(e.e);
            case 'cond':
                return ok(e.c) && ok(e.a) && ok(e.b);
            case 'list':
                return e.items.every(ok);
            case 'obj':
                return e.entries.every(([a, b]) => ok(a) && ok(b));
            default:
                return false;
        }
    };
    const walk = (x) => {
        if (typeof x === 'string') {
            if (!(0,_expr__WEBPACK_IMPORTED_MODULE_6__/* .hasTemplate */ .rJ)(x))
                return true;
            try {
                return ok((0,_expr__WEBPACK_IMPORTED_MODULE_6__/* .parseTemplate */ .QC)(x));
            }
            catch {
                return false;
            }
        }
        if (Array.isArray(x))
            return x.every(walk);
        if (x && typeof x === 'object')
            return Object.values(x).every(walk);
        return true;
    };
    return walk(v);
}
function containsTemplate(v) {
    return (0,_util_deep__WEBPACK_IMPORTED_MODULE_8__/* .someString */ .o)(v, _expr__WEBPACK_IMPORTED_MODULE_6__/* .hasTemplate */ .rJ);
}
/** Parses every `${...}` once up front so that syntax errors are reported with the rest. */
function checkExpressions(value, path, problems, file) {
    if (typeof value === 'string') {
        // cd_content's files are named by their keys: the setting is the map around them.
        const key = /\.cd_content(\.[\w-]+|\[".*"\])$/.test(path)
            ? 'cd_content'
            : (/([A-Za-z0-9_-]+)(\[\d+\])*$/.exec(path)?.[1] ?? '');
        for (const a of (0,_packer_go_template__WEBPACK_IMPORTED_MODULE_9__/* .packerActionsIn */ .Zk)(value, key))
            problems.push({
                message: `${a.text} is Packer's template syntax, which bake does not expand (it would stay as text)`,
                path,
                pos: (0,_schema__WEBPACK_IMPORTED_MODULE_3__/* .positionOf */ .df)(file, path),
                hint: a.expr
                    ? `write \${${a.expr}} instead`
                    : `${a.error ?? 'it has no bake equivalent'}; see docs/coming-from-packer.md`,
            });
        if (!(0,_expr__WEBPACK_IMPORTED_MODULE_6__/* .hasTemplate */ .rJ)(value))
            return;
        try {
            (0,_expr__WEBPACK_IMPORTED_MODULE_6__/* .parseTemplate */ .QC)(value);
        }
        catch (e) {
            if (!(e instanceof _expr__WEBPACK_IMPORTED_MODULE_6__/* .ExprError */ ._M))
                throw e;
            problems.push({
                message: `${e.message} in ${JSON.stringify(value.length > 60 ? value.slice(0, 60) + '…' : value)} at offset ${e.at}`,
                path,
                pos: (0,_schema__WEBPACK_IMPORTED_MODULE_3__/* .positionOf */ .df)(file, path),
                hint: e.hint,
            });
        }
        return;
    }
    if (Array.isArray(value))
        value.forEach((v, i) => checkExpressions(v, (0,_load__WEBPACK_IMPORTED_MODULE_2__/* .joinPath */ .uJ)(path, i), problems, file));
    else if (value && typeof value === 'object')
        for (const [k, v] of Object.entries(value))
            checkExpressions(v, (0,_load__WEBPACK_IMPORTED_MODULE_2__/* .joinPath */ .uJ)(path, k), problems, file);
}


/***/ }),

/***/ 49518:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $F: () => (/* binding */ parseVarType),
/* harmony export */   dC: () => (/* binding */ convertToType),
/* harmony export */   zH: () => (/* binding */ showVarType)
/* harmony export */ });
/* harmony import */ var _expr__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58672);

function parseVarType(text) {
    const t = text.replace(/\s+/g, '');
    if (t === 'string' || t === 'number' || t === 'bool' || t === 'any' || t === 'object')
        return { k: t };
    const m = /^(list|map|set)\((.*)\)$/.exec(t);
    if (m) {
        const of = m[2] === '' ? { k: 'any' } : parseVarType(m[2]);
        if (!of)
            return undefined;
        if (m[1] === 'set')
            return { k: 'list', of, set: true };
        return { k: m[1] === 'map' ? 'map' : 'list', of };
    }
    return undefined;
}
function showVarType(t) {
    if (t.k === 'list' && t.set)
        return `set(${showVarType(t.of)})`;
    return t.k === 'list' || t.k === 'map' ? `${t.k}(${showVarType(t.of)})` : t.k;
}
/**
 * Converts a value to a declared type. Strings from the environment or the command line
 * convert the way a user expects ("3" to 3, "true" to true, JSON or YAML flow for lists).
 * Returns an error message, or the converted value. The message of a sensitive value names
 * its type only, never its text.
 */
function convertToType(value, type, fromText, sensitive = false) {
    const fail = (what) => ({
        ok: false,
        error: `expected ${what}, got ${describe(value, sensitive)}`,
    });
    switch (type.k) {
        case 'any':
            return { ok: true, value };
        case 'string':
            if (typeof value === 'string')
                return { ok: true, value };
            if (typeof value === 'number' || typeof value === 'boolean')
                return { ok: true, value: String(value) };
            return fail('a string');
        case 'number': {
            if (typeof value === 'number')
                return { ok: true, value };
            if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value)))
                return { ok: true, value: Number(value) };
            return fail('a number');
        }
        case 'bool':
            if (typeof value === 'boolean')
                return { ok: true, value };
            if (value === 'true' || value === 'false')
                return { ok: true, value: value === 'true' };
            return fail('true or false');
        case 'list':
        case 'map':
        case 'object': {
            let v = value;
            if (fromText && typeof v === 'string') {
                const parsed = parsedText(v);
                if (parsed === undefined)
                    return {
                        ok: false,
                        error: `expected ${type.k === 'list' ? 'a list' : 'a map'} written as JSON or HCL, like ${type.k === 'list' ? '["a","b"]' : '{"k":"v"} or {k = "v"}'}, got ${describe(value, sensitive)}`,
                    };
                v = parsed;
            }
            if (type.k === 'list') {
                if (!Array.isArray(v))
                    return fail('a list');
                const out = [];
                for (const [i, x] of v.entries()) {
                    const r = convertToType(x, type.of, false, sensitive);
                    if (!r.ok)
                        return { ok: false, error: `element ${i}: ${r.error}` };
                    out.push(r.value);
                }
                if (type.set) {
                    // One of each, in HCL's order, and keyed by value in a for_each.
                    const seen = new Set();
                    const one = out.filter((x) => !seen.has(JSON.stringify(x)) && seen.add(JSON.stringify(x)));
                    if (one.every((x) => typeof x === 'string'))
                        one.sort();
                    return { ok: true, value: (0,_expr__WEBPACK_IMPORTED_MODULE_0__/* .asSet */ .pZ)(one) };
                }
                return { ok: true, value: out };
            }
            if (v === null || typeof v !== 'object' || Array.isArray(v))
                return fail(type.k === 'map' ? 'a map' : 'an object');
            if (type.k === 'object')
                return { ok: true, value: v };
            const of = type.of;
            const out = {};
            for (const [k, x] of Object.entries(v)) {
                const r = convertToType(x, of, false, sensitive);
                if (!r.ok)
                    return { ok: false, error: `key "${k}": ${r.error}` };
                out[k] = r.value;
            }
            return { ok: true, value: out };
        }
    }
}
function describe(v, sensitive = false) {
    if (v === null || v === undefined)
        return 'null';
    if (Array.isArray(v))
        return 'a list';
    if (typeof v === 'object')
        return 'a map';
    if (sensitive)
        return `a sensitive ${typeof v === 'string' ? 'string' : typeof v}`;
    if (typeof v === 'string')
        return `"${v.length > 40 ? v.slice(0, 40) + '…' : v}"`;
    return String(v);
}
/**
 * A list or map given as text (--var, an environment variable): JSON, or an HCL literal as
 * Packer reads -var (`{a = "q", b = 3}`), with no references and no functions.
 */
function parsedText(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        // not JSON: HCL's own syntax, below
    }
    try {
        const none = () => undefined;
        return (0,_expr__WEBPACK_IMPORTED_MODULE_0__/* .evaluate */ ._3)((0,_expr__WEBPACK_IMPORTED_MODULE_0__/* .parseExpression */ .YK)(text), {
            attr: none,
            root: none,
            call: () => {
                throw new Error('no functions here');
            },
        });
    }
    catch {
        return undefined;
    }
}


/***/ }),

/***/ 90079:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D1: () => (/* binding */ checkSchemaOf),
/* harmony export */   KR: () => (/* binding */ SCANNERS),
/* harmony export */   Xv: () => (/* binding */ checkTrustBlocks),
/* harmony export */   ZU: () => (/* binding */ scannerType),
/* harmony export */   _X: () => (/* binding */ checkCommon),
/* harmony export */   qv: () => (/* binding */ trustBuildFields),
/* harmony export */   rM: () => (/* binding */ scannerSchemaOf),
/* harmony export */   ui: () => (/* binding */ CHECKS),
/* harmony export */   wW: () => (/* binding */ checkTypeOf),
/* harmony export */   xQ: () => (/* binding */ scanCommon)
/* harmony export */ });
/* unused harmony exports sbomSchema, checkType, checkTypeIn, scannerTypeIn */
/* harmony import */ var _spec_errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(17800);
/* harmony import */ var _spec_load__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(11207);
/* harmony import */ var _spec_schema__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(47280);
/**
 * The trust blocks of a build, as the spec writes them: `tests:` (checks of the finished
 * machine), `sbom:` (its bill of materials) and `scan:` (scanners with a severity gate). A
 * check is named by the one key that says what it checks (`package: openssh-server`,
 * `file: /etc/issue`, `port: 22`), the way goss and serverspec read; a scanner is a `type:`
 * with its settings, like a provisioner. The same validator, errors and editor schema serve
 * them all.
 */



const only = (0,_spec_schema__WEBPACK_IMPORTED_MODULE_2__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_2__.s.list(_spec_schema__WEBPACK_IMPORTED_MODULE_2__.s.string(), { single: true }), 'run only for these sources (globs)');
const except = (0,_spec_schema__WEBPACK_IMPORTED_MODULE_2__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_2__.s.list(_spec_schema__WEBPACK_IMPORTED_MODULE_2__.s.string(), { single: true }), 'skip these sources (globs)');
/** Settings every check takes. */
const checkCommon = {
    name: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_2__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_2__.s.string(), 'a label for the results table (default: the type and what it checks)'),
    only,
    except,
};
const regexList = (what) => (0,_spec_schema__WEBPACK_IMPORTED_MODULE_2__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_2__.s.list(_spec_schema__WEBPACK_IMPORTED_MODULE_2__.s.string(), { single: true }), `regular expressions (JavaScript syntax; ^ and $ match at each line) that must each match ${what}`);
const CHECKS = [
    {
        type: 'package',
        description: 'a package is installed (dpkg, rpm or apk), optionally at a version',
        schema: _spec_schema__WEBPACK_IMPORTED_MODULE_2__.s.object({
            package: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_2__/* .req */ .DQ)(_spec_schema__WEBPACK_IMPORTED_MODULE_2__.s.string(), 'the package name', 'openssh-server'),
            installed: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_2__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_2__.s.bool(), 'false: the package must not be installed', true),
            version: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_2__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_2__.s.string({
                pattern: /^\s*(=|==|!=|<=|>=|<|>)?\s*\S+\s*$/,
                patternHint: 'a version, optionally after one of = != < <= > >=, e.g. ">= 1:9.2"',
            }), 'the installed version, or a constraint such as ">= 9.2" (compared the way dpkg does)', undefined, '>= 1:9.2'),
        }),
    },
    {
        type: 'file',
        description: 'a file or directory exists with a mode, owner and contents',
        schema: _spec_schema__WEBPACK_IMPORTED_MODULE_2__.s.object({
            file: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_2__/* .req */ .DQ)(_spec_schema__WEBPACK_IMPORTED_MODULE_2__.s.string(), 'absolute path in the machine', '/etc/ssh/sshd_config'),
            exists: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_2__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_2__.s.bool(), 'false: nothing may be at the path', true),
            filetype: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_2__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_2__.s.enum(['file', 'directory', 'symlink']), 'what must be at the path'),
            mode: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_2__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_2__.s.string({
                pattern: /^0?[0-7]{3,4}$/,
                patternHint: 'octal permission bits, written as a string: "0644"',
            }), 'permission bits in octal, e.g. "0600"', undefined, '0600'),
            owner: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_2__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_2__.s.string(), 'the owning user name'),
            group: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_2__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_2__.s.string(), 'the owning group name'),
            contains: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_2__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_2__.s.list(_spec_schema__WEBPACK_IMPORTED_MODULE_2__.s.string(), { single: true }), 'literal lines or fragments the file must contain'),
            not_contains: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_2__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_2__.s.list(_spec_schema__WEBPACK_IMPORTED_MODULE_2__.s.string(), { single: true }), 'literal fragments the file must not contain'),
            matches: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_2__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_2__.s.list(_spec_schema__WEBPACK_IMPORTED_MODULE_2__.s.string(), { single: true }), 'extended regular expressions (grep -E) each line-matching somewhere in the file'),
            sha256: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_2__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_2__.s.string({ pattern: /^[0-9a-fA-F]{64}$/, patternHint: '64 hexadecimal digits' }), 'the file content hash'),
        }),
    },
    {
        type: 'command',
        description: 'a command exits with a status and prints what it should',
        schema: _spec_schema__WEBPACK_IMPORTED_MODULE_2__.s.object({
            command: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_2__/* .req */ .DQ)(_spec_schema__WEBPACK_IMPORTED_MODULE_2__.s.string(), 'run with /bin/sh -c in the machine', 'sshd -T'),
            exit_status: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_2__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_2__.s.int(0, 255), 'the exit status it must end with', 0),
            stdout: regexList('its standard output'),
            stderr: regexList('its standard error'),
            timeout: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_2__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_2__.s.duration(), 'fail the check when the command runs longer', '60s'),
        }),
    },
    {
        type: 'service',
        description: 'a systemd service is enabled and running (skipped where systemd does not run)',
        schema: _spec_schema__WEBPACK_IMPORTED_MODULE_2__.s.object({
            service: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_2__/* .req */ .DQ)(_spec_schema__WEBPACK_IMPORTED_MODULE_2__.s.string(), 'the unit name; ".service" may be left out', 'ssh'),
            enabled: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_2__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_2__.s.bool(), 'whether it starts at boot'),
            running: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_2__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_2__.s.bool(), 'whether it is active now'),
        }),
    },
    {
        type: 'user',
        description: 'a user exists with its uid, groups, home and shell',
        schema: _spec_schema__WEBPACK_IMPORTED_MODULE_2__.s.object({
            user: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_2__/* .req */ .DQ)(_spec_schema__WEBPACK_IMPORTED_MODULE_2__.s.string(), 'the user name', 'app'),
            exists: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_2__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_2__.s.bool(), 'false: the user must not exist', true),
            uid: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_2__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_2__.s.int(0, 4294967294), 'its user id'),
            gid: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_2__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_2__.s.int(0, 4294967294), 'its primary group id'),
            groups: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_2__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_2__.s.list(_spec_schema__WEBPACK_IMPORTED_MODULE_2__.s.string(), { single: true }), 'groups it must be a member of'),
            home: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_2__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_2__.s.string(), 'its home directory'),
            shell: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_2__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_2__.s.string(), 'its login shell'),
        }),
    },
    {
        type: 'group',
        description: 'a group exists with its gid',
        schema: _spec_schema__WEBPACK_IMPORTED_MODULE_2__.s.object({
            group: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_2__/* .req */ .DQ)(_spec_schema__WEBPACK_IMPORTED_MODULE_2__.s.string(), 'the group name', 'app'),
            exists: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_2__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_2__.s.bool(), 'false: the group must not exist', true),
            gid: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_2__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_2__.s.int(0, 4294967294), 'its group id'),
        }),
    },
    {
        type: 'port',
        description: 'something listens on a port (read from /proc/net)',
        schema: _spec_schema__WEBPACK_IMPORTED_MODULE_2__.s.object({
            port: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_2__/* .req */ .DQ)(_spec_schema__WEBPACK_IMPORTED_MODULE_2__.s.int(1, 65535), 'the port number', 22),
            protocol: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_2__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_2__.s.enum(['tcp', 'udp']), 'tcp or udp', 'tcp'),
            listening: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_2__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_2__.s.bool(), 'false: nothing may listen on it', true),
            address: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_2__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_2__.s.string(), 'the address it must be bound to, e.g. 127.0.0.1, 0.0.0.0 or :: (default: any)'),
        }),
    },
    {
        type: 'sysctl',
        description: 'a kernel parameter has a value (read from /proc/sys)',
        schema: _spec_schema__WEBPACK_IMPORTED_MODULE_2__.s.object({
            sysctl: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_2__/* .req */ .DQ)(_spec_schema__WEBPACK_IMPORTED_MODULE_2__.s.string({ pattern: /^[A-Za-z0-9_.-]+$/ }), 'the key', 'net.ipv4.ip_forward'),
            value: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_2__/* .req */ .DQ)(_spec_schema__WEBPACK_IMPORTED_MODULE_2__.s.string(), 'the value it must have (blanks between fields do not count)', '0'),
        }),
    },
    {
        type: 'http',
        description: 'a URL answers from inside the machine (with curl or wget there)',
        schema: _spec_schema__WEBPACK_IMPORTED_MODULE_2__.s.object({
            http: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_2__/* .req */ .DQ)(_spec_schema__WEBPACK_IMPORTED_MODULE_2__.s.string({ pattern: /^https?:\/\//, patternHint: 'an http:// or https:// URL' }), 'the URL', 'http://127.0.0.1/'),
            status: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_2__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_2__.s.int(100, 599), 'the HTTP status it must answer with', 200),
            body: regexList('the response body'),
            timeout: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_2__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_2__.s.duration(), 'fail the check when there is no answer by then', '10s'),
            insecure: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_2__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_2__.s.bool(), 'accept a certificate that does not verify', false),
        }),
    },
];
/** The ignore list and threshold every scanner takes. */
const scanCommon = {
    name: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_2__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_2__.s.string(), 'a label for the results (default: the type)'),
    only,
    except,
    fail_on: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_2__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_2__.s.enum(['critical', 'high', 'medium', 'low', 'never']), 'fail the build on any finding of this severity or worse that is not ignored', 'high'),
    ignore: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_2__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_2__.s.list(_spec_schema__WEBPACK_IMPORTED_MODULE_2__.s.object({
        id: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_2__/* .req */ .DQ)(_spec_schema__WEBPACK_IMPORTED_MODULE_2__.s.string(), 'the finding: a CVE or GHSA id, a lynis test id, an XCCDF rule id'),
        reason: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_2__/* .req */ .DQ)(_spec_schema__WEBPACK_IMPORTED_MODULE_2__.s.string(), 'why it is acceptable, kept in the results'),
        until: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_2__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_2__.s.string({
            pattern: /^\d{4}-\d{2}-\d{2}$/,
            patternHint: 'a date written YYYY-MM-DD',
        }), 'the last day the rule applies (YYYY-MM-DD); after it the finding counts again, with a warning'),
    })), 'findings that do not fail the build, each with its reason'),
};
const SCANNERS = [
    {
        type: 'lynis',
        description: "lynis' hardening audit, run from a temporary directory in the machine and removed",
        schema: _spec_schema__WEBPACK_IMPORTED_MODULE_2__.s.object({
            min_index: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_2__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_2__.s.int(0, 100), 'fail when the hardening index is below this', undefined, 70),
            tests: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_2__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_2__.s.list(_spec_schema__WEBPACK_IMPORTED_MODULE_2__.s.string(), { single: true }), 'run only these lynis tests (ids such as SSH-7408)'),
        }),
    },
    {
        type: 'oscap',
        description: 'an OpenSCAP XCCDF evaluation of a datastream profile; ARF results and the HTML report are kept',
        schema: _spec_schema__WEBPACK_IMPORTED_MODULE_2__.s.object({
            datastream: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_2__/* .req */ .DQ)(_spec_schema__WEBPACK_IMPORTED_MODULE_2__.s.string(), 'the SCAP source datastream, a file beside the spec', 'ssg-debian12-ds.xml'),
            profile: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_2__/* .req */ .DQ)(_spec_schema__WEBPACK_IMPORTED_MODULE_2__.s.string(), 'the XCCDF profile id', 'xccdf_org.ssgproject.content_profile_standard'),
            tailoring: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_2__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_2__.s.string(), 'an XCCDF tailoring file beside the spec'),
        }),
    },
    {
        type: 'trivy',
        description: "trivy's vulnerability scan of the build's SBOM, on the runner",
        schema: _spec_schema__WEBPACK_IMPORTED_MODULE_2__.s.object({}),
    },
    {
        type: 'grype',
        description: "grype's vulnerability scan of the build's SBOM, on the runner",
        schema: _spec_schema__WEBPACK_IMPORTED_MODULE_2__.s.object({}),
    },
];
const sbomSchema = _spec_schema__WEBPACK_IMPORTED_MODULE_2__.s.object({
    format: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_2__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_2__.s.enum(['cyclonedx', 'spdx']), 'CycloneDX 1.6 JSON or SPDX 2.3 JSON', 'cyclonedx'),
    output: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_2__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_2__.s.string(), 'where the SBOM is written, relative to the spec (default: <reports_directory>/sbom.cdx.json or sbom.spdx.json)'),
});
/** The build keys the trust blocks add. */
const trustBuildFields = {
    tests: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_2__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_2__.s.list(_spec_schema__WEBPACK_IMPORTED_MODULE_2__.s.any()), 'checks of the provisioned machine, run before the image is captured; any failure fails the build'),
    sbom: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_2__/* .opt */ .m7)(sbomSchema, "write the machine's software bill of materials, read from its package databases"),
    scan: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_2__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_2__.s.list(_spec_schema__WEBPACK_IMPORTED_MODULE_2__.s.any()), 'scanners run before capture, each with a severity gate'),
    reports_directory: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_2__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_2__.s.string(), 'where test results, scanner reports and the SBOM are written, relative to the spec (default: bake-reports/<build>.<source>)'),
};
function checkType(type) {
    return CHECKS.find((c) => c.type === type);
}
function scannerType(type) {
    return SCANNERS.find((c) => c.type === type);
}
const CHECK_TYPES = CHECKS.map((c) => c.type);
/** The schema a check is validated with: its own settings and the common ones. */
function checkSchemaOf(t) {
    return t.schema.kind === 'object'
        ? { ...t.schema, fields: { ...checkCommon, ...t.schema.fields } }
        : t.schema;
}
/** The schema a scanner is validated with: `type`, the gate's settings and its own. */
function scannerSchemaOf(t) {
    return t.schema.kind === 'object'
        ? { ...t.schema, fields: { type: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_2__/* .req */ .DQ)(_spec_schema__WEBPACK_IMPORTED_MODULE_2__.s.string()), ...scanCommon, ...t.schema.fields } }
        : t.schema;
}
/**
 * The keys that name a check type, leaving out one that is a setting of another named type
 * (`group:` of a file check is its group, not a group check).
 */
function namedTypes(keys) {
    const named = keys.filter((k) => CHECK_TYPES.includes(k));
    return named.filter((k) => !named.some((other) => {
        const sc = other !== k ? checkType(other)?.schema : undefined;
        return sc?.kind === 'object' && k in sc.fields;
    }));
}
/** The check type of a written check, when it names exactly one. */
function checkTypeOf(raw) {
    const named = namedTypes(Object.keys(raw));
    return named.length === 1 ? checkType(named[0]) : undefined;
}
/**
 * What a check checks: the one key of it that names a check type. Says what is wrong (none,
 * or two) as one problem.
 */
function checkTypeIn(value, path, ctx) {
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
        ctx.problems.push({
            message: 'a test is a mapping that names what it checks, e.g. {package: openssh-server}',
            path,
            pos: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_2__/* .positionOf */ .df)(ctx.file, path),
            hint: `checks: ${CHECK_TYPES.join(', ')}`,
        });
        return undefined;
    }
    const keys = Object.keys(value);
    const named = namedTypes(keys);
    if ('type' in value) {
        const tp = (0,_spec_load__WEBPACK_IMPORTED_MODULE_1__/* .joinPath */ .uJ)(path, 'type');
        ctx.problems.push({
            message: 'a test is named by what it checks, not by `type`',
            path: tp,
            pos: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_2__/* .positionOf */ .df)(ctx.file, tp, true),
            hint: 'write e.g. `- package: openssh-server` or `- file: /etc/issue`',
        });
        return undefined;
    }
    if (named.length === 1)
        return checkType(named[0]);
    if (named.length > 1) {
        const second = (0,_spec_load__WEBPACK_IMPORTED_MODULE_1__/* .joinPath */ .uJ)(path, named[1]);
        ctx.problems.push({
            message: `a test checks one thing, and this one names ${named.map((k) => `"${k}"`).join(' and ')}`,
            path: second,
            pos: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_2__/* .positionOf */ .df)(ctx.file, second, true),
            hint: 'write each check as its own list item',
        });
        return undefined;
    }
    const near = keys.map((k) => (0,_spec_errors__WEBPACK_IMPORTED_MODULE_0__/* .didYouMean */ .au)(k, CHECK_TYPES)).find(Boolean);
    ctx.problems.push({
        message: 'this test does not say what it checks',
        path,
        pos: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_2__/* .positionOf */ .df)(ctx.file, path),
        hint: near
            ? `did you mean "${near}"?`
            : `start it with one of ${CHECK_TYPES.join(', ')}, e.g. \`- package: openssh-server\``,
    });
    return undefined;
}
/** The scanner a scan entry names by its `type`, or one problem saying what is wrong. */
function scannerTypeIn(value, path, ctx) {
    const types = SCANNERS.map((t) => t.type);
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
        ctx.problems.push({
            message: 'a scanner is a mapping with a type, e.g. {type: lynis, min_index: 70}',
            path,
            pos: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_2__/* .positionOf */ .df)(ctx.file, path),
            hint: `scanners: ${types.join(', ')}`,
        });
        return undefined;
    }
    const type = value.type;
    if (typeof type !== 'string') {
        ctx.problems.push({
            message: 'missing required key "type"',
            path,
            pos: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_2__/* .positionOf */ .df)(ctx.file, path),
            hint: `scanners: ${types.join(', ')}`,
        });
        return undefined;
    }
    const t = scannerType(type);
    if (!t) {
        const tp = (0,_spec_load__WEBPACK_IMPORTED_MODULE_1__/* .joinPath */ .uJ)(path, 'type');
        const near = (0,_spec_errors__WEBPACK_IMPORTED_MODULE_0__/* .didYouMean */ .au)(type, types);
        ctx.problems.push({
            message: `unknown scanner "${type}"`,
            path: tp,
            pos: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_2__/* .positionOf */ .df)(ctx.file, tp),
            hint: near ? `did you mean "${near}"?` : `scanners: ${types.join(', ')}`,
        });
    }
    return t;
}
/** Checks a build's tests, sbom and scan blocks before anything is evaluated. */
function checkTrustBlocks(build, path, ctx) {
    const list = (k) => (Array.isArray(build[k]) ? build[k] : []);
    list('tests').forEach((t, i) => {
        const p = (0,_spec_load__WEBPACK_IMPORTED_MODULE_1__/* .joinPath */ .uJ)((0,_spec_load__WEBPACK_IMPORTED_MODULE_1__/* .joinPath */ .uJ)(path, 'tests'), i);
        const ct = checkTypeIn(t, p, ctx);
        if (ct)
            (0,_spec_schema__WEBPACK_IMPORTED_MODULE_2__/* .check */ .z6)(t, checkSchemaOf(ct), p, ctx);
    });
    list('scan').forEach((t, i) => {
        const p = (0,_spec_load__WEBPACK_IMPORTED_MODULE_1__/* .joinPath */ .uJ)((0,_spec_load__WEBPACK_IMPORTED_MODULE_1__/* .joinPath */ .uJ)(path, 'scan'), i);
        const st = scannerTypeIn(t, p, ctx);
        if (st)
            (0,_spec_schema__WEBPACK_IMPORTED_MODULE_2__/* .check */ .z6)(t, scannerSchemaOf(st), p, ctx);
    });
}


/***/ }),

/***/ 31245:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SI: () => (/* binding */ nodeCrypto),
/* harmony export */   bX: () => (/* binding */ randomUuid),
/* harmony export */   po: () => (/* binding */ randomBytes)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/**
 * Random bytes and identifiers without loading node:crypto at start-up (about 8 ms of every
 * command's start, measured with `node --cpu-prof`): read from the kernel's /dev/urandom,
 * with node:crypto where there is none. `nodeCrypto()` is node:crypto itself, loaded on first use.
 */

/** node:crypto, loaded when something first needs it. */
function nodeCrypto() {
    return process.getBuiltinModule('node:crypto');
}
function randomBytes(n) {
    let fd;
    try {
        fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)('/dev/urandom', 'r');
    }
    catch {
        return nodeCrypto().randomBytes(n);
    }
    try {
        const b = Buffer.alloc(n);
        for (let got = 0; got < n;)
            got += (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readSync)(fd, b, got, n - got, null);
        return b;
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
    }
}
/** A random (version 4) UUID. */
function randomUuid() {
    const b = randomBytes(16);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const h = b.toString('hex');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}


/***/ }),

/***/ 8330:
/***/ ((module) => {

module.exports = {"rE":"0.1.0"};

/***/ })

};
;
"use strict";
exports.id = 8915;
exports.ids = [8915];
exports.modules = {

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

/***/ 48915:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DEFAULT_EXECUTE: () => (/* binding */ DEFAULT_EXECUTE),
/* harmony export */   DEFAULT_EXECUTE_VAR_FILE: () => (/* binding */ DEFAULT_EXECUTE_VAR_FILE),
/* harmony export */   assignments: () => (/* binding */ assignments),
/* harmony export */   buildVars: () => (/* binding */ buildVars),
/* harmony export */   hereDocument: () => (/* binding */ hereDocument),
/* harmony export */   scriptsOf: () => (/* binding */ scriptsOf),
/* harmony export */   shell: () => (/* binding */ shell)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _util_random__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(31245);
/* harmony import */ var _communicators_communicator__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(54717);
/* harmony import */ var _post_processors_template__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(24789);
/* harmony import */ var _engine_context__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(86173);
/* harmony import */ var _spec_schema__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(47280);
/* harmony import */ var _engine_steps__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(54277);








const DEFAULT_EXECUTE = 'chmod +x {{.Path}}; {{.Vars}} {{.Path}}';
/** Packer's execute_command when use_env_var_file is set. */
const DEFAULT_EXECUTE_VAR_FILE = 'chmod +x {{.Path}}; . {{.EnvVarFile}} && {{.Path}}';
/** The environment every script sees: bake's names and Packer's, for carried-over scripts. */
function buildVars(use, env) {
    const c = use.config;
    const vars = {
        BAKE_BUILD_NAME: env.instance.name,
        BAKE_BUILDER_TYPE: env.instance.type,
        PACKER_BUILD_NAME: env.instance.source,
        PACKER_BUILDER_TYPE: env.instance.type,
    };
    for (const kv of c.environment_vars ?? []) {
        const eq = kv.indexOf('=');
        if (eq > 0)
            vars[kv.slice(0, eq)] = kv.slice(eq + 1);
        else
            throw new _engine_context__WEBPACK_IMPORTED_MODULE_3__/* .BuildError */ .zS(`environment_vars entry "${kv}" is not KEY=value`, `see ${use.path}`);
    }
    Object.assign(vars, c.env ?? {});
    return vars;
}
function scriptsOf(use, specDir) {
    const c = use.config;
    const out = [];
    // One command may be given as a string, as Packer allows.
    const inline = typeof c.inline === 'string' ? [c.inline] : c.inline;
    if (Array.isArray(inline)) {
        const shebang = String(c.inline_shebang ?? '/bin/sh -e');
        out.push({
            name: 'inline',
            body: Buffer.from(`#!${shebang}\n${inline.join('\n')}\n`),
        });
    }
    const files = [
        ...(typeof c.script === 'string' ? [c.script] : []),
        ...(c.scripts ?? []),
    ];
    for (const f of files) {
        try {
            out.push({ name: f, body: (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(specDir, f)) });
        }
        catch (e) {
            throw new _engine_context__WEBPACK_IMPORTED_MODULE_3__/* .BuildError */ .zS(`cannot read script ${f}: ${e.code ?? e}`, `paths are relative to the spec's directory (${specDir})`);
        }
    }
    if (!out.length)
        throw new _engine_context__WEBPACK_IMPORTED_MODULE_3__/* .BuildError */ .zS('shell provisioner has nothing to run', `set inline, script or scripts (${use.path})`);
    return out;
}
const MAX_HEREDOC = 64 * 1024;
/** `cat > path <<'TAG' ... TAG` for a text script, or undefined when it must be uploaded. */
function hereDocument(body, remote) {
    if (body.length > MAX_HEREDOC || body.includes(0))
        return undefined;
    const text = body.toString('utf8');
    if (!Buffer.from(text, 'utf8').equals(body))
        return undefined;
    let tag;
    do
        tag = `BAKE_SCRIPT_${(0,_util_random__WEBPACK_IMPORTED_MODULE_2__/* .randomBytes */ .po)(6).toString('hex')}`;
    while (text.includes(tag));
    return `cat > ${(0,_communicators_communicator__WEBPACK_IMPORTED_MODULE_6__/* .shQuote */ .US)(remote)} <<'${tag}'\n${text}${text.endsWith('\n') ? '' : '\n'}${tag}\nchmod 0755 ${(0,_communicators_communicator__WEBPACK_IMPORTED_MODULE_6__/* .shQuote */ .US)(remote)}`;
}
const shell = {
    async run(use, comm, env, signal) {
        if (!comm)
            throw new _engine_context__WEBPACK_IMPORTED_MODULE_3__/* .BuildError */ .zS('the shell provisioner needs a machine to run in', 'this builder has no communicator; use shell-local');
        const c = use.config;
        const vars = buildVars(use, env);
        // Packer's env_var_format: a printf format for NAME and value, each value in single quotes.
        const fmt = typeof c.env_var_format === 'string' ? c.env_var_format : undefined;
        const quoted = (v) => v.replace(/'/g, `'"'"'`);
        const formatted = (f) => Object.entries(vars)
            // Functions, not strings: "$&" or "$$" in a value (a password) is kept as written.
            .map(([k, v]) => f.replace('%s', () => k).replace('%s', () => quoted(v)))
            .join('');
        const useFile = c.use_env_var_file === true;
        const varsText = useFile ? '' : fmt ? formatted(fmt) : assignments(vars);
        const valid = (c.valid_exit_codes ?? [0]).map(Number);
        const folder = String(c.remote_folder ?? '/tmp');
        for (const script of scriptsOf(use, env.specDir)) {
            const remote = typeof c.remote_path === 'string'
                ? c.remote_path
                : `${folder}/${typeof c.remote_file === 'string' ? c.remote_file : `bake-script-${(0,_util_random__WEBPACK_IMPORTED_MODULE_2__/* .randomBytes */ .po)(4).toString('hex')}.sh`}`;
            // use_env_var_file: the variables go into a file that the command sources, as Packer does.
            const varFile = useFile ? `${folder}/bake-vars-${(0,_util_random__WEBPACK_IMPORTED_MODULE_2__/* .randomBytes */ .po)(4).toString('hex')}.sh` : '';
            if (useFile)
                await comm.uploadContent(formatted(fmt ?? "export %s='%s'\n"), varFile, 0o600, signal);
            // One pass: what a value holds ("$&", "{{.Path}}") is not read again.
            const execute = (0,_post_processors_template__WEBPACK_IMPORTED_MODULE_7__/* .fill */ .G)(String(c.execute_command ?? (useFile ? DEFAULT_EXECUTE_VAR_FILE : DEFAULT_EXECUTE)), { Path: (0,_communicators_communicator__WEBPACK_IMPORTED_MODULE_6__/* .shQuote */ .US)(remote), EnvVarFile: (0,_communicators_communicator__WEBPACK_IMPORTED_MODULE_6__/* .shQuote */ .US)(varFile), Vars: varsText });
            // Writing the script (as a here-document) and removing it in the same command as
            // running it saves two round trips per script; binary or huge scripts are uploaded.
            const heredoc = hereDocument(script.body, remote);
            if (!heredoc)
                await comm.uploadContent(script.body, remote, 0o755, signal);
            // The marker says the command started: before it, starting again is safe (Packer's
            // start_retry_timeout, for a machine that is rebooting); after it, never.
            const marker = `__bake_started_${(0,_util_random__WEBPACK_IMPORTED_MODULE_2__/* .randomBytes */ .po)(6).toString('hex')}`;
            const command = [
                `echo ${marker} >&2`,
                heredoc ?? '',
                execute,
                c.skip_clean === true
                    ? ''
                    : `__bake_rc=$?; rm -f ${(0,_communicators_communicator__WEBPACK_IMPORTED_MODULE_6__/* .shQuote */ .US)(remote)}${useFile ? ` ${(0,_communicators_communicator__WEBPACK_IMPORTED_MODULE_6__/* .shQuote */ .US)(varFile)}` : ''}; exit $__bake_rc`,
            ]
                .filter(Boolean)
                .join('\n');
            const retryUntil = Date.now() + ((0,_spec_schema__WEBPACK_IMPORTED_MODULE_4__/* .parseDuration */ .E9)(c.start_retry_timeout) ?? 300_000);
            let result;
            for (let started = false;;) {
                try {
                    result = await comm.exec(command, {
                        signal,
                        onStdout: (l) => env.out('stdout', l),
                        onStderr: (l) => (l === marker ? (started = true) : env.out('stderr', l)),
                    });
                    break;
                }
                catch (e) {
                    if (signal.aborted)
                        throw e;
                    if (started && c.expect_disconnect === true) {
                        env.out('info', 'connection dropped, as expect_disconnect allows');
                        break;
                    }
                    // A machine that is gone for good (a stopped build container) is not waited for.
                    if (started || Date.now() >= retryUntil || e.permanent)
                        throw e;
                    env.out('info', `could not start the script (${e.message}); trying again until start_retry_timeout`);
                    await (0,_engine_steps__WEBPACK_IMPORTED_MODULE_5__/* .sleep */ .yy)(2000, signal);
                }
            }
            if (!result)
                continue;
            if (!valid.includes(result.exitCode)) {
                throw new _engine_context__WEBPACK_IMPORTED_MODULE_3__/* .BuildError */ .zS(`script ${script.name === 'inline' ? '(inline)' : script.name} exited with code ${result.exitCode}`, valid.length === 1 && valid[0] === 0
                    ? 'set valid_exit_codes if this code means success'
                    : `valid exit codes: ${valid.join(', ')}`, result.tail.filter((l) => l !== marker));
            }
        }
        const pause = (0,_spec_schema__WEBPACK_IMPORTED_MODULE_4__/* .parseDuration */ .E9)(c.pause_after);
        if (pause)
            await (0,_engine_steps__WEBPACK_IMPORTED_MODULE_5__/* .sleep */ .yy)(pause, signal);
    },
};
/** Variables as the shell assigns them before a command: NAME='value' NAME2='value2'. */
function assignments(vars) {
    return Object.entries(vars)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => `${k}=${(0,_communicators_communicator__WEBPACK_IMPORTED_MODULE_6__/* .shQuote */ .US)(String(v))}`)
        .join(' ');
}


/***/ })

};
;
"use strict";
exports.id = 2938;
exports.ids = [2938];
exports.modules = {

/***/ 30178:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ax: () => (/* binding */ fingerprintOf)
/* harmony export */ });
/* unused harmony exports canonical, hashPath */
/* harmony import */ var _util_random__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31245);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _util_redact__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(50767);
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
    const h = (0,_util_random__WEBPACK_IMPORTED_MODULE_0__/* .nodeCrypto */ .SI)().createHash('sha256');
    const walk = (p, root) => {
        let st;
        try {
            st = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.lstatSync)(p);
        }
        catch {
            h.update(`missing:${(0,node_path__WEBPACK_IMPORTED_MODULE_2__.relative)(root, p)}\n`);
            return;
        }
        const rel = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.relative)(root, p);
        if (st.isDirectory()) {
            h.update(`dir:${rel}:${st.mode & 0o7777}\n`);
            for (const name of (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readdirSync)(p).sort())
                walk((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(p, name), root);
        }
        else if (st.isSymbolicLink()) {
            h.update(`link:${rel}:${(0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readlinkSync)(p)}\n`);
        }
        else {
            h.update(`file:${rel}:${st.mode & 0o7777}:${st.size}\n`);
            h.update((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(p));
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
    const files = [...new Set(stable.files)].sort().map((f) => [(0,node_path__WEBPACK_IMPORTED_MODULE_2__.relative)(specDir, f), hashPath(f)]);
    const doc = (0,_util_redact__WEBPACK_IMPORTED_MODULE_3__/* .redactValue */ .FI)({
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
                            typeof v === 'string' && v.startsWith('/') ? (0,node_path__WEBPACK_IMPORTED_MODULE_2__.relative)(specDir, v) : v,
                        ])),
                        failOn: t.failOn,
                        ignore: t.ignore,
                    })),
                },
            }
            : {}),
    });
    return (0,_util_random__WEBPACK_IMPORTED_MODULE_0__/* .nodeCrypto */ .SI)().createHash('sha256').update(canonical(doc)).digest('hex');
}


/***/ }),

/***/ 32938:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   cacheKey: () => (/* binding */ cacheKey),
/* harmony export */   decide: () => (/* binding */ decide),
/* harmony export */   directoryCache: () => (/* binding */ directoryCache)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _fingerprint__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(30178);
/**
 * skip-unchanged: a build whose fingerprint matches a cached earlier result, and whose
 * artifact still exists, is not built again; its artifact is reported as reused.
 * The cache is a directory for the CLI and @actions/cache in the action.
 */



/** The CLI's cache: one JSON file per key. An unreadable entry is said, then rebuilt. */
function directoryCache(dir, warn = (l) => process.stderr.write(`bake: ${l}\n`)) {
    return {
        async get(key) {
            const f = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, `${key}.json`);
            if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(f))
                return undefined;
            try {
                return JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(f, 'utf8'));
            }
            catch (e) {
                warn(`the cached result ${f} cannot be read (${e.message}); building again`);
                return undefined;
            }
        },
        async put(key, value) {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)(dir, { recursive: true });
            const f = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, `${key}.json`);
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(`${f}.tmp`, JSON.stringify(value, null, 2) + '\n');
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.renameSync)(`${f}.tmp`, f);
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
        const fingerprint = (0,_fingerprint__WEBPACK_IMPORTED_MODULE_2__/* .fingerprintOf */ .ax)(stable, specDir, base);
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


/***/ })

};
;
"use strict";
exports.id = 7096;
exports.ids = [7096];
exports.modules = {

/***/ 27096:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   addToManifest: () => (/* binding */ addToManifest),
/* harmony export */   manifest: () => (/* binding */ manifest),
/* harmony export */   withFileLock: () => (/* binding */ withFileLock)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _engine_steps__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(54277);
/* harmony import */ var _util_redact__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(50767);
/**
 * The manifest post-processor: Packer's packer-manifest.json shape, written atomically and
 * merged across runs and across processes writing at once (a lock file serialises them).
 */




const STALE_LOCK_MS = 30_000;
async function withFileLock(path, signal, fn) {
    const lock = path + '.lock';
    for (let attempt = 0;; attempt++) {
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(lock, 'wx'));
            break;
        }
        catch (e) {
            if (e.code !== 'EEXIST')
                throw e;
            try {
                if (Date.now() - (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(lock).mtimeMs > STALE_LOCK_MS)
                    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.unlinkSync)(lock);
            }
            catch {
                // the holder released it meanwhile
            }
            await (0,_engine_steps__WEBPACK_IMPORTED_MODULE_2__/* .sleep */ .yy)(Math.min(5 + attempt * 2, 50), signal);
        }
    }
    try {
        return fn();
    }
    finally {
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.unlinkSync)(lock);
        }
        catch {
            // already gone
        }
    }
}
function addToManifest(path, entry, runUuid, warn = () => undefined) {
    let m = { builds: [], last_run_uuid: runUuid };
    if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(path)) {
        try {
            const old = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8'));
            if (Array.isArray(old.builds))
                m.builds = old.builds;
        }
        catch (e) {
            // A manifest that no longer parses is kept aside, never silently overwritten.
            const aside = `${path}.corrupt-${Date.now()}`;
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.renameSync)(path, aside);
            warn(`${path} did not parse (${e.message}); moved it to ${aside} and started a new one`);
        }
    }
    m = { builds: [...m.builds, entry], last_run_uuid: runUuid };
    const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(tmp, JSON.stringify(m, null, 2) + '\n');
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.renameSync)(tmp, path);
}
const manifest = {
    async run(use, input, env, signal) {
        const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(env.specDir, String(use.config.output ?? 'bake-manifest.json'));
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(path), { recursive: true });
        const files = input.files?.length
            ? input.files.map((f) => ({
                name: use.config.strip_path === true ? (0,node_path__WEBPACK_IMPORTED_MODULE_1__.basename)(f) : f,
                size: (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(f) ? (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(f).size : 0,
            }))
            : null;
        const entry = (0,_util_redact__WEBPACK_IMPORTED_MODULE_3__/* .redactValue */ .FI)({
            name: env.instance.source,
            builder_type: env.instance.type,
            build_time: Math.floor(Date.now() / 1000),
            files,
            artifact_id: input.id,
            packer_run_uuid: env.runUuid,
            bake_run_uuid: env.runUuid,
            custom_data: use.config.custom_data ?? null,
            ...(input.tags?.length ? { tags: input.tags } : {}),
            ...(input.digests?.length ? { digests: input.digests } : {}),
            ...(input.regions ? { regions: input.regions } : {}),
            ...(input.properties ? { properties: input.properties } : {}),
            ...(input.sbom ? { sbom: input.sbom } : {}),
            ...(input.reports?.length ? { reports: input.reports } : {}),
        });
        await withFileLock(path, signal, () => addToManifest(path, entry, env.runUuid, (l) => env.out('stderr', l)));
        env.out('info', `manifest updated: ${path}`);
        return { artifact: input, keepInput: true };
    },
};


/***/ })

};
;
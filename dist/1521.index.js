"use strict";
exports.id = 1521;
exports.ids = [1521];
exports.modules = {

/***/ 41521:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   file: () => (/* binding */ file),
/* harmony export */   writeLocal: () => (/* binding */ writeLocal)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _engine_context__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(86173);



const file = {
    async run(use, comm, env, signal) {
        if (!comm)
            throw new _engine_context__WEBPACK_IMPORTED_MODULE_2__/* .BuildError */ .zS('the file provisioner needs a machine to copy to', 'this builder has no communicator');
        const c = use.config;
        const dest = String(c.destination);
        if ((c.direction ?? 'upload') === 'download') {
            const sources = [
                ...(typeof c.source === 'string' ? [c.source] : []),
                ...(c.sources ?? []),
            ];
            if (!sources.length)
                throw new _engine_context__WEBPACK_IMPORTED_MODULE_2__/* .BuildError */ .zS('a download needs source (the remote path)', use.path);
            for (const s of sources) {
                const local = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(env.specDir, dest.endsWith('/') ? dest + s.split('/').filter(Boolean).pop() : dest);
                (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(local), { recursive: true });
                env.out('info', `downloading ${s} → ${local}`);
                await comm.download(s, local, signal);
            }
            return;
        }
        if (typeof c.content === 'string') {
            if (c.source !== undefined || c.sources !== undefined)
                throw new _engine_context__WEBPACK_IMPORTED_MODULE_2__/* .BuildError */ .zS('set either content or source/sources, not both', use.path);
            env.out('info', `writing ${dest}`);
            await comm.uploadContent(c.content, dest, 0o644, signal);
            return;
        }
        const sources = [
            ...(typeof c.source === 'string' ? [c.source] : []),
            ...(c.sources ?? []),
        ];
        if (!sources.length)
            throw new _engine_context__WEBPACK_IMPORTED_MODULE_2__/* .BuildError */ .zS('the file provisioner needs source, sources or content', use.path);
        for (const s of sources) {
            const local = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(env.specDir, s);
            if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(local))
                throw new _engine_context__WEBPACK_IMPORTED_MODULE_2__/* .BuildError */ .zS(`file provisioner: ${s} does not exist`, `paths are relative to the spec's directory (${env.specDir})`);
            // A directory goes into the destination as Packer does it: "dir/" copies its contents;
            // "dir" creates dest/dir when dest is a directory already, and becomes dest when dest
            // does not exist yet. A file goes into dest/ when dest ends in / or when several
            // sources are given, and becomes dest otherwise.
            const isDir = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(local).isDirectory();
            const target = !isDir && (sources.length > 1 || dest.endsWith('/'))
                ? `${dest.replace(/\/$/, '')}/${local.split('/').pop()}`
                : dest.replace(/(.)\/$/, '$1');
            env.out('info', `uploading ${s} → ${target}`);
            await comm.upload(s.endsWith('/') ? local + '/' : local, target, signal, {
                intoExisting: isDir,
            });
        }
    },
};
function writeLocal(path, content) {
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(path), { recursive: true });
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(path, content);
}


/***/ })

};
;
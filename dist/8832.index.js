"use strict";
exports.id = 8832;
exports.ids = [8832];
exports.modules = {

/***/ 78832:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   checksum: () => (/* binding */ checksum)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _engine_context__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(86173);
/* harmony import */ var _template__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(24789);
/* harmony import */ var _util_hash_file__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(53813);





const checksum = {
    async run(use, input, env) {
        if (!input.files?.length)
            throw new _engine_context__WEBPACK_IMPORTED_MODULE_2__/* .BuildError */ .zS('checksum needs an artifact with files', 'use it after export_path, docker-save or compress');
        const types = use.config.checksum_types ?? ['sha256'];
        const out = [];
        for (const t of types) {
            const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(env.specDir, (0,_template__WEBPACK_IMPORTED_MODULE_4__/* .fill */ .G)(String(use.config.output ?? '{{.BuildName}}_{{.ChecksumType}}.checksum'), {
                BuildName: env.instance.name,
                BuilderType: env.instance.type,
                ChecksumType: t,
            }));
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(path), { recursive: true });
            const lines = [];
            for (const f of input.files)
                lines.push(`${await (0,_util_hash_file__WEBPACK_IMPORTED_MODULE_3__/* .hashFile */ .D)(f, t)}\t${(0,node_path__WEBPACK_IMPORTED_MODULE_1__.basename)(f)}`);
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(path + '.tmp', lines.join('\n') + '\n');
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.renameSync)(path + '.tmp', path);
            out.push(path);
            env.out('info', `${t} checksums written to ${path}`);
        }
        return { artifact: { ...input, files: [...input.files, ...out] }, keepInput: true };
    },
};


/***/ }),

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

/***/ 53813:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ hashFile)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(46466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_2__);



/** The hex digest of a file, read as a stream (disks and archives are large). */
async function hashFile(path, algo = 'sha256') {
    const h = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)(algo);
    await (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_2__.pipeline)((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createReadStream)(path), h);
    return h.digest('hex');
}


/***/ })

};
;
"use strict";
exports.id = 4944;
exports.ids = [4944];
exports.modules = {

/***/ 84944:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   artifice: () => (/* binding */ artifice)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _engine_context__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(86173);



/**
 * The files become the artifact. They are not bake's to remove: a later post-processor that
 * replaces this artifact leaves them where they are. The artifact it was handed is removed
 * unless keep_input_artifact is set, as in Packer.
 */
const artifice = {
    async run(use, input, env) {
        const files = use.config.files.map((f) => (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(env.specDir, f));
        if (!files.length)
            throw new _engine_context__WEBPACK_IMPORTED_MODULE_2__/* .BuildError */ .zS('artifice has no files', `list the files at ${use.at ?? use.path}`);
        for (const [i, f] of files.entries()) {
            const st = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(f, { throwIfNoEntry: false });
            if (!st?.isFile())
                throw new _engine_context__WEBPACK_IMPORTED_MODULE_2__/* .BuildError */ .zS(`artifice: ${f} ${st ? 'is not a file' : 'does not exist'}`, `files[${i}] at ${use.at ?? use.path}: a provisioner (file with direction: download) or a shell-local step makes it before the post-processors run`);
        }
        env.out('info', `the artifact is now ${files.length} file(s): ${files.join(', ')}`);
        return {
            artifact: {
                id: files.join(','),
                builderType: input.builderType,
                files,
                description: `files ${files.join(', ')}`,
            },
        };
    },
};


/***/ })

};
;
"use strict";
exports.id = 8200;
exports.ids = [8200];
exports.modules = {

/***/ 35999:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   r: () => (/* binding */ requireImage)
/* harmony export */ });
/* harmony import */ var _engine_context__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(86173);
/** What the docker-* post-processors share: the check that they were given an image. */

function requireImage(id, type) {
    if (!id.startsWith('sha256:'))
        throw new _engine_context__WEBPACK_IMPORTED_MODULE_0__/* .BuildError */ .zS(`${type} needs a Docker image artifact, got "${id}"`, 'use it after a docker builder with commit: true');
}


/***/ }),

/***/ 28200:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   dockerSave: () => (/* binding */ dockerSave)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(46466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(38522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _engine_steps__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(54277);
/* harmony import */ var _docker_image__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(35999);






const dockerSave = {
    async run(use, input, env, signal) {
        (0,_docker_image__WEBPACK_IMPORTED_MODULE_5__/* .requireImage */ .r)(input.id, 'docker-save');
        const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(env.specDir, String(use.config.path));
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(path), { recursive: true });
        const gzip = use.config.compress === true || path.endsWith('.gz');
        const stream = (await env
            .docker()
            .getImage(input.tags?.[0] ?? input.id)
            .get());
        if (gzip)
            await (0,_engine_steps__WEBPACK_IMPORTED_MODULE_4__/* .raceSignal */ .WU)((0,node_stream_promises__WEBPACK_IMPORTED_MODULE_2__.pipeline)(stream, (0,node_zlib__WEBPACK_IMPORTED_MODULE_3__.createGzip)(), (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createWriteStream)(path)), signal);
        else
            await (0,_engine_steps__WEBPACK_IMPORTED_MODULE_4__/* .raceSignal */ .WU)((0,node_stream_promises__WEBPACK_IMPORTED_MODULE_2__.pipeline)(stream, (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createWriteStream)(path)), signal);
        env.out('info', `saved ${input.tags?.[0] ?? input.id} to ${path}`);
        return {
            artifact: {
                id: path,
                builderType: input.builderType,
                files: [path],
                description: `image saved to ${path}`,
                destroy: async () => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(path, { force: true }),
            },
        };
    },
};


/***/ })

};
;
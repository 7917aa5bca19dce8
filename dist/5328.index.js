"use strict";
exports.id = 5328;
exports.ids = [5328];
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

/***/ 95328:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   dockerPush: () => (/* binding */ dockerPush)
/* harmony export */ });
/* harmony import */ var _engine_context__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(86173);
/* harmony import */ var _builders_docker_builder__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(36441);
/* harmony import */ var _util_redact__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(50767);
/* harmony import */ var _docker_image__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(35999);




function registryOf(ref) {
    const first = ref.split('/')[0];
    return ref.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost')
        ? first
        : 'docker.io';
}
const dockerPush = {
    async run(use, input, env, signal) {
        (0,_docker_image__WEBPACK_IMPORTED_MODULE_3__/* .requireImage */ .r)(input.id, 'docker-push');
        const c = use.config;
        if (!input.tags?.length)
            throw new _engine_context__WEBPACK_IMPORTED_MODULE_0__/* .BuildError */ .zS('docker-push has no tag to push', 'put a docker-tag post-processor before it in the same chain');
        const docker = env.docker();
        const username = c.login_username ?? process.env.BAKE_REGISTRY_USERNAME;
        const password = c.login_password ?? process.env.BAKE_REGISTRY_PASSWORD;
        if (password)
            (0,_util_redact__WEBPACK_IMPORTED_MODULE_2__/* .addSecret */ .Ck)(password);
        const digests = [];
        for (const ref of input.tags) {
            const at = ref.lastIndexOf(':');
            const repo = ref.slice(0, at);
            const tag = ref.slice(at + 1);
            const authconfig = c.login === true || username
                ? {
                    username,
                    password,
                    serveraddress: c.login_server ?? registryOf(ref),
                }
                : undefined;
            env.out('info', `pushing ${ref}`);
            const stream = (await docker
                .getImage(repo)
                .push({ tag, ...(authconfig ? { authconfig } : {}) }));
            let digest;
            try {
                await (0,_builders_docker_builder__WEBPACK_IMPORTED_MODULE_1__.followProgress)(docker, stream, signal, (ev) => {
                    if (ev.aux?.Digest)
                        digest = ev.aux.Digest;
                });
            }
            catch (e) {
                if (!(e instanceof _builders_docker_builder__WEBPACK_IMPORTED_MODULE_1__.ProgressError))
                    throw e;
                throw new _engine_context__WEBPACK_IMPORTED_MODULE_0__/* .BuildError */ .zS(`push of ${ref} failed: ${e.message}`, 'check the registry address and credentials (login_username/login_password or BAKE_REGISTRY_USERNAME/PASSWORD)');
            }
            if (!digest)
                throw new _engine_context__WEBPACK_IMPORTED_MODULE_0__/* .BuildError */ .zS(`push of ${ref} reported no digest`);
            digests.push(`${repo}@${digest}`);
            env.out('info', `pushed ${repo}@${digest}`);
        }
        return {
            artifact: { ...input, digests: [...(input.digests ?? []), ...digests] },
            keepInput: true,
        };
    },
};


/***/ })

};
;
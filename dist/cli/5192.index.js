"use strict";
exports.id = 5192;
exports.ids = [5192];
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

/***/ 35192:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   dockerTag: () => (/* binding */ dockerTag)
/* harmony export */ });
/* harmony import */ var _engine_context__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(86173);
/* harmony import */ var _docker_image__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(35999);


const dockerTag = {
    async run(use, input, env) {
        (0,_docker_image__WEBPACK_IMPORTED_MODULE_1__/* .requireImage */ .r)(input.id, 'docker-tag');
        const repo = String(use.config.repository);
        const tags = use.config.tags ?? ['latest'];
        const image = env.docker().getImage(input.id);
        const added = [];
        for (const tag of tags) {
            if (!/^[\w][\w.-]{0,127}$/.test(tag))
                throw new _engine_context__WEBPACK_IMPORTED_MODULE_0__/* .BuildError */ .zS(`"${tag}" is not a valid Docker tag`, 'tags use letters, digits, _, . and -, up to 128 characters');
            if (use.config.force === false) {
                // Docker moves a tag silently; force: false asks bake not to.
                const held = await env
                    .docker()
                    .getImage(`${repo}:${tag}`)
                    .inspect()
                    .catch(() => undefined);
                if (held && held.Id !== input.id)
                    throw new _engine_context__WEBPACK_IMPORTED_MODULE_0__/* .BuildError */ .zS(`${repo}:${tag} already names another image (${held.Id.slice(7, 19)}) and force is false`, 'remove force: false to move the tag, or choose another tag');
            }
            await image.tag({ repo, tag });
            added.push(`${repo}:${tag}`);
            env.out('info', `tagged ${repo}:${tag}`);
        }
        return {
            artifact: {
                ...input,
                tags: [...(input.tags ?? []), ...added],
                description: `image ${input.id} tagged ${added.join(', ')}`,
            },
            keepInput: true,
        };
    },
};


/***/ })

};
;
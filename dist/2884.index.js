"use strict";
exports.id = 2884;
exports.ids = [2884];
exports.modules = {

/***/ 2884:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   dockerImport: () => (/* binding */ dockerImport)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _engine_context__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(86173);
/* harmony import */ var _engine_steps__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(54277);
/* harmony import */ var _builders_docker_builder__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(36441);




const dockerImport = {
    async run(use, input, env, signal) {
        const tar = (input.files ?? []).find((f) => /\.tar$/.test(f)) ?? input.files?.[0];
        if (!tar)
            throw new _engine_context__WEBPACK_IMPORTED_MODULE_1__/* .BuildError */ .zS(`docker-import needs a tar file, got "${input.id}"`, 'use it after a docker builder with export_path');
        const repo = String(use.config.repository);
        const tag = String(use.config.tag ?? 'latest');
        const changes = use.config.changes ?? [];
        (0,_builders_docker_builder__WEBPACK_IMPORTED_MODULE_3__.validateChanges)(changes);
        const docker = env.docker();
        const stream = (await docker.importImage((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createReadStream)(tar), {
            repo,
            tag,
            ...(changes.length ? { changes } : {}),
            ...(typeof use.config.platform === 'string' ? { platform: use.config.platform } : {}),
        }));
        await (0,_engine_steps__WEBPACK_IMPORTED_MODULE_2__/* .raceSignal */ .WU)(new Promise((res, rej) => docker.modem.followProgress(stream, (e) => (e ? rej(e) : res()))), signal);
        const { Id: id } = await docker.getImage(`${repo}:${tag}`).inspect();
        // In the ledger the moment it is known, and done at once: it is this chain's result,
        // kept on purpose (the build reports it as its artifact).
        const entry = env.ledger.add(env.instance.name, 'docker-image', { id }, `image ${id.slice(7, 19)}`);
        env.ledger.done(entry);
        env.out('info', `imported ${tar} as ${repo}:${tag} (${id})`);
        return {
            artifact: {
                id,
                builderType: input.builderType,
                tags: [`${repo}:${tag}`],
                description: `image ${id} imported from ${tar} as ${repo}:${tag}`,
                destroy: async () => {
                    await docker
                        .getImage(id)
                        .remove({ force: true })
                        .catch((e) => {
                        if (e.statusCode !== 404)
                            throw e;
                    });
                },
            },
        };
    },
};


/***/ })

};
;
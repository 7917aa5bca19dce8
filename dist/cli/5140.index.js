"use strict";
exports.id = 5140;
exports.ids = [5140];
exports.modules = {

/***/ 45140:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DockerClient: () => (/* binding */ DockerClient),
/* harmony export */   splitReference: () => (/* binding */ splitReference)
/* harmony export */ });
/* harmony import */ var docker_modem__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(47133);
/* harmony import */ var docker_modem__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(docker_modem__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var dockerode_lib_container__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(28521);
/* harmony import */ var dockerode_lib_container__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(dockerode_lib_container__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var dockerode_lib_image__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(79607);
/* harmony import */ var dockerode_lib_image__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(dockerode_lib_image__WEBPACK_IMPORTED_MODULE_2__);

// dockerode's per-object modules, without its entry point (see above).


const SERVER_ERROR = { 500: 'server error' };
/** Splits `repo[:tag]` or `repo@digest`; a colon inside a registry's host:port is not a tag. */
function splitReference(ref) {
    const at = ref.indexOf('@');
    const cut = at >= 0 ? at : ref.lastIndexOf(':');
    if (cut < 0)
        return { repository: ref };
    const rest = ref.slice(cut + 1);
    return rest.includes('/') ? { repository: ref } : { repository: ref.slice(0, cut), tag: rest };
}
class DockerClient {
    modem;
    constructor(opts) {
        this.modem = new (docker_modem__WEBPACK_IMPORTED_MODULE_0___default())(opts);
        this.modem.Promise = Promise;
    }
    call(opts) {
        return new Promise((res, rej) => this.modem.dial(opts, (err, data) => (err ? rej(err) : res(data))));
    }
    getContainer(id) {
        return new (dockerode_lib_container__WEBPACK_IMPORTED_MODULE_1___default())(this.modem, id);
    }
    getImage(name) {
        return new (dockerode_lib_image__WEBPACK_IMPORTED_MODULE_2___default())(this.modem, name);
    }
    ping() {
        return this.call({
            path: '/_ping',
            method: 'GET',
            statusCodes: { 200: true, ...SERVER_ERROR },
        });
    }
    async createContainer(opts) {
        const data = await this.call({
            path: '/containers/create?',
            method: 'POST',
            options: opts,
            statusCodes: {
                200: true,
                201: true,
                400: 'bad parameter',
                404: 'no such image',
                406: 'impossible to attach',
                409: 'conflict',
                ...SERVER_ERROR,
            },
        });
        return this.getContainer(data.Id);
    }
    /** Starts pulling `ref`; resolves with the progress stream. */
    pull(ref, opts = {}) {
        const { repository, tag } = splitReference(ref);
        return this.call({
            path: '/images/create?',
            method: 'POST',
            options: { ...opts, fromImage: repository, tag: tag ?? 'latest' },
            isStream: true,
            statusCodes: { 200: true, ...SERVER_ERROR },
        });
    }
    /** Starts importing a filesystem tarball; resolves with the progress stream. */
    importImage(file, opts = {}) {
        return this.call({
            path: '/images/create?',
            method: 'POST',
            options: { ...opts, fromSrc: '-' },
            file,
            isStream: true,
            statusCodes: { 200: true, ...SERVER_ERROR },
        });
    }
}


/***/ })

};
;
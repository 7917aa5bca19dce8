"use strict";
exports.id = 208;
exports.ids = [208];
exports.modules = {

/***/ 90208:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   nullBuilder: () => (/* binding */ nullBuilder)
/* harmony export */ });
/* harmony import */ var _ssh_connect__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(17870);

const nullBuilder = {
    steps(env, provision) {
        const c = env.instance.config;
        // No machine: only the steps that run here (shell-local) can do anything.
        if (c.communicator === 'none')
            return [provision];
        return [
            {
                name: 'connect',
                async run(s, ctx) {
                    await (0,_ssh_connect__WEBPACK_IMPORTED_MODULE_0__/* .connectSsh */ .L)(env, c, {}, s, ctx);
                },
                async cleanup(s) {
                    s.ssh?.close();
                },
                cleanupBudgetMs: 2000,
            },
            provision,
        ];
    },
};


/***/ })

};
;
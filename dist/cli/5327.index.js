"use strict";
exports.id = 5327;
exports.ids = [5327];
exports.modules = {

/***/ 5327:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   restart: () => (/* binding */ restart)
/* harmony export */ });
/* harmony import */ var _engine_context__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(86173);
/* harmony import */ var _spec_schema__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(47280);
/* harmony import */ var _engine_steps__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(54277);



/** Reboots the machine, waits for it to go down and come back, then checks it. */
const restart = {
    async run(use, comm, env, signal) {
        if (!comm?.awaitRestart)
            throw new _engine_context__WEBPACK_IMPORTED_MODULE_0__/* .BuildError */ .zS('the restart provisioner needs an SSH machine', 'a Docker build cannot reboot; drop this provisioner or use only/except');
        const c = use.config;
        const timeout = (0,_spec_schema__WEBPACK_IMPORTED_MODULE_1__/* .parseDuration */ .E9)(c.restart_timeout ?? '5m') ?? 300_000;
        env.out('info', `restarting: ${String(c.restart_command ?? 'shutdown -r now')}`);
        try {
            await comm.exec(String(c.restart_command ?? 'shutdown -r now'), {
                signal,
                onStdout: (l) => env.out('stdout', l),
                onStderr: (l) => env.out('stderr', l),
            });
        }
        catch (e) {
            if (signal.aborted)
                throw e;
            // The connection dropping under the command is the restart working.
        }
        const deadline = Date.now() + timeout;
        await comm.awaitRestart(signal, timeout);
        env.out('info', 'the machine is back');
        if (typeof c.restart_check_command !== 'string')
            return;
        // Services may still be starting: the check is retried until restart_timeout runs out.
        for (let attempt = 1;; attempt++) {
            let failure;
            try {
                const r = await comm.exec(c.restart_check_command, {
                    signal,
                    onStdout: (l) => env.out('stdout', l),
                    onStderr: (l) => env.out('stderr', l),
                });
                if (r.exitCode === 0)
                    return;
                failure = { message: `exited with code ${r.exitCode}`, tail: r.tail };
            }
            catch (e) {
                if (signal.aborted)
                    throw e;
                failure = { message: e.message };
            }
            if (Date.now() + 3000 > deadline)
                throw new _engine_context__WEBPACK_IMPORTED_MODULE_0__/* .BuildError */ .zS(`restart_check_command still fails after ${attempt} tries (${failure.message})`, 'raise restart_timeout if the machine needs longer to come up', failure.tail);
            env.out('info', `restart_check_command ${failure.message}; trying again`);
            await (0,_engine_steps__WEBPACK_IMPORTED_MODULE_2__/* .sleep */ .yy)(3000, signal);
        }
    },
};


/***/ })

};
;
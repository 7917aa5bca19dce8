"use strict";
exports.id = 5309;
exports.ids = [5309];
exports.modules = {

/***/ 55309:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ResourceLedger: () => (/* binding */ ResourceLedger)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _util_random__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(31245);
/**
 * The resource ledger: every resource a build creates is written here the moment it exists
 * (JSON lines, fsynced) and marked done once cleaned. A killed run leaves its open entries
 * for `bake cleanup` and the action's post step.
 */



class ResourceLedger {
    file;
    run;
    owner;
    constructor(file, run, owner = () => undefined) {
        this.file = file;
        this.run = run;
        this.owner = owner;
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(file), { recursive: true });
    }
    append(line) {
        const fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(this.file, 'a', 0o600);
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeSync)(fd, JSON.stringify(line) + '\n');
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.fsyncSync)(fd);
        }
        finally {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
        }
    }
    add(build, kind, ref, description) {
        const entry = {
            id: (0,_util_random__WEBPACK_IMPORTED_MODULE_2__/* .randomUuid */ .bX)(),
            kind,
            ref,
            build,
            run: this.run,
            description,
            time: new Date().toISOString(),
            ...this.owner(kind),
        };
        this.append({ op: 'add', ...entry });
        return entry;
    }
    done(entry) {
        this.append({ op: 'done', id: entry.id, time: new Date().toISOString() });
    }
    keep(entry) {
        this.append({ op: 'keep', id: entry.id, time: new Date().toISOString() });
    }
    /** Entries that were added and never marked done, oldest first. */
    static pending(file) {
        if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(file))
            return [];
        const open = new Map();
        for (const raw of (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, 'utf8').split('\n')) {
            if (!raw.trim())
                continue;
            let line;
            try {
                line = JSON.parse(raw);
            }
            catch {
                continue; // a torn last line from a killed process
            }
            if (line.op === 'add')
                open.set(line.id, line);
            else if (line.op === 'done')
                open.delete(line.id);
            else if (line.op === 'keep' && open.has(line.id))
                open.get(line.id).kept = true;
        }
        return [...open.values()];
    }
}


/***/ })

};
;
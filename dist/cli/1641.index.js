"use strict";
exports.id = 1641;
exports.ids = [1641];
exports.modules = {

/***/ 81641:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   convertTemplate: () => (/* binding */ convertTemplate)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(38815);
/* harmony import */ var _spec_errors__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(17800);
/* harmony import */ var _spec_load__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(11207);
/* harmony import */ var _spec_resolve__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6873);
/* harmony import */ var _spec_spec__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(81552);
/* harmony import */ var _open__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(80582);
/**
 * `bake convert`: a Packer template written out as the equivalent bake.yml. What has no
 * translation is left out of the spec and named by a `# TODO:` comment where it belongs, so
 * the file that comes out validates and says what is left to do by hand.
 */







/** The path's parts, as `yaml`'s getIn takes them: `a.b[2]` → ['a', 'b', 2]. */
function parts(path) {
    const out = [];
    for (const m of path.matchAll(/([A-Za-z_][A-Za-z0-9_-]*)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]/g)) {
        if (m[1] !== undefined)
            out.push(m[1]);
        else if (m[2] !== undefined)
            out.push(Number(m[2]));
        else
            out.push(JSON.parse(`"${m[3]}"`));
    }
    return out;
}
function getAt(root, p) {
    let v = root;
    for (const k of p) {
        if (v === null || typeof v !== 'object')
            return undefined;
        v = v[k];
    }
    return v;
}
function deleteAt(root, p) {
    const parent = getAt(root, p.slice(0, -1));
    const last = p[p.length - 1];
    if (Array.isArray(parent) && typeof last === 'number' && last < parent.length) {
        parent.splice(last, 1);
        return true;
    }
    if (parent && typeof parent === 'object' && typeof last === 'string' && last in parent) {
        delete parent[last];
        return true;
    }
    return false;
}
/** Problems of the checks that name one setting or step, which can be left out and noted. */
const REMOVABLE = [
    /^unknown key "/,
    /^unknown (provisioner|post-processor) type "/,
    / is not supported: /,
    /is Packer's template syntax/,
    // A post-processor that exists in bake but not for this artifact (vagrant after docker).
    / cannot take /,
];
function comparePaths(a, b) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
        if (a[i] === b[i])
            continue;
        if (typeof a[i] === 'number' && typeof b[i] === 'number')
            return a[i] - b[i];
        return String(a[i]) < String(b[i]) ? -1 : 1;
    }
    return a.length - b.length;
}
function short(v) {
    const t = (0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .stringify */ .As)(v, { lineWidth: 0 }).trim().replace(/\n\s*/g, ' ');
    return t.length > 100 ? t.slice(0, 100) + '…' : t;
}
/** Converts a template; paths are shown relative to `cwd`. */
async function convertTemplate(path, registry, cwd = process.cwd()) {
    const file = await (0,_open__WEBPACK_IMPORTED_MODULE_6__.loadPackerTemplate)(path, registry);
    const value = file.value;
    const todos = [...file.todos];
    const where = (p) => p.pos ? `${(0,node_path__WEBPACK_IMPORTED_MODULE_0__.relative)(cwd, p.pos.file) || p.pos.file}:${p.pos.line}` : '';
    // Leave out what the checks refuse, one setting at a time, until the rest is a valid spec.
    for (let round = 0; round < 50; round++) {
        let problems;
        try {
            const spec = (0,_spec_spec__WEBPACK_IMPORTED_MODULE_5__/* .loadSpec */ .II)(path, registry, file);
            // What only planning finds and a step can be left out for: a post-processor handed an
            // artifact it cannot take. Anything else (a required variable without a value) is the
            // user's to give when they run it.
            try {
                (0,_spec_resolve__WEBPACK_IMPORTED_MODULE_4__/* .resolvePlan */ .yY)(spec, { env: {}, offline: true });
                break;
            }
            catch (e) {
                if (!(e instanceof _spec_errors__WEBPACK_IMPORTED_MODULE_2__/* .SpecError */ .G8))
                    throw e;
                problems = e.problems.filter((p) => / cannot take /.test(p.message));
                if (!problems.length)
                    break;
            }
        }
        catch (e) {
            if (!(e instanceof _spec_errors__WEBPACK_IMPORTED_MODULE_2__/* .SpecError */ .G8))
                throw e;
            problems = e.problems;
        }
        let removed = false;
        const targets = [];
        for (const p of problems) {
            if (!p.path || !REMOVABLE.some((r) => r.test(p.message)))
                continue;
            let target = parts(p.path);
            // An unknown type, or a step that cannot take its input, stands for the whole step.
            if (/^unknown (provisioner|post-processor) type| cannot take /.test(p.message))
                target = target.slice(0, -1);
            // A {{ }} inside a list: the whole setting.
            while (typeof target[target.length - 1] === 'number' && /template syntax/.test(p.message))
                target = target.slice(0, -1);
            targets.push([p, target]);
        }
        // Later items first, so the positions of the ones before them still hold.
        targets.sort(([, a], [, b]) => comparePaths(b, a));
        for (const [p, target] of targets) {
            const old = getAt(value, target);
            if (old === undefined)
                continue;
            const anchor = target.slice(0, -1).reduce((a, k) => (0,_spec_load__WEBPACK_IMPORTED_MODULE_3__/* .joinPath */ .uJ)(a, k), '');
            if (deleteAt(value, target)) {
                removed = true;
                const last = target[target.length - 1];
                // A chain left empty goes too.
                let up = target.slice(0, -1);
                while (up.length > 1 &&
                    typeof up[up.length - 1] === 'number' &&
                    Array.isArray(getAt(value, up)) &&
                    getAt(value, up).length === 0) {
                    deleteAt(value, up);
                    up = up.slice(0, -1);
                }
                todos.push({
                    ...p,
                    anchor: up.reduce((a, k) => (0,_spec_load__WEBPACK_IMPORTED_MODULE_3__/* .joinPath */ .uJ)(a, k), '') || anchor,
                    message: `${p.message}; left out: ${typeof last === 'number' ? '' : `${last}: `}${short(old)}`,
                    hint: p.hint && !/^allowed keys/.test(p.hint) ? p.hint : undefined,
                });
            }
        }
        if (!removed) {
            for (const p of problems)
                todos.push({ ...p, anchor: p.path ?? '' });
            break;
        }
    }
    const doc = new yaml__WEBPACK_IMPORTED_MODULE_1__/* .Document */ .yo(value);
    const header = [
        ` Converted from ${(0,node_path__WEBPACK_IMPORTED_MODULE_0__.relative)(cwd, path) || path} by bake convert.`,
        ' Relative paths are as the template wrote them: keep this file in the same directory.',
    ];
    for (const vf of file.autoVarFiles ?? [])
        header.push(` TODO: ${(0,node_path__WEBPACK_IMPORTED_MODULE_0__.relative)(cwd, vf)} is a Packer var file; pass it with --var-file (bake reads *.auto.bakevars.yml by itself)`);
    doc.commentBefore = header.join('\n');
    todos.sort((a, b) => (a.pos?.file ?? '').localeCompare(b.pos?.file ?? '') ||
        (a.pos?.line ?? 0) - (b.pos?.line ?? 0) ||
        (a.pos?.col ?? 0) - (b.pos?.col ?? 0));
    for (const t of todos) {
        const text = ` ${t.note ? 'NOTE' : 'TODO'}: ${t.message}${t.hint ? ` (${t.hint})` : ''}${where(t) ? ` [${where(t)}]` : ''}`;
        let p = parts(t.anchor);
        let node;
        for (;;) {
            node = p.length ? doc.getIn(p, true) : doc.contents;
            if (node && ((0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isMap */ .jh)(node) || (0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isSeq */ .oP)(node)))
                break;
            if (!p.length)
                break;
            p = p.slice(0, -1);
        }
        const target = node && ((0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isMap */ .jh)(node) || (0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isSeq */ .oP)(node)) && node.items.length ? node.items[0] : node;
        const holder = (target && 'key' in target
            ? target.key
            : target);
        if (holder && typeof holder === 'object') {
            holder.commentBefore = holder.commentBefore ? `${holder.commentBefore}\n${text}` : text;
        }
        else {
            doc.comment = doc.comment ? `${doc.comment}\n${text}` : text;
        }
    }
    return { yaml: doc.toString({ lineWidth: 0 }), todos: todos.filter((t) => !t.note) };
}


/***/ })

};
;
"use strict";
exports.id = 574;
exports.ids = [574];
exports.modules = {

/***/ 2193:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  main: () => (/* binding */ main)
});

// EXTERNAL MODULE: ./package.json
var package_0 = __webpack_require__(8330);
// EXTERNAL MODULE: ./src/spec/errors.ts
var errors = __webpack_require__(17800);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./node_modules/minimatch/dist/esm/index.js + 8 modules
var esm = __webpack_require__(91138);
// EXTERNAL MODULE: ./src/spec/expr.ts
var expr = __webpack_require__(58672);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./src/spec/schema.ts
var schema = __webpack_require__(47280);
;// CONCATENATED MODULE: ./src/spec/functions.ts







const MAX_STRING = 16 * 1024 * 1024;
function arity(name, args, min, max, at) {
    if (args.length < min || args.length > max) {
        const want = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`;
        throw new expr/* ExprError */._M(`${name}() takes ${want} argument${min === 1 && max === 1 ? '' : 's'}, got ${args.length}`, at);
    }
}
function str(v, at, fn) {
    if (typeof v === 'string')
        return v;
    if (typeof v === 'number' || typeof v === 'boolean')
        return String(v);
    throw new expr/* ExprError */._M(`${fn}() expects a string, got ${(0,expr/* typeName */.go)(v)}`, at);
}
function list(v, at, fn) {
    if (Array.isArray(v))
        return v;
    throw new expr/* ExprError */._M(`${fn}() expects a list, got ${(0,expr/* typeName */.go)(v)}`, at);
}
function map(v, at, fn) {
    if (v !== null && typeof v === 'object' && !Array.isArray(v))
        return v;
    throw new expr/* ExprError */._M(`${fn}() expects a map, got ${(0,expr/* typeName */.go)(v)}`, at);
}
function numArg(v, at, fn) {
    if (typeof v === 'number')
        return v;
    if (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v)))
        return Number(v);
    throw new expr/* ExprError */._M(`${fn}() expects a number, got ${(0,expr/* typeName */.go)(v)}`, at);
}
function regex(pattern, at, flags = '') {
    try {
        return new RegExp(pattern, flags);
    }
    catch (e) {
        throw new expr/* ExprError */._M(`invalid regular expression: ${e.message}`, at);
    }
}
function readSpecFile(path, at, ctx, fn) {
    const full = (0,external_node_path_.isAbsolute)(path) ? path : (0,external_node_path_.resolve)(ctx.baseDir, path);
    try {
        const text = (0,external_node_fs_.readFileSync)(full, 'utf8');
        ctx.onFileRead?.(full);
        return text;
    }
    catch (e) {
        const code = e.code;
        throw new expr/* ExprError */._M(`${fn}("${path}"): ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : String(code)}`, at, `paths are relative to the spec's directory (${ctx.baseDir})`);
    }
}
function fromJson(v) {
    if (v === undefined)
        return null;
    return v;
}
const pad = (n, w = 2) => String(n).padStart(w, '0');
const MONTHS = [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
/** Packer's (HCL's) formatdate: YYYY, MM, DD, hh (24 h), mm, ss, 'literal' and friends. */
function parseTimestamp(ts, at, fn) {
    const d = new Date(ts);
    if (Number.isNaN(d.getTime()))
        throw new expr/* ExprError */._M(`${fn}(): "${ts}" is not an RFC 3339 timestamp`, at, 'use timestamp() or a value like 2024-01-31T12:00:00Z');
    return d;
}
function formatDate(spec, ts, at) {
    const d = parseTimestamp(ts, at, 'formatdate');
    const tokens = [
        ['YYYY', () => String(d.getUTCFullYear())],
        ['YY', () => pad(d.getUTCFullYear() % 100)],
        ['MMMM', () => MONTHS[d.getUTCMonth()]],
        ['MMM', () => MONTHS[d.getUTCMonth()].slice(0, 3)],
        ['MM', () => pad(d.getUTCMonth() + 1)],
        ['M', () => String(d.getUTCMonth() + 1)],
        ['DD', () => pad(d.getUTCDate())],
        ['D', () => String(d.getUTCDate())],
        ['EEEE', () => DAYS[d.getUTCDay()]],
        ['EEE', () => DAYS[d.getUTCDay()].slice(0, 3)],
        ['hh', () => pad(d.getUTCHours())],
        ['h', () => String(d.getUTCHours())],
        ['HH', () => pad(d.getUTCHours() % 12 || 12)],
        ['H', () => String(d.getUTCHours() % 12 || 12)],
        ['AA', () => (d.getUTCHours() < 12 ? 'AM' : 'PM')],
        ['aa', () => (d.getUTCHours() < 12 ? 'am' : 'pm')],
        ['mm', () => pad(d.getUTCMinutes())],
        ['m', () => String(d.getUTCMinutes())],
        ['ss', () => pad(d.getUTCSeconds())],
        ['s', () => String(d.getUTCSeconds())],
        ['ZZZZZ', () => '+00:00'],
        ['ZZZZ', () => '+0000'],
        ['ZZZ', () => 'UTC'],
        ['Z', () => 'Z'],
    ];
    let out = '';
    let i = 0;
    while (i < spec.length) {
        if (spec[i] === "'") {
            const end = spec.indexOf("'", i + 1);
            if (end < 0)
                throw new expr/* ExprError */._M('formatdate(): unterminated quoted literal', at);
            out += end === i + 1 ? "'" : spec.slice(i + 1, end);
            i = end + 1;
            continue;
        }
        const tok = tokens.find(([t]) => spec.startsWith(t, i));
        if (tok) {
            out += tok[1]();
            i += tok[0].length;
        }
        else if (/[A-Za-z]/.test(spec[i])) {
            throw new expr/* ExprError */._M(`formatdate(): unknown format letter "${spec[i]}"`, at, "put literal letters in single quotes, like 'T'");
        }
        else {
            out += spec[i++];
        }
    }
    return out;
}
/** Go-style format(): %s %d %v %q %f %%. */
function format(fmt, args, at) {
    let i = 0;
    return fmt.replace(/%(%|[-+ 0#]*\d*(?:\.\d+)?[sdvqftx])/g, (m, spec) => {
        if (spec === '%')
            return '%';
        if (i >= args.length)
            throw new expr/* ExprError */._M(`format(): not enough arguments for "${m}"`, at);
        const v = args[i++];
        const verb = spec[spec.length - 1];
        const prec = /\.(\d+)/.exec(spec);
        switch (verb) {
            case 'd':
                return String(Math.trunc(numArg(v, at, 'format')));
            case 'f':
                return numArg(v, at, 'format').toFixed(prec ? Number(prec[1]) : 6);
            case 'q':
                return JSON.stringify((0,expr/* toText */.fE)(v, at));
            case 'x':
                return Math.trunc(numArg(v, at, 'format')).toString(16);
            case 't':
                return String(v === true);
            default:
                return typeof v === 'object' && v !== null ? JSON.stringify(v) : (0,expr/* toText */.fE)(v, at);
        }
    });
}
function flatten(v) {
    const out = [];
    for (const x of v)
        if (Array.isArray(x))
            out.push(...flatten(x));
        else
            out.push(x);
    return out;
}
const fns = {
    // Time and identity: fixed for the whole run so every reference agrees.
    timestamp: (a, at, _ev, ctx) => (arity('timestamp', a, 0, 0, at),
        ctx.now.toISOString().replace(/\.\d{3}Z$/, 'Z')),
    formatdate: (a, at, ev) => (arity('formatdate', a, 2, 2, at),
        formatDate(str(ev(a[0]), at, 'formatdate'), str(ev(a[1]), at, 'formatdate'), at)),
    timeadd: (a, at, ev) => {
        arity('timeadd', a, 2, 2, at);
        const d = parseTimestamp(str(ev(a[0]), at, 'timeadd'), at, 'timeadd');
        const dur = str(ev(a[1]), at, 'timeadd');
        const m = /^(-?)((?:\d+(?:\.\d+)?(?:ms|s|m|h))+)$/.exec(dur);
        const ms = m ? (0,schema/* parseDuration */.E9)(m[2]) : undefined;
        if (ms === undefined)
            throw new expr/* ExprError */._M(`timeadd(): "${dur}" is not a duration`, at, 'use a duration such as "2160h" (90 days), "30m" or "-1h"');
        return new Date(d.getTime() + (m[1] ? -ms : ms)).toISOString().replace(/\.000Z$/, 'Z');
    },
    clean_resource_name: (a, at, ev) => {
        arity('clean_resource_name', a, 1, 1, at);
        // Only the characters AMI, image and disk names accept, at most 128 of them.
        return str(ev(a[0]), at, 'clean_resource_name')
            .replace(/[^A-Za-z0-9()[\]./\-'@_ ]/g, '-')
            .slice(0, 128);
    },
    // Fresh on every call, as in Packer (timestamp() is the one fixed for the run).
    uuidv4: (a, at, _ev, ctx) => {
        arity('uuidv4', a, 0, 0, at);
        return ctx.fixedUuid ?? (0,external_node_crypto_.randomUUID)();
    },
    env: (a, at, ev, ctx) => {
        arity('env', a, 1, 1, at);
        return ctx.env[str(ev(a[0]), at, 'env')] ?? '';
    },
    // Files, relative to the spec.
    file: (a, at, ev, ctx) => (arity('file', a, 1, 1, at),
        readSpecFile(str(ev(a[0]), at, 'file'), at, ctx, 'file')),
    fileexists: (a, at, ev, ctx) => {
        arity('fileexists', a, 1, 1, at);
        try {
            readSpecFile(str(ev(a[0]), at, 'fileexists'), at, ctx, 'fileexists');
            return true;
        }
        catch {
            return false;
        }
    },
    templatefile: (a, at, ev, ctx, scope) => {
        arity('templatefile', a, 2, 2, at);
        const text = readSpecFile(str(ev(a[0]), at, 'templatefile'), at, ctx, 'templatefile');
        const vars = map(ev(a[1]), at, 'templatefile');
        const inner = {
            root: (name) => (Object.prototype.hasOwnProperty.call(vars, name) ? vars[name] : undefined),
            attr: () => undefined,
            call: scope.call,
        };
        try {
            return (0,expr/* toText */.fE)((0,expr/* evaluate */._3)((0,expr/* parseTemplate */.QC)(text), inner), at);
        }
        catch (e) {
            if (e instanceof expr/* ExprError */._M)
                throw new expr/* ExprError */._M(`templatefile("${String(ev(a[0]))}"): ${e.message}`, at, e.hint);
            throw e;
        }
    },
    abspath: (a, at, ev, ctx) => (arity('abspath', a, 1, 1, at),
        (0,external_node_path_.resolve)(ctx.baseDir, str(ev(a[0]), at, 'abspath'))),
    basename: (a, at, ev) => (arity('basename', a, 1, 1, at),
        (0,external_node_path_.basename)(str(ev(a[0]), at, 'basename'))),
    dirname: (a, at, ev) => (arity('dirname', a, 1, 1, at), (0,external_node_path_.dirname)(str(ev(a[0]), at, 'dirname'))),
    // Strings.
    lower: (a, at, ev) => (arity('lower', a, 1, 1, at), str(ev(a[0]), at, 'lower').toLowerCase()),
    upper: (a, at, ev) => (arity('upper', a, 1, 1, at), str(ev(a[0]), at, 'upper').toUpperCase()),
    title: (a, at, ev) => (arity('title', a, 1, 1, at),
        str(ev(a[0]), at, 'title').replace(/\b\w/g, (c) => c.toUpperCase())),
    trimspace: (a, at, ev) => (arity('trimspace', a, 1, 1, at),
        str(ev(a[0]), at, 'trimspace').trim()),
    trim: (a, at, ev) => {
        arity('trim', a, 1, 2, at);
        const s = str(ev(a[0]), at, 'trim');
        if (a.length === 1)
            return s.trim();
        const cut = new Set(str(ev(a[1]), at, 'trim'));
        let i = 0;
        let j = s.length;
        while (i < j && cut.has(s[i]))
            i++;
        while (j > i && cut.has(s[j - 1]))
            j--;
        return s.slice(i, j);
    },
    trimprefix: (a, at, ev) => {
        arity('trimprefix', a, 2, 2, at);
        const s = str(ev(a[0]), at, 'trimprefix');
        const p = str(ev(a[1]), at, 'trimprefix');
        return s.startsWith(p) ? s.slice(p.length) : s;
    },
    trimsuffix: (a, at, ev) => {
        arity('trimsuffix', a, 2, 2, at);
        const s = str(ev(a[0]), at, 'trimsuffix');
        const p = str(ev(a[1]), at, 'trimsuffix');
        return p && s.endsWith(p) ? s.slice(0, -p.length) : s;
    },
    startswith: (a, at, ev) => (arity('startswith', a, 2, 2, at),
        str(ev(a[0]), at, 'startswith').startsWith(str(ev(a[1]), at, 'startswith'))),
    endswith: (a, at, ev) => (arity('endswith', a, 2, 2, at),
        str(ev(a[0]), at, 'endswith').endsWith(str(ev(a[1]), at, 'endswith'))),
    replace: (a, at, ev) => {
        arity('replace', a, 3, 3, at);
        const s = str(ev(a[0]), at, 'replace');
        const sub = str(ev(a[1]), at, 'replace');
        const rep = str(ev(a[2]), at, 'replace');
        // HCL: a substring written as /.../ is a regular expression.
        if (sub.length > 1 && sub.startsWith('/') && sub.endsWith('/'))
            return s.replace(regex(sub.slice(1, -1), at, 'g'), rep);
        return s.split(sub).join(rep);
    },
    regex_replace: (a, at, ev) => (arity('regex_replace', a, 3, 3, at),
        str(ev(a[0]), at, 'regex_replace').replace(regex(str(ev(a[1]), at, 'regex_replace'), at, 'g'), str(ev(a[2]), at, 'regex_replace'))),
    regex: (a, at, ev) => {
        arity('regex', a, 2, 2, at);
        const m = regex(str(ev(a[0]), at, 'regex'), at).exec(str(ev(a[1]), at, 'regex'));
        if (!m)
            throw new expr/* ExprError */._M('regex(): the pattern does not match', at);
        if (m.groups)
            return { ...m.groups };
        return m.length > 1 ? m.slice(1).map((x) => x ?? null) : m[0];
    },
    split: (a, at, ev) => (arity('split', a, 2, 2, at),
        str(ev(a[1]), at, 'split').split(str(ev(a[0]), at, 'split'))),
    join: (a, at, ev) => {
        arity('join', a, 2, 2, at);
        const sep = str(ev(a[0]), at, 'join');
        return list(ev(a[1]), at, 'join')
            .map((x) => (0,expr/* toText */.fE)(x, at))
            .join(sep);
    },
    format: (a, at, ev) => (arity('format', a, 1, Infinity, at),
        format(str(ev(a[0]), at, 'format'), a.slice(1).map(ev), at)),
    substr: (a, at, ev) => {
        arity('substr', a, 3, 3, at);
        const s = [...str(ev(a[0]), at, 'substr')];
        const off = numArg(ev(a[1]), at, 'substr');
        const len = numArg(ev(a[2]), at, 'substr');
        const start = off < 0 ? s.length + off : off;
        return s.slice(start, len < 0 ? undefined : start + len).join('');
    },
    strrev: (a, at, ev) => (arity('strrev', a, 1, 1, at),
        [...str(ev(a[0]), at, 'strrev')].reverse().join('')),
    indent: (a, at, ev) => (arity('indent', a, 2, 2, at),
        str(ev(a[1]), at, 'indent').replace(/\n/g, '\n' + ' '.repeat(numArg(ev(a[0]), at, 'indent')))),
    // Collections.
    length: (a, at, ev) => {
        arity('length', a, 1, 1, at);
        const v = ev(a[0]);
        if (typeof v === 'string')
            return [...v].length;
        if (Array.isArray(v))
            return v.length;
        if (v && typeof v === 'object')
            return Object.keys(v).length;
        throw new expr/* ExprError */._M(`length() expects a string, list or map, got ${(0,expr/* typeName */.go)(v)}`, at);
    },
    concat: (a, at, ev) => a.flatMap((x) => list(ev(x), at, 'concat')),
    merge: (a, at, ev) => Object.assign({}, ...a.map((x) => map(ev(x), at, 'merge'))),
    lookup: (a, at, ev) => {
        arity('lookup', a, 2, 3, at);
        const m = map(ev(a[0]), at, 'lookup');
        const k = str(ev(a[1]), at, 'lookup');
        if (Object.prototype.hasOwnProperty.call(m, k))
            return m[k];
        if (a.length === 3)
            return ev(a[2]);
        throw new expr/* ExprError */._M(`lookup(): no key "${k}" and no default`, at, 'pass a default as the third argument');
    },
    contains: (a, at, ev) => (arity('contains', a, 2, 2, at),
        list(ev(a[0]), at, 'contains').some((x) => (0,expr/* deepEqual */.bD)(x, ev(a[1])))),
    keys: (a, at, ev) => (arity('keys', a, 1, 1, at), Object.keys(map(ev(a[0]), at, 'keys')).sort()),
    values: (a, at, ev) => {
        arity('values', a, 1, 1, at);
        const m = map(ev(a[0]), at, 'values');
        return Object.keys(m)
            .sort()
            .map((k) => m[k]);
    },
    element: (a, at, ev) => {
        arity('element', a, 2, 2, at);
        const l = list(ev(a[0]), at, 'element');
        if (!l.length)
            throw new expr/* ExprError */._M('element(): the list is empty', at);
        return l[((Math.trunc(numArg(ev(a[1]), at, 'element')) % l.length) + l.length) % l.length];
    },
    flatten: (a, at, ev) => (arity('flatten', a, 1, 1, at), flatten(list(ev(a[0]), at, 'flatten'))),
    distinct: (a, at, ev) => {
        arity('distinct', a, 1, 1, at);
        const out = [];
        for (const x of list(ev(a[0]), at, 'distinct'))
            if (!out.some((y) => (0,expr/* deepEqual */.bD)(x, y)))
                out.push(x);
        return out;
    },
    coalesce: (a, at, ev) => {
        for (const x of a) {
            const v = ev(x);
            if (v !== null && v !== '')
                return v;
        }
        throw new expr/* ExprError */._M('coalesce(): every argument is null or empty', at);
    },
    min: (a, at, ev) => Math.min(...a.map((x) => numArg(ev(x), at, 'min'))),
    max: (a, at, ev) => Math.max(...a.map((x) => numArg(ev(x), at, 'max'))),
    abs: (a, at, ev) => (arity('abs', a, 1, 1, at), Math.abs(numArg(ev(a[0]), at, 'abs'))),
    ceil: (a, at, ev) => (arity('ceil', a, 1, 1, at), Math.ceil(numArg(ev(a[0]), at, 'ceil'))),
    floor: (a, at, ev) => (arity('floor', a, 1, 1, at), Math.floor(numArg(ev(a[0]), at, 'floor'))),
    tostring: (a, at, ev) => (arity('tostring', a, 1, 1, at), (0,expr/* toText */.fE)(ev(a[0]), at)),
    tonumber: (a, at, ev) => (arity('tonumber', a, 1, 1, at), numArg(ev(a[0]), at, 'tonumber')),
    tobool: (a, at, ev) => {
        arity('tobool', a, 1, 1, at);
        const v = ev(a[0]);
        if (typeof v === 'boolean')
            return v;
        if (v === 'true' || v === 'false')
            return v === 'true';
        throw new expr/* ExprError */._M(`tobool(): cannot convert ${(0,expr/* typeName */.go)(v)} to bool`, at);
    },
    // Errors as values.
    try: (a, at, ev) => {
        arity('try', a, 1, Infinity, at);
        let last;
        for (const x of a) {
            try {
                return ev(x);
            }
            catch (e) {
                if (!(e instanceof expr/* ExprError */._M))
                    throw e;
                last = e;
            }
        }
        throw new expr/* ExprError */._M(`try(): every argument failed; the last: ${last.message}`, at);
    },
    can: (a, at, ev) => {
        arity('can', a, 1, 1, at);
        try {
            ev(a[0]);
            return true;
        }
        catch (e) {
            if (e instanceof expr/* ExprError */._M)
                return false;
            throw e;
        }
    },
    // Encodings and hashes.
    jsonencode: (a, at, ev) => (arity('jsonencode', a, 1, 1, at), JSON.stringify(ev(a[0]))),
    jsondecode: (a, at, ev) => {
        arity('jsondecode', a, 1, 1, at);
        try {
            return fromJson(JSON.parse(str(ev(a[0]), at, 'jsondecode')));
        }
        catch (e) {
            if (e instanceof expr/* ExprError */._M)
                throw e;
            throw new expr/* ExprError */._M(`jsondecode(): ${e.message}`, at);
        }
    },
    yamlencode: (a, at, ev) => (arity('yamlencode', a, 1, 1, at), (0,dist/* stringify */.As)(ev(a[0]))),
    yamldecode: (a, at, ev) => {
        arity('yamldecode', a, 1, 1, at);
        try {
            return fromJson((0,dist/* parse */.qg)(str(ev(a[0]), at, 'yamldecode'), { maxAliasCount: 100 }));
        }
        catch (e) {
            if (e instanceof expr/* ExprError */._M)
                throw e;
            throw new expr/* ExprError */._M(`yamldecode(): ${e.message.split('\n')[0]}`, at);
        }
    },
    base64encode: (a, at, ev) => (arity('base64encode', a, 1, 1, at),
        Buffer.from(str(ev(a[0]), at, 'base64encode')).toString('base64')),
    base64decode: (a, at, ev) => {
        arity('base64decode', a, 1, 1, at);
        const s = str(ev(a[0]), at, 'base64decode');
        if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s) || s.length % 4 !== 0)
            throw new expr/* ExprError */._M('base64decode(): not valid base64', at);
        return Buffer.from(s, 'base64').toString('utf8');
    },
    sha256: (a, at, ev) => (arity('sha256', a, 1, 1, at),
        (0,external_node_crypto_.createHash)('sha256')
            .update(str(ev(a[0]), at, 'sha256'))
            .digest('hex')),
    sha1: (a, at, ev) => (arity('sha1', a, 1, 1, at),
        (0,external_node_crypto_.createHash)('sha1')
            .update(str(ev(a[0]), at, 'sha1'))
            .digest('hex')),
    md5: (a, at, ev) => (arity('md5', a, 1, 1, at),
        (0,external_node_crypto_.createHash)('md5')
            .update(str(ev(a[0]), at, 'md5'))
            .digest('hex')),
};
const FUNCTION_NAMES = Object.keys(fns).sort();
function callFunction(name, args, at, ev, ctx, scope) {
    const fn = Object.prototype.hasOwnProperty.call(fns, name) ? fns[name] : undefined;
    if (!fn) {
        const near = (0,errors/* didYouMean */.au)(name, FUNCTION_NAMES);
        throw new expr/* ExprError */._M(`unknown function ${name}()`, at, near ? `did you mean ${near}()?` : `known functions: ${FUNCTION_NAMES.join(', ')}`);
    }
    // Functions see plain values; what they compute from a sensitive argument is sensitive,
    // and so is what their errors would say about it.
    let hidden = false;
    const plain = (x) => {
        const r = (0,expr/* unmark */.dX)(ev(x));
        hidden ||= r.sensitive;
        return r.value;
    };
    let v;
    try {
        v = fn(args, at, plain, ctx, scope);
    }
    catch (e) {
        if (hidden && e instanceof expr/* ExprError */._M)
            throw new expr/* ExprError */._M(`${name}() failed on a sensitive value (the details are not shown)`, at, e.hint);
        throw e;
    }
    if (typeof v === 'string' && v.length > MAX_STRING)
        throw new expr/* ExprError */._M(`${name}() produced more than ${MAX_STRING} characters`, at);
    return hidden ? (0,expr/* sensitive */.LS)(v) : v;
}

// EXTERNAL MODULE: ./src/spec/load.ts
var load = __webpack_require__(11207);
// EXTERNAL MODULE: ./src/spec/spec.ts
var spec_spec = __webpack_require__(81552);
// EXTERNAL MODULE: ./src/spec/plugin-common.ts
var plugin_common = __webpack_require__(33268);
// EXTERNAL MODULE: ./src/spec/types.ts
var types = __webpack_require__(49518);
;// CONCATENATED MODULE: ./src/plugins/api.ts
/** The artifact kind a builder makes with these settings. */
function artifactKindOf(d, config) {
    return typeof d.artifact === 'function' ? d.artifact(config) : d.artifact;
}

// EXTERNAL MODULE: ./src/util/redact.ts
var redact = __webpack_require__(50767);
;// CONCATENATED MODULE: ./src/spec/resolve.ts
/**
 * From a checked spec and the user's inputs to a Plan: variables get their values, locals
 * are computed, and every build × source becomes one fully evaluated build instance.
 */















const ENV_PREFIXES = ['BAKE_VAR_', 'PKR_VAR_'];
function varFileNames(dir) {
    if (!(0,external_node_fs_.existsSync)(dir))
        return [];
    return (0,external_node_fs_.readdirSync)(dir)
        .filter((f) => /\.auto\.bakevars\.(ya?ml|json)$/.test(f))
        .sort()
        .map((f) => (0,external_node_path_.join)(dir, f));
}
function githubContext(env, cwd) {
    let sha;
    return {
        sha: () => {
            if (env.GITHUB_SHA)
                return env.GITHUB_SHA;
            if (sha !== undefined)
                return sha;
            let why;
            try {
                sha = (0,external_node_child_process_.execFileSync)('git', ['rev-parse', 'HEAD'], {
                    cwd,
                    stdio: ['ignore', 'pipe', 'pipe'],
                    timeout: 5000,
                })
                    .toString()
                    .trim();
                if (sha)
                    return sha;
                why = 'git rev-parse HEAD printed nothing';
            }
            catch (e) {
                const err = e;
                why = `git rev-parse HEAD failed: ${(err.stderr?.toString().trim() || err.message).split('\n')[0]}`;
            }
            // An empty sha would quietly name images "app-"; say why there is none instead.
            throw new expr/* ExprError */._M(`github.sha is not known (GITHUB_SHA is not set and ${why})`, 0, 'run bake inside a git checkout, or set GITHUB_SHA');
        },
        ref_name: () => env.GITHUB_REF_NAME ?? '',
        run_id: () => env.GITHUB_RUN_ID ?? '',
        run_attempt: () => env.GITHUB_RUN_ATTEMPT ?? '',
        repository: () => env.GITHUB_REPOSITORY ?? '',
        actor: () => env.GITHUB_ACTOR ?? '',
        event_name: () => env.GITHUB_EVENT_NAME ?? '',
        pr: () => {
            const m = /^refs\/pull\/(\d+)\//.exec(env.GITHUB_REF ?? '');
            return m ? m[1] : '';
        },
    };
}
function resolvePlan(spec, opts = {}) {
    const env = opts.env ?? process.env;
    const now = opts.stable ? new Date(0) : (opts.now ?? new Date());
    const cwd = opts.cwd ?? process.cwd();
    const problems = [];
    const file = spec.file;
    const at = (p, key = false) => (0,schema/* positionOf */.df)(file, p, key);
    const fctx = {
        now,
        baseDir: (0,external_node_path_.resolve)(spec.dir),
        env,
        ...(opts.stable ? { fixedUuid: '00000000-0000-4000-8000-000000000000' } : {}),
    };
    const github = githubContext(env, spec.dir);
    // ---- variables: default < env < var files (auto, then given) < --var
    const decls = new Map();
    for (const [name, d] of Object.entries(spec.variables)) {
        const decl = d ?? {};
        decls.set(name, {
            type: (0,types/* parseVarType */.$F)(String(decl.type ?? 'string')) ?? { k: 'any' },
            sensitive: decl.sensitive === true || decl.sensitive === 'true',
            nullable: decl.nullable === true || decl.nullable === 'true',
            path: (0,load/* joinPath */.uJ)('variables', name),
            description: typeof decl.description === 'string' ? decl.description : undefined,
            hasDefault: 'default' in decl,
        });
    }
    const assigned = new Map();
    const declaredList = () => [...decls.keys()].join(', ') || 'none';
    const assign = (name, a, where, pos) => {
        if (!decls.has(name)) {
            const near = (0,errors/* didYouMean */.au)(name, decls.keys());
            problems.push({
                message: `${where} sets variable "${name}", which the spec does not declare`,
                pos,
                hint: near ? `did you mean "${near}"?` : `declared variables: ${declaredList()}`,
            });
            return;
        }
        assigned.set(name, a);
    };
    for (const [name, d] of Object.entries(spec.variables)) {
        if (d && 'default' in d)
            assigned.set(name, {
                value: d.default,
                source: 'default',
                pos: at((0,load/* joinPath */.uJ)((0,load/* joinPath */.uJ)('variables', name), 'default')),
                fromText: false,
            });
    }
    for (const prefix of ENV_PREFIXES.slice().reverse()) {
        for (const [k, v] of Object.entries(env)) {
            if (!k.startsWith(prefix) || v === undefined)
                continue;
            const name = k.slice(prefix.length);
            // Stray environment variables are common in CI; only declared ones are taken.
            if (decls.has(name))
                assigned.set(name, { value: v, source: `env ${k}`, fromText: true });
        }
    }
    const varFiles = [...varFileNames(spec.dir), ...(opts.varFiles ?? [])];
    for (const vf of varFiles) {
        let loaded;
        try {
            loaded = (0,load/* loadYamlFile */.Y3)(vf, 'var');
        }
        catch (e) {
            if (e instanceof errors/* SpecError */.G8) {
                problems.push(...e.problems);
                continue;
            }
            throw e;
        }
        if (loaded.value === null)
            continue;
        if (typeof loaded.value !== 'object' || Array.isArray(loaded.value)) {
            problems.push({
                message: 'a var file is a mapping of variable names to values',
                pos: { file: vf, line: 1, col: 1 },
            });
            continue;
        }
        for (const [k, v] of Object.entries(loaded.value)) {
            assign(k, { value: v, source: `var file ${vf}`, pos: (0,schema/* positionOf */.df)(loaded, k), fromText: false }, `var file ${vf}`, (0,schema/* positionOf */.df)(loaded, k, true));
        }
    }
    for (const [k, v] of Object.entries(opts.vars ?? {}))
        assign(k, { value: v, source: `--var ${k}`, fromText: true }, `--var ${k}=…`);
    const varValues = {};
    const resolvedVars = [];
    for (const [name, d] of decls) {
        const a = assigned.get(name);
        if (!a) {
            problems.push({
                message: `variable "${name}" is required but has no value`,
                path: d.path,
                pos: at(d.path, true),
                hint: `set it with --var ${name}=VALUE, the action input "vars: ${name}=VALUE", env BAKE_VAR_${name}, a var file, or give it a default`,
            });
            continue;
        }
        let value = a.value;
        if (value === null && !d.nullable) {
            if (!d.hasDefault || a.source !== 'default') {
                problems.push({
                    message: `variable "${name}" is null`,
                    pos: a.pos,
                    path: d.path,
                    hint: 'give it a value, or declare it with nullable: true',
                });
                continue;
            }
        }
        // Registered before anything can print it, even as it is in an error message.
        if (d.sensitive)
            (0,redact/* addSecret */.Ck)(value);
        if (value !== null) {
            const r = (0,types/* convertToType */.dC)(value, d.type, a.fromText, d.sensitive);
            if (!r.ok) {
                problems.push({
                    message: `variable "${name}" (${(0,types/* showVarType */.zH)(d.type)}) from ${a.source}: ${r.error}`,
                    pos: a.pos ?? at(d.path, true),
                    path: d.path,
                });
                continue;
            }
            value = r.value;
        }
        if (d.sensitive)
            (0,redact/* addSecret */.Ck)(value);
        // A sensitive variable's value carries its mark into every expression that reads it.
        varValues[name] = d.sensitive ? new expr/* Sensitive */.pT(value) : value;
        resolvedVars.push({
            name,
            type: (0,types/* showVarType */.zH)(d.type),
            value,
            sensitive: d.sensitive,
            source: a.source,
            description: d.description,
        });
    }
    if (problems.length)
        throw new errors/* SpecError */.G8(problems);
    // ---- scope shared by locals and instances
    const localsRaw = spec.locals;
    const localValues = new Map();
    const localStack = [];
    const pathRoot = (0,external_node_path_.resolve)(spec.dir);
    const makeScope = (extra) => {
        const scope = {
            root: (name) => {
                if (name === 'var')
                    return varValues;
                if (name in extra)
                    return extra[name];
                if (name === 'path')
                    return { root: pathRoot, cwd };
                if (name === 'local')
                    return Object.fromEntries(Object.keys(localsRaw).map((k) => [k, localValue(k)]));
                if (name === 'github')
                    return Object.fromEntries(Object.entries(github).map(([k, f]) => [k, f()]));
                return undefined;
            },
            attr: (root, name, pos) => {
                if (root === 'var') {
                    if (name in varValues)
                        return varValues[name];
                    const near = (0,errors/* didYouMean */.au)(name, Object.keys(varValues));
                    throw new expr/* ExprError */._M(`unknown variable var.${name}`, pos, near ? `did you mean var.${near}?` : `declared variables: ${declaredList()}`);
                }
                if (root === 'local') {
                    if (!(name in localsRaw)) {
                        const near = (0,errors/* didYouMean */.au)(name, Object.keys(localsRaw));
                        throw new expr/* ExprError */._M(`unknown local local.${name}`, pos, near
                            ? `did you mean local.${near}?`
                            : `defined locals: ${Object.keys(localsRaw).join(', ') || 'none'}`);
                    }
                    return localValue(name);
                }
                if (root === 'github') {
                    if (name in github)
                        return github[name]();
                    throw new expr/* ExprError */._M(`unknown github.${name}`, pos, `known: ${Object.keys(github)
                        .map((k) => 'github.' + k)
                        .join(', ')}`);
                }
                if (root in extra) {
                    if (name in extra[root])
                        return extra[root][name];
                    throw new expr/* ExprError */._M(`unknown ${root}.${name}`, pos, `known: ${Object.keys(extra[root])
                        .map((k) => root + '.' + k)
                        .join(', ')}`);
                }
                if (root === 'path') {
                    if (name === 'root')
                        return pathRoot;
                    if (name === 'cwd')
                        return cwd;
                    throw new expr/* ExprError */._M(`unknown path.${name}`, pos, 'known: path.root, path.cwd');
                }
                if (root === 'source' || root === 'build') {
                    throw new expr/* ExprError */._M(`${root}.${name} is only known inside a build (sources and builds), not in variables or locals`, pos);
                }
                return undefined;
            },
            call: (name, args, pos, ev) => callFunction(name, args, pos, ev, fctx, scope),
        };
        return scope;
    };
    const baseScope = makeScope({});
    /** Where an expression failed: what the checks then say of that value follows from it. */
    const evalFailures = new Map();
    const evalMarked = (value, path, scope, errs) => {
        if (typeof value === 'string') {
            if (!(0,expr/* hasTemplate */.rJ)(value))
                return value.includes('$${') ? value.replace(/\$\$\{/g, '${') : value;
            try {
                return (0,expr/* evaluateMarked */.Um)((0,expr/* parseTemplate */.QC)(value), scope);
            }
            catch (e) {
                if (e instanceof expr/* ExprError */._M) {
                    const problem = {
                        message: `${e.message} in ${JSON.stringify(value.length > 60 ? value.slice(0, 60) + '…' : value)}`,
                        path,
                        pos: at(path),
                        hint: e.hint,
                    };
                    errs.push(problem);
                    evalFailures.set(path, problem);
                    return undefined;
                }
                throw e;
            }
        }
        if (Array.isArray(value))
            return value.map((v, i) => evalMarked(v, (0,load/* joinPath */.uJ)(path, i), scope, errs));
        if (value && typeof value === 'object') {
            return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, evalMarked(v, (0,load/* joinPath */.uJ)(path, k), scope, errs)]));
        }
        return value;
    };
    /** Evaluates a tree to plain values; every part computed from a sensitive value is a secret. */
    const evalTree = (value, path, scope, errs) => {
        const r = (0,expr/* reveal */._c)(evalMarked(value, path, scope, errs));
        for (const secret of r.secrets)
            (0,redact/* addSecret */.Ck)(secret);
        return r.value;
    };
    const localErrors = [];
    function localValue(name) {
        if (localValues.has(name))
            return localValues.get(name);
        const p = (0,load/* joinPath */.uJ)('locals', name);
        if (localStack.includes(name)) {
            const cycle = [...localStack.slice(localStack.indexOf(name)), name]
                .map((n) => 'local.' + n)
                .join(' → ');
            throw new expr/* ExprError */._M(`locals refer to each other in a cycle: ${cycle}`, 0, 'break the cycle by computing one of them from variables only');
        }
        localStack.push(name);
        try {
            const errs = [];
            // Locals keep their marks, so what is computed from them is sensitive too.
            const v = evalMarked(localsRaw[name], p, baseScope, errs);
            if (errs.length) {
                localErrors.push(...errs);
                throw new expr/* ExprError */._M(`local.${name} has an error`, 0);
            }
            localValues.set(name, v);
            for (const secret of (0,expr/* reveal */._c)(v).secrets)
                (0,redact/* addSecret */.Ck)(secret);
            return v;
        }
        finally {
            localStack.pop();
        }
    }
    for (const name of Object.keys(localsRaw)) {
        try {
            localValue(name);
        }
        catch (e) {
            if (!(e instanceof expr/* ExprError */._M))
                throw e;
            if (!/has an error$/.test(e.message)) {
                const p = (0,load/* joinPath */.uJ)('locals', name);
                problems.push({ message: e.message, path: p, pos: at(p), hint: e.hint });
            }
        }
    }
    problems.push(...dedupe(localErrors));
    // ---- variable validation rules (they may use functions but not locals of builds)
    for (const [name, d] of Object.entries(spec.variables)) {
        if (!(name in varValues) || !d || !Array.isArray(d.validation))
            continue;
        d.validation.forEach((rule, i) => {
            const rp = (0,load/* joinPath */.uJ)((0,load/* joinPath */.uJ)((0,load/* joinPath */.uJ)('variables', name), 'validation'), i);
            const cond = String(rule.condition ?? '');
            let ok;
            try {
                ok = (0,expr/* hasTemplate */.rJ)(cond)
                    ? (0,expr/* evaluate */._3)((0,expr/* parseTemplate */.QC)(cond), baseScope)
                    : (0,expr/* evaluate */._3)((0,expr/* parseExpression */.YK)(cond), baseScope);
            }
            catch (e) {
                if (!(e instanceof expr/* ExprError */._M))
                    throw e;
                problems.push({
                    message: `validation condition of variable "${name}" fails to evaluate: ${e.message}`,
                    path: (0,load/* joinPath */.uJ)(rp, 'condition'),
                    pos: at((0,load/* joinPath */.uJ)(rp, 'condition')),
                    hint: e.hint,
                });
                return;
            }
            if (ok !== true && ok !== 'true') {
                const shown = decls.get(name)?.sensitive ? '(sensitive)' : JSON.stringify(varValues[name]);
                problems.push({
                    message: `variable "${name}" = ${shown} is invalid: ${String(rule.error_message)}`,
                    path: decls.get(name).path,
                    pos: assigned.get(name)?.pos ?? at(rp),
                    hint: `from ${assigned.get(name)?.source}; the rule is at line ${at(rp).line}`,
                });
            }
        });
    }
    if (problems.length)
        throw new errors/* SpecError */.G8(problems);
    // ---- build instances
    const instances = [];
    const errs = [];
    for (const [buildName, build] of Object.entries(spec.builds)) {
        const bp = (0,load/* joinPath */.uJ)('builds', buildName);
        // An expression passes the checks before evaluation, but what a build runs must be
        // written out: the plan (and the workflow matrix) is made before anything is evaluated.
        const notList = ['sources', 'provisioners', 'post-processors'].filter((k) => build[k] !== undefined && build[k] !== null && !Array.isArray(build[k]));
        for (const k of notList)
            errs.push({
                message: `${k} of build "${buildName}" must be a list written out in the spec, not an expression`,
                path: (0,load/* joinPath */.uJ)(bp, k),
                pos: at((0,load/* joinPath */.uJ)(bp, k)),
                hint: k === 'sources'
                    ? 'list the source names, e.g. sources: [app, vm]; use --only/--except to pick some at run time'
                    : `write the ${k} as a list (lines starting with "- "); use only/except or override for per-source differences`,
            });
        if (notList.length)
            continue;
        const srcNames = build.sources.map(String);
        errs.push(...unmatchedSelectors(build, bp, buildName, srcNames, spec, file));
        for (const srcName of srcNames) {
            const src = spec.sources[srcName];
            const type = String(src.type);
            const scope = makeScope({
                source: { name: srcName, type },
                build: { name: buildName, type, source_name: srcName },
            });
            const sp = (0,load/* joinPath */.uJ)('sources', srcName);
            const config = evalTree(src, sp, scope, errs);
            delete config.type;
            const runsOn = typeof config.runs_on === 'string' ? config.runs_on : undefined;
            delete config.runs_on;
            const checked = errs.length;
            const builder = spec.registry.must('builder', type);
            // Typed once from the schema: plugins see booleans and numbers, not their text.
            const typedConfig = (0,schema/* check */.z6)({ type, ...config }, (0,spec_spec/* pluginSchema */.PP)(builder.schema, {}), sp, {
                file,
                problems: errs,
                phase: 'resolved',
            });
            if (errs.length === checked) {
                delete typedConfig.type;
                for (const k of Object.keys(config))
                    delete config[k];
                Object.assign(config, typedConfig);
            }
            // Cross-field rules only once every field has the right shape.
            const refine = (d, cfg, at) => {
                for (const r of d.refine?.(cfg, { specDir: spec.dir }) ?? []) {
                    const path = r.key ? (0,load/* joinPath */.uJ)(at, r.key) : at;
                    errs.push({ message: r.message, path, pos: (0,schema/* positionOf */.df)(file, path), hint: r.hint });
                }
            };
            if (errs.length === checked)
                refine(builder, config, sp);
            const matches = (list) => (Array.isArray(list) ? list : [list]).some((g) => (0,esm/* minimatch */.xF)(srcName, String(g)) ||
                (0,esm/* minimatch */.xF)(`${type}.${srcName}`, String(g)) ||
                (0,esm/* minimatch */.xF)(`${buildName}.${srcName}`, String(g)));
            const selected = (raw) => (raw.only === undefined || matches(raw.only)) &&
                (raw.except === undefined || !matches(raw.except));
            const useProvisioner = (raw, path) => {
                if (!selected(raw))
                    return undefined;
                let merged = { ...raw };
                const override = raw.override;
                if (override && override[srcName])
                    merged = { ...merged, ...override[srcName] };
                delete merged.override;
                const evaluated = evalTree(merged, path, scope, errs);
                const info = spec.registry.must('provisioner', String(raw.type));
                const before = errs.length;
                const cfg = (0,schema/* check */.z6)(evaluated, (0,spec_spec/* pluginSchema */.PP)(info.schema, plugin_common/* provisionerCommon */.Q), path, {
                    file,
                    problems: errs,
                    phase: 'resolved',
                });
                if (errs.length === before)
                    refine(info, cfg, path);
                const use = {
                    type: String(raw.type),
                    label: typeof cfg.name === 'string' ? cfg.name : String(raw.type),
                    path,
                    at: written(file, path),
                    config: stripCommon(cfg, [
                        'type',
                        'only',
                        'except',
                        'pause_before',
                        'max_retries',
                        'timeout',
                        'name',
                    ]),
                    pauseBeforeMs: (0,schema/* parseDuration */.E9)(cfg.pause_before) ?? 0,
                    maxRetries: Number(cfg.max_retries ?? 0),
                    timeoutMs: cfg.timeout === undefined ? undefined : (0,schema/* parseDuration */.E9)(cfg.timeout),
                };
                return use;
            };
            const provs = [];
            (build.provisioners ?? []).forEach((raw, i) => {
                const u = useProvisioner(raw, (0,load/* joinPath */.uJ)((0,load/* joinPath */.uJ)(bp, 'provisioners'), i));
                if (u)
                    provs.push(u);
            });
            const ecp = build['error-cleanup-provisioner'];
            const errorCleanup = ecp
                ? useProvisioner(ecp, (0,load/* joinPath */.uJ)(bp, 'error-cleanup-provisioner'))
                : undefined;
            const chains = [];
            (build['post-processors'] ?? []).forEach((item, i) => {
                const cp = (0,load/* joinPath */.uJ)((0,load/* joinPath */.uJ)(bp, 'post-processors'), i);
                const chain = (Array.isArray(item) ? item : [item]);
                const uses = [];
                let input = artifactKindOf(builder, config);
                chain.forEach((raw, j) => {
                    const pp = Array.isArray(item) ? (0,load/* joinPath */.uJ)(cp, j) : cp;
                    if (!selected(raw))
                        return;
                    const evaluated = evalTree(raw, pp, scope, errs);
                    const info = spec.registry.must('post-processor', String(raw.type));
                    const before = errs.length;
                    const cfg = (0,schema/* check */.z6)(evaluated, (0,spec_spec/* pluginSchema */.PP)(info.schema, plugin_common/* postProcessorCommon */.W), pp, {
                        file,
                        problems: errs,
                        phase: 'resolved',
                    });
                    if (errs.length === before)
                        refine(info, cfg, pp);
                    // Each post-processor takes what the one before it hands on.
                    if (info.accepts !== 'any' && !info.accepts.includes(input)) {
                        errs.push({
                            message: `${info.type} cannot take ${describeKind(input)}`,
                            path: (0,load/* joinPath */.uJ)(pp, 'type'),
                            pos: (0,schema/* positionOf */.df)(file, (0,load/* joinPath */.uJ)(pp, 'type')),
                            hint: `${info.type} takes ${info.accepts.map(describeKind).join(' or ')}; ${j === 0
                                ? `the ${type} builder here makes ${describeKind(input)}`
                                : 'move it, or start a new chain'}`,
                        });
                    }
                    if (info.produces !== 'same')
                        input = info.produces;
                    uses.push({
                        type: String(raw.type),
                        label: typeof cfg.name === 'string' ? cfg.name : String(raw.type),
                        path: pp,
                        at: written(file, pp),
                        config: stripCommon(cfg, ['type', 'only', 'except', 'keep_input_artifact', 'name']),
                        keepInputArtifact: cfg.keep_input_artifact === undefined
                            ? undefined
                            : cfg.keep_input_artifact === true || cfg.keep_input_artifact === 'true',
                    });
                });
                if (uses.length)
                    chains.push(uses);
            });
            const timeout = build.timeout === undefined
                ? undefined
                : (0,schema/* parseDuration */.E9)(evalTree(build.timeout, (0,load/* joinPath */.uJ)(bp, 'timeout'), scope, errs));
            instances.push({
                name: `${buildName}.${srcName}`,
                at: written(file, sp),
                build: buildName,
                source: srcName,
                type,
                config,
                provisioners: provs,
                errorCleanupProvisioner: errorCleanup,
                postProcessors: chains,
                timeoutMs: timeout,
                runsOn,
                files: [
                    ...localInputs(builder, config, sp, spec, errs),
                    ...[...provs, ...(errorCleanup ? [errorCleanup] : [])].flatMap((u) => localInputs(spec.registry.must('provisioner', u.type), u.config, u.path, spec, errs)),
                    ...chains
                        .flat()
                        .flatMap((u) => localInputs(spec.registry.must('post-processor', u.type), u.config, u.path, spec, errs)),
                ],
            });
        }
    }
    problems.push(...dedupe(withoutFollowOns(errs, evalFailures)));
    if (problems.length)
        throw new errors/* SpecError */.G8(problems);
    const allNames = instances.map((i) => i.name);
    const selectedInstances = selectInstances(instances, opts.only, opts.except);
    return {
        specPath: spec.path,
        specDir: spec.dir,
        runUuid: (0,external_node_crypto_.randomUUID)(),
        now,
        variables: resolvedVars,
        locals: Object.fromEntries([...localValues].map(([k, v]) => [k, (0,expr/* reveal */._c)(v).value])),
        shownLocals: Object.fromEntries([...localValues].map(([k, v]) => [k, shown(v)])),
        instances: selectedInstances,
        allNames,
        registry: spec.registry,
    };
}
/** A value with every sensitive part replaced by ***, for display. */
function shown(v) {
    if (v instanceof expr/* Sensitive */.pT)
        return redact/* REDACTED */.XF;
    if (Array.isArray(v))
        return v.map(shown);
    if (v !== null && typeof v === 'object')
        return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, shown(x)]));
    return v;
}
/**
 * The local files and directories a plugin's settings name (its descriptor says which); each
 * that does not exist is an error at the setting that names it, before anything is built.
 */
function localInputs(d, config, at, spec, errs) {
    const paths = d.localInputs?.(config, spec.dir) ?? [];
    for (const p of paths) {
        if ((0,external_node_fs_.existsSync)(p))
            continue;
        const found = settingNaming(config, (v) => (0,external_node_path_.resolve)(spec.dir, v) === p);
        const path = found ? (0,load/* joinPath */.uJ)(at, found.key) : at;
        const pos = (0,schema/* positionOf */.df)(spec.file, path, found?.isKey);
        // An evaluation error already reported here says enough.
        if (errs.some((e) => e.pos?.line === pos.line && e.pos?.col === pos.col))
            continue;
        errs.push({
            message: `${found ? `"${found.text}"` : p} does not exist`,
            path,
            pos,
            hint: `looked for ${p}; paths are relative to the spec's directory`,
        });
    }
    return paths;
}
/** The setting (or map key) whose text names a path, searched through the config. */
function settingNaming(v, names, key = '') {
    if (typeof v === 'string')
        return names(v) ? { key, text: v, isKey: false } : undefined;
    if (Array.isArray(v)) {
        for (const [i, x] of v.entries()) {
            const f = settingNaming(x, names, (0,load/* joinPath */.uJ)(key, i));
            if (f)
                return f;
        }
    }
    else if (v && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) {
            if (names(k))
                return { key: (0,load/* joinPath */.uJ)(key, k), text: k, isKey: true };
            const f = settingNaming(x, names, (0,load/* joinPath */.uJ)(key, k));
            if (f)
                return f;
        }
    }
    return undefined;
}
/**
 * only/except globs that match none of the build's sources, and override keys that name no
 * source of the build: each would silently drop or ignore what it is written on.
 */
function unmatchedSelectors(build, bp, buildName, srcNames, spec, file) {
    const out = [];
    const names = srcNames.flatMap((n) => [
        n,
        `${String(spec.sources[n]?.type)}.${n}`,
        `${buildName}.${n}`,
    ]);
    const items = [];
    const add = (raw, path) => {
        if (raw && typeof raw === 'object' && !Array.isArray(raw))
            items.push([raw, path]);
    };
    (build.provisioners ?? []).forEach((raw, i) => add(raw, (0,load/* joinPath */.uJ)((0,load/* joinPath */.uJ)(bp, 'provisioners'), i)));
    add(build['error-cleanup-provisioner'], (0,load/* joinPath */.uJ)(bp, 'error-cleanup-provisioner'));
    (build['post-processors'] ?? []).forEach((item, i) => {
        const cp = (0,load/* joinPath */.uJ)((0,load/* joinPath */.uJ)(bp, 'post-processors'), i);
        if (Array.isArray(item))
            item.forEach((raw, j) => add(raw, (0,load/* joinPath */.uJ)(cp, j)));
        else
            add(item, cp);
    });
    for (const [raw, path] of items) {
        for (const key of ['only', 'except']) {
            const v = raw[key];
            if (v === undefined || v === null)
                continue;
            const list = Array.isArray(v) ? v : [v];
            list.forEach((g, i) => {
                if (typeof g !== 'string')
                    return;
                const gp = Array.isArray(v) ? (0,load/* joinPath */.uJ)((0,load/* joinPath */.uJ)(path, key), i) : (0,load/* joinPath */.uJ)(path, key);
                if ((0,expr/* hasTemplate */.rJ)(g)) {
                    // Which sources a step runs for is decided before anything is evaluated.
                    out.push({
                        message: `${key} takes source names or globs written out, not an expression`,
                        path: gp,
                        pos: (0,schema/* positionOf */.df)(file, gp),
                        hint: 'write the names (e.g. [app, "amazon-ebs.*"]); choose builds at run time with --only/--except',
                    });
                    return;
                }
                if (names.some((n) => (0,esm/* minimatch */.xF)(n, g)))
                    return;
                out.push({
                    message: `${key} pattern "${g}" matches no source of build "${buildName}"`,
                    path: gp,
                    pos: (0,schema/* positionOf */.df)(file, gp),
                    hint: `the build's sources: ${srcNames.join(', ')} (also matched as TYPE.NAME and ${buildName}.NAME)`,
                });
            });
        }
        const override = raw.override;
        if (override && typeof override === 'object' && !Array.isArray(override))
            for (const k of Object.keys(override)) {
                if (srcNames.includes(k))
                    continue;
                const op = (0,load/* joinPath */.uJ)((0,load/* joinPath */.uJ)(path, 'override'), k);
                const near = (0,errors/* didYouMean */.au)(k, srcNames);
                out.push({
                    message: `override for "${k}", which is not a source of build "${buildName}"`,
                    path: op,
                    pos: (0,schema/* positionOf */.df)(file, op, true),
                    hint: near ? `did you mean "${near}"?` : `the build's sources: ${srcNames.join(', ')}`,
                });
            }
    }
    return out;
}
/**
 * One mistake, one error: a value whose expression failed is missing, so the schema check
 * would also say "missing required key" or "expected a string, got nothing". Those are
 * dropped; the failed expression is the error.
 */
function withoutFollowOns(errs, failures) {
    if (!failures.size)
        return errs;
    const failed = new Set(failures.values());
    return errs.filter((p) => {
        if (failed.has(p))
            return true;
        if (p.path && failures.has(p.path))
            return false;
        const missing = /^missing required key "(.+)"$/.exec(p.message);
        return !(missing && p.path !== undefined && failures.has((0,load/* joinPath */.uJ)(p.path, missing[1])));
    });
}
function written(file, path) {
    const p = (0,schema/* positionOf */.df)(file, path);
    return `${p.file}:${p.line}:${p.col}`;
}
function describeKind(k) {
    return {
        'docker-image': 'a Docker image',
        'machine-image': 'a machine image',
        files: 'files',
        none: 'no artifact',
    }[k];
}
function stripCommon(cfg, keys) {
    const out = { ...cfg };
    for (const k of keys)
        delete out[k];
    for (const [k, v] of Object.entries(out))
        if (v === null || v === undefined)
            delete out[k];
    return out;
}
function dedupe(list) {
    const seen = new Set();
    return list.filter((p) => {
        const k = `${p.pos?.line}:${p.pos?.col}:${p.message}`;
        if (seen.has(k))
            return false;
        seen.add(k);
        return true;
    });
}
/** Applies --only / --except (globs over instance names); a pattern matching nothing is an error. */
function selectInstances(instances, only, except) {
    const names = instances.map((i) => i.name);
    const problems = [];
    const test = (pattern, i) => (0,esm/* minimatch */.xF)(i.name, pattern) || (0,esm/* minimatch */.xF)(i.source, pattern);
    for (const [flag, list] of [
        ['--only', only],
        ['--except', except],
    ]) {
        for (const pattern of list ?? []) {
            if (!instances.some((i) => test(pattern, i))) {
                problems.push({
                    message: `${flag} pattern "${pattern}" matches no build`,
                    hint: `build names: ${names.join(', ')}`,
                });
            }
        }
    }
    if (problems.length)
        throw new errors/* SpecError */.G8(problems);
    return instances.filter((i) => (!only?.length || only.some((p) => test(p, i))) && !(except ?? []).some((p) => test(p, i)));
}
/** The instances as a GitHub Actions matrix (`strategy.matrix: ${{ fromJSON(...) }}`). */
function matrixOf(plan) {
    return {
        include: plan.instances.map((i) => ({
            name: i.name,
            build: i.build,
            source: i.source,
            type: i.type,
            ...(i.runsOn ? { runs_on: i.runsOn } : {}),
        })),
    };
}

;// CONCATENATED MODULE: ./src/cli-args.ts

class UsageError extends Error {
}
const HELP = `Usage: bake <command> [SPEC] [options]

Commands:
  validate   check the spec and report every error with its file:line:col
  inspect    show resolved variables (sensitive ones redacted), builds and their steps
  plan       list the build instances; --json prints a GitHub Actions matrix
  build      run the builds
  cleanup    remove what a killed run left behind (--ledger FILE)
  sweep      list cloud resources of bake runs older than --older-than, in every builder
             that can sweep and is told where to look (--region, --project); --delete
             removes them
  schema     print the JSON Schema of a spec, with the plugins SPEC lists (for editors)

Options:
  --var NAME=VALUE          set a variable (repeatable)
  --var-file FILE           load variables from a YAML or JSON file (repeatable)
  --only GLOB[,GLOB]        run only these builds (build.source names)
  --except GLOB[,GLOB]      skip these builds
  --parallel-builds N       at most N builds at once (0 = all, the default)
  --on-error MODE           cleanup (default) | abort | run-cleanup-provisioner
  --fail-fast               cancel the other builds when one fails
  --events FILE             write every build event as JSON lines
  --ledger FILE             resource ledger (default .bake/ledger.jsonl)
  --skip-unchanged          reuse the result of a build whose inputs have not changed since
                            it was cached, if its artifact still exists
  --cache-dir DIR           where --skip-unchanged keeps results (default .bake/cache)
  --json                    machine-readable output (plan)
  --region R[,R]            sweep: regions, for builders that sweep by region
  --project P[,P]           sweep: projects or subscriptions to look in
  --builder TYPE[,TYPE]     sweep: only these builder types
  --older-than DURATION     sweep: only what is at least this old, e.g. 6h
  --delete                  sweep: delete what was found (the default is a dry run)

SPEC defaults to bake.yml. Variables also come from BAKE_VAR_<name> and *.auto.bakevars.yml.
`;
const COMMANDS = [
    'validate',
    'inspect',
    'plan',
    'build',
    'cleanup',
    'sweep',
    'schema',
    'help',
    'version',
];
const commaList = (v) => v
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
function parseArgs(argv) {
    const o = {
        command: 'help',
        spec: 'bake.yml',
        vars: {},
        varFiles: [],
        only: [],
        except: [],
        json: false,
        parallelBuilds: 0,
        onError: 'cleanup',
        failFast: false,
        ledger: '.bake/ledger.jsonl',
        regions: [],
        projects: [],
        builders: [],
        delete: false,
        skipUnchanged: false,
        cacheDir: '.bake/cache',
    };
    const args = [...argv];
    const cmd = args.shift();
    if (cmd === undefined || cmd === '--help' || cmd === '-h')
        return o;
    if (cmd === '--version')
        return { ...o, command: 'version' };
    if (!COMMANDS.includes(cmd))
        throw new UsageError(`unknown command "${cmd}"; commands: ${COMMANDS.join(', ')}`);
    o.command = cmd;
    let specSet = false;
    const value = (flag, inline) => {
        if (inline !== undefined)
            return inline;
        const v = args.shift();
        if (v === undefined)
            throw new UsageError(`${flag} needs a value`);
        return v;
    };
    while (args.length) {
        const a = args.shift();
        const [flag, inline] = a.startsWith('--') && a.includes('=')
            ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]
            : [a, undefined];
        switch (flag) {
            case '--var': {
                const kv = value(flag, inline);
                const eq = kv.indexOf('=');
                if (eq <= 0)
                    throw new UsageError(`--var takes NAME=VALUE, got "${kv}"`);
                o.vars[kv.slice(0, eq)] = kv.slice(eq + 1);
                break;
            }
            case '--var-file':
                o.varFiles.push(value(flag, inline));
                break;
            case '--only':
                o.only.push(...commaList(value(flag, inline)));
                break;
            case '--except':
                o.except.push(...commaList(value(flag, inline)));
                break;
            case '--json':
                o.json = true;
                break;
            case '--fail-fast':
                o.failFast = true;
                break;
            case '--parallel-builds': {
                const v = value(flag, inline);
                const n = Number(v);
                if (!Number.isInteger(n) || n < 0)
                    throw new UsageError(`--parallel-builds takes a whole number ≥ 0, got "${v}"`);
                o.parallelBuilds = n;
                break;
            }
            case '--on-error': {
                const v = value(flag, inline);
                if (!['cleanup', 'abort', 'run-cleanup-provisioner'].includes(v))
                    throw new UsageError(`--on-error takes cleanup, abort or run-cleanup-provisioner, got "${v}"`);
                o.onError = v;
                break;
            }
            case '--events':
                o.events = value(flag, inline);
                break;
            case '--ledger':
                o.ledger = value(flag, inline);
                break;
            case '--region':
                o.regions.push(...commaList(value(flag, inline)));
                break;
            case '--project':
                o.projects.push(...commaList(value(flag, inline)));
                break;
            case '--builder':
                o.builders.push(...commaList(value(flag, inline)));
                break;
            case '--older-than': {
                const v = value(flag, inline);
                const ms = (0,schema/* parseDuration */.E9)(v);
                if (ms === undefined)
                    throw new UsageError(`--older-than takes a duration such as 6h or 90m, got "${v}"`);
                o.olderThanMs = ms;
                break;
            }
            case '--skip-unchanged':
                o.skipUnchanged = true;
                break;
            case '--cache-dir':
                o.cacheDir = value(flag, inline);
                break;
            case '--delete':
                o.delete = true;
                break;
            case '--color':
                o.color = true;
                break;
            case '--no-color':
                o.color = false;
                break;
            case '-h':
            case '--help':
                o.command = 'help';
                break;
            default:
                if (flag.startsWith('-'))
                    throw new UsageError(`unknown option ${flag}`);
                if (specSet)
                    throw new UsageError(`only one spec file may be given (got "${o.spec}" and "${a}")`);
                o.spec = a;
                specSet = true;
        }
    }
    return o;
}

// EXTERNAL MODULE: ./src/plugins/external.ts + 1 modules
var external = __webpack_require__(13972);
// EXTERNAL MODULE: ./src/plugins/registry.ts + 21 modules
var plugins_registry = __webpack_require__(57282);
;// CONCATENATED MODULE: ./src/cli.ts
/**
 * The `bake` command: validate | inspect | plan | build | cleanup | sweep. The same engine the
 * action uses; heavy modules (Docker, cloud SDKs) load only for the commands that need them.
 */







function printProblems(e) {
    const n = e.problems.length;
    process.stderr.write(e.problems.map((p) => 'error: ' + (0,errors/* formatProblem */.Vw)(p)).join('\n') + '\n');
    process.stderr.write(`${n} error${n === 1 ? '' : 's'}\n`);
}
async function planFor(o, stable = false) {
    const spec = await (0,external.openSpec)(o.spec);
    return resolvePlan(spec, {
        vars: o.vars,
        varFiles: o.varFiles,
        only: o.only,
        except: o.except,
        stable,
    });
}
function inspect(plan) {
    const lines = [];
    lines.push(`spec: ${plan.specPath}`, '', 'variables:');
    if (!plan.variables.length)
        lines.push('  (none)');
    for (const v of plan.variables) {
        // Masked before it is serialised: JSON escapes quotes and backslashes inside a secret.
        const shown = v.sensitive ? redact/* REDACTED */.XF : JSON.stringify((0,redact/* redactValue */.FI)(v.value));
        lines.push(`  var.${v.name} (${v.type}${v.sensitive ? ', sensitive' : ''}) = ${shown}   [${v.source}]`);
    }
    lines.push('', 'locals:');
    const locals = Object.entries(plan.shownLocals ?? plan.locals);
    if (!locals.length)
        lines.push('  (none)');
    for (const [k, v] of locals)
        lines.push(`  local.${k} = ${JSON.stringify((0,redact/* redactValue */.FI)(v))}`);
    lines.push('', 'builds:');
    for (const i of plan.instances) {
        lines.push(`  ${i.name}  (${i.type})${i.timeoutMs ? `  timeout ${i.timeoutMs / 1000}s` : ''}`);
        for (const p of i.provisioners)
            lines.push(`    provisioner ${p.label}${p.label !== p.type ? ` (${p.type})` : ''}`);
        if (i.errorCleanupProvisioner)
            lines.push(`    error-cleanup-provisioner ${i.errorCleanupProvisioner.type}`);
        i.postProcessors.forEach((chain, n) => lines.push(`    post-processors #${n + 1}: ${chain.map((p) => p.label).join(' → ')}`));
    }
    return (0,redact/* redact */.E$)(lines.join('\n')) + '\n';
}
async function main(argv) {
    let o;
    try {
        o = parseArgs(argv);
    }
    catch (e) {
        if (e instanceof UsageError) {
            process.stderr.write(`bake: ${e.message}\nRun "bake help" for usage.\n`);
            return 2;
        }
        throw e;
    }
    try {
        switch (o.command) {
            case 'help':
                process.stdout.write(HELP);
                return 0;
            case 'version':
                process.stdout.write(`bake ${version()}\n`);
                return 0;
            case 'validate': {
                const plan = await planFor(o);
                process.stdout.write(`${o.spec}: valid, ${plan.instances.length} build${plan.instances.length === 1 ? '' : 's'} (${plan.instances.map((i) => i.name).join(', ')})\n`);
                return 0;
            }
            case 'inspect':
                process.stdout.write(inspect(await planFor(o)));
                return 0;
            case 'plan': {
                const plan = await planFor(o);
                if (o.json)
                    process.stdout.write(JSON.stringify(matrixOf(plan)) + '\n');
                else
                    for (const i of plan.instances)
                        process.stdout.write(`${i.name}\t${i.type}${i.runsOn ? `\t${i.runsOn}` : ''}\n`);
                return 0;
            }
            case 'build': {
                const plan = await planFor(o);
                return await runBuildCommand(plan, o, o.skipUnchanged ? await planFor(o, true) : undefined);
            }
            case 'cleanup': {
                const [{ cleanupLedger }, { ResourceLedger }, { registryForLedger }] = await Promise.all([
                    __webpack_require__.e(/* import() */ 625).then(__webpack_require__.bind(__webpack_require__, 78625)),
                    __webpack_require__.e(/* import() */ 309).then(__webpack_require__.bind(__webpack_require__, 55309)),
                    Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 13972)),
                ]);
                const { resolve } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 76760, 23));
                const registry = await registryForLedger(ResourceLedger.pending(resolve(o.ledger)), (l) => process.stderr.write(`bake: ${l}\n`));
                return await cleanupLedger(o.ledger, registry);
            }
            case 'schema': {
                const { specJsonSchema } = await __webpack_require__.e(/* import() */ 985).then(__webpack_require__.bind(__webpack_require__, 69985));
                const registry = specGiven(argv) ? (await (0,external.openSpec)(o.spec)).registry : (0,plugins_registry/* builtInRegistry */.f4)();
                process.stdout.write(JSON.stringify(specJsonSchema(registry), null, 2) + '\n');
                return 0;
            }
            case 'sweep':
                return await sweep(o);
        }
    }
    catch (e) {
        if (e instanceof errors/* SpecError */.G8) {
            printProblems(e);
            return 1;
        }
        if (e instanceof UsageError) {
            process.stderr.write(`bake: ${e.message}\n`);
            return 2;
        }
        const err = e;
        process.stderr.write(`bake: ${(0,redact/* redact */.E$)(err.message ?? String(e))}\n`);
        if (process.env.BAKE_DEBUG)
            process.stderr.write((0,redact/* redact */.E$)(err.stack ?? '') + '\n');
        return 1;
    }
    return 0;
}
function version() {
    return package_0/* version */.rE;
}
/** `bake schema` without a spec prints the built-ins' schema, even when no bake.yml exists. */
function specGiven(argv) {
    return argv.slice(1).some((a) => !a.startsWith('-'));
}
async function runBuildCommand(plan, o, stable) {
    const [{ runPlan, formatSummary, cancelOnSignals }, { directoryCache }, { resolve }] = await Promise.all([__webpack_require__.e(/* import() */ 625).then(__webpack_require__.bind(__webpack_require__, 78625)), __webpack_require__.e(/* import() */ 938).then(__webpack_require__.bind(__webpack_require__, 32938)), Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 76760, 23))]);
    const write = (t) => process.stdout.write(t);
    const sig = cancelOnSignals((t) => process.stderr.write(t));
    try {
        const summary = await runPlan(plan, {
            parallelBuilds: o.parallelBuilds,
            failFast: o.failFast,
            onError: o.onError,
            ledger: o.ledger,
            events: o.events,
            signal: sig.signal,
            write,
            ...(stable ? { reuse: { cache: directoryCache(resolve(o.cacheDir)), stable } } : {}),
        });
        write(formatSummary(summary));
        return summary.ok ? 0 : 1;
    }
    finally {
        sig.dispose();
    }
}
/**
 * `bake sweep`: every builder that can sweep and is told where to look (the option its
 * sweeper names, or the variables that default it); a builder not told is skipped.
 */
async function sweep(o) {
    if (o.olderThanMs === undefined)
        throw new UsageError('sweep needs --older-than, e.g. --older-than 6h');
    const registry = (0,plugins_registry/* builtInRegistry */.f4)();
    const sweepers = registry.all('builder').filter((b) => b.sweep);
    for (const t of o.builders)
        if (!sweepers.some((b) => b.type === t))
            throw new UsageError(`--builder ${t}: no builder of that type can sweep (these can: ${sweepers.map((b) => b.type).join(', ')})`);
    const chosen = o.builders.length ? sweepers.filter((b) => o.builders.includes(b.type)) : sweepers;
    const write = (l) => process.stdout.write((0,redact/* redact */.E$)(l) + '\n');
    const skipped = [];
    const runs = [];
    for (const b of chosen) {
        const where = b.sweep.where;
        const given = where.option === 'region' ? o.regions : o.projects;
        const fromEnv = where.env.map((v) => process.env[v]).find((v) => !!v);
        const locations = given.length ? given : fromEnv ? [fromEnv] : [];
        if (!locations.length) {
            skipped.push(`${b.type}: skipped, no --${where.option} given`);
            continue;
        }
        runs.push(() => b.sweep.run({ locations, olderThanMs: o.olderThanMs, delete: o.delete, write }));
    }
    if (!runs.length) {
        const need = chosen.map((b) => {
            const w = b.sweep.where;
            return `--${w.option}${w.env.length ? ` (or ${w.env[0]})` : ''}${chosen.length > 1 ? ` for ${b.type}` : ''}`;
        });
        throw new UsageError(`sweep needs ${need.join(', ')}`);
    }
    skipped.forEach(write);
    let failed = 0;
    for (const run of runs)
        failed += await run();
    return failed ? 1 : 0;
}


/***/ }),

/***/ 54717:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L3: () => (/* binding */ tailKeeper),
/* harmony export */   US: () => (/* binding */ shQuote),
/* harmony export */   g3: () => (/* binding */ LineSplitter)
/* harmony export */ });
/** Splits a byte stream into lines, holding back a partial last line. */
class LineSplitter {
    emit;
    rest = '';
    constructor(emit) {
        this.emit = emit;
    }
    write(chunk) {
        const text = this.rest + chunk.toString();
        const lines = text.split(/\r?\n/);
        this.rest = lines.pop() ?? '';
        if (this.rest.length > 64 * 1024) {
            lines.push(this.rest);
            this.rest = '';
        }
        for (const l of lines)
            this.emit(l);
    }
    end() {
        if (this.rest)
            this.emit(this.rest);
        this.rest = '';
    }
}
function tailKeeper(max = 20) {
    const lines = [];
    return {
        lines,
        push: (l) => {
            lines.push(l);
            if (lines.length > max)
                lines.shift();
        },
    };
}
/** Quotes a string for POSIX sh. */
function shQuote(s) {
    return /^[A-Za-z0-9_\-./=:@%+,]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}


/***/ }),

/***/ 59060:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ sshFields),
/* harmony export */   p: () => (/* binding */ sshLocalInputs)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _spec_schema__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(47280);
/** The ssh_* settings (Packer's names) every builder that reaches a machine over SSH shares. */


const sshFields = {
    ssh_host: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_1__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_1__.s.string(), 'address of the machine (host name or IP)', undefined, '192.0.2.10'),
    ssh_port: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_1__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_1__.s.int(1, 65535), 'TCP port of sshd on the machine', 22),
    ssh_username: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_1__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_1__.s.string(), 'user to log in as', undefined, 'admin'),
    ssh_password: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_1__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_1__.s.string(), 'password to log in with; use a sensitive variable', undefined, '${var.ssh_password}'),
    ssh_private_key_file: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_1__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_1__.s.string(), 'private key (RSA, ECDSA or ed25519; OpenSSH or PEM)'),
    ssh_private_key: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_1__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_1__.s.string(), 'private key content, e.g. from a sensitive variable'),
    ssh_private_key_passphrase: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_1__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_1__.s.string(), 'passphrase of an encrypted private key; use a sensitive variable'),
    ssh_agent_auth: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_1__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_1__.s.bool(), 'authenticate with the agent at SSH_AUTH_SOCK', false),
    ssh_timeout: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_1__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_1__.s.duration(), 'how long to keep trying to connect', '5m'),
    ssh_handshake_attempts: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_1__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_1__.s.int(1, 1000), 'authentication failures tolerated while the machine boots', 10),
    ssh_keep_alive_interval: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_1__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_1__.s.duration(), 'how often to send keep-alives on an idle connection', '5s'),
    ssh_pty: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_1__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_1__.s.bool(), 'request a pseudo-terminal', false),
    ssh_host_key: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_1__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_1__.s.string(), 'pinned host key: SHA256:... fingerprint or a public key line'),
    ssh_known_hosts_file: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_1__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_1__.s.string(), 'known_hosts file to check the host key against'),
    ssh_bastion_host: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_1__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_1__.s.string(), 'jump host'),
    ssh_bastion_port: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_1__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_1__.s.int(1, 65535), 'TCP port of sshd on the jump host', 22),
    ssh_bastion_username: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_1__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_1__.s.string(), 'user on the jump host (default: ssh_username)'),
    ssh_bastion_password: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_1__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_1__.s.string(), 'password on the jump host; use a sensitive variable'),
    ssh_bastion_private_key_file: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_1__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_1__.s.string(), 'private key file for the jump host'),
    ssh_bastion_agent_auth: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_1__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_1__.s.bool(), 'authenticate to the jump host with the agent at SSH_AUTH_SOCK'),
    ssh_file_transfer_method: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_1__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_1__.s.enum(['sftp']), 'file transfer: sftp (tar streams for directories)', 'sftp'),
    pause_before_connecting: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_1__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_1__.s.duration(), 'wait before the first connection attempt'),
};
/** The local files the ssh_* settings name (keys, known_hosts), for validation and fingerprints. */
function sshLocalInputs(c, specDir) {
    return ['ssh_private_key_file', 'ssh_bastion_private_key_file', 'ssh_known_hosts_file']
        .map((k) => c[k])
        .filter((v) => typeof v === 'string')
        .map((v) => (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(specDir, v));
}


/***/ }),

/***/ 86173:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   z: () => (/* reexport safe */ _errors__WEBPACK_IMPORTED_MODULE_0__.z)
/* harmony export */ });
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(17679);



/***/ }),

/***/ 17679:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   z: () => (/* binding */ BuildError)
/* harmony export */ });
// Its own module, so the communicators can use it without importing the engine's types.
/** A failure a user can act on: which step, what happened, the last lines of output. */
class BuildError extends Error {
    hint;
    tail;
    constructor(message, hint, tail) {
        super(message);
        this.hint = hint;
        this.tail = tail;
        this.name = 'BuildError';
    }
}


/***/ }),

/***/ 54277:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MU: () => (/* binding */ TimeoutError),
/* harmony export */   WU: () => (/* binding */ raceSignal),
/* harmony export */   cc: () => (/* binding */ CancelledError),
/* harmony export */   dZ: () => (/* binding */ throwIfCancelled),
/* harmony export */   rl: () => (/* binding */ runSteps),
/* harmony export */   wj: () => (/* binding */ withTimeout),
/* harmony export */   yy: () => (/* binding */ sleep)
/* harmony export */ });
class CancelledError extends Error {
    constructor(message = 'cancelled') {
        super(message);
        this.name = 'CancelledError';
    }
}
function throwIfCancelled(signal) {
    if (signal.aborted)
        throw signal.reason instanceof Error ? signal.reason : new CancelledError();
}
/** Waits ms, or rejects as soon as the signal aborts. */
function sleep(ms, signal) {
    return new Promise((resolve, reject) => {
        if (signal?.aborted)
            return reject(signal.reason instanceof Error ? signal.reason : new CancelledError());
        const t = setTimeout(() => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
        }, ms);
        const onAbort = () => {
            clearTimeout(t);
            reject(signal.reason instanceof Error ? signal.reason : new CancelledError());
        };
        signal?.addEventListener('abort', onAbort, { once: true });
    });
}
/** Resolves with the promise, or rejects when the signal aborts first (the work may go on). */
function raceSignal(p, signal) {
    if (signal.aborted) {
        // The work goes on without a listener: keep its failure from becoming unhandled.
        p.catch(() => undefined);
        return Promise.reject(signal.reason instanceof Error ? signal.reason : new CancelledError());
    }
    return new Promise((resolve, reject) => {
        const onAbort = () => reject(signal.reason instanceof Error ? signal.reason : new CancelledError());
        signal.addEventListener('abort', onAbort, { once: true });
        p.then((v) => {
            signal.removeEventListener('abort', onAbort);
            resolve(v);
        }, (e) => {
            signal.removeEventListener('abort', onAbort);
            reject(e);
        });
    });
}
class TimeoutError extends Error {
    constructor(ms) {
        super(`timed out after ${ms / 1000}s`);
        this.name = 'TimeoutError';
    }
}
/**
 * A signal that aborts when the parent does or when ms pass. A plain timer, not
 * AbortSignal.timeout(): inside AbortSignal.any() that one can be collected and never fire.
 */
function withTimeout(parent, ms) {
    const ctl = new AbortController();
    const onAbort = () => ctl.abort(parent.reason);
    if (parent?.aborted)
        ctl.abort(parent.reason);
    else
        parent?.addEventListener('abort', onAbort, { once: true });
    const timer = ms === undefined ? undefined : setTimeout(() => ctl.abort(new TimeoutError(ms)), ms);
    return {
        signal: ctl.signal,
        clear: () => {
            if (timer)
                clearTimeout(timer);
            parent?.removeEventListener('abort', onAbort);
        },
    };
}
async function runSteps(steps, state, ctx, hooks = {}, opts = {}) {
    const started = [];
    let result = { ok: true, cancelled: false };
    for (const step of steps) {
        if (ctx.signal.aborted) {
            result = { ok: false, cancelled: true, error: new CancelledError(), failedStep: step.name };
            break;
        }
        started.push(step);
        const t0 = performance.now();
        hooks.onStepStart?.(step.name);
        try {
            await step.run(state, ctx);
            hooks.onStepEnd?.(step.name, performance.now() - t0);
        }
        catch (error) {
            hooks.onStepEnd?.(step.name, performance.now() - t0, error);
            result = {
                ok: false,
                error,
                failedStep: step.name,
                cancelled: ctx.signal.aborted || error instanceof CancelledError,
            };
            break;
        }
    }
    if (!result.ok && opts.beforeCleanup)
        await opts.beforeCleanup(result);
    if (!result.ok && opts.skipCleanup?.())
        return result;
    const cleanups = (async () => {
        for (const step of started.reverse()) {
            if (!step.cleanup)
                continue;
            const budget = withTimeout(undefined, step.cleanupBudgetMs ?? 30_000);
            try {
                await raceSignal(step.cleanup(state, { signal: budget.signal, log: ctx.log }), budget.signal);
            }
            catch (error) {
                hooks.onCleanupError?.(step.name, error);
            }
            finally {
                budget.clear();
            }
        }
    })();
    // After a success the caller may overlap the cleanups with its next work (removing a
    // container while post-processors run); it must await `cleanup` before it finishes.
    if (result.ok && opts.deferCleanup)
        return { ...result, cleanup: cleanups };
    await cleanups;
    return result;
}


/***/ }),

/***/ 71191:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JJ: () => (/* binding */ CLOUDS),
/* harmony export */   r9: () => (/* binding */ azureArmSchema),
/* harmony export */   rA: () => (/* binding */ refineAzureArm)
/* harmony export */ });
/* harmony import */ var _spec_schema__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(47280);
/* harmony import */ var _communicators_ssh_schema__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(59060);
/**
 * azure-arm settings, with Packer's names. Loaded by `bake validate`, so nothing here may
 * import the Azure SDK.
 */


const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VERSION = /^\d+\.\d+\.\d+$/;
/** Packer's names for the clouds, and the short ones. */
const CLOUDS = {
    Public: 'Public',
    AzurePublicCloud: 'Public',
    China: 'China',
    AzureChinaCloud: 'China',
    USGovernment: 'USGovernment',
    AzureUSGovernmentCloud: 'USGovernment',
};
const STORAGE_TYPES = ['Standard_LRS', 'Standard_ZRS', 'Premium_LRS'];
const gallerySource = _spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.object({
    subscription: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'subscription of the gallery (default: subscription_id)', undefined, '00000000-0000-0000-0000-000000000000'),
    resource_group: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .req */ .DQ)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'resource group of the gallery', 'images-rg'),
    gallery_name: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .req */ .DQ)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'name of the Azure Compute Gallery', 'golden_images'),
    image_name: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .req */ .DQ)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'the image definition to start from', 'debian-12'),
    image_version: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'the version to start from: N.N.N, or latest (the newest)', 'latest', '1.0.42'),
});
const galleryDestination = _spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.object({
    subscription: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'subscription of the gallery (default: subscription_id)', undefined, '00000000-0000-0000-0000-000000000000'),
    resource_group: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .req */ .DQ)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'resource group of the gallery', 'images-rg'),
    gallery_name: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .req */ .DQ)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'name of the Azure Compute Gallery (letters, digits, . and _)', 'golden_images'),
    image_name: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .req */ .DQ)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'the image definition (it must exist)', 'debian-12'),
    image_version: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .req */ .DQ)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'the new version: N.N.N, not yet taken', '1.0.42'),
    target_region: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.list(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.object({
        name: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .req */ .DQ)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'region to replicate to', 'westeurope'),
        replicas: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.int(1, 100), 'number of replicas in that region', 1),
        storage_account_type: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.enum(STORAGE_TYPES), "storage of the replicas in that region (default: the version's storage_account_type)"),
    })), 'regions to replicate to (default: location only)', undefined, [{ name: 'westeurope' }, { name: 'northeurope', replicas: 2 }]),
    storage_account_type: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.enum(STORAGE_TYPES), 'storage of the replicas', 'Standard_LRS'),
    specialized: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.bool(), 'the image definition is Specialized: no generalize', false),
    exclude_from_latest: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.bool(), 'keep this version from being picked as "latest" of the definition', false),
    end_of_life_date: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'when the version reaches end of life (RFC 3339 time)', undefined, '2027-06-01T00:00:00Z'),
});
const VHD = 'bake makes managed images and gallery versions, not VHDs in a storage account; use managed_image_name';
const TRUSTED_LAUNCH = 'the VM is created without trusted launch';
const SNAPSHOTS = 'bake makes no disk snapshots; make them from the image after the build';
const { ssh_host: _host, ...ssh } = _communicators_ssh_schema__WEBPACK_IMPORTED_MODULE_1__/* .sshFields */ .O;
void _host;
const azureArmSchema = _spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.object({
    // Credentials
    subscription_id: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'subscription to build in (default: AZURE_SUBSCRIPTION_ID)'),
    tenant_id: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'Microsoft Entra tenant (default: AZURE_TENANT_ID)'),
    client_id: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'app registration or managed identity (default: AZURE_CLIENT_ID)'),
    client_secret: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'use a sensitive variable (default: AZURE_CLIENT_SECRET)'),
    client_cert_path: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'PEM file with the certificate and its private key'),
    client_cert_password: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'password of client_cert_path, if it is encrypted; use a sensitive variable (default: AZURE_CLIENT_CERTIFICATE_PASSWORD)'),
    client_jwt: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'a signed client assertion (used as it is: it must outlive the build)'),
    oidc_request_url: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'GitHub OIDC (default: ACTIONS_ID_TOKEN_REQUEST_URL)'),
    oidc_request_token: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'default: ACTIONS_ID_TOKEN_REQUEST_TOKEN'),
    use_azure_cli_auth: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.bool(), "use the Azure CLI's login (after azure/login)", false),
    cloud_environment_name: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.enum(Object.keys(CLOUDS)), "the Azure cloud: Public, China or USGovernment (Packer's AzurePublicCloud, AzureChinaCloud and AzureUSGovernmentCloud too)", 'Public'),
    // Where
    location: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'region of the build VM, e.g. westeurope'),
    temp_resource_group_name: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'default: a generated bake-... name'),
    build_resource_group_name: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'an existing group to build in (nothing else is deleted)'),
    temp_compute_name: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'name of the build VM (default: generated)'),
    virtual_network_name: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'an existing virtual network'),
    virtual_network_subnet_name: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'subnet of virtual_network_name to put the VM in'),
    virtual_network_resource_group_name: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'resource group of virtual_network_name (default: build_resource_group_name)'),
    private_virtual_network_with_public_ip: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.bool(), 'with an existing network: give the VM a public IP', true),
    allowed_inbound_ip_addresses: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.list(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), { single: true }), "who may reach SSH (default: this runner's public IP /32)"),
    // The VM
    vm_size: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'size of the build VM', 'Standard_B2s', 'Standard_D2s_v5'),
    image_publisher: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'publisher of the marketplace source image', undefined, 'Debian'),
    image_offer: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'offer of the marketplace source image', undefined, 'debian-12'),
    image_sku: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'SKU of the marketplace source image', undefined, '12-gen2'),
    image_version: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'version of the marketplace source image', 'latest'),
    custom_managed_image_name: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'start from this managed image'),
    custom_managed_image_resource_group_name: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'resource group of custom_managed_image_name'),
    shared_image_gallery: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(gallerySource, 'start from a gallery image version'),
    os_disk_size_gb: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.int(1, 4095), 'size of the OS disk in GB (default: the size of the source image)', undefined, 64),
    custom_data: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'cloud-init data (plain text; bake encodes it)'),
    custom_data_file: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'file with the cloud-init data (instead of custom_data)'),
    azure_tags: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.map(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string()), 'tags of everything the build creates'),
    // The image
    managed_image_name: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'name of the managed image to make (with managed_image_resource_group_name)', undefined, 'golden-debian-12'),
    managed_image_resource_group_name: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'an existing resource group for the managed image'),
    managed_image_storage_account_type: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.enum(['Standard_LRS', 'Premium_LRS']), 'storage of the managed image', 'Standard_LRS'),
    shared_image_gallery_destination: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(galleryDestination, 'publish a gallery image version'),
    shared_image_gallery_timeout: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.duration(), 'how long replication may take', '60m'),
    force: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.bool(), 'replace a managed image or gallery version of the same name', false),
    async_resourcegroup_delete: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.bool(), 'only send the delete of the temporary group; the post step checks it finished', false),
    polling_duration_timeout: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.duration(), 'how long one Azure operation may take', '15m'),
    polling_interval: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.duration(), 'first wait between operation polls', '1s'),
    ...ssh,
    ssh_username: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'admin user of the VM', 'packer'),
    ssh_password: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .refused */ .J5)('the VM gets an SSH key (the temporary one, or the public half of ssh_private_key_file), never a password'),
    ssh_agent_auth: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .refused */ .J5)('the VM needs a public key bake can install; use ssh_private_key_file'),
    runs_on: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'runner label for this source in the reusable workflow'),
    // Packer settings with a value bake does anyway; the others are refused in refine.
    os_type: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'only Linux is supported (Windows needs WinRM)', 'Linux'),
    communicator: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.enum(['ssh', 'winrm', 'none']), 'only ssh is supported', 'ssh'),
    skip_create_image: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_spec_schema__WEBPACK_IMPORTED_MODULE_0__.s.bool(), 'only false: a build always makes an image', false),
    // Packer settings bake refuses.
    capture_container_name: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .refused */ .J5)(VHD),
    capture_name_prefix: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .refused */ .J5)(VHD),
    storage_account: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .refused */ .J5)(VHD),
    resource_group_name: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .refused */ .J5)('bake makes no VHDs; use managed_image_resource_group_name'),
    image_url: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .refused */ .J5)('a VHD cannot be a source; use image_publisher or custom_managed_image_name'),
    plan_info: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .refused */ .J5)('images with a marketplace plan cannot be a source'),
    spot: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .refused */ .J5)('the build VM is a regular (not Spot) VM'),
    disk_encryption_set_id: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .refused */ .J5)('the OS disk uses platform-managed keys'),
    build_key_vault_name: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .refused */ .J5)('key vaults are only needed for WinRM, which is not supported'),
    user_data: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .refused */ .J5)('use custom_data'),
    user_data_file: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .refused */ .J5)('use custom_data_file'),
    managed_image_os_disk_snapshot_name: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .refused */ .J5)(SNAPSHOTS),
    managed_image_data_disk_snapshot_prefix: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .refused */ .J5)(SNAPSHOTS),
    managed_image_zone_resilient: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .refused */ .J5)('the managed image is made without zone redundancy'),
    disk_additional_size: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .refused */ .J5)('the VM has only its OS disk; provision data onto it'),
    virtual_network_subnet_id: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .refused */ .J5)('use virtual_network_name and virtual_network_subnet_name'),
    shared_gallery_image_version_exclude_from_latest: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .refused */ .J5)('set exclude_from_latest inside shared_image_gallery_destination'),
    secure_boot_enabled: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .refused */ .J5)(TRUSTED_LAUNCH),
    vtpm_enabled: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .refused */ .J5)(TRUSTED_LAUNCH),
    security_type: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_0__/* .refused */ .J5)(TRUSTED_LAUNCH),
});
const RESERVED_USERS = new Set([
    'administrator',
    'admin',
    'user',
    'user1',
    'test',
    'user2',
    'test1',
    'user3',
    'admin1',
    '1',
    '123',
    'a',
    'actuser',
    'adm',
    'admin2',
    'aspnet',
    'backup',
    'console',
    'david',
    'guest',
    'john',
    'owner',
    'root',
    'server',
    'sql',
    'support',
    'support_388945a0',
    'sys',
    'test2',
    'test3',
    'user4',
    'user5',
]);
/** Rules across fields, checked by validate with the spec's positions. */
function refineAzureArm(c) {
    const out = [];
    const has = (k) => c[k] !== undefined;
    if (typeof c.os_type === 'string' && c.os_type.toLowerCase() !== 'linux')
        out.push(c.os_type.toLowerCase() === 'windows'
            ? { key: 'os_type', message: 'os_type is not supported: only Linux (Windows needs WinRM)' }
            : {
                key: 'os_type',
                message: `os_type "${c.os_type}" is not an OS type`,
                hint: 'os_type: Linux (the only one supported)',
            });
    if (has('communicator') && c.communicator !== 'ssh')
        out.push({
            key: 'communicator',
            message: `communicator ${String(c.communicator)} is not supported: only ssh`,
        });
    if (c.skip_create_image === true)
        out.push({
            key: 'skip_create_image',
            message: 'skip_create_image is not supported: a build always makes an image',
            hint: 'to try provisioners without a cloud, use the null or docker builder',
        });
    const sources = [
        has('image_publisher') || has('image_offer') || has('image_sku'),
        has('custom_managed_image_name'),
        has('shared_image_gallery'),
    ].filter(Boolean).length;
    if (sources !== 1)
        out.push({
            key: '',
            message: sources === 0
                ? 'no source image'
                : 'set only one source: image_publisher/image_offer/image_sku, custom_managed_image_name or shared_image_gallery',
            hint: 'e.g. image_publisher: Debian, image_offer: debian-12, image_sku: 12-gen2',
        });
    if (has('image_publisher') || has('image_offer') || has('image_sku'))
        for (const k of ['image_publisher', 'image_offer', 'image_sku'])
            if (!has(k))
                out.push({
                    key: '',
                    message: `${k} is missing: a marketplace source needs image_publisher, image_offer and image_sku`,
                });
    if (has('custom_managed_image_name') !== has('custom_managed_image_resource_group_name'))
        out.push({
            key: has('custom_managed_image_name')
                ? 'custom_managed_image_name'
                : 'custom_managed_image_resource_group_name',
            message: 'custom_managed_image_name and custom_managed_image_resource_group_name go together',
        });
    if (!has('managed_image_name') && !has('shared_image_gallery_destination'))
        out.push({
            key: '',
            message: 'no image to make',
            hint: 'set managed_image_name + managed_image_resource_group_name, and/or shared_image_gallery_destination',
        });
    if (has('managed_image_name') !== has('managed_image_resource_group_name'))
        out.push({
            key: has('managed_image_name') ? 'managed_image_name' : 'managed_image_resource_group_name',
            message: 'managed_image_name and managed_image_resource_group_name go together',
        });
    if (typeof c.managed_image_name === 'string' &&
        !/^[A-Za-z0-9][A-Za-z0-9._-]{0,78}[A-Za-z0-9_]$/.test(c.managed_image_name))
        out.push({
            key: 'managed_image_name',
            message: `managed_image_name "${c.managed_image_name}" is not a valid image name`,
            hint: '1 to 80 letters, digits, _ . -; starts with a letter or digit, ends with a letter, digit or _',
        });
    if (has('temp_resource_group_name') && has('build_resource_group_name'))
        out.push({
            key: 'temp_resource_group_name',
            message: 'set only one of temp_resource_group_name and build_resource_group_name',
        });
    if (!has('build_resource_group_name') && !has('location'))
        out.push({
            key: '',
            message: 'no location',
            hint: 'set location (e.g. westeurope), or build in an existing group with build_resource_group_name',
        });
    if (has('build_resource_group_name') && has('location'))
        out.push({
            key: 'location',
            message: 'location comes from build_resource_group_name; set only one of them',
        });
    if (has('virtual_network_name') !== has('virtual_network_subnet_name') &&
        has('virtual_network_name'))
        out.push({
            key: 'virtual_network_name',
            message: 'an existing network needs virtual_network_subnet_name too',
        });
    if (has('virtual_network_name') &&
        !has('virtual_network_resource_group_name') &&
        !has('build_resource_group_name'))
        out.push({
            key: 'virtual_network_name',
            message: 'an existing network needs its resource group',
            hint: 'set virtual_network_resource_group_name (or build in that group with build_resource_group_name)',
        });
    if (!has('virtual_network_name') &&
        (has('virtual_network_subnet_name') || has('virtual_network_resource_group_name')))
        out.push({
            key: has('virtual_network_subnet_name')
                ? 'virtual_network_subnet_name'
                : 'virtual_network_resource_group_name',
            message: 'set virtual_network_name with it',
        });
    if (c.private_virtual_network_with_public_ip === false && !has('virtual_network_name'))
        out.push({
            key: 'private_virtual_network_with_public_ip',
            message: 'private_virtual_network_with_public_ip: false only applies with an existing virtual_network_name',
        });
    if (has('custom_data') && has('custom_data_file'))
        out.push({
            key: 'custom_data_file',
            message: 'set only one of custom_data and custom_data_file',
        });
    for (const k of ['subscription_id', 'tenant_id', 'client_id'])
        if (typeof c[k] === 'string' && !GUID.test(c[k]))
            out.push({
                key: k,
                message: `${k} "${c[k]}" is not a GUID`,
                hint: 'it looks like 00000000-0000-0000-0000-000000000000 (az account show)',
            });
    if (has('client_secret') && has('client_cert_path'))
        out.push({
            key: 'client_cert_path',
            message: 'set only one of client_secret and client_cert_path',
        });
    if (c.use_azure_cli_auth === true &&
        (has('client_secret') || has('client_cert_path') || has('client_jwt')))
        out.push({
            key: 'use_azure_cli_auth',
            message: 'use_azure_cli_auth takes no client_secret, client_cert_path or client_jwt',
        });
    if (typeof c.ssh_username === 'string' && RESERVED_USERS.has(c.ssh_username.toLowerCase()))
        out.push({
            key: 'ssh_username',
            message: `Azure refuses "${c.ssh_username}" as an admin user name`,
            hint: 'use another name, e.g. packer or azureuser',
        });
    const src = c.shared_image_gallery;
    if (typeof src?.image_version === 'string' &&
        src.image_version !== 'latest' &&
        !VERSION.test(src.image_version))
        out.push({
            key: 'shared_image_gallery.image_version',
            message: `image_version "${src.image_version}" is not N.N.N`,
        });
    const dst = c.shared_image_gallery_destination;
    if (dst) {
        if (typeof dst.image_version === 'string' && !VERSION.test(dst.image_version))
            out.push({
                key: 'shared_image_gallery_destination.image_version',
                message: `image_version "${dst.image_version}" is not N.N.N`,
                hint: 'gallery versions are three integers, e.g. 1.0.42',
            });
        if (typeof dst.gallery_name === 'string' &&
            !/^[A-Za-z0-9][A-Za-z0-9._]{0,78}[A-Za-z0-9]$/.test(dst.gallery_name))
            out.push({
                key: 'shared_image_gallery_destination.gallery_name',
                message: `gallery_name "${dst.gallery_name}" is not a gallery name`,
                hint: 'letters, digits, . and _ (no hyphens)',
            });
        if (dst.specialized === true && has('managed_image_name'))
            out.push({
                key: 'shared_image_gallery_destination.specialized',
                message: 'a specialized version cannot come with a managed image (a managed image needs a generalized VM)',
            });
        if (typeof dst.end_of_life_date === 'string' && Number.isNaN(Date.parse(dst.end_of_life_date)))
            out.push({
                key: 'shared_image_gallery_destination.end_of_life_date',
                message: `end_of_life_date "${dst.end_of_life_date}" is not a time`,
                hint: 'RFC 3339, e.g. 2027-06-01T00:00:00Z',
            });
    }
    return out;
}


/***/ }),

/***/ 13972:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  PluginError: () => (/* binding */ PluginError),
  addPluginModule: () => (/* binding */ addPluginModule),
  importPlugin: () => (/* binding */ importPlugin),
  openSpec: () => (/* binding */ openSpec),
  registryForLedger: () => (/* binding */ registryForLedger),
  resolvePluginModule: () => (/* binding */ resolvePluginModule)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:module"
var external_node_module_ = __webpack_require__(98995);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
// EXTERNAL MODULE: ./src/plugins/registry.ts + 21 modules
var plugins_registry = __webpack_require__(57282);
// EXTERNAL MODULE: ./src/communicators/communicator.ts
var communicator = __webpack_require__(54717);
// EXTERNAL MODULE: ./src/engine/context.ts
var context = __webpack_require__(86173);
// EXTERNAL MODULE: ./src/engine/steps.ts
var steps = __webpack_require__(54277);
// EXTERNAL MODULE: ./src/spec/schema.ts
var schema = __webpack_require__(47280);
// EXTERNAL MODULE: ./package.json
var package_0 = __webpack_require__(8330);
;// CONCATENATED MODULE: ./src/plugins/kit.ts
/**
 * What bake hands to a plugin from outside (a module's default export may be a function
 * of it): the schema builders its descriptor needs and the helpers its steps use, so a
 * plugin depends on nothing but bake itself.
 */





const kit = {
    /** The bake version loading the plugin. */
    version: package_0/* version */.rE,
    s: schema.s,
    opt: schema/* opt */.m7,
    req: schema/* req */.DQ,
    parseDuration: schema/* parseDuration */.E9,
    BuildError: context/* BuildError */.z,
    CancelledError: steps/* CancelledError */.cc,
    sleep: steps/* sleep */.yy,
    shQuote: communicator/* shQuote */.US,
};

// EXTERNAL MODULE: ./src/spec/errors.ts
var errors = __webpack_require__(17800);
// EXTERNAL MODULE: ./src/spec/load.ts
var load = __webpack_require__(11207);
// EXTERNAL MODULE: ./src/spec/spec.ts
var spec = __webpack_require__(81552);
;// CONCATENATED MODULE: ./src/plugins/external.ts
/**
 * Plugins from outside bake. A spec lists them under `plugins:` (a module path relative to
 * the spec, or an npm package installed beside it); each module exports descriptors with
 * the same contract as the built-ins. Nothing is downloaded: packages come from the user's
 * own `npm ci`. The ledger records the module a resource's plugin came from, so
 * `bake cleanup` can load it again with no spec at hand.
 */










const KINDS = ['builder', 'provisioner', 'post-processor'];
const TYPE_RE = /^[a-z][a-z0-9-]*$/;
/** A plugin module that cannot be used; the message names the module and what is wrong. */
class PluginError extends Error {
    hint;
    constructor(message, hint) {
        super(message);
        this.hint = hint;
        this.name = 'PluginError';
    }
}
/** Where a module named in a spec lives: a file for a path, else an npm package's entry. */
function resolvePluginModule(name, specDir) {
    if (name.startsWith('.') || (0,external_node_path_.isAbsolute)(name)) {
        const file = (0,external_node_path_.resolve)(specDir, name);
        if (!(0,external_node_fs_.existsSync)(file))
            throw new PluginError(`plugin module ${name} does not exist (looked for ${file})`, 'paths are relative to the spec file');
        return file;
    }
    const req = (0,external_node_module_.createRequire)((0,external_node_path_.join)((0,external_node_path_.resolve)(specDir), 'package.json'));
    try {
        return req.resolve(name);
    }
    catch (e) {
        // An ESM-only package has no "require" entry: read its "import" entry instead.
        const pkgDir = findPackageDir(name, specDir);
        if (pkgDir) {
            const entry = esmEntry(pkgDir);
            if (entry)
                return entry;
        }
        if (e.code === 'MODULE_NOT_FOUND' || !pkgDir)
            throw new PluginError(`plugin package ${name} is not installed (looked in node_modules from ${(0,external_node_path_.resolve)(specDir)} up)`, `install it before bake runs, e.g. "npm install ${name}" beside the spec, then "npm ci" in CI`);
        throw new PluginError(`plugin package ${name} cannot be resolved: ${e.message}`);
    }
}
function findPackageDir(name, from) {
    for (let dir = (0,external_node_path_.resolve)(from);; dir = (0,external_node_path_.dirname)(dir)) {
        const candidate = (0,external_node_path_.join)(dir, 'node_modules', name);
        if ((0,external_node_fs_.existsSync)((0,external_node_path_.join)(candidate, 'package.json')))
            return candidate;
        if ((0,external_node_path_.dirname)(dir) === dir)
            return undefined;
    }
}
function esmEntry(pkgDir) {
    const pkg = JSON.parse((0,external_node_fs_.readFileSync)((0,external_node_path_.join)(pkgDir, 'package.json'), 'utf8'));
    const pick = (x) => {
        if (typeof x === 'string')
            return x;
        if (x && typeof x === 'object') {
            const o = x;
            for (const k of ['.', 'import', 'node', 'default']) {
                const v = o[k] !== undefined ? pick(o[k]) : undefined;
                if (v)
                    return v;
            }
        }
        return undefined;
    };
    const rel = pick(pkg.exports) ?? pkg.module ?? pkg.main ?? 'index.js';
    const file = (0,external_node_path_.resolve)(pkgDir, rel);
    return (0,external_node_fs_.existsSync)(file) ? file : undefined;
}
/** Imports a plugin module and checks what it exports. */
async function importPlugin(file, label) {
    let mod;
    try {
        // Kept as Node's own import(): the bundler must not try to resolve a user's module.
        mod = (await import(/* webpackIgnore: true */ (0,external_node_url_.pathToFileURL)(file).href));
    }
    catch (e) {
        const err = e;
        throw new PluginError(`plugin ${label} failed to load: ${err.message.split('\n')[0]}`, 'run it with node to see the whole error, e.g. node --input-type=module -e "import(\'' +
            (0,external_node_url_.pathToFileURL)(file).href +
            '\')"');
    }
    let exported = mod.default ?? mod.plugins ?? mod.descriptors;
    if (typeof exported === 'function') {
        try {
            exported = await exported(kit);
        }
        catch (e) {
            throw new PluginError(`plugin ${label}: its default export threw: ${e.message}`);
        }
    }
    const list = Array.isArray(exported) ? exported : exported ? [exported] : [];
    if (!list.length)
        throw new PluginError(`plugin ${label} exports no descriptors`, 'export default a descriptor, a list of them, or a function (kit) => descriptors; see docs/plugins.md');
    return list.map((d, i) => checkDescriptor(d, `${label}${list.length > 1 ? ` (export ${i + 1})` : ''}`));
}
/** The shape checks a module must pass before anything uses it. */
function checkDescriptor(d, label) {
    const bad = (what) => {
        throw new PluginError(`plugin ${label}: ${what}`, 'see docs/plugins.md for the descriptor fields');
    };
    if (!d || typeof d !== 'object')
        return bad('an export is not a descriptor object');
    const o = d;
    if (!KINDS.includes(o.kind))
        bad(`kind must be one of ${KINDS.join(', ')} (got ${JSON.stringify(o.kind)})`);
    if (typeof o.type !== 'string' || !TYPE_RE.test(o.type))
        bad(`type must be lowercase letters, digits and - (got ${JSON.stringify(o.type)})`);
    if (typeof o.description !== 'string' || !o.description)
        bad(`${o.type}: description must be a non-empty string`);
    const schema = o.schema;
    if (!schema || schema.kind !== 'object' || !schema.fields || typeof schema.fields !== 'object')
        bad(`${o.type}: schema must be an object schema ({kind: 'object', fields: {...}}), e.g. kit.s.object({...})`);
    if (typeof o.load !== 'function')
        bad(`${o.type}: load must be a function returning the implementation`);
    if (o.refine !== undefined && typeof o.refine !== 'function')
        bad(`${o.type}: refine must be a function`);
    if (o.cleaners !== undefined) {
        if (!o.cleaners || typeof o.cleaners !== 'object')
            bad(`${o.type}: cleaners must be an object`);
        for (const [k, c] of Object.entries(o.cleaners))
            if (typeof c !== 'function')
                bad(`${o.type}: cleaner for "${k}" must be a function`);
    }
    const kinds = ['docker-image', 'machine-image', 'files', 'none'];
    if (o.kind === 'builder') {
        if (typeof o.artifact !== 'function' && !kinds.includes(o.artifact))
            bad(`${o.type}: artifact must be one of ${kinds.join(', ')} or a function of the settings`);
    }
    if (o.kind === 'post-processor') {
        const acc = o.accepts;
        if (acc !== 'any' && !(Array.isArray(acc) && acc.every((k) => kinds.includes(k))))
            bad(`${o.type}: accepts must be 'any' or a list of ${kinds.join(', ')}`);
        if (o.produces !== 'same' && !kinds.includes(o.produces))
            bad(`${o.type}: produces must be 'same' or one of ${kinds.join(', ')}`);
    }
    return d;
}
/** Adds one module's descriptors to `registry`. */
async function addPluginModule(registry, name, specDir) {
    const file = resolvePluginModule(name, specDir);
    for (const d of await importPlugin(file, name)) {
        try {
            registry.add(d, { module: file, name });
        }
        catch (e) {
            if (e instanceof plugins_registry/* RegistryError */.gl)
                throw new PluginError(`plugin ${name}: ${e.message}`, 'give the plugin a type of its own');
            throw e;
        }
    }
}
/**
 * Loads a spec with its plugins: the file once, the modules its `plugins:` names, then the
 * checks against the built-ins plus those. Each unusable plugin is one error at its line.
 */
async function openSpec(path, base = (0,plugins_registry/* builtInRegistry */.f4)()) {
    const file = (0,load/* loadYamlFile */.Y3)(path, 'spec');
    const top = file.value;
    const list = top && typeof top === 'object' && !Array.isArray(top)
        ? top.plugins
        : undefined;
    if (!Array.isArray(list) || !list.length)
        return (0,spec/* loadSpec */.II)(path, base, file);
    const registry = base.copy();
    const problems = [];
    const specDir = (0,external_node_path_.dirname)((0,external_node_path_.resolve)(path));
    for (const [i, name] of list.entries()) {
        if (typeof name !== 'string')
            continue; // the schema check reports it
        const at = (0,load/* joinPath */.uJ)('plugins', i);
        try {
            await addPluginModule(registry, name, specDir);
        }
        catch (e) {
            if (!(e instanceof PluginError))
                throw e;
            problems.push({ message: e.message, path: at, pos: (0,schema/* positionOf */.df)(file, at), hint: e.hint });
        }
    }
    if (problems.length)
        throw new errors/* SpecError */.G8(problems);
    return (0,spec/* loadSpec */.II)(path, registry, file);
}
/**
 * The registry a ledger needs for cleaning: the built-ins, plus every outside module its
 * entries name (loaded again from the path recorded when the resource was made).
 */
async function registryForLedger(entries, warn) {
    const modules = [...new Set(entries.map((e) => e.module).filter((m) => !!m))];
    if (!modules.length)
        return (0,plugins_registry/* builtInRegistry */.f4)();
    const registry = (0,plugins_registry/* builtInRegistry */.f4)().copy();
    for (const file of modules) {
        try {
            for (const d of await importPlugin(file, file)) {
                // The same plugin can be named twice in one ledger only by the same module.
                if (!registry.get(d.kind, d.type))
                    registry.add(d, { module: file });
            }
        }
        catch (e) {
            warn(`cannot load plugin ${file} to clean its resources: ${e.message}`);
        }
    }
    return registry;
}


/***/ }),

/***/ 13553:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ archiveFormat),
/* harmony export */   U: () => (/* binding */ hasZstd)
/* harmony export */ });
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_0__);
/** The archive a compress output name asks for, as Packer reads it: by its extension. */

function archiveFormat(output) {
    if (/\.(tar\.gz|tgz)$/.test(output))
        return 'tar.gz';
    if (/\.tar\.zst$/.test(output))
        return 'tar.zst';
    if (/\.tar$/.test(output))
        return 'tar';
    if (/\.gz$/.test(output))
        return 'gz';
    if (/\.zip$/.test(output))
        return 'zip';
    return undefined;
}
/** zstd is in Node's zlib from Node 22.15 on. */
const hasZstd = () => typeof node_zlib__WEBPACK_IMPORTED_MODULE_0__.createZstdCompress === 'function';


/***/ }),

/***/ 57282:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  gl: () => (/* binding */ RegistryError),
  f4: () => (/* binding */ builtInRegistry)
});

// UNUSED EXPORTS: Registry

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/spec/schema.ts
var schema = __webpack_require__(47280);
// EXTERNAL MODULE: ./src/communicators/ssh-schema.ts
var ssh_schema = __webpack_require__(59060);
;// CONCATENATED MODULE: ./src/plugins/builders/amazon-ebs/schema.ts
/**
 * amazon-ebs settings, with Packer's names. Loaded by `bake validate`, so nothing here may
 * import the AWS SDK.
 */


const filters = (0,schema/* opt */.m7)(schema.s.map(schema.s.string()), 'EC2 API filters, name: value (e.g. "tag:Team": infra)');
const blockDevice = schema.s.object({
    device_name: (0,schema/* req */.DQ)(schema.s.string(), 'e.g. /dev/xvda'),
    volume_size: (0,schema/* opt */.m7)(schema.s.int(1, 65536), 'GiB'),
    volume_type: (0,schema/* opt */.m7)(schema.s.enum(['gp2', 'gp3', 'io1', 'io2', 'st1', 'sc1', 'standard']), 'EBS volume type'),
    iops: (0,schema/* opt */.m7)(schema.s.int(100, 256000), 'provisioned IOPS (io1, io2, gp3)'),
    throughput: (0,schema/* opt */.m7)(schema.s.int(125, 1000), 'MiB/s (gp3)'),
    delete_on_termination: (0,schema/* opt */.m7)(schema.s.bool(), 'delete the volume when the instance ends', true),
    encrypted: (0,schema/* opt */.m7)(schema.s.bool(), 'encrypt the volume'),
    kms_key_id: (0,schema/* opt */.m7)(schema.s.string(), 'KMS key for an encrypted volume'),
    snapshot_id: (0,schema/* opt */.m7)(schema.s.string(), 'snapshot to create the volume from'),
    virtual_name: (0,schema/* opt */.m7)(schema.s.string(), 'ephemeral0 ...'),
    no_device: (0,schema/* opt */.m7)(schema.s.bool(), 'suppress this device of the source AMI'),
});
const { ssh_host: _host, ...ssh } = ssh_schema/* sshFields */.O;
void _host;
const amazonEbsSchema = schema.s.object({
    region: (0,schema/* opt */.m7)(schema.s.string(), 'region to build in (default: AWS_REGION)'),
    assume_role: (0,schema/* opt */.m7)(schema.s.object({
        role_arn: (0,schema/* req */.DQ)(schema.s.string(), 'the role to assume', 'arn:aws:iam::123456789012:role/image-builder'),
        session_name: (0,schema/* opt */.m7)(schema.s.string(), 'name of the role session (shown in CloudTrail)', 'bake'),
        external_id: (0,schema/* opt */.m7)(schema.s.string(), "external id the role's trust policy requires"),
        duration_seconds: (0,schema/* opt */.m7)(schema.s.int(900, 43200), 'lifetime of the role credentials', 3600),
    }), 'role to assume on top of the default credential chain'),
    source_ami: (0,schema/* opt */.m7)(schema.s.string(), 'AMI to start from (or source_ami_filter)', undefined, 'ami-0123456789abcdef0'),
    source_ami_filter: (0,schema/* opt */.m7)(schema.s.object({
        filters,
        owners: (0,schema/* opt */.m7)(schema.s.list(schema.s.string()), 'account ids, self, amazon, aws-marketplace'),
        most_recent: (0,schema/* opt */.m7)(schema.s.bool(), 'take the newest of several matches', false),
    }), 'find the AMI to start from'),
    instance_type: (0,schema/* opt */.m7)(schema.s.string(), 'EC2 instance type of the build instance', undefined, 't3.micro'),
    spot_price: (0,schema/* opt */.m7)(schema.s.string(), 'maximum spot price in USD, or "auto" for the on-demand price'),
    spot_instance_types: (0,schema/* opt */.m7)(schema.s.list(schema.s.string()), 'spot instance types, tried in order when one has no capacity'),
    iam_instance_profile: (0,schema/* opt */.m7)(schema.s.string(), 'instance profile name for the build instance'),
    user_data: (0,schema/* opt */.m7)(schema.s.string(), 'user data passed to the build instance (cloud-init)'),
    user_data_file: (0,schema/* opt */.m7)(schema.s.string(), 'file whose content is the user data'),
    availability_zone: (0,schema/* opt */.m7)(schema.s.string(), 'zone to launch in, e.g. eu-west-1a'),
    vpc_id: (0,schema/* opt */.m7)(schema.s.string(), 'VPC to launch in (default: the default VPC)'),
    vpc_filter: (0,schema/* opt */.m7)(schema.s.object({ filters }), 'find the VPC'),
    subnet_id: (0,schema/* opt */.m7)(schema.s.string(), 'subnet to launch in'),
    subnet_filter: (0,schema/* opt */.m7)(schema.s.object({
        filters,
        most_free: (0,schema/* opt */.m7)(schema.s.bool(), 'take the subnet with the most free addresses', true),
    }), 'find the subnet'),
    security_group_ids: (0,schema/* opt */.m7)(schema.s.list(schema.s.string(), { single: true }), 'use these groups instead of a temporary one'),
    associate_public_ip_address: (0,schema/* opt */.m7)(schema.s.bool(), 'give the build instance a public IP address'),
    launch_block_device_mappings: (0,schema/* opt */.m7)(schema.s.list(blockDevice), 'volumes of the build instance'),
    run_tags: (0,schema/* opt */.m7)(schema.s.map(schema.s.string()), 'tags of the build instance'),
    run_volume_tags: (0,schema/* opt */.m7)(schema.s.map(schema.s.string()), 'tags of its volumes'),
    metadata_options: (0,schema/* opt */.m7)(schema.s.object({
        http_endpoint: (0,schema/* opt */.m7)(schema.s.enum(['enabled', 'disabled']), 'the metadata service is on', 'enabled'),
        http_tokens: (0,schema/* opt */.m7)(schema.s.enum(['required', 'optional']), 'required = IMDSv2 only', 'required'),
        http_put_response_hop_limit: (0,schema/* opt */.m7)(schema.s.int(1, 64), 'network hops a metadata token may travel (2 for containers)', 1),
        instance_metadata_tags: (0,schema/* opt */.m7)(schema.s.enum(['enabled', 'disabled']), 'instance tags readable from the metadata service'),
    }), 'instance metadata service of the build instance (IMDSv2 required by default)'),
    ssh_interface: (0,schema/* opt */.m7)(schema.s.enum(['public_ip', 'private_ip', 'public_dns', 'private_dns']), 'which address to connect to', 'public_ip'),
    ssh_keypair_name: (0,schema/* opt */.m7)(schema.s.string(), 'existing key pair (with ssh_private_key_file)'),
    temporary_key_pair_type: (0,schema/* opt */.m7)(schema.s.enum(['ed25519', 'rsa']), 'type of the temporary SSH key pair', 'ed25519'),
    temporary_security_group_source_cidrs: (0,schema/* opt */.m7)(schema.s.list(schema.s.string()), "who may reach SSH on the temporary group (default: this runner's public IP /32)"),
    disable_stop_instance: (0,schema/* opt */.m7)(schema.s.bool(), 'create the image from the running instance', false),
    ami_name: (0,schema/* req */.DQ)(schema.s.string(), 'name of the new AMI; must be unique in the account and region', 'golden-${formatdate("YYYYMMDDhhmm", timestamp())}'),
    ami_description: (0,schema/* opt */.m7)(schema.s.string(), 'description of the new AMI'),
    ami_regions: (0,schema/* opt */.m7)(schema.s.list(schema.s.string()), 'copy the AMI to these regions as well'),
    ami_block_device_mappings: (0,schema/* opt */.m7)(schema.s.list(blockDevice), 'volumes of the AMI'),
    ami_users: (0,schema/* opt */.m7)(schema.s.list(schema.s.string()), 'account ids allowed to launch the AMI'),
    ami_groups: (0,schema/* opt */.m7)(schema.s.list(schema.s.enum(['all'])), '"all" makes the AMI public'),
    ami_org_arns: (0,schema/* opt */.m7)(schema.s.list(schema.s.string()), 'organizations allowed to launch the AMI'),
    snapshot_users: (0,schema/* opt */.m7)(schema.s.list(schema.s.string()), 'account ids allowed to create volumes'),
    tags: (0,schema/* opt */.m7)(schema.s.map(schema.s.string()), 'tags of the AMI'),
    snapshot_tags: (0,schema/* opt */.m7)(schema.s.map(schema.s.string()), 'tags of its snapshots'),
    force_deregister: (0,schema/* opt */.m7)(schema.s.bool(), 'replace an AMI of the same name', false),
    force_delete_snapshot: (0,schema/* opt */.m7)(schema.s.bool(), 'and delete its snapshots', false),
    encrypt_boot: (0,schema/* opt */.m7)(schema.s.bool(), "encrypt the AMI's snapshots"),
    kms_key_id: (0,schema/* opt */.m7)(schema.s.string(), 'KMS key for encrypt_boot'),
    region_kms_key_ids: (0,schema/* opt */.m7)(schema.s.map(schema.s.string()), 'region: KMS key, for the copies'),
    ena_support: (0,schema/* opt */.m7)(schema.s.bool(), 'mark the AMI as supporting ENA networking'),
    sriov_support: (0,schema/* opt */.m7)(schema.s.bool(), 'mark the AMI as supporting SR-IOV (simple) networking'),
    imds_support: (0,schema/* opt */.m7)(schema.s.enum(['v2.0']), 'instances launched from the AMI require IMDSv2'),
    deprecate_at: (0,schema/* opt */.m7)(schema.s.string(), 'RFC 3339 time when the AMI is deprecated'),
    aws_polling: (0,schema/* opt */.m7)(schema.s.object({
        delay_seconds: (0,schema/* opt */.m7)(schema.s.number({ min: 0 }), 'fixed delay between checks'),
        max_attempts: (0,schema/* opt */.m7)(schema.s.int(1), 'checks before giving up'),
    }), 'how waits poll (default: start at 1 s, grow to 15 s, up to 30 minutes for an AMI)'),
    ...ssh,
    ssh_username: { ...ssh_schema/* sshFields */.O.ssh_username, required: true },
    runs_on: (0,schema/* opt */.m7)(schema.s.string(), 'runner label for this source in the reusable workflow'),
});
/** Rules across fields, checked by validate with the spec's positions. */
function refineAmazonEbs(c) {
    const out = [];
    if ((c.source_ami === undefined) === (c.source_ami_filter === undefined))
        out.push({
            key: c.source_ami === undefined ? '' : 'source_ami',
            message: 'set exactly one of source_ami and source_ami_filter',
            hint: 'source_ami: ami-0123... or source_ami_filter: {filters: {name: "debian-12-amd64-*"}, owners: ["136693071363"], most_recent: true}',
        });
    if (c.instance_type === undefined && c.spot_instance_types === undefined)
        out.push({
            key: '',
            message: 'no instance type',
            hint: 'set instance_type (e.g. t3.micro), or spot_instance_types',
        });
    if (c.user_data !== undefined && c.user_data_file !== undefined)
        out.push({ key: 'user_data_file', message: 'set only one of user_data and user_data_file' });
    if (c.subnet_id !== undefined && c.subnet_filter !== undefined)
        out.push({ key: 'subnet_filter', message: 'set only one of subnet_id and subnet_filter' });
    if (c.vpc_id !== undefined && c.vpc_filter !== undefined)
        out.push({ key: 'vpc_filter', message: 'set only one of vpc_id and vpc_filter' });
    if (c.ssh_keypair_name !== undefined &&
        c.ssh_private_key_file === undefined &&
        c.ssh_agent_auth !== true)
        out.push({
            key: 'ssh_keypair_name',
            message: 'ssh_keypair_name needs the private half',
            hint: 'set ssh_private_key_file (or ssh_agent_auth: true)',
        });
    if (c.force_delete_snapshot === true && c.force_deregister !== true)
        out.push({
            key: 'force_delete_snapshot',
            message: 'force_delete_snapshot only applies with force_deregister: true',
        });
    if (typeof c.deprecate_at === 'string' && Number.isNaN(Date.parse(c.deprecate_at)))
        out.push({
            key: 'deprecate_at',
            message: `deprecate_at "${c.deprecate_at}" is not a time`,
            hint: 'use RFC 3339, e.g. 2027-06-01T00:00:00Z, or timeadd(timestamp(), "2160h")',
        });
    if (c.spot_price !== undefined &&
        c.spot_price !== 'auto' &&
        !/^\d+(\.\d+)?$/.test(String(c.spot_price)))
        out.push({
            key: 'spot_price',
            message: `spot_price "${c.spot_price}" is not a price`,
            hint: 'a price in USD per hour such as "0.05", or "auto"',
        });
    if (typeof c.ami_name === 'string' && !/^[A-Za-z0-9()[\]./\-'@_ ]{3,128}$/.test(c.ami_name))
        out.push({
            key: 'ami_name',
            message: `ami_name "${c.ami_name}" is not a valid AMI name`,
            hint: "3 to 128 of letters, digits, spaces and ( ) [ ] . / - ' @ _ (use clean_resource_name())",
        });
    return out;
}

;// CONCATENATED MODULE: ./src/plugins/builders/amazon-ebs/index.ts
/**
 * The amazon-ebs builder (Packer's name): an AMI from a temporary EC2 instance. Everything
 * that touches the AWS SDK loads on first use, so Docker-only runs never parse it.
 */



const AWS_KINDS = ['aws-instance', 'aws-security-group', 'aws-key-pair', 'aws-ami'];
const cleaner = (kind) => async (entry) => (await Promise.all(/* import() */[__webpack_require__.e(193), __webpack_require__.e(765)]).then(__webpack_require__.bind(__webpack_require__, 74146))).awsCleaners[kind](entry);
const amazonEbs = {
    kind: 'builder',
    type: 'amazon-ebs',
    description: 'an AMI from a temporary EC2 instance',
    schema: amazonEbsSchema,
    refine: (c) => refineAmazonEbs(c),
    artifact: 'machine-image',
    cleaners: Object.fromEntries(AWS_KINDS.map((k) => [k, cleaner(k)])),
    localInputs: (c, dir) => [
        ...(typeof c.user_data_file === 'string' ? [(0,external_node_path_.resolve)(dir, c.user_data_file)] : []),
        ...(0,ssh_schema/* sshLocalInputs */.p)(c, dir),
    ],
    reuse: {
        base: async (c) => (await Promise.all(/* import() */[__webpack_require__.e(118), __webpack_require__.e(472), __webpack_require__.e(193), __webpack_require__.e(870), __webpack_require__.e(423)]).then(__webpack_require__.bind(__webpack_require__, 1423))).amiBase(c),
        exists: async (c, a) => (await Promise.all(/* import() */[__webpack_require__.e(118), __webpack_require__.e(472), __webpack_require__.e(193), __webpack_require__.e(870), __webpack_require__.e(423)]).then(__webpack_require__.bind(__webpack_require__, 1423))).amisExist(c, a),
    },
    sweep: {
        where: { option: 'region', env: ['AWS_REGION', 'AWS_DEFAULT_REGION'] },
        run: async (o) => (await Promise.all(/* import() */[__webpack_require__.e(193), __webpack_require__.e(103)]).then(__webpack_require__.bind(__webpack_require__, 34103))).sweep({ ...o, regions: o.locations }),
    },
    load: async () => ({
        async steps(env, provision) {
            const { ebsSteps } = await Promise.all(/* import() */[__webpack_require__.e(118), __webpack_require__.e(472), __webpack_require__.e(193), __webpack_require__.e(870), __webpack_require__.e(400)]).then(__webpack_require__.bind(__webpack_require__, 60400));
            // The steps keep more state than BuildState names; the engine only passes it through.
            return ebsSteps(env, provision);
        },
    }),
};

// EXTERNAL MODULE: ./src/plugins/builders/azure-arm/schema.ts
var azure_arm_schema = __webpack_require__(71191);
;// CONCATENATED MODULE: ./src/plugins/builders/azure-arm/index.ts
/**
 * The azure-arm builder (Packer's name): a managed image and/or an Azure Compute Gallery
 * version from a temporary Linux VM. Everything that touches the Azure SDK loads on first
 * use, so Docker-only runs and `bake validate` never parse it.
 */


const AZURE_KINDS = [
    'azure-resource-group',
    'azure-resource',
    'azure-image',
    'azure-gallery-version',
];
const azure_arm_cleaner = (kind) => async (entry) => (await Promise.all(/* import() */[__webpack_require__.e(324), __webpack_require__.e(830), __webpack_require__.e(669), __webpack_require__.e(796), __webpack_require__.e(899)]).then(__webpack_require__.bind(__webpack_require__, 36899))).azureCleaners[kind](entry);
const azureArm = {
    kind: 'builder',
    type: 'azure-arm',
    description: 'a managed image or Azure Compute Gallery version from a temporary Linux VM',
    schema: azure_arm_schema/* azureArmSchema */.r9,
    refine: (c) => (0,azure_arm_schema/* refineAzureArm */.rA)(c),
    artifact: 'machine-image',
    cleaners: Object.fromEntries(AZURE_KINDS.map((k) => [k, azure_arm_cleaner(k)])),
    localInputs: (c, dir) => typeof c.custom_data_file === 'string' ? [(0,external_node_path_.resolve)(dir, c.custom_data_file)] : [],
    load: async () => ({
        async steps(env, provision) {
            const { azureSteps } = await Promise.all(/* import() */[__webpack_require__.e(118), __webpack_require__.e(472), __webpack_require__.e(324), __webpack_require__.e(830), __webpack_require__.e(669), __webpack_require__.e(796), __webpack_require__.e(870), __webpack_require__.e(56)]).then(__webpack_require__.bind(__webpack_require__, 33056));
            // The steps keep more state than BuildState names; the engine only passes it through.
            return azureSteps(env, provision);
        },
    }),
};

;// CONCATENATED MODULE: ./src/plugins/builders/docker/schema.ts

const dockerBuilderSchema = schema.s.object({
    image: (0,schema/* req */.DQ)(schema.s.string(), 'the base image to start the build container from', 'debian:bookworm'),
    pull: (0,schema/* opt */.m7)(schema.s.enum(['always', 'missing', 'never']), 'when to pull the base image', 'missing'),
    platform: (0,schema/* opt */.m7)(schema.s.string(), 'platform of the base image, e.g. linux/amd64'),
    entrypoint: (0,schema/* opt */.m7)(schema.s.list(schema.s.string(), { single: true }), 'entrypoint of the build container (not of the image)'),
    cmd: (0,schema/* opt */.m7)(schema.s.list(schema.s.string(), { single: true }), 'command that keeps the build container running (not kept in the image); without it, an interactive /bin/sh does, as in Packer', undefined, ['sleep', 'infinity']),
    privileged: (0,schema/* opt */.m7)(schema.s.bool(), 'run the build container privileged', false),
    volumes: (0,schema/* opt */.m7)(schema.s.map(schema.s.string()), 'host path: container path'),
    env: (0,schema/* opt */.m7)(schema.s.map(schema.s.string()), 'environment of every provisioner command (not kept in the image)'),
    tmpfs: (0,schema/* opt */.m7)(schema.s.list(schema.s.string()), 'tmpfs mounts, e.g. /run:size=64m'),
    cap_add: (0,schema/* opt */.m7)(schema.s.list(schema.s.string()), 'Linux capabilities added to the build container', undefined, [
        'SYS_ADMIN',
    ]),
    cap_drop: (0,schema/* opt */.m7)(schema.s.list(schema.s.string()), 'Linux capabilities dropped from the build container', undefined, ['NET_RAW']),
    devices: (0,schema/* opt */.m7)(schema.s.list(schema.s.string()), 'host devices, e.g. /dev/fuse'),
    exec_user: (0,schema/* opt */.m7)(schema.s.string(), 'user for provisioner commands (default: the image user)'),
    container_dir: (0,schema/* opt */.m7)(schema.s.string(), 'where provisioner scripts are placed', '/tmp'),
    fix_upload_owner: (0,schema/* opt */.m7)(schema.s.bool(), 'make uploads owned by exec_user', true),
    changes: (0,schema/* opt */.m7)(schema.s.list(schema.s.string()), 'Dockerfile instructions applied on commit: CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, USER, WORKDIR, VOLUME, ONBUILD, STOPSIGNAL'),
    author: (0,schema/* opt */.m7)(schema.s.string(), 'author of the committed image'),
    message: (0,schema/* opt */.m7)(schema.s.string(), 'commit message of the committed image'),
    commit: (0,schema/* opt */.m7)(schema.s.bool(), 'commit the container to an image (the default)'),
    export_path: (0,schema/* opt */.m7)(schema.s.string(), 'export the container filesystem to this tar file instead'),
    discard: (0,schema/* opt */.m7)(schema.s.bool(), 'throw the container away (provisioning test only)'),
    runs_on: (0,schema/* opt */.m7)(schema.s.string(), 'runner label for this source in the reusable workflow'),
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
;// CONCATENATED MODULE: ./src/plugins/builders/docker/reuse.ts
/** skip-unchanged for the docker builder: the base image's identity; the image must still exist. */

/** Identity of a Docker base image: its registry digest when it has one, else its local id. */
async function dockerBase(docker, image, pull) {
    const remote = async () => {
        try {
            return `digest:${(await docker.getImage(image).distribution()).Descriptor.digest}`;
        }
        catch {
            return undefined;
        }
    };
    if (pull === 'always') {
        const r = await remote();
        if (r)
            return r;
    }
    try {
        const info = await docker.getImage(image).inspect();
        const digest = info.RepoDigests?.[0]?.split('@')[1];
        return digest ? `digest:${digest}` : `id:${info.Id}`;
    }
    catch {
        return pull === 'never' ? undefined : remote();
    }
}
/** Whether a Docker build's recorded artifact can still be used. */
async function dockerArtifactExists(docker, a) {
    if (a.digests?.length) {
        // Pushed: what deployments use is the registry's copy.
        for (const ref of a.digests) {
            try {
                await docker.getImage(ref).distribution();
            }
            catch {
                return false;
            }
        }
        return true;
    }
    if (a.files?.length)
        return a.files.every((f) => (0,external_node_fs_.existsSync)(f));
    try {
        await docker.getImage(a.id).inspect();
        return true;
    }
    catch {
        return false;
    }
}

;// CONCATENATED MODULE: ./src/plugins/builders/docker/index.ts
/** The docker builder (Packer's name): a Docker image from a base image, through the Docker API. */



/** Removal that treats "no such container/image" and "already being removed" as done. */
const ignoreMissing = (e) => {
    const code = e.statusCode;
    if (code !== 404 && code !== 409)
        throw e;
};
const docker = {
    kind: 'builder',
    type: 'docker',
    description: 'a Docker image from a base image, through the Docker API',
    schema: dockerBuilderSchema,
    refine: (c) => {
        const out = [];
        const chosen = ['commit', 'export_path', 'discard'].filter((k) => k === 'export_path' ? typeof c[k] === 'string' : c[k] === true);
        if (chosen.length > 1)
            out.push({
                key: chosen[1],
                message: `set only one of commit, export_path and discard (this source sets ${chosen.join(' and ')})`,
                hint: 'commit makes an image, export_path a tar of the filesystem, discard nothing',
            });
        if (c.commit === false && !chosen.length)
            out.push({
                key: 'commit',
                message: 'commit: false leaves nothing to make',
                hint: 'set export_path to keep the filesystem as a tar, or discard: true to throw it away',
            });
        if (c.container_dir !== undefined)
            out.push({
                key: 'container_dir',
                message: 'container_dir is not supported: bake copies files through the Docker API, with no shared directory',
                hint: 'remove it; scripts are uploaded to remote_folder (default /tmp) of each provisioner',
            });
        return out;
    },
    artifact: (c) => typeof c.export_path === 'string' ? 'files' : c.discard === true ? 'none' : 'docker-image',
    needs: { docker: true },
    cleaners: {
        'docker-container': async (e, { docker }) => {
            await docker().getContainer(e.ref.id).remove({ force: true, v: true }).catch(ignoreMissing);
        },
        'docker-image': async (e, { docker }) => {
            await docker().getImage(e.ref.id).remove({ force: true }).catch(ignoreMissing);
        },
    },
    localInputs: (c, dir) => Object.keys(c.volumes ?? {})
        .filter((host) => host.startsWith('.') || host.startsWith('/'))
        .map((host) => (0,external_node_path_.resolve)(dir, host)),
    reuse: {
        base: (c, { docker }) => dockerBase(docker(), String(c.image), String(c.pull ?? 'missing')),
        exists: (_c, a, { docker }) => dockerArtifactExists(docker(), a),
    },
    load: async () => (await Promise.all(/* import() */[__webpack_require__.e(118), __webpack_require__.e(441)]).then(__webpack_require__.bind(__webpack_require__, 36441))).dockerBuilder,
};

;// CONCATENATED MODULE: ./src/plugins/builders/null/schema.ts


const nullBuilderSchema = schema.s.object({
    ...ssh_schema/* sshFields */.O,
    ssh_host: { ...ssh_schema/* sshFields */.O.ssh_host, required: true },
    ssh_username: { ...ssh_schema/* sshFields */.O.ssh_username, required: true },
    runs_on: {
        schema: schema.s.string(),
        description: 'runner label for this source in the reusable workflow',
    },
});

;// CONCATENATED MODULE: ./src/plugins/builders/null/index.ts


const nullBuilder = {
    kind: 'builder',
    type: 'null',
    description: 'provisions an existing machine over SSH; no artifact',
    schema: nullBuilderSchema,
    artifact: 'none',
    localInputs: ssh_schema/* sshLocalInputs */.p,
    load: async () => (await Promise.all(/* import() */[__webpack_require__.e(118), __webpack_require__.e(472), __webpack_require__.e(870), __webpack_require__.e(208)]).then(__webpack_require__.bind(__webpack_require__, 90208))).nullBuilder,
};

;// CONCATENATED MODULE: ./src/plugins/builders/googlecompute/schema.ts
/**
 * googlecompute settings, with Packer's names. Loaded by `bake validate`, so nothing here
 * may import the Google client libraries.
 */


const NAME = /^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/;
const LABEL_KEY = /^[a-z][-_a-z0-9]{0,62}$/;
const LABEL_VALUE = /^[-_a-z0-9]{0,63}$/;
const encryptionKey = schema.s.object({
    kmsKeyName: (0,schema/* opt */.m7)(schema.s.string(), 'projects/P/locations/L/keyRings/R/cryptoKeys/K'),
    rawKey: (0,schema/* opt */.m7)(schema.s.string(), 'a 256-bit customer-supplied key, base64 (use a sensitive variable)'),
});
const IAP = 'bake opens no IAP tunnel (see use_iap)';
const USE_IAP_WHY = 'no maintained library opens an IAP TCP tunnel without gcloud; reach the instance with use_internal_ip from a runner inside the VPC, or through ssh_bastion_host';
const { ssh_host: schema_host, ...schema_ssh } = ssh_schema/* sshFields */.O;
void schema_host;
const googlecomputeSchema = schema.s.object({
    project_id: (0,schema/* opt */.m7)(schema.s.string(), 'project to build in (default: GOOGLE_CLOUD_PROJECT or CLOUDSDK_CORE_PROJECT)'),
    zone: (0,schema/* req */.DQ)(schema.s.string(), 'zone of the build instance, e.g. europe-west1-b'),
    region: (0,schema/* opt */.m7)(schema.s.string(), 'region of subnetwork (default: from zone)'),
    credentials_file: (0,schema/* opt */.m7)(schema.s.string(), 'service account key or external_account file (default: Application Default Credentials)'),
    credentials_json: (0,schema/* opt */.m7)(schema.s.string(), 'the same as JSON text, from a sensitive variable'),
    access_token: (0,schema/* opt */.m7)(schema.s.string(), 'an OAuth2 access token, from a sensitive variable'),
    impersonate_service_account: (0,schema/* opt */.m7)(schema.s.string(), 'service account to act as'),
    source_image: (0,schema/* opt */.m7)(schema.s.string(), 'image name or URL to start from (or source_image_family)'),
    source_image_family: (0,schema/* opt */.m7)(schema.s.string(), 'image family whose newest image to start from'),
    source_image_project_id: (0,schema/* opt */.m7)(schema.s.list(schema.s.string(), { single: true }), 'projects to look for the source image in, in order (default: project_id, then the public image projects)'),
    instance_name: (0,schema/* opt */.m7)(schema.s.string(), 'name of the build instance (default: bake-<build>-<run>)'),
    machine_type: (0,schema/* opt */.m7)(schema.s.string(), 'machine type of the build instance', 'e2-standard-2', 'n2-standard-4'),
    min_cpu_platform: (0,schema/* opt */.m7)(schema.s.string(), 'e.g. Intel Ice Lake'),
    accelerator_type: (0,schema/* opt */.m7)(schema.s.string(), 'e.g. nvidia-tesla-t4, or a full URL'),
    accelerator_count: (0,schema/* opt */.m7)(schema.s.int(1, 16), 'number of accelerator_type GPUs to attach', undefined, 1),
    on_host_maintenance: (0,schema/* opt */.m7)(schema.s.enum(['MIGRATE', 'TERMINATE']), "what GCE does at host maintenance: live-migrate or stop the instance (default: GCE's, MIGRATE; always TERMINATE with accelerators or preemptible)"),
    preemptible: (0,schema/* opt */.m7)(schema.s.bool(), 'a Spot VM (cheaper; may be reclaimed)', false),
    max_run_duration: (0,schema/* opt */.m7)(schema.s.duration(), 'the instance deletes itself after this long, even if bake is killed (default: the build timeout + 30m, else 4h)'),
    max_run_duration_in_seconds: (0,schema/* opt */.m7)(schema.s.int(30, 120 * 86_400), "Packer's name of max_run_duration"),
    instance_termination_action: (0,schema/* opt */.m7)(schema.s.enum(['DELETE']), 'what max_run_duration does (only DELETE)', 'DELETE'),
    disk_name: (0,schema/* opt */.m7)(schema.s.string(), 'name of the boot disk (default: the instance name)'),
    disk_size: (0,schema/* opt */.m7)(schema.s.int(10, 65536), 'GB', 20),
    disk_type: (0,schema/* opt */.m7)(schema.s.string(), 'pd-standard, pd-balanced, pd-ssd, hyperdisk-balanced ...', 'pd-standard'),
    disk_encryption_key: (0,schema/* opt */.m7)(encryptionKey, 'key of the boot disk'),
    network: (0,schema/* opt */.m7)(schema.s.string(), 'network name or URL', 'default'),
    subnetwork: (0,schema/* opt */.m7)(schema.s.string(), 'subnetwork name or URL'),
    network_project_id: (0,schema/* opt */.m7)(schema.s.string(), 'project of a shared VPC (default: project_id)'),
    omit_external_ip: (0,schema/* opt */.m7)(schema.s.bool(), 'no external address (needs use_internal_ip)', false),
    use_internal_ip: (0,schema/* opt */.m7)(schema.s.bool(), 'connect to the internal address', false),
    tags: (0,schema/* opt */.m7)(schema.s.list(schema.s.string()), 'network tags (firewall rules match them)'),
    labels: (0,schema/* opt */.m7)(schema.s.map(schema.s.string()), 'labels of the instance and its disk'),
    metadata: (0,schema/* opt */.m7)(schema.s.map(schema.s.string()), 'instance metadata'),
    metadata_files: (0,schema/* opt */.m7)(schema.s.map(schema.s.string()), 'instance metadata read from files'),
    startup_script_file: (0,schema/* opt */.m7)(schema.s.string(), 'script the instance runs at boot; the build waits for it'),
    startup_script_timeout: (0,schema/* opt */.m7)(schema.s.duration(), 'how long the startup script may run', '10m'),
    service_account_email: (0,schema/* opt */.m7)(schema.s.string(), 'service account of the instance (default: the default one)'),
    disable_default_service_account: (0,schema/* opt */.m7)(schema.s.bool(), 'no service account at all', false),
    scopes: (0,schema/* opt */.m7)(schema.s.list(schema.s.string()), 'OAuth scopes of the instance service account'),
    enable_secure_boot: (0,schema/* opt */.m7)(schema.s.bool(), "Shielded VM: boot only signed code (needs a UEFI image; GCE's default: off). Setting any of the three Shielded VM settings sends all three, the unset ones as false"),
    enable_vtpm: (0,schema/* opt */.m7)(schema.s.bool(), "Shielded VM: a virtual TPM (GCE's default: on for Shielded VM images; false when only another Shielded VM setting is given)"),
    enable_integrity_monitoring: (0,schema/* opt */.m7)(schema.s.bool(), "Shielded VM: check each boot against a baseline, needs enable_vtpm (GCE's default: on for Shielded VM images; false when only another Shielded VM setting is given)"),
    enable_nested_virtualization: (0,schema/* opt */.m7)(schema.s.bool(), 'allow VMs inside the build instance (Intel machine types only)', false),
    image_name: (0,schema/* req */.DQ)(schema.s.string(), 'name of the new image; must be unused in image_project_id'),
    image_project_id: (0,schema/* opt */.m7)(schema.s.string(), 'project to store the image in (default: project_id)'),
    image_family: (0,schema/* opt */.m7)(schema.s.string(), 'family of the new image: users of the family get the newest image in it', undefined, 'golden-debian-12'),
    image_description: (0,schema/* opt */.m7)(schema.s.string(), 'description of the new image'),
    image_labels: (0,schema/* opt */.m7)(schema.s.map(schema.s.string()), 'labels of the new image', undefined, { team: 'platform' }),
    image_storage_locations: (0,schema/* opt */.m7)(schema.s.list(schema.s.string(), { single: true }), 'one region or multi-region'),
    image_licenses: (0,schema/* opt */.m7)(schema.s.list(schema.s.string()), 'license URLs to attach to the image', undefined, [
        'projects/vm-options/global/licenses/enable-vmx',
    ]),
    image_guest_os_features: (0,schema/* opt */.m7)(schema.s.list(schema.s.string()), 'e.g. UEFI_COMPATIBLE, GVNIC'),
    image_architecture: (0,schema/* opt */.m7)(schema.s.enum(['X86_64', 'ARM64', 'x86_64', 'arm64']), 'architecture of the new image (default: that of the disk)'),
    image_encryption_key: (0,schema/* opt */.m7)(encryptionKey, 'key of the image'),
    force: (0,schema/* opt */.m7)(schema.s.bool(), 'replace an image of the same name', false),
    state_timeout: (0,schema/* opt */.m7)(schema.s.duration(), "caps every wait (Packer's single timeout)"),
    create_instance_timeout: (0,schema/* opt */.m7)(schema.s.duration(), 'instance creation', '10m'),
    image_timeout: (0,schema/* opt */.m7)(schema.s.duration(), 'image creation', '60m'),
    delete_timeout: (0,schema/* opt */.m7)(schema.s.duration(), 'deleting the instance and the disk', '10m'),
    ...schema_ssh,
    ssh_username: { ...ssh_schema/* sshFields */.O.ssh_username, required: true },
    temporary_key_pair_type: (0,schema/* opt */.m7)(schema.s.enum(['ed25519', 'rsa']), 'type of the temporary SSH key (when no ssh_private_key_file is given)', 'ed25519'),
    runs_on: (0,schema/* opt */.m7)(schema.s.string(), 'runner label for this source in the reusable workflow'),
    // Packer settings with a value bake does anyway; the other values are refused in refine.
    use_iap: (0,schema/* opt */.m7)(schema.s.bool(), `only false: ${USE_IAP_WHY}`, false),
    use_os_login: (0,schema/* opt */.m7)(schema.s.bool(), 'only false: the temporary key goes into the instance metadata (ssh-keys)', false),
    skip_create_image: (0,schema/* opt */.m7)(schema.s.bool(), 'only false: a build always makes an image', false),
    wrap_startup_script: (0,schema/* opt */.m7)(schema.s.bool(), 'only true: the startup script is always wrapped so that its end can be read from the serial port', true),
    communicator: (0,schema/* opt */.m7)(schema.s.enum(['ssh', 'winrm', 'none']), 'only ssh is supported', 'ssh'),
    // Packer settings bake refuses.
    iap_localhost_port: (0,schema/* refused */.J5)(IAP),
    iap_hashbang: (0,schema/* refused */.J5)(IAP),
    iap_ext: (0,schema/* refused */.J5)(IAP),
    iap_tunnel_launch_wait: (0,schema/* refused */.J5)(IAP),
    os_login_ssh_username: (0,schema/* refused */.J5)('bake does not use OS Login (see use_os_login)'),
    disk_attachment: (0,schema/* refused */.J5)('the instance has only its boot disk; provision data onto it'),
    address: (0,schema/* refused */.J5)('the instance gets an ephemeral external address, not a reserved one'),
    node_affinity: (0,schema/* refused */.J5)('the instance does not run on sole-tenant nodes'),
    windows_password_timeout: (0,schema/* refused */.J5)('only Linux instances are built'),
    vault_gcp_oauth_engine: (0,schema/* refused */.J5)('use access_token with a token from Vault instead'),
    wait_to_add_ssh_keys: (0,schema/* refused */.J5)('not needed: the key is in the metadata the instance is created with'),
    enable_proxy: (0,schema/* refused */.J5)('the instance is reached directly, or through ssh_bastion_host'),
    image_deprecate: (0,schema/* refused */.J5)('the image is made active; deprecate older images after the build'),
});
function labelProblems(key, m, out) {
    for (const [k, v] of Object.entries((m ?? {}))) {
        if (!LABEL_KEY.test(k))
            out.push({
                key: `${key}.${k}`,
                message: `label key "${k}" is not valid in GCP`,
                hint: 'lowercase letters, digits, - and _, starting with a letter, at most 63',
            });
        if (!LABEL_VALUE.test(String(v)))
            out.push({
                key: `${key}.${k}`,
                message: `label value "${String(v)}" is not valid in GCP`,
                hint: 'lowercase letters, digits, - and _, at most 63 (use lower() and replace())',
            });
    }
}
/** Rules across fields, checked by validate with the spec's positions. */
function refineGooglecompute(c) {
    const out = [];
    const only = (k, bad, message, hint) => {
        if (bad)
            out.push({ key: k, message, hint });
    };
    only('use_iap', c.use_iap === true, 'use_iap is not supported', USE_IAP_WHY);
    only('use_os_login', c.use_os_login === true, 'use_os_login is not supported', 'the temporary key goes into the instance metadata (ssh-keys); leave use_os_login out');
    only('skip_create_image', c.skip_create_image === true, 'skip_create_image is not supported: a build always makes an image', 'to try provisioners without a cloud, use the null or docker builder');
    only('wrap_startup_script', c.wrap_startup_script === false, 'wrap_startup_script: false is not supported', 'the startup script is always wrapped so that its end can be read from the serial port');
    only('communicator', c.communicator !== undefined && c.communicator !== 'ssh', `communicator ${String(c.communicator)} is not supported: only ssh (Linux only)`);
    if (c.source_image === undefined && c.source_image_family === undefined)
        out.push({
            key: '',
            message: 'set source_image or source_image_family',
            hint: 'e.g. source_image_family: debian-12 with source_image_project_id: [debian-cloud]',
        });
    if (c.source_image !== undefined && c.source_image_family !== undefined)
        out.push({
            key: 'source_image_family',
            message: 'set only one of source_image and source_image_family',
        });
    const name = (k) => {
        if (typeof c[k] === 'string' && !NAME.test(c[k]))
            out.push({
                key: k,
                message: `${k} "${c[k]}" is not a valid GCE name`,
                hint: '1 to 63 lowercase letters, digits and -, starting with a letter, not ending with - (use clean_resource_name())',
            });
    };
    for (const k of ['image_name', 'image_family', 'instance_name', 'disk_name'])
        name(k);
    labelProblems('labels', c.labels, out);
    labelProblems('image_labels', c.image_labels, out);
    if (c.omit_external_ip === true && c.use_internal_ip !== true)
        out.push({
            key: 'omit_external_ip',
            message: 'omit_external_ip needs use_internal_ip: true',
            hint: 'without an external address the instance is reached on its internal one',
        });
    if ((c.accelerator_type === undefined) !== (c.accelerator_count === undefined))
        out.push({
            key: c.accelerator_type === undefined ? 'accelerator_count' : 'accelerator_type',
            message: 'set accelerator_type and accelerator_count together',
        });
    if (c.accelerator_type !== undefined && c.on_host_maintenance === 'MIGRATE')
        out.push({
            key: 'on_host_maintenance',
            message: 'instances with accelerators cannot live-migrate',
            hint: 'on_host_maintenance: TERMINATE (the default with accelerators)',
        });
    if (c.preemptible === true && c.on_host_maintenance === 'MIGRATE')
        out.push({
            key: 'on_host_maintenance',
            message: 'a preemptible (Spot) instance cannot live-migrate',
            hint: 'on_host_maintenance: TERMINATE',
        });
    if (c.max_run_duration !== undefined && c.max_run_duration_in_seconds !== undefined)
        out.push({
            key: 'max_run_duration_in_seconds',
            message: 'set only one of max_run_duration and max_run_duration_in_seconds',
        });
    const mrd = (0,schema/* parseDuration */.E9)(c.max_run_duration);
    if (mrd !== undefined && (mrd < 30_000 || mrd > 120 * 86_400_000))
        out.push({
            key: 'max_run_duration',
            message: 'max_run_duration must be between 30s and 120 days',
        });
    if (c.disable_default_service_account === true && c.service_account_email !== undefined)
        out.push({
            key: 'disable_default_service_account',
            message: 'set only one of disable_default_service_account and service_account_email',
        });
    const sources = ['access_token', 'credentials_json', 'credentials_file'].filter((k) => c[k] !== undefined);
    if (sources.length > 1)
        out.push({
            key: sources[1],
            message: `set only one of ${sources.join(', ')}`,
        });
    const locs = c.image_storage_locations;
    if (Array.isArray(locs) && locs.length > 1)
        out.push({
            key: 'image_storage_locations',
            message: 'image_storage_locations takes one location',
            hint: 'a region (us-east1) or a multi-region (us)',
        });
    for (const k of ['image_encryption_key', 'disk_encryption_key']) {
        const key = c[k];
        if (key && (key.kmsKeyName === undefined) === (key.rawKey === undefined))
            out.push({ key: k, message: `${k} takes exactly one of kmsKeyName and rawKey` });
    }
    return out;
}

;// CONCATENATED MODULE: ./src/plugins/builders/googlecompute/index.ts
/**
 * The googlecompute builder (Packer's name): a GCE image from a temporary instance that
 * deletes itself if bake cannot. Everything that touches the Google client libraries loads
 * on first use, so `bake validate` and Docker-only runs never parse them.
 */


const GCE_KINDS = ['gce-instance', 'gce-disk', 'gce-image'];
const googlecompute_cleaner = (kind) => async (entry) => (await Promise.all(/* import() */[__webpack_require__.e(324), __webpack_require__.e(714), __webpack_require__.e(933), __webpack_require__.e(219)]).then(__webpack_require__.bind(__webpack_require__, 66219))).gceCleaners[kind](entry);
const googlecompute = {
    kind: 'builder',
    type: 'googlecompute',
    description: 'a GCE image from a temporary Compute Engine instance',
    schema: googlecomputeSchema,
    refine: (c) => refineGooglecompute(c),
    artifact: 'machine-image',
    cleaners: Object.fromEntries(GCE_KINDS.map((k) => [k, googlecompute_cleaner(k)])),
    localInputs: (c, dir) => [
        ...(typeof c.startup_script_file === 'string' ? [(0,external_node_path_.resolve)(dir, c.startup_script_file)] : []),
        ...Object.values((c.metadata_files ?? {})).map((f) => (0,external_node_path_.resolve)(dir, String(f))),
    ],
    reuse: {
        base: async (c) => (await Promise.all(/* import() */[__webpack_require__.e(118), __webpack_require__.e(472), __webpack_require__.e(324), __webpack_require__.e(714), __webpack_require__.e(933), __webpack_require__.e(870), __webpack_require__.e(989)]).then(__webpack_require__.bind(__webpack_require__, 89989))).imageBase(c),
        exists: async (c, a) => (await Promise.all(/* import() */[__webpack_require__.e(118), __webpack_require__.e(472), __webpack_require__.e(324), __webpack_require__.e(714), __webpack_require__.e(933), __webpack_require__.e(870), __webpack_require__.e(989)]).then(__webpack_require__.bind(__webpack_require__, 89989))).imageExists(c, a.id),
    },
    sweep: {
        where: { option: 'project', env: ['GOOGLE_CLOUD_PROJECT', 'CLOUDSDK_CORE_PROJECT'] },
        run: async (o) => (await Promise.all(/* import() */[__webpack_require__.e(324), __webpack_require__.e(714), __webpack_require__.e(933), __webpack_require__.e(18)]).then(__webpack_require__.bind(__webpack_require__, 97018))).sweep({ ...o, projects: o.locations }),
    },
    load: async () => ({
        async steps(env, provision) {
            const { gceSteps } = await Promise.all(/* import() */[__webpack_require__.e(118), __webpack_require__.e(472), __webpack_require__.e(324), __webpack_require__.e(714), __webpack_require__.e(933), __webpack_require__.e(870), __webpack_require__.e(989)]).then(__webpack_require__.bind(__webpack_require__, 89989));
            // The steps keep more state than BuildState names; the engine only passes it through.
            return gceSteps(env, provision);
        },
    }),
};

;// CONCATENATED MODULE: ./src/plugins/provisioners/shell/index.ts
/** The shell provisioner (Packer's name): its settings, and its implementation behind load(). */


const shellSchema = schema.s.object({
    inline: (0,schema/* opt */.m7)(schema.s.list(schema.s.string()), 'commands to run, as one script', undefined, [
        'apt-get update',
        'apt-get install -y nginx',
    ]),
    script: (0,schema/* opt */.m7)(schema.s.string(), 'a local script to upload and run'),
    scripts: (0,schema/* opt */.m7)(schema.s.list(schema.s.string()), 'local scripts to upload and run in order'),
    environment_vars: (0,schema/* opt */.m7)(schema.s.list(schema.s.string()), 'KEY=value pairs for the scripts'),
    env: (0,schema/* opt */.m7)(schema.s.map(schema.s.string()), 'environment for the scripts'),
    execute_command: (0,schema/* opt */.m7)(schema.s.string(), 'how a script is run; {{.Vars}} and {{.Path}} are replaced', 'chmod +x {{.Path}}; {{.Vars}} {{.Path}}'),
    inline_shebang: (0,schema/* opt */.m7)(schema.s.string(), 'interpreter line for inline commands', '/bin/sh -e'),
    remote_folder: (0,schema/* opt */.m7)(schema.s.string(), 'where scripts are uploaded', '/tmp'),
    remote_file: (0,schema/* opt */.m7)(schema.s.string(), 'file name of the uploaded script'),
    remote_path: (0,schema/* opt */.m7)(schema.s.string(), 'full remote path of the uploaded script'),
    valid_exit_codes: (0,schema/* opt */.m7)(schema.s.list(schema.s.int(0, 255)), 'exit codes that count as success', [0]),
    expect_disconnect: (0,schema/* opt */.m7)(schema.s.bool(), 'a dropped connection is not an error (reboots)', false),
    skip_clean: (0,schema/* opt */.m7)(schema.s.bool(), 'leave the uploaded script in place', false),
    pause_after: (0,schema/* opt */.m7)(schema.s.duration(), 'wait after the scripts ran'),
    start_retry_timeout: (0,schema/* opt */.m7)(schema.s.duration(), 'how long to retry starting the script', '5m'),
});
const shellProvisioner = {
    kind: 'provisioner',
    type: 'shell',
    description: 'run shell commands or scripts in the machine being built',
    schema: shellSchema,
    localInputs: (c, dir) => [
        ...(typeof c.script === 'string' ? [(0,external_node_path_.resolve)(dir, c.script)] : []),
        ...(Array.isArray(c.scripts) ? c.scripts.map((x) => (0,external_node_path_.resolve)(dir, String(x))) : []),
    ],
    load: async () => (await __webpack_require__.e(/* import() */ 915).then(__webpack_require__.bind(__webpack_require__, 48915))).shell,
};

;// CONCATENATED MODULE: ./src/plugins/provisioners/file/index.ts
/** The file provisioner (Packer's name): its settings, and its implementation behind load(). */


const fileSchema = schema.s.object({
    source: (0,schema/* opt */.m7)(schema.s.string(), 'local file or directory (directory/ copies its contents)'),
    sources: (0,schema/* opt */.m7)(schema.s.list(schema.s.string()), 'several local files'),
    content: (0,schema/* opt */.m7)(schema.s.string(), 'text to write to destination'),
    destination: (0,schema/* req */.DQ)(schema.s.string(), 'remote path (local path for downloads)', '/tmp/app/'),
    direction: (0,schema/* opt */.m7)(schema.s.enum(['upload', 'download']), 'upload (default) or download', 'upload'),
});
const fileProvisioner = {
    kind: 'provisioner',
    type: 'file',
    description: 'upload or download files and directories',
    schema: fileSchema,
    localInputs: (c, dir) => (c.direction ?? 'upload') !== 'upload'
        ? []
        : [
            ...(typeof c.source === 'string' ? [(0,external_node_path_.resolve)(dir, c.source)] : []),
            ...(Array.isArray(c.sources) ? c.sources.map((x) => (0,external_node_path_.resolve)(dir, String(x))) : []),
        ],
    load: async () => (await __webpack_require__.e(/* import() */ 521).then(__webpack_require__.bind(__webpack_require__, 41521))).file,
};

;// CONCATENATED MODULE: ./src/plugins/provisioners/shell-local/index.ts
/** The shell-local provisioner (Packer's name): its settings, and its implementation behind load(). */


const shellLocalSchema = schema.s.object({
    inline: (0,schema/* opt */.m7)(schema.s.list(schema.s.string()), 'commands to run on this machine', undefined, [
        'echo built ${build.name}',
    ]),
    command: (0,schema/* opt */.m7)(schema.s.string(), 'one command to run on this machine'),
    script: (0,schema/* opt */.m7)(schema.s.string(), 'a script on this machine to run'),
    scripts: (0,schema/* opt */.m7)(schema.s.list(schema.s.string()), 'scripts on this machine to run in order'),
    environment_vars: (0,schema/* opt */.m7)(schema.s.list(schema.s.string()), 'KEY=value pairs for the commands'),
    env: (0,schema/* opt */.m7)(schema.s.map(schema.s.string()), 'environment for the commands, name: value'),
    execute_command: (0,schema/* opt */.m7)(schema.s.list(schema.s.string()), 'argv that runs a script; {{.Script}} is replaced', [
        '/bin/sh',
        '-c',
        '{{.Vars}} {{.Script}}',
    ]),
    inline_shebang: (0,schema/* opt */.m7)(schema.s.string(), 'interpreter line for inline commands', '/bin/sh -e'),
    valid_exit_codes: (0,schema/* opt */.m7)(schema.s.list(schema.s.int(0, 255)), 'exit codes that count as success', [0]),
});
const shellLocalProvisioner = {
    kind: 'provisioner',
    type: 'shell-local',
    description: 'run commands on the machine running bake',
    schema: shellLocalSchema,
    localInputs: (c, dir) => [
        ...(typeof c.script === 'string' ? [(0,external_node_path_.resolve)(dir, c.script)] : []),
        ...(Array.isArray(c.scripts) ? c.scripts.map((x) => (0,external_node_path_.resolve)(dir, String(x))) : []),
    ],
    load: async () => (await __webpack_require__.e(/* import() */ 615).then(__webpack_require__.bind(__webpack_require__, 69615))).shellLocal,
};

;// CONCATENATED MODULE: ./src/plugins/provisioners/restart/index.ts

const restartSchema = schema.s.object({
    restart_command: (0,schema/* opt */.m7)(schema.s.string(), 'command that reboots the machine', 'shutdown -r now', 'sudo shutdown -r now'),
    restart_check_command: (0,schema/* opt */.m7)(schema.s.string(), 'must succeed once the machine is back'),
    restart_timeout: (0,schema/* opt */.m7)(schema.s.duration(), 'how long the machine may take to come back', '5m'),
});
const restartProvisioner = {
    kind: 'provisioner',
    type: 'restart',
    description: 'reboot the machine and wait for it to come back',
    schema: restartSchema,
    load: async () => (await __webpack_require__.e(/* import() */ 327).then(__webpack_require__.bind(__webpack_require__, 5327))).restart,
};

;// CONCATENATED MODULE: ./src/plugins/provisioners/ansible/index.ts
/** The ansible provisioner (Packer's name): its settings, and its implementation behind load(). */



const ansibleSchema = schema.s.object({
    playbook_file: (0,schema/* req */.DQ)(schema.s.string(), 'the playbook to run', 'playbook.yml'),
    extra_arguments: (0,schema/* opt */.m7)(schema.s.list(schema.s.string()), 'more ansible-playbook arguments, e.g. ["--tags", "web"]'),
    ansible_env_vars: (0,schema/* opt */.m7)(schema.s.list(schema.s.string()), 'KEY=value environment for ansible-playbook'),
    user: (0,schema/* opt */.m7)(schema.s.string(), "remote user (default: the build's SSH user)"),
    groups: (0,schema/* opt */.m7)(schema.s.list(schema.s.string()), 'inventory groups the machine is in'),
    host_alias: (0,schema/* opt */.m7)(schema.s.string(), 'inventory name of the machine', 'default'),
    galaxy_file: (0,schema/* opt */.m7)(schema.s.string(), 'requirements file for ansible-galaxy, installed first'),
    roles_path: (0,schema/* opt */.m7)(schema.s.string(), 'where ansible-playbook looks for roles (ANSIBLE_ROLES_PATH)'),
    collections_path: (0,schema/* opt */.m7)(schema.s.string(), 'where ansible-playbook looks for collections (ANSIBLE_COLLECTIONS_PATH)'),
    use_sftp: (0,schema/* opt */.m7)(schema.s.bool(), 'transfer files with sftp (default scp/piped)'),
    command: (0,schema/* opt */.m7)(schema.s.string(), 'the ansible-playbook command', 'ansible-playbook'),
});
const ansibleProvisioner = {
    kind: 'provisioner',
    type: 'ansible',
    description: 'run an Ansible playbook from this machine against the build',
    schema: ansibleSchema,
    // The playbook, its requirements, and the roles directory beside it (Ansible's default).
    localInputs: (c, dir) => {
        const playbook = (0,external_node_path_.resolve)(dir, String(c.playbook_file));
        const roles = (0,external_node_path_.join)((0,external_node_path_.dirname)(playbook), 'roles');
        return [
            playbook,
            ...(typeof c.galaxy_file === 'string' ? [(0,external_node_path_.resolve)(dir, c.galaxy_file)] : []),
            ...((0,external_node_fs_.existsSync)(roles) ? [roles] : []),
        ];
    },
    load: async () => (await __webpack_require__.e(/* import() */ 471).then(__webpack_require__.bind(__webpack_require__, 76471))).ansible,
};

;// CONCATENATED MODULE: ./src/plugins/post-processors/docker-tag/index.ts

const dockerTagPostProcessor = {
    kind: 'post-processor',
    type: 'docker-tag',
    description: 'tag the image built by the docker builder',
    schema: schema.s.object({
        repository: (0,schema/* req */.DQ)(schema.s.string(), 'repository to tag into', 'ghcr.io/org/app'),
        tags: (0,schema/* opt */.m7)(schema.s.list(schema.s.string(), { single: true }), 'tags (default: latest)', ['latest']),
        force: (0,schema/* opt */.m7)(schema.s.bool(), 'false refuses to move a tag that already names another image; unset or true moves it, as Docker does'),
    }),
    accepts: ['docker-image'],
    produces: 'same',
    needs: { docker: true },
    load: async () => (await __webpack_require__.e(/* import() */ 192).then(__webpack_require__.bind(__webpack_require__, 35192))).dockerTag,
};

;// CONCATENATED MODULE: ./src/plugins/post-processors/docker-push/index.ts

const dockerPushPostProcessor = {
    kind: 'post-processor',
    type: 'docker-push',
    description: 'push the tagged image to its registry and record the digest',
    schema: schema.s.object({
        login: (0,schema/* opt */.m7)(schema.s.bool(), 'log in with the credentials below', false),
        login_username: (0,schema/* opt */.m7)(schema.s.string(), 'user to log in to the registry as'),
        login_password: (0,schema/* opt */.m7)(schema.s.string(), 'use a sensitive variable, never a literal'),
        login_server: (0,schema/* opt */.m7)(schema.s.string(), 'registry to log in to (default: the repository host)'),
    }),
    accepts: ['docker-image'],
    produces: 'same',
    needs: { docker: true },
    load: async () => (await Promise.all(/* import() */[__webpack_require__.e(118), __webpack_require__.e(328)]).then(__webpack_require__.bind(__webpack_require__, 95328))).dockerPush,
};

;// CONCATENATED MODULE: ./src/plugins/post-processors/docker-save/index.ts

const dockerSavePostProcessor = {
    kind: 'post-processor',
    type: 'docker-save',
    description: 'save the image to a tar file',
    schema: schema.s.object({
        path: (0,schema/* req */.DQ)(schema.s.string(), 'output tar file (.tar or .tar.gz)', 'out/image.tar'),
        compress: (0,schema/* opt */.m7)(schema.s.bool(), 'gzip the tar (implied by a .gz name)'),
    }),
    accepts: ['docker-image'],
    produces: 'files',
    needs: { docker: true },
    load: async () => (await __webpack_require__.e(/* import() */ 200).then(__webpack_require__.bind(__webpack_require__, 28200))).dockerSave,
};

;// CONCATENATED MODULE: ./src/plugins/post-processors/manifest/index.ts

const manifestPostProcessor = {
    kind: 'post-processor',
    type: 'manifest',
    description: 'record the artifacts in a JSON manifest (Packer shape)',
    schema: schema.s.object({
        output: (0,schema/* opt */.m7)(schema.s.string(), 'manifest path', 'bake-manifest.json'),
        strip_path: (0,schema/* opt */.m7)(schema.s.bool(), 'record file names without directories', false),
        custom_data: (0,schema/* opt */.m7)(schema.s.map(schema.s.string()), 'extra values recorded with each build'),
    }),
    accepts: 'any',
    produces: 'same',
    recordsOnly: true,
    load: async () => (await __webpack_require__.e(/* import() */ 96).then(__webpack_require__.bind(__webpack_require__, 27096))).manifest,
};

;// CONCATENATED MODULE: ./src/plugins/post-processors/checksum/index.ts

const checksumPostProcessor = {
    kind: 'post-processor',
    type: 'checksum',
    description: 'write checksums of the files a build produced',
    schema: schema.s.object({
        checksum_types: (0,schema/* opt */.m7)(schema.s.list(schema.s.enum(['sha256', 'sha512', 'sha1', 'md5'])), 'checksums to write, one file per type', ['sha256']),
        output: (0,schema/* opt */.m7)(schema.s.string(), 'output file; {{.BuildName}} and {{.ChecksumType}} are replaced', '{{.BuildName}}_{{.ChecksumType}}.checksum'),
    }),
    accepts: ['files'],
    produces: 'same',
    load: async () => (await __webpack_require__.e(/* import() */ 832).then(__webpack_require__.bind(__webpack_require__, 78832))).checksum,
};

// EXTERNAL MODULE: ./src/plugins/post-processors/compress/format.ts
var compress_format = __webpack_require__(13553);
;// CONCATENATED MODULE: ./src/plugins/post-processors/compress/index.ts


const compressPostProcessor = {
    kind: 'post-processor',
    type: 'compress',
    description: 'pack the files a build produced into an archive (.tar.gz, .tar.zst, .tar, .gz, .zip)',
    schema: schema.s.object({
        output: (0,schema/* req */.DQ)(schema.s.string(), 'output archive', 'out/{{.BuildName}}.tar.gz'),
        compression_level: (0,schema/* opt */.m7)(schema.s.int(1, 9), 'gzip level: 1 is fastest, 9 smallest', 6),
    }),
    refine: (c) => {
        const output = String(c.output);
        const format = (0,compress_format/* archiveFormat */.M)(output);
        if (!format)
            return [
                {
                    key: 'output',
                    message: `compress cannot tell the archive format of "${output}"`,
                    hint: 'end the name with .tar.gz (or .tgz), .tar.zst, .tar, .gz or .zip',
                },
            ];
        if (format === 'tar.zst' && !(0,compress_format/* hasZstd */.U)())
            return [
                {
                    key: 'output',
                    message: `.tar.zst needs Node.js 22.15 or later (this is ${process.version})`,
                    hint: 'use .tar.gz, or run bake on a newer Node.js',
                },
            ];
        return [];
    },
    accepts: ['files'],
    produces: 'files',
    load: async () => (await Promise.all(/* import() */[__webpack_require__.e(118), __webpack_require__.e(146)]).then(__webpack_require__.bind(__webpack_require__, 95146))).compress,
};

;// CONCATENATED MODULE: ./src/plugins/registry.ts
















const BUILT_IN = [
    nullBuilder,
    docker,
    amazonEbs,
    azureArm,
    googlecompute,
    shellProvisioner,
    fileProvisioner,
    shellLocalProvisioner,
    restartProvisioner,
    ansibleProvisioner,
    dockerTagPostProcessor,
    dockerPushPostProcessor,
    dockerSavePostProcessor,
    manifestPostProcessor,
    checksumPostProcessor,
    compressPostProcessor,
];
class RegistryError extends Error {
    constructor(message) {
        super(message);
        this.name = 'RegistryError';
    }
}
class Registry {
    byKind = {
        builder: new Map(),
        provisioner: new Map(),
        'post-processor': new Map(),
    };
    origins = new Map();
    owners = new Map();
    constructor(list = [], origin = {}) {
        for (const d of list)
            this.add(d, origin);
    }
    /** Refuses a type or a ledger kind that is taken. */
    add(d, origin = {}) {
        const taken = this.byKind[d.kind].get(d.type);
        if (taken)
            throw new RegistryError(`${d.kind} type "${d.type}" is already ${this.describeOrigin(taken)}`);
        for (const kind of Object.keys(d.cleaners ?? {})) {
            const owner = this.owners.get(kind);
            if (owner)
                throw new RegistryError(`ledger kind "${kind}" of ${d.kind} "${d.type}" already belongs to ${owner.kind} "${owner.type}" (${this.describeOrigin(owner)})`);
        }
        this.byKind[d.kind].set(d.type, d);
        this.origins.set(d, origin);
        for (const kind of Object.keys(d.cleaners ?? {}))
            this.owners.set(kind, d);
    }
    get(kind, type) {
        return this.byKind[kind].get(type);
    }
    /** The descriptor of a type the spec checks have already accepted. */
    must(kind, type) {
        const d = this.get(kind, type);
        if (!d)
            throw new RegistryError(`internal error: no ${kind} "${type}" is registered`);
        return d;
    }
    types(kind) {
        return [...this.byKind[kind].keys()];
    }
    all(kind) {
        return [...this.byKind[kind].values()];
    }
    /** The plugin that creates ledger entries of this kind, and its cleaner. */
    ownerOf(ledgerKind) {
        const d = this.owners.get(ledgerKind);
        if (!d)
            return undefined;
        return { descriptor: d, cleaner: d.cleaners[ledgerKind], origin: this.origins.get(d) ?? {} };
    }
    originOf(d) {
        return this.origins.get(d) ?? {};
    }
    /** A copy that the spec's own plugins can be added to without touching this one. */
    copy() {
        const r = new Registry();
        for (const kind of Object.keys(this.byKind))
            for (const d of this.byKind[kind].values())
                r.add(d, this.origins.get(d));
        return r;
    }
    describeOrigin(d) {
        const o = this.origins.get(d);
        return o?.module ? `defined by plugin ${o.name ?? o.module}` : 'a built-in';
    }
}
let builtIns;
/** The built-in plugins; callers that add their own take a copy. */
function builtInRegistry() {
    builtIns ??= new Registry(BUILT_IN);
    return builtIns;
}


/***/ }),

/***/ 17800:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G8: () => (/* binding */ SpecError),
/* harmony export */   Vw: () => (/* binding */ formatProblem),
/* harmony export */   au: () => (/* binding */ didYouMean)
/* harmony export */ });
/* unused harmony exports redactProblem, ProblemList, sortProblems, editDistance */
/* harmony import */ var _util_redact__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(50767);

/** The one boundary every problem crosses before anyone prints it: secrets are masked. */
function redactProblem(p) {
    return {
        ...p,
        message: (0,_util_redact__WEBPACK_IMPORTED_MODULE_0__/* .redactMessage */ .b6)(p.message),
        ...(p.hint !== undefined ? { hint: (0,_util_redact__WEBPACK_IMPORTED_MODULE_0__/* .redactMessage */ .b6)(p.hint) } : {}),
        ...(p.path !== undefined ? { path: (0,_util_redact__WEBPACK_IMPORTED_MODULE_0__/* .redactMessage */ .b6)(p.path) } : {}),
    };
}
function formatProblem(problem) {
    const p = redactProblem(problem);
    const where = p.pos ? `${p.pos.file}:${p.pos.line}:${p.pos.col}` : '';
    const at = p.path ? ` (${p.path})` : '';
    const head = where ? `${where}: ${p.message}${at}` : `${p.message}${at}`;
    return p.hint ? `${head}\n  hint: ${p.hint}` : head;
}
/**
 * A user's mistake. Carries every problem found so they are all reported at once; the CLI
 * and the action print them without a stack trace.
 */
class SpecError extends Error {
    problems;
    constructor(problems) {
        const list = (Array.isArray(problems) ? problems : [problems]).map(redactProblem);
        super(list.map(formatProblem).join('\n'));
        this.name = 'SpecError';
        this.problems = list;
    }
}
/** Collects problems while a pass walks the whole spec, so one run reports them all. */
class ProblemList {
    items = [];
    add(p) {
        this.items.push(p);
    }
    get size() {
        return this.items.length;
    }
    throwIfAny() {
        if (this.items.length > 0)
            throw new SpecError(sortProblems(this.items));
    }
}
function sortProblems(list) {
    return [...list].sort((a, b) => {
        const fa = a.pos?.file ?? '';
        const fb = b.pos?.file ?? '';
        if (fa !== fb)
            return fa < fb ? -1 : 1;
        return (a.pos?.line ?? 0) - (b.pos?.line ?? 0) || (a.pos?.col ?? 0) - (b.pos?.col ?? 0);
    });
}
/** Levenshtein distance, for "did you mean" suggestions. Inputs are short keys. */
function editDistance(a, b) {
    const prev = new Array(b.length + 1);
    for (let j = 0; j <= b.length; j++)
        prev[j] = j;
    for (let i = 1; i <= a.length; i++) {
        let diag = prev[0];
        prev[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const up = prev[j];
            prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
            diag = up;
        }
    }
    return prev[b.length];
}
function didYouMean(word, candidates) {
    let best;
    let bestScore = Infinity;
    for (const c of candidates) {
        const d = editDistance(word.toLowerCase(), c.toLowerCase());
        if (d < bestScore) {
            best = c;
            bestScore = d;
        }
    }
    if (best === undefined)
        return undefined;
    const limit = Math.max(2, Math.floor(word.length / 3));
    return bestScore <= limit ? best : undefined;
}


/***/ }),

/***/ 58672:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LS: () => (/* binding */ sensitive),
/* harmony export */   QC: () => (/* binding */ parseTemplate),
/* harmony export */   Um: () => (/* binding */ evaluateMarked),
/* harmony export */   YK: () => (/* binding */ parseExpression),
/* harmony export */   _3: () => (/* binding */ evaluate),
/* harmony export */   _M: () => (/* binding */ ExprError),
/* harmony export */   _c: () => (/* binding */ reveal),
/* harmony export */   bD: () => (/* binding */ deepEqual),
/* harmony export */   dX: () => (/* binding */ unmark),
/* harmony export */   fE: () => (/* binding */ toText),
/* harmony export */   go: () => (/* binding */ typeName),
/* harmony export */   pT: () => (/* binding */ Sensitive),
/* harmony export */   rJ: () => (/* binding */ hasTemplate)
/* harmony export */ });
/**
 * The `${...}` expression language: HCL-like, parsed and evaluated here, never by JavaScript.
 * The parser is a single left-to-right pass with bounded nesting, so time is linear in the
 * input and no input can exhaust the stack.
 */
/** An error in an expression; `at` is the offset inside the string being evaluated. */
class ExprError extends Error {
    at;
    hint;
    constructor(message, at, hint) {
        super(message);
        this.at = at;
        this.hint = hint;
        this.name = 'ExprError';
    }
}
const MAX_NESTING = 64;
/** True when the string holds at least one `${` that is not escaped as `$${`. */
function hasTemplate(s) {
    for (let i = s.indexOf('${'); i >= 0; i = s.indexOf('${', i + 2)) {
        if (i === 0 || s[i - 1] !== '$')
            return true;
    }
    return false;
}
class Parser {
    src;
    pos = 0;
    depth = 0;
    constructor(src) {
        this.src = src;
    }
    /** Parses a whole template string: literal text with `${ }` interpolations. */
    template(endQuote = false) {
        const start = this.pos;
        const parts = [];
        let text = '';
        const s = this.src;
        while (this.pos < s.length) {
            const c = s[this.pos];
            if (endQuote && c === '"')
                break;
            if (c === '$' && s[this.pos + 1] === '$' && s[this.pos + 2] === '{') {
                text += '${';
                this.pos += 3;
                continue;
            }
            if (c === '$' && s[this.pos + 1] === '{') {
                if (text)
                    parts.push(text);
                text = '';
                this.pos += 2;
                this.nest();
                const e = this.expr();
                this.unnest();
                this.ws();
                if (s[this.pos] !== '}') {
                    throw new ExprError(this.pos >= s.length
                        ? 'unclosed ${ ... }'
                        : `unexpected "${s[this.pos]}" in expression`, this.pos, this.pos >= s.length ? 'add the closing }' : undefined);
                }
                this.pos++;
                parts.push(e);
                continue;
            }
            if (endQuote && c === '\\') {
                text += this.escape();
                continue;
            }
            text += c;
            this.pos++;
        }
        if (text || parts.length === 0)
            parts.push(text);
        if (parts.length === 1 && typeof parts[0] === 'string')
            return { t: 'lit', v: parts[0], at: start };
        return { t: 'tpl', parts, at: start };
    }
    escape() {
        const s = this.src;
        const n = s[this.pos + 1];
        this.pos += 2;
        switch (n) {
            case 'n':
                return '\n';
            case 't':
                return '\t';
            case 'r':
                return '\r';
            case '"':
                return '"';
            case '\\':
                return '\\';
            case 'u': {
                const hex = s.slice(this.pos, this.pos + 4);
                if (!/^[0-9a-fA-F]{4}$/.test(hex))
                    throw new ExprError('bad \\u escape', this.pos - 2);
                this.pos += 4;
                return String.fromCharCode(parseInt(hex, 16));
            }
            default:
                throw new ExprError(`unknown escape \\${n ?? ''}`, this.pos - 2, 'use \\\\ for a backslash');
        }
    }
    nest() {
        if (++this.depth > MAX_NESTING)
            throw new ExprError(`expression nested deeper than ${MAX_NESTING} levels`, this.pos);
    }
    unnest() {
        this.depth--;
    }
    ws() {
        const s = this.src;
        while (this.pos < s.length && /\s/.test(s[this.pos]))
            this.pos++;
    }
    peek(tok) {
        this.ws();
        return this.src.startsWith(tok, this.pos);
    }
    eat(tok) {
        if (this.peek(tok)) {
            this.pos += tok.length;
            return true;
        }
        return false;
    }
    expect(tok) {
        if (!this.eat(tok)) {
            const got = this.pos < this.src.length ? `"${this.src[this.pos]}"` : 'the end';
            throw new ExprError(`expected "${tok}" but found ${got}`, this.pos);
        }
    }
    expr() {
        const c = this.or();
        if (this.eat('?')) {
            this.nest();
            const a = this.expr();
            this.expect(':');
            const b = this.expr();
            this.unnest();
            return { t: 'cond', c, a, b, at: c.at };
        }
        return c;
    }
    binary(next, ops) {
        let l = next();
        for (;;) {
            this.ws();
            // Longer operators are listed first, so `<=` is never read as `<`.
            const op = ops.find((o) => this.src.startsWith(o, this.pos));
            if (!op)
                return l;
            this.pos += op.length;
            const r = next();
            l = { t: 'bin', op, l, r, at: l.at };
        }
    }
    or = () => this.binary(this.and, ['||']);
    and = () => this.binary(this.eq, ['&&']);
    eq = () => this.binary(this.cmp, ['==', '!=']);
    cmp = () => this.binary(this.add, ['<=', '>=', '<', '>']);
    add = () => this.binary(this.mul, ['+', '-']);
    mul = () => this.binary(this.unary, ['*', '/', '%']);
    unary = () => {
        this.ws();
        const at = this.pos;
        const c = this.src[this.pos];
        if ((c === '!' && this.src[this.pos + 1] !== '=') || c === '-') {
            this.pos++;
            this.nest();
            const e = this.unary();
            this.unnest();
            return { t: 'un', op: c, e, at };
        }
        return this.postfix();
    };
    postfix() {
        let e = this.primary();
        for (;;) {
            if (this.eat('.')) {
                this.ws();
                const at = this.pos;
                const m = /^(?:[A-Za-z_][A-Za-z0-9_-]*|\d+)/.exec(this.src.slice(this.pos, this.pos + 256));
                if (!m)
                    throw new ExprError('expected an attribute name after "."', at);
                this.pos += m[0].length;
                e = /^\d+$/.test(m[0])
                    ? { t: 'index', obj: e, key: { t: 'lit', v: Number(m[0]), at }, at }
                    : { t: 'attr', obj: e, name: m[0], at };
            }
            else if (this.peek('[')) {
                const at = this.pos;
                this.pos++;
                this.nest();
                const key = this.expr();
                this.unnest();
                this.expect(']');
                e = { t: 'index', obj: e, key, at };
            }
            else {
                return e;
            }
        }
    }
    primary() {
        this.ws();
        const s = this.src;
        const at = this.pos;
        if (at >= s.length)
            throw new ExprError('expected a value but the expression ended', at);
        const c = s[at];
        if (c === '(') {
            this.pos++;
            this.nest();
            const e = this.expr();
            this.unnest();
            this.expect(')');
            return e;
        }
        if (c === '"') {
            this.pos++;
            this.nest();
            const e = this.template(true);
            this.unnest();
            if (s[this.pos] !== '"')
                throw new ExprError('unterminated string', at, 'add the closing "');
            this.pos++;
            return e.t === 'lit' ? { ...e, at } : e;
        }
        if (c === '[') {
            this.pos++;
            this.nest();
            const items = [];
            while (!this.eat(']')) {
                items.push(this.expr());
                if (!this.eat(',')) {
                    this.expect(']');
                    break;
                }
            }
            this.unnest();
            return { t: 'list', items, at };
        }
        if (c === '{') {
            this.pos++;
            this.nest();
            const entries = [];
            while (!this.eat('}')) {
                this.ws();
                const kAt = this.pos;
                const m = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(s.slice(this.pos, this.pos + 256));
                let key;
                if (m && !this.src.startsWith('(', this.pos + m[0].length)) {
                    this.pos += m[0].length;
                    key = { t: 'lit', v: m[0], at: kAt };
                }
                else {
                    key = this.expr();
                }
                if (!this.eat('='))
                    this.expect(':');
                entries.push([key, this.expr()]);
                if (!this.eat(',')) {
                    this.expect('}');
                    break;
                }
            }
            this.unnest();
            return { t: 'obj', entries, at };
        }
        const num = /^\d+(\.\d+)?([eE][+-]?\d+)?/.exec(s.slice(at, at + 64));
        if (num) {
            this.pos += num[0].length;
            return { t: 'lit', v: Number(num[0]), at };
        }
        const id = /^[A-Za-z_][A-Za-z0-9_]*/.exec(s.slice(at, at + 256));
        if (id) {
            this.pos += id[0].length;
            const name = id[0];
            if (name === 'true' || name === 'false')
                return { t: 'lit', v: name === 'true', at };
            if (name === 'null')
                return { t: 'lit', v: null, at };
            if (this.eat('(')) {
                this.nest();
                const args = [];
                while (!this.eat(')')) {
                    args.push(this.expr());
                    if (!this.eat(',')) {
                        this.expect(')');
                        break;
                    }
                }
                this.unnest();
                return { t: 'call', name, args, at };
            }
            return { t: 'ref', name, at };
        }
        throw new ExprError(`unexpected "${c}" in expression`, at);
    }
    get offset() {
        return this.pos;
    }
}
/** Parses a string that may contain `${...}` interpolations. */
function parseTemplate(src) {
    return new Parser(src).template(false);
}
/** Parses a bare expression (no `${ }`), as used by validation conditions. */
function parseExpression(src) {
    const p = new Parser(src);
    const e = p.expr();
    if (src.slice(p.offset).trim())
        throw new ExprError(`unexpected "${src.slice(p.offset).trim()[0]}" after the expression`, p.offset);
    return e;
}
/**
 * A value computed from a sensitive one (a sensitive variable, a local made from one, a file
 * read from a sensitive path). It travels through the evaluator wrapped, so whatever is
 * computed from it is wrapped too, as in Terraform; whoever takes the final value registers
 * its sensitive parts as secrets (see reveal()).
 */
class Sensitive {
    value;
    constructor(value) {
        this.value = value;
    }
}
/** Marks a value sensitive as a whole. */
function sensitive(v) {
    return v instanceof Sensitive ? v : new Sensitive(reveal(v).value);
}
/** The plain value, and its sensitive parts (the values to register as secrets). */
function reveal(v) {
    const secrets = [];
    let marked = false;
    const walk = (x) => {
        if (x instanceof Sensitive) {
            marked = true;
            secrets.push(x.value);
            return x.value;
        }
        if (Array.isArray(x))
            return x.map(walk);
        if (x !== null && typeof x === 'object') {
            const o = {};
            for (const [k, y] of Object.entries(x))
                Object.defineProperty(o, k, {
                    value: walk(y),
                    enumerable: true,
                    writable: true,
                    configurable: true,
                });
            return o;
        }
        return x;
    };
    const value = walk(v);
    return { value, secrets, sensitive: marked };
}
/** The plain value and whether any part of it was sensitive. */
function unmark(v) {
    if (v instanceof Sensitive)
        return { value: v.value, sensitive: true };
    if (v === null || typeof v !== 'object')
        return { value: v, sensitive: false };
    const r = reveal(v);
    return { value: r.value, sensitive: r.sensitive };
}
function typeName(v) {
    if (v === null || v === undefined)
        return 'null';
    if (v instanceof Sensitive)
        return typeName(v.value);
    if (Array.isArray(v))
        return 'list';
    return typeof v === 'object' ? 'map' : typeof v;
}
function toText(v, at) {
    if (typeof v === 'string')
        return v;
    if (typeof v === 'number' || typeof v === 'boolean')
        return String(v);
    if (v === null)
        return '';
    throw new ExprError(`cannot put a ${typeName(v)} inside a string`, at, 'use jsonencode() or join() to turn it into text');
}
/** Evaluates to a plain value; sensitivity is dropped (use evaluateMarked to keep it). */
function evaluate(e, scope) {
    return reveal(evaluateMarked(e, scope)).value;
}
function container(m) {
    return m instanceof Sensitive ? { o: m.value, hidden: true } : { o: m, hidden: false };
}
const keep = (v, hidden) => (hidden ? sensitive(v) : v);
/** Evaluates, keeping every sensitive part marked. */
function evaluateMarked(e, scope) {
    const ev = (x) => evaluateMarked(x, scope);
    switch (e.t) {
        case 'lit':
            return e.v;
        case 'tpl': {
            // A string that is exactly one interpolation keeps the value's own type.
            if (e.parts.length === 1 && typeof e.parts[0] !== 'string')
                return ev(e.parts[0]);
            let out = '';
            let hidden = false;
            for (const p of e.parts) {
                if (typeof p === 'string') {
                    out += p;
                    continue;
                }
                const r = unmark(ev(p));
                hidden ||= r.sensitive;
                out += toText(r.value, p.at);
            }
            return keep(out, hidden);
        }
        case 'ref': {
            const v = scope.root(e.name, e.at);
            if (v === undefined)
                throw new ExprError(`unknown name "${e.name}"`, e.at, 'references look like var.NAME, local.NAME, source.name, build.name, path.root or github.sha');
            return v;
        }
        case 'attr': {
            if (e.obj.t === 'ref') {
                const v = scope.attr(e.obj.name, e.name, e.at);
                if (v !== undefined)
                    return v;
            }
            const { o, hidden } = container(ev(e.obj));
            if (o !== null && typeof o === 'object' && !Array.isArray(o)) {
                const m = o;
                if (Object.prototype.hasOwnProperty.call(m, e.name))
                    return keep(m[e.name], hidden);
                throw new ExprError(`no attribute "${e.name}"`, e.at, hidden ? 'the map is sensitive' : `it has: ${Object.keys(m).join(', ') || 'nothing'}`);
            }
            throw new ExprError(`a ${typeName(o)} has no attribute "${e.name}"`, e.at);
        }
        case 'index': {
            const { o, hidden: hiddenObj } = container(ev(e.obj));
            const key = unmark(ev(e.key));
            const k = key.value;
            const hidden = hiddenObj || key.sensitive;
            if (Array.isArray(o)) {
                if (typeof k !== 'number' || !Number.isInteger(k))
                    throw new ExprError('a list index must be a whole number', e.key.at);
                if (k < 0 || k >= o.length)
                    throw new ExprError(key.sensitive
                        ? `a sensitive index is out of range (the list has ${o.length} elements)`
                        : `index ${k} is out of range (the list has ${o.length} elements)`, e.key.at);
                return keep(o[k], hidden);
            }
            if (o !== null && typeof o === 'object') {
                const m = o;
                const name = toText(k, e.key.at);
                if (!Object.prototype.hasOwnProperty.call(m, name))
                    throw new ExprError(key.sensitive ? 'no such key (the key is sensitive)' : `no key "${name}"`, e.key.at, hiddenObj
                        ? 'the map is sensitive'
                        : `it has: ${Object.keys(m).join(', ') || 'nothing'}`);
                return keep(m[name], hidden);
            }
            throw new ExprError(`cannot index a ${typeName(o)}`, e.at);
        }
        case 'call':
            return scope.call(e.name, e.args, e.at, ev);
        case 'un': {
            const r = unmark(ev(e.e));
            if (e.op === '!')
                return keep(!truthy(r.value, e.e.at, r.sensitive), r.sensitive);
            return keep(-num(r.value, e.e.at, r.sensitive), r.sensitive);
        }
        case 'cond': {
            const c = unmark(ev(e.c));
            const v = truthy(c.value, e.c.at, c.sensitive) ? ev(e.a) : ev(e.b);
            return keep(v, c.sensitive);
        }
        case 'list':
            return e.items.map(ev);
        case 'obj': {
            const o = {};
            let hidden = false;
            for (const [k, v] of e.entries) {
                const key = unmark(ev(k));
                hidden ||= key.sensitive;
                Object.defineProperty(o, toText(key.value, k.at), {
                    value: ev(v),
                    enumerable: true,
                    writable: true,
                    configurable: true,
                });
            }
            return keep(o, hidden);
        }
        case 'bin':
            return binaryChain(e, ev);
    }
}
function truthy(v, at, hidden = false) {
    if (typeof v === 'boolean')
        return v;
    if (v === 'true')
        return true;
    if (v === 'false')
        return false;
    throw new ExprError(`expected a bool, got ${hidden ? 'a sensitive value' : typeName(v)}`, at);
}
function num(v, at, hidden = false) {
    if (typeof v === 'number')
        return v;
    if (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v)))
        return Number(v);
    throw new ExprError(hidden
        ? `expected a number, got a sensitive ${typeName(v)}`
        : `expected a number, got ${typeName(v)}${typeof v === 'string' ? ` "${v.slice(0, 40)}"` : ''}`, at);
}
function deepEqual(a, b) {
    if (a === b)
        return true;
    if (Array.isArray(a) && Array.isArray(b))
        return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
    if (a &&
        b &&
        typeof a === 'object' &&
        typeof b === 'object' &&
        !Array.isArray(a) &&
        !Array.isArray(b)) {
        const ka = Object.keys(a);
        return ka.length === Object.keys(b).length && ka.every((k) => k in b && deepEqual(a[k], b[k]));
    }
    return false;
}
/**
 * Left-associative chains (`1 + 2 + ... + n`) parse into a left-deep tree; walking its
 * spine with a loop keeps evaluation off the call stack however long the chain is.
 */
function binaryChain(e, ev) {
    const spine = [];
    let left = e;
    while (left.t === 'bin') {
        spine.push(left);
        left = left.l;
    }
    let { value: acc, sensitive: hidden } = unmark(ev(left));
    let accAt = left.at;
    const right = (x) => {
        const r = unmark(ev(x));
        hidden ||= r.sensitive;
        return r.value;
    };
    for (let i = spine.length - 1; i >= 0; i--) {
        const node = spine[i];
        if (node.op === '&&')
            acc = truthy(acc, accAt, hidden) && truthy(right(node.r), node.r.at, hidden);
        else if (node.op === '||')
            acc = truthy(acc, accAt, hidden) || truthy(right(node.r), node.r.at, hidden);
        else
            acc = applyBinary(node.op, acc, right(node.r), accAt, node.r.at, hidden);
        accAt = node.at;
    }
    return keep(acc, hidden);
}
function applyBinary(op, a, b, la, ra, hidden) {
    const l = { at: la };
    const r = { at: ra };
    switch (op) {
        case '==':
            return deepEqual(a, b);
        case '!=':
            return !deepEqual(a, b);
        case '<':
            return num(a, l.at, hidden) < num(b, r.at, hidden);
        case '<=':
            return num(a, l.at, hidden) <= num(b, r.at, hidden);
        case '>':
            return num(a, l.at, hidden) > num(b, r.at, hidden);
        case '>=':
            return num(a, l.at, hidden) >= num(b, r.at, hidden);
        case '+':
            return num(a, l.at, hidden) + num(b, r.at, hidden);
        case '-':
            return num(a, l.at, hidden) - num(b, r.at, hidden);
        case '*':
            return num(a, l.at, hidden) * num(b, r.at, hidden);
        case '/': {
            const d = num(b, r.at, hidden);
            if (d === 0)
                throw new ExprError('division by zero', r.at);
            return num(a, l.at, hidden) / d;
        }
        case '%': {
            const d = num(b, r.at, hidden);
            if (d === 0)
                throw new ExprError('modulo by zero', r.at);
            return num(a, l.at, hidden) % d;
        }
    }
    throw new ExprError(`unknown operator ${op}`, la);
}


/***/ }),

/***/ 11207:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Y3: () => (/* binding */ loadYamlFile),
/* harmony export */   uJ: () => (/* binding */ joinPath)
/* harmony export */ });
/* unused harmony exports MAX_SPEC_BYTES, parseYaml */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(38815);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(17800);



/** Specs are small hand-written files; anything this large is a mistake. */
const MAX_SPEC_BYTES = 4 * 1024 * 1024;
/** Upper bound on nodes produced while expanding aliases (defeats "billion laughs"). */
const MAX_EXPANDED_NODES = 200_000;
const MAX_DEPTH = 200;
function joinPath(base, key) {
    if (typeof key === 'number')
        return `${base}[${key}]`;
    const safe = /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key) ? key : JSON.stringify(key);
    if (!base)
        return safe.startsWith('"') ? `[${safe}]` : safe;
    return safe.startsWith('"') ? `${base}[${safe}]` : `${base}.${safe}`;
}
/** Reads and parses a spec or var file; every failure is a {@link SpecError} with a position. */
function loadYamlFile(file, what = 'spec') {
    let size;
    try {
        const st = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(file);
        if (st.isDirectory()) {
            throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .SpecError */ .G8({
                message: `${file} is a directory, not a ${what} file`,
                hint: `name the YAML file inside it, for example ${file.replace(/\/$/, '')}/bake.yml`,
            });
        }
        size = st.size;
    }
    catch (e) {
        if (e instanceof _errors__WEBPACK_IMPORTED_MODULE_2__/* .SpecError */ .G8)
            throw e;
        const code = e.code;
        throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .SpecError */ .G8({
            message: code === 'ENOENT'
                ? `${what} file ${file} does not exist`
                : `cannot read ${file}: ${code ?? String(e)}`,
            hint: code === 'ENOENT' ? 'check the path; it is relative to the working directory' : undefined,
        });
    }
    if (size > MAX_SPEC_BYTES) {
        throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .SpecError */ .G8({
            message: `${file} is ${(size / 1048576).toFixed(1)} MiB; a ${what} file may be at most ${MAX_SPEC_BYTES / 1048576} MiB`,
            pos: { file, line: 1, col: 1 },
            hint: 'is this the right file? Large data belongs in files the spec refers to',
        });
    }
    const bytes = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file);
    return parseYaml(decodeText(bytes, file, what), file);
}
function decodeText(bytes, file, what) {
    const nul = bytes.indexOf(0);
    let text;
    try {
        if (nul >= 0)
            throw new Error('nul');
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    }
    catch {
        const offset = nul >= 0 ? nul : firstInvalidUtf8(bytes);
        const before = bytes.subarray(0, offset).toString('latin1');
        const line = before.split('\n').length;
        const col = offset - before.lastIndexOf('\n');
        throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .SpecError */ .G8({
            message: `${file} is not a text file (binary or invalid UTF-8 at byte ${offset})`,
            pos: { file, line, col },
            hint: `a ${what} file must be UTF-8 YAML`,
        });
    }
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
function firstInvalidUtf8(bytes) {
    const dec = new TextDecoder('utf-8', { fatal: true });
    let lo = 0;
    let hi = bytes.length;
    // Binary search for the shortest prefix that fails to decode.
    while (lo < hi) {
        const mid = (lo + hi) >> 1;
        try {
            dec.decode(bytes.subarray(0, mid + 1));
            lo = mid + 1;
        }
        catch {
            hi = mid;
        }
    }
    return Math.max(0, lo - 3);
}
function parseYaml(text, file) {
    const lineCounter = new yaml__WEBPACK_IMPORTED_MODULE_1__/* .LineCounter */ .HN();
    const docs = (0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .parseAllDocuments */ .hR)(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
    const posAt = (offset) => {
        const lp = lineCounter.linePos(offset);
        return { file, line: lp.line, col: lp.col };
    };
    const problems = [];
    const list = Array.isArray(docs) ? docs : [docs];
    const reported = new Set();
    for (const doc of list) {
        for (const err of doc.errors) {
            const pos = posAt(errorOffset(text, err.code, err.message, err.pos[0]));
            // One mistake, one error: what the parser says after the first error on a line follows
            // from it.
            if (reported.has(pos.line))
                continue;
            reported.add(pos.line);
            const line = text.split('\n')[pos.line - 1] ?? '';
            if (err.code !== 'DUPLICATE_KEY' && HCL_QUOTES.test(line)) {
                problems.push({
                    message: 'invalid YAML: the double quotes inside ${…} end the double-quoted string',
                    pos: { ...pos, col: line.indexOf('"') + 1 },
                    hint: `quote the whole value with single quotes: ${hclFix(line)}`,
                });
                continue;
            }
            const key = err.code === 'DUPLICATE_KEY' ? text.slice(err.pos[0], err.pos[1]).trim() : '';
            problems.push({
                message: key
                    ? `duplicate key "${key}": a key may appear once in a mapping`
                    : yamlMessage(err.code, err.message),
                pos,
                hint: yamlHint(err.code),
            });
        }
    }
    if (problems.length)
        throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .SpecError */ .G8(problems);
    if (list.length > 1) {
        const second = list[1];
        const start = second.range?.[0] ?? 0;
        throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .SpecError */ .G8({
            message: `${file} holds ${list.length} YAML documents; a spec is one document`,
            pos: posAt(start),
            hint: 'remove the `---` separator, or split the documents into separate files',
        });
    }
    const doc = list[0];
    const out = { file, value: null, positions: new Map(), keyPositions: new Map() };
    if (!doc || doc.contents === null || doc.contents === undefined) {
        return out;
    }
    let budget = MAX_EXPANDED_NODES;
    const walk = (node, path, depth, aliasDepth) => {
        if (--budget < 0) {
            throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .SpecError */ .G8({
                message: `${file} expands to more than ${MAX_EXPANDED_NODES} values (aliases nested too deeply?)`,
                pos: { file, line: 1, col: 1 },
                hint: 'YAML aliases that refer to each other in layers can expand exponentially; write the values out',
            });
        }
        if (depth > MAX_DEPTH) {
            throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .SpecError */ .G8({
                message: `nesting deeper than ${MAX_DEPTH} levels`,
                pos: nodePos(node),
                path,
            });
        }
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isAlias */ .Vj)(node)) {
            if (aliasDepth > 50)
                throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .SpecError */ .G8({ message: 'aliases nested too deeply', pos: nodePos(node), path });
            const target = node.resolve(doc);
            if (!target)
                throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .SpecError */ .G8({ message: `unknown alias *${node.source}`, pos: nodePos(node), path });
            return walk(target, path, depth + 1, aliasDepth + 1);
        }
        const here = nodePos(node);
        if (here)
            out.positions.set(path, here);
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isMap */ .jh)(node)) {
            const obj = Object.create(null);
            for (const pair of node.items) {
                if (!(0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isPair */ .tO)(pair))
                    continue;
                const keyNode = pair.key;
                const key = (0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isScalar */ .jn)(keyNode) ? keyNode.value : keyNode;
                if (key === '<<' && (0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isScalar */ .jn)(keyNode)) {
                    const merged = walk(pair.value, path, depth + 1, aliasDepth);
                    for (const src of Array.isArray(merged) ? merged : [merged]) {
                        if (src && typeof src === 'object' && !Array.isArray(src)) {
                            for (const [k, v] of Object.entries(src))
                                if (!(k in obj))
                                    obj[k] = v;
                        }
                    }
                    continue;
                }
                if (key !== null && typeof key === 'object') {
                    throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .SpecError */ .G8({
                        message: 'a mapping key must be a plain string, not a list or mapping',
                        pos: nodePos(keyNode),
                        path,
                    });
                }
                const k = String(key);
                const childPath = joinPath(path, k);
                const kp = nodePos(keyNode);
                if (kp)
                    out.keyPositions.set(childPath, kp);
                obj[k] = pair.value === null ? null : walk(pair.value, childPath, depth + 1, aliasDepth);
                if (pair.value === null && kp)
                    out.positions.set(childPath, kp);
            }
            return { ...obj };
        }
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isSeq */ .oP)(node)) {
            return node.items.map((item, i) => walk(item, joinPath(path, i), depth + 1, aliasDepth));
        }
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .isScalar */ .jn)(node)) {
            const v = node.value;
            if (typeof v === 'bigint')
                return Number(v);
            if (v instanceof Date)
                return v.toISOString();
            if (v instanceof Uint8Array)
                return Buffer.from(v).toString('base64');
            return v ?? null;
        }
        return null;
    };
    const nodePos = (node) => {
        const range = node?.range;
        return range ? posAt(range[0]) : undefined;
    };
    out.value = walk(doc.contents, '', 0, 0);
    return out;
}
/** HCL's habit in YAML: "${f("x")}" — the inner double quote closes the YAML string. */
const HCL_QUOTES = /:\s*"[^"]*\$\{[^}]*"/;
/** The line with its value in single quotes instead (YAML needs no escaping inside). */
function hclFix(line) {
    const m = /^(\s*(?:-\s+)?[^:]+:\s*)"(.*)"\s*$/.exec(line);
    return m ? `${m[1].trim()} '${m[2].replace(/'/g, "''")}'` : line.trim();
}
/** Moves an error's offset to where a person would look: the token, not the indentation. */
function errorOffset(text, code, message, offset) {
    if (code === 'TAB_AS_INDENT')
        return offset;
    if (code === 'MISSING_CHAR' && /quote/.test(message)) {
        const quote = message.includes("'") && !message.includes('"') ? "'" : '"';
        const open = text.lastIndexOf(quote, Math.min(offset, text.length) - 1);
        if (open >= 0)
            return open;
    }
    let o = offset;
    while (o < text.length && (text[o] === ' ' || text[o] === '\t'))
        o++;
    return o < text.length && text[o] !== '\n' ? o : offset;
}
function yamlMessage(code, message) {
    const first = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    switch (code) {
        case 'DUPLICATE_KEY':
            return 'duplicate key: a key may appear once in a mapping';
        case 'TAB_AS_INDENT':
            return 'tab used for indentation; YAML indents with spaces';
        default:
            return `invalid YAML: ${first}`;
    }
}
function yamlHint(code) {
    switch (code) {
        case 'DUPLICATE_KEY':
            return 'remove or rename one of the two entries';
        case 'TAB_AS_INDENT':
            return 'replace the tabs with spaces';
        case 'BAD_INDENT':
        case 'MISSING_CHAR':
        case 'UNEXPECTED_TOKEN':
            return 'check the indentation and quoting on this line; strings containing `: ` or `#` need quotes';
        default:
            return undefined;
    }
}


/***/ }),

/***/ 33268:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ provisionerCommon),
/* harmony export */   W: () => (/* binding */ postProcessorCommon)
/* harmony export */ });
/* harmony import */ var _schema__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(47280);
/** Settings every plugin of a kind takes, whatever its type; the engine acts on them. */

/** Options every provisioner takes, whatever its type. */
const provisionerCommon = {
    only: (0,_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_schema__WEBPACK_IMPORTED_MODULE_0__.s.list(_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), { single: true }), 'run only for these sources (globs)'),
    except: (0,_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_schema__WEBPACK_IMPORTED_MODULE_0__.s.list(_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), { single: true }), 'skip these sources (globs)'),
    pause_before: (0,_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_schema__WEBPACK_IMPORTED_MODULE_0__.s.duration(), 'wait before running'),
    max_retries: (0,_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_schema__WEBPACK_IMPORTED_MODULE_0__.s.int(0, 100), 'retry a failed run this many times', 0),
    timeout: (0,_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_schema__WEBPACK_IMPORTED_MODULE_0__.s.duration(), 'fail the provisioner when it runs longer'),
    override: (0,_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_schema__WEBPACK_IMPORTED_MODULE_0__.s.map(_schema__WEBPACK_IMPORTED_MODULE_0__.s.map(_schema__WEBPACK_IMPORTED_MODULE_0__.s.any())), 'per-source settings: source name → keys to replace'),
    name: (0,_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'a label shown in logs'),
};
/** Options every post-processor takes, whatever its type. */
const postProcessorCommon = {
    only: (0,_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_schema__WEBPACK_IMPORTED_MODULE_0__.s.list(_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), { single: true }), 'run only for these sources (globs)'),
    except: (0,_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_schema__WEBPACK_IMPORTED_MODULE_0__.s.list(_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), { single: true }), 'skip these sources (globs)'),
    keep_input_artifact: (0,_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_schema__WEBPACK_IMPORTED_MODULE_0__.s.bool(), 'keep the artifact this post-processor received'),
    name: (0,_schema__WEBPACK_IMPORTED_MODULE_0__/* .opt */ .m7)(_schema__WEBPACK_IMPORTED_MODULE_0__.s.string(), 'a label shown in logs'),
};


/***/ }),

/***/ 47280:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DQ: () => (/* binding */ req),
/* harmony export */   E9: () => (/* binding */ parseDuration),
/* harmony export */   Ix: () => (/* binding */ offered),
/* harmony export */   J5: () => (/* binding */ refused),
/* harmony export */   PF: () => (/* binding */ toJsonSchema),
/* harmony export */   df: () => (/* binding */ positionOf),
/* harmony export */   m7: () => (/* binding */ opt),
/* harmony export */   ql: () => (/* binding */ fieldJsonSchema),
/* harmony export */   s: () => (/* binding */ s),
/* harmony export */   z6: () => (/* binding */ check)
/* harmony export */ });
/* unused harmony exports NUMBER_TEXT, INTEGER_TEXT, BOOL_TEXT, yamlLine, fieldMarkdown */
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(17800);
/* harmony import */ var _load__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(11207);
/* harmony import */ var _expr__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(58672);
/* harmony import */ var _util_redact__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(50767);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(38815);
/**
 * A small schema language. One definition per plugin both checks a config (with positions
 * and "did you mean") and generates the JSON Schema that editors use for completion.
 */





const s = {
    string: (o = {}) => ({
        kind: 'string',
        ...o,
    }),
    enum: (values, description) => ({
        kind: 'string',
        enum: values,
        description,
    }),
    number: (o = {}) => ({
        kind: 'number',
        ...o,
    }),
    int: (min, max) => ({ kind: 'number', integer: true, min, max }),
    bool: () => ({ kind: 'bool' }),
    duration: () => ({ kind: 'duration' }),
    list: (of, o = {}) => ({
        kind: 'list',
        of,
        ...o,
    }),
    map: (of) => ({ kind: 'map', of }),
    object: (fields, o = {}) => ({
        kind: 'object',
        fields: Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, 'kind' in f ? { schema: f } : f])),
        ...o,
    }),
    any: () => ({ kind: 'any' }),
};
function req(schema, description, example) {
    return { schema, required: true, description, ...(example !== undefined ? { example } : {}) };
}
/**
 * A setting bake knows and refuses: giving it is an error that says why, not an "unknown
 * key"; editors do not offer it.
 */
function refused(reason) {
    return { schema: { kind: 'any' }, refused: reason, description: `not supported: ${reason}` };
}
/** The settings a schema offers (without the refused ones). */
function offered(fields) {
    return Object.fromEntries(Object.entries(fields).filter(([, f]) => !f.refused));
}
function opt(schema, description, dflt, example) {
    return { schema, description, default: dflt, ...(example !== undefined ? { example } : {}) };
}
/**
 * The text a number or bool setting accepts in place of the value itself (a quoted value, an
 * expression's string result): decimal notation only, so "22" is 22 but "0x16", "1e3", " 22"
 * and "" are errors; and exactly `true` or `false`.
 */
const NUMBER_TEXT = /^-?(0|[1-9]\d*)(\.\d+)?$/;
const INTEGER_TEXT = /^-?(0|[1-9]\d*)$/;
const BOOL_TEXT = ['true', 'false'];
const UNITS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
/** Parses Go-style durations ("90s", "5m", "1h30m", "250ms") into milliseconds. */
function parseDuration(v) {
    if (typeof v === 'number' && Number.isFinite(v) && v >= 0)
        return v * 1000;
    if (typeof v !== 'string')
        return undefined;
    const t = v.trim();
    if (t === '0')
        return 0;
    const re = /(\d+(?:\.\d+)?)(ms|s|m|h)/gy;
    let total = 0;
    let consumed = 0;
    let m;
    while ((m = re.exec(t))) {
        total += Number(m[1]) * UNITS[m[2]];
        consumed = re.lastIndex;
    }
    return consumed === t.length && consumed > 0 ? total : undefined;
}
function describeType(v) {
    if (v === null || v === undefined)
        return 'nothing (null)';
    if (Array.isArray(v))
        return 'a list';
    if (typeof v === 'object')
        return 'a mapping';
    // A value that holds a secret is described, never shown.
    if ((0,_util_redact__WEBPACK_IMPORTED_MODULE_3__/* .redactValue */ .FI)(v) !== v)
        return 'a sensitive value';
    if (typeof v === 'string')
        return `the string ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v)}`;
    return `the ${typeof v === 'number' ? 'number' : typeof v === 'boolean' ? 'bool' : typeof v} ${String(v)}`;
}
function positionOf(file, path, key = false) {
    for (let p = path;;) {
        const pos = (key ? file.keyPositions.get(p) : undefined) ?? file.positions.get(p);
        if (pos)
            return pos;
        const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
        if (cut <= 0)
            return file.positions.get('') ?? { file: file.file, line: 1, col: 1 };
        p = p.slice(0, cut);
    }
}
/**
 * Checks `value` against `schema`; adds every problem found to ctx.problems. Returns the value
 * typed by the schema: bool text becomes a boolean, number text a number, a number or bool in
 * a string setting its text; durations stay as written. Expressions are left as they are
 * before evaluation (phase 'raw'). Where a problem was found the value is returned unchanged.
 */
function check(value, schema, path, ctx) {
    const add = (message, hint, key = false) => {
        ctx.problems.push({ message, path, pos: positionOf(ctx.file, path, key), hint });
        return value;
    };
    // Before evaluation an expression stands in for any type; it is checked again after.
    if (ctx.phase === 'raw' && typeof value === 'string' && (0,_expr__WEBPACK_IMPORTED_MODULE_2__/* .hasTemplate */ .rJ)(value))
        return value;
    switch (schema.kind) {
        case 'any':
            return value;
        case 'string': {
            const text = typeof value === 'number' || typeof value === 'boolean' ? String(value) : value;
            if (typeof text !== 'string')
                return add(`expected a string, got ${describeType(value)}`);
            if (schema.enum && !schema.enum.includes(text)) {
                const near = (0,_errors__WEBPACK_IMPORTED_MODULE_0__/* .didYouMean */ .au)(text, schema.enum);
                return add(`"${text}" is not one of: ${schema.enum.join(', ')}`, near ? `did you mean "${near}"?` : undefined);
            }
            if (schema.pattern && !schema.pattern.test(text))
                return add(`"${text}" is not valid here`, schema.patternHint);
            return text;
        }
        case 'number': {
            let n = value;
            if (typeof value === 'string') {
                if (!(schema.integer ? INTEGER_TEXT : NUMBER_TEXT).test(value))
                    return add(`expected ${schema.integer ? 'a whole number' : 'a number'}, got ${describeType(value)}`, `write it in decimal digits, e.g. ${schema.min !== undefined && schema.min > 0 ? schema.min : 22}`);
                n = Number(value);
            }
            if (typeof n !== 'number' || !Number.isFinite(n))
                return add(`expected a number, got ${describeType(value)}`);
            if (schema.integer && !Number.isInteger(n))
                return add(`expected a whole number, got ${n}`);
            if (schema.min !== undefined && n < schema.min)
                return add(`must be at least ${schema.min}, got ${n}`);
            if (schema.max !== undefined && n > schema.max)
                return add(`must be at most ${schema.max}, got ${n}`);
            return n;
        }
        case 'bool':
            if (typeof value === 'boolean')
                return value;
            if (value === 'true' || value === 'false')
                return value === 'true';
            return add(`expected true or false, got ${describeType(value)}`);
        case 'duration':
            if (parseDuration(value) === undefined)
                return add(`expected a duration like "30s", "5m" or "1h30m", got ${describeType(value)}`);
            return value;
        case 'list': {
            if (!Array.isArray(value)) {
                if (schema.single && value !== null && typeof value !== 'object')
                    return check(value, schema.of, path, ctx);
                return add(`expected a list, got ${describeType(value)}`, schema.single
                    ? 'give one value or a list of values'
                    : 'write it as [a, b] or as lines starting with "- "');
            }
            if (schema.minItems && value.length < schema.minItems)
                add(`expected at least ${schema.minItems} item${schema.minItems > 1 ? 's' : ''}`);
            return value.map((v, i) => check(v, schema.of, (0,_load__WEBPACK_IMPORTED_MODULE_1__/* .joinPath */ .uJ)(path, i), ctx));
        }
        case 'map': {
            if (value === null || typeof value !== 'object' || Array.isArray(value))
                return add(`expected a mapping (key: value), got ${describeType(value)}`);
            return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, check(v, schema.of, (0,_load__WEBPACK_IMPORTED_MODULE_1__/* .joinPath */ .uJ)(path, k), ctx)]));
        }
        case 'object': {
            if (value === null || typeof value !== 'object' || Array.isArray(value))
                return add(`expected a mapping (key: value), got ${describeType(value)}`);
            const obj = value;
            for (const [k, f] of Object.entries(schema.fields)) {
                if (f.required && (obj[k] === undefined || obj[k] === null))
                    add(`missing required key "${k}"`, f.description ? `${k}: ${f.description}` : undefined, true);
            }
            const out = {};
            for (const [k, v] of Object.entries(obj)) {
                out[k] = v;
                const f = schema.fields[k];
                const childPath = (0,_load__WEBPACK_IMPORTED_MODULE_1__/* .joinPath */ .uJ)(path, k);
                if (!f) {
                    if (schema.open)
                        continue;
                    const keys = Object.keys(offered(schema.fields));
                    const near = (0,_errors__WEBPACK_IMPORTED_MODULE_0__/* .didYouMean */ .au)(k, keys);
                    ctx.problems.push({
                        message: `unknown key "${k}"`,
                        path: childPath,
                        pos: positionOf(ctx.file, childPath, true),
                        hint: near ? `did you mean "${near}"?` : `allowed keys: ${keys.sort().join(', ')}`,
                    });
                    continue;
                }
                if (v === null && !f.required)
                    continue;
                if (f.refused) {
                    ctx.problems.push({
                        message: `${k} is not supported: ${f.refused}`,
                        path: childPath,
                        pos: positionOf(ctx.file, childPath, true),
                        hint: `remove ${k}`,
                    });
                    continue;
                }
                out[k] = check(v, f.schema, childPath, ctx);
            }
            return out;
        }
    }
}
/** An expression, as hasTemplate() sees one: `${` not escaped as `$${`. */
const EXPR = {
    // A title of its own also keeps yaml-language-server's hover from joining every
    // alternative's text with "||".
    title: 'an expression ${…}',
    type: 'string',
    pattern: '(^|[^$])\\$\\{',
};
const NULL = { title: 'nothing (the key is left empty)', type: 'null' };
/** Decimal digits (no leading zeros) of the whole numbers in [lo, hi], both ≥ 0 and finite. */
function digitRange(lo, hi) {
    const out = [];
    const sameLength = (a, b) => {
        if (a === b)
            return a;
        if (a[0] === b[0])
            return a[0] + sameLength(a.slice(1), b.slice(1));
        const rest = a.length - 1;
        const any = rest ? `\\d{${rest}}` : '';
        if (/^0*$/.test(a.slice(1)) && /^9*$/.test(b.slice(1)))
            return `[${a[0]}-${b[0]}]${any}`;
        const parts = [a[0] + sameLength(a.slice(1), '9'.repeat(rest))];
        if (Number(b[0]) - Number(a[0]) > 1)
            parts.push(`[${Number(a[0]) + 1}-${Number(b[0]) - 1}]${any}`);
        parts.push(b[0] + sameLength('0'.repeat(rest), b.slice(1)));
        return `(?:${parts.join('|')})`;
    };
    for (let len = String(lo).length; len <= String(hi).length; len++) {
        const from = Math.max(lo, len === 1 ? 0 : 10 ** (len - 1));
        const to = Math.min(hi, 10 ** len - 1);
        if (from <= to)
            out.push(sameLength(String(from), String(to)));
    }
    return out;
}
/** Alternatives matching the integer text (INTEGER_TEXT) of the whole numbers in [min, max]. */
function integerTextAlternatives(min = -Infinity, max = Infinity) {
    const nonNegative = (lo, hi) => {
        if (hi === Infinity) {
            const digits = String(lo).length;
            return [...digitRange(lo, 10 ** digits - 1), `[1-9]\\d{${digits},}`];
        }
        return digitRange(lo, hi);
    };
    const alts = [];
    if (max >= 0)
        alts.push(...nonNegative(Math.max(0, Math.ceil(min)), Math.floor(max)));
    if (min < 0)
        alts.push(...nonNegative(Math.max(1, Math.ceil(-max)), -Math.floor(min)).map((r) => `-${r}`));
    return alts;
}
/** A pattern for the number text a number setting accepts; exact for whole-number bounds. */
function numberTextPattern(schema) {
    const { min, max } = schema;
    // "-0" is 0, so it is in range wherever 0 is.
    const zero = (min ?? 0) <= 0 && (max ?? 0) >= 0;
    if (schema.integer)
        return `^(?:${[...integerTextAlternatives(min, max), ...(zero ? ['-0'] : [])].join('|')})$`;
    if (max === undefined && min !== undefined && Number.isInteger(min) && min >= 0)
        return `^(?:${integerTextAlternatives(min).join('|')})(\\.\\d+)?$${zero ? '|^-0(\\.0+)?$' : ''}`;
    // Other bounds are checked by bake after the text is read as a number.
    return NUMBER_TEXT.source;
}
/** The YAML a user writes for `key: value`, on one line. */
function yamlLine(key, value) {
    return `${key}: ${(0,yaml__WEBPACK_IMPORTED_MODULE_4__/* .stringify */ .As)(value, { collectionStyle: 'flow', lineWidth: 0 }).trim()}`;
}
function describeKind(schema) {
    switch (schema.kind) {
        case 'string':
            return schema.enum ? `one of ${schema.enum.map((v) => `\`${v}\``).join(', ')}` : 'text';
        case 'number': {
            const what = schema.integer ? 'a whole number' : 'a number';
            const range = schema.min !== undefined && schema.max !== undefined
                ? ` from ${schema.min} to ${schema.max}`
                : schema.min !== undefined
                    ? ` of at least ${schema.min}`
                    : schema.max !== undefined
                        ? ` of at most ${schema.max}`
                        : '';
            return `${what}${range} (decimal digits, quoted or not)`;
        }
        case 'bool':
            return '`true` or `false`';
        case 'duration':
            return 'a duration such as `30s`, `5m` or `1h30m` (a bare number is seconds)';
        case 'list':
            return schema.single
                ? `one value or a list, each ${describeKind(schema.of)}`
                : `a list, each ${describeKind(schema.of)}`;
        case 'map':
            return `a mapping of names to values, each ${describeKind(schema.of)}`;
        case 'object':
            return 'a mapping of settings';
        case 'any':
            return 'any value';
    }
}
/** The hover text of a setting: what it does, what it takes, an example, the default. */
function fieldMarkdown(key, f, o = {}) {
    const lines = [f.description ?? f.schema.description ?? ''];
    lines.push(`Takes ${describeKind(f.schema)}.${f.required ? ' Required.' : ''}`);
    if (f.example !== undefined)
        lines.push(`Example: \`${yamlLine(key, f.example)}\``);
    if (f.default !== undefined)
        lines.push(`Default: \`${yamlLine(key, f.default)}\``);
    lines.push(o.expressions === false
        ? 'Written as is: no `${…}` expressions here.'
        : '`${…}` expressions are allowed (e.g. `${var.name}`).');
    return lines.join('\n\n');
}
const orNull = (s) => Array.isArray(s.anyOf)
    ? { ...s, anyOf: [...s.anyOf, NULL] }
    : Object.keys(s).length === 0 || (Object.keys(s).length === 1 && 'description' in s)
        ? s
        : { anyOf: [s, NULL] };
/** The JSON Schema of a setting as an object property: its schema, docs and default. */
function fieldJsonSchema(key, f, o = {}) {
    const inner = toJsonSchema(f.schema, undefined, o);
    // An optional key left empty (YAML null) is the same as leaving it out.
    const p = f.required ? inner : orNull(inner);
    const text = f.description ?? f.schema.description;
    const out = {
        ...(text ? { description: text } : {}),
        markdownDescription: fieldMarkdown(key, f, o),
        ...p,
    };
    if (f.default !== undefined)
        out.default = f.default;
    return out;
}
/**
 * JSON Schema (draft-07) for editors, accepting exactly what check() accepts before
 * evaluation: the text forms of numbers and bools, numbers and bools for text, and an
 * expression wherever a value is (unless `expressions: false`).
 */
function toJsonSchema(schema, description, o = {}) {
    const d = description ?? schema.description;
    const withDesc = (s) => (d ? { description: d, ...s } : s);
    const expr = o.expressions !== false;
    const orExpr = (...alts) => withDesc(expr ? { anyOf: [...alts, EXPR] } : alts.length === 1 ? alts[0] : { anyOf: alts });
    switch (schema.kind) {
        case 'any':
            return withDesc({});
        case 'string': {
            if (schema.enum) {
                // YAML reads `true` and `8080` as a bool and a number; bake takes them as their text.
                const values = [...schema.enum];
                for (const v of schema.enum) {
                    if (v === 'true' || v === 'false')
                        values.push(v === 'true');
                    else if (NUMBER_TEXT.test(v) && String(Number(v)) === v)
                        values.push(Number(v));
                }
                return orExpr({ enum: values });
            }
            if (schema.pattern)
                return orExpr({
                    type: 'string',
                    pattern: schema.pattern.source,
                    ...(schema.patternHint ? { patternErrorMessage: schema.patternHint } : {}),
                });
            return withDesc({ type: ['string', 'number', 'boolean'] });
        }
        case 'number': {
            const bounds = {
                ...(schema.min !== undefined ? { minimum: schema.min } : {}),
                ...(schema.max !== undefined ? { maximum: schema.max } : {}),
            };
            return orExpr({ type: schema.integer ? 'integer' : 'number', ...bounds }, {
                type: 'string',
                pattern: numberTextPattern(schema),
                patternErrorMessage: `expected ${describeKind(schema)}`,
            });
        }
        case 'bool':
            return orExpr({ type: 'boolean' }, { type: 'string', enum: [...BOOL_TEXT] });
        case 'duration':
            return orExpr({
                type: 'string',
                pattern: '^\\s*(?:(?:\\d+(?:\\.\\d+)?(?:ms|s|m|h))+|0)\\s*$',
                patternErrorMessage: 'expected a duration like "30s", "5m" or "1h30m"',
            }, { type: 'number', minimum: 0 });
        case 'list': {
            const arr = {
                type: 'array',
                items: toJsonSchema(schema.of, undefined, o),
                ...(schema.minItems ? { minItems: schema.minItems } : {}),
            };
            if (!schema.single)
                return orExpr(arr);
            // One value stands for a list of one (a mapping or a list does not).
            const one = toJsonSchema(schema.of, undefined, { expressions: false });
            return orExpr(arr, one);
        }
        case 'map':
            return orExpr({
                type: 'object',
                additionalProperties: toJsonSchema(schema.of, undefined, o),
            });
        case 'object': {
            const properties = {};
            for (const [k, f] of Object.entries(offered(schema.fields)))
                properties[k] = fieldJsonSchema(k, f, o);
            const required = Object.entries(schema.fields)
                .filter(([, f]) => f.required)
                .map(([k]) => k);
            return orExpr({
                type: 'object',
                properties,
                ...(required.length ? { required } : {}),
                additionalProperties: !!schema.open,
            });
        }
    }
}


/***/ }),

/***/ 81552:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   II: () => (/* binding */ loadSpec),
/* harmony export */   PP: () => (/* binding */ pluginSchema),
/* harmony export */   XE: () => (/* binding */ topSchema),
/* harmony export */   cY: () => (/* binding */ buildFields),
/* harmony export */   eF: () => (/* binding */ NAME_RE),
/* harmony export */   un: () => (/* binding */ variableSchema)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(17800);
/* harmony import */ var _load__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(11207);
/* harmony import */ var _schema__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(47280);
/* harmony import */ var _types__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(49518);
/* harmony import */ var _plugin_common__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(33268);
/* harmony import */ var _expr__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(58672);
/**
 * The spec's shape: top-level keys, and the checks that need the whole file (references
 * between sources and builds, plugin types). Everything here runs before anything is built.
 */







const NAME_RE = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
const variableSchema = _schema__WEBPACK_IMPORTED_MODULE_3__.s.object({
    type: (0,_schema__WEBPACK_IMPORTED_MODULE_3__/* .opt */ .m7)(_schema__WEBPACK_IMPORTED_MODULE_3__.s.string(), 'string, number, bool, any, object, list(T) or map(T)', 'string'),
    default: (0,_schema__WEBPACK_IMPORTED_MODULE_3__/* .opt */ .m7)(_schema__WEBPACK_IMPORTED_MODULE_3__.s.any(), 'value used when nothing else sets one; without it the variable is required'),
    description: (0,_schema__WEBPACK_IMPORTED_MODULE_3__/* .opt */ .m7)(_schema__WEBPACK_IMPORTED_MODULE_3__.s.string(), 'what the variable is for, shown by bake inspect'),
    sensitive: (0,_schema__WEBPACK_IMPORTED_MODULE_3__/* .opt */ .m7)(_schema__WEBPACK_IMPORTED_MODULE_3__.s.bool(), 'redact the value from logs, outputs, manifests and comments', false),
    nullable: (0,_schema__WEBPACK_IMPORTED_MODULE_3__/* .opt */ .m7)(_schema__WEBPACK_IMPORTED_MODULE_3__.s.bool(), 'allow null as a value', false),
    validation: (0,_schema__WEBPACK_IMPORTED_MODULE_3__/* .opt */ .m7)(_schema__WEBPACK_IMPORTED_MODULE_3__.s.list(_schema__WEBPACK_IMPORTED_MODULE_3__.s.object({
        condition: (0,_schema__WEBPACK_IMPORTED_MODULE_3__/* .req */ .DQ)(_schema__WEBPACK_IMPORTED_MODULE_3__.s.string(), 'an expression that must be true, e.g. ${length(var.region) > 0}'),
        error_message: (0,_schema__WEBPACK_IMPORTED_MODULE_3__/* .req */ .DQ)(_schema__WEBPACK_IMPORTED_MODULE_3__.s.string(), 'shown when the condition is false'),
    })), 'rules the value must pass: a condition and the error shown when it is false'),
});
const buildFields = {
    description: (0,_schema__WEBPACK_IMPORTED_MODULE_3__/* .opt */ .m7)(_schema__WEBPACK_IMPORTED_MODULE_3__.s.string(), 'what the build makes, for people reading the spec'),
    sources: (0,_schema__WEBPACK_IMPORTED_MODULE_3__/* .req */ .DQ)(_schema__WEBPACK_IMPORTED_MODULE_3__.s.list(_schema__WEBPACK_IMPORTED_MODULE_3__.s.string(), { minItems: 1 }), 'names of the sources this build runs'),
    provisioners: (0,_schema__WEBPACK_IMPORTED_MODULE_3__/* .opt */ .m7)(_schema__WEBPACK_IMPORTED_MODULE_3__.s.list(_schema__WEBPACK_IMPORTED_MODULE_3__.s.any()), 'steps that configure the machine, in order'),
    'post-processors': (0,_schema__WEBPACK_IMPORTED_MODULE_3__/* .opt */ .m7)(_schema__WEBPACK_IMPORTED_MODULE_3__.s.list(_schema__WEBPACK_IMPORTED_MODULE_3__.s.any()), 'what happens to the artifact; a nested list is a chain'),
    'error-cleanup-provisioner': (0,_schema__WEBPACK_IMPORTED_MODULE_3__/* .opt */ .m7)(_schema__WEBPACK_IMPORTED_MODULE_3__.s.any(), 'runs when a provisioner fails, before the machine is removed'),
    timeout: (0,_schema__WEBPACK_IMPORTED_MODULE_3__/* .opt */ .m7)(_schema__WEBPACK_IMPORTED_MODULE_3__.s.duration(), 'fail the whole build when it runs longer'),
};
const topSchema = _schema__WEBPACK_IMPORTED_MODULE_3__.s.object({
    plugins: (0,_schema__WEBPACK_IMPORTED_MODULE_3__/* .opt */ .m7)(_schema__WEBPACK_IMPORTED_MODULE_3__.s.list(_schema__WEBPACK_IMPORTED_MODULE_3__.s.string()), 'plugins from outside bake: module paths relative to the spec, or npm packages installed beside it'),
    variables: (0,_schema__WEBPACK_IMPORTED_MODULE_3__/* .opt */ .m7)(_schema__WEBPACK_IMPORTED_MODULE_3__.s.map(_schema__WEBPACK_IMPORTED_MODULE_3__.s.any()), 'inputs of the spec'),
    locals: (0,_schema__WEBPACK_IMPORTED_MODULE_3__/* .opt */ .m7)(_schema__WEBPACK_IMPORTED_MODULE_3__.s.map(_schema__WEBPACK_IMPORTED_MODULE_3__.s.any()), 'named values computed from variables and functions'),
    sources: (0,_schema__WEBPACK_IMPORTED_MODULE_3__/* .req */ .DQ)(_schema__WEBPACK_IMPORTED_MODULE_3__.s.map(_schema__WEBPACK_IMPORTED_MODULE_3__.s.any()), 'machines to build from: name → {type, ...}'),
    builds: (0,_schema__WEBPACK_IMPORTED_MODULE_3__/* .req */ .DQ)(_schema__WEBPACK_IMPORTED_MODULE_3__.s.map(_schema__WEBPACK_IMPORTED_MODULE_3__.s.any()), 'what to build: name → {sources, provisioners, post-processors}'),
});
/** A plugin's own schema plus `type` and the options every plugin of its kind takes. */
function pluginSchema(own, common) {
    if (own.kind !== 'object')
        return own;
    return { ...own, fields: { type: (0,_schema__WEBPACK_IMPORTED_MODULE_3__/* .req */ .DQ)(_schema__WEBPACK_IMPORTED_MODULE_3__.s.string()), ...common, ...own.fields } };
}
/**
 * Loads a spec file and checks everything that can be checked without evaluating it, against
 * the plugins in `registry` (which already holds the spec's own `plugins:`).
 */
function loadSpec(path, registry, file = (0,_load__WEBPACK_IMPORTED_MODULE_2__/* .loadYamlFile */ .Y3)(path, 'spec')) {
    const problems = [];
    const ctx = { file, problems, phase: 'raw' };
    if (file.value === null || file.value === undefined) {
        throw new _errors__WEBPACK_IMPORTED_MODULE_1__/* .SpecError */ .G8({
            message: `${path} is empty`,
            pos: { file: path, line: 1, col: 1 },
            hint: 'a spec needs at least `sources:` and `builds:`; see examples/ for a starting point',
        });
    }
    (0,_schema__WEBPACK_IMPORTED_MODULE_3__/* .check */ .z6)(file.value, topSchema, '', ctx);
    if (problems.length)
        throw new _errors__WEBPACK_IMPORTED_MODULE_1__/* .SpecError */ .G8(problems);
    const top = file.value;
    const spec = {
        file,
        path,
        dir: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.dirname)(path),
        variables: (top.variables ?? {}),
        locals: top.locals ?? {},
        sources: (top.sources ?? {}),
        builds: (top.builds ?? {}),
        registry,
    };
    const at = (p, key = false) => (0,_schema__WEBPACK_IMPORTED_MODULE_3__/* .positionOf */ .df)(file, p, key);
    for (const [name, decl] of Object.entries(spec.variables)) {
        const p = (0,_load__WEBPACK_IMPORTED_MODULE_2__/* .joinPath */ .uJ)('variables', name);
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
            problems.push({
                message: `variable name "${name}" is not valid`,
                path: p,
                pos: at(p, true),
                hint: 'use letters, digits and _ (it is referenced as var.NAME)',
            });
        }
        (0,_schema__WEBPACK_IMPORTED_MODULE_3__/* .check */ .z6)(decl, variableSchema, p, ctx);
        // A variable is an input: what it is cannot be computed (locals compute values).
        if (decl && typeof decl === 'object')
            for (const k of ['type', 'default', 'sensitive', 'nullable', 'description']) {
                const v = decl[k];
                if (containsTemplate(v))
                    problems.push({
                        message: `an expression is not allowed in a variable's ${k}`,
                        path: (0,_load__WEBPACK_IMPORTED_MODULE_2__/* .joinPath */ .uJ)(p, k),
                        pos: at((0,_load__WEBPACK_IMPORTED_MODULE_2__/* .joinPath */ .uJ)(p, k)),
                        hint: k === 'default'
                            ? 'write the default out, or compute the value in locals from the variable'
                            : `write ${k} out`,
                    });
            }
        const t = decl && typeof decl === 'object' ? decl.type : undefined;
        if (typeof t === 'string' && !(0,_types__WEBPACK_IMPORTED_MODULE_6__/* .parseVarType */ .$F)(t)) {
            problems.push({
                message: `unknown variable type "${t}"`,
                path: (0,_load__WEBPACK_IMPORTED_MODULE_2__/* .joinPath */ .uJ)(p, 'type'),
                pos: at((0,_load__WEBPACK_IMPORTED_MODULE_2__/* .joinPath */ .uJ)(p, 'type')),
                hint: 'use string, number, bool, any, object, list(T) or map(T)',
            });
        }
    }
    for (const name of Object.keys(spec.locals)) {
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
            const p = (0,_load__WEBPACK_IMPORTED_MODULE_2__/* .joinPath */ .uJ)('locals', name);
            problems.push({
                message: `local name "${name}" is not valid`,
                path: p,
                pos: at(p, true),
                hint: 'use letters, digits and _ (it is referenced as local.NAME)',
            });
        }
    }
    for (const [name, src] of Object.entries(spec.sources)) {
        const p = (0,_load__WEBPACK_IMPORTED_MODULE_2__/* .joinPath */ .uJ)('sources', name);
        if (!NAME_RE.test(name))
            problems.push({
                message: `source name "${name}" is not valid`,
                path: p,
                pos: at(p, true),
                hint: 'use letters, digits, - and _',
            });
        if (!src || typeof src !== 'object' || Array.isArray(src)) {
            problems.push({
                message: 'a source is a mapping with a type, e.g. {type: docker, image: debian:bookworm}',
                path: p,
                pos: at(p),
            });
            continue;
        }
        // `type: null` is YAML's null, and can only mean Packer's null builder.
        if ('type' in src && src.type === null)
            src.type = 'null';
        const type = src.type;
        if (typeof type !== 'string') {
            problems.push({
                message: 'missing required key "type"',
                path: p,
                pos: at(p),
                hint: `builder types: ${registry.types('builder').join(', ')}`,
            });
            continue;
        }
        const info = registry.get('builder', type);
        if (!info) {
            const near = (0,_errors__WEBPACK_IMPORTED_MODULE_1__/* .didYouMean */ .au)(type, registry.types('builder'));
            problems.push({
                message: `unknown builder type "${type}"`,
                path: (0,_load__WEBPACK_IMPORTED_MODULE_2__/* .joinPath */ .uJ)(p, 'type'),
                pos: at((0,_load__WEBPACK_IMPORTED_MODULE_2__/* .joinPath */ .uJ)(p, 'type')),
                hint: near
                    ? `did you mean "${near}"?`
                    : `builder types: ${registry.types('builder').join(', ')}`,
            });
            continue;
        }
        (0,_schema__WEBPACK_IMPORTED_MODULE_3__/* .check */ .z6)(src, pluginSchema(info.schema, {}), p, ctx);
    }
    for (const [name, build] of Object.entries(spec.builds)) {
        const p = (0,_load__WEBPACK_IMPORTED_MODULE_2__/* .joinPath */ .uJ)('builds', name);
        if (!NAME_RE.test(name))
            problems.push({
                message: `build name "${name}" is not valid`,
                path: p,
                pos: at(p, true),
                hint: 'use letters, digits, - and _',
            });
        (0,_schema__WEBPACK_IMPORTED_MODULE_3__/* .check */ .z6)(build, _schema__WEBPACK_IMPORTED_MODULE_3__.s.object(buildFields), p, ctx);
        if (!build || typeof build !== 'object' || Array.isArray(build))
            continue;
        const srcNames = Array.isArray(build.sources) ? build.sources.map(String) : [];
        srcNames.forEach((sn, i) => {
            if (!(sn in spec.sources)) {
                const sp = (0,_load__WEBPACK_IMPORTED_MODULE_2__/* .joinPath */ .uJ)((0,_load__WEBPACK_IMPORTED_MODULE_2__/* .joinPath */ .uJ)(p, 'sources'), i);
                const near = (0,_errors__WEBPACK_IMPORTED_MODULE_1__/* .didYouMean */ .au)(sn, Object.keys(spec.sources));
                problems.push({
                    message: `build "${name}" uses source "${sn}", which is not defined`,
                    path: sp,
                    pos: at(sp),
                    hint: near
                        ? `did you mean "${near}"?`
                        : `defined sources: ${Object.keys(spec.sources).join(', ') || 'none'}`,
                });
            }
        });
        const provs = Array.isArray(build.provisioners) ? build.provisioners : [];
        provs.forEach((pv, i) => checkPlugin(pv, (0,_load__WEBPACK_IMPORTED_MODULE_2__/* .joinPath */ .uJ)((0,_load__WEBPACK_IMPORTED_MODULE_2__/* .joinPath */ .uJ)(p, 'provisioners'), i), 'provisioner', registry, ctx));
        if (build['error-cleanup-provisioner'] !== undefined)
            checkPlugin(build['error-cleanup-provisioner'], (0,_load__WEBPACK_IMPORTED_MODULE_2__/* .joinPath */ .uJ)(p, 'error-cleanup-provisioner'), 'provisioner', registry, ctx);
        const pps = Array.isArray(build['post-processors'])
            ? build['post-processors']
            : [];
        pps.forEach((pp, i) => {
            const pp0 = (0,_load__WEBPACK_IMPORTED_MODULE_2__/* .joinPath */ .uJ)((0,_load__WEBPACK_IMPORTED_MODULE_2__/* .joinPath */ .uJ)(p, 'post-processors'), i);
            if (Array.isArray(pp))
                pp.forEach((x, j) => checkPlugin(x, (0,_load__WEBPACK_IMPORTED_MODULE_2__/* .joinPath */ .uJ)(pp0, j), 'post-processor', registry, ctx));
            else
                checkPlugin(pp, pp0, 'post-processor', registry, ctx);
        });
    }
    checkExpressions(file.value, '', ctx.problems, file);
    if (problems.length)
        throw new _errors__WEBPACK_IMPORTED_MODULE_1__/* .SpecError */ .G8(problems);
    return spec;
}
function checkPlugin(value, path, kind, registry, ctx) {
    const common = kind === 'provisioner' ? _plugin_common__WEBPACK_IMPORTED_MODULE_4__/* .provisionerCommon */ .Q : _plugin_common__WEBPACK_IMPORTED_MODULE_4__/* .postProcessorCommon */ .W;
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
        ctx.problems.push({
            message: `a ${kind} is a mapping with a type, e.g. {type: shell, inline: [...]}`,
            path,
            pos: (0,_schema__WEBPACK_IMPORTED_MODULE_3__/* .positionOf */ .df)(ctx.file, path),
        });
        return;
    }
    const type = value.type;
    if (typeof type !== 'string') {
        ctx.problems.push({
            message: `missing required key "type"`,
            path,
            pos: (0,_schema__WEBPACK_IMPORTED_MODULE_3__/* .positionOf */ .df)(ctx.file, path),
            hint: `${kind} types: ${registry.types(kind).join(', ')}`,
        });
        return;
    }
    const info = registry.get(kind, type);
    if (!info) {
        const near = (0,_errors__WEBPACK_IMPORTED_MODULE_1__/* .didYouMean */ .au)(type, registry.types(kind));
        const tp = (0,_load__WEBPACK_IMPORTED_MODULE_2__/* .joinPath */ .uJ)(path, 'type');
        ctx.problems.push({
            message: `unknown ${kind} type "${type}"`,
            path: tp,
            pos: (0,_schema__WEBPACK_IMPORTED_MODULE_3__/* .positionOf */ .df)(ctx.file, tp),
            hint: near ? `did you mean "${near}"?` : `${kind} types: ${registry.types(kind).join(', ')}`,
        });
        return;
    }
    (0,_schema__WEBPACK_IMPORTED_MODULE_3__/* .check */ .z6)(value, pluginSchema(info.schema, common), path, ctx);
}
function containsTemplate(v) {
    if (typeof v === 'string')
        return (0,_expr__WEBPACK_IMPORTED_MODULE_5__/* .hasTemplate */ .rJ)(v);
    if (Array.isArray(v))
        return v.some(containsTemplate);
    if (v && typeof v === 'object')
        return Object.values(v).some(containsTemplate);
    return false;
}
/** Parses every `${...}` once up front so that syntax errors are reported with the rest. */
function checkExpressions(value, path, problems, file) {
    if (typeof value === 'string') {
        if (!(0,_expr__WEBPACK_IMPORTED_MODULE_5__/* .hasTemplate */ .rJ)(value))
            return;
        try {
            (0,_expr__WEBPACK_IMPORTED_MODULE_5__/* .parseTemplate */ .QC)(value);
        }
        catch (e) {
            if (!(e instanceof _expr__WEBPACK_IMPORTED_MODULE_5__/* .ExprError */ ._M))
                throw e;
            problems.push({
                message: `${e.message} in ${JSON.stringify(value.length > 60 ? value.slice(0, 60) + '…' : value)} at offset ${e.at}`,
                path,
                pos: (0,_schema__WEBPACK_IMPORTED_MODULE_3__/* .positionOf */ .df)(file, path),
                hint: e.hint,
            });
        }
        return;
    }
    if (Array.isArray(value))
        value.forEach((v, i) => checkExpressions(v, (0,_load__WEBPACK_IMPORTED_MODULE_2__/* .joinPath */ .uJ)(path, i), problems, file));
    else if (value && typeof value === 'object')
        for (const [k, v] of Object.entries(value))
            checkExpressions(v, (0,_load__WEBPACK_IMPORTED_MODULE_2__/* .joinPath */ .uJ)(path, k), problems, file);
}


/***/ }),

/***/ 49518:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $F: () => (/* binding */ parseVarType),
/* harmony export */   dC: () => (/* binding */ convertToType),
/* harmony export */   zH: () => (/* binding */ showVarType)
/* harmony export */ });
function parseVarType(text) {
    const t = text.replace(/\s+/g, '');
    if (t === 'string' || t === 'number' || t === 'bool' || t === 'any' || t === 'object')
        return { k: t };
    const m = /^(list|map|set)\((.*)\)$/.exec(t);
    if (m) {
        const of = m[2] === '' ? { k: 'any' } : parseVarType(m[2]);
        if (!of)
            return undefined;
        return { k: m[1] === 'map' ? 'map' : 'list', of };
    }
    return undefined;
}
function showVarType(t) {
    return t.k === 'list' || t.k === 'map' ? `${t.k}(${showVarType(t.of)})` : t.k;
}
/**
 * Converts a value to a declared type. Strings from the environment or the command line
 * convert the way a user expects ("3" to 3, "true" to true, JSON or YAML flow for lists).
 * Returns an error message, or the converted value. The message of a sensitive value names
 * its type only, never its text.
 */
function convertToType(value, type, fromText, sensitive = false) {
    const fail = (what) => ({
        ok: false,
        error: `expected ${what}, got ${describe(value, sensitive)}`,
    });
    switch (type.k) {
        case 'any':
            return { ok: true, value };
        case 'string':
            if (typeof value === 'string')
                return { ok: true, value };
            if (typeof value === 'number' || typeof value === 'boolean')
                return { ok: true, value: String(value) };
            return fail('a string');
        case 'number': {
            if (typeof value === 'number')
                return { ok: true, value };
            if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value)))
                return { ok: true, value: Number(value) };
            return fail('a number');
        }
        case 'bool':
            if (typeof value === 'boolean')
                return { ok: true, value };
            if (value === 'true' || value === 'false')
                return { ok: true, value: value === 'true' };
            return fail('true or false');
        case 'list':
        case 'map':
        case 'object': {
            let v = value;
            if (fromText && typeof v === 'string') {
                try {
                    v = JSON.parse(v);
                }
                catch {
                    return {
                        ok: false,
                        error: `expected ${type.k === 'list' ? 'a list' : 'a map'} written as JSON, like ${type.k === 'list' ? '["a","b"]' : '{"k":"v"}'}, got ${describe(value, sensitive)}`,
                    };
                }
            }
            if (type.k === 'list') {
                if (!Array.isArray(v))
                    return fail('a list');
                const out = [];
                for (const [i, x] of v.entries()) {
                    const r = convertToType(x, type.of, false, sensitive);
                    if (!r.ok)
                        return { ok: false, error: `element ${i}: ${r.error}` };
                    out.push(r.value);
                }
                return { ok: true, value: out };
            }
            if (v === null || typeof v !== 'object' || Array.isArray(v))
                return fail(type.k === 'map' ? 'a map' : 'an object');
            if (type.k === 'object')
                return { ok: true, value: v };
            const of = type.of;
            const out = {};
            for (const [k, x] of Object.entries(v)) {
                const r = convertToType(x, of, false, sensitive);
                if (!r.ok)
                    return { ok: false, error: `key "${k}": ${r.error}` };
                out[k] = r.value;
            }
            return { ok: true, value: out };
        }
    }
}
function describe(v, sensitive = false) {
    if (v === null || v === undefined)
        return 'null';
    if (Array.isArray(v))
        return 'a list';
    if (typeof v === 'object')
        return 'a map';
    if (sensitive)
        return `a sensitive ${typeof v === 'string' ? 'string' : typeof v}`;
    if (typeof v === 'string')
        return `"${v.length > 40 ? v.slice(0, 40) + '…' : v}"`;
    return String(v);
}


/***/ }),

/***/ 8330:
/***/ ((module) => {

module.exports = {"rE":"0.1.0"};

/***/ })

};
;
"use strict";
exports.id = 7175;
exports.ids = [7175];
exports.modules = {

/***/ 87175:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DockerClient: () => (/* binding */ DockerClient),
  splitReference: () => (/* binding */ splitReference)
});

// EXTERNAL MODULE: ./node_modules/dockerode/lib/container.js
var container = __webpack_require__(28521);
var container_default = /*#__PURE__*/__webpack_require__.n(container);
// EXTERNAL MODULE: ./node_modules/dockerode/lib/image.js
var lib_image = __webpack_require__(79607);
var image_default = /*#__PURE__*/__webpack_require__.n(lib_image);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:querystring"
var external_node_querystring_ = __webpack_require__(41792);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
;// CONCATENATED MODULE: ./src/util/docker-engine.ts
/**
 * How bake reaches the Docker Engine API: requests over the engine's unix socket or TCP
 * address (with TLS when DOCKER_TLS_VERIFY is set) on node:http, in the calling convention
 * dockerode's container, image and exec objects use (`dial`), and the two stream helpers
 * the API needs (the multiplexed output of exec and logs, and newline-delimited progress).
 *
 * docker-modem, dockerode's usual transport, loads an SSH client as it loads (about 10 ms of
 * every build's start, measured with `node --cpu-prof`); it is loaded only for an ssh://
 * DOCKER_HOST, which needs it.
 */





/** The engine DOCKER_HOST names, as the docker CLI reads it. */
function engineAddress(env = process.env) {
    const host = env.DOCKER_HOST;
    if (!host) {
        const system = '/var/run/docker.sock';
        const desktop = (0,external_node_path_.join)((0,external_node_os_.homedir)(), '.docker/run/docker.sock');
        return { socketPath: (0,external_node_fs_.existsSync)(system) || !(0,external_node_fs_.existsSync)(desktop) ? system : desktop };
    }
    if (host.startsWith('unix://'))
        return { socketPath: host.slice(7) || '/var/run/docker.sock' };
    if (host.startsWith('tcp://') || host.startsWith('http://') || host.startsWith('https://')) {
        const u = new URL(host.replace(/^tcp:/, 'http:'));
        const verify = !!env.DOCKER_TLS_VERIFY && env.DOCKER_TLS_VERIFY !== '0';
        const certs = env.DOCKER_CERT_PATH ?? (0,external_node_path_.join)((0,external_node_os_.homedir)(), '.docker');
        const tls = verify || host.startsWith('https://')
            ? {
                ca: (0,external_node_fs_.readFileSync)((0,external_node_path_.join)(certs, 'ca.pem')),
                cert: (0,external_node_fs_.readFileSync)((0,external_node_path_.join)(certs, 'cert.pem')),
                key: (0,external_node_fs_.readFileSync)((0,external_node_path_.join)(certs, 'key.pem')),
            }
            : undefined;
        return {
            host: u.hostname,
            port: Number(u.port || (tls ? 2376 : 2375)),
            ...(tls ? { tls } : {}),
        };
    }
    return { ssh: true };
}
/** An engine error as bake reports it: the status, what it means for this call, the cause. */
class EngineError extends Error {
    statusCode;
    reason;
    json;
    constructor(statusCode, reason, json, cause) {
        super(`(HTTP code ${statusCode}) ${reason ?? 'unexpected'} - ${cause} `);
        this.statusCode = statusCode;
        this.reason = reason;
        this.json = json;
    }
}
/** Query text for a path that ends in `?`: objects as JSON, as the API takes filters. */
function query(opts) {
    const flat = {};
    for (const [k, v] of Object.entries(opts))
        flat[k] = v && typeof v === 'object' && !Array.isArray(v) ? JSON.stringify(v) : v;
    return (0,external_node_querystring_.stringify)(flat);
}
function bodyText(buf) {
    const text = buf.toString();
    try {
        return JSON.parse(text);
    }
    catch {
        return text.length ? text : buf;
    }
}
function causeOf(body) {
    if (body && typeof body === 'object' && 'message' in body)
        return String(body.message);
    return Buffer.isBuffer(body) ? body.toString() : String(body);
}
class EngineTransport {
    address;
    Promise = Promise;
    sshModem;
    /** node:http, or node:https for an engine behind TLS: chosen once, for every call. */
    http;
    constructor(address = engineAddress()) {
        this.address = address;
        this.http =
            'tls' in address && address.tls
                ? process.getBuiltinModule('node:https')
                : process.getBuiltinModule('node:http');
    }
    dial(o, cb) {
        if ('ssh' in this.address) {
            this.sshModem ??= Promise.all(/* import() */[__webpack_require__.e(5472), __webpack_require__.e(2830), __webpack_require__.e(7133)]).then(__webpack_require__.t.bind(__webpack_require__, 47133, 23)).then(({ default: Modem }) => new Modem());
            this.sshModem.then((m) => m.dial(o, cb), (e) => cb(e, null));
            return;
        }
        this.send(o).then((data) => cb(null, data), (err) => cb(err, null));
    }
    async send(o) {
        const opts = o.options ? { ...o.options } : undefined;
        // What rides along in the options but is not a parameter of the API.
        if (opts) {
            delete opts.authconfig;
            delete opts.abortSignal;
        }
        let path = o.path;
        if (path.includes('?')) {
            const q = opts && Object.keys(opts).length ? query(opts._query ?? opts) : '';
            path = q ? path + q : path.slice(0, -1);
        }
        const headers = {};
        if (o.authconfig)
            headers['X-Registry-Auth'] =
                o.authconfig.key ??
                    o.authconfig.base64 ??
                    Buffer.from(JSON.stringify(o.authconfig)).toString('base64url');
        let body;
        if (o.file) {
            body =
                typeof o.file === 'string' ? (0,external_node_fs_.createReadStream)(o.file) : o.file;
            headers['Content-Type'] = 'application/tar';
        }
        else if (opts && o.method === 'POST') {
            const json = JSON.stringify(opts._body ?? opts);
            if (o.allowEmpty || (json !== '{}' && json !== '""')) {
                body = json;
                headers['Content-Type'] = 'application/json';
            }
        }
        if (typeof body === 'string')
            headers['Content-Length'] = Buffer.byteLength(body);
        if (o.hijack) {
            headers.Connection = 'Upgrade';
            headers.Upgrade = 'tcp';
        }
        const a = this.address;
        const ro = {
            path,
            method: o.method,
            headers,
            ...(o.abortSignal ? { signal: o.abortSignal } : {}),
            ...('socketPath' in a ? { socketPath: a.socketPath } : { host: a.host, port: a.port }),
            ...('tls' in a && a.tls ? a.tls : {}),
        };
        return new Promise((resolve, reject) => {
            let done = false;
            const settle = (f) => {
                if (!done) {
                    done = true;
                    f();
                }
            };
            const req = this.http.request(ro);
            req.on('error', (e) => settle(() => reject(e)));
            if (o.hijack)
                req.on('upgrade', (_res, socket, head) => settle(() => {
                    if (head.length)
                        socket.unshift(head);
                    resolve(socket);
                }));
            req.on('response', (res) => {
                const ok = o.statusCodes[res.statusCode ?? 0] === true;
                if (ok && o.isStream)
                    return settle(() => resolve(o.openStdin ? joined(req, res) : res));
                const chunks = [];
                res.on('data', (c) => chunks.push(c));
                res.on('error', (e) => settle(() => reject(e)));
                res.on('end', () => {
                    const parsed = bodyText(Buffer.concat(chunks));
                    settle(() => {
                        if (ok)
                            resolve(parsed);
                        else {
                            const why = o.statusCodes[res.statusCode ?? 0];
                            reject(new EngineError(res.statusCode ?? 0, typeof why === 'string' ? why : undefined, parsed, causeOf(parsed)));
                        }
                    });
                });
            });
            if (typeof body === 'string')
                req.end(body);
            else if (body) {
                body.on('error', (e) => req.destroy(e));
                body.pipe(req);
            }
            else if (!o.openStdin)
                req.end();
        });
    }
    /**
     * Splits the engine's multiplexed stream (an 8-byte header of kind and length before each
     * frame) into stdout and stderr. A stream that is not multiplexed (a TTY) goes to stdout.
     */
    demuxStream(stream, stdout, stderr) {
        let pending = Buffer.alloc(0);
        let raw = false;
        stream.on('data', (chunk) => {
            if (raw)
                return void stdout.write(chunk);
            pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
            while (pending.length >= 8) {
                const kind = pending[0];
                if (kind > 2 || pending[1] || pending[2] || pending[3]) {
                    raw = true;
                    stdout.write(pending);
                    pending = Buffer.alloc(0);
                    return;
                }
                const size = pending.readUInt32BE(4);
                if (pending.length < 8 + size)
                    return;
                (kind === 2 ? stderr : stdout).write(pending.subarray(8, 8 + size));
                pending = pending.subarray(8 + size);
            }
        });
    }
    /**
     * Reads a progress stream (one JSON object a line) to its end: onProgress sees each event,
     * onFinished the error (a stream error, or a line that is not JSON) or every event.
     */
    followProgress(stream, onFinished, onProgress) {
        const events = [];
        let text = '';
        let finished = false;
        const finish = (err) => {
            if (finished)
                return;
            finished = true;
            onFinished(err, events);
        };
        stream.on('data', (chunk) => {
            text += chunk.toString();
            let nl;
            while ((nl = text.indexOf('\n')) >= 0) {
                const line = text.slice(0, nl).replace(/\r$/, '');
                text = text.slice(nl + 1);
                if (!line)
                    continue;
                let event;
                try {
                    event = JSON.parse(line);
                }
                catch (e) {
                    return finish(e);
                }
                events.push(event);
                onProgress?.(event);
            }
        });
        stream.on('error', (e) => finish(e));
        stream.on('end', () => finish(null));
        stream.on('close', () => finish(null));
    }
}
/** A request still open for writing and its response, as one stream. */
function joined(req, res) {
    const d = new external_node_stream_.Duplex({
        write(chunk, enc, cb) {
            req.write(chunk, enc, cb);
        },
        final(cb) {
            req.end(cb);
        },
        read() {
            res.resume();
        },
    });
    res.on('data', (c) => {
        if (!d.push(c))
            res.pause();
    });
    res.on('end', () => d.push(null));
    res.on('error', (e) => d.destroy(e));
    return d;
}

;// CONCATENATED MODULE: ./src/util/dockerode-client.ts
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
    constructor(address) {
        this.modem = new EngineTransport(address);
    }
    call(opts) {
        return new Promise((res, rej) => this.modem.dial(opts, (err, data) => (err ? rej(err) : res(data))));
    }
    getContainer(id) {
        return new (container_default())(this.modem, id);
    }
    getImage(name) {
        return new (image_default())(this.modem, name);
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
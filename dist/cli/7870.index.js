"use strict";
exports.id = 7870;
exports.ids = [7870];
exports.modules = {

/***/ 53661:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   b: () => (/* binding */ sshOptions),
/* harmony export */   f: () => (/* binding */ temporaryKeyPair)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var ssh2__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(85472);
/* harmony import */ var ssh2__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(ssh2__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _spec_schema__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(47280);
/* harmony import */ var _engine_errors__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(17679);
/* harmony import */ var _util_redact__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(50767);
/**
 * The ssh_* settings every builder that reaches a machine over SSH shares (Packer's names),
 * and their translation into SshOptions.
 */







function readKey(path, specDir, what) {
    const full = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(specDir, path);
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(full);
    }
    catch (e) {
        throw new _engine_errors__WEBPACK_IMPORTED_MODULE_5__/* .BuildError */ .z(`${what} ${path} cannot be read: ${e.code}`, `paths are relative to the spec's directory (${specDir})`);
    }
}
function checkKey(key, passphrase, what) {
    const parsed = ssh2__WEBPACK_IMPORTED_MODULE_3___default().utils.parseKey(key, passphrase);
    if (parsed instanceof Error) {
        const enc = /encrypted|passphrase/i.test(parsed.message);
        throw new _engine_errors__WEBPACK_IMPORTED_MODULE_5__/* .BuildError */ .z(`${what} is not a usable private key: ${parsed.message}`, enc
            ? 'set ssh_private_key_passphrase'
            : 'use an OpenSSH or PEM private key (RSA, ECDSA or ed25519)');
    }
}
/** Reads the ssh_* settings; `host` and `username` may come from the builder instead. */
function sshOptions(c, specDir, over = {}) {
    const host = over.host ?? c.ssh_host;
    const username = over.username ?? c.ssh_username;
    if (!host)
        throw new _engine_errors__WEBPACK_IMPORTED_MODULE_5__/* .BuildError */ .z('no SSH host', 'set ssh_host');
    if (!username)
        throw new _engine_errors__WEBPACK_IMPORTED_MODULE_5__/* .BuildError */ .z('no SSH user', 'set ssh_username');
    const passphrase = c.ssh_private_key_passphrase;
    let privateKey = over.privateKey;
    if (privateKey === undefined && typeof c.ssh_private_key === 'string')
        privateKey = c.ssh_private_key;
    if (privateKey === undefined && typeof c.ssh_private_key_file === 'string')
        privateKey = readKey(c.ssh_private_key_file, specDir, 'ssh_private_key_file');
    if (privateKey !== undefined) {
        checkKey(privateKey, passphrase, 'the SSH private key');
        (0,_util_redact__WEBPACK_IMPORTED_MODULE_6__/* .addSecret */ .Ck)(privateKey.toString());
    }
    const password = over.password ?? c.ssh_password;
    if (password)
        (0,_util_redact__WEBPACK_IMPORTED_MODULE_6__/* .addSecret */ .Ck)(password);
    if (passphrase)
        (0,_util_redact__WEBPACK_IMPORTED_MODULE_6__/* .addSecret */ .Ck)(passphrase);
    const agent = c.ssh_agent_auth === true ? process.env.SSH_AUTH_SOCK : undefined;
    if (c.ssh_agent_auth === true && !agent)
        throw new _engine_errors__WEBPACK_IMPORTED_MODULE_5__/* .BuildError */ .z('ssh_agent_auth is set but SSH_AUTH_SOCK is not', 'start an agent (eval $(ssh-agent)) and add the key (ssh-add)');
    if (password === undefined && privateKey === undefined && !agent) {
        throw new _engine_errors__WEBPACK_IMPORTED_MODULE_5__/* .BuildError */ .z('no SSH credentials', 'set ssh_password, ssh_private_key_file, ssh_private_key or ssh_agent_auth');
    }
    let bastion;
    if (typeof c.ssh_bastion_host === 'string') {
        const bk = typeof c.ssh_bastion_private_key_file === 'string'
            ? readKey(c.ssh_bastion_private_key_file, specDir, 'ssh_bastion_private_key_file')
            : undefined;
        if (bk)
            checkKey(bk, undefined, 'the bastion private key');
        if (typeof c.ssh_bastion_password === 'string')
            (0,_util_redact__WEBPACK_IMPORTED_MODULE_6__/* .addSecret */ .Ck)(c.ssh_bastion_password);
        bastion = {
            host: c.ssh_bastion_host,
            port: Number(c.ssh_bastion_port ?? 22),
            username: String(c.ssh_bastion_username ?? username),
            password: c.ssh_bastion_password,
            privateKey: bk,
            agent: c.ssh_bastion_agent_auth === true ? process.env.SSH_AUTH_SOCK : undefined,
        };
    }
    return {
        host,
        port: Number(over.port ?? c.ssh_port ?? 22),
        username,
        password,
        privateKey,
        passphrase,
        agent,
        timeoutMs: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_4__/* .parseDuration */ .E9)(c.ssh_timeout ?? '5m') ?? 300_000,
        handshakeAttempts: Number(c.ssh_handshake_attempts ?? 10),
        keepAliveMs: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_4__/* .parseDuration */ .E9)(c.ssh_keep_alive_interval ?? '5s') ?? 5000,
        pty: c.ssh_pty === true,
        transfer: c.ssh_file_transfer_method === 'sftp' ? 'sftp' : 'stream',
        hostKey: c.ssh_host_key,
        knownHostsFile: typeof c.ssh_known_hosts_file === 'string'
            ? (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(specDir, c.ssh_known_hosts_file)
            : undefined,
        bastion,
    };
}
/** A temporary key pair for one build: ed25519 by default, or RSA (3072 bits). */
function temporaryKeyPair(type = 'ed25519', comment = 'bake-temporary') {
    if (type === 'rsa') {
        const pair = ssh2__WEBPACK_IMPORTED_MODULE_3___default().utils.generateKeyPairSync('rsa', { bits: 3072, comment });
        (0,_util_redact__WEBPACK_IMPORTED_MODULE_6__/* .addSecret */ .Ck)(pair.private);
        return { privateKey: pair.private, publicKey: pair.public };
    }
    const pair = ed25519OpenSsh(comment);
    (0,_util_redact__WEBPACK_IMPORTED_MODULE_6__/* .addSecret */ .Ck)(pair.privateKey);
    return pair;
}
/**
 * An ed25519 key in OpenSSH's own format, written from the raw halves Node's crypto gives.
 * (ssh2's generator drops leading zero bytes of the public key, so about one key in 128
 * came out 31 bytes long and neither ssh2 nor OpenSSH could read it.)
 */
function ed25519OpenSsh(comment) {
    const { publicKey, privateKey } = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.generateKeyPairSync)('ed25519');
    const jwk = privateKey.export({ format: 'jwk' });
    const pub = Buffer.from(publicKey.export({ format: 'jwk' }).x, 'base64url');
    const seed = Buffer.from(jwk.d, 'base64url');
    const str = (b) => {
        const data = typeof b === 'string' ? Buffer.from(b) : b;
        const len = Buffer.alloc(4);
        len.writeUInt32BE(data.length);
        return Buffer.concat([len, data]);
    };
    const u32 = (n) => {
        const b = Buffer.alloc(4);
        b.writeUInt32BE(n >>> 0);
        return b;
    };
    const blob = Buffer.concat([str('ssh-ed25519'), str(pub)]);
    const check = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(4).readUInt32BE();
    let secret = Buffer.concat([
        u32(check),
        u32(check),
        str('ssh-ed25519'),
        str(pub),
        str(Buffer.concat([seed, pub])),
        str(comment),
    ]);
    const pad = (8 - (secret.length % 8)) % 8;
    secret = Buffer.concat([secret, Buffer.from(Array.from({ length: pad }, (_, i) => i + 1))]);
    const body = Buffer.concat([
        Buffer.from('openssh-key-v1\0'),
        str('none'),
        str('none'),
        str(''),
        u32(1),
        str(blob),
        str(secret),
    ]).toString('base64');
    const lines = body.match(/.{1,70}/g).join('\n');
    return {
        privateKey: `-----BEGIN OPENSSH PRIVATE KEY-----\n${lines}\n-----END OPENSSH PRIVATE KEY-----\n`,
        publicKey: `ssh-ed25519 ${blob.toString('base64')} ${comment}`,
    };
}


/***/ }),

/***/ 80571:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ne: () => (/* binding */ writeBatched),
/* harmony export */   Qz: () => (/* binding */ extractInto),
/* harmony export */   jG: () => (/* binding */ packDirectory),
/* harmony export */   qt: () => (/* binding */ packFile)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(46466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var tar_stream__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(56118);
/** Tar streams for uploads and downloads, shared by the communicators. */




/**
 * A tar extractor that writes files and directories (modes kept) under `target`.
 * `relativeName` maps an entry to its path below target ('' for target itself), or
 * undefined to skip it. Nothing is ever written outside target, whatever the archive says.
 */
function extractInto(target, relativeName) {
    const extract = tar_stream__WEBPACK_IMPORTED_MODULE_3__.extract();
    extract.on('entry', (header, body, next) => {
        const rel = relativeName(header);
        const out = rel ? (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(target, rel) : target;
        const inside = rel !== undefined &&
            !rel.startsWith('..') &&
            (out === target || out.startsWith(target + '/'));
        if (inside && header.type === 'directory') {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)(out, { recursive: true, mode: header.mode });
        }
        else if (inside && header.type === 'file') {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(out), { recursive: true });
            (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_2__.pipeline)(body, (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createWriteStream)(out, { mode: header.mode })).then(() => next(), next);
            return;
        }
        body.resume();
        next();
    });
    return extract;
}
/** Files up to this size go into the archive from memory, without a stream each. */
const SMALL = 256 * 1024;
/** Streams one local file into the archive as `name`, mode kept. */
function packFile(pack, path, name, mode, size, owner) {
    const header = { name, mode: mode & 0o7777, size, ...(owner ?? {}) };
    if (size <= SMALL) {
        // A read stream (or an async read) per small file costs more than the file itself.
        const data = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path);
        if (data.length !== size)
            return Promise.reject(new Error(`${path} changed while it was being packed`));
        pack.entry(header, data);
        return Promise.resolve();
    }
    return new Promise((res, rej) => {
        const entry = pack.entry(header, (err) => (err ? rej(err) : res()));
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createReadStream)(path).on('error', rej).pipe(entry);
    });
}
/**
 * Adds a local directory's tree under `prefix` (an entry for prefix itself when it is not
 * empty), modes kept, symlinks as links, in a stable order.
 */
async function packDirectory(pack, dir, prefix, owner) {
    if (prefix)
        pack.entry({
            name: prefix + '/',
            type: 'directory',
            mode: (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(dir).mode & 0o7777,
            ...(owner ?? {}),
        });
    for (const name of (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(dir).sort()) {
        const p = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, name);
        const s = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(p);
        const inTar = prefix ? `${prefix}/${name}` : name;
        if (s.isDirectory())
            await packDirectory(pack, p, inTar, owner);
        else if (s.isSymbolicLink())
            pack.entry({ name: inTar, type: 'symlink', linkname: (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readlinkSync)(p), ...(owner ?? {}) });
        else if (s.isFile())
            await packFile(pack, p, inTar, s.mode, s.size, owner);
    }
}
/**
 * Copies a stream into a writable in batches of up to `max` bytes: one SSH packet run per
 * batch instead of one per tar header, body and padding. Respects backpressure.
 */
async function writeBatched(from, to, max = 512 * 1024) {
    let parts = [];
    let size = 0;
    // A stream the other end closed never drains again: stop instead of waiting for good.
    let closed = false;
    const onClose = () => (closed = true);
    to.once('close', onClose);
    const flush = async () => {
        if (!size)
            return;
        if (closed)
            throw new Error('the other end closed the stream');
        const ok = to.write(parts.length === 1 ? parts[0] : Buffer.concat(parts, size));
        parts = [];
        size = 0;
        if (!ok)
            await new Promise((res, rej) => {
                const drained = () => (to.off('close', gone), res());
                const gone = () => (to.off('drain', drained),
                    rej(new Error('the other end closed the stream')));
                to.once('drain', drained);
                to.once('close', gone);
            });
    };
    for await (const chunk of from) {
        parts.push(chunk);
        size += chunk.length;
        if (size >= max)
            await flush();
    }
    await flush();
    to.off('close', onClose);
    to.end();
}


/***/ }),

/***/ 17870:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  L: () => (/* binding */ connectSsh)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:stream/promises"
var promises_ = __webpack_require__(46466);
// EXTERNAL MODULE: ./node_modules/ssh2/lib/index.js
var lib = __webpack_require__(85472);
var lib_default = /*#__PURE__*/__webpack_require__.n(lib);
// EXTERNAL MODULE: ./node_modules/tar-stream/index.js
var tar_stream = __webpack_require__(56118);
// EXTERNAL MODULE: ./src/communicators/tar.ts
var tar = __webpack_require__(80571);
// EXTERNAL MODULE: ./src/communicators/communicator.ts
var communicator = __webpack_require__(54717);
// EXTERNAL MODULE: ./src/engine/errors.ts
var errors = __webpack_require__(17679);
// EXTERNAL MODULE: ./src/engine/steps.ts
var steps = __webpack_require__(54277);
;// CONCATENATED MODULE: ./src/communicators/ssh.ts
/**
 * SSH communicator on ssh2: one connection per build, reused by every provisioner and
 * re-established after a reboot. Connects in a loop until ssh_timeout, surviving refused
 * connections, unreachable hosts and banner timeouts while a machine boots; stops early
 * when the credentials are plainly wrong.
 */










/** The connection dropped while a command ran (a reboot, a network blip). */
class DisconnectedError extends Error {
    constructor(message = 'the SSH connection dropped') {
        super(message);
        this.name = 'DisconnectedError';
    }
}
function fingerprint(key) {
    return 'SHA256:' + (0,external_node_crypto_.createHash)('sha256').update(key).digest('base64').replace(/=+$/, '');
}
function keyBlobOf(line) {
    const parts = line.trim().split(/\s+/);
    for (const p of parts) {
        if (/^AAAA[0-9A-Za-z+/]+=*$/.test(p))
            return Buffer.from(p, 'base64');
    }
    return undefined;
}
/** Host keys a known_hosts file lists for host:port (plain entries; hashed ones too). */
function knownHostKeys(file, host, port) {
    const names = port === 22 ? [host, `[${host}]:22`] : [`[${host}]:${port}`];
    const out = [];
    for (const line of (0,external_node_fs_.readFileSync)(file, 'utf8').split('\n')) {
        const t = line.trim();
        if (!t || t.startsWith('#'))
            continue;
        const [hosts, ...rest] = t.split(/\s+/);
        const matches = hosts.split(',').some((h) => {
            if (h.startsWith('|1|')) {
                const [, , salt, hash] = h.split('|');
                return salt !== undefined && names.some((n) => hmacMatches(salt, n, hash));
            }
            return names.includes(h);
        });
        if (!matches)
            continue;
        const blob = keyBlobOf(rest.join(' '));
        if (blob)
            out.push(blob);
    }
    return out;
}
function hmacMatches(salt, name, hash) {
    return (0,external_node_crypto_.createHmac)('sha1', Buffer.from(salt, 'base64')).update(name).digest('base64') === hash;
}
function describeConnectError(e) {
    if (e.level === 'client-authentication')
        return 'authentication failed';
    switch (e.code) {
        case 'ECONNREFUSED':
            return 'connection refused (sshd not listening yet?)';
        case 'EHOSTUNREACH':
        case 'ENETUNREACH':
            return 'no route to host';
        case 'ETIMEDOUT':
            return 'connection timed out';
        case 'ECONNRESET':
            return 'connection reset';
        default:
            return e.message;
    }
}
/** Connects once; resolves with a ready client or rejects with ssh2's error. */
function connectOnce(cfg, signal) {
    return new Promise((res, rej) => {
        const client = new (lib_default()).Client();
        const onAbort = () => {
            client.destroy();
            rej(signal.reason instanceof Error ? signal.reason : new Error('cancelled'));
        };
        signal.addEventListener('abort', onAbort, { once: true });
        client.once('ready', () => {
            signal.removeEventListener('abort', onAbort);
            res(client);
        });
        // ssh2 may emit several errors for one failure (and more after `ready`); an emitter
        // without a listener would throw them at the process, so one stays attached for good.
        client.on('error', (e) => {
            signal.removeEventListener('abort', onAbort);
            client.destroy();
            rej(e);
        });
        client.connect(cfg);
        // Nagle's algorithm holds each small request (a channel open, then its exec) until the
        // previous one is acknowledged, and the server delays that ACK: ~85 ms per command.
        client.setNoDelay(true);
    });
}
class SshCommunicator {
    o;
    client;
    bastion;
    sftpSession;
    /** Whether the machine has each tool a stream transfer needs (`cat`, `tar`); unknown until tried. */
    hasTool = new Map();
    /** The host key each endpoint (target, bastion) proved, by `host:port`; held for the build. */
    hostKeys = new Map();
    constructor(o) {
        this.o = o;
    }
    describe() {
        const via = this.o.bastion
            ? ` -J ${this.o.bastion.username}@${this.o.bastion.host}:${this.o.bastion.port}`
            : '';
        return `ssh${via} -p ${this.o.port} ${this.o.username}@${this.o.host}`;
    }
    /**
     * Checks a host key: against the pin (ssh_host_key, the target only), else the known_hosts
     * file (the target and the bastion alike), else trust on first use: the first key an
     * endpoint shows is logged, and every later connection of the build is held to it.
     */
    hostVerifier(host, port, pin) {
        const id = `${host}:${port}`;
        return (key) => {
            const fp = fingerprint(key);
            let ok;
            if (pin) {
                const want = pin.trim();
                const blob = keyBlobOf(want);
                ok = blob ? blob.equals(key) : want.replace(/=+$/, '') === fp;
            }
            else if (this.o.knownHostsFile) {
                ok = knownHostKeys(this.o.knownHostsFile, host, port).some((k) => k.equals(key));
            }
            else {
                const first = this.hostKeys.get(id);
                if (!first)
                    this.o.log?.(`host key of ${host}:${port} is ${fp}${id === `${this.o.host}:${this.o.port}` ? ' (pin it with ssh_host_key)' : ''}`);
                ok = !first || first.equals(key);
            }
            if (!ok) {
                this.o.log?.(`host key of ${host}:${port} (${fp}) is not the expected one; not connecting`);
                return false;
            }
            this.hostKeys.set(id, Buffer.from(key));
            return true;
        };
    }
    /**
     * The host keys this communicator verified, as known_hosts lines, so another SSH client
     * (Ansible) can hold the same machines to the same keys. Connects first if it has not.
     */
    async knownHosts(signal) {
        await this.ready(signal);
        const lines = [];
        for (const [id, key] of this.hostKeys) {
            const cut = id.lastIndexOf(':');
            const host = id.slice(0, cut);
            const port = Number(id.slice(cut + 1));
            const type = key.length > 4 ? key.subarray(4, 4 + key.readUInt32BE(0)).toString() : '';
            lines.push(`${port === 22 ? host : `[${host}]:${port}`} ${type} ${key.toString('base64')}`);
        }
        return lines.join('\n') + (lines.length ? '\n' : '');
    }
    auth(e) {
        return {
            username: e.username,
            ...(e.password !== undefined ? { password: e.password } : {}),
            ...(e.privateKey !== undefined ? { privateKey: e.privateKey, passphrase: e.passphrase } : {}),
            ...(e.agent ? { agent: e.agent } : {}),
            tryKeyboard: e.password !== undefined,
        };
    }
    /** Connects (again) within ssh_timeout, or the given budget after a reboot. */
    async connect(signal, budgetMs = this.o.timeoutMs) {
        const deadline = Date.now() + budgetMs;
        let authFailures = 0;
        let lastError;
        let wait = 250;
        for (let attempt = 1;; attempt++) {
            if (signal.aborted)
                throw signal.reason instanceof Error ? signal.reason : new Error('cancelled');
            try {
                await this.connectThroughBastion(signal, Math.max(1000, Math.min(20_000, deadline - Date.now())));
                if (attempt > 1)
                    this.o.log?.(`connected to ${this.o.host}:${this.o.port} after ${attempt} attempts`);
                return;
            }
            catch (e) {
                if (signal.aborted)
                    throw e;
                const err = e;
                lastError = describeConnectError(err);
                if (err.level === 'client-authentication') {
                    authFailures++;
                    if (authFailures >= this.o.handshakeAttempts) {
                        throw new errors/* BuildError */.z(`SSH authentication as "${this.o.username}" on ${this.o.host}:${this.o.port} failed ${authFailures} times`, this.o.password !== undefined
                            ? 'check ssh_username and ssh_password'
                            : 'check ssh_username and that the private key matches an authorized key on the machine');
                    }
                }
                if (err instanceof errors/* BuildError */.z)
                    throw err;
                if (Date.now() + wait > deadline) {
                    throw new errors/* BuildError */.z(`could not connect to ${this.o.host}:${this.o.port} over SSH within ${Math.round(budgetMs / 1000)}s (${attempt} attempts); last error: ${lastError}`, lastError.startsWith('connection refused')
                        ? 'the machine answers but sshd does not: is it installed and started?'
                        : lastError.startsWith('no route') || lastError.includes('timed out')
                            ? 'the address is not reachable from here: check the network, security group / firewall and ssh_interface'
                            : 'raise ssh_timeout if the machine boots slowly');
                }
                if (attempt === 1 || attempt % 10 === 0)
                    this.o.log?.(`waiting for SSH on ${this.o.host}:${this.o.port}: ${lastError}`);
                await (0,steps/* sleep */.yy)(wait, signal);
                wait = Math.min(wait * 2, 2000);
            }
        }
    }
    async connectThroughBastion(signal, readyTimeout) {
        this.closeQuietly();
        const common = {
            readyTimeout,
            keepaliveInterval: this.o.keepAliveMs,
            keepaliveCountMax: 3,
            algorithms: {
                // Ciphers whose work OpenSSL does first (ssh2 runs without its native addon here);
                // GCM first: one OpenSSL call per packet where CTR needs a cipher and an HMAC
                // (100 MiB into cat: 0.68 s against 0.78 s).
                cipher: [
                    'aes128-gcm@openssh.com',
                    'aes256-gcm@openssh.com',
                    'aes128-ctr',
                    'aes256-ctr',
                    'chacha20-poly1305@openssh.com',
                ],
                hmac: [
                    'hmac-sha2-256-etm@openssh.com',
                    'hmac-sha2-512-etm@openssh.com',
                    'hmac-sha2-256',
                    'hmac-sha2-512',
                ],
                serverHostKey: [
                    'ssh-ed25519',
                    'ecdsa-sha2-nistp256',
                    'ecdsa-sha2-nistp384',
                    'ecdsa-sha2-nistp521',
                    'rsa-sha2-512',
                    'rsa-sha2-256',
                    'ssh-rsa',
                ],
            },
        };
        let sock;
        if (this.o.bastion) {
            const b = this.o.bastion;
            this.bastion = await connectOnce({
                ...common,
                host: b.host,
                port: b.port,
                ...this.auth(b),
                hostVerifier: this.hostVerifier(b.host, b.port),
            }, signal);
            sock = await new Promise((res, rej) => this.bastion.forwardOut('127.0.0.1', 0, this.o.host, this.o.port, (err, stream) => err ? rej(err) : res(stream)));
        }
        this.client = await connectOnce({
            ...common,
            ...(sock ? { sock } : { host: this.o.host, port: this.o.port }),
            ...this.auth(this.o),
            hostVerifier: this.hostVerifier(this.o.host, this.o.port, this.o.hostKey),
        }, signal);
        this.client.on('error', () => undefined);
        this.client.on('close', () => {
            this.client = undefined;
            this.sftpSession = undefined;
        });
    }
    async ready(signal) {
        if (!this.client)
            await this.connect(signal);
        return this.client;
    }
    async exec(command, o) {
        const client = await this.ready(o.signal);
        const tail = (0,communicator/* tailKeeper */.L3)();
        const out = new communicator/* LineSplitter */.g3((l) => (tail.push(l), o.onStdout?.(l)));
        const err = new communicator/* LineSplitter */.g3((l) => (tail.push(l), o.onStderr?.(l)));
        const envPrefix = o.env && Object.keys(o.env).length
            ? Object.entries(o.env)
                .map(([k, v]) => `${k}=${(0,communicator/* shQuote */.US)(v)}`)
                .join(' ') + ' '
            : '';
        const full = envPrefix ? `export ${envPrefix.trim()}; ${command}` : command;
        const code = await (0,steps/* raceSignal */.WU)(new Promise((resolveCode, rejectCode) => {
            const onClose = () => rej(new DisconnectedError());
            const res = (c) => {
                client.off('close', onClose);
                resolveCode(c);
            };
            const rej = (e) => {
                client.off('close', onClose);
                rejectCode(e);
            };
            client.once('close', onClose);
            client.exec(full, this.o.pty ? { pty: true } : {}, (e, stream) => {
                if (e)
                    return rej(e);
                let exitCode;
                stream.on('data', (d) => out.write(d));
                stream.stderr.on('data', (d) => err.write(d));
                stream.on('exit', (c, sig) => {
                    exitCode = c ?? (sig ? 128 : -1);
                });
                stream.on('close', () => {
                    out.end();
                    err.end();
                    if (exitCode === undefined)
                        rej(new DisconnectedError());
                    else
                        res(exitCode);
                });
            });
        }), o.signal);
        return { exitCode: code, tail: tail.lines };
    }
    async sftp(signal) {
        const client = await this.ready(signal);
        if (this.sftpSession)
            return this.sftpSession;
        this.sftpSession = await new Promise((res, rej) => client.sftp((e, s) => (e ? rej(e) : res(s))));
        return this.sftpSession;
    }
    /**
     * Runs a command that reads or writes a stream (`tool` is `cat` or `tar`) in one exec that
     * first checks the tool is there. `wire` feeds or drains the channel (what it returns is
     * awaited before the result; if it fails, the channel is closed and its error returned).
     * Returns undefined, and remembers it, when the machine has no such tool: the transfer
     * then uses SFTP. Never used with `ssh_file_transfer_method: sftp`.
     */
    async streamExec(tool, script, wire, signal) {
        if (this.o.transfer === 'sftp' || this.hasTool.get(tool) === false)
            return undefined;
        const client = await this.ready(signal);
        const r = await (0,steps/* raceSignal */.WU)(new Promise((res, rej) => {
            client.exec(`command -v ${tool} >/dev/null 2>&1 || exit 127; ${script}`, (e, stream) => {
                if (e)
                    return rej(e);
                let code = -1;
                let stderr = '';
                let error;
                stream.stderr.on('data', (d) => (stderr += d.toString()));
                stream.on('exit', (c) => (code = c));
                // A channel the remote closed early (no such tool) must not fail the transfer.
                stream.on('error', () => undefined);
                const wired = Promise.resolve(wire(stream)).catch((err) => {
                    error = err;
                    // Half a stream must not look like a whole one: close without EOF.
                    stream.close();
                });
                stream.on('close', () => void wired.then(() => res({ code, stderr, error })));
            });
        }), signal);
        const has = !(r.code === 127 && !r.stderr.trim());
        this.hasTool.set(tool, has);
        return has ? r : undefined;
    }
    /**
     * Writes a stream to a remote file with `cat`, the file created private and given its mode
     * once complete: no SFTP subsystem to start, no request per chunk. Returns false when the
     * machine has no cat (or transfers are set to SFTP).
     */
    async catInto(remotePath, mode, source, what, signal) {
        const q = (0,communicator/* shQuote */.US)(remotePath);
        const r = await this.streamExec('cat', `(umask 077 && exec cat > ${q}) && chmod ${(mode & 0o7777).toString(8).padStart(4, '0')} ${q}`, (stream) => {
            stream.on('data', () => undefined);
            return (0,tar/* writeBatched */.Ne)(source(), stream);
        }, signal);
        if (!r)
            return false;
        const why = streamFailure(r, 'cat');
        if (why)
            throw new errors/* BuildError */.z(`upload of ${what} to ${remotePath} failed: ${why}`);
        return true;
    }
    async upload(localPath, remotePath, signal, opts = {}) {
        const src = (0,external_node_path_.resolve)(localPath);
        const st = (0,external_node_fs_.lstatSync)(src);
        if (!st.isDirectory()) {
            const read = () => (0,external_node_fs_.createReadStream)(src, { highWaterMark: 1 << 20 });
            if (await this.catInto(remotePath, st.mode, read, localPath, signal))
                return;
            const sftp = await this.sftp(signal);
            await (0,steps/* raceSignal */.WU)(new Promise((res, rej) => sftp.fastPut(src, remotePath, { concurrency: 64, chunkSize: 32768, mode: st.mode & 0o7777 }, (e) => (e ? rej(e) : res()))), signal);
            return;
        }
        const contentsOnly = localPath.endsWith('/');
        const into = external_node_path_.posix.join(remotePath, external_node_path_.posix.basename(src));
        const decide = !contentsOnly && opts.intoExisting === true;
        let target = contentsOnly ? remotePath : into;
        {
            // One tar stream into `tar -x`, in one exec that also makes the directory: far fewer
            // round trips than a file-by-file walk.
            const pack = tar_stream.pack();
            const packing = (0,tar/* packDirectory */.jG)(pack, src, '').then(() => pack.finalize(), (e) => pack.destroy(e));
            // Packer's rule, decided by the same command: into an existing directory, else as it.
            const q = decide ? '"$t"' : (0,communicator/* shQuote */.US)(target);
            const pick = decide
                ? `if [ -d ${(0,communicator/* shQuote */.US)(remotePath)} ]; then t=${(0,communicator/* shQuote */.US)(into)}; else t=${(0,communicator/* shQuote */.US)(remotePath)}; fi; echo "$t" >&2; `
                : '';
            const r = await this.streamExec('tar', `${pick}mkdir -p ${q} && exec tar -x -m -f - -C ${q}`, (stream) => {
                stream.on('data', () => undefined);
                return (0,tar/* writeBatched */.Ne)(pack, stream);
            }, signal);
            // The pack was read to its end only when tar took it all.
            if (r && r.code === 0 && !r.error)
                await packing;
            else
                pack.destroy();
            if (r && decide) {
                // The first line tar's command wrote to stderr is where it chose to extract.
                const landed = r.stderr.split('\n')[0];
                r.stderr = r.stderr.split('\n').slice(1).join('\n');
                if (landed)
                    target = landed;
            }
            if (r) {
                const why = streamFailure(r, 'tar');
                if (why)
                    throw new errors/* BuildError */.z(`upload of ${localPath} to ${target} failed: ${why}`);
                return;
            }
        }
        const sftp = await this.sftp(signal);
        if (decide && !(await sftpIsDirectory(sftp, remotePath)))
            target = remotePath;
        await sftpMkdirs(sftp, target);
        await sftpWalkUpload(sftp, src, target, signal);
    }
    async uploadContent(content, remotePath, mode, signal) {
        const buf = Buffer.isBuffer(content) ? content : Buffer.from(content);
        const once = async function* () {
            yield buf;
        };
        if (await this.catInto(remotePath, mode, once, 'content', signal))
            return;
        const sftp = await this.sftp(signal);
        await (0,steps/* raceSignal */.WU)(new Promise((res, rej) => sftp.writeFile(remotePath, buf, { mode }, (e) => (e ? rej(e) : res()))), signal);
    }
    async download(remotePath, localPath, signal) {
        const sftp = await this.sftp(signal);
        const st = await new Promise((res, rej) => sftp.stat(remotePath, (e, s) => e ? rej(new errors/* BuildError */.z(`${remotePath} not found on the machine: ${e.message}`)) : res(s)));
        const target = (0,external_node_path_.resolve)(localPath);
        if (!st.isDirectory()) {
            (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(target), { recursive: true });
            await (0,steps/* raceSignal */.WU)(new Promise((res, rej) => sftp.fastGet(remotePath, target, { concurrency: 64, chunkSize: 32768 }, (e) => e ? rej(e) : res())), signal);
            return;
        }
        (0,external_node_fs_.mkdirSync)(target, { recursive: true });
        {
            // One tar stream out of `tar -c`, unless the machine has no tar.
            const extract = (0,tar/* extractInto */.Qz)(target, (header) => header.name.replace(/^\.\/?/, '').replace(/\/$/, ''));
            const r = await this.streamExec('tar', `exec tar -c -f - -C ${(0,communicator/* shQuote */.US)(remotePath)} .`, (stream) => (0,promises_.pipeline)(stream, extract), signal);
            if (r) {
                const why = streamFailure(r, 'tar');
                if (why)
                    throw new errors/* BuildError */.z(`download of ${remotePath} failed: ${why}`);
                return;
            }
        }
        await sftpWalkDownload(sftp, remotePath, target, signal);
    }
    /** After a restart command: wait until the connection drops, then reconnect. */
    async awaitRestart(signal, timeoutMs) {
        const deadline = Date.now() + timeoutMs;
        while (this.client) {
            if (Date.now() > deadline)
                throw new errors/* BuildError */.z(`the machine did not go down within ${Math.round(timeoutMs / 1000)}s of the restart command`, 'check restart_command (it must reboot the machine)');
            // A no-op command notices a dead connection quickly (and keep-alives do the rest).
            const probe = (0,steps/* withTimeout */.wj)(signal, 3000);
            try {
                await this.exec('true', { signal: probe.signal });
                await (0,steps/* sleep */.yy)(500, signal);
            }
            catch (e) {
                if (signal.aborted)
                    throw e;
                this.closeQuietly();
            }
            finally {
                probe.clear();
            }
        }
        this.o.log?.('the machine went down; waiting for it to come back');
        await this.connect(signal, Math.max(1000, deadline - Date.now()));
    }
    closeQuietly() {
        try {
            this.client?.end();
        }
        catch {
            // already closed
        }
        try {
            this.bastion?.end();
        }
        catch {
            // already closed
        }
        this.client = undefined;
        this.bastion = undefined;
        this.sftpSession = undefined;
    }
    close() {
        this.closeQuietly();
    }
}
async function sftpWalkUpload(sftp, dir, remote, signal) {
    for (const name of (0,external_node_fs_.readdirSync)(dir).sort()) {
        const p = (0,external_node_path_.join)(dir, name);
        const s = (0,external_node_fs_.lstatSync)(p);
        const r = external_node_path_.posix.join(remote, name);
        if (s.isDirectory()) {
            await sftpMkdir(sftp, r, s.mode & 0o7777);
            await sftpWalkUpload(sftp, p, r, signal);
        }
        else if (s.isSymbolicLink()) {
            // As a tar upload keeps it: the link itself, pointing where it pointed here.
            const target = (0,external_node_fs_.readlinkSync)(p);
            await new Promise((res, rej) => sftp.symlink(target, r, (e) => e ? rej(new Error(`cannot make the link ${r} -> ${target}: ${e.message}`)) : res()));
        }
        else if (s.isFile()) {
            await (0,steps/* raceSignal */.WU)(new Promise((res, rej) => sftp.fastPut(p, r, { mode: s.mode & 0o7777 }, (e) => (e ? rej(e) : res()))), signal);
        }
    }
}
/**
 * Why a stream transfer failed, or undefined when it did not: the machine's own words first
 * (a refused path closes the stream under the sender too), then the local error.
 */
function streamFailure(r, tool) {
    if (r.code === 0 && !r.error)
        return undefined;
    if (r.code !== 0 && r.stderr.trim())
        return r.stderr.trim();
    if (r.error)
        return r.error.message;
    return `the machine's ${tool} exited with code ${r.code}`;
}
function sftpIsDirectory(sftp, path) {
    return new Promise((res) => sftp.stat(path, (e, st) => res(!e && st.isDirectory())));
}
/** `mkdir -p` over SFTP: every missing directory of an absolute or relative path. */
async function sftpMkdirs(sftp, path) {
    const parts = path.split('/');
    for (let i = 1; i <= parts.length; i++) {
        const p = parts.slice(0, i).join('/');
        if (!p || p === '.')
            continue;
        await sftpMkdir(sftp, p, 0o755);
    }
}
/** Makes a remote directory; one that is already there is fine, any other failure is said. */
function sftpMkdir(sftp, path, mode) {
    return new Promise((res, rej) => sftp.mkdir(path, { mode }, (e) => {
        if (!e)
            return res();
        sftp.stat(path, (se, st) => !se && st.isDirectory()
            ? res()
            : rej(new Error(`cannot make the directory ${path}: ${e.message}`)));
    }));
}
async function sftpWalkDownload(sftp, remote, dir, signal) {
    const list = await new Promise((res, rej) => sftp.readdir(remote, (e, l) => (e ? rej(e) : res(l))));
    for (const { filename, attrs } of list.sort((a, b) => a.filename.localeCompare(b.filename))) {
        const r = external_node_path_.posix.join(remote, filename);
        const p = (0,external_node_path_.join)(dir, filename);
        const type = attrs.mode & 0o170000;
        if (type === 0o040000) {
            (0,external_node_fs_.mkdirSync)(p, { recursive: true, mode: attrs.mode & 0o7777 });
            await sftpWalkDownload(sftp, r, p, signal);
        }
        else if (type === 0o100000) {
            await (0,steps/* raceSignal */.WU)(new Promise((res, rej) => sftp.fastGet(r, p, (e) => (e ? rej(e) : res()))), signal);
            (0,external_node_fs_.chmodSync)(p, attrs.mode & 0o7777);
        }
        else if (type === 0o120000) {
            const target = await new Promise((res, rej) => sftp.readlink(r, (e, t) => (e ? rej(e) : res(t))));
            (0,external_node_fs_.rmSync)(p, { force: true });
            (0,external_node_fs_.symlinkSync)(target, p);
        }
    }
}

// EXTERNAL MODULE: ./src/communicators/ssh-config.ts
var ssh_config = __webpack_require__(53661);
// EXTERNAL MODULE: ./src/engine/context.ts
var context = __webpack_require__(86173);
// EXTERNAL MODULE: ./src/spec/schema.ts
var schema = __webpack_require__(47280);
;// CONCATENATED MODULE: ./src/plugins/ssh-connect.ts
/**
 * The connect step every builder that reaches its machine over SSH shares: the options from
 * the ssh_* settings, the pause, the connection (with the builder's own explanation when it
 * fails), and what provisioners get from it.
 */





async function connectSsh(env, config, endpoint, state, ctx, 
/** What to tell the user when the connection fails: the likely cause, more output. */
explain) {
    const options = (0,ssh_config/* sshOptions */.b)(config, env.specDir, endpoint);
    const pause = (0,schema/* parseDuration */.E9)(config.pause_before_connecting);
    if (pause)
        await (0,steps/* sleep */.yy)(pause, ctx.signal);
    state.ssh = new SshCommunicator({ ...options, log: ctx.log });
    try {
        await state.ssh.connect(ctx.signal);
    }
    catch (e) {
        if (explain && e instanceof context/* BuildError */.zS && !ctx.signal.aborted) {
            const more = await explain(e);
            throw new context/* BuildError */.zS(e.message, more.hint ?? e.hint, more.tail ?? e.tail);
        }
        throw e;
    }
    state.communicator = state.ssh;
    env.connection = { type: 'ssh', options };
    Object.assign(env.generated, {
        Host: options.host,
        Port: String(options.port),
        User: options.username,
    });
    ctx.log(`connected to ${options.username}@${options.host}:${options.port}`);
}


/***/ })

};
;
"use strict";
exports.id = 509;
exports.ids = [509];
exports.modules = {

/***/ 4717:
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

/***/ 6042:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   b: () => (/* binding */ sshOptions),
/* harmony export */   f: () => (/* binding */ temporaryKeyPair)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var ssh2__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5472);
/* harmony import */ var ssh2__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(ssh2__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _spec_schema__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7280);
/* harmony import */ var _engine_context__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6173);
/* harmony import */ var _util_redact__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(767);
/**
 * The ssh_* settings every builder that reaches a machine over SSH shares (Packer's names),
 * and their translation into SshOptions.
 */






function readKey(path, specDir, what) {
    const full = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(specDir, path);
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(full);
    }
    catch (e) {
        throw new _engine_context__WEBPACK_IMPORTED_MODULE_4__/* .BuildError */ .z(`${what} ${path} cannot be read: ${e.code}`, `paths are relative to the spec's directory (${specDir})`);
    }
}
function checkKey(key, passphrase, what) {
    const parsed = ssh2__WEBPACK_IMPORTED_MODULE_2___default().utils.parseKey(key, passphrase);
    if (parsed instanceof Error) {
        const enc = /encrypted|passphrase/i.test(parsed.message);
        throw new _engine_context__WEBPACK_IMPORTED_MODULE_4__/* .BuildError */ .z(`${what} is not a usable private key: ${parsed.message}`, enc
            ? 'set ssh_private_key_passphrase'
            : 'use an OpenSSH or PEM private key (RSA, ECDSA or ed25519)');
    }
}
/** Reads the ssh_* settings; `host` and `username` may come from the builder instead. */
function sshOptions(c, specDir, over = {}) {
    const host = over.host ?? c.ssh_host;
    const username = over.username ?? c.ssh_username;
    if (!host)
        throw new _engine_context__WEBPACK_IMPORTED_MODULE_4__/* .BuildError */ .z('no SSH host', 'set ssh_host');
    if (!username)
        throw new _engine_context__WEBPACK_IMPORTED_MODULE_4__/* .BuildError */ .z('no SSH user', 'set ssh_username');
    const passphrase = c.ssh_private_key_passphrase;
    let privateKey = over.privateKey;
    if (privateKey === undefined && typeof c.ssh_private_key === 'string')
        privateKey = c.ssh_private_key;
    if (privateKey === undefined && typeof c.ssh_private_key_file === 'string')
        privateKey = readKey(c.ssh_private_key_file, specDir, 'ssh_private_key_file');
    if (privateKey !== undefined) {
        checkKey(privateKey, passphrase, 'the SSH private key');
        (0,_util_redact__WEBPACK_IMPORTED_MODULE_5__/* .addSecret */ .Ck)(privateKey.toString());
    }
    const password = over.password ?? c.ssh_password;
    if (password)
        (0,_util_redact__WEBPACK_IMPORTED_MODULE_5__/* .addSecret */ .Ck)(password);
    if (passphrase)
        (0,_util_redact__WEBPACK_IMPORTED_MODULE_5__/* .addSecret */ .Ck)(passphrase);
    const agent = c.ssh_agent_auth === true ? process.env.SSH_AUTH_SOCK : undefined;
    if (c.ssh_agent_auth === true && !agent)
        throw new _engine_context__WEBPACK_IMPORTED_MODULE_4__/* .BuildError */ .z('ssh_agent_auth is set but SSH_AUTH_SOCK is not', 'start an agent (eval $(ssh-agent)) and add the key (ssh-add)');
    if (password === undefined && privateKey === undefined && !agent) {
        throw new _engine_context__WEBPACK_IMPORTED_MODULE_4__/* .BuildError */ .z('no SSH credentials', 'set ssh_password, ssh_private_key_file, ssh_private_key or ssh_agent_auth');
    }
    let bastion;
    if (typeof c.ssh_bastion_host === 'string') {
        const bk = typeof c.ssh_bastion_private_key_file === 'string'
            ? readKey(c.ssh_bastion_private_key_file, specDir, 'ssh_bastion_private_key_file')
            : undefined;
        if (bk)
            checkKey(bk, undefined, 'the bastion private key');
        if (typeof c.ssh_bastion_password === 'string')
            (0,_util_redact__WEBPACK_IMPORTED_MODULE_5__/* .addSecret */ .Ck)(c.ssh_bastion_password);
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
        timeoutMs: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_3__/* .parseDuration */ .E9)(c.ssh_timeout ?? '5m') ?? 300_000,
        handshakeAttempts: Number(c.ssh_handshake_attempts ?? 10),
        keepAliveMs: (0,_spec_schema__WEBPACK_IMPORTED_MODULE_3__/* .parseDuration */ .E9)(c.ssh_keep_alive_interval ?? '5s') ?? 5000,
        pty: c.ssh_pty === true,
        hostKey: c.ssh_host_key,
        knownHostsFile: typeof c.ssh_known_hosts_file === 'string'
            ? (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(specDir, c.ssh_known_hosts_file)
            : undefined,
        bastion,
    };
}
/** A temporary key pair for one build: ed25519 by default, or RSA (3072 bits). */
function temporaryKeyPair(type = 'ed25519', comment = 'bake-temporary') {
    const pair = type === 'rsa'
        ? ssh2__WEBPACK_IMPORTED_MODULE_2___default().utils.generateKeyPairSync('rsa', { bits: 3072, comment })
        : ssh2__WEBPACK_IMPORTED_MODULE_2___default().utils.generateKeyPairSync('ed25519', { comment });
    (0,_util_redact__WEBPACK_IMPORTED_MODULE_5__/* .addSecret */ .Ck)(pair.private);
    return { privateKey: pair.private, publicKey: pair.public };
}


/***/ }),

/***/ 3010:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   mh: () => (/* binding */ SshCommunicator)
/* harmony export */ });
/* unused harmony exports DisconnectedError, fingerprint, knownHostKeys */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var ssh2__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5472);
/* harmony import */ var ssh2__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(ssh2__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var tar_stream__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6118);
/* harmony import */ var _tar__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(571);
/* harmony import */ var _communicator__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(4717);
/* harmony import */ var _engine_context__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(6173);
/* harmony import */ var _engine_steps__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(4277);
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
    return 'SHA256:' + (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(key).digest('base64').replace(/=+$/, '');
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
    for (const line of (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(file, 'utf8').split('\n')) {
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
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHmac)('sha1', Buffer.from(salt, 'base64')).update(name).digest('base64') === hash;
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
        const client = new (ssh2__WEBPACK_IMPORTED_MODULE_4___default().Client)();
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
    });
}
class SshCommunicator {
    o;
    client;
    bastion;
    sftpSession;
    hasTar;
    firstHostKey;
    constructor(o) {
        this.o = o;
    }
    describe() {
        const via = this.o.bastion
            ? ` -J ${this.o.bastion.username}@${this.o.bastion.host}:${this.o.bastion.port}`
            : '';
        return `ssh${via} -p ${this.o.port} ${this.o.username}@${this.o.host}`;
    }
    hostVerifier(host, port) {
        return (key) => {
            const fp = fingerprint(key);
            if (this.o.hostKey) {
                const want = this.o.hostKey.trim();
                const blob = keyBlobOf(want);
                return blob ? blob.equals(key) : want.replace(/=+$/, '') === fp;
            }
            if (this.o.knownHostsFile) {
                const keys = knownHostKeys(this.o.knownHostsFile, host, port);
                return keys.some((k) => k.equals(key));
            }
            // Trust on first use: log it, and hold every later connection of the build to it.
            if (!this.firstHostKey) {
                this.firstHostKey = fp;
                this.o.log?.(`host key of ${host}:${port} is ${fp} (pin it with ssh_host_key)`);
            }
            return this.firstHostKey === fp;
        };
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
                        throw new _engine_context__WEBPACK_IMPORTED_MODULE_7__/* .BuildError */ .z(`SSH authentication as "${this.o.username}" on ${this.o.host}:${this.o.port} failed ${authFailures} times`, this.o.password !== undefined
                            ? 'check ssh_username and ssh_password'
                            : 'check ssh_username and that the private key matches an authorized key on the machine');
                    }
                }
                if (err instanceof _engine_context__WEBPACK_IMPORTED_MODULE_7__/* .BuildError */ .z)
                    throw err;
                if (Date.now() + wait > deadline) {
                    throw new _engine_context__WEBPACK_IMPORTED_MODULE_7__/* .BuildError */ .z(`could not connect to ${this.o.host}:${this.o.port} over SSH within ${Math.round(budgetMs / 1000)}s (${attempt} attempts); last error: ${lastError}`, lastError.startsWith('connection refused')
                        ? 'the machine answers but sshd does not: is it installed and started?'
                        : lastError.startsWith('no route') || lastError.includes('timed out')
                            ? 'the address is not reachable from here: check the network, security group / firewall and ssh_interface'
                            : 'raise ssh_timeout if the machine boots slowly');
                }
                if (attempt === 1 || attempt % 10 === 0)
                    this.o.log?.(`waiting for SSH on ${this.o.host}:${this.o.port}: ${lastError}`);
                await (0,_engine_steps__WEBPACK_IMPORTED_MODULE_8__/* .sleep */ .yy)(wait, signal);
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
                // Ciphers whose work OpenSSL does first (ssh2 runs without its native addon here).
                cipher: [
                    'aes128-ctr',
                    'aes256-ctr',
                    'aes128-gcm@openssh.com',
                    'aes256-gcm@openssh.com',
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
            this.bastion = await connectOnce({ ...common, host: b.host, port: b.port, ...this.auth(b) }, signal);
            sock = await new Promise((res, rej) => this.bastion.forwardOut('127.0.0.1', 0, this.o.host, this.o.port, (err, stream) => err ? rej(err) : res(stream)));
        }
        this.client = await connectOnce({
            ...common,
            ...(sock ? { sock } : { host: this.o.host, port: this.o.port }),
            ...this.auth(this.o),
            hostVerifier: this.hostVerifier(this.o.host, this.o.port),
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
        const tail = (0,_communicator__WEBPACK_IMPORTED_MODULE_9__/* .tailKeeper */ .L3)();
        const out = new _communicator__WEBPACK_IMPORTED_MODULE_9__/* .LineSplitter */ .g3((l) => (tail.push(l), o.onStdout?.(l)));
        const err = new _communicator__WEBPACK_IMPORTED_MODULE_9__/* .LineSplitter */ .g3((l) => (tail.push(l), o.onStderr?.(l)));
        const envPrefix = o.env && Object.keys(o.env).length
            ? Object.entries(o.env)
                .map(([k, v]) => `${k}=${(0,_communicator__WEBPACK_IMPORTED_MODULE_9__/* .shQuote */ .US)(v)}`)
                .join(' ') + ' '
            : '';
        const full = envPrefix ? `export ${envPrefix.trim()}; ${command}` : command;
        const code = await (0,_engine_steps__WEBPACK_IMPORTED_MODULE_8__/* .raceSignal */ .WU)(new Promise((resolveCode, rejectCode) => {
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
    async mkdirs(dir, signal) {
        const r = await this.exec(`mkdir -p ${(0,_communicator__WEBPACK_IMPORTED_MODULE_9__/* .shQuote */ .US)(dir)}`, { signal });
        if (r.exitCode !== 0)
            throw new _engine_context__WEBPACK_IMPORTED_MODULE_7__/* .BuildError */ .z(`cannot create ${dir} on the machine: ${r.tail.join(' ')}`);
    }
    /**
     * Runs a tar command on the machine in one exec that first checks tar is there. `wire`
     * feeds or drains the channel (what it returns is awaited before the result). Returns
     * undefined, and remembers it, when the machine has no tar: transfers then use SFTP.
     */
    async tarExec(script, wire, signal) {
        const client = await this.ready(signal);
        const r = await (0,_engine_steps__WEBPACK_IMPORTED_MODULE_8__/* .raceSignal */ .WU)(new Promise((res, rej) => {
            client.exec(`command -v tar >/dev/null 2>&1 || exit 127; ${script}`, (e, stream) => {
                if (e)
                    return rej(e);
                let code = -1;
                let stderr = '';
                let error;
                stream.stderr.on('data', (d) => (stderr += d.toString()));
                stream.on('exit', (c) => (code = c));
                // A channel the remote closed early (no tar) must not fail the transfer.
                stream.on('error', () => undefined);
                const wired = Promise.resolve(wire(stream)).catch((err) => (error = err));
                stream.on('close', () => void wired.then(() => res({ code, stderr, error })));
            });
        }), signal);
        this.hasTar = !(r.code === 127 && !r.stderr.trim());
        return this.hasTar ? r : undefined;
    }
    async upload(localPath, remotePath, signal) {
        const src = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(localPath);
        const st = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.lstatSync)(src);
        if (!st.isDirectory()) {
            const sftp = await this.sftp(signal);
            await (0,_engine_steps__WEBPACK_IMPORTED_MODULE_8__/* .raceSignal */ .WU)(new Promise((res, rej) => sftp.fastPut(src, remotePath, { concurrency: 64, chunkSize: 32768, mode: st.mode & 0o7777 }, (e) => (e ? rej(e) : res()))), signal);
            return;
        }
        const contentsOnly = localPath.endsWith('/');
        const target = contentsOnly ? remotePath : node_path__WEBPACK_IMPORTED_MODULE_2__.posix.join(remotePath, node_path__WEBPACK_IMPORTED_MODULE_2__.posix.basename(src));
        if (this.hasTar !== false) {
            // One tar stream into `tar -x`, in one exec that also makes the directory: far fewer
            // round trips than a file-by-file walk.
            const pack = tar_stream__WEBPACK_IMPORTED_MODULE_5__.pack();
            const packing = (0,_tar__WEBPACK_IMPORTED_MODULE_6__/* .packDirectory */ .jG)(pack, src, '').then(() => pack.finalize(), (e) => pack.destroy(e));
            const q = (0,_communicator__WEBPACK_IMPORTED_MODULE_9__/* .shQuote */ .US)(target);
            const r = await this.tarExec(`mkdir -p ${q} && exec tar -x -m -f - -C ${q}`, (stream) => {
                stream.on('data', () => undefined);
                // Not awaited: a machine without tar closes the channel before reading it.
                (0,_tar__WEBPACK_IMPORTED_MODULE_6__/* .writeBatched */ .Ne)(pack, stream).catch(() => undefined);
            }, signal);
            await packing;
            if (r) {
                if (r.code !== 0)
                    throw new _engine_context__WEBPACK_IMPORTED_MODULE_7__/* .BuildError */ .z(`upload of ${localPath} to ${target} failed: ${r.stderr.trim()}`);
                return;
            }
        }
        const sftp = await this.sftp(signal);
        await this.mkdirs(target, signal);
        await sftpWalkUpload(sftp, src, target, signal);
    }
    async uploadContent(content, remotePath, mode, signal) {
        const sftp = await this.sftp(signal);
        const buf = Buffer.isBuffer(content) ? content : Buffer.from(content);
        await (0,_engine_steps__WEBPACK_IMPORTED_MODULE_8__/* .raceSignal */ .WU)(new Promise((res, rej) => sftp.writeFile(remotePath, buf, { mode }, (e) => (e ? rej(e) : res()))), signal);
    }
    async download(remotePath, localPath, signal) {
        const sftp = await this.sftp(signal);
        const st = await new Promise((res, rej) => sftp.stat(remotePath, (e, s) => e ? rej(new _engine_context__WEBPACK_IMPORTED_MODULE_7__/* .BuildError */ .z(`${remotePath} not found on the machine: ${e.message}`)) : res(s)));
        const target = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(localPath);
        if (!st.isDirectory()) {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.mkdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(target), { recursive: true });
            await (0,_engine_steps__WEBPACK_IMPORTED_MODULE_8__/* .raceSignal */ .WU)(new Promise((res, rej) => sftp.fastGet(remotePath, target, { concurrency: 64, chunkSize: 32768 }, (e) => e ? rej(e) : res())), signal);
            return;
        }
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.mkdirSync)(target, { recursive: true });
        if (this.hasTar !== false) {
            // One tar stream out of `tar -c`, unless the machine has no tar.
            const extract = (0,_tar__WEBPACK_IMPORTED_MODULE_6__/* .extractInto */ .Qz)(target, (header) => header.name.replace(/^\.\/?/, '').replace(/\/$/, ''));
            const r = await this.tarExec(`exec tar -c -f - -C ${(0,_communicator__WEBPACK_IMPORTED_MODULE_9__/* .shQuote */ .US)(remotePath)} .`, (stream) => (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_3__.pipeline)(stream, extract), signal);
            if (r) {
                if (r.code !== 0 || r.error)
                    throw new _engine_context__WEBPACK_IMPORTED_MODULE_7__/* .BuildError */ .z(`download of ${remotePath} failed: ${r.stderr.trim() || r.error?.message || `tar exited ${r.code}`}`);
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
                throw new _engine_context__WEBPACK_IMPORTED_MODULE_7__/* .BuildError */ .z(`the machine did not go down within ${Math.round(timeoutMs / 1000)}s of the restart command`, 'check restart_command (it must reboot the machine)');
            // A no-op command notices a dead connection quickly (and keep-alives do the rest).
            const probe = (0,_engine_steps__WEBPACK_IMPORTED_MODULE_8__/* .withTimeout */ .wj)(signal, 3000);
            try {
                await this.exec('true', { signal: probe.signal });
                await (0,_engine_steps__WEBPACK_IMPORTED_MODULE_8__/* .sleep */ .yy)(500, signal);
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
    for (const name of (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readdirSync)(dir).sort()) {
        const p = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, name);
        const s = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.lstatSync)(p);
        const r = node_path__WEBPACK_IMPORTED_MODULE_2__.posix.join(remote, name);
        if (s.isDirectory()) {
            await new Promise((res) => sftp.mkdir(r, { mode: s.mode & 0o7777 }, () => res()));
            await sftpWalkUpload(sftp, p, r, signal);
        }
        else if (s.isFile()) {
            await (0,_engine_steps__WEBPACK_IMPORTED_MODULE_8__/* .raceSignal */ .WU)(new Promise((res, rej) => sftp.fastPut(p, r, { mode: s.mode & 0o7777 }, (e) => (e ? rej(e) : res()))), signal);
        }
    }
}
async function sftpWalkDownload(sftp, remote, dir, signal) {
    const list = await new Promise((res, rej) => sftp.readdir(remote, (e, l) => (e ? rej(e) : res(l))));
    for (const { filename, attrs } of list.sort((a, b) => a.filename.localeCompare(b.filename))) {
        const r = node_path__WEBPACK_IMPORTED_MODULE_2__.posix.join(remote, filename);
        const p = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, filename);
        const type = attrs.mode & 0o170000;
        if (type === 0o040000) {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.mkdirSync)(p, { recursive: true, mode: attrs.mode & 0o7777 });
            await sftpWalkDownload(sftp, r, p, signal);
        }
        else if (type === 0o100000) {
            await (0,_engine_steps__WEBPACK_IMPORTED_MODULE_8__/* .raceSignal */ .WU)(new Promise((res, rej) => sftp.fastGet(r, p, (e) => (e ? rej(e) : res()))), signal);
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.chmodSync)(p, attrs.mode & 0o7777);
        }
    }
}


/***/ }),

/***/ 571:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ne: () => (/* binding */ writeBatched),
/* harmony export */   Qz: () => (/* binding */ extractInto),
/* harmony export */   jG: () => (/* binding */ packDirectory),
/* harmony export */   qt: () => (/* binding */ packFile)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var tar_stream__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6118);
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
    const flush = async () => {
        if (!size)
            return;
        const ok = to.write(parts.length === 1 ? parts[0] : Buffer.concat(parts, size));
        parts = [];
        size = 0;
        if (!ok)
            await new Promise((r) => to.once('drain', r));
    };
    for await (const chunk of from) {
        parts.push(chunk);
        size += chunk.length;
        if (size >= max)
            await flush();
    }
    await flush();
    to.end();
}


/***/ }),

/***/ 6173:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   z: () => (/* binding */ BuildError)
/* harmony export */ });
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

/***/ 5509:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  cleanupLedger: () => (/* binding */ cleanupLedger),
  runBuildCommand: () => (/* binding */ runBuildCommand)
});

// UNUSED EXPORTS: cancelOnSignals, dockerClient, formatSummary, loadDocker, runPlan

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/engine/context.ts
var context = __webpack_require__(6173);
;// CONCATENATED MODULE: ./src/engine/events.ts
function recordOf(a) {
    return {
        id: a.id,
        builderType: a.builderType,
        ...(a.tags?.length ? { tags: [...a.tags] } : {}),
        ...(a.digests?.length ? { digests: [...a.digests] } : {}),
        ...(a.files?.length ? { files: [...a.files] } : {}),
        ...(a.regions ? { regions: { ...a.regions } } : {}),
        ...(a.description ? { description: a.description } : {}),
    };
}
class EventBus {
    listeners = [];
    on(l) {
        this.listeners.push(l);
        return () => {
            this.listeners = this.listeners.filter((x) => x !== l);
        };
    }
    emit(e) {
        for (const l of this.listeners) {
            try {
                l(e);
            }
            catch {
                // A failing reporter must never break a build.
            }
        }
    }
}
const now = () => new Date().toISOString();

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/engine/ledger.ts
/**
 * The resource ledger: every resource a build creates is written here the moment it exists
 * (JSON lines, fsynced) and marked done once cleaned. A killed run leaves its open entries
 * for `bake cleanup` and the action's post step.
 */



class ResourceLedger {
    file;
    run;
    constructor(file, run) {
        this.file = file;
        this.run = run;
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(file), { recursive: true });
    }
    append(line) {
        const fd = (0,external_node_fs_.openSync)(this.file, 'a', 0o600);
        try {
            (0,external_node_fs_.writeSync)(fd, JSON.stringify(line) + '\n');
            (0,external_node_fs_.fsyncSync)(fd);
        }
        finally {
            (0,external_node_fs_.closeSync)(fd);
        }
    }
    add(build, kind, ref, description) {
        const entry = {
            id: (0,external_node_crypto_.randomUUID)(),
            kind,
            ref,
            build,
            run: this.run,
            description,
            time: new Date().toISOString(),
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
        if (!(0,external_node_fs_.existsSync)(file))
            return [];
        const open = new Map();
        for (const raw of (0,external_node_fs_.readFileSync)(file, 'utf8').split('\n')) {
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

// EXTERNAL MODULE: external "node:stream/promises"
var promises_ = __webpack_require__(6466);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: ./node_modules/tar-stream/index.js
var tar_stream = __webpack_require__(6118);
// EXTERNAL MODULE: ./src/communicators/tar.ts
var tar = __webpack_require__(571);
// EXTERNAL MODULE: ./src/communicators/communicator.ts
var communicator = __webpack_require__(4717);
// EXTERNAL MODULE: ./src/engine/steps.ts
var engine_steps = __webpack_require__(4277);
;// CONCATENATED MODULE: ./src/communicators/docker.ts
/**
 * Talks to a build container through the Docker API: exec with demultiplexed, live output,
 * and file transfer as tar streams (no temporary copies, modes kept).
 */








/** Where to extract an archive and the entry name of a file in it. */
function placement(remotePath) {
    if (external_node_path_.posix.isAbsolute(remotePath))
        return ['/', external_node_path_.posix.normalize(remotePath).replace(/^\/+/, '')];
    return [external_node_path_.posix.dirname(remotePath), external_node_path_.posix.basename(remotePath)];
}
class DockerCommunicator {
    docker;
    container;
    opts;
    owner;
    constructor(docker, container, opts) {
        this.docker = docker;
        this.container = container;
        this.opts = opts;
    }
    describe() {
        return `docker exec -it ${this.container.id.slice(0, 12)} /bin/sh`;
    }
    async exec(command, o) {
        const exec = await this.container.exec({
            Cmd: ['/bin/sh', '-c', command],
            AttachStdout: true,
            AttachStderr: true,
            User: this.opts.execUser ?? '',
            Env: Object.entries({ ...this.opts.env, ...o.env }).map(([k, v]) => `${k}=${v}`),
        });
        const stream = await exec.start({ hijack: true, stdin: false });
        const tail = (0,communicator/* tailKeeper */.L3)();
        const out = new communicator/* LineSplitter */.g3((l) => {
            tail.push(l);
            o.onStdout?.(l);
        });
        const err = new communicator/* LineSplitter */.g3((l) => {
            tail.push(l);
            o.onStderr?.(l);
        });
        const stdout = new external_node_stream_.PassThrough();
        const stderr = new external_node_stream_.PassThrough();
        stdout.on('data', (c) => out.write(c));
        stderr.on('data', (c) => err.write(c));
        this.docker.modem.demuxStream(stream, stdout, stderr);
        const done = new Promise((res, rej) => {
            stream.on('end', res);
            stream.on('close', res);
            stream.on('error', rej);
        });
        try {
            await (0,engine_steps/* raceSignal */.WU)(done, o.signal);
        }
        finally {
            if (o.signal.aborted)
                stream.destroy();
        }
        out.end();
        err.end();
        const info = await exec.inspect();
        return { exitCode: info.ExitCode ?? -1, tail: tail.lines };
    }
    async uploadOwner(signal) {
        if (!this.opts.fixUploadOwner || !this.opts.execUser)
            return undefined;
        if (this.owner)
            return this.owner;
        let text = '';
        const r = await this.exec('echo "$(id -u) $(id -g)"', { signal, onStdout: (l) => (text += l) });
        const [uid, gid] = text.trim().split(' ').map(Number);
        if (r.exitCode === 0 && Number.isInteger(uid) && Number.isInteger(gid))
            this.owner = { uid, gid };
        return this.owner;
    }
    async upload(localPath, remotePath, signal) {
        const src = (0,external_node_path_.resolve)(localPath);
        const st = (0,external_node_fs_.lstatSync)(src);
        const owner = await this.uploadOwner(signal);
        const pack = tar_stream.pack();
        let extractTo;
        let name;
        if (st.isDirectory()) {
            // Like Packer: "dir/" uploads the contents into remotePath, "dir" uploads dir itself.
            const contentsOnly = localPath.endsWith('/');
            const base = contentsOnly ? remotePath : external_node_path_.posix.join(remotePath, external_node_path_.posix.basename(src));
            extractTo = '/';
            const rootInTar = base.replace(/^\/+/, '');
            void (0,tar/* packDirectory */.jG)(pack, src, rootInTar, owner).then(() => pack.finalize(), (e) => pack.destroy(e));
        }
        else {
            // An absolute path goes in as a full path from /: the daemon creates missing parent
            // directories itself, which saves a `mkdir -p` round trip.
            [extractTo, name] = placement(remotePath);
            void (0,tar/* packFile */.qt)(pack, src, name, st.mode, st.size, owner).then(() => pack.finalize(), (e) => pack.destroy(e));
        }
        await this.ensureDir(extractTo, signal);
        await (0,engine_steps/* raceSignal */.WU)(this.container.putArchive(pack, { path: extractTo }), signal);
    }
    ensureDirCache = new Set(['/', '/tmp']);
    async ensureDir(dir, signal) {
        if (this.ensureDirCache.has(dir))
            return;
        const r = await this.exec(`mkdir -p '${dir.replace(/'/g, `'\\''`)}'`, { signal });
        if (r.exitCode !== 0)
            throw new Error(`cannot create ${dir} in the container: ${r.tail.join(' ')}`);
        this.ensureDirCache.add(dir);
    }
    async uploadContent(content, remotePath, mode, signal) {
        const owner = await this.uploadOwner(signal);
        const pack = tar_stream.pack();
        const buf = Buffer.isBuffer(content) ? content : Buffer.from(content);
        const [dir, name] = placement(remotePath);
        pack.entry({ name, mode, size: buf.length, ...(owner ?? {}) }, buf);
        pack.finalize();
        await this.ensureDir(dir, signal);
        await (0,engine_steps/* raceSignal */.WU)(this.container.putArchive(pack, { path: dir }), signal);
    }
    async download(remotePath, localPath, signal, depth = 0) {
        const stream = (await (0,engine_steps/* raceSignal */.WU)(this.container.getArchive({ path: remotePath }), signal));
        const target = (0,external_node_path_.resolve)(localPath);
        let first;
        let rootLink;
        // The archive's root is the remote file or directory itself.
        const extract = (0,tar/* extractInto */.Qz)(target, (header) => {
            const name = header.name.replace(/\/$/, '');
            first ??= name;
            if (name === first && header.type === 'symlink')
                rootLink = header.linkname ?? '';
            return (0,external_node_path_.relative)(first ?? name, name);
        });
        await (0,engine_steps/* raceSignal */.WU)((0,promises_.pipeline)(stream, extract), signal);
        if (rootLink !== undefined) {
            // A link as the thing asked for (like /etc/os-release): fetch what it points to.
            if (depth > 8)
                throw new Error(`${remotePath}: too many levels of symbolic links`);
            const real = rootLink.startsWith('/')
                ? rootLink
                : external_node_path_.posix.join(external_node_path_.posix.dirname(remotePath), rootLink);
            await this.download(real, localPath, signal, depth + 1);
        }
    }
}

;// CONCATENATED MODULE: ./src/plugins/builders/docker/builder.ts
/**
 * The docker builder: pull → create → start → provision → commit | export | discard.
 * Everything goes through the Docker API (dockerode); the container is in the ledger from
 * the moment it exists and is removed by cleanup whatever happens.
 */






const CHANGE_INSTRUCTIONS = [
    'CMD',
    'ENTRYPOINT',
    'ENV',
    'EXPOSE',
    'LABEL',
    'USER',
    'WORKDIR',
    'VOLUME',
    'ONBUILD',
    'STOPSIGNAL',
];
function asList(v) {
    if (v === undefined)
        return undefined;
    return Array.isArray(v) ? v.map(String) : [String(v)];
}
function validateChanges(changes) {
    for (const ch of changes) {
        const word = ch.trim().split(/\s+/)[0]?.toUpperCase();
        if (!CHANGE_INSTRUCTIONS.includes(word)) {
            throw new context/* BuildError */.z(`changes: "${ch}" is not an instruction docker commit accepts`, `use one of ${CHANGE_INSTRUCTIONS.join(', ')}`);
        }
    }
}
/** Follows a pull stream to its end; a failure anywhere in it is an error. */
/** An error entry inside a pull or push progress stream (the HTTP call itself succeeded). */
class ProgressError extends Error {
}
/**
 * Follows a pull or push stream to its end; an error entry anywhere in it rejects with a
 * ProgressError. `onEvent` sees every entry (push reads the digest from one).
 */
async function followProgress(docker, stream, signal, onEvent) {
    await (0,engine_steps/* raceSignal */.WU)(new Promise((res, rej) => docker.modem.followProgress(stream, (err, output) => {
        if (err)
            return rej(err);
        const failed = output?.find((o) => o.error);
        return failed ? rej(new ProgressError(failed.error)) : res();
    }, onEvent)), signal);
}
const dockerBuilder = {
    steps(env, provision) {
        const c = env.instance.config;
        const docker = env.docker();
        const image = String(c.image);
        const outputs = [
            c.commit === true,
            typeof c.export_path === 'string',
            c.discard === true,
        ].filter(Boolean).length;
        if (outputs > 1)
            throw new context/* BuildError */.z('set only one of commit, export_path and discard', `source ${env.instance.source}`);
        const mode = typeof c.export_path === 'string' ? 'export' : c.discard === true ? 'discard' : 'commit';
        const changes = asList(c.changes) ?? [];
        validateChanges(changes);
        return [
            {
                name: 'pull',
                async run(_s, ctx) {
                    const policy = String(c.pull ?? 'missing');
                    let present = true;
                    try {
                        await docker.getImage(image).inspect();
                    }
                    catch {
                        present = false;
                    }
                    if (policy === 'never' && !present)
                        throw new context/* BuildError */.z(`image ${image} is not present and pull is "never"`, 'pull it first, or set pull: missing');
                    if (policy === 'always' || (policy === 'missing' && !present)) {
                        ctx.log(`pulling ${image}`);
                        try {
                            const stream = (await docker.pull(image, c.platform ? { platform: String(c.platform) } : {}));
                            await followProgress(docker, stream, ctx.signal);
                        }
                        catch (e) {
                            if (ctx.signal.aborted)
                                throw e;
                            if (present)
                                ctx.log(`pull failed (${e.message}); using the local ${image}`);
                            else
                                throw new context/* BuildError */.z(`cannot pull ${image}: ${e.message}`, 'check the image name and that the registry is reachable (and logged in, for private images)');
                        }
                    }
                },
            },
            {
                name: 'create container',
                async run(s, ctx) {
                    const binds = Object.entries(c.volumes ?? {}).map(([h, ctr]) => `${(0,external_node_path_.resolve)(env.specDir, h)}:${ctr}`);
                    const tmpfs = Object.fromEntries((c.tmpfs ?? []).map((t) => [
                        t.split(':')[0],
                        t.split(':').slice(1).join(':'),
                    ]));
                    const entrypoint = asList(c.entrypoint);
                    const cmd = asList(c.cmd);
                    const container = await docker.createContainer({
                        Image: image,
                        // Like Packer: an interactive shell keeps the container alive in any image.
                        Entrypoint: entrypoint ?? (cmd ? undefined : ['/bin/sh']),
                        Cmd: cmd ?? [],
                        Tty: !cmd,
                        OpenStdin: !cmd,
                        // No Env here: what the container's config holds ends up in the image.
                        // Found by name (not labels: a container's labels would be committed into the image).
                        name: containerName(env.instance.name, env.runUuid),
                        HostConfig: {
                            Privileged: c.privileged === true,
                            Binds: binds.length ? binds : undefined,
                            Tmpfs: Object.keys(tmpfs).length ? tmpfs : undefined,
                            CapAdd: asList(c.cap_add),
                            CapDrop: asList(c.cap_drop),
                            Devices: asList(c.devices)?.map((d) => {
                                const [host, inner, perms] = d.split(':');
                                return {
                                    PathOnHost: host,
                                    PathInContainer: inner ?? host,
                                    CgroupPermissions: perms ?? 'rwm',
                                };
                            }),
                        },
                        ...(c.platform ? { platform: String(c.platform) } : {}),
                    });
                    s.container = container;
                    s.containerEntry = env.ledger.add(env.instance.name, 'docker-container', { id: container.id }, `container ${container.id.slice(0, 12)} from ${image}`);
                    env.generated.ID = container.id;
                    ctx.log(`container ${container.id.slice(0, 12)} created`);
                },
                async cleanup(s) {
                    if (!s.container)
                        return;
                    await removeContainer(s.container);
                    if (s.containerEntry)
                        env.ledger.done(s.containerEntry);
                },
                cleanupBudgetMs: 6_000,
            },
            {
                name: 'start container',
                async run(s) {
                    await s.container.start();
                    env.connection = {
                        type: 'docker',
                        containerId: s.container.id,
                        user: typeof c.exec_user === 'string' ? c.exec_user : undefined,
                    };
                    s.communicator = new DockerCommunicator(docker, s.container, {
                        execUser: typeof c.exec_user === 'string' ? c.exec_user : undefined,
                        fixUploadOwner: c.fix_upload_owner !== false,
                        env: c.env ?? {},
                    });
                },
            },
            provision,
            {
                name: mode,
                async run(s, ctx) {
                    const ctr = s.container;
                    if (mode === 'discard') {
                        s.artifact = undefined;
                        ctx.log('discard: the container is thrown away');
                        return;
                    }
                    if (mode === 'export') {
                        const path = (0,external_node_path_.resolve)(env.specDir, String(c.export_path));
                        (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(path), { recursive: true });
                        const stream = (await ctr.export());
                        await (0,engine_steps/* raceSignal */.WU)((0,promises_.pipeline)(stream, (0,external_node_fs_.createWriteStream)(path)), ctx.signal);
                        s.artifact = {
                            id: path,
                            builderType: 'docker',
                            files: [path],
                            description: `container filesystem exported to ${path}`,
                        };
                        return;
                    }
                    // The build container runs a shell bake chose; the image must keep the base
                    // image's own entrypoint and command unless `changes` says otherwise.
                    const base = (await docker.getImage(image).inspect()).Config;
                    (0,engine_steps/* throwIfCancelled */.dZ)(ctx.signal);
                    // Not raced against cancellation: a commit that finishes after a cancel would
                    // leave an image nobody knows of. It takes well under a second; wait, then undo.
                    const res = (await ctr.commit({
                        _query: {
                            container: ctr.id,
                            changes,
                            author: typeof c.author === 'string' ? c.author : undefined,
                            comment: typeof c.message === 'string' ? c.message : undefined,
                        },
                        _body: {
                            // [] rather than null: null would let the daemon copy the container's shell.
                            Entrypoint: base?.Entrypoint ?? [],
                            Cmd: base?.Cmd ?? null,
                            Tty: false,
                            OpenStdin: false,
                            StdinOnce: false,
                            AttachStdin: false,
                        },
                    }));
                    const id = res.Id;
                    // Until the build ends well the new image is a half-made result: ledger it.
                    const entry = env.ledger.add(env.instance.name, 'docker-image', { id }, `image ${id.slice(7, 19)}`);
                    s.artifact = {
                        id,
                        builderType: 'docker',
                        description: `image ${id}`,
                        ledgerEntries: [entry],
                        destroy: async () => {
                            await docker
                                .getImage(id)
                                .remove({ noprune: false })
                                .catch((e) => {
                                if (e.statusCode !== 404)
                                    throw e;
                            });
                        },
                    };
                    ctx.log(`committed ${id}`);
                    (0,engine_steps/* throwIfCancelled */.dZ)(ctx.signal);
                },
            },
        ];
    },
};
function containerName(build, run) {
    return `bake-${build.replace(/[^A-Za-z0-9_.-]/g, '-')}-${run.slice(0, 8)}`;
}
async function removeContainer(container) {
    try {
        await container.remove({ force: true, v: true });
    }
    catch (e) {
        const code = e.statusCode;
        // 404: already gone; 409: removal already in progress.
        if (code !== 404 && code !== 409)
            throw e;
    }
}

// EXTERNAL MODULE: ./src/communicators/ssh.ts
var ssh = __webpack_require__(3010);
// EXTERNAL MODULE: ./src/communicators/ssh-config.ts
var ssh_config = __webpack_require__(6042);
// EXTERNAL MODULE: ./src/spec/schema.ts
var schema = __webpack_require__(7280);
;// CONCATENATED MODULE: ./src/plugins/builders/null/builder.ts
/**
 * The null builder (Packer's name): provisions a machine that already exists, over SSH.
 * It makes no artifact; its result is the build report.
 */




const nullBuilder = {
    steps(env, provision) {
        const c = env.instance.config;
        return [
            {
                name: 'connect',
                async run(s, ctx) {
                    const options = (0,ssh_config/* sshOptions */.b)(c, env.specDir);
                    const pause = (0,schema/* parseDuration */.E9)(c.pause_before_connecting);
                    if (pause)
                        await (0,engine_steps/* sleep */.yy)(pause, ctx.signal);
                    s.ssh = new ssh/* SshCommunicator */.mh({ ...options, log: ctx.log });
                    await s.ssh.connect(ctx.signal);
                    s.communicator = s.ssh;
                    env.connection = { type: 'ssh', options };
                    Object.assign(env.generated, {
                        Host: options.host,
                        Port: String(options.port),
                        User: options.username,
                    });
                    ctx.log(`connected to ${options.username}@${options.host}:${options.port}`);
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

;// CONCATENATED MODULE: ./src/plugins/builders/amazon-ebs/builder.ts
const amazonEbsBuilder = {
    async steps(env, provision) {
        const { ebsSteps } = await Promise.all(/* import() */[__webpack_require__.e(193), __webpack_require__.e(400)]).then(__webpack_require__.bind(__webpack_require__, 400));
        // The steps keep more state than BuildState names; the engine only passes it through.
        return ebsSteps(env, provision);
    },
};

;// CONCATENATED MODULE: ./src/plugins/provisioners/shell.ts







const DEFAULT_EXECUTE = 'chmod +x {{.Path}}; {{.Vars}} {{.Path}}';
/** The environment every script sees: bake's names and Packer's, for carried-over scripts. */
function buildVars(use, env) {
    const c = use.config;
    const vars = {
        BAKE_BUILD_NAME: env.instance.name,
        BAKE_BUILDER_TYPE: env.instance.type,
        PACKER_BUILD_NAME: env.instance.source,
        PACKER_BUILDER_TYPE: env.instance.type,
    };
    for (const kv of c.environment_vars ?? []) {
        const eq = kv.indexOf('=');
        if (eq > 0)
            vars[kv.slice(0, eq)] = kv.slice(eq + 1);
        else
            throw new context/* BuildError */.z(`environment_vars entry "${kv}" is not KEY=value`, `see ${use.path}`);
    }
    Object.assign(vars, c.env ?? {});
    return vars;
}
function scriptsOf(use, specDir) {
    const c = use.config;
    const out = [];
    if (Array.isArray(c.inline)) {
        const shebang = String(c.inline_shebang ?? '/bin/sh -e');
        out.push({
            name: 'inline',
            body: Buffer.from(`#!${shebang}\n${c.inline.join('\n')}\n`),
        });
    }
    const files = [
        ...(typeof c.script === 'string' ? [c.script] : []),
        ...(c.scripts ?? []),
    ];
    for (const f of files) {
        try {
            out.push({ name: f, body: (0,external_node_fs_.readFileSync)((0,external_node_path_.resolve)(specDir, f)) });
        }
        catch (e) {
            throw new context/* BuildError */.z(`cannot read script ${f}: ${e.code ?? e}`, `paths are relative to the spec's directory (${specDir})`);
        }
    }
    if (!out.length)
        throw new context/* BuildError */.z('shell provisioner has nothing to run', `set inline, script or scripts (${use.path})`);
    return out;
}
const MAX_HEREDOC = 64 * 1024;
/** `cat > path <<'TAG' ... TAG` for a text script, or undefined when it must be uploaded. */
function hereDocument(body, remote) {
    if (body.length > MAX_HEREDOC || body.includes(0))
        return undefined;
    const text = body.toString('utf8');
    if (!Buffer.from(text, 'utf8').equals(body))
        return undefined;
    let tag;
    do
        tag = `BAKE_SCRIPT_${(0,external_node_crypto_.randomBytes)(6).toString('hex')}`;
    while (text.includes(tag));
    return `cat > ${(0,communicator/* shQuote */.US)(remote)} <<'${tag}'\n${text}${text.endsWith('\n') ? '' : '\n'}${tag}\nchmod 0755 ${(0,communicator/* shQuote */.US)(remote)}`;
}
const shell = {
    async run(use, comm, env, signal) {
        if (!comm)
            throw new context/* BuildError */.z('the shell provisioner needs a machine to run in', 'this builder has no communicator; use shell-local');
        const c = use.config;
        const vars = buildVars(use, env);
        const varsText = Object.entries(vars)
            .map(([k, v]) => `${k}=${(0,communicator/* shQuote */.US)(v)}`)
            .join(' ');
        const valid = (c.valid_exit_codes ?? [0]).map(Number);
        const folder = String(c.remote_folder ?? '/tmp');
        for (const script of scriptsOf(use, env.specDir)) {
            const remote = typeof c.remote_path === 'string'
                ? c.remote_path
                : `${folder}/${typeof c.remote_file === 'string' ? c.remote_file : `bake-script-${(0,external_node_crypto_.randomBytes)(4).toString('hex')}.sh`}`;
            const execute = String(c.execute_command ?? DEFAULT_EXECUTE)
                .replace(/\{\{\s*\.Path\s*\}\}/g, (0,communicator/* shQuote */.US)(remote))
                .replace(/\{\{\s*\.Vars\s*\}\}/g, varsText);
            // Writing the script (as a here-document) and removing it in the same command as
            // running it saves two round trips per script; binary or huge scripts are uploaded.
            const heredoc = hereDocument(script.body, remote);
            if (!heredoc)
                await comm.uploadContent(script.body, remote, 0o755, signal);
            const command = [
                heredoc ?? '',
                execute,
                c.skip_clean === true ? '' : `__bake_rc=$?; rm -f ${(0,communicator/* shQuote */.US)(remote)}; exit $__bake_rc`,
            ]
                .filter(Boolean)
                .join('\n');
            let result;
            try {
                result = await comm.exec(command, {
                    signal,
                    onStdout: (l) => env.out('stdout', l),
                    onStderr: (l) => env.out('stderr', l),
                });
            }
            catch (e) {
                if (c.expect_disconnect === true && !signal.aborted) {
                    env.out('info', 'connection dropped, as expect_disconnect allows');
                    continue;
                }
                throw e;
            }
            if (!valid.includes(result.exitCode)) {
                throw new context/* BuildError */.z(`script ${script.name === 'inline' ? '(inline)' : script.name} exited with code ${result.exitCode}`, valid.length === 1 && valid[0] === 0
                    ? 'set valid_exit_codes if this code means success'
                    : `valid exit codes: ${valid.join(', ')}`, result.tail);
            }
        }
        const pause = (0,schema/* parseDuration */.E9)(c.pause_after);
        if (pause)
            await (0,engine_steps/* sleep */.yy)(pause, signal);
    },
};

;// CONCATENATED MODULE: ./src/plugins/provisioners/file.ts



const file = {
    async run(use, comm, env, signal) {
        if (!comm)
            throw new context/* BuildError */.z('the file provisioner needs a machine to copy to', 'this builder has no communicator');
        const c = use.config;
        const dest = String(c.destination);
        if ((c.direction ?? 'upload') === 'download') {
            const sources = [
                ...(typeof c.source === 'string' ? [c.source] : []),
                ...(c.sources ?? []),
            ];
            if (!sources.length)
                throw new context/* BuildError */.z('a download needs source (the remote path)', use.path);
            for (const s of sources) {
                const local = (0,external_node_path_.resolve)(env.specDir, dest.endsWith('/') ? dest + s.split('/').filter(Boolean).pop() : dest);
                (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(local), { recursive: true });
                env.out('info', `downloading ${s} → ${local}`);
                await comm.download(s, local, signal);
            }
            return;
        }
        if (typeof c.content === 'string') {
            if (c.source !== undefined || c.sources !== undefined)
                throw new context/* BuildError */.z('set either content or source/sources, not both', use.path);
            env.out('info', `writing ${dest}`);
            await comm.uploadContent(c.content, dest, 0o644, signal);
            return;
        }
        const sources = [
            ...(typeof c.source === 'string' ? [c.source] : []),
            ...(c.sources ?? []),
        ];
        if (!sources.length)
            throw new context/* BuildError */.z('the file provisioner needs source, sources or content', use.path);
        for (const s of sources) {
            const local = (0,external_node_path_.resolve)(env.specDir, s);
            if (!(0,external_node_fs_.existsSync)(local))
                throw new context/* BuildError */.z(`file provisioner: ${s} does not exist`, `paths are relative to the spec's directory (${env.specDir})`);
            // A directory goes into the destination as Packer does it: "dir" creates dest/dir,
            // "dir/" copies its contents. A file goes into dest/ when dest ends in / or when
            // several sources are given, and becomes dest otherwise.
            const isDir = (0,external_node_fs_.statSync)(local).isDirectory();
            const target = !isDir && (sources.length > 1 || dest.endsWith('/'))
                ? `${dest.replace(/\/$/, '')}/${local.split('/').pop()}`
                : dest.replace(/(.)\/$/, '$1');
            env.out('info', `uploading ${s} → ${target}`);
            await comm.upload(s.endsWith('/') ? local + '/' : local, target, signal);
        }
    },
};
function writeLocal(path, content) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ./src/plugins/provisioners/local-process.ts
/** Runs a program on the machine running bake, streaming its lines into the build's output. */


/** Resolves with the exit code and the last lines; rejects when the program cannot start. */
function runLocal(cmd, args, o, build) {
    return new Promise((res, rej) => {
        const tail = (0,communicator/* tailKeeper */.L3)(o.tailLines);
        const child = (0,external_node_child_process_.spawn)(cmd, args, {
            cwd: o.cwd,
            env: o.env,
            stdio: ['ignore', 'pipe', 'pipe'],
            signal: o.signal,
        });
        const out = new communicator/* LineSplitter */.g3((l) => (tail.push(l), build.out('stdout', l)));
        const err = new communicator/* LineSplitter */.g3((l) => (tail.push(l), build.out('stderr', l)));
        child.stdout.on('data', (d) => out.write(d));
        child.stderr.on('data', (d) => err.write(d));
        child.on('error', rej);
        child.on('close', (code) => {
            out.end();
            err.end();
            res({ code: code ?? -1, tail: tail.lines });
        });
    });
}

;// CONCATENATED MODULE: ./src/plugins/provisioners/shell-local.ts






/** Runs on the machine running bake (the runner), with the build's generated data in env. */
const shellLocal = {
    async run(use, _comm, env, signal) {
        const c = use.config;
        const vars = { ...buildVars(use, env) };
        for (const [k, v] of Object.entries(env.generated))
            vars[`BAKE_${k.toUpperCase()}`] = v;
        const scripts = typeof c.command === 'string'
            ? [
                {
                    name: 'command',
                    body: Buffer.from(`#!${String(c.inline_shebang ?? '/bin/sh -e')}\n${c.command}\n`),
                },
            ]
            : scriptsOf(use, env.specDir);
        const valid = (c.valid_exit_codes ?? [0]).map(Number);
        const dir = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'bake-local-'));
        try {
            for (const [i, s] of scripts.entries()) {
                const path = (0,external_node_path_.join)(dir, `script-${i}.sh`);
                (0,external_node_fs_.writeFileSync)(path, s.body, { mode: 0o700 });
                const { code, tail } = await runLocal(path, [], { cwd: env.specDir, env: { ...process.env, ...vars }, signal }, env);
                if (!valid.includes(code))
                    throw new context/* BuildError */.z(`local script ${s.name === 'inline' ? '(inline)' : s.name} exited with code ${code}`, undefined, tail);
            }
        }
        finally {
            (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
        }
    },
};

;// CONCATENATED MODULE: ./src/plugins/provisioners/restart.ts


/** Reboots the machine, waits for it to go down and come back, then checks it. */
const restart = {
    async run(use, comm, env, signal) {
        if (!comm?.awaitRestart)
            throw new context/* BuildError */.z('the restart provisioner needs an SSH machine', 'a Docker build cannot reboot; drop this provisioner or use only/except');
        const c = use.config;
        const timeout = (0,schema/* parseDuration */.E9)(c.restart_timeout ?? '5m') ?? 300_000;
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
        await comm.awaitRestart(signal, timeout);
        env.out('info', 'the machine is back');
        if (typeof c.restart_check_command === 'string') {
            const r = await comm.exec(c.restart_check_command, {
                signal,
                onStdout: (l) => env.out('stdout', l),
                onStderr: (l) => env.out('stderr', l),
            });
            if (r.exitCode !== 0)
                throw new context/* BuildError */.z(`restart_check_command exited with code ${r.exitCode}`, undefined, r.tail);
        }
    },
};

;// CONCATENATED MODULE: ./src/plugins/provisioners/ansible.ts
/**
 * Runs ansible-playbook on this machine against the build: over SSH with the build's own
 * credentials (a temporary 0600 key file, removed afterwards), or into a Docker build
 * container through Ansible's docker connection.
 */






function iniValue(v) {
    return /^[\w./@:-]+$/.test(v) ? v : `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}
let dockerConnection;
function hasDockerConnection(command) {
    if (dockerConnection === undefined) {
        const doc = command.replace(/ansible-playbook$/, 'ansible-doc');
        const r = (0,external_node_child_process_.spawnSync)(doc, ['-t', 'connection', '-l'], { encoding: 'utf8', timeout: 60_000 });
        dockerConnection = r.status === 0 && /(^|\s)(community\.docker\.)?docker\s/m.test(r.stdout);
    }
    return dockerConnection;
}
/** ansible-playbook or ansible-galaxy; a missing program says what to install. */
async function run(cmd, args, cwd, environment, env, signal) {
    try {
        return await runLocal(cmd, args, { cwd, env: environment, signal, tailLines: 30 }, env);
    }
    catch (e) {
        if (e.code === 'ENOENT')
            throw new context/* BuildError */.z(`${cmd} is not installed on this machine`, 'install Ansible (apt-get install ansible, or pip install ansible)');
        throw e;
    }
}
const ansible = {
    async run(use, _comm, env, signal) {
        const c = use.config;
        const conn = env.connection;
        if (!conn)
            throw new context/* BuildError */.z('the ansible provisioner needs a machine', 'use it with a builder that reaches a machine (docker, null, cloud builders)');
        const command = String(c.command ?? 'ansible-playbook');
        const alias = String(c.host_alias ?? 'default');
        const dir = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'bake-ansible-'));
        try {
            const hostVars = {};
            if (conn.type === 'ssh') {
                const o = conn.options;
                hostVars.ansible_host = o.host;
                hostVars.ansible_port = String(o.port);
                hostVars.ansible_user = String(c.user ?? o.username);
                const sshArgs = [
                    '-o StrictHostKeyChecking=no',
                    '-o UserKnownHostsFile=/dev/null',
                    '-o IdentitiesOnly=yes',
                ];
                if (o.privateKey !== undefined) {
                    const keyFile = (0,external_node_path_.join)(dir, 'key');
                    (0,external_node_fs_.writeFileSync)(keyFile, o.privateKey.toString().trimEnd() + '\n', { mode: 0o600 });
                    hostVars.ansible_ssh_private_key_file = keyFile;
                }
                else if (o.password !== undefined) {
                    hostVars.ansible_password = o.password;
                }
                if (o.bastion) {
                    if (o.bastion.password !== undefined && o.bastion.privateKey === undefined) {
                        throw new context/* BuildError */.z('ansible cannot pass a password to a bastion host', 'give the bastion a private key (ssh_bastion_private_key_file) or use an agent');
                    }
                    let proxy = `-o ProxyCommand="ssh -W %h:%p -p ${o.bastion.port} -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null`;
                    if (o.bastion.privateKey !== undefined) {
                        const bkey = (0,external_node_path_.join)(dir, 'bastion-key');
                        (0,external_node_fs_.writeFileSync)(bkey, o.bastion.privateKey.toString().trimEnd() + '\n', { mode: 0o600 });
                        proxy += ` -i ${bkey}`;
                    }
                    sshArgs.push(`${proxy} ${o.bastion.username}@${o.bastion.host}"`);
                }
                hostVars.ansible_ssh_common_args = sshArgs.join(' ');
                if (c.use_sftp === true)
                    hostVars.ansible_ssh_transfer_method = 'sftp';
            }
            else {
                if (!hasDockerConnection(command)) {
                    throw new context/* BuildError */.z("Ansible's docker connection plugin is not installed", 'install it with: ansible-galaxy collection install community.docker');
                }
                hostVars.ansible_connection = 'community.docker.docker';
                hostVars.ansible_host = conn.containerId;
                if (c.user ?? conn.user)
                    hostVars.ansible_user = String(c.user ?? conn.user);
            }
            const groups = c.groups ?? [];
            const hostLine = `${alias} ${Object.entries(hostVars)
                .map(([k, v]) => `${k}=${iniValue(v)}`)
                .join(' ')}`;
            const inventory = [hostLine, ...groups.flatMap((g) => ['', `[${g}]`, alias])].join('\n') + '\n';
            const inventoryFile = (0,external_node_path_.join)(dir, 'inventory.ini');
            (0,external_node_fs_.writeFileSync)(inventoryFile, inventory, { mode: 0o600 });
            const environment = {
                ...process.env,
                ANSIBLE_HOST_KEY_CHECKING: 'False',
                ANSIBLE_RETRY_FILES_ENABLED: 'False',
                ANSIBLE_NOCOLOR: '1',
                PYTHONUNBUFFERED: '1',
            };
            if (typeof c.roles_path === 'string')
                environment.ANSIBLE_ROLES_PATH = (0,external_node_path_.resolve)(env.specDir, c.roles_path);
            if (typeof c.collections_path === 'string')
                environment.ANSIBLE_COLLECTIONS_PATH = (0,external_node_path_.resolve)(env.specDir, c.collections_path);
            for (const kv of c.ansible_env_vars ?? []) {
                const eq = kv.indexOf('=');
                if (eq <= 0)
                    throw new context/* BuildError */.z(`ansible_env_vars entry "${kv}" is not KEY=value`, use.path);
                environment[kv.slice(0, eq)] = kv.slice(eq + 1);
            }
            if (typeof c.galaxy_file === 'string') {
                const galaxy = command.replace(/ansible-playbook$/, 'ansible-galaxy');
                const args = ['install', '-r', (0,external_node_path_.resolve)(env.specDir, c.galaxy_file)];
                if (typeof c.roles_path === 'string')
                    args.push('-p', (0,external_node_path_.resolve)(env.specDir, c.roles_path));
                const g = await run(galaxy, args, env.specDir, environment, env, signal);
                if (g.code !== 0)
                    throw new context/* BuildError */.z(`ansible-galaxy install exited with code ${g.code}`, undefined, g.tail);
            }
            const args = [
                '-i',
                inventoryFile,
                '--limit',
                alias,
                ...(c.extra_arguments ?? []),
                (0,external_node_path_.resolve)(env.specDir, String(c.playbook_file)),
            ];
            const r = await run(command, args, env.specDir, environment, env, signal);
            if (r.code !== 0)
                throw new context/* BuildError */.z(`ansible-playbook exited with code ${r.code}`, 'the playbook output above says which task failed', r.tail);
        }
        finally {
            (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
        }
    },
};

// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
// EXTERNAL MODULE: ./src/util/redact.ts
var redact = __webpack_require__(767);
;// CONCATENATED MODULE: ./src/plugins/post-processors/docker.ts








function requireImage(id, type) {
    if (!id.startsWith('sha256:'))
        throw new context/* BuildError */.z(`${type} needs a Docker image artifact, got "${id}"`, 'use it after a docker builder with commit: true');
}
const dockerTag = {
    async run(use, input, env) {
        requireImage(input.id, 'docker-tag');
        const repo = String(use.config.repository);
        const tags = use.config.tags ?? ['latest'];
        const image = env.docker().getImage(input.id);
        const added = [];
        for (const tag of tags) {
            if (!/^[\w][\w.-]{0,127}$/.test(tag))
                throw new context/* BuildError */.z(`"${tag}" is not a valid Docker tag`, 'tags use letters, digits, _, . and -, up to 128 characters');
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
function registryOf(ref) {
    const first = ref.split('/')[0];
    return ref.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost')
        ? first
        : 'docker.io';
}
const dockerPush = {
    async run(use, input, env, signal) {
        requireImage(input.id, 'docker-push');
        const c = use.config;
        if (!input.tags?.length)
            throw new context/* BuildError */.z('docker-push has no tag to push', 'put a docker-tag post-processor before it in the same chain');
        const docker = env.docker();
        const username = c.login_username ?? process.env.BAKE_REGISTRY_USERNAME;
        const password = c.login_password ?? process.env.BAKE_REGISTRY_PASSWORD;
        if (password)
            (0,redact/* addSecret */.Ck)(password);
        const digests = [];
        for (const ref of input.tags) {
            const at = ref.lastIndexOf(':');
            const repo = ref.slice(0, at);
            const tag = ref.slice(at + 1);
            const authconfig = c.login === true || username
                ? {
                    username,
                    password,
                    serveraddress: c.login_server ?? registryOf(ref),
                }
                : undefined;
            env.out('info', `pushing ${ref}`);
            const stream = (await docker
                .getImage(repo)
                .push({ tag, ...(authconfig ? { authconfig } : {}) }));
            let digest;
            try {
                await followProgress(docker, stream, signal, (ev) => {
                    if (ev.aux?.Digest)
                        digest = ev.aux.Digest;
                });
            }
            catch (e) {
                if (!(e instanceof ProgressError))
                    throw e;
                throw new context/* BuildError */.z(`push of ${ref} failed: ${e.message}`, 'check the registry address and credentials (login_username/login_password or BAKE_REGISTRY_USERNAME/PASSWORD)');
            }
            if (!digest)
                throw new context/* BuildError */.z(`push of ${ref} reported no digest`);
            digests.push(`${repo}@${digest}`);
            env.out('info', `pushed ${repo}@${digest}`);
        }
        return {
            artifact: { ...input, digests: [...(input.digests ?? []), ...digests] },
            keepInput: true,
        };
    },
};
const dockerSave = {
    async run(use, input, env, signal) {
        requireImage(input.id, 'docker-save');
        const path = (0,external_node_path_.resolve)(env.specDir, String(use.config.path));
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(path), { recursive: true });
        const gzip = use.config.compress === true || path.endsWith('.gz');
        const stream = (await env
            .docker()
            .getImage(input.tags?.[0] ?? input.id)
            .get());
        if (gzip)
            await (0,engine_steps/* raceSignal */.WU)((0,promises_.pipeline)(stream, (0,external_node_zlib_.createGzip)(), (0,external_node_fs_.createWriteStream)(path)), signal);
        else
            await (0,engine_steps/* raceSignal */.WU)((0,promises_.pipeline)(stream, (0,external_node_fs_.createWriteStream)(path)), signal);
        env.out('info', `saved ${input.tags?.[0] ?? input.id} to ${path}`);
        return {
            artifact: {
                id: path,
                builderType: input.builderType,
                files: [path],
                description: `image saved to ${path}`,
            },
        };
    },
};

;// CONCATENATED MODULE: ./src/plugins/post-processors/files.ts








function fill(template, vars) {
    return template.replace(/\{\{\s*\.(\w+)\s*\}\}/g, (m, k) => vars[k] ?? m);
}
async function hashFile(path, algo) {
    const h = (0,external_node_crypto_.createHash)(algo);
    await (0,promises_.pipeline)((0,external_node_fs_.createReadStream)(path), h);
    return h.digest('hex');
}
const checksum = {
    async run(use, input, env) {
        if (!input.files?.length)
            throw new context/* BuildError */.z('checksum needs an artifact with files', 'use it after export_path, docker-save or compress');
        const types = use.config.checksum_types ?? ['sha256'];
        const out = [];
        for (const t of types) {
            const path = (0,external_node_path_.resolve)(env.specDir, fill(String(use.config.output ?? '{{.BuildName}}_{{.ChecksumType}}.checksum'), {
                BuildName: env.instance.name,
                BuilderType: env.instance.type,
                ChecksumType: t,
            }));
            (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(path), { recursive: true });
            const lines = [];
            for (const f of input.files)
                lines.push(`${await hashFile(f, t)}\t${(0,external_node_path_.basename)(f)}`);
            (0,external_node_fs_.writeFileSync)(path + '.tmp', lines.join('\n') + '\n');
            (0,external_node_fs_.renameSync)(path + '.tmp', path);
            out.push(path);
            env.out('info', `${t} checksums written to ${path}`);
        }
        return { artifact: { ...input, files: [...input.files, ...out] }, keepInput: true };
    },
};
const compress = {
    async run(use, input, env, signal) {
        if (!input.files?.length)
            throw new context/* BuildError */.z('compress needs an artifact with files', 'use it after export_path or docker-save');
        const path = (0,external_node_path_.resolve)(env.specDir, fill(String(use.config.output), {
            BuildName: env.instance.name,
            BuilderType: env.instance.type,
        }));
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(path), { recursive: true });
        const pack = tar_stream.pack();
        const level = Number(use.config.compression_level ?? 6);
        const done = (0,engine_steps/* raceSignal */.WU)((0,promises_.pipeline)(pack, (0,external_node_zlib_.createGzip)({ level }), (0,external_node_fs_.createWriteStream)(path)), signal);
        for (const f of input.files) {
            const st = (0,external_node_fs_.statSync)(f);
            await new Promise((res, rej) => {
                const entry = pack.entry({ name: (0,external_node_path_.basename)(f), size: st.size, mode: st.mode & 0o777, mtime: st.mtime }, (e) => (e ? rej(e) : res()));
                (0,external_node_fs_.createReadStream)(f).on('error', rej).pipe(entry);
            });
        }
        pack.finalize();
        await done;
        env.out('info', `compressed ${input.files.length} file(s) into ${path}`);
        return {
            artifact: {
                id: path,
                builderType: input.builderType,
                files: [path],
                description: `archive ${path}`,
            },
        };
    },
};

;// CONCATENATED MODULE: ./src/plugins/post-processors/manifest.ts
/**
 * The manifest post-processor: Packer's packer-manifest.json shape, written atomically and
 * merged across runs and across processes writing at once (a lock file serialises them).
 */




const STALE_LOCK_MS = 30_000;
async function withFileLock(path, signal, fn) {
    const lock = path + '.lock';
    for (let attempt = 0;; attempt++) {
        try {
            (0,external_node_fs_.closeSync)((0,external_node_fs_.openSync)(lock, 'wx'));
            break;
        }
        catch (e) {
            if (e.code !== 'EEXIST')
                throw e;
            try {
                if (Date.now() - (0,external_node_fs_.statSync)(lock).mtimeMs > STALE_LOCK_MS)
                    (0,external_node_fs_.unlinkSync)(lock);
            }
            catch {
                // the holder released it meanwhile
            }
            await (0,engine_steps/* sleep */.yy)(Math.min(5 + attempt * 2, 50), signal);
        }
    }
    try {
        return fn();
    }
    finally {
        try {
            (0,external_node_fs_.unlinkSync)(lock);
        }
        catch {
            // already gone
        }
    }
}
function addToManifest(path, entry, runUuid) {
    let m = { builds: [], last_run_uuid: runUuid };
    if ((0,external_node_fs_.existsSync)(path)) {
        try {
            const old = JSON.parse((0,external_node_fs_.readFileSync)(path, 'utf8'));
            if (Array.isArray(old.builds))
                m.builds = old.builds;
        }
        catch {
            // A manifest that no longer parses is kept aside, never silently overwritten.
            (0,external_node_fs_.renameSync)(path, `${path}.corrupt-${Date.now()}`);
        }
    }
    m = { builds: [...m.builds, entry], last_run_uuid: runUuid };
    const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    (0,external_node_fs_.writeFileSync)(tmp, JSON.stringify(m, null, 2) + '\n');
    (0,external_node_fs_.renameSync)(tmp, path);
}
const manifest = {
    async run(use, input, env, signal) {
        const path = (0,external_node_path_.resolve)(env.specDir, String(use.config.output ?? 'bake-manifest.json'));
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(path), { recursive: true });
        const files = input.files?.length
            ? input.files.map((f) => ({
                name: use.config.strip_path === true ? (0,external_node_path_.basename)(f) : f,
                size: (0,external_node_fs_.existsSync)(f) ? (0,external_node_fs_.statSync)(f).size : 0,
            }))
            : null;
        const entry = (0,redact/* redactValue */.FI)({
            name: env.instance.source,
            builder_type: env.instance.type,
            build_time: Math.floor(Date.now() / 1000),
            files,
            artifact_id: input.id,
            packer_run_uuid: env.runUuid,
            bake_run_uuid: env.runUuid,
            custom_data: use.config.custom_data ?? null,
            ...(input.tags?.length ? { tags: input.tags } : {}),
            ...(input.digests?.length ? { digests: input.digests } : {}),
            ...(input.regions ? { regions: input.regions } : {}),
        });
        await withFileLock(path, signal, () => addToManifest(path, entry, env.runUuid));
        env.out('info', `manifest updated: ${path}`);
        return { artifact: input, keepInput: true };
    },
};

;// CONCATENATED MODULE: ./src/engine/plugins.ts











const builderImpls = {
    docker: dockerBuilder,
    null: nullBuilder,
    'amazon-ebs': amazonEbsBuilder,
};
const provisionerImpls = {
    shell: shell,
    file: file,
    'shell-local': shellLocal,
    restart: restart,
    ansible: ansible,
};
const postProcessorImpls = {
    'docker-tag': dockerTag,
    'docker-push': dockerPush,
    'docker-save': dockerSave,
    manifest: manifest,
    checksum: checksum,
    compress: compress,
};

;// CONCATENATED MODULE: ./src/engine/build.ts






class TimeoutError extends Error {
}
function provisionerStep(use, index, env) {
    const impl = provisionerImpls[use.type];
    return {
        name: `provisioner ${index + 1}: ${use.label}`,
        async run(state, ctx) {
            if (use.pauseBeforeMs) {
                env.out('info', `pausing ${use.pauseBeforeMs / 1000}s before ${use.label}`);
                await (0,engine_steps/* sleep */.yy)(use.pauseBeforeMs, ctx.signal);
            }
            for (let attempt = 0;; attempt++) {
                const deadline = (0,engine_steps/* withTimeout */.wj)(ctx.signal, use.timeoutMs);
                const signal = deadline.signal;
                try {
                    await impl.run(use, state.communicator, env, signal);
                    return;
                }
                catch (e) {
                    if (ctx.signal.aborted)
                        throw e;
                    const timedOut = use.timeoutMs !== undefined && signal.aborted;
                    const err = timedOut
                        ? new context/* BuildError */.z(`${use.label} timed out after ${use.timeoutMs / 1000}s`, `raise timeout at ${use.path}`)
                        : e;
                    if (attempt >= use.maxRetries)
                        throw err;
                    env.out('info', `${use.label} failed (${err.message}); retry ${attempt + 1} of ${use.maxRetries}`);
                    await (0,engine_steps/* sleep */.yy)(Math.min(2000 * (attempt + 1), 10_000), ctx.signal);
                }
                finally {
                    deadline.clear();
                }
            }
        },
    };
}
/** A result for `inst` with nothing run yet. */
function resultOf(inst, status) {
    return {
        name: inst.name,
        build: inst.build,
        source: inst.source,
        builder: inst.type,
        status,
        durationMs: 0,
        steps: [],
    };
}
async function runBuild(inst, o) {
    const t0 = performance.now();
    const timings = [];
    const { bus } = o;
    const emitOut = (stream, line) => bus.emit({ type: 'output', time: now(), build: inst.name, stream, line: (0,redact/* redact */.E$)(line) });
    bus.emit({ type: 'build-start', time: now(), build: inst.name, builder: inst.type });
    const timeoutCtl = new AbortController();
    let timer;
    if (inst.timeoutMs)
        timer = setTimeout(() => timeoutCtl.abort(new TimeoutError(`build timeout of ${inst.timeoutMs / 1000}s exceeded`)), inst.timeoutMs);
    const signal = AbortSignal.any([o.signal, timeoutCtl.signal]);
    const env = {
        instance: inst,
        specDir: o.specDir,
        runUuid: o.runUuid,
        ledger: o.ledger,
        docker: o.docker,
        out: emitOut,
        generated: {},
    };
    const result = { ...resultOf(inst, 'succeeded'), steps: timings };
    const state = {};
    const fail = (e, step) => {
        const cancelled = o.signal.aborted && !timeoutCtl.signal.aborted;
        result.status = cancelled ? 'cancelled' : 'failed';
        result.failedStep ??= step;
        const err = timeoutCtl.signal.aborted ? timeoutCtl.signal.reason : e;
        result.error ??= (0,redact/* redact */.E$)(cancelled ? 'cancelled' : (err?.message ?? String(e)));
        if (e instanceof context/* BuildError */.z) {
            result.hint ??= e.hint;
            result.tail ??= e.tail?.map(redact/* redact */.E$);
        }
    };
    try {
        const impl = builderImpls[inst.type];
        const marker = { name: 'provision', run: async () => undefined };
        const provSteps = inst.provisioners.map((p, i) => provisionerStep(p, i, env));
        const steps = (await impl.steps(env, marker)).flatMap((s) => (s === marker ? provSteps : [s]));
        let aborted = false;
        const r = await (0,engine_steps/* runSteps */.rl)(steps, state, { signal, log: (l) => emitOut('info', l) }, {
            onStepStart: (name) => bus.emit({ type: 'step-start', time: now(), build: inst.name, step: name }),
            onStepEnd: (name, ms, error) => {
                timings.push({
                    name,
                    start: new Date(Date.now() - ms).toISOString(),
                    durationMs: Math.round(ms),
                    ok: !error,
                });
                bus.emit({
                    type: 'step-end',
                    time: now(),
                    build: inst.name,
                    step: name,
                    durationMs: Math.round(ms),
                    ok: !error,
                    ...(error ? { error: (0,redact/* redact */.E$)(error.message ?? String(error)) } : {}),
                });
            },
            onCleanupError: (name, error) => {
                emitOut('stderr', `cleanup of "${name}" failed: ${error.message}; the resource stays in the ledger for "bake cleanup"`);
                bus.emit({
                    type: 'cleanup',
                    time: now(),
                    build: inst.name,
                    resource: name,
                    ok: false,
                    error: (0,redact/* redact */.E$)(String(error.message)),
                });
            },
        }, {
            deferCleanup: true,
            skipCleanup: () => {
                if (o.signal.aborted)
                    return false;
                if (o.onError === 'abort' || o.onError === 'run-cleanup-provisioner') {
                    aborted = true;
                    return true;
                }
                return false;
            },
        });
        if (!r.ok) {
            fail(r.error, r.failedStep);
            if (aborted) {
                if (o.onError === 'run-cleanup-provisioner' && inst.errorCleanupProvisioner) {
                    emitOut('info', 'running the error-cleanup-provisioner');
                    try {
                        await provisionerImpls[inst.errorCleanupProvisioner.type].run(inst.errorCleanupProvisioner, state.communicator, env, (0,engine_steps/* withTimeout */.wj)(undefined, inst.errorCleanupProvisioner.timeoutMs ?? 300_000).signal);
                    }
                    catch (e) {
                        emitOut('stderr', `error-cleanup-provisioner failed: ${e.message}`);
                    }
                }
                for (const entry of ResourceLedger.pending(o.ledger.file).filter((x) => x.run === o.runUuid && x.build === inst.name))
                    o.ledger.keep(entry);
                result.leftRunning = state.communicator
                    ? `left running for debugging: ${state.communicator.describe()}; remove it with "bake cleanup --ledger ${o.ledger.file}"`
                    : `resources left for debugging; remove them with "bake cleanup --ledger ${o.ledger.file}"`;
                emitOut('info', result.leftRunning);
            }
            else if (state.artifact) {
                await destroyHalfMade(state.artifact, env);
            }
            return result;
        }
        const built = state.artifact;
        if (built) {
            result.artifact = recordOf(built);
            bus.emit({
                type: 'artifact',
                time: now(),
                build: inst.name,
                artifact: (0,redact/* redactValue */.FI)(result.artifact),
            });
        }
        try {
            if (built && inst.postProcessors.length)
                await runChains(inst, built, env, bus, signal, result, timings);
            await r.cleanup;
            if (signal.aborted)
                throw signal.reason instanceof Error ? signal.reason : new engine_steps/* CancelledError */.cc();
        }
        catch (e) {
            // Cancelled while post-processing: the image is not a finished result; remove it.
            await r.cleanup;
            fail(e, result.failedStep);
            if (built)
                await destroyHalfMade(built, env);
            return result;
        }
        // The build's artifact is now the result: it leaves the ledger, kept on purpose.
        for (const entry of built?.ledgerEntries ?? [])
            o.ledger.done(entry);
        if (built)
            built.ledgerEntries = undefined;
    }
    catch (e) {
        fail(e);
    }
    finally {
        if (timer)
            clearTimeout(timer);
        result.durationMs = Math.round(performance.now() - t0);
        bus.emit({
            type: 'build-end',
            time: now(),
            build: inst.name,
            status: result.status,
            durationMs: result.durationMs,
            ...(result.error ? { error: result.error } : {}),
            ...(result.failedStep ? { failedStep: result.failedStep } : {}),
        });
    }
    return result;
}
async function destroyHalfMade(a, env) {
    try {
        await a.destroy?.();
        for (const entry of a.ledgerEntries ?? [])
            env.ledger.done(entry);
        env.out('info', `removed the unfinished artifact ${a.id}`);
    }
    catch (e) {
        env.out('stderr', `could not remove the unfinished artifact ${a.id}: ${e.message}; it stays in the ledger`);
    }
}
/** Each chain starts from the build's artifact; a failing chain does not stop the others. */
async function runChains(inst, built, env, events, signal, result, timings) {
    const merged = {
        ...built,
        tags: [...(built.tags ?? [])],
        digests: [...(built.digests ?? [])],
        files: [...(built.files ?? [])],
    };
    let keepBuilt = false;
    for (const [ci, chain] of inst.postProcessors.entries()) {
        let input = built;
        for (const [pi, use] of chain.entries()) {
            const name = `post-processor ${ci + 1}.${pi + 1}: ${use.label}`;
            const t = performance.now();
            const finish = (ok, error) => {
                const ms = Math.round(performance.now() - t);
                timings.push({ name, start: new Date(Date.now() - ms).toISOString(), durationMs: ms, ok });
                events.emit({
                    type: 'step-end',
                    time: now(),
                    build: inst.name,
                    step: name,
                    durationMs: ms,
                    ok,
                    ...(error ? { error } : {}),
                });
            };
            events.emit({ type: 'step-start', time: now(), build: inst.name, step: name });
            try {
                if (signal.aborted)
                    throw new engine_steps/* CancelledError */.cc();
                const out = await postProcessorImpls[use.type].run(use, input, env, signal);
                if (signal.aborted)
                    throw new engine_steps/* CancelledError */.cc();
                const keep = out.keepInput || use.keepInputArtifact === true || out.artifact.id === input.id;
                if (input === built)
                    keepBuilt ||= keep;
                else if (!keep)
                    await input.destroy?.().catch(() => undefined);
                input = out.artifact;
                mergeInto(merged, out.artifact);
                finish(true);
            }
            catch (e) {
                finish(false, (0,redact/* redact */.E$)(e.message));
                if (signal.aborted) {
                    result.failedStep = name;
                    throw e;
                }
                env.out('stderr', `${name} failed: ${(0,redact/* redact */.E$)(e.message)}; the other chains go on`);
                if (result.status === 'succeeded') {
                    result.status = 'failed';
                    result.failedStep = name;
                    result.error = (0,redact/* redact */.E$)(e.message);
                    if (e instanceof context/* BuildError */.z) {
                        result.hint = e.hint;
                        result.tail = e.tail?.map(redact/* redact */.E$);
                    }
                }
                keepBuilt = true;
                break;
            }
        }
    }
    result.artifact = recordOf(merged);
    if (!keepBuilt && built.destroy) {
        // Every chain consumed the build's artifact without keeping it (Packer's default).
        await built
            .destroy()
            .catch((e) => env.out('stderr', `could not remove ${built.id}: ${e.message}`));
    }
}
function mergeInto(m, a) {
    for (const t of a.tags ?? [])
        if (!m.tags.includes(t))
            m.tags.push(t);
    for (const d of a.digests ?? [])
        if (!m.digests.includes(d))
            m.digests.push(d);
    for (const f of a.files ?? [])
        if (!m.files.includes(f))
            m.files.push(f);
}

;// CONCATENATED MODULE: ./src/engine/cleaners.ts
/** How each kind of ledgered resource is removed; shared by the engine, `bake cleanup` and the post step. */

const ignoreMissing = (e) => {
    const code = e.statusCode;
    if (code !== 404 && code !== 409)
        throw e;
};
const cleaners = {
    'docker-container': async (e, docker) => {
        await docker().getContainer(e.ref.id).remove({ force: true, v: true }).catch(ignoreMissing);
    },
    'docker-image': async (e, docker) => {
        await docker().getImage(e.ref.id).remove({ force: true }).catch(ignoreMissing);
    },
    'local-file': async (e) => {
        (0,external_node_fs_.rmSync)(e.ref.path, { recursive: true, force: true });
    },
    ...Object.fromEntries(['aws-instance', 'aws-security-group', 'aws-key-pair', 'aws-ami'].map((kind) => [
        kind,
        async (e) => {
            // The AWS SDK loads only when the ledger lists an AWS resource.
            const { awsCleaners } = await Promise.all(/* import() */[__webpack_require__.e(193), __webpack_require__.e(146)]).then(__webpack_require__.bind(__webpack_require__, 4146));
            await awsCleaners[kind](e);
        },
    ])),
};

;// CONCATENATED MODULE: ./src/engine/console.ts

const COLORS = [36, 33, 35, 32, 34, 91, 96, 93];
function attachConsole(bus, o) {
    const colorOf = new Map();
    const buffers = new Map();
    const width = { n: 0 };
    const tag = (build) => {
        if (!colorOf.has(build))
            colorOf.set(build, COLORS[colorOf.size % COLORS.length]);
        width.n = Math.max(width.n, build.length);
        const name = build.padEnd(width.n);
        return o.color ? `\x1b[${colorOf.get(build)}m${name}\x1b[0m | ` : `${name} | `;
    };
    const line = (build, text) => {
        const t = (0,redact/* redact */.E$)(text);
        if (o.github && o.parallel) {
            buffers.get(build)?.push(t);
            return;
        }
        o.write(o.github ? `${t}\n` : `${tag(build)}${t}\n`);
    };
    const live = (build, text) => o.write(o.github && !o.parallel ? `${(0,redact/* redact */.E$)(text)}\n` : `${tag(build)}${(0,redact/* redact */.E$)(text)}\n`);
    bus.on((e) => {
        switch (e.type) {
            case 'build-start':
                if (o.github && !o.parallel)
                    o.write(`::group::${e.build} (${e.builder})\n`);
                if (o.github && o.parallel)
                    buffers.set(e.build, []);
                live(e.build, `build started (${e.builder})`);
                return;
            case 'step-start':
                live(e.build, `==> ${e.step}`);
                return;
            case 'step-end':
                if (!e.ok)
                    live(e.build, `✗ ${e.step} failed after ${(e.durationMs / 1000).toFixed(1)}s: ${e.error ?? ''}`);
                return;
            case 'output':
                line(e.build, e.stream === 'stderr' ? `${e.line}` : e.line);
                return;
            case 'artifact':
                return;
            case 'build-end': {
                if (o.github && o.parallel) {
                    o.write(`::group::${e.build} output\n`);
                    for (const l of buffers.get(e.build) ?? [])
                        o.write(`${l}\n`);
                    o.write('::endgroup::\n');
                }
                const secs = (e.durationMs / 1000).toFixed(1);
                const msg = e.status === 'succeeded'
                    ? `finished in ${secs}s`
                    : `${e.status} after ${secs}s${e.failedStep ? ` in "${e.failedStep}"` : ''}: ${e.error ?? ''}`;
                live(e.build, msg);
                if (o.github && !o.parallel)
                    o.write('::endgroup::\n');
                if (o.github && e.status === 'failed')
                    o.write(`::error title=${e.build} failed::${escapeData((0,redact/* redact */.E$)(`${e.failedStep ? e.failedStep + ': ' : ''}${e.error ?? ''}`))}\n`);
                return;
            }
            default:
                return;
        }
    });
}
function escapeData(s) {
    return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

;// CONCATENATED MODULE: ./src/engine/fingerprint.ts
/**
 * Build fingerprints for skip-unchanged: what a build would make is decided by its resolved
 * settings (without the values that change on every run: timestamp(), uuidv4()), the bytes
 * of every local file it reads, and the identity of what it starts from (a base image's
 * digest, the resolved source AMI). Two runs with the same fingerprint make the same thing.
 */




/** JSON with keys sorted, so equal values always give equal text. */
function canonical(v) {
    if (Array.isArray(v))
        return `[${v.map(canonical).join(',')}]`;
    if (v && typeof v === 'object')
        return `{${Object.keys(v)
            .sort()
            .map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`)
            .join(',')}}`;
    return JSON.stringify(v ?? null);
}
/** Content hash of a file or a whole directory tree (names, modes, bytes, links). */
function hashPath(path) {
    const h = (0,external_node_crypto_.createHash)('sha256');
    const walk = (p, root) => {
        let st;
        try {
            st = (0,external_node_fs_.lstatSync)(p);
        }
        catch {
            h.update(`missing:${(0,external_node_path_.relative)(root, p)}\n`);
            return;
        }
        const rel = (0,external_node_path_.relative)(root, p);
        if (st.isDirectory()) {
            h.update(`dir:${rel}:${st.mode & 0o7777}\n`);
            for (const name of (0,external_node_fs_.readdirSync)(p).sort())
                walk((0,external_node_path_.join)(p, name), root);
        }
        else if (st.isSymbolicLink()) {
            h.update(`link:${rel}:${(0,external_node_fs_.readlinkSync)(p)}\n`);
        }
        else {
            h.update(`file:${rel}:${st.mode & 0o7777}:${st.size}\n`);
            h.update((0,external_node_fs_.readFileSync)(p));
        }
    };
    walk(path, path);
    return h.digest('hex');
}
/**
 * The fingerprint of one build instance. `stable` is the same instance resolved with the
 * volatile functions fixed; `base` names what the build starts from. Sensitive values are
 * left out (a hash of a short password could be guessed back from a cache key).
 */
function fingerprintOf(stable, specDir, base) {
    const files = [...new Set(stable.files)].sort().map((f) => [(0,external_node_path_.relative)(specDir, f), hashPath(f)]);
    const doc = (0,redact/* redactValue */.FI)({
        v: 1,
        type: stable.type,
        config: stable.config,
        provisioners: stable.provisioners.map((p) => ({ type: p.type, config: p.config })),
        errorCleanup: stable.errorCleanupProvisioner
            ? { type: stable.errorCleanupProvisioner.type, config: stable.errorCleanupProvisioner.config }
            : null,
        postProcessors: stable.postProcessors.map((chain) => chain.map((p) => ({ type: p.type, config: p.config, keep: p.keepInputArtifact ?? null }))),
        files,
        base,
    });
    return (0,external_node_crypto_.createHash)('sha256').update(canonical(doc)).digest('hex');
}

;// CONCATENATED MODULE: ./src/engine/reuse.ts
/**
 * skip-unchanged: a build whose fingerprint matches a cached earlier result, and whose
 * artifact still exists, is not built again; its artifact is reported as reused.
 * The cache is a directory for the CLI and @actions/cache in the action.
 */



/** The CLI's cache: one JSON file per key. */
function directoryCache(dir) {
    return {
        async get(key) {
            const f = (0,external_node_path_.join)(dir, `${key}.json`);
            if (!(0,external_node_fs_.existsSync)(f))
                return undefined;
            try {
                return JSON.parse((0,external_node_fs_.readFileSync)(f, 'utf8'));
            }
            catch {
                return undefined;
            }
        },
        async put(key, value) {
            (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
            const f = (0,external_node_path_.join)(dir, `${key}.json`);
            (0,external_node_fs_.writeFileSync)(`${f}.tmp`, JSON.stringify(value, null, 2) + '\n');
            (0,external_node_fs_.renameSync)(`${f}.tmp`, f);
        },
    };
}
function cacheKey(inst, fingerprint) {
    return `bake-${inst.name.replace(/[^A-Za-z0-9._-]/g, '-')}-${fingerprint.slice(0, 40)}`;
}
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
/** Decides whether `inst` can be skipped; never throws (when in doubt, build). */
async function decide(inst, stable, specDir, cache, reuser) {
    try {
        if (!stable)
            return { reason: 'no stable form of this build' };
        const base = await reuser.base(inst);
        if (base === undefined)
            return { reason: 'what it starts from cannot be identified' };
        const fingerprint = fingerprintOf(stable, specDir, base);
        const key = cacheKey(inst, fingerprint);
        const hit = await cache.get(key);
        if (!hit || hit.fingerprint !== fingerprint)
            return { key, fingerprint, reason: 'changed since the last cached build' };
        if (!(await reuser.exists(inst, hit.artifact)))
            return { key, fingerprint, reason: `unchanged, but ${hit.artifact.id} no longer exists` };
        return { key, fingerprint, reused: hit, reason: 'unchanged' };
    }
    catch (e) {
        return { reason: `could not fingerprint it (${e.message})` };
    }
}

;// CONCATENATED MODULE: ./src/engine/run.ts
/** `bake build` and `bake cleanup`: scheduling, signals, events file, final report. */











let DockerClient;
let sharedDocker;
/** Loads the Docker client library (~0.1 s): only runs that touch Docker pay for it. */
async function loadDocker() {
    DockerClient ??= (await __webpack_require__.e(/* import() */ 40).then(__webpack_require__.t.bind(__webpack_require__, 9040, 23))).default;
}
function dockerClient() {
    if (!DockerClient)
        throw new Error('internal error: the Docker client was used before loadDocker()');
    sharedDocker ??= new DockerClient();
    return sharedDocker;
}
function usesDocker(plan) {
    return plan.instances.some((i) => i.type === 'docker' || i.postProcessors.flat().some((p) => p.type.startsWith('docker-')));
}
/** Runs every instance of the plan, at most parallelBuilds at a time (0 = all). */
async function runPlan(plan, o) {
    const t0 = performance.now();
    const bus = o.bus ?? new EventBus();
    const write = o.write ?? ((t) => process.stdout.write(t));
    if (o.console !== false) {
        attachConsole(bus, {
            write,
            color: !!process.stdout.isTTY && !process.env.NO_COLOR,
            github: process.env.GITHUB_ACTIONS === 'true',
            parallel: plan.instances.length > 1 && o.parallelBuilds !== 1,
        });
    }
    if (o.events) {
        const file = (0,external_node_path_.resolve)(o.events);
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(file), { recursive: true });
        bus.on((e) => (0,external_node_fs_.appendFileSync)(file, JSON.stringify((0,redact/* redactValue */.FI)(e)) + '\n'));
    }
    if (usesDocker(plan))
        await loadDocker();
    const ledger = new ResourceLedger((0,external_node_path_.resolve)(o.ledger), plan.runUuid);
    const failFast = new AbortController();
    const signal = o.signal ? AbortSignal.any([o.signal, failFast.signal]) : failFast.signal;
    bus.emit({
        type: 'run-start',
        time: now(),
        runUuid: plan.runUuid,
        builds: plan.instances.map((i) => i.name),
    });
    const stable = new Map((o.reuse?.stable.instances ?? []).map((i) => [i.name, i]));
    const reuser = reuserFor(dockerClient);
    /** Stores a good result under the key it was looked up by. */
    const remember = async (inst, r, d, specDir) => {
        let { key, fingerprint } = d;
        if (!key || !fingerprint) {
            // The base could not be told before the build (an image only a pull could reach).
            const s = stable.get(inst.name);
            const base = s && (await reuser.base(inst).catch(() => undefined));
            if (!s || base === undefined)
                return;
            fingerprint = fingerprintOf(s, specDir, base);
            key = cacheKey(inst, fingerprint);
        }
        try {
            await o.reuse.cache.put(key, {
                fingerprint,
                artifact: (0,redact/* redactValue */.FI)(r.artifact),
                builtAt: new Date().toISOString(),
                durationMs: r.durationMs,
            });
        }
        catch (e) {
            bus.emit({
                type: 'output',
                time: now(),
                build: inst.name,
                stream: 'stderr',
                line: `could not cache the result: ${e.message}`,
            });
        }
    };
    const specDir = (0,external_node_path_.resolve)(plan.specDir);
    const results = new Array(plan.instances.length);
    const limit = o.parallelBuilds > 0 ? o.parallelBuilds : plan.instances.length;
    let next = 0;
    const worker = async () => {
        while (next < plan.instances.length) {
            const i = next++;
            const inst = plan.instances[i];
            if (signal.aborted) {
                results[i] = {
                    ...resultOf(inst, o.signal?.aborted ? 'cancelled' : 'skipped'),
                    error: o.signal?.aborted
                        ? 'cancelled'
                        : 'not started: another build failed and --fail-fast is set',
                };
                continue;
            }
            const decision = o.reuse
                ? await decide(inst, stable.get(inst.name), specDir, o.reuse.cache, reuser)
                : undefined;
            if (decision?.reused) {
                results[i] = reusedResult(inst, decision.reused, bus);
                continue;
            }
            if (decision)
                bus.emit({
                    type: 'output',
                    time: now(),
                    build: inst.name,
                    stream: 'info',
                    line: `building: ${decision.reason}`,
                });
            const r = await runBuild(inst, {
                specDir,
                runUuid: plan.runUuid,
                ledger,
                bus,
                docker: dockerClient,
                signal,
                onError: o.onError,
            });
            results[i] = r;
            if (decision && r.status === 'succeeded' && r.artifact)
                await remember(inst, r, decision, specDir);
            if (r.status === 'failed' && o.failFast)
                failFast.abort(new engine_steps/* CancelledError */.cc('cancelled: another build failed and --fail-fast is set'));
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, limit) }, worker));
    const ok = results.every((r) => r.status === 'succeeded');
    const durationMs = Math.round(performance.now() - t0);
    bus.emit({ type: 'run-end', time: now(), ok, durationMs });
    return { runUuid: plan.runUuid, results, ok, durationMs };
}
/** How each builder's base and artifacts are checked for skip-unchanged. */
function reuserFor(docker) {
    return {
        async base(inst) {
            if (inst.type === 'docker')
                return dockerBase(docker(), String(inst.config.image), String(inst.config.pull ?? 'missing'));
            if (inst.type === 'amazon-ebs')
                return (await Promise.all(/* import() */[__webpack_require__.e(193), __webpack_require__.e(423)]).then(__webpack_require__.bind(__webpack_require__, 1423))).amiBase(inst.config);
            return undefined; // nothing to reuse (the null builder makes no artifact)
        },
        async exists(inst, a) {
            if (inst.type === 'docker')
                return dockerArtifactExists(docker(), a);
            if (inst.type === 'amazon-ebs')
                return (await Promise.all(/* import() */[__webpack_require__.e(193), __webpack_require__.e(423)]).then(__webpack_require__.bind(__webpack_require__, 1423))).amisExist(inst.config, a);
            return false;
        },
    };
}
function reusedResult(inst, c, bus) {
    const t = now();
    bus.emit({ type: 'build-start', time: t, build: inst.name, builder: inst.type });
    bus.emit({
        type: 'output',
        time: t,
        build: inst.name,
        stream: 'info',
        line: `unchanged since ${c.builtAt}: reusing ${c.artifact.id}`,
    });
    bus.emit({ type: 'artifact', time: t, build: inst.name, artifact: c.artifact });
    bus.emit({
        type: 'build-end',
        time: now(),
        build: inst.name,
        status: 'succeeded',
        durationMs: 0,
    });
    return { ...resultOf(inst, 'succeeded'), artifact: c.artifact, reused: true };
}
function formatSummary(s) {
    const lines = [''];
    const good = s.results.filter((r) => r.status === 'succeeded');
    const bad = s.results.filter((r) => r.status !== 'succeeded');
    if (good.length) {
        lines.push('==> Builds finished. The artifacts of successful builds are:');
        for (const r of good) {
            const a = r.artifact;
            lines.push(`--> ${r.name}${r.reused ? ' (unchanged, reused)' : ''}: ${a ? a.id : '(no artifact)'}${a?.tags?.length ? `  tags: ${a.tags.join(', ')}` : ''}${a?.digests?.length ? `  digests: ${a.digests.join(', ')}` : ''}  (${(r.durationMs / 1000).toFixed(1)}s)`);
        }
    }
    if (bad.length) {
        lines.push(`==> ${bad.length} build${bad.length === 1 ? '' : 's'} did not succeed:`);
        for (const r of bad) {
            lines.push(`--> ${r.name}: ${r.status}${r.failedStep ? ` in "${r.failedStep}"` : ''}: ${r.error ?? ''}`);
            if (r.hint)
                lines.push(`    hint: ${r.hint}`);
            if (r.tail?.length)
                lines.push('    last output:', ...r.tail.slice(-10).map((l) => `      ${l}`));
            if (r.leftRunning)
                lines.push(`    ${r.leftRunning}`);
        }
    }
    return (0,redact/* redact */.E$)(lines.join('\n')) + '\n';
}
/** Cancels on SIGINT/SIGTERM; cleanups still run (each with its own budget). */
function cancelOnSignals(write) {
    const ctl = new AbortController();
    let count = 0;
    const handler = (sig) => {
        count++;
        if (count === 1) {
            write(`\n==> ${sig} received: cancelling every build and cleaning up\n`);
            ctl.abort(new engine_steps/* CancelledError */.cc(`cancelled by ${sig}`));
        }
        else {
            write(`==> ${sig} again: still cleaning up; anything not removed stays in the ledger for "bake cleanup"\n`);
        }
    };
    process.on('SIGINT', handler);
    process.on('SIGTERM', handler);
    return {
        signal: ctl.signal,
        dispose: () => {
            process.off('SIGINT', handler);
            process.off('SIGTERM', handler);
        },
    };
}
async function runBuildCommand(plan, o, stable) {
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
            ...(stable ? { reuse: { cache: directoryCache((0,external_node_path_.resolve)(o.cacheDir)), stable } } : {}),
        });
        write(formatSummary(summary));
        return summary.ok ? 0 : 1;
    }
    finally {
        sig.dispose();
    }
}
/** Removes what the ledger still lists; safe to run again and again. */
async function cleanupLedger(file, write = (t) => process.stdout.write(t)) {
    const path = (0,external_node_path_.resolve)(file);
    const pending = ResourceLedger.pending(path);
    if (!pending.length) {
        write(`nothing to clean up in ${path}\n`);
        return 0;
    }
    const ledger = new ResourceLedger(path, 'cleanup');
    if (pending.some((e) => e.kind.startsWith('docker-')))
        await loadDocker();
    let failed = 0;
    for (const e of pending.reverse()) {
        const cleaner = cleaners[e.kind];
        if (!cleaner) {
            write(`cannot clean ${e.kind} ${JSON.stringify(e.ref)} (${e.description}): no cleaner for this kind; remove it by hand\n`);
            failed++;
            continue;
        }
        try {
            await cleaner(e, dockerClient);
            ledger.done(e);
            write(`removed ${e.description} (${e.build})\n`);
        }
        catch (err) {
            failed++;
            write(`could not remove ${e.description} (${e.build}): ${(0,redact/* redact */.E$)(err.message)}\n`);
        }
    }
    return failed ? 1 : 0;
}


/***/ }),

/***/ 4277:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   WU: () => (/* binding */ raceSignal),
/* harmony export */   cc: () => (/* binding */ CancelledError),
/* harmony export */   dZ: () => (/* binding */ throwIfCancelled),
/* harmony export */   rl: () => (/* binding */ runSteps),
/* harmony export */   wj: () => (/* binding */ withTimeout),
/* harmony export */   yy: () => (/* binding */ sleep)
/* harmony export */ });
/* unused harmony export TimeoutError */
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


/***/ })

};
;
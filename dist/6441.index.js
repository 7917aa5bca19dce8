"use strict";
exports.id = 6441;
exports.ids = [6441];
exports.modules = {

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

/***/ 36441:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  CHANGE_INSTRUCTIONS: () => (/* binding */ CHANGE_INSTRUCTIONS),
  ProgressError: () => (/* binding */ ProgressError),
  containerName: () => (/* binding */ containerName),
  dockerBuilder: () => (/* binding */ dockerBuilder),
  followProgress: () => (/* binding */ followProgress),
  removeContainer: () => (/* binding */ removeContainer),
  validateChanges: () => (/* binding */ validateChanges)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:stream/promises"
var promises_ = __webpack_require__(46466);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: ./node_modules/tar-stream/index.js
var tar_stream = __webpack_require__(56118);
// EXTERNAL MODULE: ./src/communicators/tar.ts
var tar = __webpack_require__(80571);
// EXTERNAL MODULE: ./src/communicators/communicator.ts
var communicator = __webpack_require__(54717);
// EXTERNAL MODULE: ./src/engine/steps.ts
var steps = __webpack_require__(54277);
;// CONCATENATED MODULE: ./src/communicators/docker.ts
/**
 * Talks to a build container through the Docker API: exec with demultiplexed, live output,
 * and file transfer as tar streams (no temporary copies, modes kept).
 */








/** The text of a non-TTY container's log: frames of an 8-byte header and a payload. */
function demux(b) {
    let out = '';
    for (let i = 0; i + 8 <= b.length;) {
        const size = b.readUInt32BE(i + 4);
        out += b.subarray(i + 8, i + 8 + size).toString('utf8');
        i += 8 + size;
    }
    return out;
}
/** The build container's own command ended, so nothing more can run in it. */
class ContainerStoppedError extends Error {
    /** Trying again cannot help. */
    permanent = true;
    hint = 'the command of the build container must keep running (an interactive shell: run_command ["-d", "-i", "-t", "{{.Image}}", "/bin/sh"], or cmd: [sleep, infinity])';
    constructor(message) {
        super(message);
        this.name = 'ContainerStoppedError';
    }
}
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
        const exec = await this.container
            .exec({
            Cmd: ['/bin/sh', '-c', command],
            AttachStdout: true,
            AttachStderr: true,
            User: this.opts.execUser ?? '',
            Env: Object.entries({ ...this.opts.env, ...o.env }).map(([k, v]) => `${k}=${v}`),
        })
            .catch((e) => this.stopped(e));
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
            await (0,steps/* raceSignal */.WU)(done, o.signal);
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
    /** Docker's 409 for a stopped container, as what happened: its command ended. */
    async stopped(e) {
        if (e.statusCode !== 409)
            throw e;
        const info = await this.container.inspect().catch(() => undefined);
        if (!info || info.State?.Running)
            throw e;
        const cmd = [...(info.Config?.Entrypoint ?? []), ...(info.Config?.Cmd ?? [])].join(' ');
        const logs = await this.container
            .logs({ stdout: true, stderr: true, tail: 5 })
            .then((b) => (info.Config?.Tty ? b.toString('utf8') : demux(b)).trim())
            .catch(() => '');
        throw new ContainerStoppedError(`the build container has stopped: its command (${cmd || 'the image default'}) exited with code ${info.State?.ExitCode ?? '?'}${logs ? `; its last output: ${logs.split('\n').slice(-3).join(' | ')}` : ''}`);
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
    /**
     * Whether a path in the container is a directory, from the engine's stat of it (one HEAD
     * request, no exec); a symbolic link is followed by `test -d`.
     */
    async isDirectory(path, signal) {
        let res;
        try {
            res = (await (0,steps/* raceSignal */.WU)(this.container.infoArchive({ path }), signal));
        }
        catch (e) {
            if (e.statusCode === 404)
                return false;
            throw e;
        }
        res.resume?.();
        const header = res.headers?.['x-docker-container-path-stat'];
        const stat = header
            ? JSON.parse(Buffer.from(header, 'base64').toString('utf8'))
            : undefined;
        if (stat && !stat.linkTarget && typeof stat.mode === 'number')
            // Go's os.ModeDir is the top bit of the 32-bit mode.
            return (stat.mode & 0x80000000) !== 0;
        const q = `'${path.replace(/'/g, `'\\''`)}'`;
        return (await this.exec(`test -d ${q}`, { signal })).exitCode === 0;
    }
    async upload(localPath, remotePath, signal, opts = {}) {
        const src = (0,external_node_path_.resolve)(localPath);
        const st = (0,external_node_fs_.lstatSync)(src);
        if (st.isDirectory() &&
            opts.intoExisting === true &&
            !localPath.endsWith('/') &&
            !(await this.isDirectory(remotePath, signal)))
            // Packer's rule: a directory becomes a destination that does not exist yet.
            return this.upload(src + '/', remotePath, signal);
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
        await (0,steps/* raceSignal */.WU)(this.container.putArchive(pack, { path: extractTo }), signal);
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
        await (0,steps/* raceSignal */.WU)(this.container.putArchive(pack, { path: dir }), signal);
    }
    async download(remotePath, localPath, signal, depth = 0) {
        const stream = (await (0,steps/* raceSignal */.WU)(this.container.getArchive({ path: remotePath }), signal));
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
        await (0,steps/* raceSignal */.WU)((0,promises_.pipeline)(stream, extract), signal);
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

// EXTERNAL MODULE: ./src/plugins/builders/docker/run-command.ts
var run_command = __webpack_require__(13423);
// EXTERNAL MODULE: ./src/plugins/builders/docker/schema.ts
var schema = __webpack_require__(71179);
// EXTERNAL MODULE: ./src/engine/context.ts
var context = __webpack_require__(86173);
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
function concatLists(a, b) {
    const all = [...(a ?? []), ...(b ?? [])];
    return all.length ? all : undefined;
}
function asList(v) {
    if (v === undefined)
        return undefined;
    return Array.isArray(v) ? v.map(String) : [String(v)];
}
function validateChanges(changes) {
    for (const ch of changes) {
        const word = ch.trim().split(/\s+/)[0]?.toUpperCase();
        if (!CHANGE_INSTRUCTIONS.includes(word)) {
            throw new context/* BuildError */.zS(`changes: "${ch}" is not an instruction docker commit accepts`, `use one of ${CHANGE_INSTRUCTIONS.join(', ')}`);
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
    await (0,steps/* raceSignal */.WU)(new Promise((res, rej) => docker.modem.followProgress(stream, (err, output) => {
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
        // commit, export_path and discard are exclusive: the descriptor's rules refuse two.
        const mode = typeof c.export_path === 'string' ? 'export' : c.discard === true ? 'discard' : 'commit';
        const changes = asList(c.changes) ?? [];
        validateChanges(changes);
        // The descriptor's rules refuse a run_command that does not parse.
        const parsed = Array.isArray(c.run_command)
            ? (0,run_command/* parseRunCommand */.E)(c.run_command.map(String))
            : undefined;
        const run = parsed && !('error' in parsed) ? parsed : undefined;
        // Commands run as the user the container runs as, unless exec_user says otherwise.
        const execUser = typeof c.exec_user === 'string' ? c.exec_user : run?.user;
        return [
            {
                name: 'pull',
                async run(_s, ctx) {
                    // Both at once: the engine answering, and whether the image is here.
                    const [, present] = await Promise.all([
                        reachEngine(docker),
                        docker
                            .getImage(image)
                            .inspect()
                            .then(() => true, () => false),
                    ]);
                    const policy = (0,schema/* pullPolicy */.w)(c.pull);
                    if (policy === 'never' && !present)
                        throw new context/* BuildError */.zS(`image ${image} is not present and pull is "never"`, 'pull it first, or set pull: missing');
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
                                throw new context/* BuildError */.zS(`cannot pull ${image}: ${e.message}`, 'check the image name and that the registry is reachable (and logged in, for private images)');
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
                        ...(run
                            ? {
                                Entrypoint: run.entrypoint,
                                Cmd: run.cmd,
                                Tty: run.tty,
                                OpenStdin: run.stdin,
                                User: run.user,
                                Env: run.env.length ? run.env : undefined,
                                WorkingDir: run.workdir,
                                Hostname: run.hostname,
                            }
                            : {
                                // Like Packer: an interactive shell keeps the container alive in any image.
                                Entrypoint: entrypoint ?? (cmd ? undefined : ['/bin/sh']),
                                Cmd: cmd ?? [],
                                Tty: !cmd,
                                OpenStdin: !cmd,
                            }),
                        // No Env here: what the container's config holds ends up in the image.
                        // Found by name (not labels: a container's labels would be committed into the image).
                        name: containerName(env.instance.name, env.runUuid),
                        HostConfig: {
                            Privileged: c.privileged === true || run?.privileged === true,
                            Binds: binds.length || run?.volumes.length
                                ? [...binds, ...(run?.volumes ?? [])]
                                : undefined,
                            ...(run?.network ? { NetworkMode: run.network } : {}),
                            Tmpfs: Object.keys(tmpfs).length ? tmpfs : undefined,
                            CapAdd: concatLists(asList(c.cap_add), run?.capAdd),
                            CapDrop: concatLists(asList(c.cap_drop), run?.capDrop),
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
                        user: execUser,
                    };
                    s.communicator = new DockerCommunicator(docker, s.container, {
                        execUser,
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
                        await (0,steps/* raceSignal */.WU)((0,promises_.pipeline)(stream, (0,external_node_fs_.createWriteStream)(path)), ctx.signal);
                        s.artifact = {
                            id: path,
                            builderType: 'docker',
                            files: [path],
                            description: `container filesystem exported to ${path}`,
                            destroy: async () => (0,external_node_fs_.rmSync)(path, { force: true }),
                        };
                        return;
                    }
                    // The build container runs a shell bake chose; the image must keep the base
                    // image's own entrypoint and command unless `changes` says otherwise.
                    // Its processes are stopped first, so the snapshot is of a filesystem nothing
                    // writes to (the commit then needs no pause), and removing a stopped container
                    // afterwards takes ~10 ms where a running one takes ~100 ms (kill 85, commit
                    // without pause 57, removal 8, against commit with pause 77 and removal 96).
                    const [base] = await Promise.all([
                        docker
                            .getImage(image)
                            .inspect()
                            .then((i) => i.Config),
                        ctr.kill().catch((e) => {
                            // 409: it is not running (its command ended); committing it is still right.
                            if (e.statusCode !== 409)
                                throw e;
                        }),
                    ]);
                    (0,steps/* throwIfCancelled */.dZ)(ctx.signal);
                    // Not raced against cancellation: a commit that finishes after a cancel would
                    // leave an image nobody knows of. It takes well under a second; wait, then undo.
                    const res = (await ctr.commit({
                        _query: {
                            container: ctr.id,
                            pause: false,
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
                    (0,steps/* throwIfCancelled */.dZ)(ctx.signal);
                },
            },
        ];
    },
};
/**
 * The engine answers, or the build stops with what is wrong with the socket — not a pull
 * error about a registry that was never asked.
 */
async function reachEngine(docker) {
    try {
        await docker.ping();
    }
    catch (e) {
        const err = e;
        const socket = err.address ?? process.env.DOCKER_HOST ?? '/var/run/docker.sock';
        if (err.code === 'EACCES')
            throw new context/* BuildError */.zS(`permission denied on the Docker socket ${socket}`, 'add your user to the docker group (sudo usermod -aG docker "$USER", then log in again), or run bake as root');
        if (err.code === 'ENOENT' || err.code === 'ECONNREFUSED')
            throw new context/* BuildError */.zS(`no Docker engine answers at ${socket}`, 'start one (scripts/dev-services.sh here, or sudo systemctl start docker), or set DOCKER_HOST');
        throw new context/* BuildError */.zS(`the Docker engine at ${socket} does not answer: ${err.message}`);
    }
}
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


/***/ })

};
;
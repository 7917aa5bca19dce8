"use strict";
exports.id = 7018;
exports.ids = [7018,6219];
exports.modules = {

/***/ 28231:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $X: () => (/* binding */ waitOperation),
/* harmony export */   OK: () => (/* binding */ OperationError),
/* harmony export */   R$: () => (/* binding */ retrying),
/* harmony export */   W$: () => (/* binding */ gce),
/* harmony export */   Yj: () => (/* binding */ gceError),
/* harmony export */   c4: () => (/* binding */ isNotFound),
/* harmony export */   g: () => (/* binding */ authOf),
/* harmony export */   g5: () => (/* binding */ failureOf),
/* harmony export */   v8: () => (/* binding */ projectOf),
/* harmony export */   zI: () => (/* binding */ operationOf)
/* harmony export */ });
/* unused harmony exports endpointOptions, closeClients, retryDelays, WaitTimeoutError */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _google_cloud_compute_build_src_v1_disks_client__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(41601);
/* harmony import */ var _google_cloud_compute_build_src_v1_global_operations_client__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(68773);
/* harmony import */ var _google_cloud_compute_build_src_v1_images_client__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(28225);
/* harmony import */ var _google_cloud_compute_build_src_v1_instances_client__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(60891);
/* harmony import */ var _google_cloud_compute_build_src_v1_zone_operations_client__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(99276);
/* harmony import */ var google_auth_library__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(492);
/* harmony import */ var google_auth_library__WEBPACK_IMPORTED_MODULE_7___default = /*#__PURE__*/__webpack_require__.n(google_auth_library__WEBPACK_IMPORTED_MODULE_7__);
/* harmony import */ var _engine_context__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(86173);
/* harmony import */ var _engine_steps__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(54277);
/* harmony import */ var _util_redact__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(50767);
/**
 * Compute Engine clients, credentials, errors, retries and operation waits, shared by the
 * googlecompute builder, the ledger cleaners and `bake sweep`. Loaded lazily: importing
 * this pulls in @google-cloud/compute and google-auth-library.
 */


// Each client from its own module: the package's index also loads every type of the
// whole Compute API (tens of megabytes) that bake never uses.









const CLOUD_PLATFORM = 'https://www.googleapis.com/auth/cloud-platform';
/** The endpoint gcloud's CLOUDSDK_API_ENDPOINT_OVERRIDES_COMPUTE names, as client options. */
function endpointOptions() {
    const raw = process.env.CLOUDSDK_API_ENDPOINT_OVERRIDES_COMPUTE;
    if (!raw)
        return {};
    let u;
    try {
        u = new URL(raw);
    }
    catch {
        throw new _engine_context__WEBPACK_IMPORTED_MODULE_8__/* .BuildError */ .zS(`CLOUDSDK_API_ENDPOINT_OVERRIDES_COMPUTE is not a URL: ${raw}`, 'e.g. https://compute-myendpoint.p.googleapis.com/compute/v1/');
    }
    const protocol = u.protocol.replace(':', '');
    return {
        apiEndpoint: u.hostname,
        port: Number(u.port || (protocol === 'http' ? 80 : 443)),
        protocol,
    };
}
function readCredentialsFile(path, specDir) {
    const full = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(specDir, path);
    let text;
    try {
        text = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(full, 'utf8');
    }
    catch (e) {
        throw new _engine_context__WEBPACK_IMPORTED_MODULE_8__/* .BuildError */ .zS(`credentials_file ${path} cannot be read: ${e.code}`, `paths are relative to the spec's directory (${specDir})`);
    }
    return parseCredentials(text, `credentials_file ${path}`);
}
function parseCredentials(text, what) {
    let json;
    try {
        json = JSON.parse(text);
    }
    catch {
        throw new _engine_context__WEBPACK_IMPORTED_MODULE_8__/* .BuildError */ .zS(`${what} is not JSON`, 'give a service account key, or the external_account file google-github-actions/auth writes');
    }
    (0,_util_redact__WEBPACK_IMPORTED_MODULE_10__/* .addSecret */ .Ck)(json.private_key);
    (0,_util_redact__WEBPACK_IMPORTED_MODULE_10__/* .addSecret */ .Ck)(json.refresh_token);
    (0,_util_redact__WEBPACK_IMPORTED_MODULE_10__/* .addSecret */ .Ck)(json.client_secret);
    return json;
}
/**
 * The auth client for the settings, in Packer's order: access_token, credentials_json,
 * credentials_file, then Application Default Credentials (GOOGLE_APPLICATION_CREDENTIALS,
 * gcloud's login, the metadata server). No scopes are given for a service account key, so
 * the library signs its own token for the Compute API instead of asking an OAuth server.
 */
async function authOf(c, specDir) {
    let auth;
    let principal;
    let email;
    if (c.access_token) {
        (0,_util_redact__WEBPACK_IMPORTED_MODULE_10__/* .addSecret */ .Ck)(c.access_token);
        const o = new google_auth_library__WEBPACK_IMPORTED_MODULE_7__.OAuth2Client();
        o.setCredentials({ access_token: c.access_token, expiry_date: Date.now() + 3_600_000 });
        auth = o;
        principal = 'the given access_token';
    }
    else {
        const json = c.credentials_json
            ? parseCredentials(c.credentials_json, 'credentials_json')
            : c.credentials_file
                ? readCredentialsFile(c.credentials_file, specDir)
                : undefined;
        if (json)
            email = emailOf(json);
        else if (process.env.GOOGLE_APPLICATION_CREDENTIALS)
            try {
                email = emailOf(parseCredentials((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(process.env.GOOGLE_APPLICATION_CREDENTIALS, 'utf8'), 'GOOGLE_APPLICATION_CREDENTIALS'));
            }
            catch {
                // The client library says what is wrong with the file when it reads it.
            }
        if (json) {
            auth = new google_auth_library__WEBPACK_IMPORTED_MODULE_7__.GoogleAuth({
                credentials: json,
                ...(json.type === 'service_account' ? {} : { scopes: [CLOUD_PLATFORM] }),
            });
            principal =
                typeof json.client_email === 'string'
                    ? `service account ${json.client_email}`
                    : `the ${String(json.type ?? 'given')} credentials`;
        }
        else {
            auth = new google_auth_library__WEBPACK_IMPORTED_MODULE_7__.GoogleAuth();
            principal = process.env.GOOGLE_APPLICATION_CREDENTIALS
                ? `the credentials in GOOGLE_APPLICATION_CREDENTIALS`
                : 'Application Default Credentials';
        }
    }
    if (c.impersonate_service_account) {
        const source = auth instanceof google_auth_library__WEBPACK_IMPORTED_MODULE_7__.GoogleAuth ? await auth.getClient() : auth;
        const override = process.env.CLOUDSDK_API_ENDPOINT_OVERRIDES_IAMCREDENTIALS;
        auth = new google_auth_library__WEBPACK_IMPORTED_MODULE_7__.Impersonated({
            sourceClient: source,
            targetPrincipal: c.impersonate_service_account,
            targetScopes: [CLOUD_PLATFORM],
            lifetime: 3600,
            ...(override ? { endpoint: override.replace(/\/v1\/?$|\/$/, '') } : {}),
        });
        principal = `service account ${c.impersonate_service_account} (impersonated by ${principal})`;
        email = c.impersonate_service_account;
    }
    return { auth, principal, email };
}
/**
 * The account a credentials file acts as: a service account key's client_email, or the
 * service account an external_account file (Workload Identity Federation) impersonates.
 */
function emailOf(json) {
    if (typeof json.client_email === 'string')
        return json.client_email;
    const url = json.service_account_impersonation_url;
    if (typeof url === 'string')
        return /serviceAccounts\/([^/:]+):generateAccessToken/.exec(url)?.[1]?.replace(/%40/gi, '@');
    return undefined;
}
const cache = new Map();
/** One set of clients per project and credentials. */
function gce(project, c = {}, specDir = process.cwd()) {
    const key = JSON.stringify([
        project,
        c,
        specDir,
        process.env.CLOUDSDK_API_ENDPOINT_OVERRIDES_COMPUTE,
    ]);
    let p = cache.get(key);
    if (!p) {
        p = (async () => {
            const { auth, principal } = await authOf(c, specDir);
            const opts = {
                projectId: project,
                ...endpointOptions(),
                ...(auth instanceof google_auth_library__WEBPACK_IMPORTED_MODULE_7__.GoogleAuth ? { auth } : { authClient: auth }),
                // google-gax bundles its own copy of google-auth-library: the same classes at run
                // time, distinct types for the compiler.
            };
            return {
                project,
                principal,
                instances: new _google_cloud_compute_build_src_v1_instances_client__WEBPACK_IMPORTED_MODULE_5__/* .InstancesClient */ .C(opts),
                disks: new _google_cloud_compute_build_src_v1_disks_client__WEBPACK_IMPORTED_MODULE_2__/* .DisksClient */ .g(opts),
                images: new _google_cloud_compute_build_src_v1_images_client__WEBPACK_IMPORTED_MODULE_4__/* .ImagesClient */ .A(opts),
                zoneOps: new _google_cloud_compute_build_src_v1_zone_operations_client__WEBPACK_IMPORTED_MODULE_6__/* .ZoneOperationsClient */ .G(opts),
                globalOps: new _google_cloud_compute_build_src_v1_global_operations_client__WEBPACK_IMPORTED_MODULE_3__/* .GlobalOperationsClient */ .V(opts),
            };
        })();
        p.catch(() => cache.delete(key));
        cache.set(key, p);
    }
    return p;
}
/** Closes every client made so far (their connections keep a process alive). */
async function closeClients() {
    const all = await Promise.allSettled([...cache.values()]);
    cache.clear();
    for (const r of all)
        if (r.status === 'fulfilled')
            for (const c of [
                r.value.instances,
                r.value.disks,
                r.value.images,
                r.value.zoneOps,
                r.value.globalOps,
            ])
                await c.close().catch(() => undefined);
}
/** The project: project_id, else the environment (as gcloud and the client libraries read it). */
function projectOf(config) {
    const p = config.project_id ??
        process.env.GOOGLE_CLOUD_PROJECT ??
        process.env.CLOUDSDK_CORE_PROJECT;
    if (!p)
        throw new _engine_context__WEBPACK_IMPORTED_MODULE_8__/* .BuildError */ .zS('no GCP project', 'set project_id in the source, or GOOGLE_CLOUD_PROJECT (google-github-actions/auth sets it)');
    return p;
}
// ---- errors ----
const GRPC_TO_HTTP = {
    3: 400,
    5: 404,
    6: 409,
    7: 403,
    8: 429,
    9: 412,
    10: 409,
    13: 500,
    14: 503,
    16: 401,
};
/** Reads a failed call: 6.x throws a GaxiosError (HTTP status, raw JSON body), 7.x a GoogleError (gRPC code). */
function failureOf(e) {
    const x = e;
    let status = typeof x?.response?.status === 'number'
        ? x.response.status
        : typeof x?.status === 'number'
            ? x.status
            : typeof x?.code === 'number'
                ? x.code < 100
                    ? GRPC_TO_HTTP[x.code]
                    : x.code
                : undefined;
    let message = x?.message ?? String(e);
    let reason = x?.reason ?? x?.errors?.[0]?.reason;
    const body = /^\s*\{/.test(message) ? message : undefined;
    if (body) {
        try {
            const j = JSON.parse(body);
            message = j.error?.message ?? message;
            reason ??= j.error?.errors?.[0]?.reason;
            status ??= j.error?.code;
        }
        catch {
            // not JSON after all: keep the text
        }
    }
    if (typeof x?.code === 'string')
        reason ??= x.code;
    return { status, reason, message };
}
const isNotFound = (e) => failureOf(e).status === 404;
function hintOf(f, principal) {
    const who = principal ?? 'the build credentials';
    const perm = /Required '([\w.]+)' permission/.exec(f.message)?.[1];
    if (perm)
        return `${who} lack ${perm}: grant a role that has it (roles/compute.instanceAdmin.v1 and roles/iam.serviceAccountUser cover a build) on the project`;
    if (/QUOTA_EXCEEDED|quotaExceeded|Quota .* exceeded/i.test(`${f.reason} ${f.message}`))
        return 'a quota is exhausted: use another zone or a smaller machine_type, or ask for more quota (IAM & Admin > Quotas)';
    if (/ZONE_RESOURCE_POOL_EXHAUSTED|resourcePoolExhausted|does not have enough resources/i.test(`${f.reason} ${f.message}`))
        return 'the zone has no capacity for this machine type now: try another zone or machine_type';
    if (f.status === 401)
        return 'the credentials were refused: check GOOGLE_APPLICATION_CREDENTIALS (google-github-actions/auth), credentials_file or access_token';
    if (f.status === 403)
        return `${who} may not do this: check the IAM roles (roles/compute.instanceAdmin.v1, roles/iam.serviceAccountUser) and that the Compute Engine API is enabled`;
    if (f.status === 429)
        return 'the Compute API kept throttling after retries; run fewer builds at once (parallel-builds)';
    return undefined;
}
/** A failed call as an error a user can act on: the call, Google's reason and message, a hint. */
function gceError(e, what, principal) {
    if (e instanceof _engine_context__WEBPACK_IMPORTED_MODULE_8__/* .BuildError */ .zS || e instanceof _engine_steps__WEBPACK_IMPORTED_MODULE_9__/* .CancelledError */ .cc)
        return e;
    if (e?.name === 'AbortError' || e?.name === 'TimeoutError')
        return e;
    const f = failureOf(e);
    const code = [f.status, f.reason].filter((x) => x !== undefined).join(' ');
    const net = /ECONNREFUSED|ENOTFOUND|ETIMEDOUT|ECONNRESET|EAI_AGAIN|certificate/i.test(f.message);
    return new _engine_context__WEBPACK_IMPORTED_MODULE_8__/* .BuildError */ .zS(`${what} failed: ${code ? `${code}: ` : ''}${f.message}`, hintOf(f, principal) ??
        (net
            ? 'the Compute API cannot be reached from here: check the network (and CLOUDSDK_API_ENDPOINT_OVERRIDES_COMPUTE if set)'
            : undefined));
}
/** Milliseconds between retries of throttled calls (tests make them short). */
const retryDelays = () => process.env.BAKE_GCE_RETRY_MS
    ? new Array(6).fill(Number(process.env.BAKE_GCE_RETRY_MS))
    : [1000, 2000, 4000, 8000, 16000, 30000];
/**
 * Calls `fn` again while Google throttles (429) or is briefly unavailable (500, 503): the
 * client library does not. Mutations carry a requestId, so a retry cannot act twice.
 */
async function retrying(fn, signal) {
    const delays = retryDelays();
    for (let i = 0;; i++) {
        try {
            return await fn();
        }
        catch (e) {
            const st = failureOf(e).status;
            const transient = st === 429 || st === 503 || st === 500 || st === 502;
            if (!transient || i >= delays.length)
                throw e;
            await (0,_engine_steps__WEBPACK_IMPORTED_MODULE_9__/* .sleep */ .yy)(delays[i], signal);
        }
    }
}
/** The Operation an insert or delete answered with (the library wraps it). */
function operationOf(r) {
    const first = (Array.isArray(r) ? r[0] : r);
    return first?.latestResponse ?? first;
}
class OperationError extends _engine_context__WEBPACK_IMPORTED_MODULE_8__/* .BuildError */ .zS {
    code;
    constructor(message, hint, code) {
        super(message, hint);
        this.code = code;
        this.name = 'OperationError';
    }
}
class WaitTimeoutError extends _engine_context__WEBPACK_IMPORTED_MODULE_8__/* .BuildError */ .zS {
    constructor(message, hint) {
        super(message, hint);
        this.name = 'WaitTimeoutError';
    }
}
/**
 * Waits until an operation is DONE, within limitMs. An operation DONE with `error` is a
 * failure (the library does not throw for it). The wait call itself may be abandoned on
 * cancellation: it only reads.
 */
async function waitOperation(g, op, o) {
    const deadline = Date.now() + o.limitMs;
    const zone = op.zone ? String(op.zone).split('/').pop() : undefined;
    let cur = op;
    for (;;) {
        if (cur.status === 'DONE' || cur.status === 3) {
            const errs = cur.error?.errors ?? [];
            if (errs.length) {
                const first = errs[0];
                const f = {
                    status: cur.httpErrorStatusCode ?? undefined,
                    reason: first.code ?? undefined,
                    message: errs.map((x) => x.message ?? x.code).join('; '),
                };
                throw new OperationError(`${o.what} failed: ${first.code ?? 'error'}: ${f.message}`, hintOf(f, g.principal), String(first.code ?? ''));
            }
            return;
        }
        if (Date.now() >= deadline)
            throw new WaitTimeoutError(`gave up waiting for ${o.what} after ${Math.round(o.limitMs / 1000)}s (operation ${cur.name})`, o.timeoutSetting ? `raise ${o.timeoutSetting} (or state_timeout)` : undefined);
        if (o.signal?.aborted)
            throw o.signal.reason ?? new _engine_steps__WEBPACK_IMPORTED_MODULE_9__/* .CancelledError */ .cc();
        const req = { project: g.project, operation: String(cur.name) };
        const call = () => {
            const timeout = Math.max(1000, deadline - Date.now());
            return zone
                ? g.zoneOps.wait({ ...req, zone }, { timeout })
                : g.globalOps.wait(req, { timeout });
        };
        try {
            const [next] = (await (0,_engine_steps__WEBPACK_IMPORTED_MODULE_9__/* .raceSignal */ .WU)(retrying(call, o.signal), o.signal ?? new AbortController().signal));
            cur = next;
        }
        catch (e) {
            if (o.signal?.aborted)
                throw o.signal.reason ?? new _engine_steps__WEBPACK_IMPORTED_MODULE_9__/* .CancelledError */ .cc();
            throw gceError(e, `waiting for ${o.what}`, g.principal);
        }
    }
}


/***/ }),

/***/ 66219:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   credentialsOfRef: () => (/* binding */ credentialsOfRef),
/* harmony export */   deleteDisk: () => (/* binding */ deleteDisk),
/* harmony export */   deleteImage: () => (/* binding */ deleteImage),
/* harmony export */   deleteInstance: () => (/* binding */ deleteInstance),
/* harmony export */   gceCleaners: () => (/* binding */ gceCleaners)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _engine_steps__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(54277);
/* harmony import */ var _gce__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(28231);
/**
 * Removing what a googlecompute build creates. One implementation for the build's own
 * cleanups, `bake cleanup` / the action's post step (from the ledger) and `bake sweep`.
 * Each is idempotent: a resource that is already gone counts as removed.
 */



const DELETE_LIMIT_MS = 10 * 60_000;
async function deleting(g, what, call, o) {
    const requestId = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)();
    let op;
    try {
        op = (0,_gce__WEBPACK_IMPORTED_MODULE_2__/* .operationOf */ .zI)(await (0,_gce__WEBPACK_IMPORTED_MODULE_2__/* .retrying */ .R$)(() => call(requestId)));
    }
    catch (e) {
        if ((0,_gce__WEBPACK_IMPORTED_MODULE_2__/* .isNotFound */ .c4)(e))
            return;
        throw (0,_gce__WEBPACK_IMPORTED_MODULE_2__/* .gceError */ .Yj)(e, `deleting ${what}`, g.principal);
    }
    try {
        await (0,_gce__WEBPACK_IMPORTED_MODULE_2__/* .waitOperation */ .$X)(g, op, {
            what: `deleting ${what}`,
            limitMs: o.limitMs ?? DELETE_LIMIT_MS,
            signal: o.signal,
            timeoutSetting: 'delete_timeout',
        });
    }
    catch (e) {
        // Deleted meanwhile by someone else (or by its own max_run_duration): gone is gone.
        if (/RESOURCE_NOT_FOUND|notFound/.test(e.code ?? ''))
            return;
        throw e;
    }
}
function deleteInstance(g, zone, name, o = {}) {
    return deleting(g, `instance ${name}`, (requestId) => g.instances.delete({ project: g.project, zone, instance: name, requestId }), o);
}
/** Deletes a disk; while an instance that is going away still holds it, tries again (~2 min). */
async function deleteDisk(g, zone, name, o = {}) {
    const deadline = Date.now() + 120_000;
    for (let delay = 1000;; delay = Math.min(delay * 2, 10_000)) {
        try {
            return await deleting(g, `disk ${name}`, (requestId) => g.disks.delete({ project: g.project, zone, disk: name, requestId }), o);
        }
        catch (e) {
            if (!/resourceInUseByAnotherResource|RESOURCE_IN_USE/.test(e.message))
                throw e;
            if (Date.now() + delay > deadline)
                throw e;
            await (0,_engine_steps__WEBPACK_IMPORTED_MODULE_1__/* .sleep */ .yy)(delay, o.signal);
        }
    }
}
function deleteImage(g, name, o = {}) {
    return deleting(g, `image ${name}`, (requestId) => g.images.delete({ project: g.project, image: name, requestId }), o);
}
/** What a ledger entry keeps so that `bake cleanup` reaches the resource with the same identity. */
function credentialsOfRef(ref) {
    return {
        ...(ref.credentials_file ? { credentials_file: ref.credentials_file } : {}),
        ...(ref.impersonate_service_account
            ? { impersonate_service_account: ref.impersonate_service_account }
            : {}),
    };
}
const clientOf = (e) => (0,_gce__WEBPACK_IMPORTED_MODULE_2__/* .gce */ .W$)(e.ref.project, credentialsOfRef(e.ref), e.ref.spec_dir);
/** The ledger's GCE kinds, for `bake cleanup` and the post step. */
const gceCleaners = {
    'gce-instance': async (e) => deleteInstance(await clientOf(e), e.ref.zone, e.ref.name),
    'gce-disk': async (e) => deleteDisk(await clientOf(e), e.ref.zone, e.ref.name),
    'gce-image': async (e) => deleteImage(await clientOf(e), e.ref.name),
    'gce-oslogin-key': async (e) => (await __webpack_require__.e(/* import() */ 1309).then(__webpack_require__.bind(__webpack_require__, 61309))).deleteKey(credentialsOfRef(e.ref), e.ref.spec_dir ?? process.cwd(), e.ref.account, e.ref.name),
};


/***/ }),

/***/ 97018:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   sweep: () => (/* binding */ sweep)
/* harmony export */ });
/* harmony import */ var _gce__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(28231);
/* harmony import */ var _resources__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(66219);
/**
 * `bake sweep`: finds what bake runs left in GCP (labelled `bake-run` at creation) older
 * than a limit, and removes it. A dry run unless --delete: it lists, then deletes instances
 * first, then disks (once no instance holds them) and images no finished build kept. A
 * finished build's image keeps its labels but leaves the ledger; it is listed only while
 * its instance or disk of the same run is also left (the run never finished).
 */


const FILTER = 'labels.bake-run:*';
const createdOf = (labels, ts) => {
    const l = labels?.['bake-created'];
    if (l && /^\d+$/.test(l))
        return new Date(Number(l) * 1000);
    return ts && !Number.isNaN(Date.parse(ts)) ? new Date(ts) : undefined;
};
const zoneOf = (url) => (url ? url.split('/').pop() : undefined);
async function findIn(g) {
    const project = g.project;
    const out = [];
    const instances = (async () => {
        for await (const [, list] of g.instances.aggregatedListAsync({ project, filter: FILTER }))
            for (const i of list.instances ?? [])
                out.push({
                    project,
                    kind: 'instance',
                    name: i.name,
                    zone: zoneOf(i.zone),
                    created: createdOf(i.labels, i.creationTimestamp),
                    run: i.labels?.['bake-run'],
                });
    })();
    const disks = (async () => {
        for await (const [, list] of g.disks.aggregatedListAsync({ project, filter: FILTER }))
            for (const d of list.disks ?? [])
                out.push({
                    project,
                    kind: 'disk',
                    name: d.name,
                    zone: zoneOf(d.zone),
                    created: createdOf(d.labels, d.creationTimestamp),
                    run: d.labels?.['bake-run'],
                });
    })();
    const images = (async () => {
        for await (const i of g.images.listAsync({ project, filter: FILTER }))
            out.push({
                project,
                kind: 'image',
                name: i.name,
                created: createdOf(i.labels, i.creationTimestamp),
                run: i.labels?.['bake-run'],
            });
    })();
    await Promise.all([instances, disks, images]);
    // An image is a build's result unless its run left an instance or a disk behind.
    const unfinished = new Set(out.filter((f) => f.kind !== 'image').map((f) => f.run));
    return out.filter((f) => f.kind !== 'image' || unfinished.has(f.run));
}
/** Returns the exit code: 0 when everything found was listed (or removed), 1 otherwise. */
async function sweep(o) {
    const now = o.now ?? Date.now();
    let failed = 0;
    const found = [];
    const answered = [];
    const clients = new Map();
    await Promise.all(o.projects.map(async (project) => {
        try {
            const g = await (0,_gce__WEBPACK_IMPORTED_MODULE_0__/* .gce */ .W$)(project);
            clients.set(project, g);
            found.push(...(await findIn(g)));
            answered.push(project);
        }
        catch (e) {
            failed++;
            const err = (0,_gce__WEBPACK_IMPORTED_MODULE_0__/* .gceError */ .Yj)(e, `listing bake resources in ${project}`);
            o.write(err.hint ? `${err.message}\n  hint: ${err.hint}` : err.message);
        }
    }));
    // Something without a known age is never old enough: only what is provably old goes.
    const old = found.filter((f) => f.created && now - f.created.getTime() >= o.olderThanMs);
    const age = (f) => `${Math.round((now - f.created.getTime()) / 3_600_000)}h old`;
    const label = (f) => `${f.project}${f.zone ? `/${f.zone}` : ''} ${f.kind} ${f.name}, run ${f.run ?? '?'}, ${age(f)}`;
    if (!old.length) {
        if (answered.length)
            o.write(`nothing older than ${o.olderThanMs / 3_600_000}h in ${answered.sort().join(', ')}`);
        return failed ? 1 : 0;
    }
    if (!o.delete) {
        for (const f of old)
            o.write(`would delete ${label(f)}`);
        o.write(`${old.length} resource(s); run again with --delete to remove them`);
        return failed ? 1 : 0;
    }
    const phase = (kinds) => Promise.all(old
        .filter((f) => kinds.includes(f.kind))
        .map(async (f) => {
        const g = clients.get(f.project);
        try {
            if (f.kind === 'instance')
                await (0,_resources__WEBPACK_IMPORTED_MODULE_1__.deleteInstance)(g, f.zone, f.name);
            else if (f.kind === 'disk')
                await (0,_resources__WEBPACK_IMPORTED_MODULE_1__.deleteDisk)(g, f.zone, f.name);
            else
                await (0,_resources__WEBPACK_IMPORTED_MODULE_1__.deleteImage)(g, f.name);
            o.write(`deleted ${label(f)}`);
        }
        catch (e) {
            failed++;
            o.write(`could not delete ${label(f)}: ${e.message}`);
        }
    }));
    await phase(['instance']);
    await phase(['disk', 'image']);
    return failed ? 1 : 0;
}


/***/ })

};
;
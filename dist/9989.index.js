"use strict";
exports.id = 9989;
exports.ids = [9989,6219,1309];
exports.modules = {

/***/ 53755:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ clearAuthorizedKey)
/* harmony export */ });
/* harmony import */ var _engine_context__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(86173);
/* harmony import */ var _communicator__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(54717);
/**
 * ssh_clear_authorized_keys (Packer's name): before the image is made, the key bake gave the
 * machine leaves the login user's authorized_keys, and root's where bake may write it.
 */


/** The shell that drops every line holding `blob` from one authorized_keys file. */
function dropFrom(file, blob) {
    // grep -F: the key is text, not a pattern (base64 has + and /); cat > keeps the mode.
    return `f=${file}; [ -f "$f" ] || exit 0; grep -v -F -- ${(0,_communicator__WEBPACK_IMPORTED_MODULE_1__/* .shQuote */ .US)(blob)} "$f" > "$f.bake-tmp" || true; cat "$f.bake-tmp" > "$f"; rm -f "$f.bake-tmp"; ! grep -q -F -- ${(0,_communicator__WEBPACK_IMPORTED_MODULE_1__/* .shQuote */ .US)(blob)} "$f"`;
}
/**
 * With ssh_clear_authorized_keys set, takes `publicKey` (the key bake gave the machine; none
 * when the machine has a key of the user's own) out of its authorized_keys.
 */
async function clearAuthorizedKey(config, comm, publicKey, ctx) {
    if (config.ssh_clear_authorized_keys !== true || !comm)
        return;
    const { signal, log } = ctx;
    if (!publicKey)
        return log('ssh_clear_authorized_keys: no temporary key was given to the machine');
    const blob = publicKey.trim().split(/\s+/)[1];
    if (!blob)
        throw new _engine_context__WEBPACK_IMPORTED_MODULE_0__/* .BuildError */ .zS('ssh_clear_authorized_keys: the public key has no key data');
    const mine = dropFrom('"$HOME/.ssh/authorized_keys"', blob);
    const root = dropFrom('/root/.ssh/authorized_keys', blob);
    // Root's file as well when the user is root or may sudo without a password, as Packer does.
    const command = `sh -c ${(0,_communicator__WEBPACK_IMPORTED_MODULE_1__/* .shQuote */ .US)(mine)} && if [ "$(id -u)" = 0 ]; then sh -c ${(0,_communicator__WEBPACK_IMPORTED_MODULE_1__/* .shQuote */ .US)(root)}; elif command -v sudo >/dev/null 2>&1; then sudo -n sh -c ${(0,_communicator__WEBPACK_IMPORTED_MODULE_1__/* .shQuote */ .US)(root)} 2>/dev/null || true; fi`;
    log("removing bake's key from the machine's authorized_keys (ssh_clear_authorized_keys)");
    const r = await comm.exec(command, { signal });
    if (r.exitCode !== 0)
        throw new _engine_context__WEBPACK_IMPORTED_MODULE_0__/* .BuildError */ .zS(`ssh_clear_authorized_keys: the key could not be removed from authorized_keys (exit ${r.exitCode}${r.tail.length ? `: ${r.tail.join(' ')}` : ''})`, 'the image would keep it; check that the login user may write ~/.ssh/authorized_keys');
}


/***/ }),

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

/***/ 61309:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   closeOsLogin: () => (/* binding */ closeOsLogin),
/* harmony export */   deleteKey: () => (/* binding */ deleteKey),
/* harmony export */   importKey: () => (/* binding */ importKey),
/* harmony export */   loginName: () => (/* binding */ loginName),
/* harmony export */   osLoginBase: () => (/* binding */ osLoginBase)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var google_auth_library__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(492);
/* harmony import */ var google_auth_library__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(google_auth_library__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _engine_errors__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(17679);
/* harmony import */ var _gce__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(28231);
/**
 * OS Login: the temporary public key imported into the login profile of the account the
 * build runs as, and deleted after. Called over REST with google-auth-library (no extra
 * client library): two calls, importSshPublicKey and sshPublicKeys.delete.
 */




const SERVICE = 'oslogin.googleapis.com';
/** The OS Login API's base URL; gcloud's CLOUDSDK_API_ENDPOINT_OVERRIDES_OSLOGIN moves it. */
function osLoginBase() {
    const raw = process.env.CLOUDSDK_API_ENDPOINT_OVERRIDES_OSLOGIN;
    return (raw ?? `https://${SERVICE}/v1/`).replace(/\/?$/, '/');
}
const clients = new Map();
function osLogin(c, specDir) {
    const key = JSON.stringify([c, specDir]);
    let p = clients.get(key);
    if (!p) {
        p = (async () => {
            const { auth, principal, email } = await (0,_gce__WEBPACK_IMPORTED_MODULE_3__/* .authOf */ .g)(c, specDir);
            const client = auth instanceof google_auth_library__WEBPACK_IMPORTED_MODULE_1__.GoogleAuth ? await auth.getClient() : auth;
            // A service account key signs its own token for the API it calls: OS Login's.
            if ('defaultServicePath' in client)
                client.defaultServicePath = SERVICE;
            return { client, email, principal };
        })();
        p.catch(() => clients.delete(key));
        clients.set(key, p);
    }
    return p;
}
/** Google's error text from a failed REST call (the library's message is only the status). */
function restFailure(e) {
    const data = e.response;
    const body = data?.data;
    if (!body?.error?.message)
        return e;
    return Object.assign(new Error(body.error.message), {
        status: data?.status,
        reason: body.error.status,
    });
}
/** The login name Packer's os_login_ssh_username picks: __auto__, __external__ or a name. */
function loginName(profileUser, setting) {
    let name = profileUser;
    if (setting === '__external__') {
        if (!/^(sa|ext)_/.test(name))
            name = `ext_${name}`;
    }
    else if (typeof setting === 'string' && setting !== '' && setting !== '__auto__') {
        name = setting;
    }
    return name.slice(0, 32);
}
/** Imports `publicKey` into the profile of the build's account, expiring at `expiresAt`. */
async function importKey(c, specDir, project, publicKey, expiresAt, signal) {
    const o = await osLogin(c, specDir);
    if (!o.email)
        throw new _engine_errors__WEBPACK_IMPORTED_MODULE_2__/* .BuildError */ .z(`use_os_login needs the account the build runs as, and ${o.principal} do not name one`, 'use a service account key (credentials_file / GOOGLE_APPLICATION_CREDENTIALS), Workload Identity Federation with a service account, or impersonate_service_account');
    const account = o.email;
    const key = publicKey.trim();
    let data;
    try {
        data = (await (0,_gce__WEBPACK_IMPORTED_MODULE_3__/* .retrying */ .R$)(async () => {
            try {
                return await o.client.request({
                    url: `${osLoginBase()}users/${encodeURIComponent(account)}:importSshPublicKey`,
                    method: 'POST',
                    params: { projectId: project },
                    data: { key, expirationTimeUsec: String(expiresAt * 1000) },
                    signal,
                });
            }
            catch (e) {
                throw restFailure(e);
            }
        }, signal)).data;
    }
    catch (e) {
        throw osLoginError(e, `importing the SSH key into the OS Login profile of ${account}`, o);
    }
    const profile = data.loginProfile ?? {};
    const accounts = profile.posixAccounts ?? [];
    const username = (accounts.find((a) => a.primary) ?? accounts[0])?.username;
    const fingerprint = Object.entries(profile.sshPublicKeys ?? {}).find(([, v]) => v.key?.trim() === key)?.[0] ??
        (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(key).digest('hex');
    return { account, fingerprint, username };
}
/** Deletes an imported key; a key already gone counts as deleted. */
async function deleteKey(c, specDir, account, fingerprint) {
    const o = await osLogin(c, specDir);
    try {
        await (0,_gce__WEBPACK_IMPORTED_MODULE_3__/* .retrying */ .R$)(async () => {
            try {
                return await o.client.request({
                    url: `${osLoginBase()}users/${encodeURIComponent(account)}/sshPublicKeys/${encodeURIComponent(fingerprint)}`,
                    method: 'DELETE',
                });
            }
            catch (e) {
                throw restFailure(e);
            }
        });
    }
    catch (e) {
        if ((0,_gce__WEBPACK_IMPORTED_MODULE_3__/* .isNotFound */ .c4)(e))
            return;
        throw osLoginError(e, `deleting the SSH key from the OS Login profile of ${account}`, o);
    }
}
function osLoginError(e, what, o) {
    if ((0,_gce__WEBPACK_IMPORTED_MODULE_3__/* .failureOf */ .g5)(e).status === 403)
        return new _engine_errors__WEBPACK_IMPORTED_MODULE_2__/* .BuildError */ .z(`${what}: ${(0,_gce__WEBPACK_IMPORTED_MODULE_3__/* .failureOf */ .g5)(e).message}`, `${o.principal} may not change its OS Login profile: grant it roles/compute.osAdminLogin on the project and make sure the OS Login API is enabled`);
    return (0,_gce__WEBPACK_IMPORTED_MODULE_3__/* .gceError */ .Yj)(e, what, o.principal);
}
/** Forgets the clients (between tests). */
function closeOsLogin() {
    clients.clear();
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

/***/ 89989:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PUBLIC_IMAGE_PROJECTS: () => (/* binding */ PUBLIC_IMAGE_PROJECTS),
/* harmony export */   credentialsOf: () => (/* binding */ credentialsOf),
/* harmony export */   findSourceImage: () => (/* binding */ findSourceImage),
/* harmony export */   gceName: () => (/* binding */ gceName),
/* harmony export */   gceSteps: () => (/* binding */ gceSteps),
/* harmony export */   imageBase: () => (/* binding */ imageBase),
/* harmony export */   imageExists: () => (/* binding */ imageExists),
/* harmony export */   wrapStartupScript: () => (/* binding */ wrapStartupScript)
/* harmony export */ });
/* harmony import */ var _communicators_clear_key__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(53755);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var ssh2__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(85472);
/* harmony import */ var ssh2__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(ssh2__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var _communicators_ssh_config__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(53661);
/* harmony import */ var _engine_context__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(86173);
/* harmony import */ var _engine_steps__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(54277);
/* harmony import */ var _spec_schema__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(47280);
/* harmony import */ var _util_redact__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(50767);
/* harmony import */ var _gce__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(28231);
/* harmony import */ var _oslogin__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(61309);
/* harmony import */ var _resources__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(66219);
/* harmony import */ var _ssh_connect__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(17870);
/**
 * The googlecompute builder's steps: check the image name and find the source image, create
 * the instance (temporary key in its metadata, a dead-man's switch in its scheduling), wait
 * for its startup script, connect, provision, delete the instance (its boot disk stays),
 * create the image from the disk, delete the disk. Names are known before each create, so
 * each resource is in the ledger before the call that makes it; creating calls are never
 * raced against cancellation, they are awaited, and then the build stops.
 */














/** Where Google publishes its Linux images: searched after project_id by default. */
const PUBLIC_IMAGE_PROJECTS = [
    'debian-cloud',
    'ubuntu-os-cloud',
    'ubuntu-os-pro-cloud',
    'centos-cloud',
    'rhel-cloud',
    'rocky-linux-cloud',
    'cos-cloud',
    'fedora-coreos-cloud',
    'opensuse-cloud',
    'suse-cloud',
];
const DEFAULT_SCOPES = [
    'https://www.googleapis.com/auth/userinfo.email',
    'https://www.googleapis.com/auth/compute',
    'https://www.googleapis.com/auth/devstorage.full_control',
];
const bool = (v) => v === true || v === 'true';
const isUrl = (v) => v.includes('/');
/** A GCE name (lowercase, digits, -; at most 63) made of `parts`. */
function gceName(...parts) {
    const n = parts
        .join('-')
        .toLowerCase()
        .replace(/[^a-z0-9-]+/g, '-')
        .replace(/-+/g, '-');
    return n.slice(0, 63).replace(/-+$/, '');
}
const labelValue = (v) => v
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .slice(0, 63);
function readLocal(specDir, file, setting) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.readFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.resolve)(specDir, file), 'utf8');
    }
    catch (e) {
        throw new _engine_context__WEBPACK_IMPORTED_MODULE_6__/* .BuildError */ .zS(`${setting} ${file} cannot be read: ${e.code}`, `paths are relative to the spec's directory (${specDir})`);
    }
}
/** The user's startup script, wrapped so that its end and exit status reach the serial port. */
function wrapStartupScript(script, nonce) {
    const body = script.endsWith('\n') ? script : `${script}\n`;
    return `#!/bin/bash
# bake: runs the startup script below, then reports its exit status on the serial console.
script=$(mktemp /tmp/bake-startup.XXXXXX)
cat > "$script" <<'BAKE_STARTUP_SCRIPT_${nonce}'
${body}BAKE_STARTUP_SCRIPT_${nonce}
chmod +x "$script"
if [ "$(head -c2 "$script")" = '#!' ]; then "$script"; else /bin/bash "$script"; fi
rc=$?
msg="bake-startup-script ${nonce} exit $rc"
echo "$msg"
{ echo "$msg" > /dev/ttyS0; } 2>/dev/null || true
rm -f "$script"
exit $rc
`;
}
function credentialsOf(c) {
    return {
        ...(typeof c.credentials_file === 'string' ? { credentials_file: c.credentials_file } : {}),
        ...(typeof c.credentials_json === 'string' ? { credentials_json: c.credentials_json } : {}),
        ...(typeof c.access_token === 'string' ? { access_token: c.access_token } : {}),
        ...(typeof c.impersonate_service_account === 'string'
            ? { impersonate_service_account: c.impersonate_service_account }
            : {}),
    };
}
/**
 * The source image's self link: source_image (a URL as it is, a name looked up) or the
 * newest of source_image_family, in the first project of source_image_project_id that has
 * it. The projects are asked at once; the order decides.
 */
async function findSourceImage(g, c, signal) {
    const image = c.source_image;
    if (image && isUrl(image))
        return image;
    const family = c.source_image_family;
    const listed = c.source_image_project_id;
    const projects = listed === undefined
        ? [...new Set([g.project, ...PUBLIC_IMAGE_PROJECTS])]
        : (Array.isArray(listed) ? listed : [listed]).map(String);
    const answers = await Promise.allSettled(projects.map(async (project) => (await (0,_gce__WEBPACK_IMPORTED_MODULE_10__/* .retrying */ .R$)(() => family
        ? g.images.getFromFamily({ project, family })
        : g.images.get({ project, image: image }), signal))[0]));
    for (const [i, a] of answers.entries()) {
        if (a.status === 'fulfilled')
            return a.value.selfLink ?? `projects/${projects[i]}/global/images/${a.value.name}`;
        if (!(0,_gce__WEBPACK_IMPORTED_MODULE_10__/* .isNotFound */ .c4)(a.reason))
            throw (0,_gce__WEBPACK_IMPORTED_MODULE_10__/* .gceError */ .Yj)(a.reason, `looking up ${family ? `image family ${family}` : `image ${image}`} in ${projects[i]}`, g.principal);
    }
    throw new _engine_context__WEBPACK_IMPORTED_MODULE_6__/* .BuildError */ .zS(`${family ? `source_image_family "${family}"` : `source_image "${image}"`} was not found in ${projects.join(', ')}`, family
        ? 'check the family name and set source_image_project_id to the project that publishes it (e.g. debian-cloud for debian-12); "gcloud compute images list --filter=family:NAME" shows where it lives'
        : 'check the name, or give the project in source_image_project_id or a URL (projects/P/global/images/NAME)');
}
function gceSteps(env, provision) {
    const c = env.instance.config;
    const zone = String(c.zone);
    const region = c.region ?? zone.replace(/-[a-z]$/, '');
    const creds = credentialsOf(c);
    const imageName = String(c.image_name);
    const resourceName = gceName('bake', env.instance.name.slice(0, 40), env.runUuid.slice(0, 8));
    const instanceName = c.instance_name ?? resourceName;
    const diskName = c.disk_name ?? instanceName;
    const extraDisks = (c.disk_attachment ?? []).map((d, i) => ({
        scratch: d.volume_type === 'scratch',
        type: String(d.volume_type),
        size: Number(d.volume_size ?? 375),
        name: d.disk_name ?? gceName(instanceName.slice(0, 58), String(i + 1)),
        device: d.device_name,
        interface: d.interface_type,
        mode: d.attachment_mode,
    }));
    const persistentDisks = extraDisks.filter((d) => !d.scratch);
    const bakeLabels = {
        'bake-run': labelValue(env.runUuid),
        'bake-build': labelValue(env.instance.name),
        'bake-created': String(Math.floor(Date.now() / 1000)),
    };
    const stateTimeout = (0,_spec_schema__WEBPACK_IMPORTED_MODULE_8__/* .parseDuration */ .E9)(c.state_timeout);
    const limit = (setting, dflt) => Math.min((0,_spec_schema__WEBPACK_IMPORTED_MODULE_8__/* .parseDuration */ .E9)(c[setting]) ?? dflt, stateTimeout ?? Infinity);
    const createLimit = limit('create_instance_timeout', 10 * 60_000);
    const imageLimit = limit('image_timeout', 60 * 60_000);
    const deleteLimit = limit('delete_timeout', 10 * 60_000);
    const startupLimit = limit('startup_script_timeout', 10 * 60_000);
    const pollMs = Number(process.env.BAKE_GCE_POLL_MS ?? 2000);
    const maxRunSeconds = Math.round(c.max_run_duration_in_seconds !== undefined
        ? Number(c.max_run_duration_in_seconds)
        : ((0,_spec_schema__WEBPACK_IMPORTED_MODULE_8__/* .parseDuration */ .E9)(c.max_run_duration) ??
            (env.instance.timeoutMs ? env.instance.timeoutMs + 30 * 60_000 : 4 * 3_600_000)) / 1000);
    const sshPort = Number(c.ssh_port ?? 22);
    const userKey = typeof c.ssh_private_key_file === 'string' || typeof c.ssh_private_key === 'string';
    const needKey = !userKey && c.ssh_password === undefined && !bool(c.ssh_agent_auth);
    const osLogin = bool(c.use_os_login);
    /** The user SSH logs in as: the OS Login profile's once the key is imported. */
    const sshUser = (s) => s.osLogin?.username ?? String(c.ssh_username);
    const ledgerRef = (project, name, extra = {}) => ({
        project,
        name,
        ...extra,
        ...(creds.credentials_file
            ? { credentials_file: (0,node_path__WEBPACK_IMPORTED_MODULE_3__.resolve)(env.specDir, creds.credentials_file) }
            : {}),
        ...(creds.impersonate_service_account
            ? { impersonate_service_account: creds.impersonate_service_account }
            : {}),
    });
    const call = async (g, what, fn, signal) => {
        try {
            return await (0,_gce__WEBPACK_IMPORTED_MODULE_10__/* .retrying */ .R$)(fn, signal);
        }
        catch (e) {
            throw (0,_gce__WEBPACK_IMPORTED_MODULE_10__/* .gceError */ .Yj)(e, what, g.principal);
        }
    };
    const buildMetadata = (s) => {
        const items = new Map();
        for (const [k, v] of Object.entries((c.metadata ?? {})))
            items.set(k, String(v));
        for (const [k, f] of Object.entries((c.metadata_files ?? {})))
            items.set(k, readLocal(env.specDir, String(f), `metadata_files.${k}`));
        const script = typeof c.startup_script_file === 'string'
            ? readLocal(env.specDir, c.startup_script_file, 'startup_script_file')
            : items.get('startup-script');
        if (script !== undefined) {
            s.startupNonce = (0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.randomBytes)(8).toString('hex');
            items.set('startup-script', wrapStartupScript(script, s.startupNonce));
        }
        // With OS Login the guest ignores ssh-keys metadata: the key is in the login profile.
        if (osLogin)
            items.set('enable-oslogin', 'TRUE');
        else if (s.key) {
            const line = `${String(c.ssh_username)}:${s.key.publicKey.trim()}`;
            const had = items.get('ssh-keys');
            items.set('ssh-keys', had ? `${had.trimEnd()}\n${line}` : line);
        }
        return [...items].map(([key, value]) => ({ key, value }));
    };
    const instanceResource = (s) => {
        const netProject = c.network_project_id ?? s.g.project;
        const network = String(c.network ?? 'default');
        const subnet = c.subnetwork;
        const preemptible = bool(c.preemptible);
        const accel = c.accelerator_type;
        const mt = String(c.machine_type ?? 'e2-standard-2');
        const dt = String(c.disk_type ?? 'pd-standard');
        const key = (k) => k
            ? {
                ...(k.kmsKeyName ? { kmsKeyName: String(k.kmsKeyName) } : { rawKey: String(k.rawKey) }),
            }
            : undefined;
        const diskKey = key(c.disk_encryption_key);
        const shielded = c.enable_secure_boot !== undefined ||
            c.enable_vtpm !== undefined ||
            c.enable_integrity_monitoring !== undefined;
        return {
            name: instanceName,
            description: `bake build ${env.instance.name}`,
            machineType: isUrl(mt) ? mt : `zones/${zone}/machineTypes/${mt}`,
            labels: { ...(c.labels ?? {}), ...bakeLabels },
            ...(Array.isArray(c.tags) ? { tags: { items: c.tags.map(String) } } : {}),
            metadata: { items: s.metadata },
            disks: [
                {
                    boot: true,
                    // The image is made from this disk once the instance is gone.
                    autoDelete: false,
                    initializeParams: {
                        diskName,
                        sourceImage: s.sourceImage,
                        diskSizeGb: String(c.disk_size ?? 20),
                        diskType: isUrl(dt) ? dt : `zones/${zone}/diskTypes/${dt}`,
                        labels: { ...(c.labels ?? {}), ...bakeLabels },
                    },
                    ...(diskKey ? { diskEncryptionKey: diskKey } : {}),
                },
                ...extraDisks.map((d) => d.scratch
                    ? {
                        type: 'SCRATCH',
                        autoDelete: true,
                        interface: d.interface ?? 'NVME',
                        ...(d.device ? { deviceName: d.device } : {}),
                        initializeParams: { diskType: `zones/${zone}/diskTypes/local-ssd` },
                    }
                    : {
                        type: 'PERSISTENT',
                        // Deleted with the instance, even when nothing of bake's is left to do it.
                        autoDelete: true,
                        mode: d.mode ?? 'READ_WRITE',
                        ...(d.interface ? { interface: d.interface } : {}),
                        ...(d.device ? { deviceName: d.device } : {}),
                        initializeParams: {
                            diskName: d.name,
                            diskSizeGb: String(d.size),
                            diskType: `zones/${zone}/diskTypes/${d.type}`,
                            labels: { ...(c.labels ?? {}), ...bakeLabels },
                        },
                    }),
            ],
            networkInterfaces: [
                {
                    ...(subnet
                        ? {
                            subnetwork: isUrl(subnet)
                                ? subnet
                                : `projects/${netProject}/regions/${region}/subnetworks/${subnet}`,
                        }
                        : {
                            network: isUrl(network)
                                ? network
                                : `projects/${netProject}/global/networks/${network}`,
                        }),
                    accessConfigs: bool(c.omit_external_ip)
                        ? []
                        : [{ name: 'External NAT', type: 'ONE_TO_ONE_NAT' }],
                },
            ],
            serviceAccounts: bool(c.disable_default_service_account)
                ? []
                : [
                    {
                        email: c.service_account_email ?? 'default',
                        scopes: (c.scopes ?? DEFAULT_SCOPES).map(String),
                    },
                ],
            scheduling: {
                // The dead-man's switch: the instance deletes itself even if this process is killed.
                provisioningModel: preemptible ? 'SPOT' : 'STANDARD',
                instanceTerminationAction: 'DELETE',
                maxRunDuration: { seconds: String(maxRunSeconds) },
                ...(preemptible || accel
                    ? { automaticRestart: false, onHostMaintenance: 'TERMINATE' }
                    : c.on_host_maintenance
                        ? { onHostMaintenance: String(c.on_host_maintenance) }
                        : {}),
            },
            ...(accel
                ? {
                    guestAccelerators: [
                        {
                            acceleratorType: isUrl(accel)
                                ? accel
                                : `projects/${s.g.project}/zones/${zone}/acceleratorTypes/${accel}`,
                            acceleratorCount: Number(c.accelerator_count),
                        },
                    ],
                }
                : {}),
            ...(c.min_cpu_platform ? { minCpuPlatform: String(c.min_cpu_platform) } : {}),
            ...(shielded
                ? {
                    shieldedInstanceConfig: {
                        enableSecureBoot: bool(c.enable_secure_boot),
                        enableVtpm: bool(c.enable_vtpm),
                        enableIntegrityMonitoring: bool(c.enable_integrity_monitoring),
                    },
                }
                : {}),
            ...(c.enable_nested_virtualization !== undefined
                ? {
                    advancedMachineFeatures: {
                        enableNestedVirtualization: bool(c.enable_nested_virtualization),
                    },
                }
                : {}),
        };
    };
    const serial = async (s, start) => {
        const [out] = await (0,_gce__WEBPACK_IMPORTED_MODULE_10__/* .retrying */ .R$)(() => s.g.instances.getSerialPortOutput({
            project: s.g.project,
            zone,
            instance: instanceName,
            port: 1,
            ...(start !== undefined ? { start } : {}),
        }));
        return { contents: out.contents ?? '', next: out.next ? String(out.next) : undefined };
    };
    const serialTail = async (s, lines = 20) => {
        try {
            const out = await serial(s);
            return out.contents.split(/\r?\n/).filter(Boolean).slice(-lines);
        }
        catch {
            return [];
        }
    };
    const addressOf = (i) => {
        const nic = i?.networkInterfaces?.[0];
        return bool(c.use_internal_ip)
            ? (nic?.networkIP ?? undefined)
            : (nic?.accessConfigs?.find((a) => a.natIP)?.natIP ?? undefined);
    };
    const sshHint = (s, err) => {
        if (/authentication/i.test(err.message))
            return s.osLogin
                ? `sshd answered but refused the login of "${sshUser(s)}": the temporary key is in the OS Login profile of ${s.osLogin.account}; that account needs roles/compute.osAdminLogin (or osLogin) on the project, and the image must run the guest environment with OS Login`
                : `sshd answered but refused the login: check ssh_username ("${String(c.ssh_username)}")${s.key ? ' (the temporary key is in the instance metadata for that user; an image without the guest agent ignores it, and OS Login enforced on the project refuses metadata keys: then set use_os_login: true)' : ' and the key'}`;
        return [
            `a firewall rule must allow TCP ${sshPort} from this runner to the instance (network ${String(c.subnetwork ?? c.network ?? 'default')}${Array.isArray(c.tags) ? `, tags ${c.tags.join(', ')}` : ''})`,
            bool(c.use_internal_ip)
                ? 'use_internal_ip: this runner must be inside the VPC (or set ssh_bastion_host)'
                : 'the external IP must be reachable from this runner (or use use_internal_ip from inside the VPC)',
            `the image must start sshd and accept "${sshUser(s)}" (raise ssh_timeout for slow first boots); the serial console tail is below`,
        ].join('; ');
    };
    /** Waits out a create whose answer came (so that a delete is not refused as too early). */
    const settle = async (g, op, limitMs) => {
        if (!op)
            return;
        await (0,_gce__WEBPACK_IMPORTED_MODULE_10__/* .waitOperation */ .$X)(g, op, { what: 'the create to settle', limitMs }).catch(() => undefined);
    };
    return [
        {
            name: 'prepare',
            async run(s, ctx) {
                const project = (0,_gce__WEBPACK_IMPORTED_MODULE_10__/* .projectOf */ .v8)(c);
                const imageProject = c.image_project_id ?? project;
                if (needKey) {
                    s.key = (0,_communicators_ssh_config__WEBPACK_IMPORTED_MODULE_5__/* .temporaryKeyPair */ .f)(c.temporary_key_pair_type ?? 'ed25519', resourceName);
                    env.generated.SSHPublicKey = s.key.publicKey;
                }
                else if (userKey) {
                    const opts = (0,_communicators_ssh_config__WEBPACK_IMPORTED_MODULE_5__/* .sshOptions */ .b)(c, env.specDir, { host: 'unused' });
                    const parsed = ssh2__WEBPACK_IMPORTED_MODULE_4___default().utils.parseKey(opts.privateKey, opts.passphrase);
                    const k = Array.isArray(parsed) ? parsed[0] : parsed;
                    if (!(k instanceof Error))
                        s.key = {
                            publicKey: `${k.type} ${k.getPublicSSH().toString('base64')} ${resourceName}`,
                        };
                }
                // Local inputs first: nothing is asked of GCP for a build that cannot start.
                s.metadata = buildMetadata(s);
                for (const k of ['image_encryption_key', 'disk_encryption_key'])
                    (0,_util_redact__WEBPACK_IMPORTED_MODULE_9__/* .addSecret */ .Ck)(c[k]?.rawKey);
                s.g = await (0,_gce__WEBPACK_IMPORTED_MODULE_10__/* .gce */ .W$)(project, creds, env.specDir);
                s.gi = imageProject === project ? s.g : await (0,_gce__WEBPACK_IMPORTED_MODULE_10__/* .gce */ .W$)(imageProject, creds, env.specDir);
                const gi = s.gi;
                const nameCheck = async () => {
                    if (bool(c.force))
                        return;
                    try {
                        await (0,_gce__WEBPACK_IMPORTED_MODULE_10__/* .retrying */ .R$)(() => gi.images.get({ project: imageProject, image: imageName }), ctx.signal);
                    }
                    catch (e) {
                        if ((0,_gce__WEBPACK_IMPORTED_MODULE_10__/* .isNotFound */ .c4)(e))
                            return;
                        throw (0,_gce__WEBPACK_IMPORTED_MODULE_10__/* .gceError */ .Yj)(e, `looking for an image named "${imageName}"`, gi.principal);
                    }
                    throw new _engine_context__WEBPACK_IMPORTED_MODULE_6__/* .BuildError */ .zS(`an image named "${imageName}" already exists in ${imageProject}`, 'set force: true to replace it, or make image_name unique (e.g. with formatdate("YYYYMMDDhhmmss", timestamp()))');
                };
                const [, source] = await Promise.all([nameCheck(), findSourceImage(s.g, c, ctx.signal)]);
                s.sourceImage = source;
                env.generated.SourceImage = source;
                env.generated.ProjectId = project;
                env.generated.Zone = zone;
                ctx.log(`source ${source}; building in ${project}/${zone}`);
            },
        },
        ...(osLogin
            ? [
                {
                    name: 'import OS Login key',
                    async run(s, ctx) {
                        const g = s.g;
                        // The key expires with the instance's own deadline, even if no cleanup runs.
                        const expiresAt = Date.now() + (maxRunSeconds + 600) * 1000;
                        const k = await (0,_oslogin__WEBPACK_IMPORTED_MODULE_11__.importKey)(creds, env.specDir, g.project, s.key.publicKey, expiresAt, ctx.signal);
                        s.osLogin = {
                            ...k,
                            name: k.fingerprint,
                            entry: env.ledger.add(env.instance.name, 'gce-oslogin-key', ledgerRef(g.project, k.fingerprint, { account: k.account }), `SSH key ${k.fingerprint.slice(0, 12)}… in the OS Login profile of ${k.account}`),
                        };
                        if (!k.username && !c.os_login_ssh_username)
                            throw new _engine_context__WEBPACK_IMPORTED_MODULE_6__/* .BuildError */ .zS(`the OS Login profile of ${k.account} has no POSIX account`, 'grant the account roles/compute.osAdminLogin (or osLogin) on the project, or name the user in os_login_ssh_username');
                        s.osLogin.username = (0,_oslogin__WEBPACK_IMPORTED_MODULE_11__.loginName)(k.username ?? '', c.os_login_ssh_username);
                        ctx.log(`the temporary key is in the OS Login profile of ${k.account}; logging in as ${s.osLogin.username}`);
                    },
                    async cleanup(s, ctx) {
                        const k = s.osLogin;
                        if (!k || k.deleted)
                            return;
                        ctx.log(`deleting the temporary key from the OS Login profile of ${k.account}`);
                        await (0,_oslogin__WEBPACK_IMPORTED_MODULE_11__.deleteKey)(creds, env.specDir, k.account, k.fingerprint);
                        k.deleted = true;
                        env.ledger.done(k.entry);
                    },
                    cleanupBudgetMs: 60_000,
                },
            ]
            : []),
        {
            name: 'create instance',
            async run(s, ctx) {
                const g = s.g;
                const resource = instanceResource(s);
                const requestId = (0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.randomUUID)();
                // A create answered is a create under way: ledgered at once. (A refused one, such as
                // a name already taken, made nothing of ours and must not be deleted by cleanup.)
                const op = (0,_gce__WEBPACK_IMPORTED_MODULE_10__/* .operationOf */ .zI)(await call(g, `creating instance ${instanceName}`, () => g.instances.insert({ project: g.project, zone, requestId, instanceResource: resource })));
                // The disk first: cleanup goes in reverse, and an attached disk cannot be deleted.
                s.disk = {
                    name: diskName,
                    entry: env.ledger.add(env.instance.name, 'gce-disk', ledgerRef(g.project, diskName, { zone }), `GCE disk ${diskName} (${g.project}/${zone})`),
                };
                s.extra = persistentDisks.map((d) => ({
                    name: d.name,
                    entry: env.ledger.add(env.instance.name, 'gce-disk', ledgerRef(g.project, d.name, { zone }), `GCE disk ${d.name} (${g.project}/${zone}; deleted with the instance)`),
                }));
                s.instance = {
                    name: instanceName,
                    op,
                    entry: env.ledger.add(env.instance.name, 'gce-instance', ledgerRef(g.project, instanceName, { zone }), `GCE instance ${instanceName} (${g.project}/${zone})`),
                };
                (0,_engine_steps__WEBPACK_IMPORTED_MODULE_7__/* .throwIfCancelled */ .dZ)(ctx.signal);
                try {
                    await (0,_gce__WEBPACK_IMPORTED_MODULE_10__/* .waitOperation */ .$X)(g, op, {
                        what: `creating instance ${instanceName}`,
                        limitMs: createLimit,
                        signal: ctx.signal,
                        timeoutSetting: 'create_instance_timeout',
                    });
                }
                catch (e) {
                    if (e instanceof _gce__WEBPACK_IMPORTED_MODULE_10__/* .OperationError */ .OK && e.code === 'RESOURCE_ALREADY_EXISTS') {
                        // Someone else's instance or disk of that name: not ours to delete.
                        for (const m of [s.instance, s.disk, ...(s.extra ?? [])]) {
                            m.deleted = true;
                            env.ledger.done(m.entry);
                        }
                        throw new _engine_context__WEBPACK_IMPORTED_MODULE_6__/* .BuildError */ .zS(e.message, 'set another instance_name / disk_name, or leave them unset');
                    }
                    throw e;
                }
                s.instance.op = undefined;
                const [info] = await call(g, `reading instance ${instanceName}`, () => g.instances.get({ project: g.project, zone, instance: instanceName }));
                s.instance.info = info;
                env.generated.ID = instanceName;
                ctx.log(`instance ${instanceName} is ${String(info.status ?? 'created')}; it deletes itself after ${maxRunSeconds}s at the latest`);
            },
            async cleanup(s, ctx) {
                const g = s.g;
                if (s.instance && !s.instance.deleted) {
                    await settle(g, s.instance.op, createLimit);
                    ctx.log(`deleting instance ${instanceName}`);
                    await (0,_resources__WEBPACK_IMPORTED_MODULE_12__.deleteInstance)(g, zone, instanceName, { limitMs: deleteLimit });
                    s.instance.deleted = true;
                    env.ledger.done(s.instance.entry);
                }
                // Extra disks go with the instance (autoDelete); one that did not is deleted here.
                for (const d of s.extra ?? []) {
                    if (d.deleted)
                        continue;
                    await (0,_resources__WEBPACK_IMPORTED_MODULE_12__.deleteDisk)(g, zone, d.name, { limitMs: deleteLimit });
                    d.deleted = true;
                    env.ledger.done(d.entry);
                }
                if (s.disk && !s.disk.deleted) {
                    ctx.log(`deleting disk ${diskName}`);
                    await (0,_resources__WEBPACK_IMPORTED_MODULE_12__.deleteDisk)(g, zone, diskName, { limitMs: deleteLimit });
                    s.disk.deleted = true;
                    env.ledger.done(s.disk.entry);
                }
            },
            cleanupBudgetMs: 2 * deleteLimit + 60_000,
        },
        ...(c.startup_script_file !== undefined ||
            c.metadata?.['startup-script'] !== undefined ||
            c.metadata_files?.['startup-script'] !== undefined
            ? [
                {
                    name: 'wait for startup script',
                    async run(s, ctx) {
                        const marker = new RegExp(`bake-startup-script ${s.startupNonce} exit (\\d+)`);
                        const deadline = Date.now() + startupLimit;
                        let next;
                        let seen = '';
                        for (;;) {
                            let out;
                            try {
                                out = await serial(s, next);
                            }
                            catch (e) {
                                throw (0,_gce__WEBPACK_IMPORTED_MODULE_10__/* .gceError */ .Yj)(e, `reading the serial port of ${instanceName}`, s.g.principal);
                            }
                            next = out.next ?? next;
                            seen += out.contents;
                            for (const line of out.contents.split(/\r?\n/))
                                if (/startup-script/.test(line) && !marker.test(line))
                                    ctx.log(line.trim());
                            const m = marker.exec(seen);
                            if (m) {
                                if (m[1] !== '0')
                                    throw new _engine_context__WEBPACK_IMPORTED_MODULE_6__/* .BuildError */ .zS(`the startup script ended with exit status ${m[1]}`, 'the serial console tail is below', seen.split(/\r?\n/).filter(Boolean).slice(-20));
                                ctx.log('the startup script finished');
                                return;
                            }
                            if (Date.now() >= deadline)
                                throw new _engine_context__WEBPACK_IMPORTED_MODULE_6__/* .BuildError */ .zS(`the startup script did not finish within ${Math.round(startupLimit / 1000)}s`, 'raise startup_script_timeout (or state_timeout); the serial console tail is below', seen.split(/\r?\n/).filter(Boolean).slice(-20));
                            seen = seen.slice(-64 * 1024);
                            await (0,_engine_steps__WEBPACK_IMPORTED_MODULE_7__/* .sleep */ .yy)(pollMs, ctx.signal);
                        }
                    },
                },
            ]
            : []),
        {
            name: 'connect',
            async run(s, ctx) {
                const host = addressOf(s.instance.info);
                if (!host)
                    throw new _engine_context__WEBPACK_IMPORTED_MODULE_6__/* .BuildError */ .zS(`instance ${instanceName} has no ${bool(c.use_internal_ip) ? 'internal' : 'external'} IP`, bool(c.use_internal_ip)
                        ? 'check network / subnetwork'
                        : 'do not set omit_external_ip, or connect with use_internal_ip: true from inside the VPC');
                await (0,_ssh_connect__WEBPACK_IMPORTED_MODULE_13__/* .connectSsh */ .L)(env, s.osLogin ? { ...c, ssh_username: sshUser(s) } : c, { host, ...(s.key?.privateKey ? { privateKey: s.key.privateKey } : {}) }, s, ctx, async (e) => ({ hint: sshHint(s, e), tail: await serialTail(s) }));
            },
            async cleanup(s) {
                s.ssh?.close();
            },
            cleanupBudgetMs: 2000,
        },
        provision,
        {
            name: 'delete instance',
            async run(s, ctx) {
                await (0,_communicators_clear_key__WEBPACK_IMPORTED_MODULE_0__/* .clearAuthorizedKey */ ._)(c, s.ssh, s.key?.publicKey, ctx);
                s.ssh?.close();
                ctx.log(`deleting instance ${instanceName}; its boot disk ${diskName} stays for the image`);
                await (0,_resources__WEBPACK_IMPORTED_MODULE_12__.deleteInstance)(s.g, zone, instanceName, {
                    limitMs: deleteLimit,
                    signal: ctx.signal,
                });
                s.instance.deleted = true;
                env.ledger.done(s.instance.entry);
                // The instance's delete operation removed its autoDelete disks with it.
                for (const d of s.extra ?? []) {
                    d.deleted = true;
                    env.ledger.done(d.entry);
                }
            },
        },
        {
            name: 'create image',
            async run(s, ctx) {
                const g = s.g;
                const gi = s.gi;
                const imageProject = gi.project;
                if (bool(c.force)) {
                    const old = await (0,_gce__WEBPACK_IMPORTED_MODULE_10__/* .retrying */ .R$)(() => gi.images.get({ project: imageProject, image: imageName }), ctx.signal).catch((e) => {
                        if ((0,_gce__WEBPACK_IMPORTED_MODULE_10__/* .isNotFound */ .c4)(e))
                            return undefined;
                        throw (0,_gce__WEBPACK_IMPORTED_MODULE_10__/* .gceError */ .Yj)(e, `looking for an image named "${imageName}"`, gi.principal);
                    });
                    if (old) {
                        ctx.log(`force: deleting the image ${imageName} it replaces`);
                        await (0,_resources__WEBPACK_IMPORTED_MODULE_12__.deleteImage)(gi, imageName, { limitMs: deleteLimit, signal: ctx.signal });
                    }
                }
                (0,_engine_steps__WEBPACK_IMPORTED_MODULE_7__/* .throwIfCancelled */ .dZ)(ctx.signal);
                const key = (k) => k
                    ? k.kmsKeyName
                        ? { kmsKeyName: String(k.kmsKeyName) }
                        : { rawKey: String(k.rawKey) }
                    : undefined;
                const imageKey = key(c.image_encryption_key);
                const diskKey = key(c.disk_encryption_key);
                const locs = c.image_storage_locations;
                const imageResource = {
                    name: imageName,
                    sourceDisk: `projects/${g.project}/zones/${zone}/disks/${diskName}`,
                    labels: { ...(c.image_labels ?? {}), ...bakeLabels },
                    ...(c.image_family ? { family: String(c.image_family) } : {}),
                    ...(c.image_description ? { description: String(c.image_description) } : {}),
                    ...(locs !== undefined
                        ? { storageLocations: (Array.isArray(locs) ? locs : [locs]).map(String) }
                        : {}),
                    ...(Array.isArray(c.image_licenses) ? { licenses: c.image_licenses.map(String) } : {}),
                    ...(Array.isArray(c.image_guest_os_features)
                        ? { guestOsFeatures: c.image_guest_os_features.map((type) => ({ type: String(type) })) }
                        : {}),
                    ...(c.image_architecture
                        ? { architecture: String(c.image_architecture).toUpperCase() }
                        : {}),
                    ...(imageKey ? { imageEncryptionKey: imageKey } : {}),
                    ...(diskKey ? { sourceDiskEncryptionKey: diskKey } : {}),
                };
                const requestId = (0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.randomUUID)();
                const op = (0,_gce__WEBPACK_IMPORTED_MODULE_10__/* .operationOf */ .zI)(await call(gi, `creating image ${imageName}`, () => gi.images.insert({ project: imageProject, requestId, imageResource })));
                s.image = {
                    name: imageName,
                    entry: env.ledger.add(env.instance.name, 'gce-image', ledgerRef(imageProject, imageName), `GCE image ${imageName} (${imageProject})`),
                };
                s.image.op = op;
                ctx.log(`creating image ${imageName} from disk ${diskName}`);
                (0,_engine_steps__WEBPACK_IMPORTED_MODULE_7__/* .throwIfCancelled */ .dZ)(ctx.signal);
                try {
                    await (0,_gce__WEBPACK_IMPORTED_MODULE_10__/* .waitOperation */ .$X)(gi, op, {
                        what: `creating image ${imageName}`,
                        limitMs: imageLimit,
                        signal: ctx.signal,
                        timeoutSetting: 'image_timeout',
                    });
                }
                catch (e) {
                    if (e instanceof _gce__WEBPACK_IMPORTED_MODULE_10__/* .OperationError */ .OK && e.code === 'RESOURCE_ALREADY_EXISTS') {
                        // Made by someone else meanwhile: not ours to delete.
                        s.image.deleted = true;
                        env.ledger.done(s.image.entry);
                    }
                    throw e;
                }
                s.image.op = undefined;
                // The disk has served its purpose; read the image meanwhile.
                const [[img]] = await Promise.all([
                    call(gi, `reading image ${imageName}`, () => gi.images.get({ project: imageProject, image: imageName })),
                    (async () => {
                        await (0,_resources__WEBPACK_IMPORTED_MODULE_12__.deleteDisk)(g, zone, diskName, { limitMs: deleteLimit, signal: ctx.signal });
                        s.disk.deleted = true;
                        env.ledger.done(s.disk.entry);
                    })(),
                ]);
                const id = `projects/${imageProject}/global/images/${imageName}`;
                Object.assign(env.generated, {
                    ImageName: imageName,
                    ImageProject: imageProject,
                    ImageSelfLink: img.selfLink ?? id,
                    ...(img.family ? { ImageFamily: img.family } : {}),
                });
                const entry = s.image.entry;
                s.artifact = {
                    id,
                    builderType: 'googlecompute',
                    description: `${imageName}${img.family ? ` (family ${img.family})` : ''}: ${img.selfLink ?? id}`,
                    properties: {
                        image_name: imageName,
                        project: String(imageProject),
                        ...(img.selfLink ? { self_link: img.selfLink } : {}),
                        ...(img.family ? { family: img.family } : {}),
                        ...Object.fromEntries(Object.entries(img.labels ?? {}).map(([k, v]) => [`label.${k}`, String(v)])),
                    },
                    destroy: () => (0,_resources__WEBPACK_IMPORTED_MODULE_12__.deleteImage)(gi, imageName),
                    ledgerEntries: [entry],
                };
                s.finished = true;
                ctx.log(`image ${id} is ${String(img.status ?? 'READY')}`);
            },
            async cleanup(s, ctx) {
                if (s.finished || !s.image || s.image.deleted)
                    return;
                await settle(s.gi, s.image.op, imageLimit);
                ctx.log(`deleting the unfinished image ${imageName}`);
                await (0,_resources__WEBPACK_IMPORTED_MODULE_12__.deleteImage)(s.gi, imageName, { limitMs: deleteLimit });
                env.ledger.done(s.image.entry);
            },
            cleanupBudgetMs: imageLimit + deleteLimit,
        },
    ];
}
/** skip-unchanged: the resolved source image is the base. */
async function imageBase(c) {
    const g = await (0,_gce__WEBPACK_IMPORTED_MODULE_10__/* .gce */ .W$)((0,_gce__WEBPACK_IMPORTED_MODULE_10__/* .projectOf */ .v8)(c), credentialsOf(c));
    return `gce:${await findSourceImage(g, c)}`;
}
/** The image is still there and READY. */
async function imageExists(c, id) {
    const m = /^projects\/([^/]+)\/global\/images\/([^/]+)$/.exec(id);
    if (!m)
        return false;
    const g = await (0,_gce__WEBPACK_IMPORTED_MODULE_10__/* .gce */ .W$)(m[1], credentialsOf(c));
    try {
        const [img] = await g.images.get({ project: m[1], image: m[2] });
        return img.status === 'READY';
    }
    catch {
        return false;
    }
}


/***/ })

};
;
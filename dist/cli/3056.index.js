"use strict";
exports.id = 3056;
exports.ids = [3056,6899];
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

/***/ 15593:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $r: () => (/* binding */ targetOf),
/* harmony export */   Fg: () => (/* binding */ parseId),
/* harmony export */   J6: () => (/* binding */ arm),
/* harmony export */   Mr: () => (/* binding */ orMissing),
/* harmony export */   US: () => (/* binding */ clientsFor),
/* harmony export */   VG: () => (/* binding */ targetFromRef),
/* harmony export */   a: () => (/* binding */ resourceId),
/* harmony export */   c4: () => (/* binding */ isNotFound),
/* harmony export */   hu: () => (/* binding */ targetRef),
/* harmony export */   te: () => (/* binding */ allOrFirstError),
/* harmony export */   uv: () => (/* binding */ azureError)
/* harmony export */ });
/* unused harmony exports endpointsOf, githubIdToken, credentialOf, statusOf, codeOf, hintFor */
/* harmony import */ var node_async_hooks__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(16698);
/* harmony import */ var node_async_hooks__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_async_hooks__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _azure_arm_compute__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1452);
/* harmony import */ var _azure_arm_network__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(72591);
/* harmony import */ var _azure_arm_resources__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(35426);
/* harmony import */ var _azure_identity__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(23952);
/* harmony import */ var _engine_context__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(86173);
/* harmony import */ var _engine_steps__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(54277);
/* harmony import */ var _util_redact__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(50767);
/* harmony import */ var _schema__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(71191);
/**
 * Azure access for the azure-arm builder: credentials (@azure/identity), one set of ARM
 * clients per subscription, long-running operations with their inner errors, and errors a
 * user can act on. Only loaded when a build, a cleaner or a sweep needs Azure.
 */









const CLOUD_ENDPOINTS = {
    Public: { arm: 'https://management.azure.com', login: 'https://login.microsoftonline.com' },
    China: { arm: 'https://management.chinacloudapi.cn', login: 'https://login.chinacloudapi.cn' },
    USGovernment: {
        arm: 'https://management.usgovcloudapi.net',
        login: 'https://login.microsoftonline.us',
    },
};
function targetOf(c, env = process.env) {
    const subscription = c.subscription_id ?? env.AZURE_SUBSCRIPTION_ID;
    if (!subscription)
        throw new _engine_context__WEBPACK_IMPORTED_MODULE_5__/* .BuildError */ .zS('no Azure subscription', 'set subscription_id, or AZURE_SUBSCRIPTION_ID in the environment');
    return {
        subscription,
        cloud: _schema__WEBPACK_IMPORTED_MODULE_8__/* .CLOUDS */ .JJ[String(c.cloud_environment_name ?? 'Public')] ?? 'Public',
        tenant: c.tenant_id ?? env.AZURE_TENANT_ID,
        client: c.client_id ?? env.AZURE_CLIENT_ID,
    };
}
/** The ledger's record of a target (no secrets). */
const targetRef = (t) => ({
    subscription: t.subscription,
    cloud: t.cloud,
    ...(t.tenant ? { tenant: t.tenant } : {}),
    ...(t.client ? { client: t.client } : {}),
});
const targetFromRef = (r) => ({
    subscription: r.subscription,
    cloud: r.cloud ?? 'Public',
    tenant: r.tenant ?? process.env.AZURE_TENANT_ID,
    client: r.client ?? process.env.AZURE_CLIENT_ID,
});
/** ARM and login endpoints: the cloud's, or AZURE_RESOURCE_MANAGER_ENDPOINT / AZURE_AUTHORITY_HOST. */
function endpointsOf(cloud, env = process.env) {
    const known = CLOUD_ENDPOINTS[cloud];
    const arm = (env.AZURE_RESOURCE_MANAGER_ENDPOINT ?? known.arm).replace(/\/+$/, '');
    const login = (env.AZURE_AUTHORITY_HOST ?? known.login).replace(/\/+$/, '');
    return {
        arm,
        login,
        // The token audience stays the cloud's unless the endpoint is another ARM entirely.
        scope: `${env.AZURE_RESOURCE_MANAGER_AUDIENCE ?? known.arm}/.default`,
        customLogin: !Object.values(CLOUD_ENDPOINTS).some((e) => e.login === login),
    };
}
/**
 * The GitHub Actions ID token for Azure, fetched anew on every call: MSAL asks for it each
 * time it needs an Azure token, so a build never holds an assertion that can expire.
 */
function githubIdToken(url, requestToken, audience = 'api://AzureADTokenExchange') {
    (0,_util_redact__WEBPACK_IMPORTED_MODULE_7__/* .addSecret */ .Ck)(requestToken);
    return async () => {
        const u = new URL(url);
        u.searchParams.set('audience', audience);
        let r;
        try {
            r = await fetch(u, {
                headers: { Authorization: `Bearer ${requestToken}`, Accept: 'application/json' },
            });
        }
        catch (e) {
            throw new _engine_context__WEBPACK_IMPORTED_MODULE_5__/* .BuildError */ .zS(`could not ask GitHub for an ID token: ${e.message}`, 'the job needs "permissions: id-token: write"');
        }
        const body = (await r.json().catch(() => ({})));
        if (!r.ok || !body.value)
            throw new _engine_context__WEBPACK_IMPORTED_MODULE_5__/* .BuildError */ .zS(`GitHub refused an ID token (HTTP ${r.status})`, 'the job needs "permissions: id-token: write"');
        (0,_util_redact__WEBPACK_IMPORTED_MODULE_7__/* .addSecret */ .Ck)(body.value);
        return body.value;
    };
}
/**
 * The credential, in Packer's order: client secret, certificate, a given JWT, GitHub OIDC,
 * workload identity (AZURE_FEDERATED_TOKEN_FILE), the Azure CLI, managed identity.
 */
function credentialOf(c, t, env = process.env) {
    const ep = endpointsOf(t.cloud, env);
    const opts = {
        authorityHost: ep.login,
        ...(ep.customLogin ? { disableInstanceDiscovery: true } : {}),
    };
    const secret = c.client_secret ?? env.AZURE_CLIENT_SECRET;
    const certPath = c.client_cert_path ?? env.AZURE_CLIENT_CERTIFICATE_PATH;
    const jwt = c.client_jwt;
    const oidcUrl = c.oidc_request_url ?? env.ACTIONS_ID_TOKEN_REQUEST_URL;
    const oidcToken = c.oidc_request_token ?? env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
    const needIds = (how) => {
        if (!t.tenant || !t.client)
            throw new _engine_context__WEBPACK_IMPORTED_MODULE_5__/* .BuildError */ .zS(`${how} needs the tenant and the client id`, 'set tenant_id and client_id, or AZURE_TENANT_ID and AZURE_CLIENT_ID');
        return [t.tenant, t.client];
    };
    if (c.use_azure_cli_auth === true)
        return new _azure_identity__WEBPACK_IMPORTED_MODULE_4__/* .AzureCliCredential */ .nG({ ...(t.tenant ? { tenantId: t.tenant } : {}) });
    if (secret) {
        (0,_util_redact__WEBPACK_IMPORTED_MODULE_7__/* .addSecret */ .Ck)(secret);
        return new _azure_identity__WEBPACK_IMPORTED_MODULE_4__/* .ClientSecretCredential */ .HC(...needIds('a client secret'), secret, opts);
    }
    if (certPath) {
        const password = c.client_cert_password ?? env.AZURE_CLIENT_CERTIFICATE_PASSWORD;
        if (password)
            (0,_util_redact__WEBPACK_IMPORTED_MODULE_7__/* .addSecret */ .Ck)(password);
        return new _azure_identity__WEBPACK_IMPORTED_MODULE_4__/* .ClientCertificateCredential */ .m0(...needIds('a client certificate'), { certificatePath: certPath, ...(password ? { certificatePassword: password } : {}) }, opts);
    }
    if (jwt) {
        (0,_util_redact__WEBPACK_IMPORTED_MODULE_7__/* .addSecret */ .Ck)(jwt);
        return new _azure_identity__WEBPACK_IMPORTED_MODULE_4__/* .ClientAssertionCredential */ .XI(...needIds('client_jwt'), async () => jwt, opts);
    }
    if (oidcUrl && oidcToken && t.client)
        return new _azure_identity__WEBPACK_IMPORTED_MODULE_4__/* .ClientAssertionCredential */ .XI(...needIds('GitHub OIDC'), githubIdToken(oidcUrl, oidcToken), opts);
    if (env.AZURE_FEDERATED_TOKEN_FILE)
        return new _azure_identity__WEBPACK_IMPORTED_MODULE_4__/* .WorkloadIdentityCredential */ .R9({
            tenantId: needIds('workload identity')[0],
            clientId: t.client,
            tokenFilePath: env.AZURE_FEDERATED_TOKEN_FILE,
            ...opts,
        });
    return new _azure_identity__WEBPACK_IMPORTED_MODULE_4__/* .ManagedIdentityCredential */ .NC(t.client ? { clientId: t.client } : {});
}
const scope = new node_async_hooks__WEBPACK_IMPORTED_MODULE_0__.AsyncLocalStorage();
/** Counts every ARM request, and keeps the body of a failed long-running operation. */
const watch = {
    name: 'bakeAzureWatch',
    async sendRequest(request, next) {
        const response = await next(request);
        const s = scope.getStore();
        const text = response.bodyAsText;
        if (s && text && /"failed"/i.test(text)) {
            try {
                const body = JSON.parse(text);
                if (/fail/i.test(body.status ?? body.properties?.provisioningState ?? ''))
                    s.failure = body.error ?? body.properties?.error ?? s.failure;
            }
            catch {
                // not JSON: nothing to keep
            }
        }
        return response;
    },
};
const cache = new Map();
/** One set of clients per credential settings and subscription. */
function clientsFor(c, t, subscription = t.subscription) {
    const key = JSON.stringify([
        t,
        subscription,
        c.client_secret ? 'secret' : '',
        c.client_cert_path ?? '',
        c.use_azure_cli_auth ?? '',
        process.env.AZURE_RESOURCE_MANAGER_ENDPOINT ?? '',
        process.env.AZURE_AUTHORITY_HOST ?? '',
        process.env.ACTIONS_ID_TOKEN_REQUEST_URL ?? '',
        process.env.AZURE_CLIENT_SECRET ? 'env-secret' : '',
    ]);
    const hit = cache.get(key);
    if (hit)
        return hit;
    const credential = credentialOf(c, t);
    const ep = endpointsOf(t.cloud);
    const common = {
        endpoint: ep.arm,
        additionalPolicies: [{ policy: watch, position: 'perCall' }],
        userAgentOptions: { userAgentPrefix: 'bake' },
    };
    const made = {
        target: t,
        compute: new _azure_arm_compute__WEBPACK_IMPORTED_MODULE_1__/* .ComputeManagementClient */ .Kx(credential, subscription, {
            ...common,
            credentials: { scopes: [ep.scope] },
        }),
        network: new _azure_arm_network__WEBPACK_IMPORTED_MODULE_2__/* .NetworkManagementClient */ .D76(credential, subscription, {
            ...common,
            credentialScopes: [ep.scope],
        }),
        resources: new _azure_arm_resources__WEBPACK_IMPORTED_MODULE_3__/* .ResourceManagementClient */ .h0(credential, subscription, {
            ...common,
            credentialScopes: [ep.scope],
        }),
    };
    cache.set(key, made);
    return made;
}
const statusOf = (e) => e.statusCode;
const codeOf = (e) => e.code;
const isNotFound = (e) => statusOf(e) === 404 || /NotFound$/.test(codeOf(e) ?? '');
/** Turns a 404 into undefined. */
async function orMissing(p) {
    try {
        return await p;
    }
    catch (e) {
        if (isNotFound(e))
            return undefined;
        throw e;
    }
}
function bodyOf(e) {
    const text = e.response?.bodyAsText;
    if (!text)
        return undefined;
    try {
        const b = JSON.parse(text);
        return b.error ?? (b.code ? b : undefined);
    }
    catch {
        return undefined;
    }
}
function flatten(b, depth = 0) {
    if (!b || depth > 4)
        return [];
    return (b.details ?? []).flatMap((d) => [
        `${d.code ?? 'Error'}: ${d.message ?? ''}`.trim(),
        ...flatten(d, depth + 1),
    ]);
}
/** What to do about an Azure error code. */
function hintFor(code, message, where = {}) {
    if (code === 'AuthorizationFailed' || code === 'LinkedAuthorizationFailed') {
        const action = /action '([^']+)'/.exec(message)?.[1];
        const at = /scope '([^']+)'/.exec(message)?.[1];
        return `the identity may not perform ${action ?? 'this action'}${at ? ` on ${at}` : ''}: assign it a role there (Contributor on the build group's subscription, or a custom role with that action), then retry (role assignments take a few minutes)`;
    }
    if (/^(SkuNotAvailable|ZonalAllocationFailed|AllocationFailed|OverconstrainedAllocationRequest)$/.test(code))
        return `vm_size ${where.vmSize ?? ''} has no capacity${where.location ? ` in ${where.location}` : ''}: try another vm_size or location ("az vm list-skus -l <location> --size <family>")`.replace('  ', ' ');
    if (/Quota|OperationNotAllowed/.test(code) && /quota/i.test(message))
        return 'a quota is exhausted: ask for more (Usage + quotas in the portal), or pick another vm_size family or location';
    if (code === 'InvalidAuthenticationToken' ||
        code === 'AuthenticationFailed' ||
        code === 'ExpiredAuthenticationToken')
        return 'the token was refused: check tenant_id, client_id and the subscription';
    if (code === 'SubscriptionNotFound')
        return 'check subscription_id (az account list), and that the identity has a role in it';
    if (code === 'ResourceGroupNotFound')
        return 'create the resource group first, or check its name and the subscription';
    if (code === 'ReferencedResourceNotProvisioned')
        return 'a resource was used before it was ready; this is retried on the next run';
    if (code === 'InvalidParameter' && /adminUsername/i.test(message))
        return 'choose another ssh_username';
    return undefined;
}
/** An Azure failure as the user sees it: what failed, Azure's code and message, details, hint. */
function azureError(e, what, o = {}) {
    if (e instanceof _engine_context__WEBPACK_IMPORTED_MODULE_5__/* .BuildError */ .zS || e instanceof _engine_steps__WEBPACK_IMPORTED_MODULE_6__/* .CancelledError */ .cc)
        return e;
    if (e?.name === 'AbortError')
        return new _engine_steps__WEBPACK_IMPORTED_MODULE_6__/* .CancelledError */ .cc();
    if (e instanceof _engine_steps__WEBPACK_IMPORTED_MODULE_6__/* .TimeoutError */ .MU)
        return new _engine_context__WEBPACK_IMPORTED_MODULE_5__/* .BuildError */ .zS(`${what}: ${e.message}`, 'raise polling_duration_timeout if Azure is slow');
    const body = o.failure ?? bodyOf(e);
    const code = body?.code ?? codeOf(e) ?? 'Error';
    const message = body?.message ??
        String(e?.message ?? e).replace(/^The long-running operation has failed\.\s*/, '');
    const details = flatten(body);
    const hint = hintFor(code, message, o) ?? details.map((d) => hintFor(d.split(':')[0], d, o)).find((h) => h);
    return new _engine_context__WEBPACK_IMPORTED_MODULE_5__/* .BuildError */ .zS(`${what}: ${code}: ${message}${details.length ? ` (${details.join('; ')})` : ''}`, hint);
}
/**
 * Runs an ARM call (a plain request or a long-running operation) with a deadline and the
 * cancel signal; a failed operation reports its inner error, read from the operation itself.
 */
async function arm(what, call, o) {
    const t = (0,_engine_steps__WEBPACK_IMPORTED_MODULE_6__/* .withTimeout */ .wj)(o.signal, o.timeoutMs ?? o.polling.timeoutMs);
    const s = {};
    try {
        return await scope.run(s, async () => call({ updateIntervalInMs: o.polling.intervalMs, abortSignal: t.signal }));
    }
    catch (e) {
        if (t.signal.aborted)
            throw t.signal.reason instanceof _engine_steps__WEBPACK_IMPORTED_MODULE_6__/* .TimeoutError */ .MU
                ? azureError(t.signal.reason, what)
                : o.signal?.reason instanceof Error
                    ? o.signal.reason
                    : new _engine_steps__WEBPACK_IMPORTED_MODULE_6__/* .CancelledError */ .cc();
        throw azureError(e, what, { failure: s.failure, location: o.location, vmSize: o.vmSize });
    }
    finally {
        t.clear();
    }
}
/** Settles every promise, then throws the first failure: nothing created is left unledgered. */
async function allOrFirstError(ps) {
    const r = await Promise.allSettled(ps.filter((p) => !!p));
    const failed = r.find((x) => x.status === 'rejected');
    if (failed)
        throw failed.reason;
}
/** Parses /subscriptions/S/resourceGroups/G/providers/NS/type/name[/sub/name]. */
function parseId(id) {
    const m = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/(.+)$/i.exec(id);
    if (!m)
        throw new _engine_context__WEBPACK_IMPORTED_MODULE_5__/* .BuildError */ .zS(`not an Azure resource id: ${id}`);
    const parts = m[3].split('/');
    return {
        subscription: m[1],
        group: m[2],
        type: parts.filter((_, i) => i % 2 === 1).join('/'),
        name: parts.at(-1),
    };
}
const resourceId = (sub, group, provider, ...path) => `/subscriptions/${sub}/resourceGroups/${group}/providers/${provider}/${path.join('/')}`;


/***/ }),

/***/ 36899:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   azureCleaners: () => (/* binding */ azureCleaners),
/* harmony export */   deleteResource: () => (/* binding */ deleteResource),
/* harmony export */   deleteResourceGroup: () => (/* binding */ deleteResourceGroup),
/* harmony export */   getResource: () => (/* binding */ getResource)
/* harmony export */ });
/* harmony import */ var _azure__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(15593);

/** The API version each resource type is read and deleted with. */
const API = {
    virtualmachines: '2024-07-01',
    disks: '2024-03-02',
    images: '2024-07-01',
    'galleries/images/versions': '2023-07-03',
    networkinterfaces: '2024-05-01',
    publicipaddresses: '2024-05-01',
    networksecuritygroups: '2024-05-01',
    virtualnetworks: '2024-05-01',
};
const CLEANUP_POLLING = { intervalMs: 2000, timeoutMs: 30 * 60_000 };
/** The API version a resource of this id's type is read and deleted with. */
function apiOf(id, what) {
    const type = (0,_azure__WEBPACK_IMPORTED_MODULE_0__/* .parseId */ .Fg)(id).type.toLowerCase();
    const api = API[type];
    if (!api)
        throw (0,_azure__WEBPACK_IMPORTED_MODULE_0__/* .azureError */ .uv)(new Error(`no API version known for ${type}`), `${what} ${id}`);
    return api;
}
/** A resource by its id, or undefined when it is gone. */
async function getResource(clients, id) {
    const r = await (0,_azure__WEBPACK_IMPORTED_MODULE_0__/* .orMissing */ .Mr)(clients.resources.resources.getById(id.replace(/^\/+/, ''), apiOf(id, 'reading')));
    return (r && {
        provisioningState: r.properties
            ?.provisioningState,
    });
}
/** Deletes one resource by its id and waits until it is gone. */
async function deleteResource(clients, id, polling = CLEANUP_POLLING) {
    const api = apiOf(id, 'deleting');
    try {
        await (0,_azure__WEBPACK_IMPORTED_MODULE_0__/* .arm */ .J6)(`deleting ${id}`, 
        // The client puts the id after a slash of its own.
        (o) => clients.resources.resources.beginDeleteByIdAndWait(id.replace(/^\/+/, ''), api, o), { polling });
    }
    catch (e) {
        if ((0,_azure__WEBPACK_IMPORTED_MODULE_0__/* .isNotFound */ .c4)(e) ||
            /: (ResourceGroupNotFound|ResourceNotFound|NotFound):/.test(String(e.message)))
            return;
        throw e;
    }
}
/** Deletes a resource group; with wait: false only sends the delete. */
async function deleteResourceGroup(clients, name, o = {}) {
    const polling = o.polling ?? CLEANUP_POLLING;
    try {
        await (0,_azure__WEBPACK_IMPORTED_MODULE_0__/* .arm */ .J6)(`deleting resource group ${name}`, async (opts) => {
            if (o.wait === false)
                await clients.resources.resourceGroups.beginDelete(name, opts);
            else
                await clients.resources.resourceGroups.beginDeleteAndWait(name, opts);
        }, { polling });
    }
    catch (e) {
        if ((0,_azure__WEBPACK_IMPORTED_MODULE_0__/* .isNotFound */ .c4)(e) || /: ResourceGroupNotFound:/.test(String(e.message)))
            return;
        throw e;
    }
}
const clientsOf = (e) => (0,_azure__WEBPACK_IMPORTED_MODULE_0__/* .clientsFor */ .US)({}, (0,_azure__WEBPACK_IMPORTED_MODULE_0__/* .targetFromRef */ .VG)(e.ref), e.ref.subscription);
/** The ledger's Azure kinds, for `bake cleanup` and the post step. */
const azureCleaners = {
    'azure-resource-group': (e) => deleteResourceGroup(clientsOf(e), e.ref.name),
    'azure-resource': (e) => deleteResource(clientsOf(e), e.ref.id),
    'azure-image': (e) => deleteResource(clientsOf(e), e.ref.id),
    'azure-gallery-version': (e) => deleteResource(clientsOf(e), e.ref.id),
};


/***/ }),

/***/ 33056:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  azureSteps: () => (/* binding */ azureSteps)
});

// EXTERNAL MODULE: ./src/engine/steps.ts
var steps = __webpack_require__(54277);
// EXTERNAL MODULE: ./src/communicators/clear-key.ts
var clear_key = __webpack_require__(53755);
;// CONCATENATED MODULE: ./src/plugins/builders/azure-arm/steps/capture.ts


function deallocateStep(x) {
    const { c, clients, names } = x;
    const specialized = c.shared_image_gallery_destination?.specialized === true;
    return {
        name: specialized ? 'deallocate' : 'deallocate and generalize',
        async run(s, ctx) {
            await (0,clear_key/* clearAuthorizedKey */._)(c, s.ssh, s.key?.publicKey, ctx);
            s.ssh?.close();
            const rg = s.group.name;
            const o = { polling: x.polling, signal: ctx.signal };
            ctx.log(`deallocating ${names.vm}`);
            await x.call(`deallocating VM ${names.vm}`, (p) => clients.compute.virtualMachines.deallocate(rg, names.vm, p), o);
            (0,steps/* throwIfCancelled */.dZ)(ctx.signal);
            if (specialized)
                return;
            await x.call(`generalizing VM ${names.vm}`, (p) => clients.compute.virtualMachines.generalize(rg, names.vm, p), o);
        },
    };
}

// EXTERNAL MODULE: ./src/plugins/ssh-connect.ts + 1 modules
var ssh_connect = __webpack_require__(17870);
;// CONCATENATED MODULE: ./src/plugins/builders/azure-arm/steps/connect.ts

function connectStep(x) {
    const { c, env } = x;
    const user = String(c.ssh_username ?? 'packer');
    const hint = (s, e) => {
        if (/authentication/i.test(e.message))
            return `sshd answered but refused the login: check ssh_username ("${user}") and that the image lets cloud-init / the Azure agent install the key`;
        return [
            `the network security group allows port ${c.ssh_port ?? 22} from ${(s.sourceCidrs ?? []).join(', ')}; if this runner reaches Azure from another address, set allowed_inbound_ip_addresses`,
            s.publicIp
                ? `the VM's public IP is ${s.host}`
                : `there is no public IP (private_virtual_network_with_public_ip: false): this runner must reach ${s.host} inside the virtual network`,
            `ssh_username "${user}" must be a user the image accepts`,
            'the image must start sshd (some take minutes on first boot: raise ssh_timeout)',
        ].join('; ');
    };
    return {
        name: 'connect',
        async run(s, ctx) {
            await (0,ssh_connect/* connectSsh */.L)(env, { ...c, ssh_username: user }, { host: s.host, privateKey: s.key.privateKey }, s, ctx, (e) => ({ hint: hint(s, e) }));
        },
        async cleanup(s) {
            s.ssh?.close();
        },
        cleanupBudgetMs: 2000,
    };
}

// EXTERNAL MODULE: ./src/spec/schema.ts
var schema = __webpack_require__(47280);
// EXTERNAL MODULE: ./src/plugins/builders/azure-arm/azure.ts
var azure = __webpack_require__(15593);
;// CONCATENATED MODULE: ./src/plugins/builders/azure-arm/steps/context.ts


/** Azure names: letters, digits, hyphens; at most `max` characters. */
const clean = (s, max) => s
    .replace(/[^A-Za-z0-9-]/g, '-')
    .replace(/-+/g, '-')
    .slice(0, max)
    .replace(/-$/, '');
function contextOf(env) {
    const c = env.instance.config;
    const target = (0,azure/* targetOf */.$r)(c);
    const clients = (0,azure/* clientsFor */.US)(c, target);
    const base = clean(`bake-${env.instance.name}-${env.runUuid.slice(0, 8)}`, 50);
    const vm = typeof c.temp_compute_name === 'string' ? c.temp_compute_name : base;
    const ref = (0,azure/* targetRef */.hu)(target);
    const inGroup = [];
    const groupOf = (id) => /\/resourceGroups\/([^/]+)\//i.exec(id)?.[1]?.toLowerCase();
    const buildGroup = String(c.build_resource_group_name ?? c.temp_resource_group_name ?? base).toLowerCase();
    return {
        inGroup,
        env,
        c,
        target,
        clients,
        clientsIn: (sub) => (sub && sub !== target.subscription ? (0,azure/* clientsFor */.US)(c, target, sub) : clients),
        polling: {
            intervalMs: (0,schema/* parseDuration */.E9)(c.polling_interval ?? '1s') ?? 1000,
            timeoutMs: (0,schema/* parseDuration */.E9)(c.polling_duration_timeout ?? '15m') ?? 900_000,
        },
        base,
        names: {
            vm,
            nic: `${vm}-nic`,
            ip: `${vm}-ip`,
            nsg: `${vm}-nsg`,
            vnet: `${vm}-vnet`,
            subnet: `${vm}-subnet`,
            disk: `${vm}-osdisk`,
        },
        tags: {
            ...(c.azure_tags ?? {}),
            'bake:run': env.runUuid,
            'bake:build': env.instance.name,
            'bake:created': new Date().toISOString(),
            Name: base,
        },
        ledger: (kind, id, what) => {
            const entry = env.ledger.add(env.instance.name, kind, { ...ref, id }, `${what} ${id}`);
            if (kind === 'azure-resource' && groupOf(id) === buildGroup)
                inGroup.push(entry);
            return entry;
        },
        ledgerGroup: (name) => env.ledger.add(env.instance.name, 'azure-resource-group', { ...ref, name }, `Azure resource group ${name} (holds every resource of the build VM)`),
        done: (m) => {
            if (m?.entry)
                env.ledger.done(m.entry);
        },
        id: (group, provider, ...path) => (0,azure/* resourceId */.a)(target.subscription, group, provider, ...path),
        call: azure/* arm */.J6,
    };
}

// EXTERNAL MODULE: ./src/plugins/builders/azure-arm/resources.ts
var resources = __webpack_require__(36899);
;// CONCATENATED MODULE: ./src/plugins/builders/azure-arm/steps/group.ts


function groupStep(x) {
    const { c, clients } = x;
    return {
        name: 'resource group',
        async run(s, ctx) {
            if (typeof c.build_resource_group_name === 'string') {
                s.group = { name: c.build_resource_group_name, temporary: false };
                return;
            }
            const name = typeof c.temp_resource_group_name === 'string' ? c.temp_resource_group_name : x.base;
            s.group = { name, temporary: true, entry: x.ledgerGroup(name) };
            await x.call(`creating resource group ${name} in ${s.location}`, (o) => clients.resources.resourceGroups.createOrUpdate(name, { location: s.location, tags: x.tags }, o), { polling: x.polling, signal: ctx.signal, location: s.location });
            ctx.log(`created resource group ${name}`);
            (0,steps/* throwIfCancelled */.dZ)(ctx.signal);
        },
        async cleanup(s, ctx) {
            const g = s.group;
            if (!g?.temporary || !g.entry)
                return;
            if (c.async_resourcegroup_delete === true) {
                // The delete goes on in Azure; the ledger entry stays open so the post step
                // (or `bake cleanup`) checks that it finished.
                ctx.log(`deleting resource group ${g.name} (not waiting: async_resourcegroup_delete)`);
                await (0,resources.deleteResourceGroup)(clients, g.name, { wait: false, polling: x.polling });
                return;
            }
            ctx.log(`deleting resource group ${g.name} and everything in it`);
            await (0,resources.deleteResourceGroup)(clients, g.name, {
                polling: { ...x.polling, timeoutMs: 30 * 60_000 },
            });
            x.done(g);
            for (const e of x.inGroup)
                x.env.ledger.done(e);
        },
        cleanupBudgetMs: 30 * 60_000,
    };
}

// EXTERNAL MODULE: ./src/engine/context.ts
var context = __webpack_require__(86173);
;// CONCATENATED MODULE: ./src/plugins/builders/azure-arm/steps/image.ts





function imageStep(x) {
    const { c, clients } = x;
    const dst = c.shared_image_gallery_destination;
    const imageName = c.managed_image_name;
    const imageGroup = c.managed_image_resource_group_name;
    const galleryTimeout = (0,schema/* parseDuration */.E9)(c.shared_image_gallery_timeout ?? '60m') ?? 3_600_000;
    const publishVersion = async (s, signal) => {
        const d = dst;
        const sub = d.subscription ?? x.target.subscription;
        const gc = x.clientsIn(sub).compute;
        const [rg, g, i, v] = [d.resource_group, d.gallery_name, d.image_name, d.image_version].map(String);
        const id = `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.Compute/galleries/${g}/images/${i}/versions/${v}`;
        const loc = s.galleryLocation ?? s.location;
        const regions = (d.target_region ?? [{ name: loc }]).map((r) => ({
            name: String(r.name),
            regionalReplicaCount: Number(r.replicas ?? 1),
            ...(r.storage_account_type ? { storageAccountType: String(r.storage_account_type) } : {}),
        }));
        const o = { polling: x.polling, signal, timeoutMs: galleryTimeout };
        if (c.force === true) {
            const old = await x.call(`looking up gallery version ${g}/${i}/${v}`, (p) => (0,azure/* orMissing */.Mr)(gc.galleryImageVersions.get(rg, g, i, v, p)), o);
            if (old) {
                x.env.out('info', `force: deleting gallery version ${old.id}`);
                await (0,resources.deleteResource)(x.clientsIn(sub), old.id, x.polling);
            }
        }
        s.version = { id, entry: x.ledger('azure-gallery-version', id, 'gallery image version') };
        const body = {
            location: loc,
            tags: x.tags,
            publishingProfile: {
                targetRegions: regions,
                storageAccountType: String(d.storage_account_type ?? 'Standard_LRS'),
                excludeFromLatest: d.exclude_from_latest === true,
                ...(typeof d.end_of_life_date === 'string'
                    ? { endOfLifeDate: new Date(d.end_of_life_date) }
                    : {}),
            },
            storageProfile: { source: { id: s.image?.id ?? s.vm.id } },
        };
        x.env.out('info', `publishing ${g}/${i}/${v} to ${regions.map((r) => r.name).join(', ')}`);
        try {
            await x.call(`publishing gallery version ${g}/${i}/${v}`, (p) => gc.galleryImageVersions.createOrUpdate(rg, g, i, v, body, p), o);
        }
        catch (e) {
            if (!(e instanceof context/* BuildError */.zS))
                throw e;
            // A failed replication: say how far each region got.
            const now = await gc.galleryImageVersions
                .get(rg, g, i, v, { expand: 'ReplicationStatus' })
                .catch(() => undefined);
            const summary = now?.replicationStatus?.summary ?? [];
            if (!summary.length)
                throw e;
            throw new context/* BuildError */.zS(`${e.message}; replication: ${summary.map((r) => `${r.region}: ${r.state}${r.details ? ` (${r.details})` : ''}`).join(', ')}`, e.hint ?? 'try again, or replicate to fewer target_region entries');
        }
        return regions.map((r) => r.name);
    };
    return {
        name: 'image',
        async run(s, ctx) {
            const o = { polling: x.polling, signal: ctx.signal, location: s.location };
            if (imageName && imageGroup) {
                if (c.force === true) {
                    const old = await x.call(`looking up managed image ${imageName}`, (p) => (0,azure/* orMissing */.Mr)(clients.compute.images.get(imageGroup, imageName, p)), o);
                    if (old) {
                        ctx.log(`force: deleting managed image ${old.id}`);
                        await (0,resources.deleteResource)(clients, old.id, x.polling);
                    }
                }
                const id = x.id(imageGroup, 'Microsoft.Compute', 'images', imageName);
                s.image = { id, entry: x.ledger('azure-image', id, 'managed image') };
                ctx.log(`capturing managed image ${imageName}`);
                await x.call(`creating managed image ${imageName}`, (p) => clients.compute.images.createOrUpdate(imageGroup, imageName, {
                    location: s.location,
                    tags: x.tags,
                    sourceVirtualMachine: { id: s.vm.id },
                    storageProfile: {
                        osDisk: {
                            osType: 'Linux',
                            osState: 'Generalized',
                            storageAccountType: String(c.managed_image_storage_account_type ?? 'Standard_LRS'),
                        },
                    },
                }, p), o);
                (0,steps/* throwIfCancelled */.dZ)(ctx.signal);
            }
            const replicated = dst ? await publishVersion(s, ctx.signal) : [];
            (0,steps/* throwIfCancelled */.dZ)(ctx.signal);
            const regions = {};
            if (s.version)
                for (const r of replicated)
                    regions[r] = s.version.id;
            if (s.image)
                regions[s.location] = s.image.id;
            const made = [s.image, s.version].filter((m) => !!m);
            s.artifact = {
                id: (s.image ?? s.version).id,
                builderType: 'azure-arm',
                regions,
                properties: {
                    ...(s.location ? { location: s.location } : {}),
                    ...(s.image ? { managed_image_id: s.image.id } : {}),
                    ...(s.version ? { gallery_image_version_id: s.version.id } : {}),
                },
                description: [
                    s.image && `managed image ${s.image.id} in ${s.location}`,
                    s.version && `gallery version ${s.version.id} in ${replicated.join(', ')}`,
                ]
                    .filter(Boolean)
                    .join('; '),
                destroy: async () => {
                    await (0,azure/* allOrFirstError */.te)(made.map((m) => (0,resources.deleteResource)(x.clientsIn(m.id.split('/')[2]), m.id)));
                },
                ledgerEntries: made.map((m) => m.entry),
            };
            Object.assign(x.env.generated, {
                ManagedImageId: s.image?.id ?? '',
                ManagedImageLocation: s.image ? s.location : '',
                SharedImageGalleryVersionId: s.version?.id ?? '',
                SharedImageGalleryReplicatedRegions: replicated.join(','),
            });
            s.finished = true;
            for (const m of made)
                ctx.log(`made ${m.id}`);
        },
        async cleanup(s, ctx) {
            if (s.finished)
                return;
            // The build did not finish: neither the image nor the version may stay.
            const list = [s.version, s.image].filter((m) => !!m);
            for (const m of list) {
                ctx.log(`deleting ${m.id}`);
                await (0,resources.deleteResource)(x.clientsIn(m.id.split('/')[2]), m.id);
                x.done(m);
            }
        },
        cleanupBudgetMs: 15 * 60_000,
    };
}

;// CONCATENATED MODULE: ./src/plugins/builders/azure-arm/steps/network.ts



const usesPublicIp = (x) => typeof x.c.virtual_network_name !== 'string' ||
    x.c.private_virtual_network_with_public_ip !== false;
function networkStep(x) {
    const { c, clients, names } = x;
    const net = clients.network;
    const N = 'Microsoft.Network';
    return {
        name: 'network',
        async run(s, ctx) {
            const rg = s.group.name;
            const loc = s.location;
            const o = { polling: x.polling, signal: ctx.signal, location: loc };
            const port = Number(c.ssh_port ?? 22);
            const make = async (slot, id, what, create) => {
                // Ledgered before it is asked for; the delete of a resource never made is a no-op.
                const m = { id, entry: x.ledger('azure-resource', id, what) };
                s[slot] = m;
                await create();
            };
            await (0,azure/* allOrFirstError */.te)([
                typeof c.virtual_network_name !== 'string' &&
                    make('vnet', x.id(rg, N, 'virtualNetworks', names.vnet), 'virtual network', async () => {
                        const v = await x.call(`creating virtual network ${names.vnet}`, (p) => net.virtualNetworks.beginCreateOrUpdateAndWait(rg, names.vnet, {
                            location: loc,
                            tags: x.tags,
                            addressSpace: { addressPrefixes: ['10.0.0.0/16'] },
                            subnets: [{ name: names.subnet, addressPrefix: '10.0.0.0/24' }],
                        }, p), o);
                        s.subnetId =
                            v.subnets?.find((n) => n.name === names.subnet)?.id ??
                                `${v.id}/subnets/${names.subnet}`;
                    }),
                usesPublicIp(x) &&
                    make('publicIp', x.id(rg, N, 'publicIPAddresses', names.ip), 'public IP', () => x.call(`creating public IP ${names.ip}`, (p) => net.publicIPAddresses.beginCreateOrUpdateAndWait(rg, names.ip, {
                        location: loc,
                        tags: x.tags,
                        sku: { name: 'Standard' },
                        publicIPAllocationMethod: 'Static',
                    }, p), o)),
                make('nsg', x.id(rg, N, 'networkSecurityGroups', names.nsg), 'network security group', () => x.call(`creating network security group ${names.nsg}`, (p) => net.networkSecurityGroups.beginCreateOrUpdateAndWait(rg, names.nsg, {
                    location: loc,
                    tags: x.tags,
                    securityRules: [
                        {
                            name: 'bake-ssh',
                            protocol: 'Tcp',
                            access: 'Allow',
                            direction: 'Inbound',
                            priority: 100,
                            sourcePortRange: '*',
                            destinationPortRange: String(port),
                            destinationAddressPrefix: '*',
                            ...(s.sourceCidrs.length === 1
                                ? { sourceAddressPrefix: s.sourceCidrs[0] }
                                : { sourceAddressPrefixes: s.sourceCidrs }),
                        },
                    ],
                }, p), o)),
            ]);
            ctx.log(`network ready: ${[s.vnet && names.vnet, s.publicIp && names.ip, names.nsg].filter(Boolean).join(', ')}`);
            (0,steps/* throwIfCancelled */.dZ)(ctx.signal);
        },
        async cleanup(s, ctx) {
            // In a temporary group these go with the group.
            if (s.group?.temporary !== false)
                return;
            const list = [s.publicIp, s.nsg, s.vnet].filter((m) => !!m);
            if (list.length)
                ctx.log(`deleting ${list.map((m) => m.id.split('/').at(-1)).join(', ')}`);
            await (0,azure/* allOrFirstError */.te)(list.map(async (m) => {
                await (0,resources.deleteResource)(clients, m.id);
                x.done(m);
            }));
        },
        cleanupBudgetMs: 15 * 60_000,
    };
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./node_modules/ssh2/lib/index.js
var lib = __webpack_require__(85472);
var lib_default = /*#__PURE__*/__webpack_require__.n(lib);
// EXTERNAL MODULE: ./src/communicators/ssh-config.ts
var ssh_config = __webpack_require__(53661);
// EXTERNAL MODULE: ./src/util/redact.ts
var redact = __webpack_require__(50767);
;// CONCATENATED MODULE: ./src/plugins/builders/azure-arm/steps/prepare.ts
/**
 * Before anything is created: the names the build will take are free, the groups, network,
 * source image and gallery definition it names exist. Fails fast with the exact name.
 */








/** The runner's public address as others see it, or undefined within 3 s. */
async function publicIp() {
    const url = process.env.BAKE_CHECKIP_URL ?? 'https://checkip.amazonaws.com/';
    const t = (0,steps/* withTimeout */.wj)(undefined, 3000);
    try {
        const r = await fetch(url, { signal: t.signal });
        const text = (await r.text()).trim();
        return r.ok && /^\d{1,3}(\.\d{1,3}){3}$/.test(text) ? text : undefined;
    }
    catch {
        return undefined;
    }
    finally {
        t.clear();
    }
}
function readCustomData(x) {
    const { c, env } = x;
    if (typeof c.custom_data === 'string')
        return Buffer.from(c.custom_data).toString('base64');
    if (typeof c.custom_data_file !== 'string')
        return undefined;
    try {
        return (0,external_node_fs_.readFileSync)((0,external_node_path_.resolve)(env.specDir, c.custom_data_file)).toString('base64');
    }
    catch (e) {
        throw new context/* BuildError */.zS(`custom_data_file ${c.custom_data_file} cannot be read: ${e.code}`, `paths are relative to the spec's directory (${env.specDir})`);
    }
}
/** The key the VM trusts: the public half of ssh_private_key(_file), or a temporary ed25519 key. */
function keyOf(x) {
    const { c, env } = x;
    let priv = c.ssh_private_key;
    if (priv === undefined && typeof c.ssh_private_key_file === 'string') {
        try {
            priv = (0,external_node_fs_.readFileSync)((0,external_node_path_.resolve)(env.specDir, c.ssh_private_key_file), 'utf8');
        }
        catch (e) {
            throw new context/* BuildError */.zS(`ssh_private_key_file ${c.ssh_private_key_file} cannot be read: ${e.code}`, `paths are relative to the spec's directory (${env.specDir})`);
        }
    }
    if (priv === undefined)
        return (0,ssh_config/* temporaryKeyPair */.f)('ed25519', x.base);
    (0,redact/* addSecret */.Ck)(priv);
    const parsed = lib_default().utils.parseKey(priv, c.ssh_private_key_passphrase);
    const key = Array.isArray(parsed) ? parsed[0] : parsed;
    if (key instanceof Error)
        throw new context/* BuildError */.zS(`the SSH private key is not usable: ${key.message}`, 'use an OpenSSH or PEM private key');
    return { privateKey: priv, publicKey: `${key.type} ${key.getPublicSSH().toString('base64')}` };
}
function prepareStep(x) {
    const { c, clients, env } = x;
    const force = c.force === true;
    const call = (what, f, signal) => x.call(what, f, { polling: x.polling, signal });
    const groupMissing = (what, name) => new context/* BuildError */.zS(`${what} "${name}" does not exist in subscription ${x.target.subscription}`, 'create it first, or check the name and subscription_id');
    return {
        name: 'prepare',
        async run(s, ctx) {
            // Local inputs first: nothing is asked of Azure for a build that cannot start.
            s.customData = readCustomData(x);
            s.key = keyOf(x);
            const sig = ctx.signal;
            const needIp = !Array.isArray(c.allowed_inbound_ip_addresses);
            const ip = needIp ? publicIp() : Promise.resolve(undefined);
            const group = async (name, what) => {
                const g = await call(`looking up ${what} ${name}`, (o) => (0,azure/* orMissing */.Mr)(clients.resources.resourceGroups.get(name, o)), sig);
                if (!g)
                    throw groupMissing(what, name);
                return g;
            };
            const checks = [];
            if (typeof c.build_resource_group_name === 'string')
                checks.push(group(c.build_resource_group_name, 'build_resource_group_name').then((g) => {
                    s.location = g.location;
                }));
            else {
                s.location = String(c.location);
                const name = typeof c.temp_resource_group_name === 'string' ? c.temp_resource_group_name : x.base;
                checks.push(call(`looking up resource group ${name}`, (o) => clients.resources.resourceGroups.checkExistence(name, o), sig).then((r) => {
                    if (r.body)
                        throw new context/* BuildError */.zS(`the temporary resource group "${name}" already exists`, 'bake deletes the temporary group after the build: name one that does not exist, or build in an existing group with build_resource_group_name');
                }));
            }
            if (typeof c.managed_image_name === 'string') {
                const rg = String(c.managed_image_resource_group_name);
                checks.push(group(rg, 'managed_image_resource_group_name').then(async () => {
                    const old = await call(`looking up managed image ${c.managed_image_name}`, (o) => (0,azure/* orMissing */.Mr)(clients.compute.images.get(rg, String(c.managed_image_name), o)), sig);
                    if (old && !force)
                        throw new context/* BuildError */.zS(`a managed image named "${c.managed_image_name}" already exists in ${rg}: ${old.id}`, 'set force: true to replace it, or make managed_image_name unique (e.g. with formatdate("YYYYMMDDhhmm", timestamp()))');
                }));
            }
            const dst = c.shared_image_gallery_destination;
            if (dst) {
                const gc = x.clientsIn(dst.subscription).compute;
                const [rg, g, i, v] = [
                    dst.resource_group,
                    dst.gallery_name,
                    dst.image_name,
                    dst.image_version,
                ].map(String);
                checks.push((async () => {
                    const def = await call(`looking up gallery image ${g}/${i}`, (o) => (0,azure/* orMissing */.Mr)(gc.galleryImages.get(rg, g, i, o)), sig);
                    if (!def)
                        throw new context/* BuildError */.zS(`the gallery image definition "${i}" does not exist in gallery "${g}" (resource group ${rg})`, 'create the image definition first (az sig image-definition create), or check the names');
                    const state = String(def.osState ?? 'Generalized');
                    if ((state === 'Specialized') !== (dst.specialized === true))
                        throw new context/* BuildError */.zS(`the gallery image definition "${i}" is ${state}, but specialized is ${dst.specialized === true}`, `set shared_image_gallery_destination.specialized: ${state === 'Specialized'}`);
                    s.galleryLocation = def.location;
                    const old = await call(`looking up gallery version ${i}/${v}`, (o) => (0,azure/* orMissing */.Mr)(gc.galleryImageVersions.get(rg, g, i, v, o)), sig);
                    if (old && !force)
                        throw new context/* BuildError */.zS(`gallery image version ${g}/${i}/${v} already exists`, 'raise image_version, or set force: true to replace it');
                })());
            }
            if (typeof c.virtual_network_name === 'string') {
                const rg = String(c.virtual_network_resource_group_name ?? c.build_resource_group_name ?? '');
                if (!rg)
                    throw new context/* BuildError */.zS('an existing virtual network needs its group', 'set virtual_network_resource_group_name');
                checks.push(call(`looking up subnet ${c.virtual_network_name}/${c.virtual_network_subnet_name}`, (o) => (0,azure/* orMissing */.Mr)(clients.network.subnets.get(rg, String(c.virtual_network_name), String(c.virtual_network_subnet_name), o)), sig).then((sub) => {
                    if (!sub)
                        throw new context/* BuildError */.zS(`subnet "${c.virtual_network_subnet_name}" of virtual network "${c.virtual_network_name}" (resource group ${rg}) does not exist`, 'check virtual_network_name, virtual_network_subnet_name and virtual_network_resource_group_name');
                    s.subnetId = sub.id;
                }));
            }
            if (typeof c.custom_managed_image_name === 'string') {
                const rg = String(c.custom_managed_image_resource_group_name);
                checks.push(call(`looking up managed image ${c.custom_managed_image_name}`, (o) => (0,azure/* orMissing */.Mr)(clients.compute.images.get(rg, String(c.custom_managed_image_name), o)), sig).then((img) => {
                    if (!img)
                        throw new context/* BuildError */.zS(`custom_managed_image_name "${c.custom_managed_image_name}" does not exist in ${rg}`);
                    s.sourceImageId = img.id;
                }));
            }
            const src = c.shared_image_gallery;
            if (src) {
                const gc = x.clientsIn(src.subscription).compute;
                const [rg, g, i] = [src.resource_group, src.gallery_name, src.image_name].map(String);
                const v = String(src.image_version ?? 'latest');
                checks.push((async () => {
                    const found = v === 'latest'
                        ? await call(`looking up gallery image ${g}/${i}`, (o) => (0,azure/* orMissing */.Mr)(gc.galleryImages.get(rg, g, i, o)), sig)
                        : await call(`looking up gallery version ${g}/${i}/${v}`, (o) => (0,azure/* orMissing */.Mr)(gc.galleryImageVersions.get(rg, g, i, v, o)), sig);
                    if (!found)
                        throw new context/* BuildError */.zS(`shared_image_gallery ${g}/${i}/${v} does not exist (resource group ${rg})`);
                    s.sourceImageId = found.id;
                })());
            }
            const settled = await Promise.allSettled(checks);
            const failed = settled.find((r) => r.status === 'rejected');
            if (failed)
                throw failed.reason;
            const found = await ip;
            if (Array.isArray(c.allowed_inbound_ip_addresses))
                s.sourceCidrs = c.allowed_inbound_ip_addresses.map(String);
            else if (found)
                s.sourceCidrs = [`${found}/32`];
            else {
                env.out('stderr', `warning: could not find this runner's public address; the network security group opens SSH to any address. Set allowed_inbound_ip_addresses to narrow it.`);
                s.sourceCidrs = ['*'];
            }
            env.generated.BuildLocation = s.location ?? '';
            env.generated.SSHPublicKey = s.key.publicKey;
            ctx.log(`building in ${s.location}${c.build_resource_group_name ? `, group ${c.build_resource_group_name}` : ''}`);
        },
    };
}

;// CONCATENATED MODULE: ./src/plugins/builders/azure-arm/steps/vm.ts



function vmStep(x) {
    const { c, clients, names } = x;
    const vmSize = String(c.vm_size ?? 'Standard_B2s');
    const user = String(c.ssh_username ?? 'packer');
    const imageReference = (s) => s.sourceImageId
        ? { id: s.sourceImageId }
        : {
            publisher: String(c.image_publisher),
            offer: String(c.image_offer),
            sku: String(c.image_sku),
            version: String(c.image_version ?? 'latest'),
        };
    return {
        name: 'virtual machine',
        async run(s, ctx) {
            const rg = s.group.name;
            const loc = s.location;
            const o = { polling: x.polling, signal: ctx.signal, location: loc, vmSize };
            const nicId = x.id(rg, 'Microsoft.Network', 'networkInterfaces', names.nic);
            s.nic = { id: nicId, entry: x.ledger('azure-resource', nicId, 'network interface') };
            // A NIC may only name a public IP and NSG whose creates finished: the network step awaited them.
            await x.call(`creating network interface ${names.nic}`, (p) => clients.network.networkInterfaces.beginCreateOrUpdateAndWait(rg, names.nic, {
                location: loc,
                tags: x.tags,
                networkSecurityGroup: { id: s.nsg.id },
                ipConfigurations: [
                    {
                        name: 'ipconfig',
                        subnet: { id: s.subnetId },
                        privateIPAllocationMethod: 'Dynamic',
                        ...(s.publicIp ? { publicIPAddress: { id: s.publicIp.id } } : {}),
                    },
                ],
            }, p), o);
            (0,steps/* throwIfCancelled */.dZ)(ctx.signal);
            const vmId = x.id(rg, 'Microsoft.Compute', 'virtualMachines', names.vm);
            const diskId = x.id(rg, 'Microsoft.Compute', 'disks', names.disk);
            s.vm = { id: vmId, entry: x.ledger('azure-resource', vmId, 'virtual machine') };
            if (!s.group.temporary)
                s.vm.disk = { id: diskId, entry: x.ledger('azure-resource', diskId, 'OS disk') };
            const body = {
                location: loc,
                tags: x.tags,
                hardwareProfile: { vmSize },
                storageProfile: {
                    imageReference: imageReference(s),
                    osDisk: {
                        name: names.disk,
                        createOption: 'FromImage',
                        deleteOption: 'Delete',
                        caching: 'ReadWrite',
                        managedDisk: { storageAccountType: 'Standard_LRS' },
                        ...(c.os_disk_size_gb !== undefined ? { diskSizeGB: Number(c.os_disk_size_gb) } : {}),
                    },
                },
                osProfile: {
                    computerName: names.vm.slice(0, 64),
                    adminUsername: user,
                    ...(s.customData ? { customData: s.customData } : {}),
                    linuxConfiguration: {
                        disablePasswordAuthentication: true,
                        ssh: {
                            publicKeys: [
                                { path: `/home/${user}/.ssh/authorized_keys`, keyData: s.key.publicKey },
                            ],
                        },
                    },
                },
                networkProfile: {
                    networkInterfaces: [{ id: nicId, primary: true, deleteOption: 'Delete' }],
                },
            };
            ctx.log(`creating VM ${names.vm} (${vmSize})`);
            await x.call(`creating VM ${names.vm}`, (p) => clients.compute.virtualMachines.createOrUpdate(rg, names.vm, body, p), o);
            (0,steps/* throwIfCancelled */.dZ)(ctx.signal);
            s.host = await addressOf(x, s, ctx.signal);
            x.env.generated.ID = vmId;
            ctx.log(`VM ${names.vm} is running at ${s.host}`);
        },
        async cleanup(s, ctx) {
            // In a temporary group these go with the group.
            if (s.group?.temporary !== false)
                return;
            if (s.vm) {
                ctx.log(`deleting VM ${names.vm}`);
                await (0,resources.deleteResource)(clients, s.vm.id);
                x.done(s.vm);
                if (s.vm.disk) {
                    await (0,resources.deleteResource)(clients, s.vm.disk.id);
                    x.done(s.vm.disk);
                }
            }
            if (s.nic) {
                await (0,resources.deleteResource)(clients, s.nic.id);
                x.done(s.nic);
            }
        },
        cleanupBudgetMs: 20 * 60_000,
    };
}
async function addressOf(x, s, signal) {
    const rg = s.group.name;
    const o = { polling: x.polling, signal };
    if (s.publicIp) {
        const ip = await x.call(`reading public IP ${x.names.ip}`, (p) => x.clients.network.publicIPAddresses.get(rg, x.names.ip, p), o);
        if (ip.ipAddress)
            return ip.ipAddress;
        throw new context/* BuildError */.zS(`public IP ${x.names.ip} has no address`, 'the VM may not have started; look at its boot diagnostics');
    }
    const nic = await x.call(`reading network interface ${x.names.nic}`, (p) => x.clients.network.networkInterfaces.get(rg, x.names.nic, p), o);
    const addr = nic.ipConfigurations?.[0]?.privateIPAddress;
    if (!addr)
        throw new context/* BuildError */.zS(`network interface ${x.names.nic} has no private address`);
    return addr;
}

;// CONCATENATED MODULE: ./src/plugins/builders/azure-arm/steps.ts








function azureSteps(env, provision) {
    const x = contextOf(env);
    return [
        prepareStep(x),
        groupStep(x),
        networkStep(x),
        vmStep(x),
        connectStep(x),
        provision,
        deallocateStep(x),
        imageStep(x),
    ];
}


/***/ })

};
;
"use strict";
exports.id = 3618;
exports.ids = [3618,6899];
exports.modules = {

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
/* harmony import */ var _azure_arm_compute__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(39928);
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

/***/ 43618:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   sweep: () => (/* binding */ sweep)
/* harmony export */ });
/* harmony import */ var _azure__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(15593);
/* harmony import */ var _resources__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(36899);
/**
 * `bake sweep` for Azure: what bake runs left (tagged `bake:run` at creation) older than a
 * limit. A temporary resource group goes whole; in a group bake did not make, each tagged
 * resource goes on its own, VMs first and networks last. A managed image or gallery version
 * is a finished build's result and is listed only while its run also left a VM, disk or
 * network piece behind (the run never finished). A dry run unless --delete.
 */


const FILTER = "tagName eq 'bake:run'";
const RESULTS = ['microsoft.compute/images', 'microsoft.compute/galleries/images/versions'];
/** Deletion order within a group: what holds others goes first. */
const ORDER = [
    'microsoft.compute/virtualmachines',
    'microsoft.network/networkinterfaces',
    'microsoft.compute/disks',
    'microsoft.network/publicipaddresses',
    'microsoft.network/networksecuritygroups',
    'microsoft.network/virtualnetworks',
    ...RESULTS,
];
const createdOf = (tags) => {
    const t = tags?.['bake:created'];
    return t && !Number.isNaN(Date.parse(t)) ? new Date(t) : undefined;
};
async function findIn(subscription, clients) {
    const out = [];
    const groups = new Set();
    for await (const g of clients.resources.resourceGroups.list({ filter: FILTER })) {
        groups.add(g.name.toLowerCase());
        out.push({
            subscription,
            kind: 'group',
            name: g.name,
            run: g.tags?.['bake:run'],
            created: createdOf(g.tags),
        });
    }
    for await (const r of clients.resources.resources.list({ filter: FILTER })) {
        // A resource in a group that goes whole goes with it.
        if (groups.has((0,_azure__WEBPACK_IMPORTED_MODULE_0__/* .parseId */ .Fg)(r.id).group.toLowerCase()))
            continue;
        out.push({
            subscription,
            kind: 'resource',
            name: r.id,
            type: r.type?.toLowerCase(),
            run: r.tags?.['bake:run'],
            created: createdOf(r.tags),
        });
    }
    const unfinished = new Set(out.filter((f) => f.kind === 'group' || !RESULTS.includes(f.type ?? '')).map((f) => f.run));
    return out.filter((f) => !RESULTS.includes(f.type ?? '') || unfinished.has(f.run));
}
/** Returns the exit code: 0 when everything found was listed (or removed), 1 otherwise. */
async function sweep(o) {
    const now = o.now ?? Date.now();
    let failed = 0;
    const found = [];
    const answered = [];
    const clients = new Map();
    await Promise.all(o.subscriptions.map(async (subscription) => {
        try {
            const c = (0,_azure__WEBPACK_IMPORTED_MODULE_0__/* .clientsFor */ .US)({}, (0,_azure__WEBPACK_IMPORTED_MODULE_0__/* .targetOf */ .$r)({ subscription_id: subscription }));
            clients.set(subscription, c);
            found.push(...(await findIn(subscription, c)));
            answered.push(subscription);
        }
        catch (e) {
            failed++;
            const err = (0,_azure__WEBPACK_IMPORTED_MODULE_0__/* .azureError */ .uv)(e, `listing bake resources in subscription ${subscription}`);
            o.write(err.hint ? `${err.message}\n  hint: ${err.hint}` : err.message);
        }
    }));
    // Something without a known age is never old enough: only what is provably old goes.
    const old = found.filter((f) => f.created && now - f.created.getTime() >= o.olderThanMs);
    const age = (f) => `${Math.round((now - f.created.getTime()) / 3_600_000)}h old`;
    const label = (f) => `${f.kind === 'group' ? `resource group ${f.name} (subscription ${f.subscription})` : f.name}, run ${f.run ?? '?'}, ${age(f)}`;
    if (!old.length) {
        if (answered.length)
            o.write(`nothing older than ${o.olderThanMs / 3_600_000}h in subscription ${answered.sort().join(', ')}`);
        return failed ? 1 : 0;
    }
    if (!o.delete) {
        for (const f of old)
            o.write(`would delete ${label(f)}`);
        o.write(`${old.length} resource(s); run again with --delete to remove them`);
        return failed ? 1 : 0;
    }
    const remove = async (f) => {
        const c = clients.get(f.subscription);
        try {
            if (f.kind === 'group')
                await (0,_resources__WEBPACK_IMPORTED_MODULE_1__.deleteResourceGroup)(c, f.name);
            else
                await (0,_resources__WEBPACK_IMPORTED_MODULE_1__.deleteResource)(c, f.name);
            o.write(`deleted ${label(f)}`);
        }
        catch (e) {
            failed++;
            o.write(`could not delete ${label(f)}: ${e.message}`);
        }
    };
    const rank = (f) => {
        const i = ORDER.indexOf(f.type ?? '');
        return i < 0 ? ORDER.length : i;
    };
    // Groups side by side with the first rank of loose resources, then rank by rank.
    const loose = old.filter((f) => f.kind === 'resource');
    const ranks = [...new Set(loose.map(rank))].sort((a, b) => a - b);
    await Promise.all([
        ...old.filter((f) => f.kind === 'group').map(remove),
        (async () => {
            for (const r of ranks)
                await Promise.all(loose.filter((f) => rank(f) === r).map(remove));
        })(),
    ]);
    return failed ? 1 : 0;
}


/***/ })

};
;
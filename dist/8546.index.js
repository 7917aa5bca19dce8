"use strict";
exports.id = 8546;
exports.ids = [8546,6899];
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

/***/ 58546:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   azureBase: () => (/* binding */ azureBase),
/* harmony export */   azureExists: () => (/* binding */ azureExists)
/* harmony export */ });
/* harmony import */ var _azure__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(15593);
/* harmony import */ var _resources__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(36899);


/** The newest of a list of versions named a.b.c (Azure's version format). */
function newest(names) {
    const key = (v) => v.split('.').map((p) => Number(p) || 0);
    return [...names].sort((a, b) => {
        const [x, y] = [key(a), key(b)];
        for (let i = 0; i < Math.max(x.length, y.length); i++)
            if ((x[i] ?? 0) !== (y[i] ?? 0))
                return (y[i] ?? 0) - (x[i] ?? 0);
        return 0;
    })[0];
}
async function azureBase(c) {
    const t = (0,_azure__WEBPACK_IMPORTED_MODULE_0__/* .targetOf */ .$r)(c);
    const clients = (0,_azure__WEBPACK_IMPORTED_MODULE_0__/* .clientsFor */ .US)(c, t);
    if (typeof c.custom_managed_image_name === 'string') {
        const img = await clients.compute.images.get(String(c.custom_managed_image_resource_group_name), c.custom_managed_image_name);
        return `azure:${img.id}`;
    }
    const g = c.shared_image_gallery;
    if (g) {
        const gc = (0,_azure__WEBPACK_IMPORTED_MODULE_0__/* .clientsFor */ .US)(c, t, g.subscription ?? t.subscription).compute;
        const [rg, gallery, image] = [g.resource_group, g.gallery_name, g.image_name].map(String);
        let version = String(g.image_version ?? 'latest');
        if (version === 'latest') {
            const names = [];
            for await (const v of gc.galleryImageVersions.listByGalleryImage(rg, gallery, image))
                if (!v.publishingProfile?.excludeFromLatest && v.name)
                    names.push(v.name);
            version = newest(names) ?? 'none';
        }
        return `azure:gallery:${rg}/${gallery}/${image}/${version}`;
    }
    let version = String(c.image_version ?? 'latest');
    const [publisher, offer, sku] = [c.image_publisher, c.image_offer, c.image_sku].map(String);
    if (version === 'latest') {
        const location = typeof c.build_resource_group_name === 'string'
            ? (await clients.resources.resourceGroups.get(c.build_resource_group_name)).location
            : String(c.location);
        const list = await clients.compute.virtualMachineImages.list(location, publisher, offer, sku);
        version = newest(list.map((v) => v.name)) ?? 'none';
    }
    return `azure:${publisher}:${offer}:${sku}:${version}`;
}
/** The managed image and the gallery version the build made both still exist. */
async function azureExists(c, a) {
    const t = (0,_azure__WEBPACK_IMPORTED_MODULE_0__/* .targetOf */ .$r)(c);
    const ids = [a.properties?.managed_image_id, a.properties?.gallery_image_version_id].filter((x) => typeof x === 'string');
    if (!ids.length)
        ids.push(a.id);
    for (const id of ids) {
        // A record that names no Azure resource cannot be reused: build again.
        if (!/^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\//i.test(id))
            return false;
        const r = await (0,_resources__WEBPACK_IMPORTED_MODULE_1__.getResource)((0,_azure__WEBPACK_IMPORTED_MODULE_0__/* .clientsFor */ .US)(c, t, (0,_azure__WEBPACK_IMPORTED_MODULE_0__/* .parseId */ .Fg)(id).subscription), id);
        if (r?.provisioningState !== 'Succeeded')
            return false;
    }
    return true;
}


/***/ })

};
;
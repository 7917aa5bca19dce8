"use strict";
exports.id = 1309;
exports.ids = [1309];
exports.modules = {

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


/***/ })

};
;
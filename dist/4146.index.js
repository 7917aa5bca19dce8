"use strict";
exports.id = 4146;
exports.ids = [4146];
exports.modules = {

/***/ 88585:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ codeOf),
/* harmony export */   e: () => (/* binding */ awsError)
/* harmony export */ });
/* harmony import */ var _engine_context__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(86173);
/**
 * AWS errors as bake reports them: the error code, what was being done, and a hint for the
 * codes users meet. Shared by the amazon-ebs builder and the AWS data functions, without
 * loading any SDK client.
 */

/** The AWS error code of a failed call ("InvalidGroup.NotFound"), if it is one. */
function codeOf(e) {
    const x = e;
    if (x?.Code)
        return x.Code;
    // Network failures (ECONNREFUSED, ENOTFOUND, ETIMEDOUT) carry their code on `code`.
    if (typeof x?.code === 'string' && (!x.name || x.name === 'Error'))
        return x.code;
    return x?.name;
}
const HINTS = [
    [
        /^(InsufficientInstanceCapacity|InsufficientCapacity|InsufficientHostCapacity)$/,
        'AWS has no capacity for this instance type in this zone right now: list several types in spot_instance_types, or pick a subnet in another availability zone (subnet_id / subnet_filter)',
    ],
    [
        /^(SpotMaxPriceTooLow|MaxSpotInstanceCountExceeded)$/,
        'raise spot_price (or use "auto"), or add types to spot_instance_types',
    ],
    [/^InvalidAMIID\./, 'check that the AMI exists in this region and is shared with this account'],
    [/^VPCIdNotSpecified$/, 'this region has no default VPC: set subnet_id or subnet_filter'],
    [/^InvalidKeyPair\.NotFound$/, 'ssh_keypair_name must name a key pair in the build region'],
    [/^InvalidSubnetID\.NotFound$/, 'subnet_id must be a subnet in the build region'],
    [
        /^(AuthFailure|InvalidClientTokenId|SignatureDoesNotMatch|ExpiredToken|UnrecognizedClientException)$/,
        'the credentials are not valid here: check aws-actions/configure-aws-credentials (role-to-assume with id-token: write) or AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY',
    ],
    [
        /^(CredentialsProviderError)$/,
        'no AWS credentials found: run aws-actions/configure-aws-credentials first, or set AWS_PROFILE / AWS_ACCESS_KEY_ID',
    ],
    [
        /^(RequestLimitExceeded|Throttling|ThrottlingException)$/,
        'the EC2 API kept throttling after retries; run fewer builds at once (parallel-builds)',
    ],
    [/^InvalidAMIName\.Duplicate$/, 'set force_deregister: true to replace it, or change ami_name'],
    [
        /^(ECONNREFUSED|ENOTFOUND|ETIMEDOUT|ECONNRESET|EAI_AGAIN|TimeoutError)$/,
        'the EC2 API cannot be reached from here: check the network (and AWS_ENDPOINT_URL_EC2 if set)',
    ],
];
/** A failed AWS call as an error a user can act on: the call, the AWS code, a hint. */
function awsError(e, what, region) {
    if (e instanceof _engine_context__WEBPACK_IMPORTED_MODULE_0__/* .BuildError */ .zS)
        return e;
    const code = codeOf(e) ?? 'Error';
    const message = e?.message ?? String(e);
    if (code === 'AbortError' || code === 'CancelledError')
        return e;
    const hint = HINTS.find(([re]) => re.test(code))?.[1];
    const where = region ? ` in ${region}` : '';
    return new _engine_context__WEBPACK_IMPORTED_MODULE_0__/* .BuildError */ .zS(`${what}${where} failed: ${code}: ${message}`, hint);
}


/***/ }),

/***/ 91490:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $N: () => (/* reexport safe */ _aws_errors__WEBPACK_IMPORTED_MODULE_3__.$),
/* harmony export */   AP: () => (/* binding */ regionOf),
/* harmony export */   MT: () => (/* binding */ awsFailure),
/* harmony export */   Tw: () => (/* binding */ tagList),
/* harmony export */   es: () => (/* reexport safe */ _aws_errors__WEBPACK_IMPORTED_MODULE_3__.e),
/* harmony export */   fm: () => (/* binding */ waitFor),
/* harmony export */   l8: () => (/* binding */ ec2)
/* harmony export */ });
/* unused harmony exports explainUnauthorized, isAwsEndpoint, backoffDelays */
/* harmony import */ var _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(35193);
/* harmony import */ var _engine_context__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(86173);
/* harmony import */ var _engine_steps__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(54277);
/* harmony import */ var _util_redact__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(50767);
/* harmony import */ var _aws_errors__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(88585);
/**
 * EC2 clients, credentials, errors and waiting, shared by the amazon-ebs builder, the
 * ledger cleaners and `bake sweep`. Loaded lazily: importing this pulls in the AWS SDK.
 */





/** Credentials of an assumed role, renewed five minutes before they expire. */
function assumedRole(region, role) {
    let current;
    let expires = 0;
    return async () => {
        if (!current || Date.now() > expires - 300_000) {
            current = (async () => {
                const { STSClient, AssumeRoleCommand } = await __webpack_require__.e(/* import() */ 1695).then(__webpack_require__.t.bind(__webpack_require__, 71695, 19));
                const sts = new STSClient({ region, maxAttempts: 6 });
                try {
                    const r = await sts.send(new AssumeRoleCommand({
                        RoleArn: role.role_arn,
                        RoleSessionName: role.session_name ?? 'bake',
                        ExternalId: role.external_id,
                        DurationSeconds: role.duration_seconds ?? 3600,
                    }));
                    const c = r.Credentials;
                    (0,_util_redact__WEBPACK_IMPORTED_MODULE_2__/* .addSecret */ .Ck)(c.SecretAccessKey);
                    (0,_util_redact__WEBPACK_IMPORTED_MODULE_2__/* .addSecret */ .Ck)(c.SessionToken);
                    expires = c.Expiration?.getTime() ?? Date.now() + 3_600_000;
                    return {
                        accessKeyId: c.AccessKeyId,
                        secretAccessKey: c.SecretAccessKey,
                        sessionToken: c.SessionToken,
                        expiration: c.Expiration,
                    };
                }
                catch (e) {
                    current = undefined;
                    throw (0,_aws_errors__WEBPACK_IMPORTED_MODULE_3__/* .awsError */ .e)(e, `assuming role ${role.role_arn}`);
                }
                finally {
                    sts.destroy();
                }
            })();
        }
        return current;
    };
}
const clients = new Map();
/**
 * One client per region (and role). Credentials come from the SDK's default chain: the
 * environment, a profile, or the web identity token configure-aws-credentials sets up with
 * OIDC. Throttling is retried by the SDK with backoff (adaptive mode also slows down).
 */
function ec2(region, role, endpoint) {
    const key = `${region}|${role?.role_arn ?? ''}|${endpoint ?? ''}`;
    let c = clients.get(key);
    if (!c) {
        c = new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_4__/* .EC2Client */ .gu5({
            region,
            maxAttempts: 8,
            retryMode: 'adaptive',
            // custom_endpoint_ec2: an AWS-compatible cloud, or a VPC endpoint.
            ...(endpoint ? { endpoint } : {}),
            ...(role ? { credentials: assumedRole(region, role) } : {}),
        });
        clients.set(key, c);
    }
    return c;
}
function regionOf(config) {
    const r = config.region ??
        process.env.AWS_REGION ??
        process.env.AWS_DEFAULT_REGION;
    if (!r)
        throw new _engine_context__WEBPACK_IMPORTED_MODULE_0__/* .BuildError */ .zS('no AWS region', 'set region in the source, or AWS_REGION (aws-actions/configure-aws-credentials sets it)');
    return r;
}

/**
 * UnauthorizedOperation carries an encoded explanation; STS decodes it when the caller may
 * (sts:DecodeAuthorizationMessage). Returns the error with the decoded action and resource.
 */
async function explainUnauthorized(err, region, role, endpoint) {
    const encoded = /Encoded authorization failure message: (\S+)/.exec(err.message)?.[1];
    if (!encoded)
        return err;
    // An EC2 of another cloud (custom_endpoint_ec2) has its own STS, if any: AWS's cannot
    // decode its message, and is not sent it. AWS's own addresses (a VPC endpoint, a
    // regional one) are still AWS. The message stays whole, for that cloud's STS to read.
    if (endpoint && !isAwsEndpoint(endpoint))
        return new _engine_context__WEBPACK_IMPORTED_MODULE_0__/* .BuildError */ .zS(err.message, `the credentials lack a permission at ${endpoint}; that cloud's STS may decode the message`);
    const short = err.message.replace(encoded, '<encoded>');
    try {
        const { STSClient, DecodeAuthorizationMessageCommand } = await __webpack_require__.e(/* import() */ 1695).then(__webpack_require__.t.bind(__webpack_require__, 71695, 19));
        const sts = new STSClient({
            region,
            ...(role ? { credentials: ec2(region, role).config.credentials } : {}),
        });
        try {
            const r = await sts.send(new DecodeAuthorizationMessageCommand({ EncodedMessage: encoded }));
            const d = JSON.parse(r.DecodedMessage ?? '{}');
            return new _engine_context__WEBPACK_IMPORTED_MODULE_0__/* .BuildError */ .zS(`${short} (denied: ${d.context?.action ?? '?'} on ${d.context?.resource ?? '?'})`, `allow ${d.context?.action ?? 'this action'} in the policy of the build's role`);
        }
        finally {
            sts.destroy();
        }
    }
    catch {
        return new _engine_context__WEBPACK_IMPORTED_MODULE_0__/* .BuildError */ .zS(short, 'the credentials lack a permission; allow sts:DecodeAuthorizationMessage to see which one');
    }
}
/** Whether an endpoint is AWS's own: a host under amazonaws.com (or .com.cn in China). */
function isAwsEndpoint(endpoint) {
    let host;
    try {
        host = new URL(/^[a-z][\w+.-]*:\/\//i.test(endpoint) ? endpoint : `https://${endpoint}`)
            .hostname;
    }
    catch {
        return false;
    }
    return /(^|\.)amazonaws\.com(\.cn)?$/i.test(host);
}
/** awsError, with UnauthorizedOperation decoded when STS allows it. */
async function awsFailure(e, what, region, role, endpoint) {
    const err = (0,_aws_errors__WEBPACK_IMPORTED_MODULE_3__/* .awsError */ .e)(e, what, region);
    return (0,_aws_errors__WEBPACK_IMPORTED_MODULE_3__/* .codeOf */ .$)(e) === 'UnauthorizedOperation'
        ? explainUnauthorized(err, region, role, endpoint)
        : err;
}
/** The default backoff: 1 s, growing by half each time to 15 s. */
function backoffDelays(limitMs) {
    const out = [];
    let d = 1000;
    for (let total = 0; total < limitMs; total += d, d = Math.min(Math.round(d * 1.5), 15_000))
        out.push(d);
    return out;
}
/**
 * Calls `check` until it returns a value: immediately, then after each delay. Throttling
 * and the API's brief not-found after a create count as "not yet".
 */
async function waitFor(what, check, polling, defaultLimitMs, signal) {
    const delays = polling.delayMs !== undefined || polling.maxAttempts !== undefined
        ? new Array((polling.maxAttempts ?? 40) - 1).fill(polling.delayMs ?? 15_000)
        : backoffDelays(defaultLimitMs);
    for (let i = 0;; i++) {
        try {
            const v = await check();
            if (v !== undefined)
                return v;
        }
        catch (e) {
            const code = (0,_aws_errors__WEBPACK_IMPORTED_MODULE_3__/* .codeOf */ .$)(e) ?? '';
            if (!/NotFound$|^RequestLimitExceeded$|^Throttling/.test(code))
                throw e;
        }
        if (i >= delays.length) {
            const waited = Math.round(delays.reduce((a, b) => a + b, 0) / 1000);
            throw new _engine_context__WEBPACK_IMPORTED_MODULE_0__/* .BuildError */ .zS(`gave up waiting for ${what} after ${i + 1} checks (${waited}s)`, 'raise aws_polling.max_attempts or aws_polling.delay_seconds');
        }
        await (0,_engine_steps__WEBPACK_IMPORTED_MODULE_1__/* .sleep */ .yy)(delays[i], signal);
    }
}
/** Tags as the EC2 API takes them. */
function tagList(...maps) {
    const merged = {};
    for (const m of maps)
        for (const [k, v] of Object.entries(m ?? {}))
            merged[k] = String(v);
    return Object.entries(merged).map(([Key, Value]) => ({ Key, Value }));
}


/***/ }),

/***/ 74146:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   awsCleaners: () => (/* binding */ awsCleaners),
/* harmony export */   deleteKeyPair: () => (/* binding */ deleteKeyPair),
/* harmony export */   deleteSecurityGroup: () => (/* binding */ deleteSecurityGroup),
/* harmony export */   deregisterImage: () => (/* binding */ deregisterImage),
/* harmony export */   terminateInstance: () => (/* binding */ terminateInstance)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(35193);
/* harmony import */ var _engine_steps__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(54277);
/* harmony import */ var _aws__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(91490);
/**
 * Removing what an amazon-ebs build creates. One implementation for the build's own
 * cleanups, `bake cleanup` / the action's post step (from the ledger) and `bake sweep`.
 * Each is idempotent: a resource that is already gone counts as removed.
 */



const gone = (e) => {
    if (/NotFound|\.Malformed$/.test((0,_aws__WEBPACK_IMPORTED_MODULE_1__/* .codeOf */ .$N)(e) ?? ''))
        return undefined;
    throw e;
};
async function terminateInstance(region, id, o = {}) {
    const client = (0,_aws__WEBPACK_IMPORTED_MODULE_1__/* .ec2 */ .l8)(region, o.role, o.endpoint);
    try {
        await client.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_2__/* .TerminateInstancesCommand */ .NaF({ InstanceIds: [id] })).catch(gone);
        if (o.wait === false)
            return;
        await (0,_aws__WEBPACK_IMPORTED_MODULE_1__/* .waitFor */ .fm)(`instance ${id} to terminate`, async () => {
            const r = await client
                .send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_2__/* .DescribeInstancesCommand */ .bNs({ InstanceIds: [id] }))
                .catch(gone);
            const state = r?.Reservations?.[0]?.Instances?.[0]?.State?.Name;
            return !r || state === 'terminated' || state === undefined ? true : undefined;
        }, o.polling ?? {}, 10 * 60_000);
    }
    catch (e) {
        throw (0,_aws__WEBPACK_IMPORTED_MODULE_1__/* .awsError */ .es)(e, `terminating ${id}`, region);
    }
}
/** Deletes a security group; while an instance still holds it, tries again (up to ~5 min). */
async function deleteSecurityGroup(region, id, o = {}) {
    const deadline = Date.now() + (o.retryMs ?? 300_000);
    for (let delay = 1000;; delay = Math.min(delay * 2, 15_000)) {
        try {
            await (0,_aws__WEBPACK_IMPORTED_MODULE_1__/* .ec2 */ .l8)(region, o.role, o.endpoint)
                .send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_2__/* .DeleteSecurityGroupCommand */ .yEh({ GroupId: id }))
                .catch(gone);
            return;
        }
        catch (e) {
            if ((0,_aws__WEBPACK_IMPORTED_MODULE_1__/* .codeOf */ .$N)(e) !== 'DependencyViolation' || Date.now() + delay > deadline)
                throw (0,_aws__WEBPACK_IMPORTED_MODULE_1__/* .awsError */ .es)(e, `deleting security group ${id}`, region);
            await (0,_engine_steps__WEBPACK_IMPORTED_MODULE_0__/* .sleep */ .yy)(delay, o.signal);
        }
    }
}
async function deleteKeyPair(region, ref, role, endpoint) {
    try {
        await (0,_aws__WEBPACK_IMPORTED_MODULE_1__/* .ec2 */ .l8)(region, role, endpoint)
            .send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_2__/* .DeleteKeyPairCommand */ .EWB(ref.id ? { KeyPairId: ref.id } : { KeyName: ref.name }))
            .catch(gone);
    }
    catch (e) {
        throw (0,_aws__WEBPACK_IMPORTED_MODULE_1__/* .awsError */ .es)(e, `deleting key pair ${ref.name ?? ref.id}`, region);
    }
}
/** Deregisters an AMI and deletes the snapshots it was made of. */
async function deregisterImage(region, id, o = {}) {
    const client = (0,_aws__WEBPACK_IMPORTED_MODULE_1__/* .ec2 */ .l8)(region, o.role, o.endpoint);
    try {
        let snapshots = o.snapshotIds;
        if (o.snapshots !== false && !snapshots) {
            const r = await client.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_2__/* .DescribeImagesCommand */ .ji5({ ImageIds: [id] })).catch(gone);
            snapshots = (r?.Images?.[0]?.BlockDeviceMappings ?? [])
                .map((m) => m.Ebs?.SnapshotId)
                .filter((x) => !!x);
        }
        await client.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_2__/* .DeregisterImageCommand */ .x2c({ ImageId: id })).catch(gone);
        if (o.snapshots === false)
            return;
        await Promise.all((snapshots ?? []).map((s) => client.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_2__/* .DeleteSnapshotCommand */ .tZN({ SnapshotId: s })).catch(gone)));
    }
    catch (e) {
        throw (0,_aws__WEBPACK_IMPORTED_MODULE_1__/* .awsError */ .es)(e, `deregistering ${id}`, region);
    }
}
const roleOf = (e) => e.ref.role_arn
    ? { role_arn: e.ref.role_arn, ...(e.ref.external_id ? { external_id: e.ref.external_id } : {}) }
    : undefined;
/** The role and endpoint a ledgered resource was made with, to reach it again. */
const accessOf = (e) => ({
    role: roleOf(e),
    ...(e.ref.endpoint ? { endpoint: e.ref.endpoint } : {}),
});
/** The ledger's AWS kinds, for `bake cleanup` and the post step. */
const awsCleaners = {
    'aws-instance': (e) => terminateInstance(e.ref.region, e.ref.id, { ...accessOf(e), wait: true }),
    'aws-security-group': (e) => deleteSecurityGroup(e.ref.region, e.ref.id, accessOf(e)),
    'aws-key-pair': (e) => deleteKeyPair(e.ref.region, e.ref, roleOf(e), e.ref.endpoint),
    'aws-ami': (e) => deregisterImage(e.ref.region, e.ref.id, accessOf(e)),
};


/***/ })

};
;
"use strict";
exports.id = 400;
exports.ids = [400,4146];
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


/***/ }),

/***/ 60400:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _W: () => (/* binding */ findSourceAmi),
/* harmony export */   ebsSteps: () => (/* binding */ ebsSteps)
/* harmony export */ });
/* unused harmony exports filterList, sourceAmiImage */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _communicators_clear_key__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(53755);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(35193);
/* harmony import */ var _communicators_ssh_config__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(53661);
/* harmony import */ var _engine_context__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(86173);
/* harmony import */ var _engine_steps__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(54277);
/* harmony import */ var _aws__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(91490);
/* harmony import */ var _resources__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(74146);
/* harmony import */ var _ssh_connect__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(17870);
/**
 * The amazon-ebs builder's steps: find the source AMI and network, create a temporary key
 * pair and security group, launch, connect, provision, stop, create the AMI, copy it,
 * share it. Every resource is tagged at creation and written to the ledger the moment it
 * exists; creating calls are never raced against cancellation (a late answer would leak
 * what it made), they are awaited, ledgered, and then the build stops.
 */











const CAPACITY = /^(InsufficientInstanceCapacity|InsufficientCapacity|SpotMaxPriceTooLow|Unsupported|InsufficientFreeAddressesInSubnet)$/;
function filterList(m) {
    return Object.entries((m ?? {})).map(([Name, v]) => ({
        Name,
        Values: Array.isArray(v) ? v.map(String) : [String(v)],
    }));
}
function devices(list) {
    if (!Array.isArray(list))
        return undefined;
    return list.map((d) => ({
        DeviceName: String(d.device_name),
        ...(d.virtual_name ? { VirtualName: String(d.virtual_name) } : {}),
        ...(d.no_device ? { NoDevice: '' } : {}),
        ...(d.no_device || d.virtual_name
            ? {}
            : {
                Ebs: {
                    VolumeSize: d.volume_size,
                    VolumeType: d.volume_type,
                    Iops: d.iops,
                    Throughput: d.throughput,
                    DeleteOnTermination: d.delete_on_termination ?? true,
                    Encrypted: d.encrypted,
                    KmsKeyId: d.kms_key_id,
                    SnapshotId: d.snapshot_id,
                },
            }),
    }));
}
/** The runner's public address as others see it, or undefined within 3 s. */
async function publicIp() {
    const url = process.env.BAKE_CHECKIP_URL ?? 'https://checkip.amazonaws.com/';
    const t = (0,_engine_steps__WEBPACK_IMPORTED_MODULE_6__/* .withTimeout */ .wj)(undefined, 3000);
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
/** Settles every promise, then throws the first failure: nothing created is left unledgered. */
async function allOrFirstError(ps) {
    const r = await Promise.allSettled(ps);
    const failed = r.find((x) => x.status === 'rejected');
    if (failed)
        throw failed.reason;
}
/** The AMI a build starts from: source_ami, or the match of source_ami_filter. */
/** The source AMI's ID: source_ami as given, or what source_ami_filter finds. */
async function findSourceAmi(c, region, role, signal) {
    if (typeof c.source_ami === 'string')
        return c.source_ami;
    return (await sourceAmiImage(c, region, role, signal)).ImageId;
}
/**
 * The source AMI itself (its name, owner and date are build.SourceAMIName and the like): the
 * one source_ami names, which must exist in the region, or what source_ami_filter finds.
 */
async function sourceAmiImage(c, region, role, signal) {
    const f = c.source_ami_filter;
    const byId = typeof c.source_ami === 'string';
    const filters = byId ? [] : filterList(f.filters);
    const owners = byId ? [] : (f.owners ?? []);
    const r = await (0,_aws__WEBPACK_IMPORTED_MODULE_7__/* .ec2 */ .l8)(region, role, c.custom_endpoint_ec2)
        .send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_10__/* .DescribeImagesCommand */ .ji5(byId
        ? { ImageIds: [c.source_ami] }
        : { Filters: filters, ...(owners.length ? { Owners: owners } : {}) }), { abortSignal: signal })
        .catch(async (e) => {
        throw await (0,_aws__WEBPACK_IMPORTED_MODULE_7__/* .awsFailure */ .MT)(e, byId ? `looking up source_ami ${String(c.source_ami)}` : 'looking up source_ami_filter', region, role, c.custom_endpoint_ec2);
    });
    if (byId) {
        const found = r.Images?.[0];
        if (!found)
            throw new _engine_context__WEBPACK_IMPORTED_MODULE_5__/* .BuildError */ .zS(`source_ami ${String(c.source_ami)} does not exist in ${region}`, 'AMI IDs differ from region to region: check the ID and region, or use source_ami_filter');
        return found;
    }
    const images = (r.Images ?? []).sort((a, b) => String(b.CreationDate ?? '').localeCompare(String(a.CreationDate ?? '')));
    const shown = `filters ${JSON.stringify(f.filters ?? {})}${owners.length ? `, owners ${JSON.stringify(owners)}` : ''}`;
    if (!images.length)
        throw new _engine_context__WEBPACK_IMPORTED_MODULE_5__/* .BuildError */ .zS(`source_ami_filter matched no AMI in ${region} (${shown})`, 'check the names and wildcards (*) and the owners; "aws ec2 describe-images --owners <owner> --filters Name=name,Values=<pattern>" lists what matches');
    if (images.length > 1 && f.most_recent !== true)
        throw new _engine_context__WEBPACK_IMPORTED_MODULE_5__/* .BuildError */ .zS(`source_ami_filter matched ${images.length} AMIs in ${region} (${shown}): ${images
            .slice(0, 5)
            .map((i) => `${i.ImageId} ${i.Name ?? ''}`.trim())
            .join(', ')}${images.length > 5 ? ', ...' : ''}`, 'set most_recent: true, or narrow the filters');
    return images[0];
}
function ebsSteps(env, provision) {
    const c = env.instance.config;
    const region = (0,_aws__WEBPACK_IMPORTED_MODULE_7__/* .regionOf */ .AP)(c);
    const role = c.assume_role;
    const endpoint = c.custom_endpoint_ec2;
    const client = (r = region) => (0,_aws__WEBPACK_IMPORTED_MODULE_7__/* .ec2 */ .l8)(r, role, endpoint);
    const polling = {
        delayMs: c.aws_polling?.delay_seconds !== undefined
            ? Number(c.aws_polling.delay_seconds) * 1000
            : undefined,
        maxAttempts: c.aws_polling?.max_attempts,
    };
    const amiName = String(c.ami_name);
    const copyRegions = [...new Set((c.ami_regions ?? []).filter((r) => r !== region))];
    const targetRegions = [region, ...copyRegions];
    const safeName = env.instance.name.replace(/[^A-Za-z0-9-]/g, '-');
    const resourceName = `bake-${safeName}-${env.runUuid.slice(0, 8)}`;
    const created = new Date().toISOString();
    const bakeTags = {
        'bake:run': env.runUuid,
        'bake:build': env.instance.name,
        'bake:created': created,
    };
    const runTags = (0,_aws__WEBPACK_IMPORTED_MODULE_7__/* .tagList */ .Tw)({ Name: resourceName }, bakeTags);
    /** A setting that may use build.SourceAMI and the like, filled in now. */
    const filled = (k) => (0,_engine_context__WEBPACK_IMPORTED_MODULE_5__/* .withBuildFields */ .iR)(c[k], env, k);
    const imageTagSpecs = () => [
        { ResourceType: 'image', Tags: (0,_aws__WEBPACK_IMPORTED_MODULE_7__/* .tagList */ .Tw)(filled('tags'), bakeTags) },
        { ResourceType: 'snapshot', Tags: (0,_aws__WEBPACK_IMPORTED_MODULE_7__/* .tagList */ .Tw)(filled('snapshot_tags'), bakeTags) },
    ];
    /** The AMI of each target region, in ami_regions order: the newest made there. */
    const finalImages = (s) => targetRegions.map((r) => [r, s.made.filter((m) => m.region === r).at(-1).image]);
    // What `bake cleanup` needs to reach the resource later with the same role.
    const ledgerRef = (r, extra) => ({
        region: r,
        ...extra,
        ...(role ? { role_arn: role.role_arn } : {}),
        ...(role?.external_id ? { external_id: role.external_id } : {}),
        ...(endpoint ? { endpoint } : {}),
    });
    const sshInterface = String(c.ssh_interface ?? 'public_ip');
    const sshPort = Number(c.ssh_port ?? 22);
    const needGroup = c.security_group_ids === undefined;
    const needKey = c.ssh_keypair_name === undefined &&
        c.ssh_private_key_file === undefined &&
        c.ssh_private_key === undefined &&
        c.ssh_agent_auth !== true &&
        c.ssh_password === undefined;
    const reachedPrivately = sshInterface.startsWith('private') || typeof c.ssh_bastion_host === 'string';
    const fail = async (e, what, r = region) => {
        throw await (0,_aws__WEBPACK_IMPORTED_MODULE_7__/* .awsFailure */ .MT)(e, what, r, role, endpoint);
    };
    // Every AWS failure reaches the user through here, once: inside waitFor the raw error
    // must stay raw, so that waitFor can tell a brief not-found or throttling from a failure.
    const call = (p, what, r = region) => p.catch((e) => fail(e, what, r));
    const describeInstance = async (id, signal) => (await client().send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_10__/* .DescribeInstancesCommand */ .bNs({ InstanceIds: [id] }), {
        abortSignal: signal,
    })).Reservations?.[0]?.Instances?.[0];
    const nameCheck = async (r, signal) => {
        const found = await call(client(r).send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_10__/* .DescribeImagesCommand */ .ji5({
            Owners: ['self'],
            Filters: [{ Name: 'name', Values: [amiName] }],
        }), { abortSignal: signal }), `looking for an AMI named "${amiName}"`, r);
        return found.Images ?? [];
    };
    const network = async (s, signal) => {
        s.vpcId = c.vpc_id;
        s.subnetId = c.subnet_id;
        s.availabilityZone = c.availability_zone;
        if (c.vpc_filter) {
            const filters = filterList(c.vpc_filter.filters);
            const r = await call(client().send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_10__/* .DescribeVpcsCommand */ .Dti({ Filters: filters }), { abortSignal: signal }), 'looking up vpc_filter');
            const vpcs = r.Vpcs ?? [];
            if (vpcs.length !== 1)
                throw new _engine_context__WEBPACK_IMPORTED_MODULE_5__/* .BuildError */ .zS(`vpc_filter matched ${vpcs.length} VPCs in ${region} (${JSON.stringify(c.vpc_filter.filters)})${vpcs.length ? ': ' + vpcs.map((v) => v.VpcId).join(', ') : ''}`, 'the filter must match exactly one VPC');
            s.vpcId = vpcs[0].VpcId;
        }
        if (c.subnet_filter || (s.vpcId && !s.subnetId)) {
            const sf = (c.subnet_filter ?? {});
            const filters = [
                ...filterList(sf.filters),
                ...(s.vpcId ? [{ Name: 'vpc-id', Values: [s.vpcId] }] : []),
                ...(s.availabilityZone
                    ? [{ Name: 'availability-zone', Values: [s.availabilityZone] }]
                    : []),
            ];
            const r = await call(client().send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_10__/* .DescribeSubnetsCommand */ .jSW({ Filters: filters }), { abortSignal: signal }), 'looking up the subnet');
            const subnets = (r.Subnets ?? []).sort((a, b) => (b.AvailableIpAddressCount ?? 0) - (a.AvailableIpAddressCount ?? 0));
            if (!subnets.length)
                throw new _engine_context__WEBPACK_IMPORTED_MODULE_5__/* .BuildError */ .zS(`no subnet in ${region} matches ${JSON.stringify(filters)}`, 'check subnet_filter (and vpc_id / availability_zone)');
            if (subnets.length > 1 && sf.most_free === false)
                throw new _engine_context__WEBPACK_IMPORTED_MODULE_5__/* .BuildError */ .zS(`subnet_filter matched ${subnets.length} subnets: ${subnets.map((x) => x.SubnetId).join(', ')}`, 'narrow the filter, or set most_free: true to take the one with most free addresses');
            s.subnetId = subnets[0].SubnetId;
            s.vpcId = subnets[0].VpcId;
            s.availabilityZone = subnets[0].AvailabilityZone;
        }
        else if (s.subnetId && !s.vpcId && needGroup) {
            const r = await call(client().send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_10__/* .DescribeSubnetsCommand */ .jSW({ SubnetIds: [s.subnetId] }), {
                abortSignal: signal,
            }), `looking up subnet ${s.subnetId}`);
            s.vpcId = r.Subnets?.[0]?.VpcId;
        }
    };
    const sourceCidrs = async (s, ip, signal) => {
        if (!needGroup)
            return undefined;
        if (Array.isArray(c.temporary_security_group_source_cidrs))
            return c.temporary_security_group_source_cidrs.map(String);
        if (reachedPrivately) {
            // Reached from inside the VPC (or through a bastion): allow the VPC's own range.
            const r = await call(client().send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_10__/* .DescribeVpcsCommand */ .Dti(s.vpcId
                ? { VpcIds: [s.vpcId] }
                : { Filters: [{ Name: 'isDefault', Values: ['true'] }] }), { abortSignal: signal }), 'looking up the VPC range');
            const cidr = r.Vpcs?.[0]?.CidrBlock;
            if (cidr)
                return [cidr];
        }
        else {
            const found = await ip;
            if (found)
                return [`${found}/32`];
        }
        env.out('stderr', 'warning: could not find where SSH will come from; the temporary security group opens port ' +
            `${sshPort} to 0.0.0.0/0. Set temporary_security_group_source_cidrs to narrow it.`);
        return ['0.0.0.0/0'];
    };
    const addressOf = (i) => ({
        public_ip: i?.PublicIpAddress,
        private_ip: i?.PrivateIpAddress,
        public_dns: i?.PublicDnsName || undefined,
        private_dns: i?.PrivateDnsName || undefined,
    })[sshInterface];
    const readUserData = () => {
        if (typeof c.user_data === 'string')
            return Buffer.from(c.user_data);
        if (typeof c.user_data_file !== 'string')
            return undefined;
        try {
            return (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.readFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.resolve)(env.specDir, c.user_data_file));
        }
        catch (e) {
            throw new _engine_context__WEBPACK_IMPORTED_MODULE_5__/* .BuildError */ .zS(`user_data_file ${c.user_data_file} cannot be read: ${e.code}`, `paths are relative to the spec's directory (${env.specDir})`);
        }
    };
    const launch = async (s) => {
        const spot = c.spot_price !== undefined || c.spot_instance_types !== undefined;
        const types = c.spot_instance_types ?? [String(c.instance_type)];
        const userData = s.userData;
        const mo = (c.metadata_options ?? {});
        const groups = needGroup ? [s.group.id] : c.security_group_ids;
        const nic = c.associate_public_ip_address !== undefined;
        const base = {
            ImageId: s.sourceAmi,
            MinCount: 1,
            MaxCount: 1,
            ...(s.key
                ? { KeyName: s.key.name }
                : c.ssh_keypair_name
                    ? { KeyName: String(c.ssh_keypair_name) }
                    : {}),
            ...(nic
                ? {
                    NetworkInterfaces: [
                        {
                            DeviceIndex: 0,
                            AssociatePublicIpAddress: c.associate_public_ip_address,
                            SubnetId: s.subnetId,
                            Groups: groups,
                            DeleteOnTermination: true,
                        },
                    ],
                }
                : { SecurityGroupIds: groups, ...(s.subnetId ? { SubnetId: s.subnetId } : {}) }),
            ...(s.availabilityZone && !s.subnetId
                ? { Placement: { AvailabilityZone: s.availabilityZone } }
                : {}),
            ...(c.iam_instance_profile
                ? { IamInstanceProfile: { Name: String(c.iam_instance_profile) } }
                : {}),
            ...(userData ? { UserData: userData.toString('base64') } : {}),
            BlockDeviceMappings: devices(c.launch_block_device_mappings),
            MetadataOptions: {
                HttpEndpoint: mo.http_endpoint ?? 'enabled',
                HttpTokens: mo.http_tokens ?? 'required',
                ...(mo.http_put_response_hop_limit !== undefined
                    ? { HttpPutResponseHopLimit: mo.http_put_response_hop_limit }
                    : {}),
                ...(mo.instance_metadata_tags
                    ? { InstanceMetadataTags: mo.instance_metadata_tags }
                    : {}),
            },
            TagSpecifications: [
                {
                    ResourceType: 'instance',
                    Tags: (0,_aws__WEBPACK_IMPORTED_MODULE_7__/* .tagList */ .Tw)(filled('run_tags'), { Name: resourceName }, bakeTags),
                },
                {
                    ResourceType: 'volume',
                    Tags: (0,_aws__WEBPACK_IMPORTED_MODULE_7__/* .tagList */ .Tw)(filled('run_volume_tags'), { Name: resourceName }, bakeTags),
                },
            ],
            ...(spot
                ? {
                    InstanceMarketOptions: {
                        MarketType: 'spot',
                        SpotOptions: {
                            ...(c.spot_price && c.spot_price !== 'auto'
                                ? { MaxPrice: String(c.spot_price) }
                                : {}),
                            SpotInstanceType: 'one-time',
                            InstanceInterruptionBehavior: 'terminate',
                        },
                    },
                }
                : {}),
        };
        let last;
        for (const [i, type] of types.entries()) {
            try {
                // The client token makes the SDK's own retries of this call launch one instance.
                const r = await client().send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_10__/* .RunInstancesCommand */ .zq7({
                    ...base,
                    InstanceType: type,
                    ClientToken: (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)(),
                }));
                const inst = r.Instances[0];
                const entry = env.ledger.add(env.instance.name, 'aws-instance', ledgerRef(region, { id: inst.InstanceId }), `EC2 instance ${inst.InstanceId} (${region})`);
                s.instance = { id: inst.InstanceId, entry, info: inst };
                env.out('info', `launched ${inst.InstanceId} (${type}${spot ? ', spot' : ''}) from ${s.sourceAmi}`);
                return;
            }
            catch (e) {
                last = e;
                if (!spot || !CAPACITY.test((0,_aws__WEBPACK_IMPORTED_MODULE_7__/* .codeOf */ .$N)(e) ?? '') || i === types.length - 1)
                    break;
                env.out('info', `no spot capacity for ${type} (${(0,_aws__WEBPACK_IMPORTED_MODULE_7__/* .codeOf */ .$N)(e)}); trying ${types[i + 1]}`);
            }
        }
        await fail(last, `launching a ${types.join(' / ')} instance`);
    };
    const sshHint = (s, err) => {
        const i = s.instance?.info;
        if (/authentication/i.test(err.message))
            return `sshd answered but refused the login: check ssh_username ("${String(c.ssh_username)}"; Amazon Linux uses ec2-user, Ubuntu ubuntu, Debian admin)${s.key ? '' : ' and the key'}`;
        if (sshInterface.startsWith('public') && !i?.PublicIpAddress)
            return 'the instance has no public IP: set associate_public_ip_address: true or use a subnet that assigns public IPs, or connect with ssh_interface: private_ip from inside the VPC';
        const causes = [
            needGroup
                ? `the temporary security group allows port ${sshPort} from ${(s.cidrs ?? []).join(', ')}; if this runner reaches AWS from another address, set temporary_security_group_source_cidrs`
                : `security_group_ids must allow port ${sshPort} from this runner`,
            `the route table of ${s.subnetId ?? 'the default subnet'} needs a route to an internet gateway (or a NAT for private_ip)`,
            'the AMI must start sshd (some take minutes on first boot: raise ssh_timeout)',
        ];
        return causes.join('; ');
    };
    return [
        {
            name: 'prepare',
            async run(s, ctx) {
                s.made = [];
                // Local inputs first: nothing is created in AWS for a build that cannot start.
                s.userData = readUserData();
                const ip = needGroup && !reachedPrivately && !Array.isArray(c.temporary_security_group_source_cidrs)
                    ? publicIp()
                    : Promise.resolve(undefined);
                const checks = c.force_deregister === true ? [] : targetRegions.map((r) => nameCheck(r, ctx.signal));
                const [existing, ami] = await Promise.all([
                    Promise.all(checks),
                    sourceAmiImage(c, region, role, ctx.signal),
                    network(s, ctx.signal),
                ]);
                existing.forEach((images, i) => {
                    if (images.length)
                        throw new _engine_context__WEBPACK_IMPORTED_MODULE_5__/* .BuildError */ .zS(`an AMI named "${amiName}" already exists in ${targetRegions[i]}: ${images[0].ImageId}`, 'set force_deregister: true to replace it, or make ami_name unique (e.g. with formatdate("YYYYMMDDhhmm", timestamp()))');
                });
                s.sourceAmi = ami.ImageId;
                s.cidrs = await sourceCidrs(s, ip, ctx.signal);
                Object.assign(env.generated, {
                    SourceAMI: ami.ImageId,
                    SourceAMIName: ami.Name ?? '',
                    SourceAMIOwner: ami.OwnerId ?? '',
                    SourceAMIOwnerName: ami.ImageOwnerAlias ?? '',
                    SourceAMICreationDate: ami.CreationDate ?? '',
                    BuildRegion: region,
                });
                ctx.log(`source ${ami} in ${region}${s.subnetId ? `, subnet ${s.subnetId}` : ', default VPC'}`);
            },
        },
        {
            name: 'key pair and security group',
            async run(s, ctx) {
                const makeKey = async () => {
                    const kp = (0,_communicators_ssh_config__WEBPACK_IMPORTED_MODULE_4__/* .temporaryKeyPair */ .f)(c.temporary_key_pair_type ?? 'ed25519', resourceName);
                    const r = await call(client().send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_10__/* .ImportKeyPairCommand */ .OmI({
                        KeyName: resourceName,
                        PublicKeyMaterial: Buffer.from(kp.publicKey),
                        TagSpecifications: [{ ResourceType: 'key-pair', Tags: runTags }],
                    })), 'importing the temporary key pair');
                    const entry = env.ledger.add(env.instance.name, 'aws-key-pair', ledgerRef(region, { name: resourceName, id: r.KeyPairId ?? '' }), `EC2 key pair ${resourceName} (${region})`);
                    s.key = {
                        id: r.KeyPairId ?? resourceName,
                        name: resourceName,
                        privateKey: kp.privateKey,
                        entry,
                    };
                    env.generated.SSHPublicKey = kp.publicKey;
                };
                const makeGroup = async () => {
                    const r = await call(client().send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_10__/* .CreateSecurityGroupCommand */ .x3C({
                        GroupName: `${resourceName}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(3).toString('hex')}`,
                        Description: `bake build ${env.instance.name}: SSH for the build instance`,
                        ...(s.vpcId ? { VpcId: s.vpcId } : {}),
                        TagSpecifications: [{ ResourceType: 'security-group', Tags: runTags }],
                    })), 'creating the temporary security group');
                    const entry = env.ledger.add(env.instance.name, 'aws-security-group', ledgerRef(region, { id: r.GroupId }), `EC2 security group ${r.GroupId} (${region})`);
                    s.group = { id: r.GroupId, entry };
                };
                await allOrFirstError([needKey && makeKey(), needGroup && makeGroup()].filter((p) => p));
                (0,_engine_steps__WEBPACK_IMPORTED_MODULE_6__/* .throwIfCancelled */ .dZ)(ctx.signal);
            },
            async cleanup(s) {
                await allOrFirstError([
                    (async () => {
                        if (!s.key || s.key.deleted)
                            return;
                        await (0,_resources__WEBPACK_IMPORTED_MODULE_8__.deleteKeyPair)(region, { id: s.key.id, name: s.key.name }, role, endpoint);
                        env.ledger.done(s.key.entry);
                    })(),
                    (async () => {
                        if (!s.group)
                            return;
                        await (0,_resources__WEBPACK_IMPORTED_MODULE_8__.deleteSecurityGroup)(region, s.group.id, { role, endpoint });
                        env.ledger.done(s.group.entry);
                    })(),
                ]);
            },
            cleanupBudgetMs: 6 * 60_000,
        },
        {
            name: 'launch instance',
            async run(s, ctx) {
                const authorize = async () => {
                    if (!s.group)
                        return;
                    await call(client().send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_10__/* .AuthorizeSecurityGroupIngressCommand */ .N8i({
                        GroupId: s.group.id,
                        IpPermissions: [
                            {
                                IpProtocol: 'tcp',
                                FromPort: sshPort,
                                ToPort: sshPort,
                                IpRanges: (s.cidrs ?? []).map((CidrIp) => ({
                                    CidrIp,
                                    Description: 'bake SSH',
                                })),
                            },
                        ],
                    })), `opening port ${sshPort} on ${s.group.id}`);
                };
                // The rule and the launch are independent: the instance boots while the rule lands.
                await allOrFirstError([authorize(), launch(s)]);
                (0,_engine_steps__WEBPACK_IMPORTED_MODULE_6__/* .throwIfCancelled */ .dZ)(ctx.signal);
                const id = s.instance.id;
                s.instance.info = await call((0,_aws__WEBPACK_IMPORTED_MODULE_7__/* .waitFor */ .fm)(`instance ${id} to run`, async () => {
                    const i = await describeInstance(id, ctx.signal);
                    const state = i?.State?.Name;
                    if (state === 'running')
                        return i;
                    if (state === 'terminated' || state === 'shutting-down' || state === 'stopped')
                        throw new _engine_context__WEBPACK_IMPORTED_MODULE_5__/* .BuildError */ .zS(`instance ${id} stopped while starting: ${i?.StateReason?.Message ?? state}`, /KMS|key/i.test(i?.StateReason?.Message ?? '')
                            ? "the role cannot use the KMS key of the source AMI's volumes"
                            : 'spot capacity may have been reclaimed; try again or use another instance type');
                    return undefined;
                }, polling, 10 * 60_000, ctx.signal), `describing ${id}`);
                env.generated.ID = id;
                ctx.log(`${id} is running`);
            },
            async cleanup(s, ctx) {
                if (!s.instance)
                    return;
                const key = s.key;
                await allOrFirstError([
                    (async () => {
                        ctx.log(`terminating ${s.instance.id}`);
                        await (0,_resources__WEBPACK_IMPORTED_MODULE_8__.terminateInstance)(region, s.instance.id, { role, endpoint, polling });
                        env.ledger.done(s.instance.entry);
                    })(),
                    // The key is not needed to terminate: delete it alongside.
                    (async () => {
                        if (!key || key.deleted)
                            return;
                        await (0,_resources__WEBPACK_IMPORTED_MODULE_8__.deleteKeyPair)(region, { id: key.id, name: key.name }, role, endpoint);
                        key.deleted = true;
                        env.ledger.done(key.entry);
                    })(),
                ]);
            },
            cleanupBudgetMs: 15 * 60_000,
        },
        {
            name: 'connect',
            async run(s, ctx) {
                const host = addressOf(s.instance.info);
                if (!host)
                    throw new _engine_context__WEBPACK_IMPORTED_MODULE_5__/* .BuildError */ .zS(`instance ${s.instance.id} has no ${sshInterface.replace('_', ' ')}`, sshInterface.startsWith('public')
                        ? 'set associate_public_ip_address: true, or use ssh_interface: private_ip from inside the VPC'
                        : 'use ssh_interface: private_ip');
                await (0,_ssh_connect__WEBPACK_IMPORTED_MODULE_9__/* .connectSsh */ .L)(env, c, { host, ...(s.key ? { privateKey: s.key.privateKey } : {}) }, s, ctx, (e) => ({ hint: sshHint(s, e) }));
            },
            async cleanup(s) {
                s.ssh?.close();
            },
            cleanupBudgetMs: 2000,
        },
        provision,
        {
            name: c.disable_stop_instance === true ? 'prepare image' : 'stop instance',
            async run(s, ctx) {
                // The launch key pair's line; a key of the user's own (ssh_keypair_name) stays.
                await (0,_communicators_clear_key__WEBPACK_IMPORTED_MODULE_1__/* .clearAuthorizedKey */ ._)(c, s.ssh, s.key && env.generated.SSHPublicKey, ctx);
                s.ssh?.close();
                const id = s.instance.id;
                if (c.disable_stop_instance !== true) {
                    await call(client().send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_10__/* .StopInstancesCommand */ .esG({ InstanceIds: [id] })), `stopping ${id}`);
                    await call((0,_aws__WEBPACK_IMPORTED_MODULE_7__/* .waitFor */ .fm)(`instance ${id} to stop`, async () => (await describeInstance(id, ctx.signal))?.State?.Name === 'stopped'
                        ? true
                        : undefined, polling, 10 * 60_000, ctx.signal), `describing ${id}`);
                }
                if (c.ena_support !== undefined)
                    await call(client().send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_10__/* .ModifyInstanceAttributeCommand */ .ho4({
                        InstanceId: id,
                        EnaSupport: { Value: c.ena_support },
                    })), 'setting ena_support');
                if (c.sriov_support === true)
                    await call(client().send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_10__/* .ModifyInstanceAttributeCommand */ .ho4({
                        InstanceId: id,
                        SriovNetSupport: { Value: 'simple' },
                    })), 'setting sriov_support');
            },
        },
        {
            name: 'create image',
            async run(s, ctx) {
                if (c.force_deregister === true) {
                    await Promise.all(targetRegions.map(async (r) => {
                        for (const old of await nameCheck(r, ctx.signal)) {
                            ctx.log(`force_deregister: removing ${old.ImageId} in ${r}`);
                            await (0,_resources__WEBPACK_IMPORTED_MODULE_8__.deregisterImage)(r, old.ImageId, {
                                role,
                                endpoint,
                                snapshots: c.force_delete_snapshot === true,
                            });
                        }
                    }));
                }
                (0,_engine_steps__WEBPACK_IMPORTED_MODULE_6__/* .throwIfCancelled */ .dZ)(ctx.signal);
                const r = await call(client().send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_10__/* .CreateImageCommand */ .T6T({
                    InstanceId: s.instance.id,
                    // With encrypt_boot this one is an intermediate: the encrypted copy takes the name.
                    Name: c.encrypt_boot === true ? `${resourceName}-unencrypted` : amiName,
                    Description: filled('ami_description'),
                    BlockDeviceMappings: devices(c.ami_block_device_mappings),
                    NoReboot: c.disable_stop_instance === true,
                    TagSpecifications: imageTagSpecs(),
                })), `creating AMI "${amiName}"`);
                const id = r.ImageId;
                const entry = env.ledger.add(env.instance.name, 'aws-ami', ledgerRef(region, { id }), `AMI ${id} (${region})`);
                const img = { id, entry, snapshots: [] };
                s.made.push({ region, image: img });
                ctx.log(`creating ${id}; waiting until it is available`);
                (0,_engine_steps__WEBPACK_IMPORTED_MODULE_6__/* .throwIfCancelled */ .dZ)(ctx.signal);
                img.snapshots = snapshotsOf(await waitAvailable(region, id, ctx.signal));
            },
            async cleanup(s, ctx) {
                if (s.finished)
                    return;
                // The build did not finish: no AMI of it may stay, in any region.
                await allOrFirstError(s.made.map(async ({ region: r, image: img }) => {
                    ctx.log(`deregistering ${img.id} in ${r} and deleting its snapshots`);
                    await (0,_resources__WEBPACK_IMPORTED_MODULE_8__.deregisterImage)(r, img.id, {
                        role,
                        endpoint,
                        snapshotIds: img.snapshots.length ? img.snapshots : undefined,
                    });
                    env.ledger.done(img.entry);
                }));
            },
            cleanupBudgetMs: 5 * 60_000,
        },
        {
            name: 'copy and share',
            async run(s, ctx) {
                const source = s.made[0].image;
                const encrypt = c.encrypt_boot === true;
                const kms = (r) => (c.region_kms_key_ids?.[r] ??
                    (r === region ? c.kms_key_id : undefined));
                // With encrypt_boot the build region gets an encrypted copy too, and the
                // unencrypted original goes once every copy exists.
                const copyTo = encrypt ? targetRegions : copyRegions;
                await allOrFirstError(copyTo.map(async (r) => {
                    const out = await call(client(r).send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_10__/* .CopyImageCommand */ .SDF({
                        SourceRegion: region,
                        SourceImageId: source.id,
                        Name: amiName,
                        Description: filled('ami_description'),
                        ...(encrypt ? { Encrypted: true, ...(kms(r) ? { KmsKeyId: kms(r) } : {}) } : {}),
                        TagSpecifications: imageTagSpecs(),
                    })), `copying ${source.id} to ${r}`, r);
                    const id = out.ImageId;
                    const entry = env.ledger.add(env.instance.name, 'aws-ami', ledgerRef(r, { id }), `AMI ${id} (${r})`);
                    const made = { id, entry, snapshots: [] };
                    s.made.push({ region: r, image: made });
                    ctx.log(`copying to ${r} as ${id}`);
                    made.snapshots = snapshotsOf(await waitAvailable(r, id, ctx.signal));
                }));
                if (encrypt) {
                    // Every region now has its encrypted copy; the unencrypted original goes.
                    await (0,_resources__WEBPACK_IMPORTED_MODULE_8__.deregisterImage)(region, source.id, {
                        role,
                        endpoint,
                        snapshotIds: source.snapshots,
                    });
                    env.ledger.done(source.entry);
                    s.made = s.made.filter((m) => m.image !== source);
                }
                const images = finalImages(s);
                await allOrFirstError(images.map(([r, img]) => share(r, img)));
                s.artifact = {
                    id: images.map(([r, img]) => `${r}:${img.id}`).join(','),
                    builderType: 'amazon-ebs',
                    regions: Object.fromEntries(images.map(([r, img]) => [r, img.id])),
                    description: amiName,
                    destroy: async () => {
                        await Promise.all(images.map(([r, img]) => (0,_resources__WEBPACK_IMPORTED_MODULE_8__.deregisterImage)(r, img.id, { role, endpoint, snapshotIds: img.snapshots })));
                    },
                    ledgerEntries: images.map(([, img]) => img.entry),
                };
                s.finished = true;
                for (const [r, img] of images)
                    ctx.log(`AMI ${img.id} is available in ${r}`);
            },
        },
    ];
    function snapshotsOf(img) {
        return (img.BlockDeviceMappings ?? [])
            .map((m) => m.Ebs?.SnapshotId)
            .filter((x) => !!x);
    }
    async function waitAvailable(r, id, signal) {
        const available = (0,_aws__WEBPACK_IMPORTED_MODULE_7__/* .waitFor */ .fm)(`AMI ${id} in ${r} to become available`, async () => {
            const out = await client(r).send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_10__/* .DescribeImagesCommand */ .ji5({ ImageIds: [id] }), {
                abortSignal: signal,
            });
            const img = out.Images?.[0];
            if (img?.State === 'available')
                return img;
            if (img && ['failed', 'error', 'invalid', 'deregistered'].includes(String(img.State)))
                throw new _engine_context__WEBPACK_IMPORTED_MODULE_5__/* .BuildError */ .zS(`AMI ${id} in ${r} ended ${img.State}: ${img.StateReason?.Message ?? 'no reason given'}`);
            return undefined;
        }, polling, 30 * 60_000, signal);
        return call(available, `describing ${id}`, r);
    }
    /** Launch and volume permissions, deprecation and IMDS settings: only what is configured. */
    async function share(r, img) {
        const list = (k) => (c[k] ?? []).map(String);
        const launch = [
            ...list('ami_users').map((UserId) => ({ UserId })),
            ...list('ami_groups').map((Group) => ({ Group: Group })),
            ...list('ami_org_arns').map((OrganizationArn) => ({ OrganizationArn })),
        ];
        const calls = [];
        if (launch.length)
            calls.push(call(client(r).send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_10__/* .ModifyImageAttributeCommand */ .FE3({ ImageId: img.id, LaunchPermission: { Add: launch } })), `sharing ${img.id}`, r));
        if (list('snapshot_users').length)
            for (const snap of img.snapshots)
                calls.push(call(client(r).send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_10__/* .ModifySnapshotAttributeCommand */ .KD0({
                    SnapshotId: snap,
                    Attribute: 'createVolumePermission',
                    OperationType: 'add',
                    UserIds: list('snapshot_users'),
                })), `sharing snapshot ${snap}`, r));
        if (typeof c.deprecate_at === 'string')
            calls.push(call(client(r).send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_10__/* .EnableImageDeprecationCommand */ .cJk({
                ImageId: img.id,
                DeprecateAt: new Date(c.deprecate_at),
            })), `setting deprecate_at on ${img.id}`, r));
        if (c.imds_support === 'v2.0')
            calls.push(call(client(r).send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_10__/* .ModifyImageAttributeCommand */ .FE3({ ImageId: img.id, ImdsSupport: { Value: 'v2.0' } })), `setting imds_support on ${img.id}`, r));
        await allOrFirstError(calls);
    }
}


/***/ })

};
;
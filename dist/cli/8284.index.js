"use strict";
exports.id = 8284;
exports.ids = [8284];
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

/***/ 78284:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   fetchAwsData: () => (/* binding */ fetchAwsData)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_ssm__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(34736);
/* harmony import */ var _aws_sdk_client_secrets_manager__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(12994);
/* harmony import */ var _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(35193);
/* harmony import */ var _aws_errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(88585);
/**
 * What the AWS data functions ask for (see spec/data.ts), fetched with the SDK's clients
 * (SSM, Secrets Manager, EC2):
 * one client per service and region, credentials from the SDK's default chain, as for the
 * amazon-ebs builder. Loaded only when a plan asks for AWS data.
 */




const ssm = new Map();
const secrets = new Map();
const ec2 = new Map();
function client(cache, region, make) {
    let c = cache.get(region);
    if (!c)
        cache.set(region, (c = make()));
    return c;
}
/** The one AMI a lookup names: the newest with most_recent, else the only one. */
async function lookupAmi(r) {
    const c = client(ec2, r.region, () => new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_1__/* .EC2Client */ .gu5({ region: r.region, maxAttempts: 6 }));
    const out = await c.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_1__/* .DescribeImagesCommand */ .ji5({
        Filters: r.filters.map(([Name, Values]) => ({ Name, Values })),
        ...(r.owners.length ? { Owners: r.owners } : {}),
        ...(r.includeDeprecated ? { IncludeDeprecated: true } : {}),
    }));
    const images = [...(out.Images ?? [])].sort((a, b) => String(b.CreationDate ?? '').localeCompare(String(a.CreationDate ?? '')));
    const asked = `${r.filters.map(([k, v]) => `${k}=${v.join('|')}`).join(', ') || 'no filters'}${r.owners.length ? `, owners ${r.owners.join(', ')}` : ''}`;
    if (!images.length)
        return {
            ok: false,
            message: `no AMI in ${r.region} matches ${asked}`,
            hint: 'check the filters, owners and region (a deprecated AMI needs include_deprecated = true)',
        };
    if (images.length > 1 && !r.mostRecent)
        return {
            ok: false,
            message: `${images.length} AMIs in ${r.region} match ${asked}`,
            hint: 'set most_recent = true to take the newest, or narrow the filters',
        };
    const i = images[0];
    return {
        ok: true,
        fields: {
            id: i.ImageId,
            name: i.Name,
            creation_date: i.CreationDate,
            owner: i.OwnerId,
            owner_name: i.ImageOwnerAlias ?? '',
            description: i.Description ?? '',
            architecture: i.Architecture,
            tags: Object.fromEntries((i.Tags ?? []).map((t) => [t.Key ?? '', t.Value ?? ''])),
        },
    };
}
async function fetchAwsData(r) {
    try {
        if (r.kind === 'aws-ami')
            return await lookupAmi(r);
        if (r.kind === 'aws-parameter') {
            const c = client(ssm, r.region, () => new _aws_sdk_client_ssm__WEBPACK_IMPORTED_MODULE_2__/* .SSMClient */ .jBj({ region: r.region, maxAttempts: 6 }));
            const out = await c.send(new _aws_sdk_client_ssm__WEBPACK_IMPORTED_MODULE_2__/* .GetParameterCommand */ .lhy({ Name: r.name, WithDecryption: r.withDecryption }));
            const p = out.Parameter;
            return {
                ok: true,
                fields: { value: p.Value ?? '', version: p.Version, arn: p.ARN },
                secure: p.Type === 'SecureString',
            };
        }
        const c = client(secrets, r.region, () => new _aws_sdk_client_secrets_manager__WEBPACK_IMPORTED_MODULE_3__/* .SecretsManagerClient */ ._H({ region: r.region, maxAttempts: 6 }));
        const out = await c.send(new _aws_sdk_client_secrets_manager__WEBPACK_IMPORTED_MODULE_3__/* .GetSecretValueCommand */ .d2({
            SecretId: r.name,
            VersionId: r.versionId,
            VersionStage: r.versionStage,
        }));
        return {
            ok: true,
            fields: {
                secret_string: out.SecretString,
                secret_binary: out.SecretBinary
                    ? Buffer.from(out.SecretBinary).toString('base64')
                    : undefined,
                version_id: out.VersionId,
            },
        };
    }
    catch (e) {
        const what = r.kind === 'aws-ami'
            ? 'looking up an AMI'
            : r.kind === 'aws-parameter'
                ? `reading parameter ${r.name}`
                : `reading secret ${r.name}`;
        const err = (0,_aws_errors__WEBPACK_IMPORTED_MODULE_0__/* .awsError */ .e)(e, what, r.region);
        return { ok: false, message: err.message, hint: err.hint };
    }
}


/***/ })

};
;
/**
 * AWS errors as bake reports them: the error code, what was being done, and a hint for the
 * codes users meet. Shared by the amazon-ebs builder and the AWS data functions, without
 * loading any SDK client.
 */
import { BuildError } from '../engine/context';

/** The AWS error code of a failed call ("InvalidGroup.NotFound"), if it is one. */
export function codeOf(e: unknown): string | undefined {
  const x = e as { name?: string; Code?: string; code?: unknown; $metadata?: unknown };
  if (x?.Code) return x.Code;
  // Network failures (ECONNREFUSED, ENOTFOUND, ETIMEDOUT) carry their code on `code`.
  if (typeof x?.code === 'string' && (!x.name || x.name === 'Error')) return x.code;
  return x?.name;
}

const HINTS: [RegExp, string][] = [
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
export function awsError(e: unknown, what: string, region?: string): Error {
  if (e instanceof BuildError) return e;
  const code = codeOf(e) ?? 'Error';
  const message = (e as Error)?.message ?? String(e);
  if (code === 'AbortError' || code === 'CancelledError') return e as Error;
  const hint = HINTS.find(([re]) => re.test(code))?.[1];
  const where = region ? ` in ${region}` : '';
  return new BuildError(`${what}${where} failed: ${code}: ${message}`, hint);
}

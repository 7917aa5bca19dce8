/**
 * EC2 clients, credentials, errors and waiting, shared by the amazon-ebs builder, the
 * ledger cleaners and `bake sweep`. Loaded lazily: importing this pulls in the AWS SDK.
 */
import { EC2Client } from '@aws-sdk/client-ec2';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@aws-sdk/types';
import { BuildError } from '../../../engine/context';
import { sleep } from '../../../engine/steps';
import { addSecret } from '../../../util/redact';
import { awsError, codeOf } from '../../aws-errors';

export interface AssumeRole {
  role_arn: string;
  session_name?: string;
  external_id?: string;
  duration_seconds?: number;
}

/** Credentials of an assumed role, renewed five minutes before they expire. */
function assumedRole(region: string, role: AssumeRole): AwsCredentialIdentityProvider {
  let current: Promise<AwsCredentialIdentity> | undefined;
  let expires = 0;
  return async () => {
    if (!current || Date.now() > expires - 300_000) {
      current = (async () => {
        const { STSClient, AssumeRoleCommand } = await import('@aws-sdk/client-sts');
        const sts = new STSClient({ region, maxAttempts: 6 });
        try {
          const r = await sts.send(
            new AssumeRoleCommand({
              RoleArn: role.role_arn,
              RoleSessionName: role.session_name ?? 'bake',
              ExternalId: role.external_id,
              DurationSeconds: role.duration_seconds ?? 3600,
            }),
          );
          const c = r.Credentials!;
          addSecret(c.SecretAccessKey!);
          addSecret(c.SessionToken!);
          expires = c.Expiration?.getTime() ?? Date.now() + 3_600_000;
          return {
            accessKeyId: c.AccessKeyId!,
            secretAccessKey: c.SecretAccessKey!,
            sessionToken: c.SessionToken,
            expiration: c.Expiration,
          };
        } catch (e) {
          current = undefined;
          throw awsError(e, `assuming role ${role.role_arn}`);
        } finally {
          sts.destroy();
        }
      })();
    }
    return current;
  };
}

const clients = new Map<string, EC2Client>();

/**
 * One client per region (and role). Credentials come from the SDK's default chain: the
 * environment, a profile, or the web identity token configure-aws-credentials sets up with
 * OIDC. Throttling is retried by the SDK with backoff (adaptive mode also slows down).
 */
export function ec2(region: string, role?: AssumeRole, endpoint?: string): EC2Client {
  const key = `${region}|${role?.role_arn ?? ''}|${endpoint ?? ''}`;
  let c = clients.get(key);
  if (!c) {
    c = new EC2Client({
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

export function regionOf(config: Record<string, unknown>): string {
  const r =
    (config.region as string | undefined) ??
    process.env.AWS_REGION ??
    process.env.AWS_DEFAULT_REGION;
  if (!r)
    throw new BuildError(
      'no AWS region',
      'set region in the source, or AWS_REGION (aws-actions/configure-aws-credentials sets it)',
    );
  return r;
}

export { awsError, codeOf };

/**
 * UnauthorizedOperation carries an encoded explanation; STS decodes it when the caller may
 * (sts:DecodeAuthorizationMessage). Returns the error with the decoded action and resource.
 */
export async function explainUnauthorized(
  err: Error,
  region: string,
  role?: AssumeRole,
  endpoint?: string,
): Promise<Error> {
  const encoded = /Encoded authorization failure message: (\S+)/.exec(err.message)?.[1];
  if (!encoded) return err;
  // An EC2 of another cloud (custom_endpoint_ec2) has its own STS, if any: AWS's cannot
  // decode its message, and is not sent it. AWS's own addresses (a VPC endpoint, a
  // regional one) are still AWS. The message stays whole, for that cloud's STS to read.
  if (endpoint && !isAwsEndpoint(endpoint))
    return new BuildError(
      err.message,
      `the credentials lack a permission at ${endpoint}; that cloud's STS may decode the message`,
    );
  const short = err.message.replace(encoded, '<encoded>');
  try {
    const { STSClient, DecodeAuthorizationMessageCommand } = await import('@aws-sdk/client-sts');
    const sts = new STSClient({
      region,
      ...(role ? { credentials: ec2(region, role).config.credentials } : {}),
    });
    try {
      const r = await sts.send(new DecodeAuthorizationMessageCommand({ EncodedMessage: encoded }));
      const d = JSON.parse(r.DecodedMessage ?? '{}') as {
        context?: { action?: string; resource?: string };
      };
      return new BuildError(
        `${short} (denied: ${d.context?.action ?? '?'} on ${d.context?.resource ?? '?'})`,
        `allow ${d.context?.action ?? 'this action'} in the policy of the build's role`,
      );
    } finally {
      sts.destroy();
    }
  } catch {
    return new BuildError(
      short,
      'the credentials lack a permission; allow sts:DecodeAuthorizationMessage to see which one',
    );
  }
}

/** Whether an endpoint is AWS's own: a host under amazonaws.com (or .com.cn in China). */
export function isAwsEndpoint(endpoint: string): boolean {
  let host: string;
  try {
    host = new URL(/^[a-z][\w+.-]*:\/\//i.test(endpoint) ? endpoint : `https://${endpoint}`)
      .hostname;
  } catch {
    return false;
  }
  return /(^|\.)amazonaws\.com(\.cn)?$/i.test(host);
}

/** awsError, with UnauthorizedOperation decoded when STS allows it. */
export async function awsFailure(
  e: unknown,
  what: string,
  region: string,
  role?: AssumeRole,
  endpoint?: string,
): Promise<Error> {
  const err = awsError(e, what, region);
  return codeOf(e) === 'UnauthorizedOperation'
    ? explainUnauthorized(err, region, role, endpoint)
    : err;
}

export interface Polling {
  /** Fixed delay (aws_polling.delay_seconds), or undefined for the default backoff. */
  delayMs?: number;
  maxAttempts?: number;
}

/** The default backoff: 1 s, growing by half each time to 15 s. */
export function backoffDelays(limitMs: number): number[] {
  const out: number[] = [];
  let d = 1000;
  for (let total = 0; total < limitMs; total += d, d = Math.min(Math.round(d * 1.5), 15_000))
    out.push(d);
  return out;
}

/**
 * Calls `check` until it returns a value: immediately, then after each delay. Throttling
 * and the API's brief not-found after a create count as "not yet".
 */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined>,
  polling: Polling,
  defaultLimitMs: number,
  signal?: AbortSignal,
): Promise<T> {
  const delays =
    polling.delayMs !== undefined || polling.maxAttempts !== undefined
      ? new Array<number>((polling.maxAttempts ?? 40) - 1).fill(polling.delayMs ?? 15_000)
      : backoffDelays(defaultLimitMs);
  for (let i = 0; ; i++) {
    try {
      const v = await check();
      if (v !== undefined) return v;
    } catch (e) {
      const code = codeOf(e) ?? '';
      if (!/NotFound$|^RequestLimitExceeded$|^Throttling/.test(code)) throw e;
    }
    if (i >= delays.length) {
      const waited = Math.round(delays.reduce((a, b) => a + b, 0) / 1000);
      throw new BuildError(
        `gave up waiting for ${what} after ${i + 1} checks (${waited}s)`,
        'raise aws_polling.max_attempts or aws_polling.delay_seconds',
      );
    }
    await sleep(delays[i], signal);
  }
}

/** Tags as the EC2 API takes them. */
export function tagList(...maps: (Record<string, unknown> | undefined)[]) {
  const merged: Record<string, string> = {};
  for (const m of maps) for (const [k, v] of Object.entries(m ?? {})) merged[k] = String(v);
  return Object.entries(merged).map(([Key, Value]) => ({ Key, Value }));
}

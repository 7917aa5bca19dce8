/**
 * What the AWS data functions ask for (see spec/data.ts), fetched with the SDK's clients:
 * one client per service and region, credentials from the SDK's default chain, as for the
 * amazon-ebs builder. Loaded only when a plan asks for AWS data.
 */
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { DataAnswer, ParameterRequest, SecretRequest } from '../../spec/data';
import { awsError } from '../aws-errors';

const ssm = new Map<string, SSMClient>();
const secrets = new Map<string, SecretsManagerClient>();

function client<T>(cache: Map<string, T>, region: string, make: () => T): T {
  let c = cache.get(region);
  if (!c) cache.set(region, (c = make()));
  return c;
}

export async function fetchAwsData(r: ParameterRequest | SecretRequest): Promise<DataAnswer> {
  try {
    if (r.kind === 'aws-parameter') {
      const c = client(ssm, r.region, () => new SSMClient({ region: r.region, maxAttempts: 6 }));
      const out = await c.send(
        new GetParameterCommand({ Name: r.name, WithDecryption: r.withDecryption }),
      );
      const p = out.Parameter!;
      return {
        ok: true,
        fields: { value: p.Value ?? '', version: p.Version, arn: p.ARN },
        secure: p.Type === 'SecureString',
      };
    }
    const c = client(
      secrets,
      r.region,
      () => new SecretsManagerClient({ region: r.region, maxAttempts: 6 }),
    );
    const out = await c.send(
      new GetSecretValueCommand({
        SecretId: r.name,
        VersionId: r.versionId,
        VersionStage: r.versionStage,
      }),
    );
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
  } catch (e) {
    const what =
      r.kind === 'aws-parameter' ? `reading parameter ${r.name}` : `reading secret ${r.name}`;
    const err = awsError(e, what, r.region) as Error & { hint?: string };
    return { ok: false, message: err.message, hint: err.hint };
  }
}

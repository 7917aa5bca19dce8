/**
 * What the AWS data functions ask for (see spec/data.ts), fetched with the SDK's clients
 * (SSM, Secrets Manager, EC2):
 * one client per service and region, credentials from the SDK's default chain, as for the
 * amazon-ebs builder. Loaded only when a plan asks for AWS data.
 */
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { DescribeImagesCommand, EC2Client } from '@aws-sdk/client-ec2';
import type { AmiRequest, DataAnswer, ParameterRequest, SecretRequest } from '../../spec/data';
import { awsError } from '../aws-errors';

const ssm = new Map<string, SSMClient>();
const secrets = new Map<string, SecretsManagerClient>();
const ec2 = new Map<string, EC2Client>();

function client<T>(cache: Map<string, T>, region: string, make: () => T): T {
  let c = cache.get(region);
  if (!c) cache.set(region, (c = make()));
  return c;
}

/** The one AMI a lookup names: the newest with most_recent, else the only one. */
async function lookupAmi(r: AmiRequest): Promise<DataAnswer> {
  const c = client(ec2, r.region, () => new EC2Client({ region: r.region, maxAttempts: 6 }));
  const out = await c.send(
    new DescribeImagesCommand({
      Filters: r.filters.map(([Name, Values]) => ({ Name, Values })),
      ...(r.owners.length ? { Owners: r.owners } : {}),
      ...(r.includeDeprecated ? { IncludeDeprecated: true } : {}),
    }),
  );
  const images = [...(out.Images ?? [])].sort((a, b) =>
    String(b.CreationDate ?? '').localeCompare(String(a.CreationDate ?? '')),
  );
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

export async function fetchAwsData(
  r: ParameterRequest | SecretRequest | AmiRequest,
): Promise<DataAnswer> {
  try {
    if (r.kind === 'aws-ami') return await lookupAmi(r);
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
      r.kind === 'aws-ami'
        ? 'looking up an AMI'
        : r.kind === 'aws-parameter'
          ? `reading parameter ${r.name}`
          : `reading secret ${r.name}`;
    const err = awsError(e, what, r.region) as Error & { hint?: string };
    return { ok: false, message: err.message, hint: err.hint };
  }
}

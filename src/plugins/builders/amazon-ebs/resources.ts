/**
 * Removing what an amazon-ebs build creates. One implementation for the build's own
 * cleanups, `bake cleanup` / the action's post step (from the ledger) and `bake sweep`.
 * Each is idempotent: a resource that is already gone counts as removed.
 */
import {
  DeleteKeyPairCommand,
  DeleteSecurityGroupCommand,
  DeleteSnapshotCommand,
  DeregisterImageCommand,
  DescribeImagesCommand,
  DescribeInstancesCommand,
  TerminateInstancesCommand,
} from '@aws-sdk/client-ec2';
import type { LedgerEntry } from '../../../engine/ledger';
import { sleep } from '../../../engine/steps';
import { AssumeRole, awsError, codeOf, ec2, Polling, waitFor } from './aws';

const gone = (e: unknown): undefined => {
  if (/NotFound|\.Malformed$/.test(codeOf(e) ?? '')) return undefined;
  throw e;
};

export async function terminateInstance(
  region: string,
  id: string,
  o: { role?: AssumeRole; endpoint?: string; wait?: boolean; polling?: Polling } = {},
): Promise<void> {
  const client = ec2(region, o.role, o.endpoint);
  try {
    await client.send(new TerminateInstancesCommand({ InstanceIds: [id] })).catch(gone);
    if (o.wait === false) return;
    await waitFor(
      `instance ${id} to terminate`,
      async () => {
        const r = await client
          .send(new DescribeInstancesCommand({ InstanceIds: [id] }))
          .catch(gone);
        const state = r?.Reservations?.[0]?.Instances?.[0]?.State?.Name;
        return !r || state === 'terminated' || state === undefined ? true : undefined;
      },
      o.polling ?? {},
      10 * 60_000,
    );
  } catch (e) {
    throw awsError(e, `terminating ${id}`, region);
  }
}

/** Deletes a security group; while an instance still holds it, tries again (up to ~5 min). */
export async function deleteSecurityGroup(
  region: string,
  id: string,
  o: { role?: AssumeRole; endpoint?: string; signal?: AbortSignal; retryMs?: number } = {},
): Promise<void> {
  const deadline = Date.now() + (o.retryMs ?? 300_000);
  for (let delay = 1000; ; delay = Math.min(delay * 2, 15_000)) {
    try {
      await ec2(region, o.role, o.endpoint)
        .send(new DeleteSecurityGroupCommand({ GroupId: id }))
        .catch(gone);
      return;
    } catch (e) {
      if (codeOf(e) !== 'DependencyViolation' || Date.now() + delay > deadline)
        throw awsError(e, `deleting security group ${id}`, region);
      await sleep(delay, o.signal);
    }
  }
}

export async function deleteKeyPair(
  region: string,
  ref: { name?: string; id?: string },
  role?: AssumeRole,
  endpoint?: string,
): Promise<void> {
  try {
    await ec2(region, role, endpoint)
      .send(new DeleteKeyPairCommand(ref.id ? { KeyPairId: ref.id } : { KeyName: ref.name }))
      .catch(gone);
  } catch (e) {
    throw awsError(e, `deleting key pair ${ref.name ?? ref.id}`, region);
  }
}

/** Deregisters an AMI and deletes the snapshots it was made of. */
export async function deregisterImage(
  region: string,
  id: string,
  o: { role?: AssumeRole; endpoint?: string; snapshots?: boolean; snapshotIds?: string[] } = {},
): Promise<void> {
  const client = ec2(region, o.role, o.endpoint);
  try {
    let snapshots = o.snapshotIds;
    if (o.snapshots !== false && !snapshots) {
      const r = await client.send(new DescribeImagesCommand({ ImageIds: [id] })).catch(gone);
      snapshots = (r?.Images?.[0]?.BlockDeviceMappings ?? [])
        .map((m) => m.Ebs?.SnapshotId)
        .filter((x): x is string => !!x);
    }
    await client.send(new DeregisterImageCommand({ ImageId: id })).catch(gone);
    if (o.snapshots === false) return;
    await Promise.all(
      (snapshots ?? []).map((s) =>
        client.send(new DeleteSnapshotCommand({ SnapshotId: s })).catch(gone),
      ),
    );
  } catch (e) {
    throw awsError(e, `deregistering ${id}`, region);
  }
}

const roleOf = (e: LedgerEntry): AssumeRole | undefined =>
  e.ref.role_arn
    ? { role_arn: e.ref.role_arn, ...(e.ref.external_id ? { external_id: e.ref.external_id } : {}) }
    : undefined;

/** The role and endpoint a ledgered resource was made with, to reach it again. */
const accessOf = (e: LedgerEntry) => ({
  role: roleOf(e),
  ...(e.ref.endpoint ? { endpoint: e.ref.endpoint } : {}),
});

/** The ledger's AWS kinds, for `bake cleanup` and the post step. */
export const awsCleaners: Record<string, (e: LedgerEntry) => Promise<void>> = {
  'aws-instance': (e) => terminateInstance(e.ref.region, e.ref.id, { ...accessOf(e), wait: true }),
  'aws-security-group': (e) => deleteSecurityGroup(e.ref.region, e.ref.id, accessOf(e)),
  'aws-key-pair': (e) => deleteKeyPair(e.ref.region, e.ref, roleOf(e), e.ref.endpoint),
  'aws-ami': (e) => deregisterImage(e.ref.region, e.ref.id, accessOf(e)),
};

/** skip-unchanged for amazon-ebs: the source AMI is the base; the AMIs must still be there. */
import { DescribeImagesCommand } from '@aws-sdk/client-ec2';
import type { ArtifactRecord } from '../../../engine/events';
import { AssumeRole, ec2, regionOf } from './aws';
import { findSourceAmi } from './steps';

export async function amiBase(c: Record<string, unknown>): Promise<string> {
  const region = regionOf(c);
  return `ami:${region}:${await findSourceAmi(c, region, c.assume_role as AssumeRole | undefined)}`;
}

/** Every region's AMI is still registered and available. */
export async function amisExist(c: Record<string, unknown>, a: ArtifactRecord): Promise<boolean> {
  const role = c.assume_role as AssumeRole | undefined;
  const regions = Object.entries(a.regions ?? {});
  if (!regions.length) return false;
  const states = await Promise.all(
    regions.map(async ([region, id]) => {
      const r = await ec2(region, role, c.custom_endpoint_ec2 as string | undefined)
        .send(new DescribeImagesCommand({ ImageIds: [id] }))
        .catch(() => undefined);
      return r?.Images?.[0]?.State;
    }),
  );
  return states.every((s) => s === 'available');
}

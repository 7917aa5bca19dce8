/**
 * amazon-ebs against real AWS. Runs only with BAKE_LIVE_AWS=1 and credentials from the
 * default chain (and AWS_REGION); otherwise it is reported as skipped. It bakes a small
 * Debian AMI, checks it, and removes it with its snapshot. Costs a few cents.
 */
import { builtInRegistry } from '../src/plugins/registry';
import { join } from 'node:path';
import { DescribeImagesCommand } from '@aws-sdk/client-ec2';
import { EventBus } from '../src/engine/events';
import { runPlan } from '../src/engine/run';
import { loadSpec } from '../src/spec/spec';
import { resolvePlan } from '../src/spec/resolve';
import { pendingOf } from './helpers/docker';
import { tempProject } from './helpers/spec';

const live =
  process.env.BAKE_LIVE_AWS === '1' &&
  !!(process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION) &&
  !!(
    process.env.AWS_ACCESS_KEY_ID ||
    process.env.AWS_PROFILE ||
    process.env.AWS_WEB_IDENTITY_TOKEN_FILE
  );

(live ? it : it.skip)(
  'bakes a Debian AMI in the account and leaves only the AMI, then removes it',
  async () => {
    const { ec2 } = await import('../src/plugins/builders/amazon-ebs/aws');
    const { deregisterImage } = await import('../src/plugins/builders/amazon-ebs/resources');
    const region = (process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION)!;
    const dir = tempProject({
      'bake.yml': `sources:
  debian:
    type: amazon-ebs
    region: ${region}
    source_ami_filter:
      filters: {name: debian-12-amd64-*, architecture: x86_64}
      owners: ['136693071363']
      most_recent: true
    instance_type: t3.micro
    ssh_username: admin
    ami_name: bake-live-test-${Date.now()}
builds:
  live:
    sources: [debian]
    provisioners:
      - type: shell
        inline: ['echo baked | sudo tee /etc/bake-live-test']
`,
    });
    const plan = resolvePlan(loadSpec(join(dir, 'bake.yml'), builtInRegistry()), { env: {} });
    const ledger = join(dir, 'ledger.jsonl');
    const { results } = await runPlan(plan, {
      parallelBuilds: 0,
      failFast: false,
      onError: 'cleanup',
      ledger,
      bus: new EventBus(),
    });
    const r = results[0];
    expect(r.error).toBeUndefined();
    const id = r.artifact!.regions![region];
    try {
      const found = await ec2(region).send(new DescribeImagesCommand({ ImageIds: [id] }));
      expect(found.Images?.[0]?.State).toBe('available');
      expect(found.Images?.[0]?.Tags).toEqual(
        expect.arrayContaining([{ Key: 'bake:build', Value: 'live.debian' }]),
      );
      expect(pendingOf(ledger)).toEqual([]);
    } finally {
      await deregisterImage(region, id);
    }
  },
  45 * 60_000,
);

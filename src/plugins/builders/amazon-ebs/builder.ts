/**
 * The amazon-ebs builder (Packer's name). The steps and the AWS SDK load only when an
 * amazon-ebs build runs, so Docker-only runs never parse the SDK.
 */
import { BuildState, BuilderImpl } from '../../../engine/context';
import type { Step } from '../../../engine/steps';

export const amazonEbsBuilder: BuilderImpl = {
  async steps(env, provision) {
    const { ebsSteps } = await import('./steps');
    // The steps keep more state than BuildState names; the engine only passes it through.
    return ebsSteps(env, provision) as unknown as Step<BuildState>[];
  },
};

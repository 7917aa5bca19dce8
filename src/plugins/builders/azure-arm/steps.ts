/**
 * The azure-arm builder's steps, Packer's order: check names, the resource group, the
 * network, the VM, connect, provision, deallocate and generalize, the image and gallery
 * version. Every resource is tagged and written to the ledger before it is asked for.
 */
import type { BuildEnv, BuildState } from '../../../engine/context';
import type { Step } from '../../../engine/steps';
import { deallocateStep } from './steps/capture';
import { connectStep } from './steps/connect';
import { AzureState, contextOf } from './steps/context';
import { groupStep } from './steps/group';
import { imageStep } from './steps/image';
import { networkStep } from './steps/network';
import { prepareStep } from './steps/prepare';
import { vmStep } from './steps/vm';

export function azureSteps(env: BuildEnv, provision: Step<BuildState>): Step<AzureState>[] {
  const x = contextOf(env);
  return [
    prepareStep(x),
    groupStep(x),
    networkStep(x),
    vmStep(x),
    connectStep(x),
    provision as Step<AzureState>,
    deallocateStep(x),
    imageStep(x),
  ];
}

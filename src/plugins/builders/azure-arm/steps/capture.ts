/** Deallocate the VM, then generalize it (not for a specialized gallery target). */
import type { Step } from '../../../../engine/steps';
import { throwIfCancelled } from '../../../../engine/steps';
import { clearAuthorizedKey } from '../../../../communicators/clear-key';
import type { AzureState, Config, Ctx } from './context';

export function deallocateStep(x: Ctx): Step<AzureState> {
  const { c, clients, names } = x;
  const specialized =
    (c.shared_image_gallery_destination as Config | undefined)?.specialized === true;
  return {
    name: specialized ? 'deallocate' : 'deallocate and generalize',
    async run(s, ctx) {
      await clearAuthorizedKey(c, s.ssh, s.key?.publicKey, ctx);
      s.ssh?.close();
      const rg = s.group!.name;
      const o = { polling: x.polling, signal: ctx.signal };
      ctx.log(`deallocating ${names.vm}`);
      await x.call(
        `deallocating VM ${names.vm}`,
        (p) => clients.compute.virtualMachines.deallocate(rg, names.vm, p),
        o,
      );
      throwIfCancelled(ctx.signal);
      if (specialized) return;
      await x.call(
        `generalizing VM ${names.vm}`,
        (p) => clients.compute.virtualMachines.generalize(rg, names.vm, p),
        o,
      );
    },
  };
}

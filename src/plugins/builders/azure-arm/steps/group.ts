/** The temporary resource group, or the existing one named by build_resource_group_name. */
import type { Step } from '../../../../engine/steps';
import { throwIfCancelled } from '../../../../engine/steps';
import { deleteResourceGroup } from '../resources';
import type { AzureState, Ctx } from './context';

export function groupStep(x: Ctx): Step<AzureState> {
  const { c, clients } = x;
  return {
    name: 'resource group',
    async run(s, ctx) {
      if (typeof c.build_resource_group_name === 'string') {
        s.group = { name: c.build_resource_group_name, temporary: false };
        return;
      }
      const name =
        typeof c.temp_resource_group_name === 'string' ? c.temp_resource_group_name : x.base;
      s.group = { name, temporary: true, entry: x.ledgerGroup(name) };
      await x.call(
        `creating resource group ${name} in ${s.location}`,
        (o) =>
          clients.resources.resourceGroups.createOrUpdate(
            name,
            { location: s.location!, tags: x.tags },
            o,
          ),
        { polling: x.polling, signal: ctx.signal, location: s.location },
      );
      ctx.log(`created resource group ${name}`);
      throwIfCancelled(ctx.signal);
    },
    async cleanup(s, ctx) {
      const g = s.group;
      if (!g?.temporary || !g.entry) return;
      if (c.async_resourcegroup_delete === true) {
        // The delete goes on in Azure; the ledger entry stays open so the post step
        // (or `bake cleanup`) checks that it finished.
        ctx.log(`deleting resource group ${g.name} (not waiting: async_resourcegroup_delete)`);
        await deleteResourceGroup(clients, g.name, { wait: false, polling: x.polling });
        return;
      }
      ctx.log(`deleting resource group ${g.name} and everything in it`);
      await deleteResourceGroup(clients, g.name, {
        polling: { ...x.polling, timeoutMs: 30 * 60_000 },
      });
      x.done(g);
      for (const e of x.inGroup) x.env.ledger.done(e);
    },
    cleanupBudgetMs: 30 * 60_000,
  };
}

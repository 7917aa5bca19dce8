/**
 * The azure-arm builder against real Azure. Runs only with BAKE_LIVE_AZURE=1 and
 * credentials in the environment (AZURE_SUBSCRIPTION_ID, AZURE_TENANT_ID, AZURE_CLIENT_ID and
 * a secret or GitHub OIDC), and BAKE_LIVE_AZURE_IMAGE_GROUP, an existing group for the image.
 */
import { pendingOf } from './helpers/docker';
import { bakeIn } from './helpers/run';
import { tempProject } from './helpers/spec';

const live =
  process.env.BAKE_LIVE_AZURE === '1' &&
  !!process.env.AZURE_SUBSCRIPTION_ID &&
  !!process.env.BAKE_LIVE_AZURE_IMAGE_GROUP;

(live ? describe : describe.skip)('azure-arm live', () => {
  it(
    'bakes a managed image in a temporary group and leaves only the image',
    async () => {
      const name = `bake-live-${Date.now()}`;
      const dir = tempProject({
        'bake.yml': `sources:
  live:
    type: azure-arm
    location: ${process.env.BAKE_LIVE_AZURE_LOCATION ?? 'westeurope'}
    image_publisher: Debian
    image_offer: debian-12
    image_sku: 12-gen2
    vm_size: Standard_B2s
    managed_image_name: ${name}
    managed_image_resource_group_name: ${process.env.BAKE_LIVE_AZURE_IMAGE_GROUP}
builds:
  live:
    sources: [live]
    provisioners: [{type: shell, inline: ['echo live | sudo tee /etc/bake-live']}]
`,
      });
      const { result, ledger } = await bakeIn(dir);
      expect(result.error).toBeUndefined();
      expect(result.artifact?.id).toMatch(new RegExp(`/images/${name}$`));
      expect(pendingOf(ledger)).toEqual([]);
      const { clientsFor, targetOf } = await import('../src/plugins/builders/azure-arm/azure');
      const { deleteResource } = await import('../src/plugins/builders/azure-arm/resources');
      await deleteResource(clientsFor({}, targetOf({})), result.artifact!.id);
    },
    30 * 60_000,
  );
});

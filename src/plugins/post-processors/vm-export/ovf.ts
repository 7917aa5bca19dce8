/** The OVF 1.0 descriptor of an OVA: one virtual system, one disk, one network card. */

export interface OvfMachine {
  name: string;
  cpus: number;
  memoryMiB: number;
  disk: { file: string; size: number; capacity: number };
  controller: 'ide' | 'scsi' | 'sata';
  nic: string;
  os: { id?: string; version?: string; name?: string };
}

/** CIM operating system ids (OVF's OperatingSystemSection) and VMware's guest names. */
const OS_TYPES: Record<string, { cim: number; vmw: string; what: string }> = {
  debian: { cim: 96, vmw: 'debian10_64Guest', what: 'Debian 64-bit' },
  ubuntu: { cim: 94, vmw: 'ubuntu64Guest', what: 'Ubuntu 64-bit' },
  rhel: { cim: 80, vmw: 'rhel8_64Guest', what: 'Red Hat Enterprise Linux 64-bit' },
  centos: { cim: 107, vmw: 'centos64Guest', what: 'CentOS 64-bit' },
  rocky: { cim: 80, vmw: 'rhel8_64Guest', what: 'Red Hat Enterprise Linux 64-bit' },
  almalinux: { cim: 80, vmw: 'rhel8_64Guest', what: 'Red Hat Enterprise Linux 64-bit' },
  sles: { cim: 85, vmw: 'sles15_64Guest', what: 'SUSE Linux Enterprise 64-bit' },
};
const OTHER_LINUX = { cim: 101, vmw: 'otherLinux64Guest', what: 'Other Linux 64-bit' };

export function osType(id: string | undefined) {
  return (id && OS_TYPES[id]) || OTHER_LINUX;
}

const esc = (v: string) =>
  v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function ovfDescriptor(m: OvfMachine): string {
  const os = osType(m.os.id);
  const controller =
    m.controller === 'ide'
      ? { type: 5, sub: 'PIIX4', name: 'IDE Controller' }
      : m.controller === 'sata'
        ? { type: 20, sub: 'AHCI', name: 'SATA Controller' }
        : { type: 6, sub: 'lsilogic', name: 'SCSI Controller' };
  const item = (fields: Record<string, string | number>) =>
    `      <Item>\n${Object.entries(fields)
      .map(([k, v]) => `        <rasd:${k}>${esc(String(v))}</rasd:${k}>`)
      .join('\n')}\n      </Item>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<Envelope ovf:version="1.0" xml:lang="en-US"
    xmlns="http://schemas.dmtf.org/ovf/envelope/1"
    xmlns:ovf="http://schemas.dmtf.org/ovf/envelope/1"
    xmlns:rasd="http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_ResourceAllocationSettingData"
    xmlns:vssd="http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_VirtualSystemSettingData"
    xmlns:vmw="http://www.vmware.com/schema/ovf"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <References>
    <File ovf:id="file1" ovf:href="${esc(m.disk.file)}" ovf:size="${m.disk.size}"/>
  </References>
  <DiskSection>
    <Info>Virtual disks</Info>
    <Disk ovf:diskId="vmdisk1" ovf:fileRef="file1" ovf:capacity="${m.disk.capacity}" ovf:capacityAllocationUnits="byte" ovf:format="http://www.vmware.com/interfaces/specifications/vmdk.html#streamOptimized"/>
  </DiskSection>
  <NetworkSection>
    <Info>Logical networks</Info>
    <Network ovf:name="NAT">
      <Description>The network the VM's card is connected to</Description>
    </Network>
  </NetworkSection>
  <VirtualSystem ovf:id="${esc(m.name)}">
    <Info>A virtual machine</Info>
    <Name>${esc(m.name)}</Name>
    <OperatingSystemSection ovf:id="${os.cim}" vmw:osType="${os.vmw}">
      <Info>The guest operating system</Info>
      <Description>${esc(m.os.name ?? os.what)}</Description>
    </OperatingSystemSection>
    <VirtualHardwareSection>
      <Info>Virtual hardware requirements</Info>
      <System>
        <vssd:ElementName>Virtual Hardware Family</vssd:ElementName>
        <vssd:InstanceID>0</vssd:InstanceID>
        <vssd:VirtualSystemIdentifier>${esc(m.name)}</vssd:VirtualSystemIdentifier>
        <vssd:VirtualSystemType>vmx-10 virtualbox-2.2</vssd:VirtualSystemType>
      </System>
${item({ AllocationUnits: 'hertz * 10^6', Description: 'Number of virtual CPUs', ElementName: `${m.cpus} virtual CPU(s)`, InstanceID: 1, ResourceType: 3, VirtualQuantity: m.cpus })}
${item({ AllocationUnits: 'byte * 2^20', Description: 'Memory size', ElementName: `${m.memoryMiB} MB of memory`, InstanceID: 2, ResourceType: 4, VirtualQuantity: m.memoryMiB })}
${item({ Address: 0, Description: controller.name, ElementName: controller.name, InstanceID: 3, ResourceSubType: controller.sub, ResourceType: controller.type })}
${item({ AddressOnParent: 0, ElementName: 'Hard disk 1', HostResource: 'ovf:/disk/vmdisk1', InstanceID: 4, Parent: 3, ResourceType: 17 })}
${item({ AddressOnParent: 0, AutomaticAllocation: 'true', Connection: 'NAT', Description: `${m.nic} ethernet adapter`, ElementName: 'Network adapter 1', InstanceID: 5, ResourceSubType: m.nic, ResourceType: 10 })}
    </VirtualHardwareSection>
  </VirtualSystem>
</Envelope>
`;
}

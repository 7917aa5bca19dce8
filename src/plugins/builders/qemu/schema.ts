/** The qemu builder's settings (Packer's names) and the rules across them. */
import type { RuleProblem } from '../../api';
import { sshFields } from '../../../communicators/ssh-schema';
import { opt, refused, req, s } from '../../../spec/schema';

// The host is always 127.0.0.1 (the forwarded port); every other ssh_* setting applies.
const ssh = Object.fromEntries(Object.entries(sshFields).filter(([k]) => k !== 'ssh_host'));

export const DISK_INTERFACES = ['virtio', 'virtio-scsi', 'scsi', 'ide', 'sata'] as const;
export const NET_DEVICES = ['virtio-net', 'virtio-net-pci', 'e1000', 'rtl8139', 'vmxnet3'];

export const qemuSchema = s.object({
  iso_url: req(
    s.string(),
    'the base disk to start from: a qcow2 or raw file (relative to the spec) or an http(s) URL',
    'debian-12-genericcloud-amd64.qcow2',
  ),
  iso_checksum: opt(
    s.string({
      pattern: /^(none|(sha256|sha512|sha1|md5):[0-9a-fA-F]+)$/,
      patternHint: 'write it as sha256:<hex> (or sha512:, sha1:, md5:), or none',
    }),
    'checksum of the base disk, e.g. sha256:<hex>; required for a URL ("none" to skip)',
  ),
  disk_image: req(s.bool(), 'iso_url is a bootable disk image, not an installer ISO', true),
  use_backing_file: opt(
    s.bool(),
    'the output is a qcow2 overlay on iso_url instead of a full copy (skips compaction)',
    false,
  ),
  format: opt(s.enum(['qcow2', 'raw']), 'format of the output disk', 'qcow2'),
  disk_size: opt(
    s.string({
      pattern: /^[1-9]\d*[KMGT]?$/,
      patternHint: 'a size in MiB (10240) or with a suffix (10G, 512M)',
    }),
    'grow the disk to this size (MiB, or with K/M/G/T); never shrinks it',
    undefined,
    '10G',
  ),
  disk_compression: opt(s.bool(), 'compress the qcow2 output (qemu-img convert -c)', false),
  skip_compaction: opt(
    s.bool(),
    'keep the working qcow2 as it is instead of rewriting it with qemu-img convert',
    false,
  ),
  output_directory: opt(
    s.string(),
    'directory for the output disk, relative to the spec; must not hold a disk of the same name',
    'output-{{.BuildName}}',
  ),
  vm_name: opt(s.string(), 'file name of the output disk', '{{.BuildName}}.<format>'),
  accelerator: opt(
    s.enum(['kvm', 'tcg', 'none']),
    'kvm, tcg (software, slow) or none; the default is kvm when /dev/kvm works, else tcg',
  ),
  cpus: opt(s.int(1, 64), 'virtual CPUs', 1),
  memory: opt(s.int(64, 262144), 'memory in MiB', 512),
  net_device: opt(s.enum(NET_DEVICES), 'network card model', 'virtio-net'),
  disk_interface: opt(s.enum(DISK_INTERFACES), 'how the disk is attached', 'virtio'),
  machine_type: opt(s.string(), 'QEMU machine type (-machine)', 'pc'),
  efi_boot: opt(s.bool(), 'boot with UEFI firmware (OVMF) instead of BIOS', false),
  efi_firmware_code: opt(s.string(), 'OVMF code file', '/usr/share/OVMF/OVMF_CODE_4M.fd'),
  efi_firmware_vars: opt(s.string(), 'OVMF variables template', '/usr/share/OVMF/OVMF_VARS_4M.fd'),
  qemu_binary: opt(s.string(), 'the QEMU system emulator to run', 'qemu-system-x86_64'),
  qemuargs: opt(
    s.list(s.list(s.string())),
    'extra QEMU arguments, each a list such as ["-smbios", "type=1,serial=x"], added after bake\'s own',
  ),
  cd_files: opt(
    s.list(s.string()),
    'files and directories (relative to the spec) put on a CD attached to the VM',
  ),
  cd_content: opt(
    s.map(s.string()),
    'files (name: content) put on the CD; {{ .SSHPublicKey }} is the temporary public key',
  ),
  cd_label: opt(
    s.string({ pattern: /^[A-Za-z0-9_-]{1,32}$/, patternHint: 'letters, digits, _ and -' }),
    'volume label of the CD; cidata makes it a cloud-init NoCloud seed',
    'cidata',
  ),
  host_port_min: opt(s.int(1024, 65535), 'lowest host port for the SSH forward', 2222),
  host_port_max: opt(s.int(1024, 65535), 'highest host port for the SSH forward', 4444),
  boot_wait: opt(s.duration(), 'wait after starting the VM before connecting', '10s'),
  shutdown_command: opt(
    s.string(),
    'command that powers the VM off (e.g. sudo poweroff); without it, an ACPI power-down',
    undefined,
    'sudo poweroff',
  ),
  shutdown_timeout: opt(s.duration(), 'how long the VM may take to power off', '5m'),
  ...ssh,
  ssh_username: { ...ssh.ssh_username, required: true },
  ssh_port: opt(s.int(1, 65535), 'TCP port of sshd inside the VM', 22),
  headless: opt(s.bool(), 'QEMU always runs without a display here; false is refused', true),
  boot_command: refused(
    'typing into the console over VNC (for ISO installers) is not supported: start from a disk image (disk_image: true) and configure it with cd_content (a cloud-init seed)',
  ),
  runs_on: opt(s.string(), 'runner label for this source in the reusable workflow'),
});

export function refineQemu(c: Record<string, unknown>): RuleProblem[] {
  const out: RuleProblem[] = [];
  if (c.disk_image === false)
    out.push({
      key: 'disk_image',
      message: 'installing from an ISO is not supported (it needs boot_command, typed over VNC)',
      hint: 'start from a bootable qcow2 or raw disk (e.g. a cloud image) with disk_image: true',
    });
  const url = String(c.iso_url ?? '');
  if (/^https?:\/\//.test(url) && c.iso_checksum === undefined)
    out.push({
      key: 'iso_url',
      message: 'a base disk downloaded over http(s) needs iso_checksum',
      hint: 'set iso_checksum: sha256:<hex> (or none to skip the check)',
    });
  else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url) && !/^(https?|file):\/\//.test(url))
    out.push({
      key: 'iso_url',
      message: `iso_url ${url}: only local paths, file:// and http(s) URLs are supported`,
    });
  if (c.use_backing_file === true && (c.format ?? 'qcow2') !== 'qcow2')
    out.push({
      key: 'use_backing_file',
      message: 'use_backing_file makes a qcow2 overlay, but format is raw',
      hint: 'set format: qcow2, or remove use_backing_file',
    });
  if (c.use_backing_file === true && c.disk_compression === true)
    out.push({
      key: 'disk_compression',
      message:
        'disk_compression has no effect with use_backing_file (the overlay is not converted)',
      hint: 'remove one of them',
    });
  if (c.disk_compression === true && c.format === 'raw')
    out.push({
      key: 'disk_compression',
      message: 'a raw disk cannot be compressed',
      hint: 'use format: qcow2, or a compress post-processor',
    });
  if (c.headless === false)
    out.push({
      key: 'headless',
      message: 'bake runs QEMU without a display (there is no VNC or window to show)',
      hint: "remove headless; read the VM's serial console in the error output instead",
    });
  if (c.skip_compaction === true && (c.format === 'raw' || c.disk_compression === true))
    out.push({
      key: 'skip_compaction',
      message: `skip_compaction keeps the working qcow2, so ${c.format === 'raw' ? 'format: raw' : 'disk_compression'} cannot apply`,
      hint: 'remove skip_compaction, or the other setting',
    });
  const min = Number(c.host_port_min ?? 2222);
  const max = Number(c.host_port_max ?? 4444);
  if (min > max)
    out.push({
      key: 'host_port_max',
      message: `host_port_max ${max} is below host_port_min ${min}`,
    });
  if (c.cd_label !== undefined && c.cd_files === undefined && c.cd_content === undefined)
    out.push({
      key: 'cd_label',
      message: 'cd_label names a CD, but neither cd_files nor cd_content puts anything on it',
      hint: 'add cd_content (e.g. user-data and meta-data for cloud-init) or remove cd_label',
    });
  const needsEfi = ['efi_firmware_code', 'efi_firmware_vars'].filter((k) => c[k] !== undefined);
  if (needsEfi.length && c.efi_boot !== true)
    out.push({
      key: needsEfi[0],
      message: `${needsEfi[0]} is only used with efi_boot: true`,
      hint: 'set efi_boot: true, or remove it',
    });
  for (const [i, arg] of ((c.qemuargs as string[][] | undefined) ?? []).entries())
    if (!arg.length || !arg[0].startsWith('-'))
      out.push({
        key: `qemuargs.${i}`,
        message: 'each qemuargs entry starts with an option, e.g. ["-smbios", "type=1,serial=x"]',
      });
  return out;
}

/**
 * The machine's bill of materials: package databases read through real communicators
 * (Docker and SSH) in real containers, and the CycloneDX and SPDX documents checked
 * against their official schemas.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { Spec, Validation } from '@cyclonedx/cyclonedx-library';
import { PackageURL } from 'packageurl-js';
import type Docker from 'dockerode';
import { DockerCommunicator } from '../src/communicators/docker';
import { SshCommunicator } from '../src/communicators/ssh';
import { BuildError } from '../src/engine/errors';
import {
  cyclonedxJson,
  Inventory,
  InventoryPackage,
  readInventory,
  RPM_QUERY_FORMAT,
  SbomMeta,
  spdxExpression,
  spdxJson,
} from '../src/trust/sbom';
import { docker, requireDocker } from './helpers/docker';
import { startSshd, Sshd } from './helpers/sshd';

const FIX = join(process.cwd(), '__tests__/fixtures/sbom');
const signal = () => AbortSignal.timeout(60_000);
const META: SbomMeta = {
  name: 'golden.docker.base',
  version: '1.4.0',
  timestamp: new Date('2026-01-02T03:04:05.678Z'),
  tool: { name: 'bake-action', version: '0.1.0' },
};

/** Runs a command through a communicator and returns its stdout, failing on a non-zero exit. */
async function run(comm: DockerCommunicator, command: string): Promise<string> {
  const out: string[] = [];
  const r = await comm.exec(command, { signal: signal(), onStdout: (l) => out.push(l) });
  if (r.exitCode !== 0) throw new Error(`${command} exited ${r.exitCode}: ${r.tail.join('\n')}`);
  return out.join('\n');
}

const cleanup: (() => Promise<unknown>)[] = [];
beforeAll(requireDocker);
afterAll(async () => {
  for (const c of cleanup.reverse()) await c().catch(() => undefined);
});

describe('a Debian machine', () => {
  let sshd: Sshd;
  let viaDocker: DockerCommunicator;
  /** What dpkg itself says: every package it knows, with its state. */
  let dpkg: {
    status: string;
    name: string;
    arch: string;
    version: string;
    src: string;
    srcVersion: string;
  }[];
  let inventory: Inventory;

  beforeAll(async () => {
    sshd = await startSshd();
    cleanup.push(() => sshd.remove());
    viaDocker = new DockerCommunicator(docker, docker.getContainer(sshd.id), {
      fixUploadOwner: false,
    });
    // Two states a plain "install ok installed" filter gets wrong: a removed package whose
    // configuration files stay (dpkg still lists it; it is not installed) and a held one
    // (installed). sudo's removal waits for the root password the sshd setup sets.
    await run(
      viaDocker,
      'for i in $(seq 100); do dpkg -r sudo >/dev/null 2>&1 && break; sleep 0.2; done; echo "procps hold" | dpkg --set-selections',
    );
    const listing = await run(
      viaDocker,
      "dpkg-query -W -f '${db:Status-Status}\\t${Package}\\t${Architecture}\\t${Version}\\t${source:Package}\\t${source:Version}\\n'",
    );
    dpkg = listing
      .split('\n')
      .filter(Boolean)
      .map((l) => {
        const [status, name, arch, version, src, srcVersion] = l.split('\t');
        return { status, name, arch, version, src, srcVersion };
      });
    inventory = await readInventory(viaDocker, signal());
  });

  const installed = () => dpkg.filter((d) => d.status === 'installed');
  const key = (p: { name: string; arch?: string; version: string }) =>
    `${p.name}:${p.arch}=${p.version}`;

  it('holds the states that make the comparison mean something', () => {
    expect(dpkg.find((d) => d.name === 'sudo')?.status).toBe('config-files');
    expect(dpkg.find((d) => d.name === 'procps')?.status).toBe('installed');
    expect(installed().length).toBeGreaterThan(80);
  });

  it('lists exactly the installed packages dpkg-query reports, through docker exec', () => {
    expect(inventory.os).toEqual({
      id: 'debian',
      versionId: '12',
      name: 'Debian GNU/Linux',
      prettyName: 'Debian GNU/Linux 12 (bookworm)',
      versionCodename: 'bookworm',
    });
    expect(inventory.packages.map(key).sort()).toEqual(installed().map(key).sort());
    expect(inventory.packages).toHaveLength(installed().length);
    expect(inventory.packages.some((p) => p.name === 'sudo')).toBe(false);
    const names = inventory.packages.map((p) => `${p.name}\0${p.arch}`);
    expect(names).toEqual([...names].sort());
  });

  it('gives each package its source package, purl, maintainer and summary', () => {
    for (const d of installed()) {
      const p = inventory.packages.find((x) => x.name === d.name && x.arch === d.arch)!;
      const differs = d.src !== d.name || d.srcVersion !== d.version;
      expect([p.name, p.source, p.sourceVersion]).toEqual([
        d.name,
        differs ? d.src : undefined,
        differs ? d.srcVersion : undefined,
      ]);
      expect(p.ecosystem).toBe('deb');
      expect(p.licenses).toBeUndefined();
      expect(p.maintainer).toMatch(/<[^>]+@[^>]+>/);
      expect(p.description).toMatch(/^\S.*\S$/);
      const purl = PackageURL.fromString(p.purl);
      expect([purl.type, purl.namespace, purl.name, purl.version]).toEqual([
        'deb',
        'debian',
        d.name,
        d.version,
      ]);
      expect(purl.qualifiers).toEqual({
        arch: d.arch,
        distro: 'debian-12',
        ...(differs
          ? { upstream: d.srcVersion === d.version ? d.src : `${d.src}@${d.srcVersion}` }
          : {}),
      });
    }
    // Real cases of both kinds are in the image.
    const libc = inventory.packages.find((p) => p.name === 'libc6')!;
    expect(libc.purl).toBe(
      `pkg:deb/debian/libc6@${libc.version}?arch=amd64&distro=debian-12&upstream=glibc`,
    );
    expect(inventory.packages.some((p) => p.source && p.sourceVersion !== p.version)).toBe(true);
  });

  it('reads the same inventory over SSH', async () => {
    const ssh = new SshCommunicator({
      host: sshd.ip,
      port: 22,
      username: 'root',
      password: sshd.password,
      timeoutMs: 60_000,
      handshakeAttempts: 3,
      keepAliveMs: 2000,
      pty: false,
    });
    await ssh.connect(signal());
    try {
      const overSsh = await readInventory(ssh, signal());
      expect(overSsh).toEqual(inventory);
    } finally {
      ssh.close();
    }
  });

  it('writes CycloneDX 1.6 that the CycloneDX schema accepts', async () => {
    const json = cyclonedxJson(inventory, META);
    const error = await new Validation.JsonStrictValidator(Spec.Version.v1dot6).validate(json);
    expect(error).toBeNull();
    const bom = JSON.parse(json);
    expect(bom.specVersion).toBe('1.6');
    expect(bom.serialNumber).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(bom.metadata.timestamp).toBe('2026-01-02T03:04:05.678Z');
    expect(bom.metadata.component).toMatchObject({
      type: 'operating-system',
      name: 'golden.docker.base',
      version: '1.4.0',
    });
    expect(bom.metadata.tools.components[0]).toMatchObject({
      name: 'bake-action',
      version: '0.1.0',
    });
    const [os, ...pkgs] = bom.components;
    expect(os).toMatchObject({ type: 'operating-system', name: 'debian', version: '12' });
    expect(pkgs).toHaveLength(inventory.packages.length);
    const refs = bom.components.map((c: { 'bom-ref': string }) => c['bom-ref']);
    expect(new Set(refs).size).toBe(refs.length);
    for (const [i, c] of pkgs.entries()) {
      const p = inventory.packages[i];
      expect([c.name, c.version, c.purl, c['bom-ref']]).toEqual([
        p.name,
        p.version,
        p.purl,
        p.purl,
      ]);
      expect(PackageURL.fromString(c.purl).toString()).toBe(c.purl);
    }
    expect(cyclonedxJson(inventory, META)).not.toBe(json); // a new serial number each time
  });

  it('writes SPDX 2.3 that the SPDX schema accepts', () => {
    const doc = validSpdx(spdxJson(inventory, META));
    expect(doc.creationInfo).toEqual({
      created: '2026-01-02T03:04:05Z',
      creators: ['Tool: bake-action-0.1.0'],
    });
    expect(doc.packages).toHaveLength(inventory.packages.length + 2);
    for (const p of inventory.packages) {
      const s = doc.packages.find(
        (x) => x.externalRefs?.[0].referenceLocator === p.purl,
      ) as SpdxPackage;
      expect(s).toMatchObject({
        name: p.name,
        versionInfo: p.version,
        licenseDeclared: 'NOASSERTION',
        licenseConcluded: 'NOASSERTION',
        filesAnalyzed: false,
        downloadLocation: 'NOASSERTION',
      });
      expect(s.supplier).toMatch(/^(Person|Organization): [^<>]+ \([^()\s]+@[^()\s]+\)$/);
    }
    expect(JSON.parse(spdxJson(inventory, META)).documentNamespace).not.toBe(doc.documentNamespace);
  });
});

// ---------------------------------------------------------------------------------------

interface SpdxPackage {
  SPDXID: string;
  name: string;
  versionInfo?: string;
  licenseDeclared: string;
  supplier?: string;
  externalRefs?: { referenceCategory: string; referenceType: string; referenceLocator: string }[];
}
interface SpdxDoc {
  SPDXID: string;
  documentNamespace: string;
  creationInfo: unknown;
  packages: SpdxPackage[];
  relationships: { spdxElementId: string; relationshipType: string; relatedSpdxElement: string }[];
  hasExtractedLicensingInfos?: { licenseId: string; extractedText: string }[];
}

const spdxSchema = JSON.parse(readFileSync(join(FIX, 'spdx-schema-2.3.json'), 'utf8'));
const validateSpdx = new Ajv({ allErrors: true, strict: false }).compile(spdxSchema);

/** Checks a document against the SPDX 2.3 schema and the rules the schema does not state. */
function validSpdx(json: string): SpdxDoc {
  const doc = JSON.parse(json) as SpdxDoc;
  expect(validateSpdx(doc) ? [] : validateSpdx.errors).toEqual([]);
  expect(doc.documentNamespace).toMatch(/^https:\/\/[^#]+-[0-9a-f-]{36}$/);
  const ids = [doc.SPDXID, ...doc.packages.map((p) => p.SPDXID)];
  expect(new Set(ids).size).toBe(ids.length);
  for (const id of ids) expect(id).toMatch(/^SPDXRef-[A-Za-z0-9.-]+$/);
  for (const r of doc.relationships) {
    expect(ids).toContain(r.spdxElementId);
    expect(ids).toContain(r.relatedSpdxElement);
  }
  const describes = doc.relationships.filter((r) => r.relationshipType === 'DESCRIBES');
  expect(describes).toEqual([
    {
      spdxElementId: 'SPDXRef-DOCUMENT',
      relationshipType: 'DESCRIBES',
      relatedSpdxElement: 'SPDXRef-Image',
    },
  ]);
  // The image contains every other package, each once.
  const contained = doc.relationships
    .filter((r) => r.relationshipType === 'CONTAINS' && r.spdxElementId === 'SPDXRef-Image')
    .map((r) => r.relatedSpdxElement)
    .sort();
  expect(contained).toEqual(
    ids.filter((i) => i !== 'SPDXRef-DOCUMENT' && i !== 'SPDXRef-Image').sort(),
  );
  for (const p of doc.packages.slice(2)) {
    expect(p.externalRefs).toEqual([
      {
        referenceCategory: 'PACKAGE-MANAGER',
        referenceType: 'purl',
        referenceLocator: expect.stringMatching(/^pkg:/),
      },
    ]);
  }
  const refs = new Set(doc.hasExtractedLicensingInfos?.map((e) => e.licenseId));
  for (const p of doc.packages)
    for (const ref of p.licenseDeclared.match(/LicenseRef-[A-Za-z0-9.-]+/g) ?? [])
      expect(refs).toContain(ref);
  return doc;
}

// ---------------------------------------------------------------------------------------

describe('machines without dpkg', () => {
  let box: Docker.Container;
  let comm: DockerCommunicator;

  beforeAll(async () => {
    box = await docker.createContainer({ Image: 'busybox:latest', Cmd: ['sleep', '3600'] });
    cleanup.push(() => box.remove({ force: true }));
    await box.start();
    comm = new DockerCommunicator(docker, box, { fixUploadOwner: false });
  });

  /** Each test sets the databases it needs and clears the others first. */
  async function only(files: Record<string, string>): Promise<void> {
    await run(comm, 'rm -rf /lib/apk /var/lib/dpkg /etc/os-release');
    for (const [remote, local] of Object.entries(files)) await comm.upload(local, remote, signal());
  }

  it('fails with what is missing and what to do when there is no package database', async () => {
    await only({});
    const e = await readInventory(comm, signal()).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(BuildError);
    const b = e as BuildError;
    expect(b.message).toMatch(/^sbom: the machine has no package database to read/);
    expect(b.message).toContain('/var/lib/dpkg/status');
    expect(b.message).toContain('/lib/apk/db/installed');
    expect(b.hint).toMatch(/sbom setting needs a dpkg, rpm or apk database in the machine/);
  });

  it('reads a distroless dpkg status.d, whose stanzas have no Status', async () => {
    await only({});
    const stanza = (name: string, version: string, extra = '') =>
      `Package: ${name}\nVersion: ${version}\nArchitecture: amd64\nMaintainer: GNU Libc Maintainers <debian-glibc@lists.debian.org>\n${extra}Description: ${name} for the test\n continued on a second line\n`;
    const put = (path: string, text: string) => comm.uploadContent(text, path, 0o644, signal());
    await put('/var/lib/dpkg/status.d/libc6', stanza('libc6', '2.36-9+deb12u7', 'Source: glibc\n'));
    await put('/var/lib/dpkg/status.d/tzdata', stanza('tzdata', '2024a-0+deb12u1'));
    await put(
      '/var/lib/dpkg/status.d/tzdata.md5sums',
      'd41d8cd98f00b204e9800998ecf8427e  usr/share/zoneinfo/UTC\n',
    );
    await put(
      '/etc/os-release',
      'PRETTY_NAME="Distroless"\nNAME="Debian GNU/Linux"\nID="debian"\nVERSION_ID="12"\n',
    );
    const inv = await readInventory(comm, signal());
    expect(inv.os).toEqual({
      id: 'debian',
      versionId: '12',
      name: 'Debian GNU/Linux',
      prettyName: 'Distroless',
    });
    expect(inv.packages.map((p) => [p.name, p.version, p.source, p.description])).toEqual([
      ['libc6', '2.36-9+deb12u7', 'glibc', 'libc6 for the test'],
      ['tzdata', '2024a-0+deb12u1', undefined, 'tzdata for the test'],
    ]);
  });

  it('reads an Alpine apk database: names, versions, origins, licences, purls', async () => {
    await only({
      '/lib/apk/db/installed': join(FIX, 'apk-installed'),
      '/etc/os-release': join(FIX, 'alpine-os-release'),
    });
    const inv = await readInventory(comm, signal());
    expect(inv.os).toEqual({
      id: 'alpine',
      versionId: '3.20.1',
      name: 'Alpine Linux',
      prettyName: 'Alpine Linux v3.20',
    });
    const row = (p: InventoryPackage) =>
      [p.name, p.version, p.source ?? '', (p.licenses ?? []).join('|')].join(' ');
    expect(inv.packages.map(row)).toEqual([
      'alpine-baselayout-data 3.6.5-r0 alpine-baselayout GPL-2.0-only',
      'apk-tools 2.14.4-r0  GPL-2.0-only',
      'busybox 1.36.1-r29  GPL-2.0-only',
      'ca-certificates-bundle 20240226-r0 ca-certificates MPL-2.0 AND MIT',
      'libcrypto3 3.3.1-r0 openssl Apache-2.0',
      'musl 1.2.5-r0  MIT',
      'ssl_client 1.36.1-r29 busybox GPL-2.0-only',
      'tzdata 2024a-r1  Public-Domain',
      'zlib 1.3.1-r1  Zlib',
    ]);
    const ssl = inv.packages.find((p) => p.name === 'ssl_client')!;
    expect(ssl).toEqual({
      name: 'ssl_client',
      version: '1.36.1-r29',
      arch: 'x86_64',
      source: 'busybox',
      sourceVersion: '1.36.1-r29',
      ecosystem: 'apk',
      purl: 'pkg:apk/alpine/ssl_client@1.36.1-r29?arch=x86_64&distro=alpine-3.20.1&upstream=busybox',
      licenses: ['GPL-2.0-only'],
      maintainer: 'Sören Tempel <soeren+alpine@soeren-tempel.net>',
      description: 'EXternal ssl_client for busybox wget',
    });
    expect(inv.packages.find((p) => p.name === 'musl')!.purl).toBe(
      'pkg:apk/alpine/musl@1.2.5-r0?arch=x86_64&distro=alpine-3.20.1',
    );

    // Licences: an SPDX id, an expression, and text that is neither.
    const bom = JSON.parse(cyclonedxJson(inv, META));
    expect(
      await new Validation.JsonStrictValidator(Spec.Version.v1dot6).validate(JSON.stringify(bom)),
    ).toBeNull();
    const lic = (n: string) => bom.components.find((c: { name: string }) => c.name === n).licenses;
    expect(lic('musl')).toEqual([{ license: { id: 'MIT' } }]);
    expect(lic('ca-certificates-bundle')).toEqual([{ expression: 'MPL-2.0 AND MIT' }]);
    expect(lic('tzdata')).toEqual([{ license: { name: 'Public-Domain' } }]);
    expect(bom.components[0]).toMatchObject({ type: 'operating-system', name: 'alpine' });

    const spdx = validSpdx(spdxJson(inv, META));
    const declared = (n: string) => spdx.packages.find((p) => p.name === n)!.licenseDeclared;
    expect(declared('musl')).toBe('MIT');
    expect(declared('ca-certificates-bundle')).toBe('MPL-2.0 AND MIT');
    expect(declared('tzdata')).toBe('LicenseRef-Public-Domain');
    expect(spdx.hasExtractedLicensingInfos).toEqual([
      {
        licenseId: 'LicenseRef-Public-Domain',
        extractedText: 'Public-Domain',
        name: 'Public-Domain',
      },
    ]);
  });
});

describe('an rpm database', () => {
  // busybox's sh runs its own rpm applet whatever PATH says, so the stand-in rpm goes in a
  // Debian machine: which also shows that every database present is read.
  let comm: DockerCommunicator;

  beforeAll(async () => {
    const box = await docker.createContainer({
      Image: 'debian:bookworm',
      Cmd: ['sleep', 'infinity'],
    });
    cleanup.push(() => box.remove({ force: true }));
    await box.start();
    comm = new DockerCommunicator(docker, box, { fixUploadOwner: false });
  });

  it('reads an rpm database through rpm -qa (recorded output of the real rpm)', async () => {
    // The recording was made with this exact query format; a change to it needs a new one.
    expect(RPM_QUERY_FORMAT + '\n').toBe(readFileSync(join(FIX, 'rpm-qf.txt'), 'utf8'));
    // An rpm that only answers the recorded query: anything else fails the read.
    const fakeRpm = `#!/bin/sh
if [ "$1" = -qa ] && [ "$2" = --qf ] && [ "$3" = "$(cat /fixture/rpm-qf.txt)" ]; then cat /fixture/rpm-qa.txt; exit 0; fi
echo "unexpected rpm arguments: $*" >&2; exit 2
`;
    await comm.upload(join(FIX, 'rpm-qa.txt'), '/fixture/rpm-qa.txt', signal());
    await comm.upload(join(FIX, 'rpm-qf.txt'), '/fixture/rpm-qf.txt', signal());
    await comm.uploadContent(fakeRpm, '/usr/local/bin/rpm', 0o755, signal());
    await comm.uploadContent(
      'NAME="Fedora Linux"\nID=fedora\nVERSION_ID=40\nPRETTY_NAME="Fedora Linux 40 (Container Image)"\n',
      '/etc/os-release',
      0o644,
      signal(),
    );
    await comm.uploadContent('', '/var/lib/rpm/rpmdb.sqlite', 0o644, signal());

    const all = await readInventory(comm, signal());
    expect(all.os.id).toBe('fedora');
    // The Debian packages are read too.
    expect(all.packages.filter((p) => p.ecosystem === 'deb').length).toBeGreaterThan(80);
    const inv = { ...all, packages: all.packages.filter((p) => p.ecosystem === 'rpm') };
    expect(inv.packages).toEqual([
      {
        name: 'hello-tool',
        version: '2:2.12.1-3.fc40',
        arch: 'x86_64',
        ecosystem: 'rpm',
        purl: 'pkg:rpm/fedora/hello-tool@2.12.1-3.fc40?arch=x86_64&distro=fedora-40&epoch=2&upstream=hello-tool-2.12.1-3.fc40.src.rpm',
        licenses: ['GPL-3.0-or-later'],
        maintainer: 'Fedora Project',
        description: 'Prints a friendly greeting\t(with a tab)',
      },
      {
        name: 'hello-tool-libs',
        version: '2:2.12.1-3.fc40',
        arch: 'x86_64',
        source: 'hello-tool',
        sourceVersion: '2.12.1-3.fc40',
        ecosystem: 'rpm',
        purl: 'pkg:rpm/fedora/hello-tool-libs@2.12.1-3.fc40?arch=x86_64&distro=fedora-40&epoch=2&upstream=hello-tool-2.12.1-3.fc40.src.rpm',
        licenses: ['LGPLv2+ and MIT'],
        maintainer: 'Fedora Project',
        description: 'Shared library of hello-tool',
      },
      {
        name: 'tzdata-lite',
        version: '2024a-1.el9',
        arch: 'noarch',
        ecosystem: 'rpm',
        purl: 'pkg:rpm/fedora/tzdata-lite@2024a-1.el9?arch=noarch&distro=fedora-40&upstream=tzdata-lite-2024a-1.el9.src.rpm',
        licenses: ['Public Domain'],
        maintainer: 'Red Hat, Inc.',
        description: 'Timezone data',
      },
    ]);
    for (const p of inv.packages) expect(PackageURL.fromString(p.purl).toString()).toBe(p.purl);
    const spdx = validSpdx(spdxJson(inv, META));
    expect(spdx.packages.find((p) => p.name === 'hello-tool-libs')!.licenseDeclared).toBe(
      'LicenseRef-LGPLv2-and-MIT',
    );
    expect(
      await new Validation.JsonStrictValidator(Spec.Version.v1dot6).validate(
        cyclonedxJson(inv, META),
      ),
    ).toBeNull();
  });

  it('fails clearly when rpm cannot read its database', async () => {
    await comm.uploadContent(
      '#!/bin/sh\necho "error: cannot open Packages database" >&2\nexit 1\n',
      '/usr/local/bin/rpm',
      0o755,
      signal(),
    );
    await comm.uploadContent('', '/var/lib/rpm/rpmdb.sqlite', 0o644, signal());
    await expect(readInventory(comm, signal())).rejects.toThrow(
      'sbom: could not query the rpm database on the machine: the command exited with code 1: error: cannot open Packages database',
    );
  });
});

describe('SPDX licence expressions', () => {
  it.each([
    ['MIT', 'MIT'],
    ['gpl-2.0-only', 'GPL-2.0-only'],
    ['MIT AND (BSD-2-Clause OR Apache-2.0)', 'MIT AND (BSD-2-Clause OR Apache-2.0)'],
    [
      'GPL-2.0-or-later WITH Classpath-exception-2.0',
      'GPL-2.0-or-later WITH Classpath-exception-2.0',
    ],
    ['LicenseRef-Acme', 'LicenseRef-Acme'],
    ['GPL-2.0+', 'GPL-2.0+'],
  ])('%s is an expression', (text, want) => expect(spdxExpression(text)).toBe(want));
  it.each(['GPLv2+', 'LGPLv2+ and MIT', 'Public Domain', 'MIT AND', '(MIT', 'MIT OR OR BSD', ''])(
    '%s is not',
    (text) => expect(spdxExpression(text)).toBeUndefined(),
  );
});

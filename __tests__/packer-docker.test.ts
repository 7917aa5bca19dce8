/**
 * Packer templates built for real on the Docker engine: HashiCorp's own templates, run as
 * they are (the base image swapped for a local one by a variable where the template has one,
 * by replacing the image line in a copy where it does not), and Packer behaviours users rely
 * on: run_command, a directory uploaded to a destination that does not exist yet, a build
 * container whose command ends early.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventBus } from '../src/engine/events';
import { runPlan } from '../src/engine/run';
import { openSpec } from '../src/plugins/external';
import { resolvePlan, ResolveOptions } from '../src/spec/resolve';
import {
  docker,
  imageExists,
  imagesLeftByRun,
  pendingOf,
  requireDocker,
  runIn,
} from './helpers/docker';
import { tempProject } from './helpers/spec';

beforeAll(requireDocker);

const FIX = join(process.cwd(), '__tests__/fixtures/packer');

async function build(path: string, opts: ResolveOptions = {}) {
  const plan = resolvePlan(await openSpec(path), { env: {}, ...opts });
  const ledger = join(mkdtempSync(join(tmpdir(), 'bake-ledger-')), 'ledger.jsonl');
  const lines: string[] = [];
  const summary = await runPlan(plan, {
    parallelBuilds: 0,
    failFast: false,
    onError: 'cleanup',
    ledger,
    bus: new EventBus(),
    write: (t) => (process.env.BAKE_TEST_ECHO ? process.stdout.write(t) : lines.push(t)),
  });
  return { plan, summary, ledger, output: lines.join('') };
}

/** A copy of a fixture folder with the template's base image replaced by a local one. */
function withLocalImage(folder: string, file: string, from: RegExp, image: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'bake-packer-'));
  cpSync(join(FIX, folder), dir, { recursive: true });
  const p = join(dir, file);
  const text = readFileSync(p, 'utf8');
  const edited = text.replace(from, (m) => m.replace(/"[^"]*"$/, `"${image}"`));
  expect(edited).not.toBe(text);
  writeFileSync(p, edited);
  return p;
}

test("HashiCorp's example-variables.pkr.hcl builds as it is, the image given by --var", async () => {
  const since = Math.floor(Date.now() / 1000) - 1;
  const r = await build(join(FIX, 'learn-getting-started/example-variables.pkr.hcl'), {
    vars: { docker_image: 'debian:bookworm' },
  });
  const res = r.summary.results[0];
  try {
    expect(res.error).toBeUndefined();
    expect(res.status).toBe('succeeded');
    // The one image the run committed is its artifact (the engine's event log says so).
    expect(await imagesLeftByRun(r.summary.runUuid, since)).toEqual([res.artifact!.id]);
    expect(r.output).toContain('vanilla');
    const id = res.artifact!.id;
    expect(await imageExists(id)).toBe(true);
    // The provisioner wrote it into the image, in the container's working directory.
    expect((await runIn(id, ['cat', '/example.txt'])).out).toContain('FOO is hello world');
  } finally {
    if (res.artifact?.id) await docker.getImage(res.artifact.id).remove({ force: true });
  }
  expect(pendingOf(r.ledger)).toEqual([]);
});

test("packer-plugin-docker's fix_upload_owner: run_command -u 42, uploads owned by 42, inline as one string", async () => {
  const path = withLocalImage(
    'plugin-docker',
    'fix_upload_owner.pkr.hcl',
    /image\s*=\s*"ubuntu"/,
    'debian:bookworm',
  );
  const r = await build(path);
  const res = r.summary.results[0];
  expect(res.error).toBeUndefined();
  expect(res.status).toBe('succeeded');
  expect(pendingOf(r.ledger)).toEqual([]);
});

test("the same template's legacy JSON twin builds too", async () => {
  const path = withLocalImage(
    'plugin-docker',
    'fix_upload_owner.json',
    /"image":\s*"ubuntu"/,
    'debian:bookworm',
  );
  const r = await build(path);
  expect(r.summary.results[0].error).toBeUndefined();
  expect(r.summary.results[0].status).toBe('succeeded');
});

test("upload_download.json: a file up and back down, relative to the template's folder", async () => {
  const path = withLocalImage(
    'plugin-docker',
    'upload_download.json',
    /"image":\s*"ubuntu"/,
    'busybox:latest',
  );
  const r = await build(path);
  expect(r.summary.results[0].error).toBeUndefined();
  const down = join(path, '..', 'my-strawberry-cake');
  expect(existsSync(down)).toBe(true);
  expect(readFileSync(down, 'utf8')).toBe(
    readFileSync(join(FIX, 'plugin-docker/test-fixtures/onecakes/strawberry'), 'utf8'),
  );
});

test('a directory uploaded to a destination that does not exist yet becomes it, as in Packer; to one that exists, goes inside', async () => {
  const dir = tempProject({
    'helpers/install.sh': 'echo installed\n',
    'main.pkr.hcl': `source "docker" "app" {
  image   = "busybox:latest"
  discard = true
}
build {
  sources = ["source.docker.app"]
  provisioner "file" {
    source      = "helpers"
    destination = "/opt/img/helpers"
  }
  provisioner "shell" {
    inline = ["mkdir -p /srv/existing /srv/real", "ln -s /srv/real /srv/link"]
  }
  provisioner "file" {
    source      = "helpers"
    destination = "/srv/existing"
  }
  # A link to a directory is a directory, as test -d says.
  provisioner "file" {
    source      = "helpers"
    destination = "/srv/link"
  }
  provisioner "shell" {
    inline = ["ls /opt/img/helpers/install.sh /srv/existing/helpers/install.sh /srv/real/helpers/install.sh", "test ! -e /opt/img/helpers/helpers"]
  }
}
`,
  });
  const r = await build(join(dir, 'main.pkr.hcl'));
  expect(r.summary.results[0].error).toBeUndefined();
  expect(r.output).toContain('/opt/img/helpers/install.sh');
  expect(r.output).toContain('/srv/existing/helpers/install.sh');
  expect(r.output).toContain('/srv/real/helpers/install.sh');
});

test('a build container whose command exits at once is reported as such, not as an HTTP 409', async () => {
  const dir = tempProject({
    'main.pkr.hcl': `source "docker" "app" {
  image       = "busybox:latest"
  discard     = true
  run_command = ["-d", "{{ .Image }}", "sh", "-c", "echo bye; exit 3"]
}
build {
  sources = ["source.docker.app"]
  provisioner "shell" {
    inline = ["sleep 1"]
    pause_before = "1s"
  }
}
`,
  });
  const r = await build(join(dir, 'main.pkr.hcl'));
  const err = r.summary.results[0].error ?? '';
  expect(err).toMatch(
    /the build container has stopped: its command \(sh -c echo bye; exit 3\) exited with code 3/,
  );
  expect(err).toMatch(/bye/);
  expect(err).not.toMatch(/409/);
  expect(pendingOf(r.ledger)).toEqual([]);
});

test("learn-packer's more_complex directory: its null source (communicator none) runs its shell-local step as it is", async () => {
  const dir = join(FIX, 'learn-getting-started/more_complex');
  const r = await build(dir, {
    only: ['build.example-3'],
    varFiles: [join(dir, 'prod.pkrvars.hcl')],
  });
  expect(r.summary.results.map((x) => [x.name, x.status, x.error])).toEqual([
    ['build.example-3', 'succeeded', undefined],
  ]);
  expect(r.output).toContain('welcome to Packer!');
});

test("shell-local runs through its execute_command; after the null builder the post-processors run too, as Packer's null artifact lets them", async () => {
  const dir = tempProject({
    'main.pkr.hcl': `source "null" "n" {
  communicator = "none"
}
build {
  sources = ["source.null.n"]
  provisioner "shell-local" {
    execute_command  = ["/bin/sh", "-c", "echo CUSTOM-EXEC; {{.Vars}} {{.Script}}"]
    environment_vars = ["GREETING=hi p$&q"]
    inline           = ["echo \\"inline says $GREETING\\""]
  }
  post-processor "manifest" {
    output = "manifest.json"
  }
  post-processor "shell-local" {
    inline = ["echo pp-ran > pp.txt"]
  }
}
`,
  });
  const r = await build(join(dir, 'main.pkr.hcl'));
  const [res] = r.summary.results;
  expect([res.status, res.error]).toEqual(['succeeded', undefined]);
  expect(r.output).toContain('CUSTOM-EXEC');
  expect(r.output).toContain('inline says hi p$&q');
  expect(readFileSync(join(dir, 'pp.txt'), 'utf8')).toBe('pp-ran\n');
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
    builds: { name: string; builder_type: string; artifact_id: string }[];
  };
  expect(manifest.builds.map((b) => [b.name, b.builder_type, b.artifact_id])).toEqual([
    ['n', 'null', ''],
  ]);
  // Nothing was made: no artifact in the result.
  expect(res.artifact).toBeUndefined();
});

test('docker-save: the result is the file it wrote, and the image it replaced is removed and says so', async () => {
  const dir = tempProject({
    'main.pkr.hcl': `source "docker" "app" {\n  image  = "busybox:latest"\n  commit = true\n}\nbuild {\n  sources = ["source.docker.app"]\n  post-processor "docker-save" {\n    path = "out/app.tar"\n  }\n}\n`,
  });
  const r = await build(join(dir, 'main.pkr.hcl'));
  const a = r.summary.results[0].artifact!;
  const tar = join(dir, 'out/app.tar');
  expect(a).toMatchObject({ id: tar, files: [tar], description: `image saved to ${tar}` });
  expect(existsSync(tar)).toBe(true);
  const removed = /removed (sha256:[0-9a-f]+): the post-processors replaced it/.exec(r.output);
  expect(removed).not.toBeNull();
  expect(await imageExists(removed![1])).toBe(false);
});

test('a shell-local post-processor runs here with the artifact it is handed, and hands it on', async () => {
  const dir = tempProject({
    'main.pkr.hcl': `source "docker" "app" {\n  image  = "busybox:latest"\n  commit = true\n}\nbuild {\n  sources = ["source.docker.app"]\n  post-processors {\n    post-processor "shell-local" {\n      inline = "echo \\"made $BAKE_ARTIFACT_ID\\" > made.txt"\n    }\n    post-processor "manifest" {\n      output = "manifest.json"\n    }\n  }\n}\n`,
  });
  const r = await build(join(dir, 'main.pkr.hcl'));
  const id = r.summary.results[0].artifact?.id ?? '';
  try {
    expect(r.summary.results[0].error).toBeUndefined();
    expect(id).toMatch(/^sha256:/);
    expect(readFileSync(join(dir, 'made.txt'), 'utf8')).toBe(`made ${id}\n`);
    expect(readFileSync(join(dir, 'manifest.json'), 'utf8')).toContain(id);
  } finally {
    if (id) await docker.getImage(id).remove({ force: true });
  }
});

test("shell's env_var_format and use_env_var_file, as in Packer", async () => {
  const dir = tempProject({
    'main.pkr.hcl': `source "docker" "app" {
  image   = "busybox:latest"
  discard = true
}
build {
  sources = ["source.docker.app"]
  provisioner "shell" {
    environment_vars = ["GREETING=it's me", "N=1"]
    env_var_format   = "%s='%s' "
    inline           = ["echo \\"fmt: $GREETING/$N\\""]
  }
  provisioner "shell" {
    environment_vars = ["GREETING=from a file"]
    use_env_var_file = true
    inline           = ["echo \\"file: $GREETING\\"", "ls /tmp/bake-vars-* 2>/dev/null | wc -l"]
  }
  provisioner "shell" {
    inline = ["echo \\"left: $(ls /tmp/bake-vars-* 2>/dev/null | wc -l)\\""]
  }
}
`,
  });
  const r = await build(join(dir, 'main.pkr.hcl'));
  expect(r.summary.results[0].error).toBeUndefined();
  expect(r.output).toContain("fmt: it's me/1");
  expect(r.output).toContain('file: from a file');
  // The file is there while the script runs and removed after it.
  expect(r.output).toMatch(/\| 1\n/);
  expect(r.output).toContain('left: 0');
});

test("environment values with $$, $& or $' in them (a password) reach the script as written", async () => {
  const env = `environment_vars = ["A=x$$y", "B=p$&q", "C=m$'n"]`;
  const show = `inline = ["echo \\"[$A] [$B] [$C]\\""]`;
  const dir = tempProject({
    'main.pkr.hcl': `source "docker" "app" {
  image   = "busybox:latest"
  discard = true
}
build {
  sources = ["source.docker.app"]
  provisioner "shell" {
    ${env}
    ${show}
  }
  provisioner "shell" {
    ${env}
    env_var_format = "%s='%s' "
    ${show}
  }
  provisioner "shell" {
    ${env}
    use_env_var_file = true
    ${show}
  }
}
`,
  });
  const r = await build(join(dir, 'main.pkr.hcl'));
  expect(r.summary.results[0].error).toBeUndefined();
  const lines = r.output.split('\n').filter((l) => l.includes('[x'));
  expect(lines.map((l) => l.replace(/^.*\| /, ''))).toEqual(Array(3).fill("[x$$y] [p$&q] [m$'n]"));
});

test('docker-import: the exported filesystem becomes an image, with its changes', async () => {
  const dir = tempProject({
    'main.pkr.hcl': `source "docker" "app" {\n  image       = "busybox:latest"\n  export_path = "out/fs.tar"\n}\nbuild {\n  sources = ["source.docker.app"]\n  provisioner "shell" {\n    inline = ["echo imported > /marker"]\n  }\n  post-processor "docker-import" {\n    repository = "bake-test/imported"\n    tag        = "${'${'}uuidv4()}"\n    changes    = ["CMD [\\"cat\\", \\"/marker\\"]"]\n  }\n}\n`,
  });
  const r = await build(join(dir, 'main.pkr.hcl'));
  const a = r.summary.results[0].artifact;
  try {
    expect(r.summary.results[0].error).toBeUndefined();
    expect(a?.id).toMatch(/^sha256:/);
    expect(a?.tags?.[0]).toMatch(/^bake-test\/imported:[0-9a-f-]{36}$/);
    expect((await runIn(a!.id)).out).toContain('imported');
    expect(pendingOf(r.ledger)).toEqual([]);
  } finally {
    if (a?.id) await docker.getImage(a.id).remove({ force: true });
  }
});

test("build.ID, build.PackerRunUUID and build.ConnType are the running build's; packer.version is bake's", async () => {
  const dir = tempProject({
    'main.pkr.hcl': `source "docker" "app" {
  image  = "busybox:latest"
  commit = true
}
build {
  sources = ["source.docker.app"]
  provisioner "shell" {
    inline = ["echo '\${build.ID} \${build.PackerRunUUID} \${build.ConnType} \${packer.version}' > /built-by"]
  }
  post-processor "shell-local" {
    inline = ["echo '\${build.ID}' > id.txt"]
  }
}
`,
  });
  const r = await build(join(dir, 'main.pkr.hcl'));
  const res = r.summary.results[0];
  const id = res.artifact?.id ?? '';
  try {
    expect(res.error).toBeUndefined();
    const [container, run, conn, version] = (await runIn(id, ['cat', '/built-by'])).out
      .trim()
      .split(' ');
    expect(container).toMatch(/^[0-9a-f]{64}$/);
    expect(run).toBe(r.summary.runUuid);
    expect(conn).toBe('docker');
    expect(version).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
    // The post-processor sees the same build.
    expect(readFileSync(join(dir, 'id.txt'), 'utf8').trim()).toBe(container);
  } finally {
    if (id) await docker.getImage(id).remove({ force: true });
  }
  expect(pendingOf(r.ledger)).toEqual([]);
});

test('dynamic "source" and dynamic "provisioner" in a build: each instance is built, each step runs with its element', async () => {
  const dir = tempProject({
    'main.pkr.hcl': `variable "bases" {
  default = { busy = "busybox:latest", deb = "debian:bookworm" }
}
variable "files" {
  default = ["a", "b"]
}
source "docker" "app" {
  image  = "busybox:latest"
  commit = true
}
build {
  dynamic "source" {
    for_each = var.bases
    labels   = ["source.docker.app"]
    content {
      name  = "app-\${source.key}"
      image = source.value
    }
  }
  dynamic "provisioner" {
    for_each = var.files
    iterator = f
    labels   = ["shell"]
    content {
      inline = ["echo '\${f.key} \${source.name}' > /\${f.value}"]
    }
  }
}
`,
  });
  const r = await build(join(dir, 'main.pkr.hcl'));
  const ids = r.summary.results.map((x) => x.artifact?.id ?? '');
  try {
    expect(r.summary.results.map((x) => [x.name, x.status, x.error])).toEqual([
      ['build.app-busy', 'succeeded', undefined],
      ['build.app-deb', 'succeeded', undefined],
    ]);
    const [busy, deb] = ids;
    // (a TTY's output: its lines end in \r\n)
    const lines = async (id: string, cmd: string[]) =>
      (await runIn(id, cmd)).out.split(/\r?\n/).filter(Boolean);
    expect(await lines(busy, ['cat', '/a', '/b'])).toEqual(['0 app-busy', '1 app-busy']);
    expect(await lines(deb, ['cat', '/a', '/b'])).toEqual(['0 app-deb', '1 app-deb']);
    // Each was built from its own base image.
    expect((await runIn(deb, ['cat', '/etc/debian_version'])).out).toMatch(/^12\./);
    expect(await lines(busy, ['sh', '-c', 'test -e /etc/debian_version || echo none'])).toEqual([
      'none',
    ]);
  } finally {
    for (const id of ids) if (id) await docker.getImage(id).remove({ force: true });
  }
  expect(pendingOf(r.ledger)).toEqual([]);
});

test('a build field the builder does not give stops the step that uses it, and says what there is', async () => {
  const dir = tempProject({
    'main.pkr.hcl': `source "docker" "app" {
  image   = "busybox:latest"
  discard = true
}
build {
  sources = ["source.docker.app"]
  provisioner "shell" {
    inline = ["echo \${build.SourceAMI}"]
  }
}
`,
  });
  const r = await build(join(dir, 'main.pkr.hcl'));
  const res = r.summary.results[0];
  expect(res.status).toBe('failed');
  expect(res.error).toBe(
    `shell (${join(dir, 'main.pkr.hcl')}:7:3) uses build.SourceAMI, which the docker builder does not give`,
  );
  expect(res.hint).toMatch(/^it gives: .*build\.ID.*build\.PackerRunUUID/);
  expect(pendingOf(r.ledger)).toEqual([]);
});

test('artifice: a file the build downloaded becomes the artifact; the image goes, as in Packer; the next post-processor takes the file', async () => {
  const dir = tempProject({
    'main.pkr.hcl': `source "docker" "app" {
  image  = "busybox:latest"
  commit = true
}
build {
  sources = ["source.docker.app"]
  provisioner "shell" {
    inline = ["echo 'built inside' > /tmp/report.txt"]
  }
  provisioner "file" {
    direction   = "download"
    source      = "/tmp/report.txt"
    destination = "out/report.txt"
  }
  post-processors {
    post-processor "artifice" {
      files = ["out/report.txt"]
    }
    post-processor "checksum" {
      output = "out/report.sha256"
    }
  }
}
`,
  });
  const r = await build(join(dir, 'main.pkr.hcl'));
  const res = r.summary.results[0];
  expect(res.error).toBeUndefined();
  const file = join(dir, 'out/report.txt');
  expect(readFileSync(file, 'utf8')).toBe('built inside\n');
  expect(res.artifact?.files).toEqual([file, join(dir, 'out/report.sha256')]);
  expect(readFileSync(join(dir, 'out/report.sha256'), 'utf8')).toMatch(
    /^[0-9a-f]{64}\treport\.txt\n$/,
  );
  // The committed image was the input artifact, and artifice replaced it.
  expect(r.output).toMatch(/removed sha256:[0-9a-f]{64}: the post-processors replaced it/);
  const gone = /removed (sha256:[0-9a-f]{64})/.exec(r.output)![1];
  expect(await imageExists(gone)).toBe(false);
  expect(pendingOf(r.ledger)).toEqual([]);
});

test('artifice: a file that is not there fails the chain and says which, and where it should come from', async () => {
  const dir = tempProject({
    'main.pkr.hcl': `source "docker" "app" {
  image   = "busybox:latest"
  commit  = true
}
build {
  sources = ["source.docker.app"]
  post-processor "artifice" {
    files = ["out/missing.txt"]
  }
}
`,
  });
  const r = await build(join(dir, 'main.pkr.hcl'));
  const res = r.summary.results[0];
  try {
    expect(res.status).toBe('failed');
    expect(res.error).toBe(`artifice: ${join(dir, 'out/missing.txt')} does not exist`);
    expect(res.hint).toMatch(/^files\[0\] at .*main\.pkr\.hcl:7:3: a provisioner/);
    // As with any failed chain, the image the build made is kept, and reported.
    expect(res.artifact?.id).toMatch(/^sha256:/);
    expect(await imageExists(res.artifact!.id)).toBe(true);
    expect(pendingOf(r.ledger)).toEqual([]);
  } finally {
    if (res.artifact?.id) await docker.getImage(res.artifact.id).remove({ force: true });
  }
});

describe('ansible-local: the playbook runs on the machine itself', () => {
  // The machine gets this runner's Ansible (Debian's, for the same Debian) through a mount.
  const ansible = `  volumes = {
    "/usr/lib/python3/dist-packages" = "/usr/lib/python3/dist-packages"
    "/usr/bin/ansible-playbook"      = "/usr/bin/ansible-playbook"
  }`;
  test('playbook, playbook_dir, role_paths, group_vars and groups are staged and used; the stage is cleaned', async () => {
    const dir = tempProject({
      'main.pkr.hcl': `source "docker" "app" {
  image  = "debian:bookworm"
  commit = true
${ansible}
}
build {
  sources = ["source.docker.app"]
  provisioner "ansible-local" {
    playbook_file           = "site.yml"
    playbook_dir            = "extra"
    role_paths              = ["roles/motd"]
    group_vars              = "group_vars"
    inventory_groups        = ["web"]
    extra_arguments         = ["-e", "{\\"greeting\\": \\"hello there\\"}"]
    staging_directory       = "/tmp/stage"
    clean_staging_directory = true
  }
}
`,
      'site.yml': `- hosts: web
  gather_facts: false
  roles: [motd]
  tasks:
    - copy:
        dest: /etc/built-by
        content: "{{ packer_build_name }} {{ packer_builder_type }} {{ greeting }} {{ tier }} {{ lookup('file', 'notes.txt') }}\\n"
`,
      'extra/notes.txt': 'from playbook_dir',
      'roles/motd/tasks/main.yml': `- copy:\n    dest: /etc/motd\n    content: "baked by a role\\n"\n`,
      'group_vars/web.yml': 'tier: frontend\n',
    });
    const r = await build(join(dir, 'main.pkr.hcl'));
    const res = r.summary.results[0];
    const id = res.artifact?.id ?? '';
    try {
      expect(res.error).toBeUndefined();
      expect(r.output).toContain('running site.yml on the machine');
      // (a terminal's line ends: runIn reads the container's output through a TTY)
      const cat = async (f: string) => (await runIn(id, ['cat', f])).out.replace(/\r\n/g, '\n');
      expect(await cat('/etc/built-by')).toBe(
        'app docker hello there frontend from playbook_dir\n',
      );
      expect(await cat('/etc/motd')).toBe('baked by a role\n');
      expect(
        (await runIn(id, ['sh', '-c', 'test -e /tmp/stage && echo left || echo gone'])).out.trim(),
      ).toBe('gone');
    } finally {
      if (id) await docker.getImage(id).remove({ force: true });
    }
    expect(pendingOf(r.ledger)).toEqual([]);
  });
  test('a failing task fails the step with its output; a missing playbook is an error before', async () => {
    const dir = tempProject({
      'main.pkr.hcl': `source "docker" "app" {
  image   = "debian:bookworm"
  discard = true
${ansible}
}
build {
  sources = ["source.docker.app"]
  provisioner "ansible-local" {
    playbook_file = "fail.yml"
  }
}
`,
      'fail.yml': `- hosts: all\n  gather_facts: false\n  tasks:\n    - fail:\n        msg: the task says no\n`,
    });
    const r = await build(join(dir, 'main.pkr.hcl'));
    const res = r.summary.results[0];
    expect(res.status).toBe('failed');
    expect(res.error).toBe('ansible-local: fail.yml exited with code 2');
    expect(res.tail?.join('\n')).toContain('the task says no');
    expect(pendingOf(r.ledger)).toEqual([]);
  });
});

/**
 * Packer templates run as they are: HCL2 files, directories of them with var files, and
 * legacy JSON templates, read into the same spec the YAML loader makes, with positions.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { AddressInfo, createServer } from 'node:net';
import { join } from 'node:path';
import { convertTemplate } from '../src/packer/convert';
import { builtInRegistry } from '../src/plugins/registry';
import { openSpec } from '../src/plugins/external';
import { resolvePlan, resolvePlanWithData, ResolveOptions } from '../src/spec/resolve';
import { Problem, SpecError } from '../src/spec/errors';
import { problemsOf, tempProject } from './helpers/spec';
import { redact } from '../src/util/redact';
import { showLateFields } from '../src/spec/late';

const FIX = join(process.cwd(), '__tests__/fixtures/packer');

// As the CLI and the action resolve a plan: with the answers of the services it reads.
async function planOfPath(path: string, opts: ResolveOptions = {}) {
  return resolvePlanWithData(await openSpec(path), { env: {}, ...opts });
}

async function problemsOfPath(path: string, opts: ResolveOptions = {}): Promise<Problem[]> {
  try {
    await planOfPath(path, opts);
  } catch (e) {
    if (e instanceof SpecError) return e.problems;
    throw e;
  }
  throw new Error(`expected ${path} to be rejected`);
}

async function planOfHcl(
  files: Record<string, string>,
  name = 'main.pkr.hcl',
  opts: ResolveOptions = {},
) {
  const dir = tempProject(files);
  return planOfPath(join(dir, name), opts);
}

/** What bake convert writes for a template (beside it, as bake.yml, with no TODOs), and its plan. */
async function convertedPlan(dir: string, name = 'main.pkr.hcl') {
  const { yaml, todos } = await convertTemplate(join(dir, name), builtInRegistry(), dir);
  expect(todos).toEqual([]);
  writeFileSync(join(dir, 'bake.yml'), yaml);
  return { yaml, plan: resolvePlan(await openSpec(join(dir, 'bake.yml')), { env: {} }) };
}

async function problemsOfHcl(
  files: Record<string, string>,
  name = 'main.pkr.hcl',
  opts: ResolveOptions = {},
) {
  const dir = tempProject(files);
  return { dir, problems: await problemsOfPath(join(dir, name), opts) };
}

describe('a file that is not a spec is an error, not an empty success', () => {
  test('a .pkr.hcl named as YAML (its top level is a string) says what it looks like', () => {
    const hcl = `source "docker" "x" {\n  image = "debian:bookworm"\n}\nbuild {\n  sources = ["source.docker.x"]\n  provisioner "shell" { inline = ["echo \${var.x}"] }\n}\n`;
    const [p, ...rest] = problemsOf(hcl);
    expect(rest).toEqual([]);
    expect(p.message).toMatch(/is not a spec: its top level is a string/);
    expect(p.hint).toMatch(/Packer HCL template: name it \*\.pkr\.hcl/);
    expect(p.pos).toMatchObject({ line: 1, col: 1 });
  });
  test('a YAML list or a number at the top level', () => {
    expect(problemsOf('- a\n- b\n')[0].message).toMatch(/top level is a list/);
    expect(problemsOf('42\n')[0].message).toMatch(/top level is the number 42/);
  });
  test('a spec with no sources and no builds builds nothing, and says so', () => {
    const ps = problemsOf('sources: {}\nbuilds: {}\n');
    expect(ps.map((p) => p.message)).toEqual([
      'the spec has no sources, so it would build nothing',
      'the spec has no builds, so it would build nothing',
    ]);
    expect(ps[1].pos).toMatchObject({ line: 2, col: 1 });
  });
});

describe("Packer's {{ }} in a bake.yml is an error with the expression to write", () => {
  const spec = (value: string, key = 'ami_name') => `sources:
  app:
    type: docker
    image: debian:bookworm
builds:
  main:
    sources: [app]
    provisioners:
      - type: shell
        ${key}: [${JSON.stringify(value)}]
`;
  test.each([
    ['app-{{timestamp}}', '${regex_replace(timestamp(), "[- TZ:]", "")}'],
    ['{{isotime "2006-01-02"}}', '${legacy_isotime("2006-01-02")}'],
    ['{{ uuid }}', '${uuidv4()}'],
    ['{{user `region`}}', '${var.region}'],
    ['{{env `HOME`}}', '${env("HOME")}'],
    ['{{build_name}}', '${source.name}'],
    ['{{build_type}}', '${source.type}'],
    ['{{template_dir}}/x', '${path.root}'],
    ['{{ .SourceAMI }}', '${build.SourceAMI}'],
    [
      '{{aws_secretsmanager `ci/registry` `password`}}',
      '${aws_secretsmanager("ci/registry", "password")}',
    ],
    [
      '{{timestamp | clean_resource_name}}',
      '${clean_resource_name(regex_replace(timestamp(), "[- TZ:]", ""))}',
    ],
  ])('%s', (value, fix) => {
    const ps = problemsOf(spec(value, 'inline'));
    expect(ps).toHaveLength(1);
    expect(ps[0].message).toMatch(/is Packer's template syntax, which bake does not expand/);
    expect(ps[0].hint).toBe(`write ${fix} instead`);
    expect(ps[0].pos).toMatchObject({ line: 10 });
  });
  test('other {{ }} is text (a docker --format in a command), and execute_command fills its own', () => {
    const ok = `sources:
  app: {type: docker, image: debian:bookworm}
builds:
  main:
    sources: [app]
    provisioners:
      - type: shell
        inline: ["docker inspect --format '{{.Id}}' x || true"]
        execute_command: "sudo sh -c '{{.Vars}} {{.Path}}'"
`;
    const dir = tempProject({ 'bake.yml': ok });
    return expect(planOfPath(join(dir, 'bake.yml'))).resolves.toBeTruthy();
  });
  test('a field filled only in execute_command is an error elsewhere', () => {
    const ps = problemsOf(spec('{{.Path}}', 'inline'));
    expect(ps[0].hint).toMatch(/filled in only in execute_command/);
  });
});

describe('HCL2 templates run as they are', () => {
  test("HashiCorp's getting-started template: one docker source, one build", async () => {
    const plan = await planOfPath(join(FIX, 'learn-getting-started/example.pkr.hcl'));
    expect(plan.instances.map((i) => [i.name, i.type, i.config])).toEqual([
      ['build.example', 'docker', { image: 'ubuntu:xenial', commit: true }],
    ]);
  });
  test('variables with defaults, set from the command line: the base image swapped for a local one', async () => {
    const path = join(FIX, 'learn-getting-started/example-variables.pkr.hcl');
    const plan = await planOfPath(path, { vars: { docker_image: 'debian:bookworm' } });
    const i = plan.instances[0];
    expect(i.config.image).toBe('debian:bookworm');
    expect(i.provisioners[0].config.inline).toEqual([
      'echo Adding file to Docker Container',
      'echo "FOO is $FOO" > example.txt',
      'echo vanilla',
    ]);
    expect(plan.variables.map((v) => [v.name, v.value, v.source])).toEqual([
      ['ice_cream', 'vanilla', 'default'],
      ['docker_image', 'debian:bookworm', '--var docker_image'],
    ]);
  });
  test('two sources of one build keep the order the build lists them in', async () => {
    const plan = await planOfPath(join(FIX, 'learn-getting-started/example-parallel.pkr.hcl'));
    expect(plan.instances.map((i) => i.name)).toEqual(['build.example-bionic', 'build.example']);
  });
  test('a post-processor that bake lacks is an error at its block', async () => {
    const ps = await problemsOfPath(
      join(FIX, 'learn-getting-started/example-post-processors.pkr.hcl'),
    );
    // bake has vagrant (for VM disks) but not vagrant-cloud.
    expect(ps.map((p) => [p.message, p.pos?.line, p.pos?.col])).toEqual([
      ['unknown post-processor type "vagrant-cloud"', 39, 5],
    ]);
  });
  test('provisioners of different types keep their order; post-processor chains keep theirs', async () => {
    const plan = await planOfHcl({
      'main.pkr.hcl': `source "docker" "app" {
  image  = "debian:bookworm"
  commit = true
}
build {
  name    = "img"
  sources = ["source.docker.app"]
  provisioner "shell" {
    inline = "echo one"
  }
  provisioner "file" {
    content     = "x"
    destination = "/tmp/x"
  }
  provisioner "shell" {
    inline = ["echo three"]
  }
  post-processor "manifest" {
    output = "m.json"
  }
  post-processors {
    post-processor "docker-tag" {
      repository = "local/app"
      tags       = ["a"]
    }
    post-processor "docker-save" {
      path = "app.tar"
    }
  }
}
`,
    });
    const i = plan.instances[0];
    expect(i.name).toBe('img.app');
    expect(i.provisioners.map((p) => [p.type, p.at?.replace(/^.*:(\d+):(\d+)$/, '$1:$2')])).toEqual(
      [
        ['shell', '8:3'],
        ['file', '11:3'],
        ['shell', '15:3'],
      ],
    );
    expect(i.provisioners[0].config.inline).toBe('echo one');
    expect(i.postProcessors.map((c) => c.map((p) => p.type))).toEqual([
      ['manifest'],
      ['docker-tag', 'docker-save'],
    ]);
  });
  test('locals, variables with types, validation and expressions are read as HCL writes them', async () => {
    const plan = await planOfHcl({
      'main.pkr.hcl': `variable "tags" {
  type    = map(string)
  default = { team = "img" }
}
variable "n" {
  type    = number
  default = 3
  validation {
    condition     = var.n > 0
    error_message = "n must be positive."
  }
}
locals {
  name = "app-\${var.n}"
  big  = var.n > 2 ? "big" : "small"
}
source "docker" "app" {
  image   = "debian:bookworm"
  commit  = true
  changes = ["LABEL team=\${var.tags["team"]}", "ENV SIZE=\${local.big}"]
}
build {
  sources = ["docker.app"]
}
`,
    });
    expect(plan.locals).toEqual({ name: 'app-3', big: 'big' });
    expect(plan.instances[0].config.changes).toEqual(['LABEL team=img', 'ENV SIZE=big']);
    const { problems } = await problemsOfHcl(
      {
        'main.pkr.hcl': `variable "n" {
  type = number
  validation {
    condition     = var.n > 0
    error_message = "n must be positive."
  }
}
source "docker" "app" {
  image = "debian:bookworm"
}
build {
  sources = ["source.docker.app"]
}
`,
      },
      'main.pkr.hcl',
      { vars: { n: '-1' } },
    );
    expect(problems.map((p) => p.message)).toEqual([
      'variable "n" = -1 is invalid: n must be positive.',
    ]);
  });
});

describe('a directory of templates is read together, with its var files', () => {
  const dir = join(FIX, 'learn-getting-started/more_complex');
  test('sources in one file, the build in another; a var file named on the command line', async () => {
    const plan = await planOfPath(dir, { varFiles: [join(dir, 'dev.pkrvars.hcl')] });
    expect(plan.variables.map((v) => [v.name, v.value, v.source])).toEqual([
      ['flavor', 'chocolate', `var file ${join(dir, 'dev.pkrvars.hcl')}`],
    ]);
    expect(plan.instances.map((i) => [i.name, i.type, i.provisioners.map((p) => p.type)])).toEqual([
      ['build.example-2', 'docker', ['shell', 'shell-local']],
      ['build.example', 'docker', ['shell', 'shell-local']],
      // except = ["null.example-3"] names it as TYPE.NAME; communicator "none" needs no host.
      ['build.example-3', 'null', ['shell-local']],
    ]);
    expect(plan.instances[0].provisioners[0].config.environment_vars).toEqual(['FLAVOR=chocolate']);
  });
  test('an auto var file is read, and a named one overrides it; a bad one is an error at its line', async () => {
    const files = {
      'sources.pkr.hcl': `source "docker" "app" {\n  image  = var.image\n  commit = true\n}\n`,
      'vars.pkr.hcl': `variable "image" {\n  type = string\n}\nvariable "tags" {\n  type    = list(string)\n  default = []\n}\n`,
      'build.pkr.hcl': `build {\n  sources = ["source.docker.app"]\n  post-processor "docker-tag" {\n    repository = "local/app"\n    tags       = var.tags\n  }\n}\n`,
      'a.auto.pkrvars.hcl': `image = "busybox:latest"\ntags = ["one", "two"] # a comment\n`,
      'prod.pkrvars.hcl': `image = <<EOT\ndebian:bookworm\nEOT\n`,
      'bad.pkrvars.hcl': `image = "x"\ntags = [var.x]\n`,
    };
    const d = tempProject(files);
    const auto = await planOfPath(d);
    expect(auto.instances[0].config.image).toBe('busybox:latest');
    expect(auto.instances[0].postProcessors[0][0].config.tags).toEqual(['one', 'two']);
    const prod = await planOfPath(d, { varFiles: [join(d, 'prod.pkrvars.hcl')] });
    expect(prod.instances[0].config.image).toBe('debian:bookworm\n');
    const ps = await problemsOfPath(d, { varFiles: [join(d, 'bad.pkrvars.hcl')] });
    expect(ps).toHaveLength(1);
    expect(ps[0].message).toMatch(/tags: a var file holds values only/);
    expect(ps[0].pos).toMatchObject({ line: 2, col: 9 });
  });
});

describe('what cannot be mapped is an error at its line', () => {
  const base = `source "docker" "app" {\n  image = "debian:bookworm"\n}\n`;
  test.each([
    [
      'a syntax error',
      `source "docker" "app" {\n  image = \n}\n`,
      2,
      /invalid HCL: Invalid expression/,
    ],
    [
      'an unknown setting of a builder',
      `source "docker" "app" {\n  image = "debian:bookworm"\n  imagee = "x"\n}\nbuild {\n  sources = ["source.docker.app"]\n}\n`,
      3,
      /unknown key "imagee"/,
    ],
    [
      'an unknown block at the top',
      `${base}sourc "docker" "b" {\n}\nbuild {\n  sources = ["source.docker.app"]\n}\n`,
      4,
      /unknown block "sourc"/,
    ],
    [
      'a source the build does not define',
      `${base}build {\n  sources = ["source.docker.nope"]\n}\n`,
      5,
      /uses source "docker.nope", which is not defined/,
    ],
    [
      'a dynamic block without content',
      `source "amazon-ebs" "vm" {\n  region = "eu-west-1"\n  dynamic "launch_block_device_mappings" {\n    for_each = [1]\n  }\n}\nbuild {\n  sources = ["source.amazon-ebs.vm"]\n}\n`,
      3,
      /^dynamic "launch_block_device_mappings": it takes one content block, not 0$/,
    ],
    [
      'a dynamic "source" in a build without labels',
      `${base}build {\n  dynamic "source" {\n    for_each = ["a", "b"]\n    content {\n      name = source.value\n    }\n  }\n}\n`,
      5,
      /^dynamic "source": labels is missing: it names the source$/,
    ],
    [
      'a dynamic "error-cleanup-provisioner"',
      `${base}build {\n  sources = ["source.docker.app"]\n  dynamic "error-cleanup-provisioner" {\n    for_each = ["a", "b"]\n    labels   = ["shell"]\n    content {\n      inline = ["x"]\n    }\n  }\n}\n`,
      6,
      /^dynamic "error-cleanup-provisioner" in a build block: a build has one error-cleanup-provisioner, and a dynamic block makes several$/,
    ],
    [
      'a dynamic block for a setting that takes one block',
      `source "amazon-ebs" "vm" {\n  region = "eu-west-1"\n  dynamic "assume_role" {\n    for_each = [1]\n    content {\n      role_arn = "x"\n    }\n  }\n}\nbuild {\n  sources = ["source.amazon-ebs.vm"]\n}\n`,
      3,
      /^dynamic "assume_role": assume_role takes one block, and a dynamic block makes a list$/,
    ],
    [
      'an ansible setting bake refuses, with why',
      `${base}build {\n  sources = ["source.docker.app"]\n  provisioner "ansible" {\n    playbook_file       = "main.pkr.hcl"\n    inventory_directory = "inv"\n  }\n}\n`,
      8,
      /^inventory_directory is not supported: bake writes the inventory for the machine being built/,
    ],
    [
      'ansible sftp_command on a Docker build, which Ansible reaches without sftp',
      `${base}build {\n  sources = ["source.docker.app"]\n  provisioner "ansible" {\n    playbook_file = "main.pkr.hcl"\n    sftp_command  = "/usr/lib/sftp-server -e"\n  }\n}\n`,
      8,
      /^sftp_command is for a machine reached over SSH; Ansible reaches a Docker build through the docker connection$/,
    ],
    [
      'ansible-local without a playbook',
      `${base}build {\n  sources = ["source.docker.app"]\n  provisioner "ansible-local" {\n    command = "ansible-playbook"\n  }\n}\n`,
      6,
      /^ansible-local needs playbook_file or playbook_files$/,
    ],
    [
      'ansible-local with galaxy_file, with what to do instead',
      `${base}build {\n  sources = ["source.docker.app"]\n  provisioner "ansible-local" {\n    playbook_file = "main.pkr.hcl"\n    galaxy_file   = "requirements.yml"\n  }\n}\n`,
      8,
      /^galaxy_file is not supported: ansible-galaxy is not run on the machine by bake/,
    ],
    [
      'hcp_packer_registry',
      `${base}build {\n  sources = ["source.docker.app"]\n  hcp_packer_registry {\n    bucket_name = "x"\n  }\n}\n`,
      6,
      /hcp_packer_registry is not supported/,
    ],
  ])('%s', async (_what, text, line, message) => {
    const { dir, problems } = await problemsOfHcl({ 'main.pkr.hcl': text });
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toMatch(message);
    expect(problems[0].pos?.line).toBe(line);
    expect(problems[0].pos?.file).toBe(join(dir, 'main.pkr.hcl'));
  });
});

test("a manifest without output writes Packer's packer-manifest.json", async () => {
  const plan = await planOfHcl({
    'main.pkr.hcl': `source "docker" "x" {\n  image   = "busybox:latest"\n  discard = true\n}\nbuild {\n  sources = ["source.docker.x"]\n  post-processor "manifest" {}\n}\n`,
  });
  expect(plan.instances[0].postProcessors[0][0].config.output).toBe('packer-manifest.json');
});

test('a legacy template with a slip in its JSON, or an unclosed {{, is an error at its place', async () => {
  const slip = await problemsOfHcl(
    {
      'main.json': `{\n  "builders": [\n    {"type": "docker", "image": "busybox:latest", "discard": true}\n  ]\n  "provisioners": []\n}\n`,
    },
    'main.json',
  );
  expect(slip.problems.map((p) => [p.message.split(':')[0], p.pos?.line, p.hint])).toEqual([
    ['invalid JSON', 5, 'check the commas, quotes and brackets at this place'],
  ]);
  const unclosed = await problemsOfHcl(
    {
      'main.json': `{\n  "builders": [{"type": "docker", "image": "busybox:latest", "discard": true}],\n  "provisioners": [{"type": "shell", "inline": ["echo {{user \`a\`"]}]\n}\n`,
    },
    'main.json',
  );
  expect(unclosed.problems.map((p) => [p.message, p.pos?.line])).toEqual([
    ['{{user `a`: unclosed action: {{ without its }}', 3],
  ]);
});

test('a .pkr.json (HCL in JSON syntax) is refused with what to do, alone or in a directory', async () => {
  const json = JSON.stringify({ variable: { img: { default: 'busybox:latest' } } });
  const alone = await problemsOfHcl({ 'vars.pkr.json': json }, 'vars.pkr.json');
  const beside = await problemsOfHcl(
    {
      'vars.pkr.json': json,
      'main.pkr.hcl': `source "docker" "x" {\n  image = var.img\n}\nbuild {\n  sources = ["source.docker.x"]\n}\n`,
    },
    '.',
  );
  for (const { problems } of [alone, beside])
    expect(problems.map((p) => [p.message, p.pos?.file.split('/').pop()])).toEqual([
      ['vars.pkr.json is HCL in JSON syntax, which bake does not read', 'vars.pkr.json'],
    ]);
});

test('a variable or local declared in two files is an error at the second, naming the first', async () => {
  const { problems } = await problemsOfHcl(
    {
      'a.pkr.hcl': `variable "img" {\n  default = "busybox:latest"\n}\nlocals {\n  tag = "one"\n}\n`,
      'b.pkr.hcl': `variable "img" {\n  default = "debian:bookworm"\n}\nlocals {\n  tag = "two"\n}\nsource "docker" "x" {\n  image   = var.img\n  discard = true\n}\nbuild {\n  sources = ["source.docker.x"]\n}\n`,
    },
    '.',
  );
  expect(
    problems.map((p) => [p.message, p.pos?.file.split('/').pop(), p.pos?.line, p.hint]),
  ).toEqual([
    [
      'variable "img" is declared twice',
      'b.pkr.hcl',
      1,
      'it is declared first at a.pkr.hcl:1; keep one',
    ],
    [
      'local "tag" is declared twice',
      'b.pkr.hcl',
      5,
      'it is declared first at a.pkr.hcl:5; keep one',
    ],
  ]);
});

describe('build-level source blocks: one source definition, several named instances', () => {
  test('each instance has its own name and its settings over the source', async () => {
    const plan = await planOfHcl({
      'main.pkr.hcl': `source "docker" "base" {
  image  = "debian:bookworm"
  commit = true
  changes = ["LABEL from=base"]
}
build {
  name = "img"
  source "source.docker.base" {
    name    = "small"
    image   = "busybox:latest"
  }
  source "source.docker.base" {
    name = "full"
  }
  provisioner "shell" {
    inline = ["echo \${source.name}"]
  }
}
`,
    });
    expect(
      plan.instances.map((i) => [
        i.name,
        i.config.image,
        i.config.changes,
        i.provisioners[0].config.inline,
      ]),
    ).toEqual([
      ['img.small', 'busybox:latest', ['LABEL from=base'], ['echo small']],
      ['img.full', 'debian:bookworm', ['LABEL from=base'], ['echo full']],
    ]);
  });
  test('an instance of a source that is not defined, or under a name taken, is an error at its line', async () => {
    const { problems } = await problemsOfHcl({
      'main.pkr.hcl': `source "docker" "base" {\n  image = "debian:bookworm"\n}\nsource "docker" "other" {\n  image = "debian:bookworm"\n}\nbuild {\n  source "source.docker.nope" {\n    name = "x"\n  }\n  source "source.docker.base" {\n    name = "other"\n  }\n}\n`,
    });
    expect(problems.map((p) => [p.message, p.pos?.line])).toEqual([
      ['source "source.docker.nope" is not defined', 8],
      ['source "source.docker.base" is named "other", which another source already is', 12],
    ]);
  });
});

describe("Packer's spellings", () => {
  test('communicator spelled out as what the builder uses is accepted; "" and null are unset', async () => {
    const plan = await planOfHcl({
      'main.pkr.hcl': `source "docker" "app" {\n  image        = "debian:bookworm"\n  commit       = true\n  communicator = "docker"\n  exec_user    = ""\n  author       = null\n}\nsource "null" "box" {\n  communicator = "ssh"\n  ssh_host     = "127.0.0.1"\n  ssh_username = "root"\n  ssh_password = "x"\n}\nbuild {\n  sources = ["source.docker.app", "source.null.box"]\n}\n`,
    });
    expect(plan.instances.map((i) => [i.name, i.config])).toEqual([
      ['build.app', { image: 'debian:bookworm', commit: true }],
      [
        'build.box',
        { communicator: 'ssh', ssh_host: '127.0.0.1', ssh_username: 'root', ssh_password: 'x' },
      ],
    ]);
  });
  test("Packer's pull as a bool: false is never", async () => {
    const plan = await planOfHcl({
      'main.pkr.hcl': `source "docker" "app" {\n  image  = "debian:bookworm"\n  commit = true\n  pull   = false\n}\nbuild {\n  sources = ["source.docker.app"]\n}\n`,
    });
    expect(plan.instances[0].config.pull).toBe('never');
  });
});

describe('amazon-ebs templates from packer-plugin-amazon', () => {
  const dir = join(FIX, 'plugin-amazon');
  const env = { AWS_REGION: 'eu-west-1' };
  test('data "amazon-ami" named by source_ami becomes the source_ami_filter the builder looks up', async () => {
    const plan = await planOfPath(join(dir, 'ubuntu-imdsv2-enabled.pkr.hcl'), { env });
    const c = plan.instances[0].config;
    expect(plan.instances[0].name).toBe('build.imds-example');
    expect(c.source_ami).toBeUndefined();
    expect(c.source_ami_filter).toEqual({
      filters: {
        name: 'ubuntu/images/*ubuntu-jammy-22.04-amd64-server-*',
        'root-device-type': 'ebs',
        'virtualization-type': 'hvm',
      },
      most_recent: true,
      owners: ['099720109477'],
    });
    expect(c.metadata_options).toEqual({
      http_endpoint: 'enabled',
      http_tokens: 'required',
      http_put_response_hop_limit: 1,
    });
    expect(String(c.ami_name)).toMatch(/^packer-example-\d{14}$/);
  });
  test("{{build_name}} in an HCL template's plugin setting is expanded, as Packer's plugins do", async () => {
    // The fixture's ami_name is "%s", which the plugin's own tests fill in.
    const text = readFileSync(join(dir, 'interpolated_run_tags.pkr.hcl'), 'utf8');
    const plan = await planOfHcl(
      { 'main.pkr.hcl': text.replace('"%s"', '"run-tags-example"') },
      'main.pkr.hcl',
      { env, vars: { builder: 'bake' } },
    );
    const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string })
      .version;
    expect(plan.instances[0].config.run_tags).toEqual({
      build_name: 'basic-example',
      source_name: 'basic-example',
      version,
      built_by: 'bake',
      simple: 'Simple String',
    });
  });
  test('an AMI name that EC2 would refuse is refused at its line (the template fills "%s" in Go)', async () => {
    const ps = await problemsOfPath(join(dir, 'datasource-ami-template.pkr.hcl'), { env });
    expect(ps.map((p) => [p.message, p.pos?.line])).toEqual([
      ['ami_name "%s" is not a valid AMI name', 16],
    ]);
  });
  test('a data source bake cannot translate, or an AMI lookup in another region, is an error at its line', async () => {
    const src = (region: string) =>
      `data "amazon-ami" "base" {\n  filters = { name = "debian-12-*" }\n  owners  = ["136693071363"]\n  region  = "${region}"\n}\ndata "hcp-packer-version" "ip" {\n  bucket_name = "base"\n}\nsource "amazon-ebs" "vm" {\n  region        = "eu-west-1"\n  source_ami    = data.amazon-ami.base.id\n  instance_type = "t3.micro"\n  ami_name      = "x-\${formatdate("YYYYMMDD", timestamp())}"\n  ssh_username  = "admin"\n}\nbuild {\n  sources = ["source.amazon-ebs.vm"]\n}\n`;
    const same = await problemsOfHcl({ 'main.pkr.hcl': src('eu-west-1') });
    expect(same.problems.map((p) => [p.message, p.pos?.line])).toEqual([
      ['data source "hcp-packer-version.ip" is not supported by bake yet', 6],
    ]);
    const other = await problemsOfHcl({ 'main.pkr.hcl': src('us-east-1') });
    expect(other.problems.map((p) => [p.message.replace(/,.*/, ''), p.pos?.line])).toEqual([
      ['data.amazon-ami.base looks in region us-east-1', 4],
      ['data source "hcp-packer-version.ip" is not supported by bake yet', 6],
    ]);
  });
});

describe('data "null"', () => {
  test('its input comes back as data.null.NAME.output, wherever the template reads it', async () => {
    const plan = await planOfHcl({
      'main.pkr.hcl': `variable "who" {\n  default = "img"\n}\ndata "null" "base-tag" {\n  input = "bookworm-\${var.who}"\n}\nlocals {\n  image = "debian:\${data.null.base-tag.output}"\n}\nsource "docker" "app" {\n  image  = local.image\n  commit = true\n  changes = ["LABEL tag=\${upper(data.null.base-tag.output)}"]\n}\nbuild {\n  sources = ["source.docker.app"]\n}\n`,
    });
    expect(plan.locals).toEqual({
      data_null_base_tag: 'bookworm-img',
      image: 'debian:bookworm-img',
    });
    expect(plan.instances[0].config.image).toBe('debian:bookworm-img');
    expect(plan.instances[0].config.changes).toEqual(['LABEL tag=BOOKWORM-IMG']);
  });
  test('one without input, or with a setting it does not have, is an error at its line', async () => {
    const { problems } = await problemsOfHcl({
      'main.pkr.hcl': `data "null" "a" {\n}\ndata "null" "b" {\n  input = "x"\n  output = "y"\n}\nsource "docker" "app" {\n  image  = "busybox:latest"\n  commit = true\n}\nbuild {\n  sources = ["source.docker.app"]\n}\n`,
    });
    expect(problems.map((p) => [p.message, p.pos?.line])).toEqual([
      ['data "null" "a" has no input', 1],
      ['data "null" takes input only, not "output"', 5],
    ]);
  });
});

describe('sensitive locals', () => {
  test('local "x" { sensitive = true } is redacted, and so is what is computed from it', async () => {
    const plan = await planOfHcl({
      'main.pkr.hcl': `variable "user" {\n  default = "admin"\n}\nlocal "token" {\n  expression = "tok-\${upper(var.user)}-\${"x"}"\n  sensitive  = true\n}\nlocal "plain" {\n  expression = [1, 2]\n}\nlocals {\n  header = "Bearer \${local.token}"\n}\nsource "docker" "app" {\n  image  = "busybox:latest"\n  commit = true\n}\nbuild {\n  sources = ["source.docker.app"]\n}\n`,
    });
    expect(plan.locals).toEqual({
      token: 'tok-ADMIN-x',
      plain: [1, 2],
      header: 'Bearer tok-ADMIN-x',
    });
    expect(plan.shownLocals).toEqual({ token: '***', plain: [1, 2], header: '***' });
  });
  test('a sensitive map literal keeps its escaped $${ as text, as an open one', async () => {
    const plan = await planOfHcl({
      'main.pkr.hcl': `local "creds" {\n  expression = { user = "me", note = "lit $\${x}", n = 1 }\n  sensitive  = true\n}\nlocals {\n  open = { note = "lit $\${x}" }\n}\nsource "docker" "app" {\n  image  = "busybox:latest"\n  commit = true\n}\nbuild {\n  sources = ["source.docker.app"]\n}\n`,
    });
    expect(plan.locals.open).toEqual({ note: 'lit ${x}' });
    expect(plan.locals.creds).toEqual({ user: 'me', note: 'lit ${x}', n: 1 });
    expect(plan.shownLocals?.creds).toBe('***');
  });
});

test("a bake.yml takes Packer's pull: true | false beside always | missing | never", async () => {
  const { pullPolicy } = await import('../src/plugins/builders/docker/schema');
  const spec = (pull: string) =>
    `sources:\n  app: {type: docker, image: busybox:latest, pull: ${pull}}\nbuilds:\n  b: {sources: [app]}\n`;
  const dir = tempProject({ 'bake.yml': spec('false') });
  const plan = await planOfPath(join(dir, 'bake.yml'));
  expect(pullPolicy(plan.instances[0].config.pull)).toBe('never');
  expect(pullPolicy('true')).toBe('always');
  expect(pullPolicy(undefined)).toBe('missing');
  expect(problemsOf(spec('sometimes'))[0].message).toBe(
    '"sometimes" is not one of: always, missing, never, true, false',
  );
});

test('a build that changes a source under its own name, which another build uses, is an error at its block', async () => {
  const text = (second: string) =>
    `source "docker" "base" {\n  image  = "debian:bookworm"\n  commit = true\n}\nbuild {\n  name = "a"\n  source "source.docker.base" {\n    image = "busybox:latest"\n  }\n}\n${second}`;
  const alone = await planOfHcl({ 'main.pkr.hcl': text('') });
  expect(alone.instances.map((i) => [i.name, i.config.image])).toEqual([
    ['a.base', 'busybox:latest'],
  ]);
  const { problems } = await problemsOfHcl({
    'main.pkr.hcl': text(`build {\n  name    = "b"\n  sources = ["source.docker.base"]\n}\n`),
  });
  expect(problems.map((p) => [p.message, p.pos?.line])).toEqual([
    ['this build changes source "base", which other builds use unchanged', 7],
  ]);
});

describe('dynamic blocks', () => {
  const vm = (blocks: string) => `variable "disks" {
  type    = list(object({ device = string, size = number }))
  default = [{ device = "/dev/sdb", size = 20 }, { device = "/dev/sdc", size = 30 }]
}
variable "sizes" {
  type    = map(number)
  default = { "/dev/sdd" = 40, "/dev/sde" = 50 }
}
source "amazon-ebs" "vm" {
  region        = "eu-west-1"
  source_ami    = "ami-1"
  instance_type = "t3.micro"
  ssh_username  = "admin"
  ami_name      = "dyn-example"
${blocks}
}
build {
  sources = ["source.amazon-ebs.vm"]
}
`;
  test('a list: one block for each element, after the static blocks, as in Packer', async () => {
    const plan = await planOfHcl({
      'main.pkr.hcl': vm(`  launch_block_device_mappings {
    device_name = "/dev/sda1"
    volume_size = 10
  }
  dynamic "launch_block_device_mappings" {
    for_each = var.disks
    content {
      device_name           = launch_block_device_mappings.value.device
      volume_size           = launch_block_device_mappings.value.size
      delete_on_termination = launch_block_device_mappings.key == 0
    }
  }`),
    });
    expect(plan.instances[0].config.launch_block_device_mappings).toEqual([
      { device_name: '/dev/sda1', volume_size: 10 },
      { device_name: '/dev/sdb', volume_size: 20, delete_on_termination: true },
      { device_name: '/dev/sdc', volume_size: 30, delete_on_termination: false },
    ]);
  });
  test('a map, with its own iterator name and text around the values', async () => {
    const plan = await planOfHcl({
      'main.pkr.hcl': vm(`  dynamic "ami_block_device_mappings" {
    for_each = var.sizes
    iterator = disk
    content {
      device_name = disk.key
      volume_size = disk.value
      volume_type = "gp\${disk.value > 45 ? 3 : 2}"
    }
  }`),
    });
    expect(plan.instances[0].config.ami_block_device_mappings).toEqual([
      { device_name: '/dev/sdd', volume_size: 40, volume_type: 'gp2' },
      { device_name: '/dev/sde', volume_size: 50, volume_type: 'gp3' },
    ]);
  });
  test('what the blocks hold is checked as if they were written out, at the dynamic block', async () => {
    const { problems } = await problemsOfHcl({
      'main.pkr.hcl': vm(`  dynamic "launch_block_device_mappings" {
    for_each = var.disks
    content {
      device_name = launch_block_device_mappings.value.device
      volume_sise = 1
    }
  }`),
    });
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toMatch(/unknown key "volume_sise"/);
    expect(problems[0].pos?.line).toBe(15);
  });
  test('bake convert writes the same list as one expression, and the bake.yml plans the same', async () => {
    const dir = tempProject({
      'main.pkr.hcl': vm(`  dynamic "launch_block_device_mappings" {
    for_each = var.disks
    iterator = d
    content {
      device_name = d.value.device
      volume_size = d.value.size
    }
  }`),
    });
    const { plan } = await convertedPlan(dir);
    expect(plan.instances[0].config.launch_block_device_mappings).toEqual([
      { device_name: '/dev/sdb', volume_size: 20 },
      { device_name: '/dev/sdc', volume_size: 30 },
    ]);
  });
});

describe('dynamic blocks in a build', () => {
  const template = (build: string) => `variable "distros" {
  type    = map(string)
  default = { bookworm = "debian:12", trixie = "debian:13" }
}
variable "steps" {
  default = ["one", "two"]
}
source "docker" "app" {
  image  = "debian:12"
  commit = true
}
build {
${build}
}
`;
  const dynamicSource = `  dynamic "source" {
    for_each = var.distros
    labels   = ["source.docker.app"]
    content {
      name  = "app-\${source.key}"
      image = source.value
    }
  }`;
  test('dynamic "source": one instance per element, named by content, with its settings over the source', async () => {
    const plan = await planOfHcl({ 'main.pkr.hcl': template(dynamicSource) });
    expect(plan.instances.map((i) => [i.name, i.config.image, i.config.commit])).toEqual([
      ['build.app-bookworm', 'debian:12', true],
      ['build.app-trixie', 'debian:13', true],
    ]);
  });
  test('a var file sets what dynamic "source" repeats over (labels as TYPE.NAME too)', async () => {
    const dir = tempProject({
      'main.pkr.hcl': template(dynamicSource.replace('"source.docker.app"', '"docker.app"')),
      'x.pkrvars.hcl': 'distros = { a = "alpine:3", b = "busybox:1", c = "debian:12" }\n',
    });
    const plan = await planOfPath(join(dir, 'main.pkr.hcl'), {
      varFiles: [join(dir, 'x.pkrvars.hcl')],
    });
    expect(plan.instances.map((i) => [i.name, i.config.image])).toEqual([
      ['build.app-a', 'alpine:3'],
      ['build.app-b', 'busybox:1'],
      ['build.app-c', 'debian:12'],
    ]);
  });
  test('dynamic "provisioner" and "post-processor": each runs in place once per element', async () => {
    const plan = await planOfHcl({
      'main.pkr.hcl': template(`  sources = ["source.docker.app"]
  provisioner "shell" {
    inline = ["first"]
  }
  dynamic "provisioner" {
    for_each = var.steps
    iterator = step
    labels   = ["shell"]
    content {
      inline = ["echo \${step.value} \${step.key} on \${source.name}"]
    }
  }
  provisioner "shell" {
    inline = ["last"]
  }
  post-processors {
    dynamic "post-processor" {
      for_each = var.steps
      labels   = ["docker-tag"]
      content {
        repository = "r/\${post-processor.value}"
      }
    }
  }`),
    });
    const [inst] = plan.instances;
    expect(inst.provisioners.map((p) => p.config.inline)).toEqual([
      ['first'],
      ['echo one 0 on app'],
      ['echo two 1 on app'],
      ['last'],
    ]);
    expect(inst.postProcessors.map((c) => c.map((u) => u.config.repository))).toEqual([
      ['r/one', 'r/two'],
    ]);
  });
  test("the iterator's name is rewritten inside expressions only, not in text or $${} escapes", async () => {
    const plan = await planOfHcl({
      'main.pkr.hcl': template(`  sources = ["source.docker.app"]
  dynamic "provisioner" {
    for_each = ["a"]
    iterator = step
    labels   = ["shell"]
    content {
      inline = ["echo 'step.key is' \${step.key}, \${upper("x-\${step.value}")}", "echo $\${step.value}"]
    }
  }`),
    });
    expect(plan.instances[0].provisioners.map((p) => p.config.inline)).toEqual([
      ["echo 'step.key is' 0, X-A", 'echo ${step.value}'],
    ]);
  });
  test('dynamic "source" over a set: each key is its element, as in HCL', async () => {
    const plan = await planOfHcl({
      'main.pkr.hcl': template(
        dynamicSource
          .replace('var.distros', 'toset(["trixie", "bookworm"])')
          .replace('source.value', '"debian:${source.key}"'),
      ),
    });
    expect(plan.instances.map((i) => [i.name, i.config.image])).toEqual([
      ['build.app-bookworm', 'debian:bookworm'],
      ['build.app-trixie', 'debian:trixie'],
    ]);
  });
  test('a dynamic source that names no defined source is an error at its line', async () => {
    const { problems } = await problemsOfHcl({
      'main.pkr.hcl': template(`  dynamic "source" {
    for_each = var.distros
    labels   = ["source.docker.nope"]
    content {
      name = source.key
    }
  }`),
    });
    expect(problems.map((p) => [p.message, p.pos?.line])).toEqual([
      ['source "source.docker.nope" is not defined', 13],
    ]);
  });
  test('bake convert writes for_each, and the bake.yml plans the same', async () => {
    const dir = tempProject({
      'main.pkr.hcl': template(`${dynamicSource}
  dynamic "provisioner" {
    for_each = var.steps
    labels   = ["shell"]
    content {
      inline = ["echo \${provisioner.value}"]
    }
  }`),
    });
    const { yaml, plan } = await convertedPlan(dir);
    expect(yaml).toMatch(/for_each: \$\{var\.distros\}/);
    expect(
      plan.instances.map((i) => [
        i.name,
        i.config.image,
        i.provisioners.map((p) => p.config.inline),
      ]),
    ).toEqual([
      ['build.app-bookworm', 'debian:12', [['echo one'], ['echo two']]],
      ['build.app-trixie', 'debian:13', [['echo one'], ['echo two']]],
    ]);
  });
});

interface HttpAnswer {
  url: string;
  status_code: number;
  body: string;
  request_headers: Record<string, string>;
  response_headers: Record<string, string>;
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as AddressInfo;
  await new Promise((r) => srv.close(r));
  return port;
}

describe('data "http"', () => {
  // The server runs in a process of its own, as a real one would.
  let server: ChildProcess;
  let base = '';
  beforeAll(async () => {
    server = spawn(
      process.execPath,
      [
        '-e',
        `require('node:http').createServer((req, res) => {
          if (req.url === '/versions.json') {
            res.setHeader('content-type', 'application/json');
            res.setHeader('x-seen-auth', req.headers.authorization || 'none');
            res.end(JSON.stringify({ debian: 'bookworm', method: req.method }));
          } else if (req.url === '/binary') {
            res.setHeader('content-type', 'application/octet-stream');
            res.end('x');
          } else { res.statusCode = 404; res.end('nope'); }
        }).listen(0, '127.0.0.1', function () { console.log(this.address().port); });`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const port = await new Promise<string>((res) =>
      server.stdout!.once('data', (d: Buffer) => res(d.toString().trim())),
    );
    base = `http://127.0.0.1:${port}`;
  });
  afterAll(() => server?.kill());

  const template = (data: string) =>
    `variable "token" {\n  default   = "t-123"\n  sensitive = true\n}\n${data}\nlocals {\n  versions = jsondecode(data.http.versions.body)\n}\nsource "docker" "app" {\n  image  = "debian:\${local.versions.debian}"\n  commit = true\n}\nbuild {\n  sources = ["source.docker.app"]\n}\n`;

  test('the answer is there as data.http.NAME.body, url and request_headers, as in Packer', async () => {
    const plan = await planOfHcl({
      'main.pkr.hcl': template(
        `data "http" "versions" {\n  url             = "${base}/versions.json"\n  method          = "POST"\n  request_headers = { Accept = "application/json" }\n  request_body    = "{}"\n}`,
      ),
    });
    expect(plan.instances[0].config.image).toBe('debian:bookworm');
    const answer = plan.locals.data_http_versions as HttpAnswer;
    expect(JSON.parse(answer.body)).toEqual({ debian: 'bookworm', method: 'POST' });
    expect(answer.url).toBe(`${base}/versions.json`);
    expect(answer.status_code).toBe(200);
    expect(answer.request_headers['x-seen-auth']).toBe('none');
  });
  test('a sensitive header is sent, and is not shown even where the answer repeats it', async () => {
    const plan = await planOfHcl({
      'main.pkr.hcl': template(
        `data "http" "versions" {\n  url             = "${base}/versions.json"\n  request_headers = { Authorization = "Bearer \${var.token}" }\n}`,
      ),
    });
    expect((plan.locals.data_http_versions as HttpAnswer).response_headers['x-seen-auth']).toBe(
      'Bearer t-123',
    );
    // The answer is data, not a secret: only the token is masked in it.
    const shown = redact(JSON.stringify(plan.shownLocals?.data_http_versions));
    expect(shown).toContain('bookworm');
    expect(shown).toContain('Bearer ***');
    expect(shown).not.toContain('t-123');
  });
  test.each([
    ['a 404', '/missing', /answered 404 Not Found$/],
    ['a body that is not text or JSON', '/binary', /answered with application\/octet-stream$/],
    ['nothing listening', 'CLOSED', /failed: ECONNREFUSED$/],
  ])('%s is an error at the url, with what was asked', async (_what, path, message) => {
    const url = path === 'CLOSED' ? `http://127.0.0.1:${await closedPort()}/x` : `${base}${path}`;
    const { problems } = await problemsOfHcl({
      'main.pkr.hcl': template(`data "http" "versions" {\n  url = "${url}"\n}`),
    });
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toMatch(message);
    expect(problems[0].message).toContain(`GET ${url}`);
    expect(problems[0].pos?.line).toBe(6);
  });
  test('a setting it does not have is an error at its line', async () => {
    const { problems } = await problemsOfHcl({
      'main.pkr.hcl': template(
        `data "http" "versions" {\n  url = "${base}/x"\n  insecure = true\n}`,
      ),
    });
    expect(problems.map((p) => [p.message, p.pos?.line])).toEqual([
      ['data "http" takes url, method, request_headers, request_body, not "insecure"', 7],
    ]);
  });
});

describe('tag blocks, and "" inside a block', () => {
  const azure = (extra: string) => `variable "azure_tags" {
  type    = map(string)
  default = { team = "platform", cost = "ci" }
}
variable "storage" {
  type    = string
  default = ""
}
source "azure-arm" "image" {
  subscription_id                   = "00000000-0000-0000-0000-000000000000"
  location                          = "westeurope"
  image_publisher                   = "canonical"
  image_offer                       = "ubuntu-24_04-lts"
  image_sku                         = "server"
  os_type                           = "Linux"
  vm_size                           = "Standard_D2s_v5"
  managed_image_name                = "img"
  managed_image_resource_group_name = "images"
  azure_tags = { owner = "me" }
${extra}
}
build {
  sources = ["source.azure-arm.image"]
}
`;
  test('azure_tag blocks, written and dynamic, are entries of azure_tags after its own', async () => {
    const plan = await planOfHcl({
      'main.pkr.hcl': azure(`  azure_tag {
    name  = "owner"
    value = "them"
  }
  dynamic "azure_tag" {
    for_each = var.azure_tags
    content {
      name  = azure_tag.key
      value = azure_tag.value
    }
  }`),
    });
    expect(plan.instances[0].config.azure_tags).toEqual({
      owner: 'them',
      team: 'platform',
      cost: 'ci',
    });
  });
  test('amazon-ebs tag and run_tag blocks are entries of tags and run_tags', async () => {
    const plan = await planOfHcl({
      'main.pkr.hcl': `source "amazon-ebs" "vm" {
  region        = "eu-west-1"
  source_ami    = "ami-1"
  instance_type = "t3.micro"
  ssh_username  = "admin"
  ami_name      = "tagged"
  tag {
    key   = "os"
    value = "debian"
  }
  run_tag {
    key   = "purpose"
    value = "build"
  }
}
build {
  sources = ["source.amazon-ebs.vm"]
}
`,
    });
    const c = plan.instances[0].config;
    expect([c.tags, c.run_tags]).toEqual([{ os: 'debian' }, { purpose: 'build' }]);
  });
  test('a tag block without its value is an error at the block', async () => {
    const { problems } = await problemsOfHcl({
      'main.pkr.hcl': azure('  azure_tag {\n    name = "x"\n  }'),
    });
    expect(problems.map((p) => [p.message, p.pos?.line])).toEqual([['azure_tag has no value', 20]]);
  });
  test('"" from a variable inside a block is unset, as in Packer', async () => {
    const plan = await planOfHcl({
      'main.pkr.hcl': azure(`  shared_image_gallery_destination {
    subscription         = "00000000-0000-0000-0000-000000000000"
    resource_group       = "galleries"
    gallery_name         = "golden_images"
    image_name           = "ubuntu"
    image_version        = "1.0.0"
    storage_account_type = var.storage
  }`),
    });
    const gallery = plan.instances[0].config.shared_image_gallery_destination as Record<
      string,
      unknown
    >;
    expect(gallery.gallery_name).toBe('golden_images');
    expect(gallery).not.toHaveProperty('storage_account_type');
  });
});

describe("actions/runner-images' Ubuntu templates, as their CI runs them", () => {
  const dir = join(FIX, 'runner-images/images/ubuntu/templates');
  // What the image pipeline passes with -var; the credentials come from the environment.
  const vars = {
    image_os: 'ubuntu24',
    image_version: '20261207.1',
    location: 'eastus2',
    managed_image_name: 'ubuntu-24.04-20261207.1',
    managed_image_resource_group_name: 'runner-images',
    subscription_id: '00000000-0000-0000-0000-000000000000',
  };
  test('the directory plans without edits: six builds, the locals pick the image, what Packer would not use is a note', async () => {
    const plan = await planOfPath(dir, { vars, only: ['ubuntu-24_04.*'] });
    expect([...plan.allNames].sort()).toEqual([
      'ubuntu-22_04-arm64.image',
      'ubuntu-22_04.image',
      'ubuntu-24_04-arm64.image',
      'ubuntu-24_04.image',
      'ubuntu-26_04-arm64.image',
      'ubuntu-26_04.image',
    ]);

    const [inst] = plan.instances;
    expect(inst.name).toBe('ubuntu-24_04.image');
    expect(inst.config).toMatchObject({
      image_publisher: 'canonical',
      image_offer: 'ubuntu-24_04-lts',
      image_sku: 'server',
      os_disk_size_gb: 75,
      managed_image_name: 'ubuntu-24.04-20261207.1',
      ssh_clear_authorized_keys: true,
      azure_tags: {},
    });
    // No GALLERY_* set: no gallery version, as Packer reads the empty destination.
    expect(inst.config).not.toHaveProperty('shared_image_gallery_destination');
    expect(inst.provisioners).toHaveLength(30);
    const files = inst.provisioners.filter((p) => p.type === 'file');
    expect(files[0].config).toMatchObject({ destination: '/imagegeneration/helpers' });
    expect(String(files[0].config.source)).toMatch(
      /images\/ubuntu\/templates\/\.\.\/scripts\/helpers$/,
    );
    expect(inst.provisioners[0].config.execute_command).toBe(
      "sudo sh -c '{{ .Vars }} {{ .Path }}'",
    );
    expect(plan.notes.map((n) => [n.message.split(':')[0], n.pos?.line])).toEqual([
      ['object_id is left out', 6],
      ['winrm_username is left out', 32],
    ]);
  });
  test('the gallery and the tags come in when the pipeline sets them', async () => {
    const plan = await planOfPath(dir, {
      vars: { ...vars, azure_tags: '{"team":"runner-images"}' },
      env: {
        GALLERY_NAME: 'runners',
        GALLERY_RG_NAME: 'galleries',
        GALLERY_IMAGE_NAME: 'ubuntu-24_04',
        GALLERY_IMAGE_VERSION: '1.0.0',
        GALLERY_STORAGE_ACCOUNT_TYPE: 'Standard_LRS',
      },
      only: ['ubuntu-24_04.*'],
    });
    const c = plan.instances[0].config;
    expect(c.azure_tags).toEqual({ team: 'runner-images' });
    expect(c.shared_image_gallery_destination).toMatchObject({
      gallery_name: 'runners',
      resource_group: 'galleries',
      image_name: 'ubuntu-24_04',
      image_version: '1.0.0',
      storage_account_type: 'Standard_LRS',
    });
  });
});

describe("awslabs/amazon-eks-ami's AL2023 template, as its Makefile runs it", () => {
  const dir = join(FIX, 'amazon-eks-ami/templates/al2023');
  const opts: ResolveOptions = {
    env: { USER: 'ci-runner' },
    varFiles: [join(dir, 'variables-default.json'), join(dir, 'variables-1.35.json')],
    vars: {
      ami_name: 'amazon-eks-node-al2023-x86_64-standard-1.35-v20261204',
      arch: 'x86_64',
      instance_type: 'm6i.large',
      kubernetes_version: '1.35.0',
      kubernetes_build_date: '2026-11-20',
    },
  };
  test('plans without edits: var files that render other variables, "" as unset, build fields in tags', async () => {
    const plan = await planOfPath(join(dir, 'template.json'), opts);
    const [inst] = plan.instances;
    const c = inst.config;
    // Variables in the var files read other variables and the environment, as Packer renders them.
    expect(c.ami_description).toBe(
      'EKS-optimized Kubernetes node based on Amazon Linux 2023, (k8s: 1.35.0, containerd: 2.*)',
    );
    expect(c.run_tags).toEqual({ creator: 'ci-runner' });
    expect((inst.provisioners[0].config.inline as string[])[0]).toBe('mkdir -p /tmp/worker/rootfs');
    // What the variables leave empty is unset: the filter is the source, no users, no group.
    expect(c.source_ami).toBeUndefined();
    for (const k of [
      'ami_users',
      'ami_regions',
      'security_group_ids',
      'ssh_interface',
      'user_data_file',
    ])
      expect(c[k]).toBeUndefined();
    expect(c.source_ami_filter).toMatchObject({
      filters: { name: 'al2023-ami-minimal-2023.*-kernel-6.12-*', architecture: 'x86_64' },
      owners: ['137112412989'],
      most_recent: true,
    });
    expect(c.encrypt_boot).toBe(false);
    expect(c.launch_block_device_mappings).toEqual([
      {
        device_name: '/dev/xvda',
        volume_type: 'gp3',
        volume_size: 20,
        delete_on_termination: true,
      },
    ]);
    // The tags name the source AMI and region: filled in when the AMI is made.
    const tags = Object.fromEntries(
      Object.entries(c.tags as Record<string, string>).map(([k, v]) => [k, showLateFields(v)]),
    );
    expect(tags).toMatchObject({
      build_region: '${build.BuildRegion}',
      source_ami_id: '${build.SourceAMI}',
      source_ami_name: '${build.SourceAMIName}',
      kubernetes: '1.35.0/2026-11-20/bin/linux/x86_64',
    });
    expect(tags.created).toMatch(/^\d{14}$/);
    // {{ build `SourceAMI` }} in the manifest's custom_data, filled in when it runs.
    const manifest = inst.postProcessors[0][0];
    expect(manifest.type).toBe('manifest');
    expect(
      showLateFields(String((manifest.config.custom_data as Record<string, string>).source_ami_id)),
    ).toBe('${build.SourceAMI}');
    expect(inst.provisioners.map((p) => p.type)).toEqual(expect.arrayContaining(['shell', 'file']));
    expect(inst.provisioners).toHaveLength(24);
  });
});

test("a text where a plugin takes a list is split at its commas, as Packer's plugins read it", async () => {
  const plan = await planOfHcl(
    {
      'main.json': JSON.stringify({
        variables: { users: '111111111111, 222222222222', regions: '' },
        builders: [
          {
            type: 'amazon-ebs',
            region: 'eu-west-1',
            source_ami: 'ami-1',
            instance_type: 't3.micro',
            ssh_username: 'admin',
            ami_name: 'split-example',
            ami_users: '{{user `users`}}',
            ami_regions: '{{user `regions`}}',
          },
        ],
        provisioners: [{ type: 'shell', inline: 'echo a, b' }],
      }),
    },
    'main.json',
  );
  const [inst] = plan.instances;
  expect(inst.config.ami_users).toEqual(['111111111111', '222222222222']);
  expect(inst.config.ami_regions).toBeUndefined();
  // shell's inline takes one string as one command: it is not split.
  expect([inst.provisioners[0].config.inline].flat()).toEqual(['echo a, b']);
});

/**
 * `bake convert`: a Packer template written out as a bake.yml that validates, with a
 * `# TODO:` where something could not be translated.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { convertTemplate } from '../src/packer/convert';
import { openSpec } from '../src/plugins/external';
import { builtInRegistry } from '../src/plugins/registry';
import { resolvePlan, resolvePlanWithData } from '../src/spec/resolve';
import { main } from '../src/cli';
import { tempProject } from './helpers/spec';

const FIX = join(process.cwd(), '__tests__/fixtures/packer');
const ENV = { AWS_REGION: 'eu-west-1' };
// One time for both plans: an AMI name computed from timestamp() must compare equal.
const NOW = new Date('2024-03-05T07:08:09Z');

/** A copy of a fixture folder, so the bake.yml can sit beside the template. */
function copyOf(folder: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'bake-convert-'));
  cpSync(join(FIX, folder), dir, { recursive: true });
  return dir;
}

/** Runs the CLI with these arguments; its exit code and what it wrote to standard error. */
async function cli(args: string[]): Promise<{ code: number; err: string }> {
  const err: string[] = [];
  const write = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((t: string) => (
    err.push(String(t)),
    true
  )) as typeof process.stderr.write;
  try {
    return { code: await main(args), err: err.join('') };
  } finally {
    process.stderr.write = write;
  }
}

async function convertAndPlan(folder: string, file: string, vars: Record<string, string> = {}) {
  const dir = copyOf(folder);
  const template = join(dir, file);
  const { yaml, todos } = await convertTemplate(template, builtInRegistry(), dir);
  const out = join(dir, 'bake.yml');
  writeFileSync(out, yaml);
  const converted = resolvePlan(await openSpec(out), { env: ENV, vars, now: NOW });
  return { yaml, todos, converted, template };
}

describe('the templates convert to a bake.yml that validates and plans the same builds', () => {
  test.each([
    ['learn-getting-started', 'example.pkr.hcl', 0],
    ['learn-getting-started', 'example-variables.pkr.hcl', 0],
    ['learn-getting-started', 'example-parallel.pkr.hcl', 0],
    ['plugin-docker', 'fix_upload_owner.pkr.hcl', 0],
    ['plugin-docker', 'fix_upload_owner.json', 0],
    ['plugin-docker', 'upload_download.pkr.hcl', 0],
    ['plugin-docker', 'upload_download.json', 0],
    ['plugin-docker', 'large_upload.json', 0],
    ['plugin-docker', 'large_download.pkr.hcl', 0],
    ['plugin-amazon', 'ubuntu-imdsv2-enabled.pkr.hcl', 0],
  ])('%s/%s', async (folder, file, todoCount) => {
    const { yaml, todos, converted, template } = await convertAndPlan(folder, file);
    expect(todos).toHaveLength(todoCount);
    expect(yaml).not.toContain('TODO');
    const native = resolvePlan(await openSpec(template), { env: ENV, now: NOW });
    const shape = (p: typeof native) =>
      p.instances.map((i) => ({
        name: i.name,
        config: i.config,
        provisioners: i.provisioners.map((x) => [x.type, x.config]),
        postProcessors: i.postProcessors.map((c) => c.map((x) => [x.type, x.config])),
      }));
    expect(shape(converted)).toEqual(shape(native));
  });

  test('what bake lacks is left out with a # TODO: at its place, and the rest validates', async () => {
    const { yaml, todos, converted } = await convertAndPlan(
      'learn-getting-started',
      'example-post-processors.pkr.hcl',
    );
    // bake's vagrant makes libvirt boxes from VM disks, not from a Docker image.
    expect(todos.map((t) => t.message.replace(/;.*/, '')).sort()).toEqual([
      'unknown post-processor type "vagrant-cloud"',
      'vagrant cannot take a Docker image',
    ]);
    const lines = yaml.split('\n');
    const at = lines.findIndex((l) => l.includes('# TODO: vagrant cannot take a Docker image'));
    expect(at).toBeGreaterThan(lines.findIndex((l) => l.includes('post-processors:')));
    expect(lines[at]).toMatch(/\[example-post-processors\.pkr\.hcl:38\]$/);
    expect(yaml).toContain('left out: type: vagrant-cloud access_token: ${var.vagrant_token}');
    expect(converted.instances[0].postProcessors.map((c) => c.map((p) => p.type))).toEqual([
      ['docker-tag', 'docker-push'],
    ]);
  });

  test('a directory converts as one spec; a setting bake lacks becomes a TODO', async () => {
    const dir = tempProject({
      'a.pkr.hcl': `source "docker" "app" {\n  image  = "debian:bookworm"\n  commit = true\n  login_server = "x"\n}\n`,
      'b.pkr.hcl': `build {\n  name = "img"\n  sources = ["source.docker.app"]\n  provisioner "shell" {\n    inline = "echo {{timestamp}}"\n  }\n}\n`,
      'x.auto.pkrvars.hcl': '',
    });
    const { yaml, todos } = await convertTemplate(dir, builtInRegistry(), dir);
    expect(todos.map((t) => [t.message.replace(/;.*/, ''), t.pos?.line])).toEqual([
      ['unknown key "login_server"', 4],
    ]);
    expect(yaml).toContain('# TODO: x.auto.pkrvars.hcl is a Packer var file');
    // The shell provisioner expands {{ }} in Packer, so the template's is translated.
    expect(yaml).toContain('echo ${regex_replace(timestamp(), "[- TZ:]", "")}');
  });
});

describe('settings Packer itself does not use in the build', () => {
  const template = `source "azure-arm" "image" {
  subscription_id                   = "00000000-0000-0000-0000-000000000000"
  object_id                         = "11111111-1111-1111-1111-111111111111"
  location                          = "westeurope"
  image_publisher                   = "canonical"
  image_offer                       = "ubuntu-24_04-lts"
  image_sku                         = "server"
  os_type                           = "Linux"
  vm_size                           = "Standard_D2s_v5"
  managed_image_name                = "img"
  managed_image_resource_group_name = "images"
  winrm_username                    = "packer"
}
build {
  sources = ["source.azure-arm.image"]
}
`;
  test('are left out, each with a note at its line: run, on the command line, and converted', async () => {
    const dir = tempProject({ 'main.pkr.hcl': template });
    const plan = await resolvePlanWithData(await openSpec(join(dir, 'main.pkr.hcl')), { env: {} });
    expect(plan.instances[0].config).not.toHaveProperty('object_id');
    expect(plan.instances[0].config).not.toHaveProperty('winrm_username');
    expect(plan.notes.map((n) => [n.message.split(':')[0], n.pos?.line])).toEqual([
      ['object_id is left out', 3],
      ['winrm_username is left out', 12],
    ]);
    const { code, err } = await cli(['validate', join(dir, 'main.pkr.hcl')]);
    expect(code).toBe(0);
    expect(err).toContain(
      `note: ${join(dir, 'main.pkr.hcl')}:12:3: winrm_username is left out: it is for WinRM, and this source connects over SSH`,
    );
    const { yaml, todos } = await convertTemplate(
      join(dir, 'main.pkr.hcl'),
      builtInRegistry(),
      dir,
    );
    expect(todos).toEqual([]);
    expect(yaml.match(/# NOTE: .* is left out/g)).toHaveLength(2);
    expect(yaml).not.toContain('winrm_username:');
  });
  test("a var file's name that no variable declares is a note, as Packer warns; a --var is an error", async () => {
    const dir = tempProject({
      'main.pkr.hcl': `variable "img" {\n  default = "busybox:latest"\n}\nsource "docker" "x" {\n  image   = var.img\n  discard = true\n}\nbuild {\n  sources = ["source.docker.x"]\n}\n`,
      'shared.pkrvars.hcl': 'img  = "debian:bookworm"\nzone = "eu"\n',
    });
    const spec = await openSpec(join(dir, 'main.pkr.hcl'));
    const plan = await resolvePlanWithData(spec, {
      env: {},
      varFiles: [join(dir, 'shared.pkrvars.hcl')],
    });
    expect(plan.instances[0].config.image).toBe('debian:bookworm');
    expect(plan.notes.map((n) => [n.message, n.pos?.line])).toEqual([
      [
        `var file ${join(dir, 'shared.pkrvars.hcl')} sets "zone", which no variable declares; left out`,
        2,
      ],
    ]);
    await expect(resolvePlanWithData(spec, { env: {}, vars: { zone: 'eu' } })).rejects.toThrow(
      /--var zone=… sets variable "zone", which the spec does not declare/,
    );
  });
});

describe('bake convert on the command line', () => {
  test('-o writes the file; standard error says how many TODOs are left', async () => {
    const dir = copyOf('learn-getting-started');
    const out = join(dir, 'bake.yml');
    const { code, err } = await cli([
      'convert',
      join(dir, 'example-post-processors.pkr.hcl'),
      '-o',
      out,
    ]);
    expect(code).toBe(0);
    expect(err).toMatch(/^wrote .*bake\.yml; 2 TODOs left/);
    expect(readFileSync(out, 'utf8')).toContain('# TODO:');
    expect(await main(['validate', out])).toBe(0);
  });
  test('a file that is not a template is a usage error', async () => {
    const dir = tempProject({ 'bake.yml': 'sources: {}\n' });
    const { code, err } = await cli(['convert', join(dir, 'bake.yml')]);
    expect(code).toBe(2);
    expect(err).toMatch(/convert takes a Packer template/);
  });
});

test('bake convert asks no service: a data "http" becomes its http_request() local, unasked', async () => {
  const dir = tempProject({});
  const log = join(dir, 'requests.log');
  // A server in a process of its own, which notes every request it is sent.
  const server = spawn(
    process.execPath,
    [
      '-e',
      `require('node:http').createServer((q, r) => { require('node:fs').appendFileSync(${JSON.stringify(log)}, q.url + '\\n'); r.setHeader('content-type', 'text/plain'); r.end('bookworm'); }).listen(0, '127.0.0.1', function () { console.log(this.address().port); });`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  try {
    const port = await new Promise<string>((res) =>
      server.stdout!.once('data', (d: Buffer) => res(d.toString().trim())),
    );
    const url = `http://127.0.0.1:${port}/tag`;
    writeFileSync(
      join(dir, 'main.pkr.hcl'),
      `data "http" "tag" {\n  url = "${url}"\n}\nsource "docker" "app" {\n  image  = "debian:\${data.http.tag.body}"\n  commit = true\n}\nbuild {\n  sources = ["source.docker.app"]\n}\n`,
    );
    const { yaml, todos } = await convertTemplate(
      join(dir, 'main.pkr.hcl'),
      builtInRegistry(),
      dir,
    );
    expect(todos).toEqual([]);
    expect(yaml).toContain(`http_request({"url" = "${url}"})`);
    expect(yaml).toContain('debian:${local.data_http_tag.body}');
    expect(existsSync(log)).toBe(false);
    // The bake.yml it wrote asks when it is planned.
    writeFileSync(join(dir, 'bake.yml'), yaml);
    const plan = await resolvePlanWithData(await openSpec(join(dir, 'bake.yml')), { env: {} });
    expect(plan.instances[0].config.image).toBe('debian:bookworm');
    expect(readFileSync(log, 'utf8')).toBe('/tag\n');
  } finally {
    server.kill();
  }
});

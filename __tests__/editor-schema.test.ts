/**
 * The JSON Schema as editors use it: yaml-language-server driven over LSP stdio, against
 * the committed schema/bake.schema.json. What bake accepts the editor accepts, what bake
 * rejects the editor flags at the same line, and completion follows `type:`.
 */
import { mkdtempSync, readFileSync, readdirSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { YamlLanguageServer, Diagnostic } from './helpers/yaml-ls';
import { MINIMAL, planOf, problemsOf, tempProject } from './helpers/spec';
import { builtInRegistry } from '../src/plugins/registry';
import { specJsonSchema } from '../src/spec/json-schema';
import { offered } from '../src/spec/schema';
import { openSpec } from '../src/plugins/external';
import { loadSpec } from '../src/spec/spec';
import { resolvePlan } from '../src/spec/resolve';
import { SpecError } from '../src/spec/errors';
import { postProcessorCommon, provisionerCommon, sourceCommon } from '../src/spec/plugin-common';
import type { PluginKind } from '../src/plugins/api';

const SCHEMA = 'schema/bake.schema.json';
const DOCS = mkdtempSync(join(tmpdir(), 'bake-editor-'));
const PLUGIN_DOCS = mkdtempSync(join(tmpdir(), 'bake-editor-plugin-'));
const PLUGIN_SCHEMA = join(PLUGIN_DOCS, 'schema.json');

let ls: YamlLanguageServer;
let n = 0;
const uriFor = (dir = DOCS) => pathToFileURL(join(dir, `spec-${++n}.yml`)).href;
const diagnose = (text: string) => ls.diagnose(uriFor(), text);
const lines = (ds: Diagnostic[]) => ds.map((d) => `${d.range.start.line + 1}: ${d.message}`);

/** Bake's verdict on a spec: the lines of its problems, [] when it is accepted. */
function bakeLines(yaml: string): number[] {
  const dir = tempProject({ 'bake.yml': yaml });
  try {
    resolvePlan(loadSpec(join(dir, 'bake.yml'), builtInRegistry()), { env: {} });
    return [];
  } catch (e) {
    if (!(e instanceof SpecError)) throw e;
    return e.problems.map((p) => p.pos?.line ?? 0);
  }
}

beforeAll(async () => {
  const plugin = await openSpec(resolve('examples/plugin/bake.yml'));
  writeFileSync(PLUGIN_SCHEMA, JSON.stringify(specJsonSchema(plugin.registry)));
  ls = await YamlLanguageServer.start({
    [SCHEMA]: `${DOCS}/*.yml`,
    [PLUGIN_SCHEMA]: `${PLUGIN_DOCS}/*.yml`,
  });
});
afterAll(async () => {
  await ls?.stop();
});

const NULL_SOURCE = `sources:
  box:
    type: null
    ssh_host: 127.0.0.1
    ssh_username: root
`;

describe('specs bake accepts get no diagnostic', () => {
  const examples = readdirSync('examples')
    .map((d) => join('examples', d, 'bake.yml'))
    .filter((f) => existsSync(f));

  it.each(examples)('%s', async (file) => {
    const text = readFileSync(file, 'utf8');
    // A spec with its own plugins is checked against `bake schema SPEC`'s output.
    const dir = file.includes('plugin') ? PLUGIN_DOCS : undefined;
    const uri = dir ? uriFor(dir) : pathToFileURL(resolve(file)).href;
    expect(lines(await ls.diagnose(uri, text))).toEqual([]);
  });

  const valid: Record<string, string> = {
    minimal: MINIMAL,
    'the null builder as a bare null, quoted numbers and bools': `${NULL_SOURCE}    ssh_port: "22"
    ssh_pty: "false"
    ssh_timeout: 90
    ssh_keep_alive_interval: 1m30s
builds:
  main:
    sources: [box]
`,
    'numbers where text is expected': `sources:
  app:
    type: docker
    image: debian:bookworm
    env: {PORT: 8080, DEBUG: true}
    export_path: out/app.tar
builds:
  main:
    sources: [app]
    provisioners:
      - type: shell
        inline: [echo hi]
        env: {WORKERS: 4}
        max_retries: "2"
        valid_exit_codes: [0, "1"]
        only: app
    post-processors:
      - - type: compress
          output: out/app.tar.gz
          compression_level: "9"
        - type: checksum
        - type: manifest
          custom_data: {Build: 42}
`,
    'amazon-ebs with account numbers and tag numbers': `variables:
  region: {type: string, default: eu-west-1}
  retries: {type: "list( number )", default: []}
sources:
  vm:
    type: amazon-ebs
    region: \${var.region}
    source_ami_filter:
      filters: {name: debian-12-*}
      owners: [136693071363]
      most_recent: "true"
    instance_type: t3.micro
    ssh_username: admin
    ssh_port: \${1 + 21}
    ami_name: golden-1
    spot_price: 0.05
    tags: {Build: 42, Public: false}
    aws_polling: {delay_seconds: "0.5", max_attempts: 3}
builds:
  main:
    sources: [vm]
    timeout: 2h
`,
    'expressions, overrides and empty optional keys': `variables:
  tag:
    type: string
    default: v1
    validation:
      - condition: \${length(var.tag) > 0}
        error_message: empty tag
locals:
  stamp: \${formatdate("YYYY", timestamp())}
sources:
  app:
    type: docker
    image: debian:bookworm
    commit: true
    privileged:
builds:
  main:
    sources: [app]
    provisioners:
      - type: shell
        inline: ["echo $\${HOME}"]
        override:
          app:
            inline: [echo app]
            expect_disconnect: "true"
    post-processors:
      - type: docker-tag
        repository: localhost/app
        tags: \${var.tag}
`,
  };

  it.each(Object.entries(valid))('%s (and bake accepts it too)', async (_name, text) => {
    expect(bakeLines(text)).toEqual([]);
    expect(lines(await diagnose(text))).toEqual([]);
  });
});

describe('specs bake rejects are flagged at the right line', () => {
  // [what, spec, line (or [bake's line, the editor's line]), the editor's message]
  const broken: [string, string, number | [number, number], RegExp][] = [
    [
      'a misspelt builder type lists every builder type, and nothing else',
      `sources:
  app:
    type: dockr
    image: debian:bookworm
builds:
  main:
    sources: [app]
`,
      3,
      /Valid values: "null", "docker", "amazon-ebs"/,
    ],
    [
      'a misspelt provisioner type lists every provisioner type',
      `${NULL_SOURCE}builds:
  main:
    sources: [box]
    provisioners:
      - type: shel
        inline: [x]
`,
      10,
      /"shell", "file", "shell-local", "restart", "ansible"/,
    ],
    [
      'a key the builder does not have',
      `${NULL_SOURCE}    ssh_prot: 22
builds:
  main:
    sources: [box]
`,
      6,
      /Property ssh_prot is not allowed/,
    ],
    [
      'shell-local keys are not shell keys',
      `${NULL_SOURCE}builds:
  main:
    sources: [box]
    provisioners:
      - type: shell
        command: echo hi
`,
      11,
      /Property command is not allowed/,
    ],
    [
      'a variable type that does not exist',
      `variables:
  v:
    type: strng
${NULL_SOURCE}builds:
  main:
    sources: [box]
`,
      3,
      /not a variable type/,
    ],
    [
      'a hexadecimal port in quotes',
      `${NULL_SOURCE}    ssh_port: "0x16"
builds:
  main:
    sources: [box]
`,
      6,
      /./,
    ],
    [
      'a port out of range',
      `${NULL_SOURCE}    ssh_port: 70000
builds:
  main:
    sources: [box]
`,
      6,
      /./,
    ],
    [
      'yes is not a bool',
      `${NULL_SOURCE}    ssh_pty: yes
builds:
  main:
    sources: [box]
`,
      6,
      /boolean/,
    ],
    [
      'a duration without a unit in quotes',
      `${NULL_SOURCE}    ssh_timeout: "90"
builds:
  main:
    sources: [box]
`,
      6,
      /duration/,
    ],
    [
      'a missing required setting',
      `sources:
  app:
    type: docker
    commit: true
builds:
  main:
    sources: [app]
`,
      2,
      /Missing property "image"/,
    ],
    [
      'a misspelt checksum type inside a chain',
      `sources:
  app:
    type: docker
    image: debian:bookworm
    export_path: out/app.tar
builds:
  main:
    sources: [app]
    post-processors:
      - - type: compress
          output: out/app.tar.gz
        - type: checksum
          checksum_types: [sha3]
`,
      13,
      /"sha256", "sha512", "sha1", "md5"/,
    ],
    [
      'a source name with a dot',
      `sources:
  my.box:
    type: null
    ssh_host: h
    ssh_username: root
builds:
  main:
    sources: [my.box]
`,
      2,
      /source name/,
    ],
    [
      'sources given as an expression',
      `variables:
  srcs: {type: "list(string)", default: [box]}
${NULL_SOURCE}builds:
  main:
    sources: \${var.srcs}
`,
      10,
      /array/i,
    ],
    [
      'a source name without for_each',
      `sources:
  box:
    type: null
    name: other
    ssh_host: h
    ssh_username: root
builds:
  main:
    sources: [box]
`,
      [4, 3],
      /for_each/,
    ],
    [
      'for_each on the error-cleanup provisioner',
      `${NULL_SOURCE}builds:
  main:
    sources: [box]
    error-cleanup-provisioner:
      type: shell
      for_each: [a, b]
      inline: [x]
`,
      11,
      /not allowed/,
    ],
  ];

  it.each(broken)('%s', async (_name, text, at, message) => {
    const [bakeLine, editorLine] = typeof at === 'number' ? [at, at] : at;
    expect(bakeLines(text)).toContain(bakeLine);
    const ds = await diagnose(text);
    expect(lines(ds)).toEqual([
      expect.stringMatching(new RegExp(`^${editorLine}: .*${message.source}`)),
    ]);
  });
});

describe('the editor and bake agree on every value, in both directions', () => {
  // setting → values; each value is tried in a spec bake checks and the editor checks.
  const cases: [string, (v: string) => string, string[]][] = [
    [
      'ssh_port (whole number 1..65535)',
      (v) => `${NULL_SOURCE}    ssh_port: ${v}\nbuilds: {main: {sources: [box]}}\n`,
      [
        '22',
        '"22"',
        "'65535'",
        '"0x16"',
        '0x16',
        '"22.0"',
        '22.5',
        '0',
        '"-1"',
        '70000',
        '" 22"',
        '""',
        '"1e3"',
        'ssh',
        '[22]',
      ],
    ],
    [
      'ssh_pty (bool)',
      (v) => `${NULL_SOURCE}    ssh_pty: ${v}\nbuilds: {main: {sources: [box]}}\n`,
      ['true', '"true"', "'false'", 'yes', '"yes"', '1', '"TRUE"', 'True'],
    ],
    [
      'ssh_timeout (duration)',
      (v) => `${NULL_SOURCE}    ssh_timeout: ${v}\nbuilds: {main: {sources: [box]}}\n`,
      ['90', '1.5', '"5m"', '1h30m', '250ms', '"0"', '"90"', '5x', '-1', '"m"'],
    ],
    [
      'env values (text)',
      (v) =>
        `sources:\n  app: {type: docker, image: debian, env: {A: ${v}}}\nbuilds: {main: {sources: [app]}}\n`,
      ['8080', 'true', '"x"', '1.5', '[1]', '{b: 1}'],
    ],
    [
      'pull (one of always, missing, never)',
      (v) =>
        `sources:\n  app: {type: docker, image: debian, pull: ${v}}\nbuilds: {main: {sources: [app]}}\n`,
      ['always', '"never"', 'alwayz', '1', '${"always"}'],
    ],
    [
      'delay_seconds (number of at least 0)',
      (v) =>
        `sources:\n  vm: {type: amazon-ebs, source_ami: ami-1, instance_type: t3.micro, ssh_username: a, ami_name: abc, aws_polling: {delay_seconds: ${v}}}\nbuilds: {main: {sources: [vm]}}\n`,
      ['0', '"0.5"', '2.5', '"-0.5"', '-1', '"-0"', '".5"', '"5."'],
    ],
    [
      'compression_level (whole number 1..9)',
      (v) =>
        `sources:\n  app: {type: docker, image: debian, export_path: a.tar}\nbuilds: {main: {sources: [app], post-processors: [{type: compress, output: a.tgz, compression_level: ${v}}]}}\n`,
      ['1', '"9"', '10', '"10"', '0', '"01"'],
    ],
  ];
  for (const [setting, spec, values] of cases) {
    it(setting, async () => {
      const verdicts: string[] = [];
      const want: string[] = [];
      for (const v of values) {
        const text = spec(v);
        const bake = bakeLines(text).length === 0 ? 'accepted' : 'rejected';
        const editor = (await diagnose(text)).length === 0 ? 'accepted' : 'rejected';
        verdicts.push(`${v}: editor ${editor}`);
        want.push(`${v}: editor ${bake}`);
      }
      expect(verdicts).toEqual(want);
      // Both verdicts occur, so the comparison means something.
      expect(new Set(want.map((w) => w.split(' ').pop())).size).toBe(2);
    });
  }
});

describe('completion follows type', () => {
  const registry = builtInRegistry();
  const common: Record<PluginKind, Record<string, unknown>> = {
    builder: sourceCommon,
    provisioner: provisionerCommon,
    'post-processor': postProcessorCommon,
  };
  const docFor = (kind: PluginKind, type: string): [string, number, number] => {
    if (kind === 'builder') return [`sources:\n  it:\n    type: ${type}\n    \nbuilds: {}\n`, 3, 4];
    const key = kind === 'provisioner' ? 'provisioners' : 'post-processors';
    return [
      `${NULL_SOURCE}builds:\n  main:\n    sources: [box]\n    ${key}:\n      - type: ${type}\n        \n`,
      10,
      8,
    ];
  };
  const all = (['builder', 'provisioner', 'post-processor'] as const).flatMap((kind) =>
    registry.all(kind).map((d) => [kind, d.type] as const),
  );

  it.each(all)('a %s of type %s is offered exactly its own settings', async (kind, type) => {
    const d = registry.must(kind, type);
    // Refused settings (known from Packer, not supported) are not offered.
    const own = d.schema.kind === 'object' ? Object.keys(offered(d.schema.fields)) : [];
    const want = [...new Set([...Object.keys(common[kind]), ...own])].sort();
    const [text, line, col] = docFor(kind, type);
    const uri = uriFor();
    await ls.diagnose(uri, text);
    const items = await ls.completion(uri, line, col);
    const props = items.filter((i) => i.kind === 10).map((i) => i.label);
    expect(props.sort()).toEqual(want);
    // No other type's snippets once the type is chosen: at most its own, which fills in
    // its required settings, and the chains of the list it is in.
    const others = items.filter((i) => i.kind !== 10).map((i) => i.label);
    expect(others.filter((l) => l !== `${type} ${kind}` && !/chain/.test(l))).toEqual([]);
  });

  it('the value of type offers every type, with its description', async () => {
    const text = `${NULL_SOURCE}builds:\n  main:\n    sources: [box]\n    post-processors:\n      - type: \n`;
    const uri = uriFor();
    await ls.diagnose(uri, text);
    const items = await ls.completion(uri, 9, 14);
    expect(items.map((i) => i.label).sort()).toEqual(registry.types('post-processor').sort());
    const tag = items.find((i) => i.label === 'docker-tag')!;
    expect(JSON.stringify(tag.documentation)).toContain('tag the image');
  });

  it('snippets: a whole spec per builder at the top, a plugin per type in an empty block', async () => {
    const uri = uriFor();
    await ls.diagnose(uri, '\n');
    const top = (await ls.completion(uri, 0, 0)).map((i) => i.label);
    for (const t of registry.types('builder')) expect(top).toContain(`bake spec: ${t}`);

    const text = `${NULL_SOURCE}builds:\n  main:\n    sources: [box]\n    provisioners:\n      - \n    post-processors:\n      - \n`;
    await ls.diagnose(uri, text);
    const prov = (await ls.completion(uri, 9, 8)).map((i) => i.label);
    expect(prov).toContain('shell provisioner');
    const chain = (await ls.completion(uri, 11, 8)).map((i) => i.label);
    expect(chain.join('\n')).toMatch(/post-processor chain/);
  });
});

describe('hover', () => {
  it('a setting shows its plugin, description, what it takes and the default', async () => {
    const text = `${NULL_SOURCE}    ssh_port: 22\nbuilds: {main: {sources: [box]}}\n`;
    const uri = uriFor();
    await ls.diagnose(uri, text);
    const h = await ls.hover(uri, 5, 6);
    expect(h).toContain('#### null builder');
    expect(h).toContain('TCP port of sshd');
    expect(h).toContain('a whole number from 1 to 65535');
    expect(h).toContain('Default: `ssh_port: 22`');
    expect(h).toContain('`${…}` expressions are allowed');
    expect(h).not.toContain('||');
  });

  it('type lists every type with its description', async () => {
    const text = `sources:\n  app:\n    type: docker\n    image: debian\nbuilds: {main: {sources: [app]}}\n`;
    const uri = uriFor();
    await ls.diagnose(uri, text);
    const h = await ls.hover(uri, 2, 6);
    for (const d of builtInRegistry().all('builder')) expect(h).toContain(d.description);
  });
});

describe('the committed schema', () => {
  const schema = JSON.parse(readFileSync(SCHEMA, 'utf8')) as Record<string, unknown>;

  it('has a description on every property', () => {
    const missing: string[] = [];
    const walk = (x: unknown, path: string) => {
      if (Array.isArray(x)) return x.forEach((v, i) => walk(v, `${path}[${i}]`));
      if (!x || typeof x !== 'object') return;
      const o = x as Record<string, unknown>;
      for (const [k, v] of Object.entries(o)) {
        // The conditions of the branches are not shown to anyone.
        if (k === 'if') continue;
        if (k === 'properties')
          for (const [p, ps] of Object.entries(v as Record<string, Record<string, unknown>>)) {
            if (!ps.description) missing.push(`${path}.${p}`);
            walk(ps, `${path}.${p}`);
          }
        else walk(v, `${path}/${k}`);
      }
    };
    walk(schema, '');
    expect(missing).toEqual([]);
  });

  it('has a stable $id, and a SchemaStore catalog entry pointing at it', () => {
    expect(schema.$id).toMatch(/^https:\/\/.+\/schema\/bake\.schema\.json$/);
    const entry = JSON.parse(readFileSync('schema/catalog-entry.json', 'utf8')) as Record<
      string,
      unknown
    >;
    expect(entry.url).toBe(schema.$id);
    expect(entry.fileMatch).toEqual(expect.arrayContaining(['bake.yml', 'bake.yaml']));
  });
});

describe('resolved settings are typed once from their schema', () => {
  it('a quoted "false" reaches the plugin as false, a quoted port as a number', () => {
    const plan = planOf(`${NULL_SOURCE}    ssh_port: "2222"
    ssh_pty: "false"
    ssh_agent_auth: \${"true"}
builds:
  main:
    sources: [box]
    provisioners:
      - type: shell
        inline: [true, 42]
        expect_disconnect: "false"
        skip_clean: "true"
        max_retries: "2"
        valid_exit_codes: ["0", 1]
`);
    const i = plan.instances[0];
    expect(i.config.ssh_port).toBe(2222);
    expect(i.config.ssh_pty).toBe(false);
    expect(i.config.ssh_agent_auth).toBe(true);
    const p = i.provisioners[0];
    expect(p.config.expect_disconnect).toBe(false);
    expect(p.config.skip_clean).toBe(true);
    expect(p.config.inline).toEqual(['true', '42']);
    expect(p.config.valid_exit_codes).toEqual([0, 1]);
    expect(p.maxRetries).toBe(2);
  });

  it('docker privileged: "false" is off', () => {
    const plan = planOf(`sources:
  app: {type: docker, image: debian, privileged: "false", env: {PORT: 8080}}
builds: {main: {sources: [app]}}
`);
    expect(plan.instances[0].config.privileged).toBe(false);
    expect(plan.instances[0].config.env).toEqual({ PORT: '8080' });
  });

  it('"0x16" for a port is an error at its line, also when an expression makes it', () => {
    const literal = problemsOf(
      `${NULL_SOURCE}    ssh_port: "0x16"\nbuilds: {main: {sources: [box]}}\n`,
    );
    expect(literal.map((p) => [p.pos?.line, p.message])).toEqual([
      [6, 'expected a whole number, got the string "0x16"'],
    ]);
    const computed = problemsOf(
      `${NULL_SOURCE}    ssh_port: \${"0x16"}\nbuilds: {main: {sources: [box]}}\n`,
    );
    expect(computed.map((p) => p.pos?.line)).toEqual([6]);
  });

  it('sources given as an expression is an error at its line, not a crash', () => {
    const problems = problemsOf(`variables:
  srcs: {type: "list(string)", default: [box]}
${NULL_SOURCE}builds:
  main:
    sources: \${var.srcs}
`);
    expect(problems.map((p) => [p.pos?.line, p.message])).toEqual([
      [10, 'sources of build "main" must be a list written out in the spec, not an expression'],
    ]);
  });
});

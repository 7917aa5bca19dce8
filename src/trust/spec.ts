/**
 * The trust blocks of a build, as the spec writes them: `tests:` (checks of the finished
 * machine), `sbom:` (its bill of materials) and `scan:` (scanners with a severity gate). A
 * check is named by the one key that says what it checks (`package: openssh-server`,
 * `file: /etc/issue`, `port: 22`), the way goss and serverspec read; a scanner is a `type:`
 * with its settings, like a provisioner. The same validator, errors and editor schema serve
 * them all.
 */
import { didYouMean, Problem } from '../spec/errors';
import { joinPath, LoadedFile } from '../spec/load';
import { check, Field, opt, positionOf, req, s, Schema } from '../spec/schema';

export interface TypedBlock {
  type: string;
  description: string;
  schema: Schema;
}

const only = opt(s.list(s.string(), { single: true }), 'run only for these sources (globs)');
const except = opt(s.list(s.string(), { single: true }), 'skip these sources (globs)');

/** Settings every check takes. */
export const checkCommon: Record<string, Field> = {
  name: opt(s.string(), 'a label for the results table (default: the type and what it checks)'),
  only,
  except,
};

const regexList = (what: string) =>
  opt(
    s.list(s.string(), { single: true }),
    `regular expressions (JavaScript syntax; ^ and $ match at each line) that must each match ${what}`,
  );

export const CHECKS: TypedBlock[] = [
  {
    type: 'package',
    description: 'a package is installed (dpkg, rpm or apk), optionally at a version',
    schema: s.object({
      package: req(s.string(), 'the package name', 'openssh-server'),
      installed: opt(s.bool(), 'false: the package must not be installed', true),
      version: opt(
        s.string({
          pattern: /^\s*(=|==|!=|<=|>=|<|>)?\s*\S+\s*$/,
          patternHint: 'a version, optionally after one of = != < <= > >=, e.g. ">= 1:9.2"',
        }),
        'the installed version, or a constraint such as ">= 9.2" (compared the way dpkg does)',
        undefined,
        '>= 1:9.2',
      ),
    }),
  },
  {
    type: 'file',
    description: 'a file or directory exists with a mode, owner and contents',
    schema: s.object({
      file: req(s.string(), 'absolute path in the machine', '/etc/ssh/sshd_config'),
      exists: opt(s.bool(), 'false: nothing may be at the path', true),
      filetype: opt(s.enum(['file', 'directory', 'symlink']), 'what must be at the path'),
      mode: opt(
        s.string({
          pattern: /^0?[0-7]{3,4}$/,
          patternHint: 'octal permission bits, written as a string: "0644"',
        }),
        'permission bits in octal, e.g. "0600"',
        undefined,
        '0600',
      ),
      owner: opt(s.string(), 'the owning user name'),
      group: opt(s.string(), 'the owning group name'),
      contains: opt(
        s.list(s.string(), { single: true }),
        'literal lines or fragments the file must contain',
      ),
      not_contains: opt(
        s.list(s.string(), { single: true }),
        'literal fragments the file must not contain',
      ),
      matches: opt(
        s.list(s.string(), { single: true }),
        'extended regular expressions (grep -E) each line-matching somewhere in the file',
      ),
      sha256: opt(
        s.string({ pattern: /^[0-9a-fA-F]{64}$/, patternHint: '64 hexadecimal digits' }),
        'the file content hash',
      ),
    }),
  },
  {
    type: 'command',
    description: 'a command exits with a status and prints what it should',
    schema: s.object({
      command: req(s.string(), 'run with /bin/sh -c in the machine', 'sshd -T'),
      exit_status: opt(s.int(0, 255), 'the exit status it must end with', 0),
      stdout: regexList('its standard output'),
      stderr: regexList('its standard error'),
      timeout: opt(s.duration(), 'fail the check when the command runs longer', '60s'),
    }),
  },
  {
    type: 'service',
    description: 'a systemd service is enabled and running (skipped where systemd does not run)',
    schema: s.object({
      service: req(s.string(), 'the unit name; ".service" may be left out', 'ssh'),
      enabled: opt(s.bool(), 'whether it starts at boot'),
      running: opt(s.bool(), 'whether it is active now'),
    }),
  },
  {
    type: 'user',
    description: 'a user exists with its uid, groups, home and shell',
    schema: s.object({
      user: req(s.string(), 'the user name', 'app'),
      exists: opt(s.bool(), 'false: the user must not exist', true),
      uid: opt(s.int(0, 4294967294), 'its user id'),
      gid: opt(s.int(0, 4294967294), 'its primary group id'),
      groups: opt(s.list(s.string(), { single: true }), 'groups it must be a member of'),
      home: opt(s.string(), 'its home directory'),
      shell: opt(s.string(), 'its login shell'),
    }),
  },
  {
    type: 'group',
    description: 'a group exists with its gid',
    schema: s.object({
      group: req(s.string(), 'the group name', 'app'),
      exists: opt(s.bool(), 'false: the group must not exist', true),
      gid: opt(s.int(0, 4294967294), 'its group id'),
    }),
  },
  {
    type: 'port',
    description: 'something listens on a port (read from /proc/net)',
    schema: s.object({
      port: req(s.int(1, 65535), 'the port number', 22),
      protocol: opt(s.enum(['tcp', 'udp']), 'tcp or udp', 'tcp'),
      listening: opt(s.bool(), 'false: nothing may listen on it', true),
      address: opt(
        s.string(),
        'the address it must be bound to, e.g. 127.0.0.1, 0.0.0.0 or :: (default: any)',
      ),
    }),
  },
  {
    type: 'sysctl',
    description: 'a kernel parameter has a value (read from /proc/sys)',
    schema: s.object({
      sysctl: req(s.string({ pattern: /^[A-Za-z0-9_.-]+$/ }), 'the key', 'net.ipv4.ip_forward'),
      value: req(s.string(), 'the value it must have (blanks between fields do not count)', '0'),
    }),
  },
  {
    type: 'http',
    description: 'a URL answers from inside the machine (with curl or wget there)',
    schema: s.object({
      http: req(
        s.string({ pattern: /^https?:\/\//, patternHint: 'an http:// or https:// URL' }),
        'the URL',
        'http://127.0.0.1/',
      ),
      status: opt(s.int(100, 599), 'the HTTP status it must answer with', 200),
      body: regexList('the response body'),
      timeout: opt(s.duration(), 'fail the check when there is no answer by then', '10s'),
      insecure: opt(s.bool(), 'accept a certificate that does not verify', false),
    }),
  },
];

/** The ignore list and threshold every scanner takes. */
export const scanCommon: Record<string, Field> = {
  name: opt(s.string(), 'a label for the results (default: the type)'),
  only,
  except,
  fail_on: opt(
    s.enum(['critical', 'high', 'medium', 'low', 'never']),
    'fail the build on any finding of this severity or worse that is not ignored',
    'high',
  ),
  ignore: opt(
    s.list(
      s.object({
        id: req(s.string(), 'the finding: a CVE or GHSA id, a lynis test id, an XCCDF rule id'),
        reason: req(s.string(), 'why it is acceptable, kept in the results'),
        until: opt(
          s.string({
            pattern: /^\d{4}-\d{2}-\d{2}$/,
            patternHint: 'a date written YYYY-MM-DD',
          }),
          'the last day the rule applies (YYYY-MM-DD); after it the finding counts again, with a warning',
        ),
      }),
    ),
    'findings that do not fail the build, each with its reason',
  ),
};

export const SCANNERS: TypedBlock[] = [
  {
    type: 'lynis',
    description:
      "lynis' hardening audit, run from a temporary directory in the machine and removed",
    schema: s.object({
      min_index: opt(s.int(0, 100), 'fail when the hardening index is below this', undefined, 70),
      tests: opt(
        s.list(s.string(), { single: true }),
        'run only these lynis tests (ids such as SSH-7408)',
      ),
    }),
  },
  {
    type: 'oscap',
    description:
      'an OpenSCAP XCCDF evaluation of a datastream profile; ARF results and the HTML report are kept',
    schema: s.object({
      datastream: req(
        s.string(),
        'the SCAP source datastream, a file beside the spec',
        'ssg-debian12-ds.xml',
      ),
      profile: req(
        s.string(),
        'the XCCDF profile id',
        'xccdf_org.ssgproject.content_profile_standard',
      ),
      tailoring: opt(s.string(), 'an XCCDF tailoring file beside the spec'),
    }),
  },
  {
    type: 'trivy',
    description: "trivy's vulnerability scan of the build's SBOM, on the runner",
    schema: s.object({}),
  },
  {
    type: 'grype',
    description: "grype's vulnerability scan of the build's SBOM, on the runner",
    schema: s.object({}),
  },
];

export const sbomSchema = s.object({
  format: opt(s.enum(['cyclonedx', 'spdx']), 'CycloneDX 1.6 JSON or SPDX 2.3 JSON', 'cyclonedx'),
  output: opt(
    s.string(),
    'where the SBOM is written, relative to the spec (default: <reports_directory>/sbom.cdx.json or sbom.spdx.json)',
  ),
});

/** The build keys the trust blocks add. */
export const trustBuildFields: Record<string, Field> = {
  tests: opt(
    s.list(s.any()),
    'checks of the provisioned machine, run before the image is captured; any failure fails the build',
  ),
  sbom: opt(
    sbomSchema,
    "write the machine's software bill of materials, read from its package databases",
  ),
  scan: opt(s.list(s.any()), 'scanners run before capture, each with a severity gate'),
  reports_directory: opt(
    s.string(),
    'where test results, scanner reports and the SBOM are written, relative to the spec (default: bake-reports/<build>.<source>)',
  ),
};

export function checkType(type: string): TypedBlock | undefined {
  return CHECKS.find((c) => c.type === type);
}
export function scannerType(type: string): TypedBlock | undefined {
  return SCANNERS.find((c) => c.type === type);
}

interface RawContext {
  file: LoadedFile;
  problems: Problem[];
  phase: 'raw' | 'resolved';
}

const CHECK_TYPES = CHECKS.map((c) => c.type);

/** The schema a check is validated with: its own settings and the common ones. */
export function checkSchemaOf(t: TypedBlock): Schema {
  return t.schema.kind === 'object'
    ? { ...t.schema, fields: { ...checkCommon, ...t.schema.fields } }
    : t.schema;
}

/** The schema a scanner is validated with: `type`, the gate's settings and its own. */
export function scannerSchemaOf(t: TypedBlock): Schema {
  return t.schema.kind === 'object'
    ? { ...t.schema, fields: { type: req(s.string()), ...scanCommon, ...t.schema.fields } }
    : t.schema;
}

/**
 * The keys that name a check type, leaving out one that is a setting of another named type
 * (`group:` of a file check is its group, not a group check).
 */
function namedTypes(keys: string[]): string[] {
  const named = keys.filter((k) => CHECK_TYPES.includes(k));
  return named.filter(
    (k) =>
      !named.some((other) => {
        const sc = other !== k ? checkType(other)?.schema : undefined;
        return sc?.kind === 'object' && k in sc.fields;
      }),
  );
}

/** The check type of a written check, when it names exactly one. */
export function checkTypeOf(raw: Record<string, unknown>): TypedBlock | undefined {
  const named = namedTypes(Object.keys(raw));
  return named.length === 1 ? checkType(named[0]) : undefined;
}

/**
 * What a check checks: the one key of it that names a check type. Says what is wrong (none,
 * or two) as one problem.
 */
export function checkTypeIn(value: unknown, path: string, ctx: RawContext): TypedBlock | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    ctx.problems.push({
      message: 'a test is a mapping that names what it checks, e.g. {package: openssh-server}',
      path,
      pos: positionOf(ctx.file, path),
      hint: `checks: ${CHECK_TYPES.join(', ')}`,
    });
    return undefined;
  }
  const keys = Object.keys(value);
  const named = namedTypes(keys);
  if ('type' in value) {
    const tp = joinPath(path, 'type');
    ctx.problems.push({
      message: 'a test is named by what it checks, not by `type`',
      path: tp,
      pos: positionOf(ctx.file, tp, true),
      hint: 'write e.g. `- package: openssh-server` or `- file: /etc/issue`',
    });
    return undefined;
  }
  if (named.length === 1) return checkType(named[0]);
  if (named.length > 1) {
    const second = joinPath(path, named[1]);
    ctx.problems.push({
      message: `a test checks one thing, and this one names ${named.map((k) => `"${k}"`).join(' and ')}`,
      path: second,
      pos: positionOf(ctx.file, second, true),
      hint: 'write each check as its own list item',
    });
    return undefined;
  }
  const near = keys.map((k) => didYouMean(k, CHECK_TYPES)).find(Boolean);
  ctx.problems.push({
    message: 'this test does not say what it checks',
    path,
    pos: positionOf(ctx.file, path),
    hint: near
      ? `did you mean "${near}"?`
      : `start it with one of ${CHECK_TYPES.join(', ')}, e.g. \`- package: openssh-server\``,
  });
  return undefined;
}

/** The scanner a scan entry names by its `type`, or one problem saying what is wrong. */
export function scannerTypeIn(
  value: unknown,
  path: string,
  ctx: RawContext,
): TypedBlock | undefined {
  const types = SCANNERS.map((t) => t.type);
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    ctx.problems.push({
      message: 'a scanner is a mapping with a type, e.g. {type: lynis, min_index: 70}',
      path,
      pos: positionOf(ctx.file, path),
      hint: `scanners: ${types.join(', ')}`,
    });
    return undefined;
  }
  const type = (value as Record<string, unknown>).type;
  if (typeof type !== 'string') {
    ctx.problems.push({
      message: 'missing required key "type"',
      path,
      pos: positionOf(ctx.file, path),
      hint: `scanners: ${types.join(', ')}`,
    });
    return undefined;
  }
  const t = scannerType(type);
  if (!t) {
    const tp = joinPath(path, 'type');
    const near = didYouMean(type, types);
    ctx.problems.push({
      message: `unknown scanner "${type}"`,
      path: tp,
      pos: positionOf(ctx.file, tp),
      hint: near ? `did you mean "${near}"?` : `scanners: ${types.join(', ')}`,
    });
  }
  return t;
}

/** Checks a build's tests, sbom and scan blocks before anything is evaluated. */
export function checkTrustBlocks(
  build: Record<string, unknown>,
  path: string,
  ctx: RawContext,
): void {
  const list = (k: string) => (Array.isArray(build[k]) ? (build[k] as unknown[]) : []);
  list('tests').forEach((t, i) => {
    const p = joinPath(joinPath(path, 'tests'), i);
    const ct = checkTypeIn(t, p, ctx);
    if (ct) check(t, checkSchemaOf(ct), p, ctx);
  });
  list('scan').forEach((t, i) => {
    const p = joinPath(joinPath(path, 'scan'), i);
    const st = scannerTypeIn(t, p, ctx);
    if (st) check(t, scannerSchemaOf(st), p, ctx);
  });
}

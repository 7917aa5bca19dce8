import { parseDuration } from './spec/schema';

export class UsageError extends Error {}

export type Command =
  | 'validate'
  | 'inspect'
  | 'plan'
  | 'build'
  | 'cleanup'
  | 'sweep'
  | 'schema'
  | 'convert'
  | 'help'
  | 'version';
import type { OnError } from './engine/options';
export type { OnError };

export interface CliOptions {
  command: Command;
  spec: string;
  vars: Record<string, string>;
  varFiles: string[];
  only: string[];
  except: string[];
  json: boolean;
  parallelBuilds: number;
  onError: OnError;
  failFast: boolean;
  events?: string;
  sarif?: string;
  ledger: string;
  manifestDefault?: string;
  color?: boolean;
  /** sweep: where to look (each builder reads the option it names), which builders, the age limit, whether to delete. */
  regions: string[];
  projects: string[];
  subscriptions: string[];
  builders: string[];
  olderThanMs?: number;
  delete: boolean;
  /** build: reuse the cached result of a build that has not changed. */
  skipUnchanged: boolean;
  cacheDir: string;
  /** convert: where the bake.yml goes (standard output when not given). */
  output?: string;
}

export const HELP = `Usage: bake <command> [SPEC] [options]

Commands:
  validate   check the spec and report every error with its file:line:col
  inspect    show resolved variables (sensitive ones redacted), builds and their steps
  plan       list the build instances; --json prints a GitHub Actions matrix
  build      run the builds
  cleanup    remove what a killed run left behind (--ledger FILE)
  sweep      list cloud resources of bake runs older than --older-than, in every builder
             that can sweep and is told where to look (--region, --project,
             --subscription); --delete
             removes them
  schema     print the JSON Schema of a spec, with the plugins SPEC lists (for editors)
  convert    write a Packer template (.pkr.hcl, a directory of them, or .json) as a
             bake.yml (-o FILE, else standard output), with # TODO: where it could not
             translate

Options:
  --var NAME=VALUE          set a variable (repeatable)
  --var-file FILE           load variables from a YAML or JSON file (repeatable)
  --only GLOB[,GLOB]        run only these builds (build.source names)
  --except GLOB[,GLOB]      skip these builds
  --parallel-builds N       at most N builds at once (0 = all, the default)
  --on-error MODE           cleanup (default) | abort | run-cleanup-provisioner
  --fail-fast               cancel the other builds when one fails
  --events FILE             write every build event as JSON lines
  --sarif FILE              build: write the findings of the builds' tests and scanners
                            as SARIF 2.1.0 (for GitHub code scanning)
  --ledger FILE             resource ledger (default .bake/ledger.jsonl)
  --skip-unchanged          reuse the result of a build whose inputs have not changed since
                            it was cached, if its artifact still exists
  --cache-dir DIR           where --skip-unchanged keeps results (default .bake/cache)
  --json                    machine-readable output (plan)
  -o, --output FILE         convert: write the bake.yml here
  --region R[,R]            sweep: regions, for builders that sweep by region
  --project P[,P]           sweep: GCP projects to look in
  --subscription S[,S]      sweep: Azure subscriptions to look in
  --builder TYPE[,TYPE]     sweep: only these builder types
  --older-than DURATION     sweep: only what is at least this old, e.g. 6h
  --delete                  sweep: delete what was found (the default is a dry run)

SPEC defaults to bake.yml. It may also be a Packer template: a .pkr.hcl file, a directory
of them, or a legacy .json template (read as they are; see docs/coming-from-packer.md).
Variables also come from BAKE_VAR_<name> (or PKR_VAR_<name>) and *.auto.bakevars.yml
(*.auto.pkrvars.hcl beside a Packer template); --var-file takes .pkrvars.hcl files too.
`;

const COMMANDS: Command[] = [
  'validate',
  'inspect',
  'plan',
  'build',
  'cleanup',
  'sweep',
  'schema',
  'convert',
  'help',
  'version',
];

const commaList = (v: string) =>
  v
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

export function parseArgs(argv: string[]): CliOptions {
  const o: CliOptions = {
    command: 'help',
    spec: 'bake.yml',
    vars: {},
    varFiles: [],
    only: [],
    except: [],
    json: false,
    parallelBuilds: 0,
    onError: 'cleanup',
    failFast: false,
    ledger: '.bake/ledger.jsonl',
    regions: [],
    projects: [],
    subscriptions: [],
    builders: [],
    delete: false,
    skipUnchanged: false,
    cacheDir: '.bake/cache',
  };
  const args = [...argv];
  const cmd = args.shift();
  if (cmd === undefined || cmd === '--help' || cmd === '-h') return o;
  if (cmd === '--version') return { ...o, command: 'version' };
  if (!COMMANDS.includes(cmd as Command))
    throw new UsageError(`unknown command "${cmd}"; commands: ${COMMANDS.join(', ')}`);
  o.command = cmd as Command;
  let specSet = false;
  const value = (flag: string, inline?: string): string => {
    if (inline !== undefined) return inline;
    const v = args.shift();
    if (v === undefined) throw new UsageError(`${flag} needs a value`);
    return v;
  };
  while (args.length) {
    const a = args.shift()!;
    const [flag, inline] =
      a.startsWith('--') && a.includes('=')
        ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]
        : [a, undefined];
    switch (flag) {
      case '--var': {
        const kv = value(flag, inline);
        const eq = kv.indexOf('=');
        if (eq <= 0) throw new UsageError(`--var takes NAME=VALUE, got "${kv}"`);
        o.vars[kv.slice(0, eq)] = kv.slice(eq + 1);
        break;
      }
      case '--var-file':
        o.varFiles.push(value(flag, inline));
        break;
      case '--only':
        o.only.push(...commaList(value(flag, inline)));
        break;
      case '--except':
        o.except.push(...commaList(value(flag, inline)));
        break;
      case '--json':
        o.json = true;
        break;
      case '--fail-fast':
        o.failFast = true;
        break;
      case '--parallel-builds': {
        const v = value(flag, inline);
        const n = Number(v);
        if (!Number.isInteger(n) || n < 0)
          throw new UsageError(`--parallel-builds takes a whole number ≥ 0, got "${v}"`);
        o.parallelBuilds = n;
        break;
      }
      case '--on-error': {
        const v = value(flag, inline);
        if (!['cleanup', 'abort', 'run-cleanup-provisioner'].includes(v))
          throw new UsageError(
            `--on-error takes cleanup, abort or run-cleanup-provisioner, got "${v}"`,
          );
        o.onError = v as OnError;
        break;
      }
      case '--events':
        o.events = value(flag, inline);
        break;
      case '--sarif':
        o.sarif = value(flag, inline);
        break;
      case '--ledger':
        o.ledger = value(flag, inline);
        break;
      case '--region':
        o.regions.push(...commaList(value(flag, inline)));
        break;
      case '--project':
        o.projects.push(...commaList(value(flag, inline)));
        break;
      case '--subscription':
        o.subscriptions.push(...commaList(value(flag, inline)));
        break;
      case '--builder':
        o.builders.push(...commaList(value(flag, inline)));
        break;
      case '--older-than': {
        const v = value(flag, inline);
        const ms = parseDuration(v);
        if (ms === undefined)
          throw new UsageError(`--older-than takes a duration such as 6h or 90m, got "${v}"`);
        o.olderThanMs = ms;
        break;
      }
      case '--skip-unchanged':
        o.skipUnchanged = true;
        break;
      case '-o':
      case '--output':
        o.output = value(flag, inline);
        break;
      case '--cache-dir':
        o.cacheDir = value(flag, inline);
        break;
      case '--delete':
        o.delete = true;
        break;
      case '--color':
        o.color = true;
        break;
      case '--no-color':
        o.color = false;
        break;
      case '-h':
      case '--help':
        o.command = 'help';
        break;
      default:
        if (flag.startsWith('-')) throw new UsageError(`unknown option ${flag}`);
        if (specSet)
          throw new UsageError(`only one spec file may be given (got "${o.spec}" and "${a}")`);
        o.spec = a;
        specSet = true;
    }
  }
  return o;
}

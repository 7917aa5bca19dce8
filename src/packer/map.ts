/**
 * Packer's model onto bake's: variables, locals, sources and build blocks become the same
 * spec value the YAML loader produces, with the position of every key and value. What has no
 * place in bake is a problem at its line (and, for `bake convert`, a `# TODO:` there).
 */
import type { Position, Problem } from '../spec/errors';
import { basename, dirname } from 'node:path';
import { joinPath } from '../spec/load';
import type { Schema } from '../spec/schema';
import type { PluginKind, PluginSet } from '../plugins/api';
import type { PAttr, PBlock, PBody } from './hcl';
import { closingBrace, quotedTemplate } from './hcl-template';
import { translateHclString } from './go-template';
import { mapStrings, someString } from '../util/deep';
import { AWS_CREDENTIAL_KEYS, AWS_CREDENTIALS_HINT, AWS_DATA_KEYS } from '../spec/functions';

export interface Todo extends Problem {
  /** Where in the bake spec the untranslated part belongs. */
  anchor: string;
  /**
   * Not a problem: a setting Packer itself does not use in this build, left out and said
   * so (a note when run, a `# NOTE:` when converted).
   */
  note?: true;
}

/** Builder settings Packer takes and does not use in any build bake makes: why, by type. */
const UNUSED: { type?: string; key: RegExp; why: string }[] = [
  {
    key: /^winrm_/,
    why: 'it is for WinRM, and this source connects over SSH (Packer does not use it here either)',
  },
  {
    type: 'azure-arm',
    key: /^object_id$/,
    why: "Packer uses it only for a Windows build's key vault; a Linux build does not use it",
  },
];

export interface Mapped {
  value: Record<string, unknown>;
  positions: Map<string, Position>;
  keyPositions: Map<string, Position>;
  todos: Todo[];
}

/** Packer's spellings of bake's settings, per plugin type. */
export const RENAMES: Record<string, Record<string, (v: unknown) => [string, unknown]>> = {
  docker: {
    // Packer's pull is a bool and pulls every time; bake's says when.
    pull: (v) => [
      'pull',
      v === true || v === 'true' ? 'always' : v === false || v === 'false' ? 'never' : v,
    ],
  },
  'amazon-ebs': {
    security_group_id: (v) => ['security_group_ids', [v]],
  },
};

/**
 * Tag blocks (`azure_tag { name, value }`, also made by `dynamic "azure_tag"`): Packer's
 * other spelling of a tag map, by builder type: block, map setting, and the block's two keys.
 */
const TAG_BLOCKS: Record<string, [string, string, string, string][]> = {
  'azure-arm': [['azure_tag', 'azure_tags', 'name', 'value']],
  'amazon-ebs': [
    ['tag', 'tags', 'key', 'value'],
    ['run_tag', 'run_tags', 'key', 'value'],
    ['run_volume_tag', 'run_volume_tags', 'key', 'value'],
    ['snapshot_tag', 'snapshot_tags', 'key', 'value'],
  ],
};

/** The communicator each builder type uses; Packer lets a template spell it out. */
const COMMUNICATORS: Record<string, string> = {
  docker: 'docker',
  null: 'ssh',
  'amazon-ebs': 'ssh',
  'azure-arm': 'ssh',
  googlecompute: 'ssh',
};

/** A `communicator = …` that names what the builder uses is fine; anything else is a problem. */
export function communicatorProblem(type: string, v: unknown): string | undefined {
  const uses = COMMUNICATORS[type];
  if (uses && v === uses) return undefined;
  if (type === 'null' && v === 'none') return undefined;
  if (v === 'none')
    return `communicator "none" is not supported by bake's ${type || 'this'} builder: it ${uses === 'docker' ? 'works through the Docker API' : 'connects over SSH'}`;
  return `communicator "${String(v)}" is not supported by bake's ${type || 'this'} builder${uses ? `, which uses ${uses}` : ''}`;
}

/** Data sources that bake reads with one of its functions, by type. */
const DATA_FUNCTIONS: Record<string, { fn: string; keys: string[]; required: string }> = {
  http: {
    fn: 'http_request',
    keys: ['url', 'method', 'request_headers', 'request_body'],
    required: 'url',
  },
  'amazon-parameterstore': {
    fn: 'aws_parameter',
    keys: AWS_DATA_KEYS.aws_parameter,
    required: 'name',
  },
  'amazon-secretsmanager': { fn: 'aws_secret', keys: AWS_DATA_KEYS.aws_secret, required: 'name' },
};

/** `data "amazon-ami"` read other than as a source's source_ami: aws_ami(). */
const AMI_FUNCTION = { fn: 'aws_ami', keys: AWS_DATA_KEYS.aws_ami, required: 'filters' };

/** Top-level blocks of a template and what becomes of them. */
const TOP = ['packer', 'variable', 'variables', 'locals', 'local', 'source', 'build', 'data'];

export class Mapper {
  readonly value: Record<string, Record<string, unknown>> = {};
  readonly positions = new Map<string, Position>();
  readonly keyPositions = new Map<string, Position>();
  readonly todos: Todo[] = [];
  private readonly sourceTypes = new Map<string, string>();
  private unnamed = 0;

  constructor(private readonly registry: PluginSet) {}

  /** Sources that a build-level block changed under their own name, and where. */
  private readonly changedInPlace = new Map<string, Position>();

  result(): Mapped {
    // Such a change holds for every build in bake, where Packer keeps it to one build.
    for (const [base, pos] of this.changedInPlace) {
      const users = Object.values(this.value.builds ?? {}).filter((b) =>
        ((b as { sources?: string[] }).sources ?? []).includes(base),
      );
      if (users.length > 1)
        this.todo('builds', {
          message: `this build changes source "${base}", which other builds use unchanged`,
          pos,
          hint: 'give the changed instance a name of its own: name = "…"',
        });
    }
    // An AMI lookup read as anything but a source's source_ami (its name in a description,
    // its id in a local) is asked of EC2 when the plan is made; one nothing reads is not.
    const amiReads = new Set<string>();
    for (const k of ['variables', 'locals', 'sources', 'builds'])
      someString(this.value[k], (x) => {
        for (const m of x.matchAll(/(?<![\w.-])data\.amazon-ami\.([A-Za-z_][\w-]*)/g))
          amiReads.add(m[1]);
        return false;
      });
    for (const name of amiReads) {
      const d = this.amiData.get(name);
      if (!d) continue;
      this.functionDataSource(d.block, AMI_FUNCTION);
      // One lookup, one answer: a source built from it takes the id the plan found, not a
      // filter of its own that could find a newer AMI than the description names.
      for (const { into, path, a } of d.filters) {
        delete into.source_ami_filter;
        into.source_ami = a.value;
        const fp = joinPath(path, 'source_ami_filter');
        for (const m of [this.positions, this.keyPositions])
          for (const k of [...m.keys()]) if (k === fp || k.startsWith(fp + '.')) m.delete(k);
        this.place(joinPath(path, 'source_ami'), a.pos, a.valuePos, a.value);
      }
    }
    const value: Record<string, unknown> = {};
    const rewrite = this.refRewriter();
    for (const k of ['variables', 'locals', 'sources', 'builds'])
      if (this.value[k] && (Object.keys(this.value[k]).length || k === 'sources' || k === 'builds'))
        value[k] = mapStrings(this.value[k], rewrite);
    value.sources ??= {};
    value.builds ??= {};
    return { value, positions: this.positions, keyPositions: this.keyPositions, todos: this.todos };
  }

  private todo(anchor: string, p: Problem): void {
    this.todos.push({ ...p, anchor });
  }

  private section(name: string): Record<string, unknown> {
    return (this.value[name] ??= {});
  }

  /** Records where a value (and everything inside it) is written. */
  private place(path: string, keyPos: Position | undefined, valuePos: Position, v: unknown): void {
    if (keyPos) this.keyPositions.set(path, keyPos);
    this.positions.set(path, valuePos);
    if (Array.isArray(v))
      v.forEach((x, i) => this.place(joinPath(path, i), undefined, valuePos, x));
    else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) this.place(joinPath(path, k), valuePos, valuePos, x);
  }

  /** `data "amazon-ami"` blocks, which a source's source_ami may name (see amiLookup). */
  private readonly amiData = new Map<
    string,
    {
      block: PBlock;
      /** The sources whose source_ami became a filter of this lookup. */
      filters: { into: Record<string, unknown>; path: string; a: PAttr }[];
    }
  >();

  addData(body: PBody): void {
    for (const b of body.blocks)
      if (b.type === 'data' && b.labels[0] === 'amazon-ami' && b.labels[1])
        this.amiData.set(b.labels[1], { block: b, filters: [] });
  }

  /** `data "null" "NAME"`: the local its `output` is read from, by NAME. */
  private readonly nullData = new Map<string, string>();
  /** Data sources bake reads with a function: the local that holds each answer, by type and NAME. */
  private readonly fnData = new Map<string, Map<string, string>>();

  /** The local a data source becomes, unless the template already has one of that name. */
  private dataLocal(b: PBlock): string | undefined {
    const [type, name] = b.labels;
    const local = `data_${type}_${name}`.replace(/-/g, '_');
    if (this.section('locals')[local] === undefined) return local;
    this.todo('', {
      message: `data "${type}" "${name}" would become local "${local}", which the template already has`,
      pos: b.pos,
      hint: 'rename the data source or the local',
    });
    return undefined;
  }

  /**
   * `data "http"`, `data "amazon-parameterstore"` and `data "amazon-secretsmanager"`: the
   * function that reads the same (http_request(), aws_parameter(), aws_secret()), in the
   * local data_TYPE_NAME that `data.TYPE.NAME` is rewritten to name.
   */
  private functionDataSource(b: PBlock, d: { fn: string; keys: string[]; required: string }): void {
    const [type, name] = b.labels;
    let ok = true;
    for (const x of [...b.body.attrs.filter((a) => !d.keys.includes(a.name)), ...b.body.blocks]) {
      ok = false;
      const what = 'name' in x ? x.name : x.type;
      this.todo('', {
        message: `data "${type}" takes ${d.keys.join(', ')}, not "${what}"`,
        pos: x.pos,
        hint: AWS_CREDENTIAL_KEYS.includes(what) ? AWS_CREDENTIALS_HINT : undefined,
      });
    }
    const required = b.body.attrs.find((a) => a.name === d.required);
    if (!required) {
      this.todo('', { message: `data "${type}" "${name}" has no ${d.required}`, pos: b.pos });
      return;
    }
    const local = ok ? this.dataLocal(b) : undefined;
    if (!local) return;
    const args = b.body.attrs.map((a) => `${JSON.stringify(a.name)} = ${exprOf(a.value)}`);
    let names = this.fnData.get(type);
    if (!names) this.fnData.set(type, (names = new Map()));
    names.set(name, local);
    this.local(local, required, `\${${d.fn}({${args.join(', ')}})}`);
  }

  /**
   * `data "null" "NAME" { input = … }` hands its input back as `output`: in bake, a local
   * (data_null_NAME) that `data.null.NAME.output` is rewritten to name.
   */
  private nullDataSource(b: PBlock): void {
    const name = b.labels[1] ?? '';
    const input = b.body.attrs.find((a) => a.name === 'input');
    const other = [...b.body.attrs.filter((a) => a.name !== 'input'), ...b.body.blocks];
    for (const x of other)
      this.todo('', {
        message: `data "null" takes input only, not "${'name' in x ? x.name : x.type}"`,
        pos: x.pos,
      });
    if (!input) {
      this.todo('', {
        message: `data "null" "${name}" has no input`,
        pos: b.pos,
        hint: 'set input = the value that data.null.NAME.output should give',
      });
      return;
    }
    const local = this.dataLocal(b);
    if (!local) return;
    this.nullData.set(name, local);
    this.local(local, input, input.value);
  }

  /**
   * References that bake spells its own way, rewritten in each string of a mapped value:
   * `data.null.NAME.output` as the local that holds it, `data.http.NAME` (and the AWS ones) as
   * the local that holds the answer, `packer.version` as `bake.version` (the version of what
   * builds). The rules are made once, for every string.
   */
  private refRewriter(): (s: string) => string {
    const toLocal = (re: RegExp, names: Map<string, string>) => (s: string) =>
      s.replace(re, (all, n: string) => (names.has(n) ? `local.${names.get(n)}` : all));
    const rules = [
      (s: string) => s.replace(/(?<![\w.-])packer\.version(?![\w-])/g, 'bake.version'),
      toLocal(/(?<![\w.-])data\.null\.([A-Za-z_][\w-]*)\.output(?![\w-])/g, this.nullData),
      ...[...this.fnData].map(([type, names]) =>
        toLocal(
          new RegExp(`(?<![\\w.-])data\\.${type}\\.([A-Za-z_][\\w-]*)(?![\\w-])`, 'g'),
          names,
        ),
      ),
    ];
    return (s) => (s.includes('${') ? rules.reduce((out, rule) => rule(out), s) : s);
  }

  /**
   * `source_ami = data.amazon-ami.NAME.id`: the same lookup is the builder's own
   * source_ami_filter (filters, owners, most_recent), made when the build starts.
   */
  private amiLookup(
    a: PAttr,
    type: string,
    path: string,
    body: PBody,
    into: Record<string, unknown>,
  ): unknown {
    const m = /^\$\{data\.amazon-ami\.([A-Za-z0-9_-]+)\.id\}$/.exec(String(a.value));
    const d = m ? this.amiData.get(m[1]) : undefined;
    if (!m || !d || type !== 'amazon-ebs') return undefined;
    const filter: Record<string, unknown> = {};
    for (const x of d.block.body.attrs) {
      if (x.name === 'filters' || x.name === 'owners' || x.name === 'most_recent') {
        filter[x.name] = x.value;
        this.place(
          joinPath(joinPath(path, 'source_ami_filter'), x.name),
          x.pos,
          x.valuePos,
          x.value,
        );
      } else if (x.name === 'region') {
        const own = body.attrs.find((y) => y.name === 'region')?.value;
        if (own !== x.value) {
          this.todo(path, {
            message: `data.amazon-ami.${m[1]} looks in region ${String(x.value)}, the source builds in ${String(own ?? 'its default region')}`,
            pos: x.pos,
            hint: 'bake looks the AMI up in the region the source builds in; use the same region',
          });
          return null;
        }
      } else {
        // The builder's filter cannot say it (include_deprecated, …): aws_ami() looks it up
        // when the plan is made, as it does for the lookup's other readers.
        return undefined;
      }
    }
    // Remembered: if the template reads the lookup elsewhere too, result() makes this
    // source take the id the plan finds instead.
    d.filters.push({ into, path, a });
    return filter;
  }

  /** Sources first, from every file: builds refer to them by type and name. */
  addSources(body: PBody): void {
    for (const b of body.blocks) if (b.type === 'source') this.source(b);
  }

  addFile(body: PBody): void {
    for (const a of body.attrs)
      this.todo('', {
        message: `a template's top level holds blocks, not settings like "${a.name} ="`,
        pos: a.pos,
        hint: 'move it into a block (variable, locals, source or build)',
      });
    for (const b of body.blocks) {
      switch (b.type) {
        case 'packer':
          this.packer(b);
          break;
        case 'variable':
          this.variable(b);
          break;
        case 'variables':
          for (const a of b.body.attrs) this.variableFromDefault(a);
          break;
        case 'locals':
          for (const a of b.body.attrs) this.local(a.name, a, a.value);
          break;
        case 'local':
          this.singleLocal(b);
          break;
        case 'source':
          break;
        case 'build':
          this.build(b);
          break;
        case 'data':
          // Read by a source_ami (its filter) or by other settings (aws_ami(), see result()).
          if (b.labels[0] === 'amazon-ami' && b.labels[1]) break;
          if (b.labels[0] === 'null' && b.labels[1]) {
            this.nullDataSource(b);
            break;
          }
          if (DATA_FUNCTIONS[b.labels[0]] && b.labels[1]) {
            this.functionDataSource(b, DATA_FUNCTIONS[b.labels[0]]);
            break;
          }
          this.todo('', {
            message: `data source "${b.labels.join('.')}" is not supported by bake yet`,
            pos: b.pos,
            hint: 'compute the value before the build and pass it in as a variable (--var or a var file)',
          });
          break;
        default:
          this.todo('', {
            message: `unknown block "${b.type}" in a Packer template`,
            pos: b.pos,
            hint: `a template's blocks are: ${TOP.join(', ')}`,
          });
      }
    }
  }

  private packer(b: PBlock): void {
    // required_version and required_plugins: bake carries its builders, provisioners and
    // post-processors itself; a type it does not have is an error where it is used.
    for (const a of b.body.attrs)
      if (a.name !== 'required_version')
        this.todo('', { message: `unknown setting "${a.name}" in the packer block`, pos: a.pos });
    for (const inner of b.body.blocks)
      if (inner.type !== 'required_plugins')
        this.todo('', {
          message: `unknown block "${inner.type}" in the packer block`,
          pos: inner.pos,
        });
  }

  /** A second declaration of a name, in any file, is an error at it, as in Packer. */
  private twice(section: 'variables' | 'locals', name: string, pos: Position): boolean {
    if (!(name in this.section(section))) return false;
    const first =
      this.keyPositions.get(joinPath(section, name)) ?? this.positions.get(joinPath(section, name));
    const what = section === 'variables' ? 'variable' : 'local';
    this.todo(section, {
      message: `${what} "${name}" is declared twice`,
      pos,
      hint: first
        ? `it is declared first at ${relativeTo(first.file, pos.file)}:${first.line}; keep one`
        : 'keep one',
    });
    return true;
  }

  private variable(b: PBlock): void {
    const name = b.labels[0] ?? '';
    if (this.twice('variables', name, b.pos)) return;
    const path = joinPath('variables', name);
    const decl: Record<string, unknown> = {};
    this.keyPositions.set(path, b.pos);
    this.positions.set(path, b.pos);
    for (const a of b.body.attrs) {
      let v = a.value;
      if (a.name === 'type') v = typeText(a.text);
      decl[a.name] = v;
      this.place(joinPath(path, a.name), a.pos, a.valuePos, v);
    }
    // Packer takes a variable without a type as whatever its value is.
    decl.type ??= 'any';
    const rules: Record<string, unknown>[] = [];
    for (const inner of b.body.blocks) {
      if (inner.type !== 'validation') {
        this.todo(path, {
          message: `unknown block "${inner.type}" in variable "${name}"`,
          pos: inner.pos,
        });
        continue;
      }
      const rp = joinPath(joinPath(path, 'validation'), rules.length);
      const rule: Record<string, unknown> = {};
      this.positions.set(rp, inner.pos);
      for (const a of inner.body.attrs) {
        rule[a.name] = a.value;
        this.place(joinPath(rp, a.name), a.pos, a.valuePos, a.value);
      }
      rules.push(rule);
    }
    if (rules.length) decl.validation = rules;
    this.section('variables')[name] = decl;
  }

  private variableFromDefault(a: PAttr): void {
    const path = joinPath('variables', a.name);
    this.keyPositions.set(path, a.pos);
    this.positions.set(path, a.pos);
    this.section('variables')[a.name] = { type: 'any', default: a.value };
    this.place(joinPath(path, 'default'), a.pos, a.valuePos, a.value);
  }

  private local(name: string, a: PAttr, v: unknown): void {
    if (this.twice('locals', name, a.pos)) return;
    const path = joinPath('locals', name);
    this.section('locals')[name] = v;
    this.place(path, a.pos, a.valuePos, v);
  }

  private singleLocal(b: PBlock): void {
    const name = b.labels[0] ?? '';
    const expr = b.body.attrs.find((a) => a.name === 'expression');
    const sens = b.body.attrs.find((a) => a.name === 'sensitive');
    if (!expr) {
      this.todo('locals', { message: `local "${name}" has no expression`, pos: b.pos });
      return;
    }
    if (sens && sens.value !== false && sens.value !== 'false') {
      // A sensitive local is its value marked sensitive: redacted, and so is what uses it.
      this.local(name, expr, `\${sensitive(${exprOf(expr.value)})}`);
      return;
    }
    this.local(name, expr, expr.value);
  }

  private source(b: PBlock): void {
    const [type, name] = b.labels;
    if (!type || !name) {
      this.todo('sources', {
        message: 'a source block takes a type and a name: source "docker" "app" {',
        pos: b.pos,
      });
      return;
    }
    const other = this.sourceTypes.get(name);
    if (other !== undefined) {
      this.todo('sources', {
        message: `source "${type}" "${name}": a source named "${name}" is already defined (of type ${other})`,
        pos: b.pos,
        hint: 'bake names sources by name alone; rename one of them',
      });
      return;
    }
    this.sourceTypes.set(name, type);
    const path = joinPath('sources', name);
    this.keyPositions.set(path, b.pos);
    this.positions.set(path, b.pos);
    this.positions.set(joinPath(path, 'type'), b.pos);
    const config: Record<string, unknown> = { type };
    this.pluginBody(b.body, config, path, 'builder', type);
    this.section('sources')[name] = config;
  }

  /**
   * Packer's plugins expand `{{ … }}` in their settings, HCL templates' too: each becomes the
   * `${ … }` that means the same; one without a translation is a problem at its value.
   */
  private goTemplates(v: unknown, a: PAttr, path: string): unknown {
    return mapStrings(v, (s) => {
      const r = translateHclString(s);
      for (const e of r.errors)
        this.todo(path, {
          message: `${e.text}: ${e.error}`,
          pos: a.valuePos,
          hint: 'write the value out, or compute it with an expression ${…}',
        });
      return r.value;
    });
  }

  /** A plugin's settings and nested blocks, with Packer's spellings turned into bake's. */
  private pluginBody(
    body: PBody,
    into: Record<string, unknown>,
    path: string,
    kind: PluginKind,
    type: string,
  ): void {
    const schema = this.registry.get(kind, type)?.schema;
    for (const a of body.attrs) {
      // Packer reads "" and null as a setting left unset (source_ami = "" beside a filter).
      if (a.value === '' || a.value === null) continue;
      if (a.name === 'communicator') {
        const why = communicatorProblem(kind === 'builder' ? type : '', a.value);
        if (why) this.todo(path, { message: why, pos: a.pos, hint: 'remove communicator' });
        // The null builder has the setting itself (ssh or none).
        if (why || type !== 'null') continue;
      }
      const unused =
        kind === 'builder'
          ? UNUSED.find((u) => (!u.type || u.type === type) && u.key.test(a.name))
          : undefined;
      if (unused) {
        this.todos.push({
          message: `${a.name} is left out: ${unused.why}`,
          pos: a.pos,
          anchor: path,
          note: true,
        });
        continue;
      }
      if (kind === 'builder' && a.name === 'source_ami') {
        const filter = this.amiLookup(a, type, path, body, into);
        if (filter === null) continue;
        if (filter !== undefined) {
          into.source_ami_filter = filter;
          this.keyPositions.set(joinPath(path, 'source_ami_filter'), a.pos);
          this.positions.set(joinPath(path, 'source_ami_filter'), a.valuePos);
          continue;
        }
      }
      const rename = RENAMES[type]?.[a.name];
      const value = this.goTemplates(a.value, a, path);
      const [k, v] = rename ? rename(value) : [a.name, value];
      into[k] = v;
      this.place(joinPath(path, k), a.pos, a.valuePos, v);
    }
    const tagged = kind === 'builder' ? this.tagBlocks(body, into, path, type) : new Set();
    const blocks = body.blocks.filter(
      (b) => !tagged.has(b.type === 'dynamic' ? (b.labels[0] ?? '') : b.type),
    );
    const dynamic = this.dynamicBlocks(blocks, into, path, schema);
    for (const inner of blocks) {
      if (dynamic.has(inner.type)) continue;
      const field = schema?.kind === 'object' ? schema.fields[inner.type]?.schema : undefined;
      const obj: Record<string, unknown> = {};
      if (field?.kind === 'list') {
        const list = (into[inner.type] ??= []) as unknown[];
        const p = joinPath(joinPath(path, inner.type), list.length);
        this.keyPositions.set(joinPath(path, inner.type), inner.pos);
        this.positions.set(p, inner.pos);
        this.blockInto(inner, obj, p, field.of);
        list.push(obj);
      } else {
        const p = joinPath(path, inner.type);
        if (inner.type in into) {
          this.todo(path, {
            message: `"${inner.type}" is given twice; ${type} takes one`,
            pos: inner.pos,
          });
          continue;
        }
        this.keyPositions.set(p, inner.pos);
        this.positions.set(p, inner.pos);
        this.blockInto(inner, obj, p, field);
        into[inner.type] = obj;
      }
    }
  }

  /**
   * Tag blocks, written and dynamic, become entries of the builder's tag map (after the
   * map's own, as Packer merges them). Returns the block types it took.
   */
  private tagBlocks(
    body: PBody,
    into: Record<string, unknown>,
    path: string,
    type: string,
  ): Set<string> {
    const taken = new Set<string>();
    for (const [block, map, k, v] of TAG_BLOCKS[type] ?? []) {
      const written = body.blocks.filter((b) => b.type === block);
      const dyns = body.blocks.filter((b) => b.type === 'dynamic' && b.labels[0] === block);
      if (!written.length && !dyns.length) continue;
      taken.add(block);
      const parts: string[] = [];
      if (written.length)
        parts.push(`[${written.map((b) => this.bodyExpr(b.body, path)).join(', ')}]`);
      for (const d of dyns) {
        const e = this.dynamicExpr(d, path);
        if (e === undefined) return taken;
        parts.push(e);
      }
      for (const b of written)
        for (const key of [k, v])
          if (!b.body.attrs.some((a) => a.name === key))
            this.todo(path, {
              message: `${block} has no ${key}`,
              pos: b.pos,
              hint: `give it ${k} = "…" and ${v} = "…"`,
            });
      const list = parts.length === 1 ? parts[0] : `concat(${parts.join(', ')})`;
      const fromBlocks = `{for t in ${list} : t.${k} => t.${v}}`;
      const value = `\${${map in into ? `merge(${exprOf(into[map])}, ${fromBlocks})` : fromBlocks}}`;
      into[map] = value;
      const at = (written[0] ?? dyns[0]).pos;
      this.place(joinPath(path, map), at, at, value);
    }
    return taken;
  }

  /**
   * `dynamic "NAME" { for_each, iterator, content {…} }`: the list of NAME blocks as one
   * expression, a `for` over for_each that makes each block from content (with the static
   * NAME blocks beside it first, as Packer orders them). Returns the block types it took, and
   * "dynamic" itself, which the caller then leaves alone.
   */
  private dynamicBlocks(
    blocks: PBlock[],
    into: Record<string, unknown>,
    path: string,
    schema?: Schema,
  ): Set<string> {
    const taken = new Set<string>(['dynamic']);
    const byType = new Map<string, PBlock[]>();
    for (const d of blocks.filter((b) => b.type === 'dynamic')) {
      const name = d.labels[0] ?? '';
      const field = schema?.kind === 'object' ? schema.fields[name]?.schema : undefined;
      if (field && field.kind !== 'list') {
        this.todo(path, {
          message: `dynamic "${name}": ${name} takes one block, and a dynamic block makes a list`,
          pos: d.pos,
          hint: `write the ${name} block out`,
        });
        continue;
      }
      byType.set(name, [...(byType.get(name) ?? []), d]);
    }
    for (const [name, dyns] of byType) {
      const field = schema?.kind === 'object' ? schema.fields[name]?.schema : undefined;
      const elem = field?.kind === 'list' ? field.of : undefined;
      const parts: string[] = [];
      const statics = blocks.filter((b) => b.type === name);
      if (statics.length)
        parts.push(`[${statics.map((b) => this.bodyExpr(b.body, path, elem)).join(', ')}]`);
      let ok = true;
      for (const d of dyns) {
        const e = this.dynamicExpr(d, path, elem);
        if (e === undefined) ok = false;
        else parts.push(e);
      }
      taken.add(name);
      if (!ok) continue;
      const value = `\${${parts.length === 1 ? parts[0] : `concat(${parts.join(', ')})`}}`;
      into[name] = value;
      this.place(joinPath(path, name), dyns[0].pos, dyns[0].pos, value);
    }
    return taken;
  }

  /**
   * A dynamic block's parts: for_each, the iterator's name, the one content block, and the
   * labels (a build's dynamic source, provisioner or post-processor has them, a nested block
   * not); undefined (with a problem) when it is malformed.
   */
  private dynamicParts(
    d: PBlock,
    path: string,
    labelled: boolean,
  ): { forEach: PAttr; it: string; content: PBlock; labels?: string[] } | undefined {
    const name = d.labels[0] ?? '';
    const bad = (message: string, pos: Position, hint?: string) => {
      this.todo(path, { message: `dynamic "${name}": ${message}`, pos, hint });
      return undefined;
    };
    const known = ['for_each', 'iterator', ...(labelled ? ['labels'] : [])];
    const forEach = d.body.attrs.find((a) => a.name === 'for_each');
    const contents = d.body.blocks.filter((b) => b.type === 'content');
    for (const a of d.body.attrs)
      if (!known.includes(a.name))
        return bad(
          a.name === 'labels'
            ? `labels are for blocks that have them, and ${name} has none`
            : `unknown setting "${a.name}"`,
          a.pos,
          `a dynamic block has ${labelled ? 'labels, ' : ''}for_each, iterator and one content block`,
        );
    for (const b of d.body.blocks)
      if (b.type !== 'content')
        return bad(`unknown block "${b.type}"`, b.pos, 'the blocks go inside content { … }');
    if (!forEach)
      return bad('for_each is missing', d.pos, 'for_each = the list or map to repeat over');
    if (contents.length !== 1)
      return bad(
        `it takes one content block, not ${contents.length}`,
        contents[1]?.pos ?? d.pos,
        'content { … } holds the settings of each block',
      );
    const itAttr = d.body.attrs.find((a) => a.name === 'iterator');
    const it = itAttr ? /^\$\{\s*([A-Za-z_]\w*)\s*\}$/.exec(String(itAttr.value))?.[1] : name;
    // A build's iterators become each.key and each.value, so Packer's default names (with
    // their dashes: post-processor.value) are fine there; nested ones name a for variable.
    if (!it || !(labelled ? /^[A-Za-z_][\w-]*$/ : /^[A-Za-z_]\w*$/).test(it))
      return bad(
        itAttr
          ? 'iterator is a name, such as iterator = disk'
          : `"${name}" cannot name the iterator`,
        itAttr?.pos ?? d.pos,
        'set iterator = a name, and write NAME.key and NAME.value in content',
      );
    if (!labelled) return { forEach, it, content: contents[0] };
    const labelsAttr = d.body.attrs.find((a) => a.name === 'labels');
    const labels = labelsAttr?.value;
    if (
      !Array.isArray(labels) ||
      labels.length !== 1 ||
      typeof labels[0] !== 'string' ||
      labels[0].includes('${')
    )
      return bad(
        labelsAttr
          ? 'labels must be one name written out'
          : `labels is missing: it names the ${name === 'source' ? 'source' : `${name} type`}`,
        labelsAttr?.pos ?? d.pos,
        name === 'source'
          ? 'labels = ["source.TYPE.NAME"]'
          : `labels = ["shell"], the ${name} type`,
      );
    return { forEach, it, content: contents[0], labels: labels as string[] };
  }

  /** One dynamic block as a `for` expression; undefined (with a problem) when it is malformed. */
  private dynamicExpr(d: PBlock, path: string, schema?: Schema): string | undefined {
    const parts = this.dynamicParts(d, path, false);
    if (!parts) return undefined;
    // Each element as HCL gives it to content: NAME.key (index or map key) and NAME.value.
    return `[for ${parts.it} in [for bake_k, bake_v in ${exprOf(parts.forEach.value)} : {key = bake_k, value = bake_v}] : ${this.bodyExpr(parts.content.body, path, schema)}]`;
  }

  /**
   * A build's `dynamic "provisioner"` or `dynamic "post-processor"`: the step once, with
   * bake's for_each, which runs it once per element; the iterator's NAME.key and NAME.value
   * are each.key and each.value.
   */
  private dynamicStep(
    d: PBlock,
    path: string,
    kind: 'provisioner' | 'post-processor',
  ): Record<string, unknown> | undefined {
    const parts = this.dynamicParts(d, path, true);
    if (!parts) return undefined;
    const type = parts.labels![0];
    const step = this.step(
      { ...parts.content, type: kind, labels: [type], pos: d.pos },
      path,
      kind,
    );
    const out = { ...eachOf(step, parts.it), for_each: parts.forEach.value };
    this.place(joinPath(path, 'for_each'), parts.forEach.pos, parts.forEach.valuePos, out.for_each);
    return out;
  }

  /**
   * A build's `dynamic "source"`: one more source, the named one with content's settings over
   * it, and bake's for_each, which makes one instance per element, named by content's `name`.
   */
  private dynamicSource(d: PBlock, buildPath: string): string | undefined {
    const parts = this.dynamicParts(d, buildPath, true);
    if (!parts) return undefined;
    const ref = parts.labels![0];
    const base = this.sourceRef(ref);
    const nameAttr = parts.content.body.attrs.find((a) => a.name === 'name');
    const sources = this.section('sources');
    let key = `${base}-each`;
    for (let i = 2; key in sources; i++) key = `${base}-each-${i}`;
    const made = this.namedInstance(
      {
        ...parts.content,
        pos: d.pos,
        body: {
          attrs: [
            ...parts.content.body.attrs.filter((a) => a.name !== 'name'),
            { ...parts.forEach, name: 'name', value: key },
          ],
          blocks: parts.content.body.blocks,
        },
      },
      base,
      ref,
    );
    if (!made) return undefined;
    const path = joinPath('sources', made);
    const { type, ...settings } = eachOf(sources[made] as Record<string, unknown>, parts.it);
    const name = nameAttr ? eachOf({ v: nameAttr.value }, parts.it).v : `${base}-\${each.key}`;
    // for_each and name first: they say what the settings below are repeated for.
    sources[made] = { type, for_each: parts.forEach.value, name, ...settings };
    const forEach = joinPath(path, 'for_each');
    this.place(forEach, parts.forEach.pos, parts.forEach.valuePos, parts.forEach.value);
    if (nameAttr) this.place(joinPath(path, 'name'), nameAttr.pos, nameAttr.valuePos, name);
    else this.place(joinPath(path, 'name'), parts.forEach.pos, parts.forEach.valuePos, name);
    return made;
  }

  /** A block's body as an object expression (nested blocks as objects, or lists of them). */
  private bodyExpr(body: PBody, path: string, schema?: Schema): string {
    const entries = body.attrs.map((a) => `${JSON.stringify(a.name)} = ${exprOf(a.value)}`);
    const holder: Record<string, unknown> = {};
    const dynamic = this.dynamicBlocks(body.blocks, holder, path, schema);
    for (const [k, v] of Object.entries(holder))
      entries.push(`${JSON.stringify(k)} = ${exprOf(v)}`);
    const types = [...new Set(body.blocks.map((b) => b.type))].filter((t) => !dynamic.has(t));
    for (const t of types) {
      const field = schema?.kind === 'object' ? schema.fields[t]?.schema : undefined;
      const list = body.blocks.filter((b) => b.type === t);
      const elem = field?.kind === 'list' ? field.of : field;
      const items = list.map((b) => this.bodyExpr(b.body, path, elem));
      entries.push(
        `${JSON.stringify(t)} = ${field?.kind === 'list' || list.length > 1 ? `[${items.join(', ')}]` : items[0]}`,
      );
    }
    return `{${entries.join(', ')}}`;
  }

  private blockInto(b: PBlock, into: Record<string, unknown>, path: string, schema?: Schema): void {
    for (const a of b.body.attrs) {
      into[a.name] = this.goTemplates(a.value, a, path);
      this.place(joinPath(path, a.name), a.pos, a.valuePos, into[a.name]);
    }
    const dynamic = this.dynamicBlocks(b.body.blocks, into, path, schema);
    for (const inner of b.body.blocks) {
      if (dynamic.has(inner.type)) continue;
      const field = schema?.kind === 'object' ? schema.fields[inner.type]?.schema : undefined;
      const obj: Record<string, unknown> = {};
      if (field?.kind === 'list') {
        const list = (into[inner.type] ??= []) as unknown[];
        const p = joinPath(joinPath(path, inner.type), list.length);
        this.positions.set(p, inner.pos);
        this.blockInto(inner, obj, p, field.of);
        list.push(obj);
      } else {
        const p = joinPath(path, inner.type);
        this.keyPositions.set(p, inner.pos);
        this.positions.set(p, inner.pos);
        this.blockInto(inner, obj, p, field);
        into[inner.type] = obj;
      }
    }
  }

  /** `source.docker.app`, `docker.app` or `app` → the bake source name. */
  private sourceRef(ref: string): string | undefined {
    const parts = ref.replace(/^source\./, '').split('.');
    const name = parts[parts.length - 1];
    if (parts.length === 2 && this.sourceTypes.get(name) !== parts[0]) return undefined;
    return this.sourceTypes.has(name) ? name : undefined;
  }

  private build(b: PBlock): void {
    const nameAttr = b.body.attrs.find((a) => a.name === 'name');
    const name =
      typeof nameAttr?.value === 'string'
        ? nameAttr.value
        : this.unnamed++ === 0
          ? 'build'
          : `build-${this.unnamed}`;
    const path = joinPath('builds', name);
    if (name in this.section('builds')) {
      this.todo('builds', {
        message: `a build named "${name}" is already defined`,
        pos: nameAttr?.pos ?? b.pos,
        hint: 'give each build block its own name = "…"',
      });
      return;
    }
    this.keyPositions.set(path, b.pos);
    this.positions.set(path, b.pos);
    const build: Record<string, unknown> = {};
    const sources: string[] = [];
    const sp = joinPath(path, 'sources');
    for (const a of b.body.attrs) {
      if (a.name === 'name') continue;
      if (a.name === 'description') {
        build.description = a.value;
        this.place(joinPath(path, 'description'), a.pos, a.valuePos, a.value);
        continue;
      }
      if (a.name === 'sources') {
        this.keyPositions.set(sp, a.pos);
        this.positions.set(sp, a.valuePos);
        for (const ref of Array.isArray(a.value) ? a.value : [a.value]) {
          const n = this.sourceRef(String(ref));
          this.positions.set(joinPath(sp, sources.length), a.valuePos);
          // An unknown reference stays as written, so the check names it with the sources there are.
          sources.push(n ?? String(ref).replace(/^source\./, ''));
        }
        continue;
      }
      this.todo(path, {
        message: `unknown setting "${a.name}" in a build block`,
        pos: a.pos,
        hint: 'a build has name, description and sources',
      });
    }
    const provisioners: unknown[] = [];
    const chains: unknown[] = [];
    for (const inner of b.body.blocks) {
      switch (inner.type) {
        case 'source': {
          const ref = inner.labels[0] ?? '';
          const n = this.sourceRef(ref);
          if (inner.body.attrs.length || inner.body.blocks.length) {
            const made = this.namedInstance(inner, n, ref);
            if (made) {
              this.positions.set(joinPath(sp, sources.length), inner.pos);
              sources.push(made);
            }
            continue;
          }
          this.positions.set(joinPath(sp, sources.length), inner.pos);
          sources.push(n ?? ref.replace(/^source\./, ''));
          break;
        }
        case 'provisioner': {
          const p = joinPath(joinPath(path, 'provisioners'), provisioners.length);
          provisioners.push(this.step(inner, p, 'provisioner'));
          break;
        }
        case 'error-cleanup-provisioner': {
          const p = joinPath(path, 'error-cleanup-provisioner');
          build['error-cleanup-provisioner'] = this.step(inner, p, 'provisioner');
          break;
        }
        case 'post-processor': {
          const p = joinPath(joinPath(path, 'post-processors'), chains.length);
          chains.push(this.step(inner, p, 'post-processor'));
          break;
        }
        case 'post-processors': {
          const cp = joinPath(joinPath(path, 'post-processors'), chains.length);
          this.positions.set(cp, inner.pos);
          const chain: unknown[] = [];
          for (const pp of inner.body.blocks) {
            if (pp.type === 'dynamic' && pp.labels[0] === 'post-processor') {
              const step = this.dynamicStep(pp, joinPath(cp, chain.length), 'post-processor');
              if (step) chain.push(step);
              continue;
            }
            if (pp.type !== 'post-processor') {
              this.todo(path, {
                message: `a post-processors block holds post-processor blocks, not "${pp.type}"`,
                pos: pp.pos,
              });
              continue;
            }
            chain.push(this.step(pp, joinPath(cp, chain.length), 'post-processor'));
          }
          chains.push(chain);
          break;
        }
        case 'dynamic': {
          const what = inner.labels[0] ?? '';
          if (what === 'source') {
            const made = this.dynamicSource(inner, path);
            if (made) {
              this.positions.set(joinPath(sp, sources.length), inner.pos);
              sources.push(made);
            }
          } else if (what === 'provisioner') {
            const p = joinPath(joinPath(path, 'provisioners'), provisioners.length);
            const step = this.dynamicStep(inner, p, 'provisioner');
            if (step) provisioners.push(step);
          } else if (what === 'post-processor') {
            const p = joinPath(joinPath(path, 'post-processors'), chains.length);
            const step = this.dynamicStep(inner, p, 'post-processor');
            if (step) chains.push(step);
          } else
            this.todo(path, {
              message: `dynamic "${what}" in a build block: ${what === 'error-cleanup-provisioner' ? 'a build has one error-cleanup-provisioner, and a dynamic block makes several' : what === 'post-processors' ? 'bake has no dynamic chains' : `a build has no "${what}" blocks`}`,
              pos: inner.pos,
              hint:
                what === 'post-processors'
                  ? 'write the chain out, with a dynamic "post-processor" inside it'
                  : 'dynamic blocks in a build make sources, provisioners and post-processors',
            });
          break;
        }
        case 'hcp_packer_registry':
          this.todo(path, {
            message: 'hcp_packer_registry is not supported by bake',
            pos: inner.pos,
            hint: "remove it; bake reports artifacts in its outputs and the manifest post-processor's file",
          });
          break;
        default:
          this.todo(path, {
            message: `unknown block "${inner.type}" in a build block`,
            pos: inner.pos,
            hint: 'a build holds source, provisioner, error-cleanup-provisioner, post-processor and post-processors blocks',
          });
      }
    }
    build.sources = sources;
    if (provisioners.length) build.provisioners = provisioners;
    if (chains.length) build['post-processors'] = chains;
    this.section('builds')[name] = build;
  }

  /**
   * `source "source.docker.base" { name = "one" … }` in a build: one more instance of a
   * source, under its own name, with the settings given there over the source's. In bake it
   * is a source of its own.
   */
  private namedInstance(b: PBlock, base: string | undefined, ref: string): string | undefined {
    if (base === undefined) {
      this.todo('builds', {
        message: `source "${ref}" is not defined`,
        pos: b.pos,
        hint: `defined sources: ${[...this.sourceTypes].map(([n, t]) => `source.${t}.${n}`).join(', ') || 'none'}`,
      });
      return undefined;
    }
    const nameAttr = b.body.attrs.find((a) => a.name === 'name');
    const name = typeof nameAttr?.value === 'string' ? nameAttr.value : base;
    const type = this.sourceTypes.get(base)!;
    const sources = this.section('sources');
    if (name !== base && name in sources) {
      this.todo('builds', {
        message: `source "${ref}" is named "${name}", which another source already is`,
        pos: nameAttr?.pos ?? b.pos,
        hint: 'bake names sources by name alone; give this instance a name of its own',
      });
      return undefined;
    }
    const path = joinPath('sources', name);
    const config = structuredClone(sources[base] as Record<string, unknown>);
    // The base source's positions hold for what is not given here.
    const basePath = joinPath('sources', base);
    if (name !== base)
      for (const map of [this.positions, this.keyPositions])
        for (const [k, v] of [...map])
          if (k === basePath || k.startsWith(basePath + '.') || k.startsWith(basePath + '['))
            map.set(path + k.slice(basePath.length), v);
    this.keyPositions.set(path, b.pos);
    const body = { attrs: b.body.attrs.filter((a) => a.name !== 'name'), blocks: b.body.blocks };
    this.pluginBody(body, config, path, 'builder', type);
    sources[name] = config;
    if (name !== base) this.sourceTypes.set(name, type);
    else if (body.attrs.length || body.blocks.length) this.changedInPlace.set(base, b.pos);
    return name;
  }

  private step(
    b: PBlock,
    path: string,
    kind: 'provisioner' | 'post-processor',
  ): Record<string, unknown> {
    const type = b.labels[0] ?? '';
    this.positions.set(path, b.pos);
    this.positions.set(joinPath(path, 'type'), b.pos);
    const out: Record<string, unknown> = { type };
    this.pluginBody(b.body, out, path, kind, type);
    // Packer's only/except/override name sources as TYPE.NAME; bake's override keys are names.
    const ov = out.override;
    if (ov && typeof ov === 'object' && !Array.isArray(ov)) {
      const renamed: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(ov)) {
        const n = this.sourceRef(k) ?? k;
        renamed[n] = v;
        const from = this.positions.get(joinPath(joinPath(path, 'override'), k));
        if (from) this.place(joinPath(joinPath(path, 'override'), n), from, from, v);
      }
      out.override = renamed;
    }
    return out;
  }
}

/** A dynamic block's content with its iterator's NAME.key and NAME.value as bake's each. */
function eachOf<T extends Record<string, unknown>>(v: T, it: string): T {
  const re = new RegExp(`(?<![\\w.-])${it}\\.(key|value)(?![\\w-])`, 'g');
  return mapStrings(v, (x) => inInterpolations(x, (e) => e.replace(re, 'each.$1'))) as T;
}

/**
 * A string with `f` applied to the expressions inside its `${…}` only: the text around
 * them, and `$${` escapes, are left as they are.
 */
function inInterpolations(x: string, f: (expr: string) => string): string {
  let out = '';
  let i = 0;
  while (i < x.length) {
    if (x.startsWith('$${', i)) {
      out += '$${';
      i += 3;
    } else if (x.startsWith('${', i)) {
      const end = closingBrace(x, i + 1);
      const stop = end < 0 ? x.length : end;
      out += '${' + f(x.slice(i + 2, stop)) + (end < 0 ? '' : '}');
      i = stop + 1;
    } else out += x[i++];
  }
  return out;
}

/** A value from the parser as expression text: strings keep their interpolations. */
function exprOf(v: unknown): string {
  if (typeof v === 'string') {
    const m = /^\$\{([\s\S]*)\}$/.exec(v);
    if (m && !m[1].includes('${')) return `(${m[1]})`;
    return quotedTemplate(v);
  }
  if (Array.isArray(v)) return `[${v.map(exprOf).join(', ')}]`;
  if (v && typeof v === 'object')
    return `{${Object.entries(v)
      .map(([k, x]) => `${JSON.stringify(k)} = ${exprOf(x)}`)
      .join(', ')}}`;
  return JSON.stringify(v ?? null);
}

/** A type constraint as HCL writes it (`list(string)`), in bake's spelling. */
function typeText(text: string): string {
  const t = text.replace(/\s+/g, '');
  if (/^(object|tuple)\(/.test(t)) return t.startsWith('object') ? 'object' : 'list(any)';
  return t.replace(/(object|tuple)\([^)]*\)/g, 'any');
}

export function mapTemplate(files: PBody[], registry: PluginSet): Mapped {
  const m = new Mapper(registry);
  for (const f of files) m.addData(f);
  for (const f of files) m.addSources(f);
  for (const f of files) m.addFile(f);
  return m.result();
}

export type { PAttr };

/** A file's name as seen from another file's folder: its base name when they share one. */
function relativeTo(file: string, from: string): string {
  return dirname(file) === dirname(from) ? basename(file) : file;
}

/**
 * Packer's legacy `{{ … }}` templating (Go text/template with Packer's functions), turned into
 * bake's `${ … }` expressions. Used twice: to translate legacy JSON templates, and to refuse a
 * `{{ … }}` in a bake.yml with the expression to write instead.
 */
import { closingBrace } from './hcl-template';

/** A `{{ … }}` found in a string: where it is, its text, and what it becomes. */
export interface GoAction {
  /** Offset of `{{` in the string. */
  at: number;
  /** The whole `{{ … }}`. */
  text: string;
  /** The bake expression (inside `${ }`), or why there is none. */
  expr?: string;
  error?: string;
}

/** Contextual fields of a running build, as Packer's `{{ .Field }}` and HCL's `build.Field`. */
export const BUILD_FIELDS = [
  'ID',
  'Host',
  'Port',
  'User',
  'Password',
  'SSHPublicKey',
  'SSHPrivateKey',
  'WinRMPassword',
  'SourceAMI',
  'SourceAMIName',
  'SourceAMIOwner',
  'SourceAMIOwnerName',
  'SourceAMICreationDate',
  'BuildRegion',
  'PackerRunUUID',
  'PackerHTTPAddr',
  'PackerHTTPIP',
  'PackerHTTPPort',
  'ConnType',
] as const;

/** Fields that the settings of bake's own plugins fill in (`execute_command`, `output`). */
const PLUGIN_FIELDS = [
  'Path',
  'Vars',
  'Script',
  'BuildName',
  'ChecksumType',
  'BuilderType',
  'Image',
  'EnvVarFile',
];

/** Settings whose text bake's plugins fill `{{ .Field }}` in. */
const FILLED = ['execute_command', 'output', 'inline_shebang', 'run_command', 'env_var_format'];

/** Packer's legacy template functions, by name. */
export const LEGACY_FUNCTIONS = [
  'user',
  'env',
  'timestamp',
  'isotime',
  'strftime',
  'uuid',
  'build_name',
  'build_type',
  'template_dir',
  'pwd',
  'packer_version',
  'build',
  'clean_resource_name',
  'clean_ami_name',
  'lower',
  'upper',
  'split',
  'replace',
  'replace_all',
  'sed',
  'consul_key',
  'vault',
  'aws_secretsmanager',
  'split',
] as const;

type Tok =
  | { k: 'ident'; v: string }
  | { k: 'field'; v: string }
  | { k: 'str'; v: string }
  | { k: 'num'; v: string }
  | { k: 'pipe' }
  | { k: 'paren'; v: '(' | ')' };

function lex(src: string): Tok[] | string {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '|') {
      out.push({ k: 'pipe' });
      i++;
      continue;
    }
    if (c === '(' || c === ')') {
      out.push({ k: 'paren', v: c });
      i++;
      continue;
    }
    if (c === '`') {
      const end = src.indexOf('`', i + 1);
      if (end < 0) return 'an unclosed ` string';
      out.push({ k: 'str', v: src.slice(i + 1, end) });
      i = end + 1;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      let v = '';
      while (j < src.length && src[j] !== '"') {
        if (src[j] === '\\' && j + 1 < src.length) {
          const n = src[j + 1];
          v += n === 'n' ? '\n' : n === 't' ? '\t' : n;
          j += 2;
          continue;
        }
        v += src[j++];
      }
      if (j >= src.length) return 'an unclosed " string';
      out.push({ k: 'str', v });
      i = j + 1;
      continue;
    }
    const m = /^(\.[A-Za-z_][A-Za-z0-9_.]*|[A-Za-z_][A-Za-z0-9_]*|-?\d+)/.exec(src.slice(i));
    if (!m) return `"${c}"`;
    const w = m[1];
    out.push(
      w.startsWith('.')
        ? { k: 'field', v: w.slice(1) }
        : /^-?\d/.test(w)
          ? { k: 'num', v: w }
          : { k: 'ident', v: w },
    );
    i += w.length;
  }
  return out;
}

/** An HCL string literal. */
export function hclString(s: string): string {
  return JSON.stringify(s).replace(/\$\{/g, () => '$${');
}

interface Ctx {
  /** Legacy `{{user `x`}}` reads a variable; in a variable's own default it cannot. */
  inVariables?: boolean;
}

/** Translates the inside of one `{{ … }}`; returns the expression or an error. */
export function translateAction(inner: string, ctx: Ctx = {}): { expr?: string; error?: string } {
  const toks = lex(inner.replace(/^-\s/, '').replace(/\s-$/, ''));
  if (typeof toks === 'string') return { error: `cannot read ${toks} in {{${inner}}}` };
  const stages: Tok[][] = [[]];
  for (const t of toks) {
    if (t.k === 'pipe') stages.push([]);
    else if (t.k === 'paren') return { error: 'parentheses in {{ }} are not translated' };
    else stages[stages.length - 1].push(t);
  }
  let prev: string | undefined;
  for (const stage of stages) {
    if (!stage.length) return { error: 'an empty stage in a {{ … | … }} pipeline' };
    const r = command(stage, prev, ctx);
    if (r.error) return r;
    prev = r.expr;
  }
  return { expr: prev };
}

function arg(t: Tok): string | undefined {
  if (t.k === 'str') return hclString(t.v);
  if (t.k === 'num') return t.v;
  return undefined;
}

function command(
  stage: Tok[],
  piped: string | undefined,
  ctx: Ctx,
): { expr?: string; error?: string } {
  const [head, ...rest] = stage;
  if (head.k === 'field') {
    if (rest.length || piped !== undefined) return { error: `{{ .${head.v} }} takes no arguments` };
    const name = head.v.split('.')[0];
    if ((BUILD_FIELDS as readonly string[]).includes(name)) return { expr: `build.${head.v}` };
    return { error: `{{ .${head.v} }} is not a field Packer templates know` };
  }
  if (head.k !== 'ident') return { expr: arg(head) };
  const args: string[] = [];
  for (const t of rest) {
    const a = arg(t);
    if (a === undefined) return { error: `{{ ${head.v} }}: arguments must be strings or numbers` };
    args.push(a);
  }
  if (piped !== undefined) args.push(piped);
  const want = (n: number) =>
    args.length === n
      ? undefined
      : { error: `{{ ${head.v} }} takes ${n} argument${n === 1 ? '' : 's'}, got ${args.length}` };
  const name = (t: string) => /^"[A-Za-z_][A-Za-z0-9_]*"$/.test(t);
  switch (head.v) {
    case 'user': {
      const bad = want(1);
      if (bad) return bad;
      if (!name(args[0])) return { error: '{{ user }} takes a variable name' };
      if (ctx.inVariables) return { error: "a variable's default cannot read another variable" };
      return { expr: `var.${JSON.parse(args[0]) as string}` };
    }
    case 'env':
      return want(1) ?? { expr: `env(${args[0]})` };
    case 'timestamp':
      // Packer's own upgrade of {{timestamp}}: the run's time, digits only.
      return want(0) ?? { expr: 'regex_replace(timestamp(), "[- TZ:]", "")' };
    case 'isotime':
      if (args.length === 0) return { expr: 'timestamp()' };
      return want(1) ?? { expr: `legacy_isotime(${args[0]})` };
    case 'strftime':
      return want(1) ?? { expr: `legacy_strftime(${args[0]})` };
    case 'uuid':
      return want(0) ?? { expr: 'uuidv4()' };
    case 'build_name':
      return want(0) ?? { expr: 'source.name' };
    case 'build_type':
      return want(0) ?? { expr: 'source.type' };
    case 'template_dir':
      return want(0) ?? { expr: 'path.root' };
    case 'pwd':
      return want(0) ?? { expr: 'path.cwd' };
    case 'packer_version':
      return want(0) ?? { expr: 'bake.version' };
    case 'build': {
      // {{ build `SourceAMI` }}: the running build's field, as {{ .SourceAMI }} is.
      const bad = want(1);
      if (bad) return bad;
      const field = /^"([A-Z][A-Za-z0-9]*)"$/.exec(args[0])?.[1];
      if (!field)
        return { error: `{{ build }} takes the name of a build field, such as \`SourceAMI\`` };
      return { expr: `build.${field}` };
    }
    case 'clean_resource_name':
    case 'clean_ami_name':
      return want(1) ?? { expr: `clean_resource_name(${args[0]})` };
    case 'lower':
    case 'upper':
      return want(1) ?? { expr: `${head.v}(${args[0]})` };
    case 'split': {
      const bad = want(3);
      if (bad) return bad;
      return { expr: `element(split(${args[1]}, ${args[0]}), ${args[2]})` };
    }
    case 'replace':
    case 'replace_all': {
      // replace OLD NEW N STRING / replace_all OLD NEW STRING
      if (head.v === 'replace') {
        const bad = want(4);
        if (bad) return bad;
        if (args[2] !== '-1' && args[2] !== '1')
          return { error: '{{ replace }} with a count other than 1 or -1 is not translated' };
        if (args[2] === '1')
          return {
            expr: `regex_replace(${args[3]}, ${hclString('^(.*?)')} + ${quoteRe(args[0])}, ${hclString('$1')} + ${args[1]})`,
          };
        return { expr: `replace(${args[3]}, ${args[0]}, ${args[1]})` };
      }
      return want(3) ?? { expr: `replace(${args[2]}, ${args[0]}, ${args[1]})` };
    }
    case 'aws_secretsmanager':
      // Packer's {{aws_secretsmanager `name` `key`}}: the key is optional there too.
      if (args.length < 1 || args.length > 2)
        return { error: `{{ aws_secretsmanager }} takes 1 or 2 arguments, got ${args.length}` };
      return { expr: `aws_secretsmanager(${args.join(', ')})` };
    case 'sed':
    case 'consul_key':
    case 'vault':
      return { error: `{{ ${head.v} }} has no bake equivalent` };
    default:
      return { error: `{{ ${head.v} }} is not one of Packer's template functions` };
  }
}

function quoteRe(lit: string): string {
  const s = JSON.parse(lit) as string;
  return hclString(s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
}

const ACTION = /\{\{-?([\s\S]*?)-?\}\}/g;

/** Every `{{ … }}` in a string with its translation. */
export function findActions(s: string, ctx: Ctx = {}): GoAction[] {
  const out: GoAction[] = [];
  for (const m of s.matchAll(ACTION)) {
    out.push({ at: m.index, text: m[0], ...translateAction(m[1].trim(), ctx) });
  }
  // A {{ that no }} closes is the parse error Packer's template engine reports, not text.
  const last = out.length ? out[out.length - 1].at + out[out.length - 1].text.length : 0;
  const open = s.indexOf('{{', last);
  if (open >= 0)
    out.push({ at: open, text: s.slice(open), error: 'unclosed action: {{ without its }}' });
  return out;
}

/**
 * A legacy template string as a bake string: `${` that was literal text is escaped, and every
 * `{{ … }}` becomes `${ … }`. Returns the errors of those that have no translation.
 */
export function translateString(s: string, ctx: Ctx = {}): { value: string; errors: GoAction[] } {
  const errors: GoAction[] = [];
  let out = '';
  let last = 0;
  for (const a of findActions(s, ctx)) {
    out += escapeText(s.slice(last, a.at));
    last = a.at + a.text.length;
    // A plugin's own placeholders stay for the plugin to fill.
    const field = /^\{\{-?\s*\.([A-Za-z_]+)\s*-?\}\}$/.exec(a.text)?.[1];
    if (field && PLUGIN_FIELDS.includes(field)) out += a.text;
    else if (a.expr !== undefined) out += `\${${a.expr}}`;
    else {
      errors.push(a);
      out += escapeText(a.text);
    }
  }
  out += escapeText(s.slice(last));
  return { value: out, errors };
}

/**
 * An HCL template's string, whose `${…}` are HCL's: Packer's plugins still expand `{{ … }}`
 * in their settings, so each one in the text between the interpolations is translated as in
 * a JSON template; the interpolations stay as they are.
 */
export function translateHclString(s: string): { value: string; errors: GoAction[] } {
  if (!s.includes('{{')) return { value: s, errors: [] };
  const errors: GoAction[] = [];
  let out = '';
  for (let i = 0; i < s.length;) {
    let j = s.indexOf('${', i);
    while (j > 0 && s[j - 1] === '$') j = s.indexOf('${', j + 2);
    const text = s.slice(i, j < 0 ? s.length : j);
    if (text.includes('{{') && !text.includes('$${')) {
      const r = translateString(text);
      out += r.value;
      errors.push(...r.errors);
    } else out += text;
    if (j < 0) break;
    const k = closingBrace(s, j + 1);
    const end = k < 0 ? s.length - 1 : k;
    out += s.slice(j, end + 1);
    i = end + 1;
  }
  return { value: out, errors };
}

/** Literal text in a bake string: `${` would start an expression. */
function escapeText(t: string): string {
  return t.replace(/\$\{/g, () => '$${');
}

/**
 * The `{{ … }}` in a bake.yml string that Packer would have expanded and bake would not: a
 * Packer template function, or a field of a running build outside the settings that fill
 * them. Other `{{ }}` (a `docker inspect --format '{{.Id}}'` in a command) is text.
 */
export function packerActionsIn(s: string, key: string): GoAction[] {
  if (!s.includes('{{')) return [];
  const fills = FILLED.includes(key);
  const out: GoAction[] = [];
  for (const a of findActions(s)) {
    const inner = a.text.replace(/^\{\{-?|-?\}\}$/g, '').trim();
    const head = /^\.?([A-Za-z_][A-Za-z0-9_]*)/.exec(inner)?.[1];
    if (!head) continue;
    if (inner.startsWith('.')) {
      // The qemu builder writes the temporary key into its first-boot CD, as Packer does.
      if (key === 'cd_content' && head === 'SSHPublicKey') continue;
      if (PLUGIN_FIELDS.includes(head)) {
        if (!fills)
          out.push({
            ...a,
            expr: undefined,
            error: `{{ .${head} }} is filled in only in ${FILLED.join(', ')}`,
          });
      } else if ((BUILD_FIELDS as readonly string[]).includes(head)) out.push(a);
    } else if ((LEGACY_FUNCTIONS as readonly string[]).includes(head)) out.push(a);
  }
  return out;
}

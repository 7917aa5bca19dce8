/**
 * Packer's model onto bake's: variables, locals, sources and build blocks become the same
 * spec value the YAML loader produces, with the position of every key and value. What has no
 * place in bake is a problem at its line (and, for `bake convert`, a `# TODO:` there).
 */
import type { Position, Problem } from '../spec/errors';
import type { PluginSet } from '../plugins/api';
import type { PAttr, PBody } from './hcl';
export interface Todo extends Problem {
    /** Where in the bake spec the untranslated part belongs. */
    anchor: string;
    /**
     * Not a problem: a setting Packer itself does not use in this build, left out and said
     * so (a note when run, a `# NOTE:` when converted).
     */
    note?: true;
}
export interface Mapped {
    value: Record<string, unknown>;
    positions: Map<string, Position>;
    keyPositions: Map<string, Position>;
    todos: Todo[];
}
/** Packer's spellings of bake's settings, per plugin type. */
export declare const RENAMES: Record<string, Record<string, (v: unknown) => [string, unknown]>>;
/** A `communicator = …` that names what the builder uses is fine; anything else is a problem. */
export declare function communicatorProblem(type: string, v: unknown): string | undefined;
export declare class Mapper {
    private readonly registry;
    readonly value: Record<string, Record<string, unknown>>;
    readonly positions: Map<string, Position>;
    readonly keyPositions: Map<string, Position>;
    readonly todos: Todo[];
    private readonly sourceTypes;
    private unnamed;
    constructor(registry: PluginSet);
    /** Sources that a build-level block changed under their own name, and where. */
    private readonly changedInPlace;
    result(): Mapped;
    private todo;
    private section;
    /** Records where a value (and everything inside it) is written. */
    private place;
    /** `data "amazon-ami"` blocks, which a source's source_ami may name (see amiLookup). */
    private readonly amiData;
    addData(body: PBody): void;
    /** `data "null" "NAME"`: the local its `output` is read from, by NAME. */
    private readonly nullData;
    /** Data sources bake reads with a function: the local that holds each answer, by type and NAME. */
    private readonly fnData;
    /** The local a data source becomes, unless the template already has one of that name. */
    private dataLocal;
    /**
     * `data "http"`, `data "amazon-parameterstore"` and `data "amazon-secretsmanager"`: the
     * function that reads the same (http_request(), aws_parameter(), aws_secret()), in the
     * local data_TYPE_NAME that `data.TYPE.NAME` is rewritten to name.
     */
    private functionDataSource;
    /**
     * `data "null" "NAME" { input = … }` hands its input back as `output`: in bake, a local
     * (data_null_NAME) that `data.null.NAME.output` is rewritten to name.
     */
    private nullDataSource;
    /**
     * References that bake spells its own way, rewritten in each string of a mapped value:
     * `data.null.NAME.output` as the local that holds it, `data.http.NAME` (and the AWS ones) as
     * the local that holds the answer, `packer.version` as `bake.version` (the version of what
     * builds). The rules are made once, for every string.
     */
    private refRewriter;
    /**
     * `source_ami = data.amazon-ami.NAME.id`: the same lookup is the builder's own
     * source_ami_filter (filters, owners, most_recent), made when the build starts.
     */
    private amiLookup;
    /** Sources first, from every file: builds refer to them by type and name. */
    addSources(body: PBody): void;
    addFile(body: PBody): void;
    private packer;
    /** A second declaration of a name, in any file, is an error at it, as in Packer. */
    private twice;
    private variable;
    private variableFromDefault;
    private local;
    private singleLocal;
    private source;
    /**
     * Packer's plugins expand `{{ … }}` in their settings, HCL templates' too: each becomes the
     * `${ … }` that means the same; one without a translation is a problem at its value.
     */
    private goTemplates;
    /** A plugin's settings and nested blocks, with Packer's spellings turned into bake's. */
    private pluginBody;
    /**
     * Tag blocks, written and dynamic, become entries of the builder's tag map (after the
     * map's own, as Packer merges them). Returns the block types it took.
     */
    private tagBlocks;
    /**
     * `dynamic "NAME" { for_each, iterator, content {…} }`: the list of NAME blocks as one
     * expression, a `for` over for_each that makes each block from content (with the static
     * NAME blocks beside it first, as Packer orders them). Returns the block types it took, and
     * "dynamic" itself, which the caller then leaves alone.
     */
    private dynamicBlocks;
    /**
     * A dynamic block's parts: for_each, the iterator's name, the one content block, and the
     * labels (a build's dynamic source, provisioner or post-processor has them, a nested block
     * not); undefined (with a problem) when it is malformed.
     */
    private dynamicParts;
    /** One dynamic block as a `for` expression; undefined (with a problem) when it is malformed. */
    private dynamicExpr;
    /**
     * A build's `dynamic "provisioner"` or `dynamic "post-processor"`: the step once, with
     * bake's for_each, which runs it once per element; the iterator's NAME.key and NAME.value
     * are each.key and each.value.
     */
    private dynamicStep;
    /**
     * A build's `dynamic "source"`: one more source, the named one with content's settings over
     * it, and bake's for_each, which makes one instance per element, named by content's `name`.
     */
    private dynamicSource;
    /** A block's body as an object expression (nested blocks as objects, or lists of them). */
    private bodyExpr;
    private blockInto;
    /** `source.docker.app`, `docker.app` or `app` → the bake source name. */
    private sourceRef;
    private build;
    /**
     * `source "source.docker.base" { name = "one" … }` in a build: one more instance of a
     * source, under its own name, with the settings given there over the source's. In bake it
     * is a source of its own.
     */
    private namedInstance;
    private step;
}
export declare function mapTemplate(files: PBody[], registry: PluginSet): Mapped;
export type { PAttr };

import { LoadedFile } from './load';
import { Field, Schema } from './schema';
import type { PluginSet } from '../plugins/api';
export declare const NAME_RE: RegExp;
export declare const variableSchema: Schema;
export declare const buildFields: Record<string, Field>;
export declare const topSchema: Schema;
export interface RawSpec {
    file: LoadedFile;
    path: string;
    dir: string;
    variables: Record<string, Record<string, unknown>>;
    locals: Record<string, unknown>;
    sources: Record<string, Record<string, unknown>>;
    builds: Record<string, Record<string, unknown>>;
    /** The plugins this spec is checked against: the built-ins and the spec's own. */
    registry: PluginSet;
}
/** A plugin's own schema plus `type` and the options every plugin of its kind takes. */
export declare function pluginSchema(own: Schema, common: Record<string, Field>): Schema;
/**
 * Loads a spec file and checks everything that can be checked without evaluating it, against
 * the plugins in `registry` (which already holds the spec's own `plugins:`).
 */
export declare function loadSpec(path: string, registry: PluginSet, file?: LoadedFile): RawSpec;
/** A value whose expressions call env() on literals and nothing else (no var., no local.). */
export declare function envOnly(v: unknown): boolean;

import { LoadedFile } from '../spec/load';
import type { PluginSet } from '../plugins/api';
import { Todo } from './map';
export type TemplateKind = 'hcl' | 'json' | undefined;
/** Whether a path names a Packer template (and which kind), by its name or contents. */
export declare function packerKind(path: string): TemplateKind;
export interface PackerFile extends LoadedFile {
    /** What has no translation (an error when run, a `# TODO:` when converted). */
    todos: Todo[];
}
/** Reads a Packer template into the value and positions of the equivalent bake spec. */
export declare function loadPackerTemplate(path: string, registry: PluginSet): Promise<PackerFile>;
/** Packer's var files: `NAME = value` lines in HCL, or JSON; each value with its position. */
export declare function loadVarFile(file: string): LoadedFile;

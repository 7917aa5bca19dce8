/**
 * The trust blocks of a build, as the spec writes them: `tests:` (checks of the finished
 * machine), `sbom:` (its bill of materials) and `scan:` (scanners with a severity gate). A
 * check is named by the one key that says what it checks (`package: openssh-server`,
 * `file: /etc/issue`, `port: 22`), the way goss and serverspec read; a scanner is a `type:`
 * with its settings, like a provisioner. The same validator, errors and editor schema serve
 * them all.
 */
import { Problem } from '../spec/errors';
import { LoadedFile } from '../spec/load';
import { Field, Schema } from '../spec/schema';
export interface TypedBlock {
    type: string;
    description: string;
    schema: Schema;
}
/** Settings every check takes. */
export declare const checkCommon: Record<string, Field>;
export declare const CHECKS: TypedBlock[];
/** The ignore list and threshold every scanner takes. */
export declare const scanCommon: Record<string, Field>;
export declare const SCANNERS: TypedBlock[];
export declare const sbomSchema: Schema;
/** The build keys the trust blocks add. */
export declare const trustBuildFields: Record<string, Field>;
export declare function checkType(type: string): TypedBlock | undefined;
export declare function scannerType(type: string): TypedBlock | undefined;
interface RawContext {
    file: LoadedFile;
    problems: Problem[];
    phase: 'raw' | 'resolved';
}
/** The schema a check is validated with: its own settings and the common ones. */
export declare function checkSchemaOf(t: TypedBlock): Schema;
/** The schema a scanner is validated with: `type`, the gate's settings and its own. */
export declare function scannerSchemaOf(t: TypedBlock): Schema;
/** The check type of a written check, when it names exactly one. */
export declare function checkTypeOf(raw: Record<string, unknown>): TypedBlock | undefined;
/**
 * What a check checks: the one key of it that names a check type. Says what is wrong (none,
 * or two) as one problem.
 */
export declare function checkTypeIn(value: unknown, path: string, ctx: RawContext): TypedBlock | undefined;
/** The scanner a scan entry names by its `type`, or one problem saying what is wrong. */
export declare function scannerTypeIn(value: unknown, path: string, ctx: RawContext): TypedBlock | undefined;
/** Checks a build's tests, sbom and scan blocks before anything is evaluated. */
export declare function checkTrustBlocks(build: Record<string, unknown>, path: string, ctx: RawContext): void;
export {};

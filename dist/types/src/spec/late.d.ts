/** A field name as Packer spells them: ID, SourceAMIName, PackerRunUUID, … */
export declare const LATE_FIELD: RegExp;
/** The marker that stands for build.NAME until the build runs. */
export declare function lateField(name: string): string;
/** Whether a value holds any marker (so a step needs filling in). */
export declare function hasLateFields(v: unknown): boolean;
export declare class LateFieldError extends Error {
    readonly field: string;
    readonly known: string[];
    constructor(field: string, known: string[]);
}
/** A copy of `v` with every marker replaced by the build's value; a field it lacks throws. */
export declare function fillLateFields<T>(v: T, fields: Record<string, string>): T;
/** A value with its markers written back as `build.NAME`, for plans and messages. */
export declare function showLateFields(text: string): string;

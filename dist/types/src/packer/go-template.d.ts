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
export declare const BUILD_FIELDS: readonly ["ID", "Host", "Port", "User", "Password", "SSHPublicKey", "SSHPrivateKey", "WinRMPassword", "SourceAMI", "SourceAMIName", "SourceAMIOwner", "SourceAMIOwnerName", "SourceAMICreationDate", "BuildRegion", "PackerRunUUID", "PackerHTTPAddr", "PackerHTTPIP", "PackerHTTPPort", "ConnType"];
/** Packer's legacy template functions, by name. */
export declare const LEGACY_FUNCTIONS: readonly ["user", "env", "timestamp", "isotime", "strftime", "uuid", "build_name", "build_type", "template_dir", "pwd", "packer_version", "build", "clean_resource_name", "clean_ami_name", "lower", "upper", "split", "replace", "replace_all", "sed", "consul_key", "vault", "aws_secretsmanager", "split"];
/** An HCL string literal. */
export declare function hclString(s: string): string;
interface Ctx {
    /** Legacy `{{user `x`}}` reads a variable; in a variable's own default it cannot. */
    inVariables?: boolean;
}
/** Translates the inside of one `{{ … }}`; returns the expression or an error. */
export declare function translateAction(inner: string, ctx?: Ctx): {
    expr?: string;
    error?: string;
};
/** Every `{{ … }}` in a string with its translation. */
export declare function findActions(s: string, ctx?: Ctx): GoAction[];
/**
 * A legacy template string as a bake string: `${` that was literal text is escaped, and every
 * `{{ … }}` becomes `${ … }`. Returns the errors of those that have no translation.
 */
export declare function translateString(s: string, ctx?: Ctx): {
    value: string;
    errors: GoAction[];
};
/**
 * An HCL template's string, whose `${…}` are HCL's: Packer's plugins still expand `{{ … }}`
 * in their settings, so each one in the text between the interpolations is translated as in
 * a JSON template; the interpolations stay as they are.
 */
export declare function translateHclString(s: string): {
    value: string;
    errors: GoAction[];
};
/**
 * The `{{ … }}` in a bake.yml string that Packer would have expanded and bake would not: a
 * Packer template function, or a field of a running build outside the settings that fill
 * them. Other `{{ }}` (a `docker inspect --format '{{.Id}}'` in a command) is text.
 */
export declare function packerActionsIn(s: string, key: string): GoAction[];
export {};

/**
 * Template strings as the HCL parser hands them over. It writes a conditional inside a
 * string (`"gp${x ? 3 : 2}"`) as a template directive (`"gp%{if x}3%{else}2%{endif}"`), as a
 * template may also be written by hand; bake's expressions have no directives, so each
 * `%{if}` and `%{for}` becomes the interpolation that means the same.
 */
export declare class DirectiveError extends Error {
}
/** `s` with every `%{if}…%{else}…%{endif}` and `%{for}…%{endfor}` as `${…}`. */
export declare function withoutDirectives(s: string): string;
/**
 * The closing brace of the `${…}` or `%{…}` whose opening brace is at `at` (quotes inside it
 * open strings of their own), or -1 when it is not closed.
 */
export declare function closingBrace(s: string, at: number): number;
/**
 * A template string as a quoted string inside an expression: its text escaped, its
 * interpolations kept as they are (quotes inside them open strings of their own).
 */
export declare function quotedTemplate(v: string): string;

import { Expr, Scope, Marked } from './expr';
/** What functions may touch: fixed per run so that results are deterministic. */
export interface FunctionContext {
    /** The run's timestamp; timestamp() always returns it. */
    now: Date;
    /** Directory that relative paths in file() and templatefile() are resolved against. */
    baseDir: string;
    env: NodeJS.ProcessEnv;
    /** Called for every file a spec reads, so builds can fingerprint their inputs. */
    onFileRead?: (path: string) => void;
    /** When set, uuidv4() returns this (resolving for a fingerprint). */
    fixedUuid?: string;
    /** Ask no service: http_request() is left unanswered, as data not fetched yet is. */
    offline?: boolean;
}
/** Packer's (HCL's) formatdate: YYYY, MM, DD, hh (24 h), mm, ss, 'literal' and friends. */
export declare function formatDate(spec: string, ts: string, at: number): string;
/** Go's reference-time layout (Packer's legacy isotime), in UTC. */
export declare function goLayout(layout: string, d: Date): string;
/** The settings of the AWS data functions, which Packer's data blocks of the same use take too. */
export declare const AWS_DATA_KEYS: {
    aws_ami: string[];
    aws_parameter: string[];
    aws_secret: string[];
};
/** What Packer's AWS blocks take for credentials, and where bake takes them from instead. */
export declare const AWS_CREDENTIAL_KEYS: string[];
export declare const AWS_CREDENTIALS_HINT = "bake takes AWS credentials from the environment (the AWS_* variables, a profile, or configure-aws-credentials), as for the amazon-ebs builder";
export declare const FUNCTION_NAMES: string[];
export declare function callFunction(name: string, args: Expr[], at: number, ev: (e: Expr) => Marked, ctx: FunctionContext, scope: Scope): Marked;

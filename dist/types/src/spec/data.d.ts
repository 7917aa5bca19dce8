/**
 * Values a plan reads from a service (an HTTP answer, AWS Systems Manager parameters,
 * Secrets Manager secrets and AMIs: Packer's `http`, `amazon-parameterstore`,
 * `amazon-secretsmanager` and `amazon-ami` data sources). The
 * plan is resolved synchronously: a function whose answer is not here yet records what it
 * needs and fails that pass; resolvePlanWithData then fetches every recorded request at once
 * and resolves again, until nothing is missing.
 */
import { ExprError, Marked } from './expr';
export interface ParameterRequest {
    kind: 'aws-parameter';
    region: string;
    name: string;
    withDecryption: boolean;
}
export interface SecretRequest {
    kind: 'aws-secret';
    region: string;
    name: string;
    versionId?: string;
    versionStage?: string;
}
/**
 * Whether an AMI lookup says whose images it takes (owners, or an owner-id / owner-alias
 * filter), as Packer requires: without it any account's AMI under a matching name can match.
 */
export declare function amiOwnerPinned(owners: readonly unknown[] | undefined, filters: Record<string, unknown> | undefined): boolean;
export interface AmiRequest {
    kind: 'aws-ami';
    region: string;
    /** EC2's filters, by name, each with its values. */
    filters: [string, string[]][];
    owners: string[];
    mostRecent: boolean;
    includeDeprecated: boolean;
}
export interface HttpRequest {
    kind: 'http';
    url: string;
    method: string;
    headers: Record<string, string>;
    body?: string;
    timeoutMs: number;
}
export type DataRequest = ParameterRequest | SecretRequest | AmiRequest | HttpRequest;
/** What a service said: the parts a function builds its value from, or why it could not. */
export type DataAnswer = {
    ok: true;
    fields: Record<string, Marked | undefined>;
    secure?: boolean;
} | {
    ok: false;
    message: string;
    hint?: string;
};
/** Thrown while the answer is being fetched; the pass it fails is resolved again. */
export declare class PendingData extends ExprError {
    constructor(at: number);
}
/** The answer to a request, or PendingData after recording it. */
export declare function answerOf(r: DataRequest, at: number): DataAnswer;
export declare function pendingRequests(): DataRequest[];
export declare function settle(r: DataRequest, a: DataAnswer): void;
/**
 * What a service answered instead of a value: its message says all there is, so it is shown
 * without the expression that asked (for a Packer data block, text the template never had).
 */
export declare class ServiceError extends ExprError {
}
/** The fields of an answer as a value, or the error it is. */
export declare function fieldsOf(a: DataAnswer, at: number): Record<string, Marked>;

export interface SyncRequest {
    url: string;
    method: string;
    headers: Record<string, string>;
    body?: string;
    timeoutMs: number;
}
export type SyncAnswer = {
    ok: true;
    status: number;
    statusText: string;
    headers: Record<string, string>;
    body: string;
} | {
    ok: false;
    error: string;
};
export declare function requestSync(req: SyncRequest): SyncAnswer;

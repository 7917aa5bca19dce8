/**
 * The request behind http_request() (Packer's data "http"), made between the passes of
 * resolvePlanWithData: what the server said, or why there was no answer.
 */
import type { DataAnswer, HttpRequest } from '../spec/data';
export declare function fetchHttpData(r: HttpRequest): Promise<DataAnswer>;

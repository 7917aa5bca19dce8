import type { DataAnswer, ParameterRequest, SecretRequest } from '../../spec/data';
export declare function fetchAwsData(r: ParameterRequest | SecretRequest): Promise<DataAnswer>;

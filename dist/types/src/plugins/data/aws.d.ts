import type { AmiRequest, DataAnswer, ParameterRequest, SecretRequest } from '../../spec/data';
export declare function fetchAwsData(r: ParameterRequest | SecretRequest | AmiRequest): Promise<DataAnswer>;

import type { DataAnswer, DataRequest } from '../../spec/data';
export declare function fetchAwsData(r: DataRequest): Promise<DataAnswer>;

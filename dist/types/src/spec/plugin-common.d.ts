/** Settings every plugin of a kind takes, whatever its type; the engine acts on them. */
import { Field } from './schema';
/** Options every source takes, whatever its builder. */
export declare const sourceCommon: Record<string, Field>;
/** Options every provisioner takes, whatever its type. */
export declare const provisionerCommon: Record<string, Field>;
/** Options every post-processor takes, whatever its type. */
export declare const postProcessorCommon: Record<string, Field>;

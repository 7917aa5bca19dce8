/**
 * What bake hands to a plugin from outside (a module's default export may be a function
 * of it): the schema builders its descriptor needs and the helpers its steps use, so a
 * plugin depends on nothing but bake itself.
 */
import { shQuote } from '../communicators/communicator';
import { BuildError } from '../engine/context';
import { CancelledError, sleep } from '../engine/steps';
import { opt, parseDuration, req } from '../spec/schema';
export declare const kit: {
    /** The bake version loading the plugin. */
    version: string;
    s: {
        string: (o?: Omit<Extract<import("../spec/schema").Schema, {
            kind: "string";
        }>, "kind">) => import("../spec/schema").Schema;
        enum: (values: readonly string[], description?: string) => import("../spec/schema").Schema;
        number: (o?: Omit<Extract<import("../spec/schema").Schema, {
            kind: "number";
        }>, "kind">) => import("../spec/schema").Schema;
        int: (min?: number, max?: number) => import("../spec/schema").Schema;
        bool: () => import("../spec/schema").Schema;
        duration: () => import("../spec/schema").Schema;
        list: (of: import("../spec/schema").Schema, o?: {
            single?: boolean;
            minItems?: number;
        }) => import("../spec/schema").Schema;
        map: (of: import("../spec/schema").Schema) => import("../spec/schema").Schema;
        object: (fields: Record<string, import("../spec/schema").Field | import("../spec/schema").Schema>, o?: {
            open?: boolean;
            description?: string;
        }) => import("../spec/schema").Schema;
        any: () => import("../spec/schema").Schema;
    };
    opt: typeof opt;
    req: typeof req;
    parseDuration: typeof parseDuration;
    BuildError: typeof BuildError;
    CancelledError: typeof CancelledError;
    sleep: typeof sleep;
    shQuote: typeof shQuote;
};
export type PluginKit = typeof kit;

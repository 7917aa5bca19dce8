/** Settings every plugin of a kind takes, whatever its type; the engine acts on them. */
import { Field, opt, s } from './schema';

const FOR_EACH =
  'repeat this for each element of a list or map (in order; a map by its keys): each.key is the index or key, each.value the element';

/** Options every source takes, whatever its builder. */
export const sourceCommon: Record<string, Field> = {
  for_each: opt(s.any(), `one instance of the source per element, named SOURCE-KEY; ${FOR_EACH}`),
  name: opt(
    s.string(),
    'with for_each, the name of each instance (default SOURCE-KEY), e.g. app-${each.value}',
  ),
};

/** Options every provisioner takes, whatever its type. */
export const provisionerCommon: Record<string, Field> = {
  only: opt(s.list(s.string(), { single: true }), 'run only for these sources (globs)'),
  except: opt(s.list(s.string(), { single: true }), 'skip these sources (globs)'),
  pause_before: opt(s.duration(), 'wait before running'),
  max_retries: opt(s.int(0, 100), 'retry a failed run this many times', 0),
  timeout: opt(s.duration(), 'fail the provisioner when it runs longer'),
  override: opt(s.map(s.map(s.any())), 'per-source settings: source name → keys to replace'),
  name: opt(s.string(), 'a label shown in logs'),
  for_each: opt(s.any(), `run the step once per element; ${FOR_EACH}`),
};

/** Options every post-processor takes, whatever its type. */
export const postProcessorCommon: Record<string, Field> = {
  only: opt(s.list(s.string(), { single: true }), 'run only for these sources (globs)'),
  except: opt(s.list(s.string(), { single: true }), 'skip these sources (globs)'),
  keep_input_artifact: opt(s.bool(), 'keep the artifact this post-processor received'),
  name: opt(s.string(), 'a label shown in logs'),
  for_each: opt(s.any(), `run the post-processor once per element, one after another; ${FOR_EACH}`),
};

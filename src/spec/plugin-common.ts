/** Settings every plugin of a kind takes, whatever its type; the engine acts on them. */
import { Field, opt, s } from './schema';

/** Options every provisioner takes, whatever its type. */
export const provisionerCommon: Record<string, Field> = {
  only: opt(s.list(s.string(), { single: true }), 'run only for these sources (globs)'),
  except: opt(s.list(s.string(), { single: true }), 'skip these sources (globs)'),
  pause_before: opt(s.duration(), 'wait before running'),
  max_retries: opt(s.int(0, 100), 'retry a failed run this many times', 0),
  timeout: opt(s.duration(), 'fail the provisioner when it runs longer'),
  override: opt(s.map(s.map(s.any())), 'per-source settings: source name → keys to replace'),
  name: opt(s.string(), 'a label shown in logs'),
};

/** Options every post-processor takes, whatever its type. */
export const postProcessorCommon: Record<string, Field> = {
  only: opt(s.list(s.string(), { single: true }), 'run only for these sources (globs)'),
  except: opt(s.list(s.string(), { single: true }), 'skip these sources (globs)'),
  keep_input_artifact: opt(s.bool(), 'keep the artifact this post-processor received'),
  name: opt(s.string(), 'a label shown in logs'),
};

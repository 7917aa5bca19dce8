/**
 * The `bake` command's entry. It turns on Node's compile cache (Node 22.1 and later) before
 * the rest of the command loads, as a separate chunk, so from the second run on a machine
 * the bundle is not compiled again.
 */
import * as nodeModule from 'node:module';
import { redact } from './util/redact';

(nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();

import('./cli')
  .then(({ main }) => main(process.argv.slice(2)))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`bake: internal error: ${redact(String((e as Error)?.stack ?? e))}\n`);
      process.exitCode = 70;
    },
  );

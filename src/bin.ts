import { main } from './cli';
import { redact } from './util/redact';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`bake: internal error: ${redact(String((e as Error)?.stack ?? e))}\n`);
    process.exitCode = 70;
  },
);

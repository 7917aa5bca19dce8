import { builtInRegistry } from '../src/plugins/registry';
import { readFileSync, writeFileSync } from 'node:fs';
import { specJsonSchema } from '../src/spec/json-schema';

const PATH = 'schema/bake.schema.json';

describe('schema/bake.schema.json', () => {
  it('is generated from the plugin schemas and committed up to date', () => {
    const want = JSON.stringify(specJsonSchema(builtInRegistry()), null, 2) + '\n';
    if (process.env.BAKE_WRITE_SCHEMA === '1') writeFileSync(PATH, want);
    const have = readFileSync(PATH, 'utf8');
    // On a mismatch: BAKE_WRITE_SCHEMA=1 npm test -- schema-sync
    expect(have).toBe(want);
  });

  it('lists every builder, provisioner and post-processor type', () => {
    const text = readFileSync(PATH, 'utf8');
    for (const t of [
      'docker',
      'null',
      'restart',
      'ansible',
      'shell',
      'file',
      'shell-local',
      'docker-tag',
      'docker-push',
      'manifest',
      'checksum',
      'compress',
      'docker-save',
    ]) {
      expect(text).toContain(`"const": "${t}"`);
    }
  });
});

import { builtInRegistry } from '../src/plugins/registry';
import { readFileSync, writeFileSync } from 'node:fs';
import { specJsonSchema } from '../src/spec/json-schema';

const PATH = 'schema/bake.schema.json';

type Json = Record<string, unknown>;

describe('schema/bake.schema.json', () => {
  it('is generated from the plugin schemas and committed up to date', () => {
    const want = JSON.stringify(specJsonSchema(builtInRegistry()), null, 2) + '\n';
    if (process.env.BAKE_WRITE_SCHEMA === '1') writeFileSync(PATH, want);
    const have = readFileSync(PATH, 'utf8');
    // On a mismatch: BAKE_WRITE_SCHEMA=1 npm test -- schema-sync
    expect(have).toBe(want);
  });

  it('lists every builder, provisioner and post-processor type in its type enum, with a branch each', () => {
    const schema = JSON.parse(readFileSync(PATH, 'utf8')) as Json;
    const props = schema.properties as Record<string, Json>;
    const defs = schema.definitions as Record<string, Json>;
    const kinds = {
      builder: (props.sources as Json).additionalProperties as Json,
      provisioner: defs.provisioner,
      'post-processor': defs.postProcessor,
    } as const;
    for (const [kind, s] of Object.entries(kinds)) {
      const types = builtInRegistry().types(kind as keyof typeof kinds);
      const typeProp = (s.properties as Record<string, Json>).type;
      expect((typeProp.enum as unknown[]).filter((t) => t !== null)).toEqual(types);
      expect(typeProp.enumDescriptions as string[]).toHaveLength(
        (typeProp.enum as unknown[]).length,
      );
      expect((s.allOf as Json[]).filter((b) => b.then).map((b) => (b.then as Json).title)).toEqual(
        types.map((t) => `${t} ${kind}`),
      );
    }
    const all = Object.values(kinds).flatMap(
      (s) => ((s.properties as Record<string, Json>).type.enum as unknown[]) ?? [],
    );
    for (const t of [
      'docker',
      'null',
      'amazon-ebs',
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
    ])
      expect(all).toContain(t);
  });
});

/** Generates schema/bake.schema.json from the same definitions the validator uses. */
import { Field, Schema, s, toJsonSchema } from './schema';
import { variableSchema } from './spec';
import type { PluginSet } from '../plugins/api';
import { postProcessorCommon, provisionerCommon } from './plugin-common';

function withType(
  type: string,
  schema: Schema,
  common: Record<string, Field>,
  description: string,
): Record<string, unknown> {
  const fields = schema.kind === 'object' ? schema.fields : {};
  const obj = toJsonSchema({ kind: 'object', fields: { ...common, ...fields } });
  const props = obj.properties as Record<string, unknown>;
  return {
    ...obj,
    description,
    properties: { type: { const: type, description }, ...props },
    required: ['type', ...((obj.required as string[] | undefined) ?? [])],
  };
}

/** The JSON Schema of a spec for these plugins (the built-ins, plus a spec's own). */
export function specJsonSchema(registry: PluginSet): Record<string, unknown> {
  const provisioner = {
    anyOf: registry
      .all('provisioner')
      .map((p) => withType(p.type, p.schema, provisionerCommon, p.description)),
  };
  const postProcessor = {
    anyOf: registry
      .all('post-processor')
      .map((p) => withType(p.type, p.schema, postProcessorCommon, p.description)),
  };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'bake image spec',
    description:
      'Immutable machine images from one YAML file: variables, locals, sources (builders) and builds.',
    type: 'object',
    additionalProperties: false,
    required: ['sources', 'builds'],
    definitions: { provisioner, postProcessor },
    properties: {
      plugins: {
        description:
          'plugins from outside bake: module paths relative to the spec, or npm packages installed beside it',
        type: 'array',
        items: { type: 'string' },
      },
      variables: {
        description: 'inputs of the spec',
        type: 'object',
        additionalProperties: toJsonSchema(variableSchema),
      },
      locals: { description: 'named values computed from variables and functions', type: 'object' },
      sources: {
        description: 'machines to build from: name → {type, ...}',
        type: 'object',
        additionalProperties: {
          anyOf: registry.all('builder').map((b) => withType(b.type, b.schema, {}, b.description)),
        },
      },
      builds: {
        description: 'what to build: name → {sources, provisioners, post-processors}',
        type: 'object',
        additionalProperties: {
          type: 'object',
          additionalProperties: false,
          required: ['sources'],
          properties: {
            description: { type: 'string' },
            sources: {
              type: 'array',
              items: { type: 'string' },
              minItems: 1,
              description: 'names of the sources this build runs',
            },
            provisioners: { type: 'array', items: { $ref: '#/definitions/provisioner' } },
            'error-cleanup-provisioner': { $ref: '#/definitions/provisioner' },
            'post-processors': {
              type: 'array',
              description: 'each item is a post-processor, or a list of them forming a chain',
              items: {
                anyOf: [
                  { $ref: '#/definitions/postProcessor' },
                  { type: 'array', items: { $ref: '#/definitions/postProcessor' } },
                ],
              },
            },
            timeout: toJsonSchema(s.duration(), 'fail the whole build when it runs longer'),
          },
        },
      },
    },
  };
}

/**
 * The one list of plugin types. Schemas load eagerly (they are small); implementations
 * load on first use so that `bake validate` never pays for Docker or cloud SDKs.
 */
import { Schema } from '../spec/schema';
import { dockerBuilderSchema } from './builders/docker/schema';
import { nullBuilderSchema } from './builders/null/schema';
import { amazonEbsSchema, refineAmazonEbs } from './builders/amazon-ebs/schema';
import { postProcessorSchemas } from './post-processors/schemas';
import { provisionerSchemas } from './provisioners/schemas';

export interface BuilderInfo {
  schema: Schema;
  description: string;
  /** Produces an artifact a post-processor of this kind understands. */
  artifactKind: 'docker-image' | 'machine-image' | 'files' | 'none';
  /** Rules across fields; `key` is relative to the source ('' for the source itself). */
  refine?: (config: Record<string, unknown>) => { key: string; message: string; hint?: string }[];
}

export const builders: Record<string, BuilderInfo> = {
  null: {
    schema: nullBuilderSchema,
    description: 'provisions an existing machine over SSH; no artifact',
    artifactKind: 'none',
  },
  docker: {
    schema: dockerBuilderSchema,
    description: 'a Docker image from a base image, through the Docker API',
    artifactKind: 'docker-image',
  },
  'amazon-ebs': {
    schema: amazonEbsSchema,
    description: 'an AMI from a temporary EC2 instance',
    artifactKind: 'machine-image',
    refine: refineAmazonEbs,
  },
};

export const provisioners = provisionerSchemas;
export const postProcessors = postProcessorSchemas;

/** Implementations by type. Loaded only by commands that build. */
import { BuilderImpl, PostProcessorImpl, ProvisionerImpl } from './context';
import { dockerBuilder } from '../plugins/builders/docker/builder';
import { nullBuilder } from '../plugins/builders/null/builder';
import { amazonEbsBuilder } from '../plugins/builders/amazon-ebs/builder';
import { shell } from '../plugins/provisioners/shell';
import { file } from '../plugins/provisioners/file';
import { shellLocal } from '../plugins/provisioners/shell-local';
import { restart } from '../plugins/provisioners/restart';
import { ansible } from '../plugins/provisioners/ansible';
import { dockerPush, dockerSave, dockerTag } from '../plugins/post-processors/docker';
import { checksum, compress } from '../plugins/post-processors/files';
import { manifest } from '../plugins/post-processors/manifest';

export const builderImpls: Record<string, BuilderImpl> = {
  docker: dockerBuilder,
  null: nullBuilder,
  'amazon-ebs': amazonEbsBuilder,
};
export const provisionerImpls: Record<string, ProvisionerImpl> = {
  shell,
  file,
  'shell-local': shellLocal,
  restart,
  ansible,
};
export const postProcessorImpls: Record<string, PostProcessorImpl> = {
  'docker-tag': dockerTag,
  'docker-push': dockerPush,
  'docker-save': dockerSave,
  manifest,
  checksum,
  compress,
};

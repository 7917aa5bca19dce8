import { opt, req, s, Schema } from '../../spec/schema';

export const postProcessorSchemas: Record<string, { schema: Schema; description: string }> = {
  'docker-tag': {
    description: 'tag the image built by the docker builder',
    schema: s.object({
      repository: req(s.string(), 'repository to tag into, e.g. ghcr.io/org/app'),
      tags: opt(s.list(s.string(), { single: true }), 'tags (default: latest)', ['latest']),
      force: opt(s.bool(), 'move the tag if it already exists (always true for Docker ≥ 1.12)'),
    }),
  },
  'docker-push': {
    description: 'push the tagged image to its registry and record the digest',
    schema: s.object({
      login: opt(s.bool(), 'log in with the credentials below', false),
      login_username: opt(s.string()),
      login_password: opt(s.string(), 'use a sensitive variable, never a literal'),
      login_server: opt(s.string()),
    }),
  },
  'docker-save': {
    description: 'save the image to a tar file',
    schema: s.object({
      path: req(s.string(), 'output tar file (.tar or .tar.gz)'),
      compress: opt(s.bool(), 'gzip the tar (implied by a .gz name)'),
    }),
  },
  manifest: {
    description: 'record the artifacts in a JSON manifest (Packer shape)',
    schema: s.object({
      output: opt(s.string(), 'manifest path', 'bake-manifest.json'),
      strip_path: opt(s.bool(), 'record file names without directories', false),
      custom_data: opt(s.map(s.string()), 'extra values recorded with each build'),
    }),
  },
  checksum: {
    description: 'write checksums of the files a build produced',
    schema: s.object({
      checksum_types: opt(s.list(s.enum(['sha256', 'sha512', 'sha1', 'md5'])), undefined, [
        'sha256',
      ]),
      output: opt(
        s.string(),
        'output file; {{.BuildName}} and {{.ChecksumType}} are replaced',
        '{{.BuildName}}_{{.ChecksumType}}.checksum',
      ),
    }),
  },
  compress: {
    description: 'pack the files a build produced into a .tar.gz',
    schema: s.object({
      output: req(s.string(), 'output archive, e.g. out/{{.BuildName}}.tar.gz'),
      compression_level: opt(s.int(1, 9), undefined, 6),
    }),
  },
};

export const postProcessorCommon = {
  only: opt(s.list(s.string(), { single: true }), 'run only for these sources (globs)'),
  except: opt(s.list(s.string(), { single: true }), 'skip these sources (globs)'),
  keep_input_artifact: opt(s.bool(), 'keep the artifact this post-processor received'),
  name: opt(s.string()),
};

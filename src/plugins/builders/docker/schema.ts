import { opt, req, s } from '../../../spec/schema';

export const dockerBuilderSchema = s.object({
  image: req(s.string(), 'the base image to start the build container from', 'debian:bookworm'),
  pull: opt(
    s.enum(['always', 'missing', 'never', 'true', 'false']),
    "when to pull the base image (Packer's true is always, false never)",
    'missing',
  ),
  platform: opt(s.string(), 'platform of the base image, e.g. linux/amd64'),
  entrypoint: opt(
    s.list(s.string(), { single: true }),
    'entrypoint of the build container (not of the image)',
  ),
  cmd: opt(
    s.list(s.string(), { single: true }),
    'command that keeps the build container running (not kept in the image); without it, an interactive /bin/sh does, as in Packer',
    undefined,
    ['sleep', 'infinity'],
  ),
  run_command: opt(
    s.list(s.string()),
    'docker run arguments of the build container, as Packer takes them, with {{.Image}} for the image (-d -i -t -u -e -v -w --entrypoint --privileged --cap-add --cap-drop -h --network)',
    undefined,
    ['-d', '-i', '-t', '{{.Image}}', '/bin/sh'],
  ),
  privileged: opt(s.bool(), 'run the build container privileged', false),
  volumes: opt(s.map(s.string()), 'host path: container path'),
  env: opt(s.map(s.string()), 'environment of every provisioner command (not kept in the image)'),
  tmpfs: opt(s.list(s.string()), 'tmpfs mounts, e.g. /run:size=64m'),
  cap_add: opt(s.list(s.string()), 'Linux capabilities added to the build container', undefined, [
    'SYS_ADMIN',
  ]),
  cap_drop: opt(
    s.list(s.string()),
    'Linux capabilities dropped from the build container',
    undefined,
    ['NET_RAW'],
  ),
  devices: opt(s.list(s.string()), 'host devices, e.g. /dev/fuse'),
  exec_user: opt(s.string(), 'user for provisioner commands (default: the image user)'),
  container_dir: opt(s.string(), 'where provisioner scripts are placed', '/tmp'),
  fix_upload_owner: opt(s.bool(), 'make uploads owned by exec_user', true),
  changes: opt(
    s.list(s.string()),
    'Dockerfile instructions applied on commit: CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, USER, WORKDIR, VOLUME, ONBUILD, STOPSIGNAL',
  ),
  author: opt(s.string(), 'author of the committed image'),
  message: opt(s.string(), 'commit message of the committed image'),
  commit: opt(s.bool(), 'commit the container to an image (the default)'),
  export_path: opt(s.string(), 'export the container filesystem to this tar file instead'),
  discard: opt(s.bool(), 'throw the container away (provisioning test only)'),
  runs_on: opt(s.string(), 'runner label for this source in the reusable workflow'),
});

/** The pull policy, with Packer's bool read as bake's words. */
export function pullPolicy(v: unknown): 'always' | 'missing' | 'never' {
  const t = String(v ?? 'missing');
  return t === 'true' ? 'always' : t === 'false' ? 'never' : (t as 'always' | 'missing' | 'never');
}

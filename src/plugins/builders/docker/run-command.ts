/**
 * Packer's `run_command`: the `docker run` arguments of the build container, with `{{.Image}}`
 * for the image. bake creates the container through the API, so the arguments are read into
 * the API's settings; an argument with no such setting is refused at validation.
 */
export interface RunSettings {
  tty: boolean;
  stdin: boolean;
  user?: string;
  env: string[];
  volumes: string[];
  workdir?: string;
  entrypoint?: string[];
  privileged: boolean;
  capAdd: string[];
  capDrop: string[];
  hostname?: string;
  network?: string;
  cmd: string[];
}

const IMAGE = /^\{\{\s*\.Image\s*\}\}$/;

/** Flags that take a value, by every spelling. */
const VALUED: Record<string, keyof RunSettings> = {
  '-u': 'user',
  '--user': 'user',
  '-e': 'env',
  '--env': 'env',
  '-v': 'volumes',
  '--volume': 'volumes',
  '-w': 'workdir',
  '--workdir': 'workdir',
  '--entrypoint': 'entrypoint',
  '--cap-add': 'capAdd',
  '--cap-drop': 'capDrop',
  '-h': 'hostname',
  '--hostname': 'hostname',
  '--network': 'network',
  '--net': 'network',
};

export const RUN_FLAGS = [
  '-d',
  '-i',
  '-t',
  '--privileged',
  ...Object.keys(VALUED).filter((k) => k.startsWith('-')),
];

export function parseRunCommand(args: string[]): RunSettings | { error: string; hint?: string } {
  const out: RunSettings = {
    tty: false,
    stdin: false,
    env: [],
    volumes: [],
    privileged: false,
    capAdd: [],
    capDrop: [],
    cmd: [],
  };
  let i = 0;
  const set = (key: keyof RunSettings, v: string) => {
    const cur = out[key];
    if (Array.isArray(cur) && key !== 'entrypoint') (cur as string[]).push(v);
    else if (key === 'entrypoint') out.entrypoint = [v];
    else (out as unknown as Record<string, unknown>)[key] = v;
  };
  for (; i < args.length; i++) {
    const a = args[i];
    if (IMAGE.test(a)) break;
    if (a === '--') continue;
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const flag = eq > 0 ? a.slice(0, eq) : a;
    if (flag in VALUED) {
      const v = eq > 0 ? a.slice(eq + 1) : args[++i];
      if (v === undefined) return { error: `${flag} in run_command needs a value` };
      set(VALUED[flag], v);
      continue;
    }
    if (a === '--privileged') {
      out.privileged = true;
      continue;
    }
    if (a === '--detach' || a === '--interactive' || a === '--tty') {
      if (a === '--interactive') out.stdin = true;
      if (a === '--tty') out.tty = true;
      continue;
    }
    if (/^-[dit]+$/.test(a)) {
      if (a.includes('i')) out.stdin = true;
      if (a.includes('t')) out.tty = true;
      continue;
    }
    if (a === '--rm' || a === '--name' || a.startsWith('--name=')) {
      return {
        error: `${flag} in run_command is not supported: bake names the build container and removes it itself`,
        hint: `remove ${flag}`,
      };
    }
    if (a.startsWith('-'))
      return {
        error: `${flag} in run_command has no setting bake can give the container`,
        hint: `run_command takes ${RUN_FLAGS.join(', ')} and {{.Image}}; use the builder's own settings (volumes, tmpfs, devices, platform) for the rest`,
      };
    return {
      error: `run_command must name the image as {{.Image}} before the command, found "${a}"`,
      hint: 'e.g. ["-d", "-i", "-t", "{{.Image}}", "/bin/sh"]',
    };
  }
  if (i >= args.length)
    return {
      error: 'run_command must name the image as {{.Image}}',
      hint: 'e.g. ["-d", "-i", "-t", "{{.Image}}", "/bin/sh"]',
    };
  out.cmd = args.slice(i + 1);
  return out;
}

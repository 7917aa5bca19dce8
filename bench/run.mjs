#!/usr/bin/env node
// Benchmarks, side by side in one run: bake against Packer (Debian's packer 1.6.6) and
// against the raw docker CLI doing the same work. Reports medians and ratios.
//
//   node bench/run.mjs [--runs N] [--only B1,B3,B2,B4,V1,A1]
//
// Needs: the services (scripts/dev-services.sh), `npm run build`, and Debian's `packer`.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf('--runs') + 1] || 5) || 5;
const ONLY = args.includes('--only')
  ? args[args.indexOf('--only') + 1].split(',')
  : ['B1', 'B3', 'V1', 'A1'];
const ROOT = resolve(new URL('..', import.meta.url).pathname);
const BAKE = join(ROOT, 'dist/cli/index.js');
const IMAGE = 'debian:bookworm';

for (const [what, ok] of [
  ['dist/cli/index.js (npm run build)', existsSync(BAKE)],
  ['packer (apt-get install packer)', spawnSync('packer', ['version']).status === 0],
  ['a Docker engine (scripts/dev-services.sh)', spawnSync('docker', ['info']).status === 0],
]) {
  if (!ok) {
    console.error(`bench needs ${what}`);
    process.exit(2);
  }
}

const work = mkdtempSync(join(tmpdir(), 'bake-bench-'));
writeFileSync(join(work, 'config.txt'), 'listen 8080\nworkers 4\n');
const SHELL = ['echo provisioning', 'mkdir -p /opt/app', 'echo done > /opt/app/marker'];

function timeIt(cmd, argv, opts = {}) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, argv, { cwd: work, encoding: 'utf8', maxBuffer: 64 << 20, ...opts });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0)
    throw new Error(`${cmd} ${argv.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return ms;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function cleanupImages() {
  const ids = execFileSync('docker', ['images', '-q', '--filter', 'reference=bench/*'], {
    encoding: 'utf8',
  })
    .split('\n')
    .filter(Boolean);
  if (ids.length) spawnSync('docker', ['rmi', '-f', ...new Set(ids)]);
}

// ---- the same build, three ways -------------------------------------------
function bakeSpec(n) {
  const sources = Array.from(
    { length: n },
    (_, i) => `  s${i}:\n    type: docker\n    image: ${IMAGE}\n    commit: true\n`,
  ).join('');
  return `sources:\n${sources}builds:\n  app:\n    sources: [${Array.from({ length: n }, (_, i) => `s${i}`).join(', ')}]\n    provisioners:\n      - type: shell\n        inline: ${JSON.stringify(SHELL)}\n      - type: file\n        source: config.txt\n        destination: /opt/app/config.txt\n    post-processors:\n      - type: docker-tag\n        repository: bench/bake-\${source.name}\n        tags: [latest]\n`;
}

function packerTemplate(n) {
  return JSON.stringify(
    {
      builders: Array.from({ length: n }, (_, i) => ({
        type: 'docker',
        name: `s${i}`,
        image: IMAGE,
        pull: false,
        commit: true,
      })),
      provisioners: [
        { type: 'shell', inline: SHELL },
        { type: 'file', source: 'config.txt', destination: '/opt/app/config.txt' },
      ],
      'post-processors': [
        { type: 'docker-tag', repository: 'bench/packer-{{build_name}}', tag: 'latest' },
      ],
    },
    null,
    2,
  );
}

function rawScript(n) {
  const one = (i) => `(
  c=$(docker run -d -i -t --entrypoint /bin/sh ${IMAGE})
  docker exec "$c" /bin/sh -c '${SHELL.join(' && ')}'
  docker cp config.txt "$c":/opt/app/config.txt
  id=$(docker commit "$c")
  docker tag "$id" bench/raw-s${i}:latest
  docker rm -f "$c" >/dev/null
) &`;
  return `set -e\n${Array.from({ length: n }, (_, i) => one(i)).join('\n')}\nwait\n`;
}

function compareBuild(name, n) {
  writeFileSync(join(work, `bake-${n}.yml`), bakeSpec(n));
  writeFileSync(join(work, `packer-${n}.json`), packerTemplate(n));
  writeFileSync(join(work, `raw-${n}.sh`), rawScript(n));
  const env = { ...process.env, PACKER_LOG: '', CHECKPOINT_DISABLE: '1' };
  const tools = {
    bake: () =>
      timeIt(
        process.execPath,
        [BAKE, 'build', `bake-${n}.yml`, '--ledger', join(work, 'ledger.jsonl')],
        { env },
      ),
    packer: () => timeIt('packer', ['build', '-color=false', `packer-${n}.json`], { env }),
    'docker CLI': () => timeIt('bash', [`raw-${n}.sh`], { env }),
  };
  const times = Object.fromEntries(Object.keys(tools).map((k) => [k, []]));
  // Warm-up, then interleave the tools so drift hits all of them alike.
  for (const f of Object.values(tools)) f();
  cleanupImages();
  for (let r = 0; r < RUNS; r++) {
    for (const [k, f] of Object.entries(tools)) times[k].push(f());
    cleanupImages();
  }
  const m = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
  console.log(
    `\n${name}: ${n === 1 ? 'one build' : `${n} builds in parallel`} (3-line shell, one small upload, commit, tag); median of ${RUNS}`,
  );
  for (const [k, v] of Object.entries(m))
    console.log(`  ${k.padEnd(11)} ${(v / 1000).toFixed(2)} s`);
  console.log(`  ratio bake / packer     = ${(m.bake / m.packer).toFixed(2)}`);
  console.log(`  ratio bake / docker CLI = ${(m.bake / m['docker CLI']).toFixed(2)}`);
  return m;
}

function compareValidate() {
  const n = 20;
  const sources = Array.from(
    { length: n },
    (_, i) => `  s${i}:\n    type: docker\n    image: ${IMAGE}\n    commit: true\n`,
  ).join('');
  const builds = Array.from(
    { length: n },
    (_, i) =>
      `  b${i}:\n    sources: [s${i}]\n    provisioners:\n      - type: shell\n        inline: ["echo \${build.name}"]\n    post-processors:\n      - type: docker-tag\n        repository: bench/v\${source.name}\n`,
  ).join('');
  writeFileSync(join(work, 'validate.yml'), `sources:\n${sources}builds:\n${builds}`);
  writeFileSync(join(work, 'validate.json'), packerTemplate(n));
  const bake = [];
  const packer = [];
  timeIt(process.execPath, [BAKE, 'validate', 'validate.yml']);
  for (let r = 0; r < RUNS; r++) {
    bake.push(timeIt(process.execPath, [BAKE, 'validate', 'validate.yml']));
    packer.push(
      timeIt('packer', ['validate', 'validate.json'], {
        env: { ...process.env, CHECKPOINT_DISABLE: '1' },
      }),
    );
  }
  console.log(`\nV1: validate a spec of 20 builds (whole process); median of ${RUNS}`);
  console.log(`  bake        ${median(bake).toFixed(0)} ms`);
  console.log(`  packer      ${median(packer).toFixed(0)} ms`);
  console.log(`  ratio bake / packer = ${(median(bake) / median(packer)).toFixed(3)}`);
}

// ---- over SSH: 3 commands, a 100 MiB upload, sha256 on the machine --------
/** Runs fn against an sshd container (root with a password); removes it afterwards. */
function withSshd(fn) {
  const pw = 'bench-' + Date.now();
  const script = `ssh-keygen -A >/dev/null; mkdir -p /run/sshd; echo "root:${pw}" | chpasswd; printf 'PermitRootLogin yes\\nPasswordAuthentication yes\\nUseDNS no\\n' >> /etc/ssh/sshd_config; exec /usr/sbin/sshd -D -e`;
  const id = execFileSync('docker', ['run', '-d', IMAGE, '/bin/bash', '-c', script], {
    encoding: 'utf8',
  }).trim();
  try {
    const ip = execFileSync('docker', ['inspect', '-f', '{{.NetworkSettings.IPAddress}}', id], {
      encoding: 'utf8',
    }).trim();
    const ssh = ['-o', 'StrictHostKeyChecking=no', '-o', 'UserKnownHostsFile=/dev/null'];
    for (
      let i = 0;
      i < 50 && spawnSync('sshpass', ['-p', pw, 'ssh', ...ssh, `root@${ip}`, 'true']).status !== 0;
      i++
    )
      spawnSync('sleep', ['0.2']);
    fn({ ip, pw, ssh });
  } finally {
    spawnSync('docker', ['rm', '-f', id], { stdio: 'ignore' });
  }
}

/** Runs each tool once to warm up, then RUNS times interleaved; returns the medians. */
function interleaved(tools) {
  const times = Object.fromEntries(Object.keys(tools).map((k) => [k, []]));
  for (const f of Object.values(tools)) f();
  for (let r = 0; r < RUNS; r++) for (const [k, f] of Object.entries(tools)) times[k].push(f());
  return Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
}

function compareSsh() {
  withSshd(({ ip, pw, ssh }) => {
    execFileSync('dd', ['if=/dev/urandom', `of=${join(work, 'big.bin')}`, 'bs=1M', 'count=100'], {
      stdio: 'ignore',
    });
    const cmds = ['echo one', 'uname -r', 'mkdir -p /opt/app'];
    const provisioners = [
      { type: 'shell', inline: cmds },
      { type: 'file', source: 'big.bin', destination: '/opt/app/big.bin' },
      { type: 'shell', inline: ['sha256sum /opt/app/big.bin'] },
    ];
    writeFileSync(
      join(work, 'ssh.yml'),
      JSON.stringify({
        sources: { box: { type: 'null', ssh_host: ip, ssh_username: 'root', ssh_password: pw } },
        builds: { b: { sources: ['box'], provisioners } },
      }),
    );
    writeFileSync(
      join(work, 'ssh.json'),
      JSON.stringify({
        builders: [{ type: 'null', ssh_host: ip, ssh_username: 'root', ssh_password: pw }],
        provisioners,
      }),
    );
    // The upload alone, the same file to the same kind of fresh connection as sftp's.
    writeFileSync(
      join(work, 'upload.yml'),
      JSON.stringify({
        sources: { box: { type: 'null', ssh_host: ip, ssh_username: 'root', ssh_password: pw } },
        builds: {
          b: {
            sources: ['box'],
            provisioners: [{ type: 'file', source: 'big.bin', destination: '/tmp/bake.bin' }],
          },
        },
      }),
    );
    writeFileSync(join(work, 'sftp.batch'), 'put big.bin /tmp/sftp.bin\n');
    const tools = {
      bake: () =>
        timeIt(process.execPath, [
          BAKE,
          'build',
          'ssh.yml',
          '--ledger',
          join(work, 'ledger.jsonl'),
        ]),
      packer: () =>
        timeIt('packer', ['build', '-color=false', 'ssh.json'], {
          env: { ...process.env, CHECKPOINT_DISABLE: '1' },
        }),
      'bake upload': () =>
        timeIt(process.execPath, [
          BAKE,
          'build',
          'upload.yml',
          '--ledger',
          join(work, 'ledger-upload.jsonl'),
        ]),
      'sftp upload': () =>
        timeIt('sshpass', [
          '-p',
          pw,
          'sftp',
          ...ssh,
          '-o',
          'BatchMode=no',
          '-b',
          'sftp.batch',
          `root@${ip}`,
        ]),
    };
    const m = interleaved(tools);
    console.log(
      `\nB2: over SSH, 3 commands + 100 MiB upload + sha256 (null builder); median of ${RUNS}`,
    );
    for (const [k, v] of Object.entries(m))
      console.log(`  ${k.padEnd(11)} ${(v / 1000).toFixed(2)} s`);
    console.log(`  ratio bake / packer = ${(m.bake / m.packer).toFixed(2)}`);
    console.log(
      `  B2 upload: a 100 MiB file, whole process: ratio bake upload / sftp upload = ${(m['bake upload'] / m['sftp upload']).toFixed(2)}`,
    );
  });
}

// ---- over SSH: a directory of 1000 small files ------------------------------
function compareTree() {
  withSshd(({ ip, pw, ssh }) => {
    const tree = join(work, 'tree');
    for (let d = 0; d < 10; d++) {
      mkdirSync(join(tree, `d${d}`), { recursive: true });
      for (let f = 0; f < 100; f++)
        writeFileSync(join(tree, `d${d}`, `f${f}.txt`), `file ${d}/${f}\n`.repeat(20));
    }
    const count = 'find /opt/tree -type f | wc -l';
    const provisioners = [
      { type: 'file', source: 'tree/', destination: '/opt/tree' },
      { type: 'shell', inline: [count] },
    ];
    writeFileSync(
      join(work, 'tree.yml'),
      JSON.stringify({
        sources: { box: { type: 'null', ssh_host: ip, ssh_username: 'root', ssh_password: pw } },
        builds: { b: { sources: ['box'], provisioners } },
      }),
    );
    writeFileSync(
      join(work, 'tree.json'),
      JSON.stringify({
        builders: [{ type: 'null', ssh_host: ip, ssh_username: 'root', ssh_password: pw }],
        provisioners,
      }),
    );
    const tools = {
      bake: () =>
        timeIt(process.execPath, [BAKE, 'build', 'tree.yml', '--ledger', join(work, 'l.jsonl')]),
      packer: () =>
        timeIt('packer', ['build', '-color=false', 'tree.json'], {
          env: { ...process.env, CHECKPOINT_DISABLE: '1' },
        }),
      'tar | ssh tar': () =>
        timeIt('sh', [
          '-c',
          `tar c -C tree . | sshpass -p '${pw}' ssh ${ssh.join(' ')} root@${ip} 'mkdir -p /opt/tree && tar x -C /opt/tree && ${count}'`,
        ]),
    };
    const m = interleaved(tools);
    console.log(
      `\nB4: over SSH, a directory of 1000 small files (null builder); median of ${RUNS}`,
    );
    for (const [k, v] of Object.entries(m))
      console.log(`  ${k.padEnd(13)} ${(v / 1000).toFixed(2)} s`);
    console.log(`  ratio bake / packer = ${(m.bake / m.packer).toFixed(2)}`);
    console.log(`  ratio bake / tar | ssh tar = ${(m.bake / m['tar | ssh tar']).toFixed(2)}`);
  });
}

// ---- the action: from process start to its first log line ------------------
/** Milliseconds from spawning `argv` until its first byte of output. */
function firstOutput(argv, env) {
  return new Promise((res, rej) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(process.execPath, argv, {
      cwd: work,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let ms;
    child.stdout.once('data', () => (ms = Number(process.hrtime.bigint() - t0) / 1e6));
    child.on('error', rej);
    child.on('close', (code) =>
      ms === undefined ? rej(new Error(`no output (exit ${code})`)) : res(ms),
    );
  });
}

async function compareActionStart() {
  writeFileSync(
    join(work, 'start.yml'),
    `sources:\n  s: {type: docker, image: ${IMAGE}, commit: true}\nbuilds:\n  b: {sources: [s]}\n`,
  );
  const out = join(work, 'gh-output');
  writeFileSync(out, '');
  const env = {
    PATH: process.env.PATH,
    GITHUB_ACTIONS: 'true',
    GITHUB_OUTPUT: out,
    INPUT_SPEC: 'start.yml',
    INPUT_COMMAND: 'validate',
  };
  // The floor: node printing a line and nothing else.
  const tools = {
    action: () => firstOutput([join(ROOT, 'dist/index.js')], env),
    'node alone': () => firstOutput(['-e', 'console.log(1)'], env),
  };
  const times = { action: [], 'node alone': [] };
  for (const f of Object.values(tools)) await f();
  for (let r = 0; r < RUNS; r++)
    for (const [k, f] of Object.entries(tools)) times[k].push(await f());
  const m = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
  console.log(`\nA1: the action, from process start to its first log line; median of ${RUNS}`);
  for (const [k, v] of Object.entries(m)) console.log(`  ${k.padEnd(11)} ${v.toFixed(0)} ms`);
  console.log(`  ratio action / node alone = ${(m.action / m['node alone']).toFixed(2)}`);
}

try {
  console.log(
    `bench in ${work}; node ${process.version}; ${execFileSync('packer', ['version'], { encoding: 'utf8' }).trim()}`,
  );
  if (ONLY.includes('B1')) compareBuild('B1', 1);
  if (ONLY.includes('B3')) compareBuild('B3', 4);
  if (ONLY.includes('B2')) compareSsh();
  if (ONLY.includes('B4')) compareTree();
  if (ONLY.includes('V1')) compareValidate();
  if (ONLY.includes('A1')) await compareActionStart();
} finally {
  cleanupImages();
  spawnSync('sh', ['-c', 'docker ps -aq --filter ancestor=' + IMAGE + ' | xargs -r docker rm -f'], {
    stdio: 'ignore',
  });
  rmSync(work, { recursive: true, force: true });
}

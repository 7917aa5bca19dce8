import { formatProblem } from '../src/spec/errors';
import { problemsOf } from './helpers/spec';

const head = `sources:
  app:
    type: docker
    image: debian:bookworm
builds:
  main:
    sources: [app]
`;

/** [what is wrong, spec text, line, column, message pattern, hint pattern?] */
const corpus: [string, string, number, number, RegExp, RegExp?][] = [
  [
    'unknown top-level key',
    `${head}varibles: {}\n`,
    8,
    1,
    /unknown key "varibles"/,
    /did you mean "variables"/,
  ],
  [
    'missing sources',
    `builds:\n  main:\n    sources: [app]\n`,
    1,
    1,
    /missing required key "sources"/,
  ],
  [
    'missing builds',
    `sources:\n  app: {type: docker, image: x}\n`,
    1,
    1,
    /missing required key "builds"/,
  ],
  ['sources is a list', `sources: [a]\nbuilds: {}\n`, 1, 10, /expected a mapping/],
  [
    'unknown builder type',
    `sources:\n  app:\n    type: dockr\n    image: x\nbuilds:\n  b: {sources: [app]}\n`,
    3,
    11,
    /unknown builder type "dockr"/,
    /did you mean "docker"/,
  ],
  [
    'source without type',
    `sources:\n  app:\n    image: x\nbuilds:\n  b: {sources: [app]}\n`,
    3,
    5,
    /missing required key "type"/,
  ],
  [
    'source is a string',
    `sources:\n  app: docker\nbuilds:\n  b: {sources: [app]}\n`,
    2,
    8,
    /a source is a mapping/,
  ],
  [
    'misspelt builder key',
    `sources:\n  app:\n    type: docker\n    imag: debian\nbuilds:\n  b: {sources: [app]}\n`,
    4,
    5,
    /unknown key "imag"/,
    /did you mean "image"/,
  ],
  [
    'missing image',
    `sources:\n  app:\n    type: docker\n    commit: true\nbuilds:\n  b: {sources: [app]}\n`,
    2,
    3,
    /missing required key "image"/,
  ],
  [
    'commit not a bool',
    `sources:\n  app:\n    type: docker\n    image: x\n    commit: yes please\nbuilds:\n  b: {sources: [app]}\n`,
    5,
    13,
    /expected true or false/,
  ],
  [
    'pull policy unknown',
    `sources:\n  app:\n    type: docker\n    image: x\n    pull: allways\nbuilds:\n  b: {sources: [app]}\n`,
    5,
    11,
    /"allways" is not one of/,
    /did you mean "always"/,
  ],
  [
    'changes not a list',
    `sources:\n  app:\n    type: docker\n    image: x\n    changes: {CMD: x}\nbuilds:\n  b: {sources: [app]}\n`,
    5,
    14,
    /expected a list/,
  ],
  [
    'build uses unknown source',
    `${head.replace('[app]', '[ap]')}`,
    7,
    15,
    /uses source "ap", which is not defined/,
    /did you mean "app"/,
  ],
  [
    'build without sources',
    `sources:\n  app: {type: docker, image: x}\nbuilds:\n  main:\n    provisioners: []\n`,
    4,
    3,
    /missing required key "sources"/,
  ],
  [
    'build sources empty',
    `sources:\n  app: {type: docker, image: x}\nbuilds:\n  main:\n    sources: []\n`,
    5,
    14,
    /at least 1 item/,
  ],
  [
    'unknown build key',
    `${head}    provisoners: []\n`,
    8,
    5,
    /unknown key "provisoners"/,
    /did you mean "provisioners"/,
  ],
  [
    'unknown provisioner type',
    `${head}    provisioners:\n      - type: shel\n        inline: [x]\n`,
    9,
    15,
    /unknown provisioner type "shel"/,
    /did you mean "shell"/,
  ],
  [
    'provisioner without type',
    `${head}    provisioners:\n      - inline: [x]\n`,
    9,
    9,
    /missing required key "type"/,
  ],
  [
    'provisioner is a string',
    `${head}    provisioners:\n      - shell\n`,
    9,
    9,
    /a provisioner is a mapping/,
  ],
  [
    'unknown shell key',
    `${head}    provisioners:\n      - type: shell\n        inlin: [x]\n`,
    10,
    9,
    /unknown key "inlin"/,
    /did you mean "inline"/,
  ],
  [
    'inline not a list',
    `${head}    provisioners:\n      - type: shell\n        inline: {a: b}\n`,
    10,
    17,
    /expected a list/,
  ],
  [
    'file without destination',
    `${head}    provisioners:\n      - type: file\n        source: a.txt\n`,
    9,
    9,
    /missing required key "destination"/,
  ],
  [
    'file direction unknown',
    `${head}    provisioners:\n      - type: file\n        source: a\n        destination: /b\n        direction: up\n`,
    12,
    20,
    /"up" is not one of/,
  ],
  [
    'bad pause_before duration',
    `${head}    provisioners:\n      - type: shell\n        inline: [x]\n        pause_before: 5 minutes\n`,
    11,
    23,
    /expected a duration/,
  ],
  [
    'max_retries negative',
    `${head}    provisioners:\n      - type: shell\n        inline: [x]\n        max_retries: -1\n`,
    11,
    22,
    /at least 0/,
  ],
  [
    'valid_exit_codes out of range',
    `${head}    provisioners:\n      - type: shell\n        inline: [x]\n        valid_exit_codes: [0, 300]\n`,
    11,
    31,
    /at most 255/,
  ],
  [
    'unknown post-processor type',
    `${head}    post-processors:\n      - type: docker-tagg\n        repository: x\n`,
    9,
    15,
    /unknown post-processor type "docker-tagg"/,
    /did you mean "docker-tag"/,
  ],
  [
    'docker-tag without repository',
    `${head}    post-processors:\n      - type: docker-tag\n        tags: [a]\n`,
    9,
    9,
    /missing required key "repository"/,
  ],
  [
    'unknown key in a chain',
    `${head}    post-processors:\n      - - type: docker-tag\n          repository: r\n          tag: [a]\n`,
    11,
    11,
    /unknown key "tag"/,
    /did you mean "tags"/,
  ],
  ['build timeout malformed', `${head}    timeout: soon\n`, 8, 14, /expected a duration/],
  [
    'variable with unknown type',
    `variables:\n  v: {type: strng}\n${head}`,
    2,
    13,
    /unknown variable type "strng"/,
  ],
  [
    'variable with bad name',
    `variables:\n  my-var: {default: x}\n${head}`,
    2,
    3,
    /variable name "my-var" is not valid/,
  ],
  [
    'variable with unknown key',
    `variables:\n  v: {defualt: x}\n${head}`,
    2,
    7,
    /unknown key "defualt"/,
    /did you mean "default"/,
  ],
  [
    'required variable unset',
    `variables:\n  region: {type: string}\n${head}`,
    2,
    3,
    /variable "region" is required but has no value/,
    /--var region=VALUE/,
  ],
  [
    'default of the wrong type',
    `variables:\n  n: {type: number, default: many}\n${head}`,
    2,
    30,
    /expected a number/,
  ],
  [
    'validation fails',
    `variables:\n  region:\n    default: ""\n    validation:\n      - condition: \${length(var.region) > 0}\n        error_message: region must be set\n${head}`,
    3,
    14,
    /region must be set/,
  ],
  [
    'validation without error_message',
    `variables:\n  r:\n    default: a\n    validation:\n      - condition: \${true}\n${head}`,
    5,
    9,
    /missing required key "error_message"/,
  ],
  [
    'unknown variable referenced',
    `${head.replace('debian:bookworm', '${var.tag}')}`,
    4,
    12,
    /unknown variable var.tag/,
  ],
  [
    'unknown local referenced',
    `locals:\n  a: x\n${head.replace('debian:bookworm', '${local.b}')}`,
    6,
    12,
    /unknown local local.b/,
  ],
  [
    'unknown function',
    `${head.replace('debian:bookworm', '${lowr("X")}')}`,
    4,
    12,
    /unknown function lowr\(\)/,
    /did you mean lower\(\)/,
  ],
  [
    'wrong argument count',
    `${head.replace('debian:bookworm', '${upper()}')}`,
    4,
    12,
    /upper\(\) takes 1 argument, got 0/,
  ],
  [
    'unclosed interpolation',
    `${head.replace('debian:bookworm', '"${var.x"')}`,
    4,
    12,
    /unclosed \$\{/,
  ],
  [
    'bad token in expression',
    `${head.replace('debian:bookworm', '"${1 +* 2}"')}`,
    4,
    12,
    /unexpected "\*"/,
  ],
  [
    'local cycle',
    `locals:\n  a: \${local.b}\n  b: \${local.a}\n${head}`,
    3,
    6,
    /cycle: local.a → local.b → local.a/,
  ],
  [
    'file() of a missing file',
    `${head.replace('debian:bookworm', '${file("nope.txt")}')}`,
    4,
    12,
    /file\("nope.txt"\): no such file/,
  ],
  [
    'list in a string',
    `variables:\n  l: {type: list(string), default: [a]}\n${head.replace('debian:bookworm', 'x-${var.l}')}`,
    6,
    12,
    /cannot put a list inside a string/,
  ],
  [
    'index out of range',
    `variables:\n  l: {type: list(string), default: [a]}\n${head.replace('debian:bookworm', '${var.l[3]}')}`,
    6,
    12,
    /index 3 is out of range/,
  ],
  [
    'duplicate source name',
    `sources:\n  app: {type: docker, image: a}\n  app: {type: docker, image: b}\nbuilds:\n  b: {sources: [app]}\n`,
    3,
    3,
    /duplicate key/,
  ],
  ['tab indentation', `sources:\n\tapp: {type: docker, image: a}\nbuilds: {}\n`, 2, 1, /tab/],
  [
    'bad indentation',
    `sources:\n  app:\n    type: docker\n   image: a\nbuilds: {}\n`,
    4,
    4,
    /invalid YAML|indent/i,
  ],
  [
    'unterminated quote',
    `sources:\n  app:\n    type: "docker\nbuilds: {}\n`,
    3,
    11,
    /invalid YAML/,
  ],
  [
    'build name with a dot',
    `sources:\n  app: {type: docker, image: a}\nbuilds:\n  my.build: {sources: [app]}\n`,
    4,
    3,
    /build name "my.build" is not valid/,
  ],
];

describe('malformed specs: each error names file:line:col, says what and what to do', () => {
  it('has at least 40 cases', () => expect(corpus.length).toBeGreaterThanOrEqual(40));

  const rows = corpus.map(([what, yaml, line, col, message, hint]) => ({
    what,
    yaml,
    line,
    col,
    message,
    hint,
  }));
  it.each(rows)('$what', ({ yaml, line, col, message, hint }) => {
    const problems = problemsOf(yaml);
    const match = problems.find((p) => message.test(p.message));
    if (!match)
      throw new Error(
        `no problem matches ${message}; got:\n${problems.map(formatProblem).join('\n')}`,
      );
    expect(match.pos?.file).toMatch(/bake\.yml$/);
    expect({ line: match.pos?.line, col: match.pos?.col }).toEqual({ line, col });
    if (hint) expect(match.hint ?? '').toMatch(hint);
    // What a user sees: one line starting with file:line:col, never a stack trace.
    const shown = formatProblem(match);
    expect(shown).toMatch(new RegExp(`bake\\.yml:${line}:${col}: `));
    expect(shown).not.toMatch(/\n\s+at /);
  });

  it('reports every error of a file at once', () => {
    const problems = problemsOf(
      `sources:\n  a:\n    type: docker\n    imag: x\n  b:\n    type: dockr\nbuilds:\n  m:\n    sources: [a, c]\n    provisoners: []\n`,
    );
    expect(problems.map((p) => p.pos?.line)).toEqual(expect.arrayContaining([2, 4, 6, 9, 10]));
    expect(problems.length).toBeGreaterThanOrEqual(5);
  });
});

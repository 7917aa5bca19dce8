import { builtInRegistry } from '../src/plugins/registry';
import { mkdtempSync, openSync, ftruncateSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SpecError } from '../src/spec/errors';
import { loadSpec } from '../src/spec/spec';
import { tempProject } from './helpers/spec';

function rejection(path: string): SpecError {
  try {
    loadSpec(path, builtInRegistry());
  } catch (e) {
    if (e instanceof SpecError) return e;
    throw new Error(`expected a SpecError, got ${String(e)}`, { cause: e });
  }
  throw new Error('expected the file to be refused');
}

function refuse(content: string | Buffer): SpecError {
  return rejection(join(tempProject({ 'bake.yml': content }), 'bake.yml'));
}

describe('hostile input is refused cleanly, quickly and with a position', () => {
  it('an alias bomb ("billion laughs") is refused without expanding it', () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(
        `${name}: &${name} [${Array(10)
          .fill('*' + prev)
          .join(',')}]`,
      );
    }
    const e = refuse(`${levels.join('\n')}\nsources: *j\nbuilds: {}\n`);
    expect(e.problems[0].message).toMatch(/expands to more than/);
    expect(e.problems[0].hint).toMatch(/aliases/);
  });

  it('duplicate keys are an error at the second key', () => {
    const e = refuse('sources: {}\nbuilds: {}\nsources: {}\n');
    expect(e.problems[0]).toMatchObject({
      message: expect.stringMatching(/duplicate key/),
      pos: { line: 3, col: 1 },
    });
  });

  it('tabs used for indentation are named as such', () => {
    const e = refuse('sources:\n\tapp: {}\n');
    expect(e.problems.some((p) => /tab/.test(p.message) && p.pos?.line === 2)).toBe(true);
  });

  it('a file of several YAML documents is refused at the second one', () => {
    const e = refuse('sources: {}\nbuilds: {}\n---\nsources: {}\n');
    expect(e.problems[0].message).toMatch(/holds 2 YAML documents/);
    expect(e.problems[0].pos?.line).toBe(3);
  });

  it('a 50 MB file is refused by its size before it is read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bake-big-'));
    const path = join(dir, 'bake.yml');
    const fd = openSync(path, 'w');
    ftruncateSync(fd, 50 * 1024 * 1024);
    closeSync(fd);
    const before = process.memoryUsage().rss;
    const e = rejection(path);
    expect(e.problems[0].message).toMatch(/50\.0 MiB; a spec file may be at most 4 MiB/);
    expect(process.memoryUsage().rss - before).toBeLessThan(40 * 1024 * 1024);
  });

  it('binary garbage is refused as not text, with the offending position', () => {
    const e = refuse(Buffer.from([0x73, 0x6f, 0x75, 0x72, 0x0a, 0xff, 0xfe, 0x00, 0x13]));
    expect(e.problems[0].message).toMatch(/not a text file/);
    expect(e.problems[0].pos?.line).toBe(2);
  });

  it('invalid UTF-8 without NUL bytes is refused too', () => {
    const e = refuse(
      Buffer.concat([Buffer.from('sources:\n  a: '), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]),
    );
    expect(e.problems[0].message).toMatch(/invalid UTF-8/);
  });

  it('an empty file says what a spec needs', () => {
    const e = refuse('');
    expect(e.problems[0].message).toMatch(/is empty/);
    expect(e.problems[0].hint).toMatch(/sources.*builds/);
  });

  it('a comment-only file counts as empty', () => {
    expect(refuse('# nothing yet\n').problems[0].message).toMatch(/is empty/);
  });

  it('a directory is refused with the file name to use instead', () => {
    const dir = tempProject({});
    const e = rejection(dir);
    expect(e.problems[0].message).toMatch(/is a directory/);
    expect(e.problems[0].hint).toMatch(/bake\.yml/);
  });

  it('a missing file is named', () => {
    const e = rejection('/nonexistent/bake.yml');
    expect(e.problems[0].message).toMatch(/does not exist/);
  });

  it('a top level that is a list or a scalar is refused', () => {
    expect(refuse('- a\n- b\n').problems[0].message).toMatch(/top level is a list, not a mapping/);
    expect(refuse('just text\n').problems[0].message).toMatch(
      /top level is a string, not a mapping/,
    );
  });

  it('very deep nesting is refused, not a stack overflow', () => {
    const deep = 'sources: ' + '['.repeat(5000) + ']'.repeat(5000) + '\nbuilds: {}\n';
    const e = refuse(deep);
    expect(e.problems.length).toBeGreaterThan(0);
  });

  it('keys that look like JavaScript internals are plain keys', () => {
    const e = refuse(
      'sources:\n  __proto__: {type: docker, image: x}\n  constructor: {type: docker}\nbuilds:\n  b: {sources: [constructor]}\n',
    );
    expect(e.problems.some((p) => /source name "__proto__" is not valid/.test(p.message))).toBe(
      true,
    );
    expect(
      e.problems.some(
        (p) => /missing required key "image"/.test(p.message) && p.path === 'sources.constructor',
      ),
    ).toBe(true);
  });
});

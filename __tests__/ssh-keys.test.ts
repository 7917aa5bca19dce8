import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPublicKey, verify } from 'node:crypto';
import ssh2 from 'ssh2';
import { temporaryKeyPair } from '../src/communicators/ssh-config';

describe('temporary ed25519 keys', () => {
  it('every key parses, matches its public line and signs; keys whose public half starts with 0 too', () => {
    let leadingZero = 0;
    for (let i = 0; i < 3000; i++) {
      const k = temporaryKeyPair('ed25519', `t${i}`);
      const parsed = ssh2.utils.parseKey(k.privateKey);
      if (parsed instanceof Error) throw new Error(`key ${i}: ${parsed.message}`);
      const key = Array.isArray(parsed) ? parsed[0] : parsed;
      const [, b64, comment] = k.publicKey.split(' ');
      expect(comment).toBe(`t${i}`);
      expect(key.getPublicSSH().toString('base64')).toBe(b64);
      const pub = key.getPublicSSH().subarray(4 + 11 + 4);
      expect(pub.length).toBe(32);
      if (pub[0] === 0) leadingZero++;
      if (i < 50) {
        const sig = key.sign(Buffer.from('hello'));
        if (sig instanceof Error) throw sig;
        const jwkPub = createPublicKey({
          key: { kty: 'OKP', crv: 'Ed25519', x: pub.toString('base64url') },
          format: 'jwk',
        });
        expect(verify(null, Buffer.from('hello'), jwkPub, sig)).toBe(true);
      }
    }
    // About 3000/256 keys start with a zero byte: the case a generator once got wrong.
    expect(leadingZero).toBeGreaterThan(0);
  });

  it("OpenSSH's ssh-keygen derives the same public key", () => {
    const dir = mkdtempSync(join(tmpdir(), 'bake-keys-'));
    try {
      for (let i = 0; i < 20; i++) {
        const k = temporaryKeyPair('ed25519', 'x');
        const f = join(dir, `k${i}`);
        writeFileSync(f, k.privateKey, { mode: 0o600 });
        const derived = execFileSync('ssh-keygen', ['-y', '-f', f], { encoding: 'utf8' });
        expect(derived.split(' ').slice(0, 2).join(' ')).toBe(
          k.publicKey.split(' ').slice(0, 2).join(' '),
        );
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

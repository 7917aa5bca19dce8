/** Random identifiers from the kernel's /dev/urandom (node:crypto stays unloaded at start). */
import { randomBytes, randomUuid } from '../src/util/random';

test('UUIDs are version 4 and differ', () => {
  const ids = Array.from({ length: 200 }, randomUuid);
  for (const id of ids)
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  expect(new Set(ids).size).toBe(ids.length);
});

test('bytes come in the number asked for, and are not all alike', () => {
  const b = randomBytes(4096);
  expect(b.length).toBe(4096);
  // 4096 random bytes take nearly every one of the 256 values.
  expect(new Set(b).size).toBeGreaterThan(240);
  expect(randomBytes(16).equals(randomBytes(16))).toBe(false);
});

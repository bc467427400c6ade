import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { uuidV7 } from '../src';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('uuidV7', () => {
  test('is an RFC 9562 version 7 UUID carrying its creation time', () => {
    const at = Date.parse('2026-11-28T09:30:00.123Z');
    const id = uuidV7(at);
    assert.match(id, UUID_V7);
    assert.equal(parseInt(id.replace(/-/g, '').slice(0, 12), 16), at);
  });

  test('ids made later sort after ids made earlier, so an index of them grows at its end', () => {
    const ids = Array.from({ length: 1000 }, (_, i) => uuidV7(1_764_000_000_000 + i * 7));
    assert.deepEqual([...ids].sort(), ids);
  });

  test('ids made in the same millisecond differ', () => {
    const ids = new Set(Array.from({ length: 10_000 }, () => uuidV7(1_764_000_000_000)));
    assert.equal(ids.size, 10_000);
  });

  test('works without Web Crypto (WeChat), from the fill it is given', () => {
    const zeros = uuidV7(0, (bytes) => bytes.fill(0));
    assert.equal(zeros, '00000000-0000-7000-8000-000000000000');
  });
});

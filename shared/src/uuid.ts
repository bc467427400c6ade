export type RandomFill = (bytes: Uint8Array) => Uint8Array;

function cryptoFill(): RandomFill | undefined {
  const c = (globalThis as { crypto?: { getRandomValues?: RandomFill } }).crypto;
  return c?.getRandomValues ? (bytes) => c.getRandomValues!(bytes) : undefined;
}

// WeChat's JS engine has no Web Crypto; Math.random is enough there because an id only has to be
// unique (the server uses it to make a retried submission idempotent), not unguessable.
function mathFill(bytes: Uint8Array): Uint8Array {
  for (let i = 0; i < bytes.length; i += 1) bytes[i] = Math.floor(Math.random() * 256);
  return bytes;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * RFC 9562 version 7 UUID: 48 bits of Unix milliseconds, then 74 random bits, e.g.
 * "019ad1b8-6c4e-7b3a-9f0d-2a5c8e1b4d70". Ids made close in time sort close together, so a
 * database index of them grows at its end: a new row dirties the index's last page, which the
 * rows before it dirtied too, instead of one random page of the whole history (v4).
 */
export function uuidV7(now: number = Date.now(), fill: RandomFill = cryptoFill() ?? mathFill): string {
  const b = fill(new Uint8Array(16));
  let ms = Math.max(0, Math.floor(now));
  for (let i = 5; i >= 0; i -= 1) {
    b[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  b[6] = (b[6] & 0x0f) | 0x70;
  b[8] = (b[8] & 0x3f) | 0x80;
  let hex = '';
  for (let i = 0; i < 16; i += 1) hex += HEX[b[i]];
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}


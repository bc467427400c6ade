type RandomFill = (bytes: Uint8Array) => Uint8Array;

function cryptoFill(): RandomFill | undefined {
  const c = (globalThis as { crypto?: { getRandomValues?: RandomFill } }).crypto;
  return c?.getRandomValues ? (bytes) => c.getRandomValues!(bytes) : undefined;
}

// WeChat's JS engine has no Web Crypto; Math.random is enough there because the id only has to be
// unique (the server uses it to make a retried submission idempotent), not unguessable.
function mathFill(bytes: Uint8Array): Uint8Array {
  for (let i = 0; i < bytes.length; i += 1) bytes[i] = Math.floor(Math.random() * 256);
  return bytes;
}

/** RFC 4122 version 4 UUID, e.g. "3b241101-e2bb-4255-8caf-4136c566a962". */
export function uuidV4(fill: RandomFill = cryptoFill() ?? mathFill): string {
  const b = fill(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

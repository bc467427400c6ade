// Tellers type on phones with Chinese input methods, which produce full-width digits and letters
// ('１３８', 'Ｘ') and ideographic spaces; OCR and copy-paste add spaces and dashes. Every check
// folds these to ASCII before it looks at the characters.

const FULL_WIDTH_START = 0xff01; // '！'
const FULL_WIDTH_END = 0xff5e; // '～'
const FULL_TO_ASCII_OFFSET = 0xfee0;

/** Full-width ASCII variants to ASCII, ideographic space to a plain space. */
export function toHalfWidth(input: string): string {
  let out = '';
  for (let i = 0; i < input.length; i++) {
    const code = input.charCodeAt(i);
    if (code >= FULL_WIDTH_START && code <= FULL_WIDTH_END) out += String.fromCharCode(code - FULL_TO_ASCII_OFFSET);
    else if (code === 0x3000) out += ' ';
    else out += input[i];
  }
  return out;
}

/** Half-width, without whitespace or the given separator characters. */
export function compactInput(input: unknown, separators: RegExp): string {
  if (typeof input !== 'string') return '';
  return toHalfWidth(input).replace(/\s+/g, '').replace(separators, '');
}

/** Keeps the first `head` and last `tail` characters and stars the rest; all stars when too short to hide anything. */
export function maskMiddle(value: string, head: number, tail: number): string {
  if (value.length <= head + tail) return '*'.repeat(value.length);
  return value.slice(0, head) + '*'.repeat(value.length - head - tail) + value.slice(value.length - tail);
}

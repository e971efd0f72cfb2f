// The byte encodings SKM uses in its bodies: Base64 and the "0xNN, 0xNN, ..." hex listing.
const HEX_LOWER = Array.from({ length: 256 }, (_, b) => `0x${b.toString(16).padStart(2, '0')}`);
const HEX_UPPER = Array.from({ length: 256 }, (_, b) => `0x${b.toString(16).padStart(2, '0').toUpperCase()}`);
const BYTES_PER_LINE = 16;

/**
 * `documented`: the examples' listing, lowercase with ", " between bytes; `uppercase-wrapped`: upper-case
 * digits and a line break after every 16th comma (what the catalogue still accepts); `uppercase-no-space`:
 * a fault's variant ("0X3A,0X82") that it does not.
 */
export type HexStyle = 'documented' | 'uppercase-wrapped' | 'uppercase-no-space';

export function hexListing(bytes: Uint8Array, style: HexStyle = 'documented'): string {
  if (style === 'uppercase-no-space') return Array.from(bytes, (b) => HEX_LOWER[b].toUpperCase()).join(',');
  if (style === 'documented') return Array.from(bytes, (b) => HEX_LOWER[b]).join(', ');
  return Array.from(bytes, (b, i) => (i === 0 ? '' : i % BYTES_PER_LINE === 0 ? ',\n' : ', ') + HEX_UPPER[b]).join('');
}

// Buffer.from(text, 'base64') skips characters it does not know; the mock must refuse them instead.
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const BASE64_UNPADDED = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2,3})?$/;

/**
 * `strict`: canonical padded Base64 only; `padding-optional`: the same or without its `=`; `lenient`:
 * white space anywhere and any trailing `=` are dropped first. Other characters never pass.
 */
export type Base64Reading = 'strict' | 'padding-optional' | 'lenient';

export function decodeBase64(text: string, reading: Base64Reading = 'strict'): Buffer | undefined {
  if (BASE64.test(text)) return Buffer.from(text, 'base64');
  if (reading === 'strict') return undefined;
  const bare = reading === 'lenient' ? text.replace(/\s+/g, '').replace(/=+$/, '') : text;
  return BASE64_UNPADDED.test(bare) ? Buffer.from(bare, 'base64') : undefined;
}

// The byte encodings SKM uses in its bodies: strict Base64 and the "0xNN, 0xNN, ..." hex listing.
const HEX_LOWER = Array.from({ length: 256 }, (_, b) => `0x${b.toString(16).padStart(2, '0')}`);

/** The documents' listing: lowercase, ", " between bytes. `uppercase-no-space` is a fault's variant. */
export function hexListing(bytes: Uint8Array, style: 'documented' | 'uppercase-no-space' = 'documented'): string {
  const items = Array.from(bytes, (b) => HEX_LOWER[b]);
  return style === 'documented' ? items.join(', ') : items.map((h) => h.toUpperCase()).join(',');
}

// Buffer.from(text, 'base64') skips characters it does not know; the mock must refuse them instead.
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export function decodeBase64Strict(text: string): Buffer | undefined {
  return BASE64.test(text) ? Buffer.from(text, 'base64') : undefined;
}

// MAC addresses compare in one notation: lowercase hex pairs joined by ':' (a client may send '-' or
// uppercase; SKM-CAU-MAC-005 lets the service accept those).
const MAC = /^[0-9a-f]{2}([:-][0-9a-f]{2}){5}$/i;

export function normaliseMac(text: string): string | undefined {
  return MAC.test(text) ? text.toLowerCase().replaceAll('-', ':') : undefined;
}

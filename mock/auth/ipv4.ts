// IPv4 allowlist entries: an address or a CIDR range. Compiled once to a 32-bit network and mask, since
// every call on an IPv4 store checks them (node's BlockList costs several times more per check).
import { isIPv4 } from 'node:net';

interface Range {
  network: number;
  mask: number;
}

const compiled = new Map<string, Range | null>();

/** undefined when `cidr` is not `a.b.c.d` or `a.b.c.d/n` */
export function parseCidr(cidr: string): { address: string; prefix: number } | undefined {
  const [address, prefixText, ...rest] = cidr.split('/');
  if (rest.length > 0 || !isIPv4(address)) return undefined;
  if (prefixText === undefined) return { address, prefix: 32 };
  if (!/^\d{1,2}$/.test(prefixText) || Number(prefixText) > 32) return undefined;
  return { address, prefix: Number(prefixText) };
}

function toInt(address: string): number {
  const [a, b, c, d] = address.split('.').map(Number);
  return ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;
}

function range(cidr: string): Range | null {
  let r = compiled.get(cidr);
  if (r === undefined) {
    const parsed = parseCidr(cidr);
    const mask = parsed && parsed.prefix > 0 ? (0xffffffff << (32 - parsed.prefix)) >>> 0 : 0;
    r = parsed ? { network: (toInt(parsed.address) & mask) >>> 0, mask } : null;
    compiled.set(cidr, r);
  }
  return r;
}

export function cidrContains(cidr: string, ip: string): boolean {
  const r = range(cidr);
  return r !== null && isIPv4(ip) && ((toInt(ip) & r.mask) >>> 0) === r.network;
}

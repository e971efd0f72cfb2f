// IPv4 allowlist entries: an address or a CIDR range, checked with node's BlockList.
import { BlockList, isIPv4 } from 'node:net';

const compiled = new Map<string, BlockList>();

/** undefined when `cidr` is not `a.b.c.d` or `a.b.c.d/n` */
export function parseCidr(cidr: string): { address: string; prefix: number } | undefined {
  const [address, prefixText, ...rest] = cidr.split('/');
  if (rest.length > 0 || !isIPv4(address)) return undefined;
  if (prefixText === undefined) return { address, prefix: 32 };
  if (!/^\d{1,2}$/.test(prefixText) || Number(prefixText) > 32) return undefined;
  return { address, prefix: Number(prefixText) };
}

export function cidrContains(cidr: string, ip: string): boolean {
  let list = compiled.get(cidr);
  if (!list) {
    const parsed = parseCidr(cidr);
    if (!parsed) return false;
    list = new BlockList();
    list.addSubnet(parsed.address, parsed.prefix, 'ipv4');
    compiled.set(cidr, list);
  }
  return isIPv4(ip) && list.check(ip, 'ipv4');
}

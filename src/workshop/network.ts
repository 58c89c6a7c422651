import { networkInterfaces, type NetworkInterfaceInfo } from "node:os";

/** Where to listen, and why there: the address goes into the join link. */
export interface Bind {
  host: string;
  why: { key: "wsWhyLan"; iface: string } | { key: "wsWhyLoopback" } | { key: "wsWhyHost" };
}

const PRIVATE = [/^10\./, /^192\.168\./, /^172\.(1[6-9]|2\d|3[01])\./];

/**
 * With --host, that address and no other. Without it, the private IPv4 address of this computer's network
 * (what phones on the same Wi-Fi reach), preferring a wireless interface; with none, this computer only.
 */
export function chooseBind(host: string | undefined, interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces()): Bind {
  if (host) return { host, why: { key: "wsWhyHost" } };
  const candidates: Array<{ name: string; address: string }> = [];
  for (const [name, list] of Object.entries(interfaces)) {
    for (const i of list ?? []) if (i.family === "IPv4" && !i.internal && PRIVATE.some((p) => p.test(i.address))) candidates.push({ name, address: i.address });
  }
  // Wireless first; virtual bridges (docker, virtual machines) last: phones cannot reach those.
  const rank = (n: string) => (/^(wl|wi-?fi|en0|airport)/i.test(n) ? 0 : /^(docker|br-|veth|virbr|vmnet|vboxnet|utun|tun|tap)/i.test(n) ? 2 : 1);
  candidates.sort((a, b) => rank(a.name) - rank(b.name));
  const best = candidates.find((c) => rank(c.name) < 2) ?? candidates[0];
  return best ? { host: best.address, why: { key: "wsWhyLan", iface: best.name } } : { host: "127.0.0.1", why: { key: "wsWhyLoopback" } };
}

/** An address as it is written in a URL. */
export function urlHost(host: string): string {
  return host.includes(":") ? `[${host}]` : host;
}

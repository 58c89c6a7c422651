// The workshop command's edges that need no server: its help in four languages, a bad port, and where it
// chooses to listen.
import { describe, expect, it } from "vitest";
import { chooseBind } from "../../src/workshop/network.js";
import { runMain } from "../helpers/main.js";

describe("maturity-audit workshop", () => {
  it("explains itself with examples in each language", async () => {
    const said: Record<string, RegExp> = { en: /a live workshop: participants answer on their phones/, sv: /deltagarna svarar i sina telefoner/, nb: /deltakerne svarer på telefonene sine/, da: /deltagerne svarer på deres telefoner/ };
    for (const [lang, text] of Object.entries(said)) {
      const r = await runMain(["workshop", "--help", "--lang", lang]);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(text);
      expect(r.stdout).toContain("npx maturity-audit workshop ./acme --lang sv");
      expect(r.stdout).toContain("--port");
    }
  });

  it("refuses a port that is not one, before listening anywhere", async () => {
    const r = await runMain(["workshop", "./nowhere", "--port", "99999"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--port/);
    const missing = await runMain(["workshop"]);
    expect(missing.code).toBe(2);
  });
});

describe("where the workshop listens", () => {
  const nic = (address: string) => ({ address, family: "IPv4" as const, internal: false, netmask: "255.255.255.0", mac: "00:00:00:00:00:00", cidr: null });
  it("is the Wi-Fi's private address, not a container bridge or this computer alone", () => {
    const interfaces = { lo: [{ ...nic("127.0.0.1"), internal: true }], docker0: [nic("172.17.0.1")], wlp2s0: [nic("192.168.1.23")], eth0: [nic("10.0.0.5")] };
    expect(chooseBind(undefined, interfaces)).toEqual({ host: "192.168.1.23", why: { key: "wsWhyLan", iface: "wlp2s0" } });
    expect(chooseBind(undefined, { docker0: [nic("172.17.0.1")], eth0: [nic("10.0.0.5")] }).host).toBe("10.0.0.5");
  });
  it("is this computer when no network is found, and exactly --host when it is given", () => {
    expect(chooseBind(undefined, { lo: [{ ...nic("127.0.0.1"), internal: true }], eth0: [nic("203.0.113.9")] })).toEqual({ host: "127.0.0.1", why: { key: "wsWhyLoopback" } });
    expect(chooseBind("0.0.0.0", {})).toEqual({ host: "0.0.0.0", why: { key: "wsWhyHost" } });
  });
});

import { describe, expect, it } from "vitest";
import { ipLiteral, parseAddressRanges, refusedAddressReason } from "./address-guard";

describe("webhook address guard", () => {
  it("refuses link-local and cloud metadata addresses, in every spelling", () => {
    for (const address of [
      "169.254.169.254",
      "169.254.0.1",
      "0.0.0.0",
      "100.100.100.200",
      "fe80::1",
      "fe80::1%eth0",
      "fd00:ec2::254",
      "[fd00:ec2::254]",
      "::",
      "::ffff:169.254.169.254",
      "::ffff:a9fe:a9fe",
      "::169.254.169.254",
      "64:ff9b::169.254.169.254",
    ]) {
      expect(refusedAddressReason(address), address).toMatch(/HINDSIGHT_WEBHOOK_ALLOW_ADDRESSES/);
    }
  });

  it("allows public, private and loopback addresses (a self-hosted server notifies its own network)", () => {
    for (const address of [
      "93.184.216.34",
      "10.0.0.5",
      "192.168.1.10",
      "127.0.0.1",
      "::1",
      "2606:4700::1111",
      "fd00:ec2::253",
      "::ffff:10.0.0.1",
      "169.253.255.255",
      "169.255.0.0",
    ]) {
      expect(refusedAddressReason(address), address).toBeNull();
    }
  });

  it("lets HINDSIGHT_WEBHOOK_ALLOW_ADDRESSES open a refused range, also through mapped addresses", () => {
    const allowed = parseAddressRanges("169.254.10.0/24, fd00:ec2::254");
    expect(refusedAddressReason("169.254.10.7", allowed)).toBeNull();
    expect(refusedAddressReason("::ffff:169.254.10.7", allowed)).toBeNull();
    expect(refusedAddressReason("fd00:ec2::254", allowed)).toBeNull();
    expect(refusedAddressReason("169.254.169.254", allowed)).not.toBeNull();
    expect(parseAddressRanges("")).toEqual([]);
    expect(() => parseAddressRanges("10.0.0.0/8, nonsense")).toThrow(/"nonsense" is not an IP address/);
  });

  it("reads IP literals from URL hosts", () => {
    expect(ipLiteral(new URL("http://[fd00:ec2::254]/x").hostname)).toBe("fd00:ec2::254");
    expect(ipLiteral(new URL("http://0xa9.0xfe.0xa9.0xfe/").hostname)).toBe("169.254.169.254");
    expect(ipLiteral(new URL("http://2852039166/").hostname)).toBe("169.254.169.254");
    expect(ipLiteral("hooks.example.com")).toBeNull();
    expect(refusedAddressReason("not-an-ip")).toMatch(/not an IP address/);
  });
});

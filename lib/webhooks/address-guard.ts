import ipaddr from "ipaddr.js";

/**
 * Addresses outgoing webhooks never reach unless allowed (HINDSIGHT_WEBHOOK_ALLOW_ADDRESSES):
 * link-local ranges, where cloud instance metadata lives (169.254.169.254, fd00:ec2::254), other
 * metadata services, and "this host" (0.0.0.0, ::). Private and loopback addresses are allowed:
 * a self-hosted Hindsight often notifies tools on its own network.
 */
const BLOCKED_V4: [string, number][] = [
  ["169.254.0.0", 16],
  ["0.0.0.0", 8],
  // Alibaba Cloud's metadata service.
  ["100.100.100.200", 32],
];
const BLOCKED_V6: [string, number][] = [
  ["fe80::", 10],
  ["fd00:ec2::254", 128],
  ["::", 128],
];

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];

/** Parses "10.0.0.0/8, fd00::/8, 169.254.169.254" into ranges; throws naming the bad entry. */
export function parseAddressRanges(list: string): Range[] {
  return list
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      try {
        return entry.includes("/") ? ipaddr.parseCIDR(entry) : ([ipaddr.parse(entry), ipaddr.parse(entry).kind() === "ipv4" ? 32 : 128] as Range);
      } catch {
        throw new Error(`"${entry}" is not an IP address or CIDR range`);
      }
    });
}

/** The IPv4 address an IPv6 one carries (mapped ::ffff:a.b.c.d, compatible ::a.b.c.d, NAT64 64:ff9b::/96), if any. */
function embeddedV4(address: ipaddr.IPv6): ipaddr.IPv4 | null {
  if (address.isIPv4MappedAddress()) return address.toIPv4Address();
  const parts = address.parts;
  const lastTwo = (p: number[]) => new ipaddr.IPv4([p[6]! >> 8, p[6]! & 255, p[7]! >> 8, p[7]! & 255]);
  if (parts.slice(0, 6).every((p) => p === 0) && (parts[6]! !== 0 || parts[7]! > 1)) return lastTwo(parts);
  if (parts[0] === 0x64 && parts[1] === 0xff9b && parts.slice(2, 6).every((p) => p === 0)) return lastTwo(parts);
  return null;
}

function inRanges(address: ipaddr.IPv4 | ipaddr.IPv6, ranges: Range[]): boolean {
  return ranges.some(([base, bits]) => base.kind() === address.kind() && address.match(base as never, bits));
}

const blockedV4 = BLOCKED_V4.map(([a, bits]) => [ipaddr.parse(a), bits] as Range);
const blockedV6 = BLOCKED_V6.map(([a, bits]) => [ipaddr.parse(a), bits] as Range);

/** Why a webhook may not connect to `address`, or null when it may. `allowed` ranges win over the block list. */
export function refusedAddressReason(address: string, allowed: Range[] = []): string | null {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.parse(address.replace(/^\[|\]$/g, "").replace(/%.*$/, ""));
  } catch {
    return `"${address}" is not an IP address`;
  }
  const v4 = parsed.kind() === "ipv6" ? embeddedV4(parsed as ipaddr.IPv6) : null;
  const candidates = v4 ? [parsed, v4] : [parsed];
  if (candidates.some((a) => inRanges(a, allowed))) return null;
  for (const a of candidates) {
    if (inRanges(a, a.kind() === "ipv4" ? blockedV4 : blockedV6)) {
      return `${address} is a link-local, cloud metadata or unspecified address; set HINDSIGHT_WEBHOOK_ALLOW_ADDRESSES to allow it`;
    }
  }
  return null;
}

/** Whether a URL host is an IP literal (then it can be checked when the webhook is saved). */
export function ipLiteral(hostname: string): string | null {
  const bare = hostname.replace(/^\[|\]$/g, "");
  return ipaddr.isValid(bare) ? bare : null;
}

import "server-only";
import dns from "node:dns";
import type { LookupFunction } from "node:net";
import { refusedAddressReason } from "@/lib/webhooks/address-guard";

type Ranges = Parameters<typeof refusedAddressReason>[1];

/** A refused destination: permanent (retrying would connect to the same place). */
export class RefusedAddressError extends Error {
  readonly code = "EWEBHOOKADDRESS";
}

/**
 * A `lookup` for http(s).request: resolves the host itself, refuses the request when ANY address
 * is link-local / metadata (unless allowed), and hands the connection exactly the addresses it
 * checked, so a second DNS answer (rebinding) can never slip another address in.
 */
export function guardedLookup(allowed: Ranges, resolve: typeof dns.lookup = dns.lookup): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, { all: true, family: options.family ?? 0, hints: options.hints }, (error, addresses) => {
      if (error) return callback(error, "", 4);
      const list = addresses as dns.LookupAddress[];
      for (const { address } of list) {
        const reason = refusedAddressReason(address, allowed);
        if (reason) return callback(new RefusedAddressError(`${hostname} resolves to ${reason}`), "", 4);
      }
      if (list.length === 0) return callback(Object.assign(new Error(`${hostname} has no address`), { code: "ENOTFOUND" }), "", 4);
      if (options.all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
      callback(null, list[0]!.address, list[0]!.family);
    });
  };
}

import "server-only";
import { lookup } from "node:dns/promises";
import ipaddr from "ipaddr.js";
import { env } from "@/lib/env";

// Webhook receivers must be on the public internet: an address inside the network (loopback,
// private ranges, link-local cloud metadata, unique-local IPv6) is refused, so a webhook cannot
// be used to reach services behind the firewall. WEBHOOK_ALLOW_PRIVATE_TARGETS=true lifts this
// for installations whose receivers are internal (and for the tests' loopback receivers).

const publicRanges = new Set(["unicast"]);

export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.process(address);
  return publicRanges.has(parsed.range());
}

/** Why the receiver at `url` may not be called, or null when it may. Resolves its name first. */
export async function refusedTarget(url: string): Promise<string | null> {
  if (env().WEBHOOK_ALLOW_PRIVATE_TARGETS) return null;
  let hostname: string;
  try {
    hostname = new URL(url).hostname.replace(/^\[|\]$/g, "");
  } catch {
    return "The receiver URL is not a URL.";
  }
  const addresses = ipaddr.isValid(hostname) ? [hostname] : await lookup(hostname, { all: true }).then((found) => found.map((entry) => entry.address)).catch(() => []);
  if (addresses.length === 0) return `The receiver's name ${hostname} does not resolve.`;
  const internal = addresses.find((address) => !isPublicAddress(address));
  return internal ? `The receiver resolves to ${internal}, an address inside the network; webhooks only call public addresses.` : null;
}

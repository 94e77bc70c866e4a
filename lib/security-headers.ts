// Response headers for every page and API answer, and the Content-Security-Policy of a page
// with its per-request nonce (F20). Pure, so a unit test reads exactly what the proxy sends.

export function contentSecurityPolicy(nonce: string, { isDev = false } = {}): string {
  return [
    "default-src 'self'",
    // Next's own scripts carry the nonce; scripts they load are trusted through strict-dynamic.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ""}`,
    // Charts set inline style attributes; no script can be injected through a style.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join("; ");
}

export const securityHeaders: Record<string, string> = {
  "Strict-Transport-Security": "max-age=63072000; includeSubDomains",
  "X-Content-Type-Options": "nosniff",
  // Share links carry their token in the path: never send it to another site.
  "Referrer-Policy": "same-origin",
  "X-Frame-Options": "DENY",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
  "Cross-Origin-Opener-Policy": "same-origin",
};

/**
 * A server action (a POST carrying Next-Action) must come from this site: an Origin header that
 * is present, not "null", and names this host, and no cross-site Sec-Fetch-Site. Returns why not.
 */
export function refuseForeignAction(headers: Headers, host: string | null): string | null {
  const origin = headers.get("origin");
  if (!origin || origin === "null") return "The request has no origin.";
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return "The request's origin is not a URL.";
  }
  if (!host || originHost !== host) return "The request comes from another site.";
  if (headers.get("sec-fetch-site") === "cross-site") return "The request comes from another site.";
  return null;
}

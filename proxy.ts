import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, refuseForeignAction, securityHeaders } from "@/lib/security-headers";

// Runs before every request (F20): refuses server actions sent from other sites, and gives
// every answer the security headers and every page a Content-Security-Policy with a fresh nonce
// (Next puts the nonce on its own scripts when it finds the policy on the request).

/** A path or query holding a NUL character (or not decodable) reaches no page: PostgreSQL text cannot hold NUL. */
function isUnreadableUrl(url: URL): boolean {
  try {
    return `${decodeURIComponent(url.pathname)}${decodeURIComponent(url.search)}`.includes("\u0000");
  } catch {
    return true;
  }
}

export function proxy(request: NextRequest) {
  if (isUnreadableUrl(request.nextUrl)) {
    return new NextResponse("Bad request: the address holds characters that cannot be read.", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8", ...securityHeaders } });
  }
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (request.method === "POST" && request.headers.has("next-action")) {
    const reason = refuseForeignAction(request.headers, host);
    if (reason) {
      return new NextResponse(`Refused: ${reason}`, { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8", ...securityHeaders } });
    }
  }
  // One id per request, in the logs and on the answer; a sane id from a proxy in front is kept.
  const incoming = request.headers.get("x-request-id");
  const requestId = incoming && /^[\w.:-]{8,128}$/.test(incoming) ? incoming : crypto.randomUUID();
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const policy = contentSecurityPolicy(nonce, { isDev: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("x-request-id", requestId);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  response.headers.set("X-Request-Id", requestId);
  for (const [name, value] of Object.entries(securityHeaders)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|icon.svg).*)" }],
};

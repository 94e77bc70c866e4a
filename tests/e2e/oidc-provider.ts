import type { Server } from "node:http";
import Provider from "oidc-provider";
import { oidcClient, oidcIssuer, oidcPort } from "./oidc-settings";

// A real OpenID Connect provider (the oidc-provider package) on loopback, for the single
// sign-on journeys only; it is a dev dependency and never part of the app. Its development
// login page takes any login name: the name is the subject, and `emails` says which e-mail the
// provider gives for it (otherwise name@sso.example.test).

export async function startOidcProvider(appUrl: string, emails: Record<string, string>): Promise<() => Promise<void>> {
  const provider = new Provider(oidcIssuer, {
    clients: [
      {
        client_id: oidcClient.id,
        client_secret: oidcClient.secret,
        redirect_uris: [`${appUrl}/api/auth/callback/oidc`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    findAccount: (_context, subject) => ({
      accountId: subject,
      claims: () => ({ sub: subject, email: emails[subject] ?? `${subject}@sso.example.test`, email_verified: true, name: `SSO ${subject}` }),
    }),
    cookies: { keys: ["e2e-only-cookie-key-0123456789"] },
  });
  const server: Server = await new Promise((resolve) => {
    const listening = provider.listen(oidcPort, "127.0.0.1", () => resolve(listening));
  });
  return () => new Promise((resolve) => server.close(() => resolve()));
}

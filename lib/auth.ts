import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { cookies } from "next/headers";
import { getServerSession, type NextAuthOptions } from "next-auth";
import type { Provider } from "next-auth/providers/index";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { claimCode } from "@/lib/account/mutations";
import { linkCookieName, readLinkIntent, resolveSsoUser, ssoSettings } from "@/lib/account/sso";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { assertSignInAllowed, recordSignInFailure, recordSignInSuccess } from "@/lib/login-limits";
import { getDecoyHash, verifyPassword } from "@/lib/password";
import { endSession, startSession, viewerFromClaims, type SessionClaims } from "@/lib/sessions";
import type { Viewer } from "@/lib/permissions";

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(200),
  code: z.string().max(20).optional(),
});

/** The sign-in form shows the code field on this; the password was right. */
export const TWO_STEP_REQUIRED = "TwoStepRequired";
export const TWO_STEP_WRONG = "TwoStepWrong";

/**
 * Checks an e-mail and password, then the one-time code when the account has two-step sign-in;
 * the same null for an unknown user, a wrong password or a disabled account. A wrong code
 * counts as a failed sign-in.
 */
export async function authenticate(raw: unknown, address = "unknown"): Promise<{ id: string; sessionVersion: number } | null> {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { email, password, code } = parsed.data;
  await assertSignInAllowed(email, address);
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, passwordHash: true, disabledAt: true, sessionVersion: true, totpSecret: true, totpEnabledAt: true },
  });
  const isValid = await verifyPassword(user?.passwordHash ?? (await getDecoyHash()), password);
  if (!user || !isValid || user.disabledAt) {
    await recordSignInFailure(email, address);
    return null;
  }
  if (user.totpEnabledAt) {
    if (!code?.trim()) throw new Error(TWO_STEP_REQUIRED);
    if (!(await claimCode(db, user.id, user.totpSecret, code))) {
      await recordSignInFailure(email, address);
      throw new Error(TWO_STEP_WRONG);
    }
  }
  await recordSignInSuccess(email, address);
  return { id: user.id, sessionVersion: user.sessionVersion };
}

/** next-auth's provider for the OpenID Connect issuer in OIDC_ISSUER, when one is configured. */
function oidcProvider(): Provider[] {
  const sso = ssoSettings();
  if (!sso) return [];
  return [
    {
      id: "oidc",
      name: sso.name,
      type: "oauth",
      wellKnown: `${sso.issuer}/.well-known/openid-configuration`,
      clientId: sso.clientId,
      clientSecret: sso.clientSecret,
      authorization: { params: { scope: "openid email profile" } },
      idToken: true,
      checks: ["pkce", "state", "nonce"],
      // The ID token is verified; e-mail and name come from the user info endpoint, since a
      // provider need not put them in the token.
      userinfo: {
        async request({ client, tokens }) {
          const claims = (tokens as typeof tokens & { claims(): { sub: string } }).claims();
          const info = await client.userinfo(tokens.access_token ?? "");
          if (info.sub !== claims.sub) throw new Error("The user info and the ID token name different subjects.");
          return { ...info, sub: claims.sub };
        },
      },
      async profile(profile: { sub: string; email?: string; name?: string }) {
        const linkUserId = readLinkIntent((await cookies()).get(linkCookieName)?.value);
        const outcome = await resolveSsoUser({ issuer: sso.issuer, subject: profile.sub, email: profile.email, name: profile.name }, linkUserId, sso.createUsers);
        return "refused" in outcome ? { id: `refused:${outcome.refused}`, refused: outcome.refused } : { id: outcome.userId, sessionVersion: outcome.sessionVersion };
      },
    },
  ];
}

/** The caller's address as the server saw it (Next sets x-forwarded-for), for sign-in limits. */
function clientAddress(headers: Record<string, unknown> | undefined): string {
  const forwarded = headers?.["x-forwarded-for"];
  const first = (Array.isArray(forwarded) ? forwarded[0] : typeof forwarded === "string" ? forwarded : "")?.split(",")[0]?.trim();
  return first && first.length <= 64 ? first : "unknown";
}

/** Built on first use, so that configuration is read at run time, never at build time. */
export function getAuthOptions(): NextAuthOptions {
  return {
  secret: env().NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: env().SESSION_MAX_AGE_HOURS * 3600 },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      authorize: (credentials, request) => authenticate(credentials, clientAddress(request?.headers)),
    }),
    ...oidcProvider(),
  ],
  callbacks: {
    signIn({ user }) {
      // A refused single sign-on goes back to the sign-in page, which says why.
      const refused = (user as { refused?: string }).refused;
      return refused ? `/sign-in?error=${refused}` : true;
    },
    async jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sv = (user as { sessionVersion?: number }).sessionVersion;
        token.sid = await startSession(user.id);
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, userId: token.sub, sessionVersion: token.sv, sessionId: token.sid };
    },
  },
  events: {
    async signOut({ token }) {
      await endSession(typeof token?.sid === "string" ? token.sid : undefined);
    },
  },
  };
}

/**
 * The signed-in user, read from the database on every request so that a changed role,
 * a disabled account or a bumped session version takes effect at once. Null when signed out.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  await connection(); // per request, never prerendered
  return viewerFromClaims((await getServerSession(getAuthOptions())) as SessionClaims | null);
});

/** The signed-in user, or a redirect to the sign-in page. */
export async function requireViewer(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect("/sign-in");
  return viewer;
}

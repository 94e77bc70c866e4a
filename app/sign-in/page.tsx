import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { ssoSettings } from "@/lib/account/sso";
import { getViewer } from "@/lib/auth";

export const metadata: Metadata = { title: "Sign in" };

// next-auth and the single sign-on callback send people back here with an error code.
const ssoErrors: Record<string, string> = {
  SsoEmailTaken: "An account with this e-mail already exists here. Sign in with your password, then link single sign-on from your account page.",
  SsoNoAccount: "Your single sign-on account has no access here yet. Ask an admin to add you.",
  SsoDisabled: "This account is disabled. Ask an admin.",
  OAuthCallback: "Single sign-on did not complete. Try again.",
  OAuthSignin: "Single sign-on could not start. Try again, or ask an admin to check its settings.",
  Callback: "Single sign-on did not complete. Try again.",
  AccessDenied: "Single sign-on was refused.",
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  if (await getViewer()) redirect("/");
  const { error } = await searchParams;
  const sso = ssoSettings();
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900">
        <h1 className="text-xl font-semibold">Sign in to Release readiness</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">Use the e-mail and password your admin gave you{sso ? `, or ${sso.name}` : ""}.</p>
        <SignInForm sso={sso?.name ?? null} initialError={error ? (ssoErrors[error] ?? "Signing in did not complete. Try again.") : null} />
      </div>
    </main>
  );
}

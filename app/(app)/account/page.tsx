import type { Metadata } from "next";
import { ConfirmTwoStepForm, DisableTwoStepForm, StartTwoStepForm } from "@/components/account/two-step-forms";
import { SsoLinkButton } from "@/components/account/sso-link-button";
import { Card } from "@/components/ui/card";
import { InlineAction } from "@/components/ui/inline-action";
import { LocalTime } from "@/components/ui/local-time";
import { unlinkIdentityAction } from "@/lib/account/actions";
import { getAccount } from "@/lib/account/queries";
import { ssoSettings } from "@/lib/account/sso";
import { requireViewer } from "@/lib/auth";
import { env } from "@/lib/env";
import { roleLabels } from "@/lib/permissions";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ linked?: string }> }) {
  const viewer = await requireViewer();
  const account = await getAccount(viewer.id);
  const sso = ssoSettings();
  const { linked } = await searchParams;
  const { SESSION_IDLE_MINUTES, SESSION_MAX_AGE_HOURS } = env();
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Your account</h1>
      <p className="text-sm">
        {viewer.name} · {viewer.email} · {roleLabels[viewer.role]}
      </p>
      {account.hasPassword ? (
        <Card title="Two-step sign-in" id="two-step">
          {account.twoStepEnabledAt ? (
            <>
              <p className="mb-3 text-sm">
                On since <LocalTime date={account.twoStepEnabledAt} />. Each sign-in asks for a code from your authenticator app.
              </p>
              <DisableTwoStepForm />
            </>
          ) : account.setup ? (
            <div className="space-y-3">
              <p className="text-sm">Scan this code with an authenticator app (such as 1Password, Authy or Google Authenticator), or type the key into it.</p>
              {/* eslint-disable-next-line @next/next/no-img-element -- a generated data: image */}
              <img src={`data:image/svg+xml;base64,${Buffer.from(account.setup.qrSvg).toString("base64")}`} alt="QR code holding the key below" width={176} height={176} className="rounded border border-slate-200 bg-white p-1" />
              <p className="text-sm">
                Key: <code className="break-all rounded bg-slate-100 px-1 font-mono dark:bg-slate-800" data-testid="totp-key">{account.setup.secret}</code>
              </p>
              <ConfirmTwoStepForm />
              <StartTwoStepForm label="Make a new key" />
            </div>
          ) : (
            <>
              <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">Off. With it on, a stolen password alone does not get into your account.</p>
              <StartTwoStepForm label="Set up two-step sign-in" />
            </>
          )}
        </Card>
      ) : null}
      {sso || account.identities.length > 0 ? (
        <Card title="Single sign-on" id="sso">
          {linked ? <p role="status" className="mb-3 text-sm text-green-800 dark:text-green-300">Single sign-on is linked to this account.</p> : null}
          {account.identities.length === 0 ? (
            <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">Not linked. Link it to sign in here with {sso?.name}.</p>
          ) : (
            <ul className="mb-3 space-y-2 text-sm">
              {account.identities.map((identity) => (
                <li key={identity.id} className="flex flex-wrap items-center gap-3">
                  <span className="break-all">
                    {identity.email ?? "No e-mail"} at {identity.issuer} · linked <LocalTime date={identity.createdAt} />
                  </span>
                  <InlineAction action={unlinkIdentityAction} fields={{ id: identity.id }} label="Unlink" accessibleLabel={`Unlink ${identity.email ?? identity.issuer}`} confirm="Unlink this single sign-on?" />
                </li>
              ))}
            </ul>
          )}
          {sso && account.identities.length === 0 ? <SsoLinkButton name={sso.name} /> : null}
        </Card>
      ) : null}
      <Card title="Sessions" id="sessions">
        <p className="text-sm">
          {account.openSessions} open {account.openSessions === 1 ? "session" : "sessions"}. Sessions end after {SESSION_IDLE_MINUTES} idle minutes or {SESSION_MAX_AGE_HOURS} hours; “Sign out everywhere” in the header ends them all at once.
        </p>
      </Card>
    </div>
  );
}

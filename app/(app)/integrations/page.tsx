import type { Metadata } from "next";
import Link from "next/link";
import { Forbidden } from "@/components/layout/forbidden";
import { TokenForm, WebhookForm } from "@/components/integrations/secret-forms";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { InlineAction } from "@/components/ui/inline-action";
import { LocalTime } from "@/components/ui/local-time";
import { deleteWebhookAction, redeliverAction, revokeTokenAction, toggleWebhookAction } from "@/lib/api/actions";
import { tokenScopeLabels, tokenScopes } from "@/lib/api/token-schemas";
import { listApiTokens } from "@/lib/api/tokens";
import { requireViewer } from "@/lib/auth";
import { db } from "@/lib/db";
import { can } from "@/lib/permissions";
import { webhookEventLabels, webhookEventTypes } from "@/lib/webhooks/event-types";
import { listWebhooks } from "@/lib/webhooks/mutations";

export const metadata: Metadata = { title: "Integrations" };

const deliveryTone = { PENDING: "info", DELIVERED: "success", FAILED: "danger" } as const;

export default async function IntegrationsPage() {
  const viewer = await requireViewer();
  if (!can(viewer, "api:manage")) return <Forbidden />;
  const [tokens, webhooks, releases] = await Promise.all([
    listApiTokens(viewer),
    listWebhooks(viewer),
    db.release.findMany({ where: { archivedAt: null }, orderBy: { targetDate: "asc" }, select: { id: true, name: true, versionName: true } }),
  ]);
  const releaseOptions = releases.map((release) => ({ value: release.id, label: `${release.name} ${release.versionName}` }));
  const now = new Date();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Integrations</h1>
        <p className="max-w-3xl text-sm text-slate-600 dark:text-slate-400">
          Let CI report what it already knows (tests passing, scans clean) through the <Link href="/integrations/api" className="text-sky-700 underline dark:text-sky-400">automation API</Link>, and tell other systems when sign-offs, decisions and statuses change.
        </p>
      </div>

      <Card title="API tokens" id="tokens">
        <TokenForm releases={releaseOptions} scopes={tokenScopes.map((scope) => ({ value: scope, label: scope, description: tokenScopeLabels[scope] }))} />
        <div className="relative mt-5 overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">API tokens</caption>
            <thead className="border-b border-slate-200 text-xs text-slate-600 dark:border-slate-800 dark:text-slate-400">
              <tr>
                <th scope="col" className="py-1.5 pr-3 font-medium">Name</th>
                <th scope="col" className="py-1.5 pr-3 font-medium">Scopes</th>
                <th scope="col" className="py-1.5 pr-3 font-medium">Release</th>
                <th scope="col" className="py-1.5 pr-3 font-medium">Expires</th>
                <th scope="col" className="py-1.5 pr-3 font-medium">Last used</th>
                <th scope="col" className="py-1.5 font-medium"><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {tokens.length === 0 ? (
                <tr><td colSpan={6} className="py-2 text-slate-500">No tokens yet.</td></tr>
              ) : null}
              {tokens.map((token) => {
                const isLive = !token.revokedAt && token.expiresAt > now;
                return (
                  <tr key={token.id} className="border-b border-slate-100 align-top dark:border-slate-800">
                    <td className="py-2 pr-3">
                      <span className="font-medium">{token.name}</span> <code className="font-mono text-xs text-slate-500">{token.prefix}…</code>
                      <span className="block text-xs text-slate-500">by {token.createdBy.name}</span>
                    </td>
                    <td className="py-2 pr-3">{token.scopes.join(", ")}</td>
                    <td className="py-2 pr-3">{token.release ? `${token.release.name} ${token.release.versionName}` : "All releases"}</td>
                    <td className="py-2 pr-3">{token.revokedAt ? <Badge tone="muted">Revoked</Badge> : token.expiresAt <= now ? <Badge tone="warning">Expired</Badge> : <LocalTime date={token.expiresAt} />}</td>
                    <td className="py-2 pr-3">{token.lastUsedAt ? <LocalTime date={token.lastUsedAt} /> : "Never"}</td>
                    <td className="py-2">
                      {isLive ? <InlineAction action={revokeTokenAction} fields={{ id: token.id }} label="Revoke" accessibleLabel={`Revoke ${token.name}`} variant="danger" confirm={`Revoke ${token.name}? Calls with it stop working at once.`} /> : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </Card>

      <Card title="Webhooks" id="webhooks">
        <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
          Each event is POSTed as JSON with <code className="font-mono">X-Webhook-Signature: t=…,v1=…</code> (HMAC-SHA256 of “timestamp.body” with the signing secret) and <code className="font-mono">X-Webhook-Id</code>, the same on every retry. Failed deliveries are retried with exponential backoff.
        </p>
        <WebhookForm releases={releaseOptions} events={webhookEventTypes.map((type) => ({ value: type, label: type, description: webhookEventLabels[type] }))} canAddGlobal={can(viewer, "users:manage")} />
        <div className="mt-5 space-y-4">
          {webhooks.length === 0 ? <p className="text-sm text-slate-500">No webhooks yet.</p> : null}
          {webhooks.map((hook) => (
            <section key={hook.id} aria-label={`Webhook ${hook.url}`} className="rounded-md border border-slate-200 p-3 dark:border-slate-800">
              <div className="flex flex-wrap items-start justify-between gap-3">
                <div className="min-w-0">
                  <p className="break-all font-mono text-sm">{hook.url}</p>
                  <p className="text-xs text-slate-600 dark:text-slate-400">
                    {hook.release ? `${hook.release.name} ${hook.release.versionName}` : "All releases"} · {hook.events.join(", ")} · by {hook.createdBy.name}
                  </p>
                  {hook.disabledAt ? <Badge tone="muted">Paused</Badge> : null}
                </div>
                <div className="flex gap-2">
                  <InlineAction action={toggleWebhookAction} fields={{ id: hook.id, version: hook.version }} label={hook.disabledAt ? "Resume" : "Pause"} accessibleLabel={`${hook.disabledAt ? "Resume" : "Pause"} the webhook to ${hook.url}`} />
                  <InlineAction action={deleteWebhookAction} fields={{ id: hook.id }} label="Delete" accessibleLabel={`Delete the webhook to ${hook.url}`} variant="danger" confirm="Delete this webhook and its delivery log?" />
                </div>
              </div>
              <div className="relative mt-3 overflow-x-auto">
                <table className="w-full text-left text-xs">
                  <caption className="sr-only">Recent deliveries to {hook.url}</caption>
                  <thead className="border-b border-slate-200 text-slate-600 dark:border-slate-800 dark:text-slate-400">
                    <tr>
                      <th scope="col" className="py-1 pr-3 font-medium">Event</th>
                      <th scope="col" className="py-1 pr-3 font-medium">Status</th>
                      <th scope="col" className="py-1 pr-3 font-medium">Attempts</th>
                      <th scope="col" className="py-1 pr-3 font-medium">Response</th>
                      <th scope="col" className="py-1 pr-3 font-medium">Last attempt</th>
                      <th scope="col" className="py-1 font-medium"><span className="sr-only">Actions</span></th>
                    </tr>
                  </thead>
                  <tbody>
                    {hook.deliveries.length === 0 ? <tr><td colSpan={6} className="py-1.5 text-slate-500">No deliveries yet.</td></tr> : null}
                    {hook.deliveries.map((delivery) => (
                      <tr key={delivery.id} className="border-b border-slate-100 align-top dark:border-slate-800">
                        <td className="py-1.5 pr-3">{delivery.eventType}<span className="block font-mono text-slate-500">{delivery.eventId.slice(0, 8)}</span></td>
                        <td className="py-1.5 pr-3"><Badge tone={deliveryTone[delivery.status]}>{delivery.status.toLowerCase()}</Badge></td>
                        <td className="py-1.5 pr-3 tabular-nums">{delivery.attempts}</td>
                        <td className="py-1.5 pr-3">{delivery.lastStatusCode ?? "—"}{delivery.lastError ? <span className="block text-red-700 dark:text-red-400">{delivery.lastError}</span> : null}</td>
                        <td className="py-1.5 pr-3">{delivery.lastAttemptAt ? <LocalTime date={delivery.lastAttemptAt} /> : "—"}</td>
                        <td className="py-1.5">
                          <InlineAction action={redeliverAction} fields={{ deliveryId: delivery.id }} label="Redeliver" accessibleLabel={`Redeliver ${delivery.eventType} ${delivery.eventId.slice(0, 8)}`} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          ))}
        </div>
      </Card>
    </div>
  );
}

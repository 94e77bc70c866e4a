import { Badge } from "@/components/ui/badge";
import { InlineAction } from "@/components/ui/inline-action";
import { LocalTime } from "@/components/ui/local-time";
import { revokeShareLinkAction } from "@/lib/share/actions";

type Link = {
  id: string;
  label: string;
  expiresAt: Date;
  revokedAt: Date | null;
  lastViewedAt: Date | null;
  viewCount: number;
  createdAt: Date;
  createdBy: { name: string };
};

export function ShareLinkList({ links, now, canManage }: { links: Link[]; now: Date; canManage: boolean }) {
  if (links.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">No share links yet.</p>;
  return (
    <ul className="divide-y divide-slate-100 dark:divide-slate-800">
      {links.map((link) => {
        const isActive = !link.revokedAt && link.expiresAt > now;
        return (
          <li key={link.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2 text-sm">
            <span className="font-medium">{link.label}</span>
            {link.revokedAt ? <Badge tone="muted" symbol="–">Revoked</Badge> : isActive ? <Badge tone="success" symbol="✓">Active</Badge> : <Badge tone="muted" symbol="⌛">Expired</Badge>}
            <span className="text-xs text-slate-600 dark:text-slate-400">
              by {link.createdBy.name} ·{" "}
              {link.revokedAt ? <>revoked <LocalTime date={link.revokedAt} /></> : <>{isActive ? "expires" : "expired"} <LocalTime date={link.expiresAt} /></>}
              {" "}· {link.viewCount} view{link.viewCount === 1 ? "" : "s"}
              {link.lastViewedAt ? <> · last <LocalTime date={link.lastViewedAt} /></> : null}
            </span>
            {isActive && canManage ? (
              <span className="ml-auto">
                <InlineAction action={revokeShareLinkAction} fields={{ id: link.id }} label="Revoke" variant="danger" accessibleLabel={`Revoke the link for ${link.label}`} confirm={`Revoke the link for ${link.label}? It stops working at once.`} />
              </span>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { requireViewer } from "@/lib/auth";
import { can } from "@/lib/permissions";
import { listTemplates } from "@/lib/templates/queries";

export const metadata: Metadata = { title: "Templates" };

type Props = { searchParams: Promise<{ retired?: string }> };

export default async function TemplatesPage({ searchParams }: Props) {
  const viewer = await requireViewer();
  const isAdmin = can(viewer, "template:manage");
  const showRetired = isAdmin && (await searchParams).retired === "1";
  const templates = await listTemplates({ includeRetired: showRetired });
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Templates</h1>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Reusable plans: phases, items and sign-off roles a new release starts with. Any release can be kept as a template from its settings.
          </p>
        </div>
        {isAdmin ? (
          <Link href={showRetired ? "/templates" : "/templates?retired=1"} className="text-sm text-sky-700 underline dark:text-sky-400">
            {showRetired ? "Hide retired templates" : "Show retired templates"}
          </Link>
        ) : null}
      </div>
      {templates.length === 0 ? <p className="text-sm text-slate-600 dark:text-slate-400">No templates yet.</p> : null}
      <ul className="grid gap-3 md:grid-cols-2">
        {templates.map((template) => (
          <li key={template.id} className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
            <div className="flex flex-wrap items-center gap-2">
              <h2 className="font-semibold">
                <Link href={`/templates/${template.id}`} className="hover:underline">{template.name}</Link>
              </h2>
              {template.builtIn ? <Badge tone="muted">Built-in</Badge> : null}
              {template.retiredAt ? <Badge tone="warning">Retired</Badge> : null}
            </div>
            {template.description ? <p className="text-sm text-slate-700 dark:text-slate-300">{template.description}</p> : null}
            <p className="text-sm text-slate-600 dark:text-slate-400">
              {template.counts
                ? `${template.counts.phases} phases · ${template.counts.items} items · ${template.counts.signoffRoles} sign-off roles`
                : "This template is damaged; an admin can fix it."}
              {template.createdBy ? ` · by ${template.createdBy.name}` : ""}
            </p>
            <div className="mt-auto flex gap-2 pt-1">
              <Link href={`/templates/${template.id}`} className={buttonClasses("secondary", "sm")}>View plan<span className="sr-only"> of {template.name}</span></Link>
              {can(viewer, "release:create") && !template.retiredAt && template.counts ? (
                <Link href={`/releases/new?template=${template.id}`} className={buttonClasses("primary", "sm")}>Use<span className="sr-only"> {template.name}</span></Link>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}

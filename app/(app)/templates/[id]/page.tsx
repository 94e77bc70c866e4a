import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PlanPreview } from "@/components/templates/plan-preview";
import { TemplateForm } from "@/components/templates/template-form";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { InlineAction } from "@/components/ui/inline-action";
import { requireViewer } from "@/lib/auth";
import { can } from "@/lib/permissions";
import { retireTemplateAction } from "@/lib/templates/actions";
import { blueprintToMarkdown } from "@/lib/templates/markdown/export";
import { getTemplate } from "@/lib/templates/queries";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const template = await getTemplate((await params).id);
  return { title: template ? `Template: ${template.name}` : "Template" };
}

export default async function TemplatePage({ params }: Props) {
  const viewer = await requireViewer();
  const template = await getTemplate((await params).id);
  if (!template) notFound();
  const isAdmin = can(viewer, "template:manage");
  const plan = template.plan;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <p className="text-sm text-slate-500 dark:text-slate-400">
            <Link href="/templates" className="hover:underline">Templates</Link> /
          </p>
          <h1 className="text-2xl font-semibold tracking-tight">{template.name}</h1>
          <div className="mt-2 flex flex-wrap gap-2 text-sm">
            {template.builtIn ? <Badge tone="muted">Built-in</Badge> : null}
            {template.retiredAt ? <Badge tone="warning">Retired</Badge> : null}
            {template.createdBy ? <span className="text-slate-600 dark:text-slate-400">Saved by {template.createdBy.name}</span> : null}
          </div>
          {template.description ? <p className="mt-2 max-w-3xl text-sm text-slate-700 dark:text-slate-300">{template.description}</p> : null}
        </div>
        <div className="flex flex-wrap items-start gap-2">
          {can(viewer, "release:create") && !template.retiredAt && plan ? (
            <Link href={`/releases/new?template=${template.id}`} className={buttonClasses("primary")}>New release from this template</Link>
          ) : null}
          {isAdmin ? (
            <InlineAction
              action={retireTemplateAction}
              fields={{ id: template.id, version: template.version }}
              label={template.retiredAt ? "Put back in use" : "Retire"}
              accessibleLabel={template.retiredAt ? `Put ${template.name} back in use` : `Retire ${template.name}`}
              confirm={template.retiredAt ? undefined : "Retire this template? Releases already made from it are not affected."}
            />
          ) : null}
        </div>
      </div>

      {plan ? (
        <PlanPreview
          phases={plan.phases.map((phase) => ({ name: phase.name, items: phase.items.map((item) => ({ ...item, subItems: item.subItems })) }))}
          signoffRoles={plan.signoffRoles}
        />
      ) : (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
          This template&apos;s plan could not be read. {isAdmin ? "Write the plan again below to repair it." : "Ask an admin to repair it."}
        </p>
      )}

      {isAdmin ? (
        <section aria-labelledby="edit-template" className="space-y-3 rounded-lg border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900">
          <h2 id="edit-template" className="text-lg font-semibold">Edit the template</h2>
          <TemplateForm
            id={template.id}
            version={template.version}
            name={template.name}
            description={template.description}
            plan={plan ? blueprintToMarkdown(template.name, plan) : ""}
          />
        </section>
      ) : null}
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DecisionRecord } from "@/components/decisions/decision-record";
import { buttonClasses } from "@/components/ui/button";
import { PrintButton } from "@/components/ui/print-button";
import { requireViewer } from "@/lib/auth";
import { getDecision } from "@/lib/decisions/queries";
import { hashDecision, toDecisionContent } from "@/lib/decisions/record";

export const metadata: Metadata = { title: "Decision record" };

type Props = { params: Promise<{ id: string; decisionId: string }> };

export default async function DecisionRecordPage({ params }: Props) {
  await requireViewer();
  const { id, decisionId } = await params;
  const decision = await getDecision(id, decisionId);
  if (!decision) notFound();
  const isHashValid = hashDecision(toDecisionContent(decision)) === decision.contentHash;
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <nav aria-label="Decision record actions" className="flex flex-wrap items-center gap-3 print:hidden">
        <Link href={`/releases/${id}/decision`} className="text-sm text-sky-800 underline dark:text-sky-300">Back to go/no-go</Link>
        <span className="ml-auto flex gap-2">
          <a href={`/releases/${id}/decisions/${decisionId}/record.md`} className={buttonClasses("secondary")} download>Download Markdown</a>
          <PrintButton />
        </span>
      </nav>
      <DecisionRecord decision={decision} isHashValid={isHashValid} />
    </div>
  );
}

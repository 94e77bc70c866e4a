import { getViewer } from "@/lib/auth";
import { getDecision } from "@/lib/decisions/queries";
import { decisionToMarkdown } from "@/lib/decisions/markdown";
import { toDecisionContent } from "@/lib/decisions/record";

type Context = { params: Promise<{ id: string; decisionId: string }> };

/** The decision record as a Markdown file, for the release's paperwork. */
export async function GET(_request: Request, { params }: Context) {
  if (!(await getViewer())) return new Response("Sign in to download decision records.", { status: 401 });
  const { id, decisionId } = await params;
  const decision = await getDecision(id, decisionId);
  if (!decision) return new Response("That decision does not exist.", { status: 404 });
  const markdown = decisionToMarkdown({ ...toDecisionContent(decision), id: decision.id, contentHash: decision.contentHash });
  return new Response(markdown, {
    headers: {
      "Content-Type": "text/markdown; charset=utf-8",
      "Content-Disposition": `attachment; filename="decision-${decision.id}.md"`,
      "Cache-Control": "no-store",
    },
  });
}

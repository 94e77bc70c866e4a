import { getViewer } from "@/lib/auth";
import { releaseToMarkdown } from "@/lib/templates/markdown/export";
import { getReleaseExport } from "@/lib/templates/queries";

type Context = { params: Promise<{ id: string }> };

/** The release as Markdown (F4): phases, items with status, sign-offs, decision, risks. */
export async function GET(_request: Request, { params }: Context) {
  if (!(await getViewer())) return new Response("Sign in to export releases.", { status: 401 });
  const { id } = await params;
  const release = await getReleaseExport(id);
  if (!release) return new Response("That release does not exist.", { status: 404 });
  const slug = `${release.name}-${release.versionName}`.toLowerCase().replace(/[^a-z0-9.]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 80) || "release";
  return new Response(releaseToMarkdown(release), {
    headers: {
      "Content-Type": "text/markdown; charset=utf-8",
      "Content-Disposition": `attachment; filename="${slug}.md"`,
      "Cache-Control": "no-store",
    },
  });
}

import { apiRoute, decodeCursor, json, pageLimit } from "@/lib/api/http";
import { listAuditPage } from "@/lib/api/queries";

export const dynamic = "force-dynamic";

/** The release's audit history, oldest first, a page at a time. */
export const GET = apiRoute<{ releaseId: string }>("read", async (_caller, request, { releaseId }) => {
  const url = new URL(request.url);
  return json(await listAuditPage(releaseId, decodeCursor(url.searchParams.get("cursor")), pageLimit(url)));
}, "/api/v1/releases/{releaseId}/audit");

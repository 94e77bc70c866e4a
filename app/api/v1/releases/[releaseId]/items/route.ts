import { apiRoute, decodeCursor, json, pageLimit } from "@/lib/api/http";
import { listItemsPage } from "@/lib/api/queries";

export const dynamic = "force-dynamic";

/** The release's items (sub-items included), a page at a time; ?key= finds one by its automation key. */
export const GET = apiRoute<{ releaseId: string }>("read", async (_caller, request, { releaseId }) => {
  const url = new URL(request.url);
  const key = url.searchParams.get("key");
  return json(await listItemsPage(releaseId, decodeCursor(url.searchParams.get("cursor")), pageLimit(url), key));
}, "/api/v1/releases/{releaseId}/items");

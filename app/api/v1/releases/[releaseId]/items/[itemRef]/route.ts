import { apiRoute, json, readBody } from "@/lib/api/http";
import { findItem } from "@/lib/api/queries";
import { setItemStatusBodySchema } from "@/lib/api/schemas";
import { reportItemStatus } from "@/lib/checklist/automation-mutations";

export const dynamic = "force-dynamic";

type Params = { releaseId: string; itemRef: string };

/** One item, by its id or its automation key. */
export const GET = apiRoute<Params>("read", async (_caller, _request, { releaseId, itemRef }) => json(await findItem(releaseId, decodeURIComponent(itemRef))), "/api/v1/releases/{releaseId}/items/{itemRef}");

/** Sets the item's status, with an evidence link and a note, as automation (the item becomes automated). */
export const PATCH = apiRoute<Params>("items:write", async (caller, request, { releaseId, itemRef }) => {
  const body = await readBody(request, setItemStatusBodySchema);
  const item = await findItem(releaseId, decodeURIComponent(itemRef));
  await reportItemStatus(caller.viewer, { ...body, itemId: item.id });
  return json(await findItem(releaseId, item.id));
}, "/api/v1/releases/{releaseId}/items/{itemRef}");

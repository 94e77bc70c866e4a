import { apiRoute, json, readBody } from "@/lib/api/http";
import { findItem } from "@/lib/api/queries";
import { addEvidenceBodySchema } from "@/lib/api/schemas";
import { addEvidence } from "@/lib/checklist/item-records";

export const dynamic = "force-dynamic";

/** Attaches an evidence link to the item: the same change as "Add evidence" on the item's page. */
export const POST = apiRoute<{ releaseId: string; itemRef: string }>("evidence:write", async (caller, request, { releaseId, itemRef }) => {
  const body = await readBody(request, addEvidenceBodySchema);
  const item = await findItem(releaseId, decodeURIComponent(itemRef));
  await addEvidence(caller.viewer, { itemId: item.id, url: body.url, label: body.label ?? "" });
  return json(await findItem(releaseId, item.id), 201);
}, "/api/v1/releases/{releaseId}/items/{itemRef}/evidence");

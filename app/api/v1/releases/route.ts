import { apiRoute, decodeCursor, json, pageLimit } from "@/lib/api/http";
import { listReleasesPage } from "@/lib/api/queries";

export const dynamic = "force-dynamic";

/** Releases the token can see, a page at a time. */
export const GET = apiRoute("read", async (caller, request) => {
  const url = new URL(request.url);
  return json(await listReleasesPage(caller, decodeCursor(url.searchParams.get("cursor")), pageLimit(url)));
}, "/api/v1/releases");

import { apiRoute, json } from "@/lib/api/http";
import { getReleaseStatus } from "@/lib/api/queries";

export const dynamic = "force-dynamic";

/** A release's go/no-go state, score with its breakdown, open blocking items and sign-offs. */
export const GET = apiRoute<{ releaseId: string }>("read", async (_caller, _request, { releaseId }) => json(await getReleaseStatus(releaseId)), "/api/v1/releases/{releaseId}");

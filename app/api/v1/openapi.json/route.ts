import { openApiDocument } from "@/lib/api/openapi";

/** The API's OpenAPI 3.1 document; public, as it holds no data. */
export function GET() {
  return new Response(JSON.stringify(openApiDocument(), null, 2), { headers: { "Content-Type": "application/json", "Cache-Control": "public, max-age=300" } });
}

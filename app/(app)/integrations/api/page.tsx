import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { apiOperations, openApiDocument } from "@/lib/api/openapi";

export const metadata: Metadata = { title: "Automation API" };

type JsonSchema = { $ref?: string; type?: string | string[]; properties?: Record<string, JsonSchema>; required?: string[]; items?: JsonSchema; enum?: unknown[]; anyOf?: JsonSchema[]; description?: string; format?: string };

/** A short type for a JSON schema: "string", "Item[]", "TODO | DONE"… */
function typeOf(schema: JsonSchema): string {
  if (schema.$ref) return schema.$ref.split("/").at(-1)!;
  if (schema.enum) return schema.enum.map(String).join(" | ");
  if (schema.anyOf) return schema.anyOf.map(typeOf).join(" or ");
  if (schema.type === "array") return `${schema.items ? typeOf(schema.items) : "unknown"}[]`;
  if (schema.type === "object" && schema.properties) return "object";
  return Array.isArray(schema.type) ? schema.type.join(" or ") : (schema.type ?? "any");
}

function SchemaTable({ name, schema }: { name: string; schema: JsonSchema }) {
  const properties = Object.entries(schema.properties ?? {});
  return (
    <section aria-labelledby={`schema-${name}`} className="rounded-md border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900">
      <h3 id={`schema-${name}`} className="font-mono text-sm font-semibold">{name}</h3>
      {schema.description ? <p className="text-xs text-slate-600 dark:text-slate-400">{schema.description}</p> : null}
      <table className="mt-2 w-full text-left text-xs">
        <caption className="sr-only">Fields of {name}</caption>
        <thead className="text-slate-600 dark:text-slate-400">
          <tr><th scope="col" className="pr-3 font-medium">Field</th><th scope="col" className="pr-3 font-medium">Type</th><th scope="col" className="font-medium">Notes</th></tr>
        </thead>
        <tbody>
          {properties.map(([field, property]) => (
            <tr key={field} className="border-t border-slate-100 align-top dark:border-slate-800">
              <td className="py-1 pr-3 font-mono">{field}{schema.required?.includes(field) ? "" : "?"}</td>
              <td className="py-1 pr-3 font-mono">{typeOf(property)}</td>
              <td className="py-1 text-slate-600 dark:text-slate-400">{property.description ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export default function ApiDocsPage() {
  const document = openApiDocument();
  const schemas = document.components.schemas as Record<string, JsonSchema>;
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm text-slate-500 dark:text-slate-400"><Link href="/integrations" className="hover:underline">Integrations</Link> /</p>
        <h1 className="text-2xl font-semibold tracking-tight">{document.info.title}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-700 dark:text-slate-300">{document.info.description}</p>
        <p className="mt-1 text-sm">
          Machine-readable: <a href="/api/v1/openapi.json" className="font-mono text-sky-700 underline dark:text-sky-400">/api/v1/openapi.json</a> (OpenAPI 3.1).
        </p>
      </div>
      <section aria-labelledby="recipe" className="space-y-2">
        <h2 id="recipe" className="text-lg font-semibold">Mark an item done from CI</h2>
        <pre className="relative overflow-x-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100">{`curl --fail-with-body -X PATCH \\
  -H "Authorization: Bearer $RELEASE_READINESS_TOKEN" \\
  -H "Content-Type: application/json" \\
  -d "{\\"status\\":\\"DONE\\",\\"evidenceUrl\\":\\"$BUILD_URL\\",\\"note\\":\\"All tests passed\\"}" \\
  "$RELEASE_READINESS_URL/api/v1/releases/$RELEASE_ID/items/ci.tests-passing"`}</pre>
      </section>
      <section aria-labelledby="operations" className="space-y-3">
        <h2 id="operations" className="text-lg font-semibold">Operations</h2>
        {apiOperations.map((operation) => (
          <article key={operation.operationId} aria-labelledby={`op-${operation.operationId}`} className="rounded-md border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900">
            <h3 id={`op-${operation.operationId}`} className="flex flex-wrap items-center gap-2 text-sm">
              <span className="rounded bg-slate-800 px-1.5 py-0.5 font-mono text-xs font-semibold uppercase text-white dark:bg-slate-200 dark:text-slate-900">{operation.method}</span>
              <code className="break-all font-mono">{operation.path}</code>
              <Badge tone="muted">scope {operation.scope}</Badge>
            </h3>
            <p className="mt-1 text-sm font-medium">{operation.summary}</p>
            {operation.description ? <p className="text-sm text-slate-600 dark:text-slate-400">{operation.description}</p> : null}
            {operation.query ? (
              <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">Query: {operation.query.map((query) => `${query.name} (${query.description})`).join("; ")}</p>
            ) : null}
            <ul className="mt-1 text-xs">
              {Object.entries(operation.responses).map(([status, response]) => (
                <li key={status}><span className="font-mono">{status}</span> {response.description}</li>
              ))}
            </ul>
          </article>
        ))}
      </section>
      <section aria-labelledby="schemas" className="space-y-3">
        <h2 id="schemas" className="text-lg font-semibold">Schemas</h2>
        <div className="grid gap-3 lg:grid-cols-2">
          {Object.entries(schemas).map(([name, schema]) => <SchemaTable key={name} name={name} schema={schema} />)}
        </div>
      </section>
    </div>
  );
}

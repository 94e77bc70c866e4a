// Prisma ships this WebAssembly glue without types; lib/db-plan-cache.ts uses its compiler class.
declare module "@prisma/client/runtime/query_compiler_bg.postgresql.mjs" {
  export class QueryCompiler {
    compile(request: string): unknown;
    compileBatch(request: string): unknown;
  }
}

import { LRUCache } from "lru-cache";
import { QueryCompiler } from "@prisma/client/runtime/query_compiler_bg.postgresql.mjs";

// Prisma 6.19's client engine compiles every query to a plan in WebAssembly, from the query as
// JSON with its values written in. On two cores that is about 2 ms of CPU a query, 10–15% of a
// page's server time (docs/performance.md). The same read, as when many people open the same
// dashboard before a go/no-go meeting, compiles to the same plan, so the plans of recent reads
// are kept here. Writes are always compiled afresh: their plans may carry generated values.
// Prisma 7 caches plans itself; this module goes when the project moves to it.

const readActions = /^\{"modelName":"[A-Za-z]+","action":"(?:findUnique|findUniqueOrThrow|findFirst|findFirstOrThrow|findMany|count|aggregate|groupBy)","query"/;

/** Queries longer than this (long `in` lists) are compiled afresh rather than kept. */
const longestKey = 16_000;

export type PlanCacheStats = { hits: number; misses: number; size: number };

type Compile = (this: QueryCompiler, request: string) => unknown;
type Patched = { planCache?: { cache: LRUCache<string, object>; stats: PlanCacheStats } };

/**
 * Wraps the compiler's `compile` once per process. Plans are frozen so that a use which changed
 * one would throw instead of corrupting the next query (the interpreter only reads them).
 */
export function installPlanCache(max = 2_000): PlanCacheStats {
  const prototype = QueryCompiler.prototype as QueryCompiler & Patched;
  if (prototype.planCache) return prototype.planCache.stats;
  const cache = new LRUCache<string, object>({ max });
  const stats: PlanCacheStats = { hits: 0, misses: 0, get size() { return cache.size; } };
  const compile: Compile = prototype.compile;
  prototype.compile = function cachedCompile(this: QueryCompiler, request: string) {
    if (request.length > longestKey || !readActions.test(request)) return compile.call(this, request);
    const cached = cache.get(request);
    if (cached) {
      stats.hits += 1;
      return cached;
    }
    stats.misses += 1;
    const plan = deepFreeze(compile.call(this, request));
    if (plan && typeof plan === "object") cache.set(request, plan);
    return plan;
  };
  prototype.planCache = { cache, stats };
  return stats;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

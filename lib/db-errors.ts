/** True when PostgreSQL refused a row for breaking a unique constraint (SQLSTATE 23505). */
export function isUniqueViolation(error: unknown): boolean {
  if (!error || typeof error !== "object") return false;
  const { code, cause, meta } = error as { code?: unknown; cause?: unknown; meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } };
  if (code === "P2002" || code === "23505") return true;
  if (meta?.driverAdapterError?.cause?.originalCode === "23505") return true;
  return cause !== undefined && cause !== error && isUniqueViolation(cause);
}

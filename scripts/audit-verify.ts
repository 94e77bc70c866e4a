// npm run audit:verify: walks the audit trail's hash chain on DATABASE_URL (the embedded
// database when it is not set) and names the first broken link. Exit status 0 when intact.
import { verifyAuditChain } from "@/lib/audit-chain";
import { db } from "@/lib/db";

const report = await verifyAuditChain(db).catch(async (error: unknown) => {
  await db.$disconnect();
  const message = error instanceof Error ? error.message : String(error);
  console.error(/prev_hash/.test(message) ? "This database has no audit hash chain yet: apply the migrations first (npm run db:deploy)." : `Could not read the audit trail: ${message.split("\n").filter(Boolean).at(-1)}`);
  process.exit(2);
});
await db.$disconnect();
if (report.firstBreak) {
  console.error(`The audit trail is broken at event ${report.firstBreak.id}: ${report.firstBreak.reason}. ${report.checked} events before it verify.`);
  process.exit(1);
}
console.log(`The audit trail verifies: ${report.checked} events, head ${report.head ?? "(empty)"}.`);

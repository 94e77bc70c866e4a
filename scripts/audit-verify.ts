// npm run audit:verify: walks the audit trail's hash chain on DATABASE_URL (the embedded
// database when it is not set) and names the first broken link. Exit status 0 when intact.
import { verifyAuditChain } from "@/lib/audit-chain";
import { db } from "@/lib/db";

const report = await verifyAuditChain(db);
await db.$disconnect();
if (report.firstBreak) {
  console.error(`The audit trail is broken at event ${report.firstBreak.id}: ${report.firstBreak.reason}. ${report.checked} events before it verify.`);
  process.exit(1);
}
console.log(`The audit trail verifies: ${report.checked} events, head ${report.head ?? "(empty)"}.`);

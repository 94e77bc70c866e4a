import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { db } from "@/lib/db";
import { templateFromPreview } from "@/lib/templates/blueprint";
import { parseMarkdownPlan } from "@/lib/templates/markdown/parse";

// The built-in templates (F3), made from the seed plans the product was specified from by the
// same importer users run. Added once per database, at start: an admin's later edit or
// retirement of a built-in is kept, and a built-in that was renamed is not added again.

export const builtInTemplates = [
  {
    key: "final-release-action-plan",
    file: "000_5dc51aea30026015.txt",
    name: "Final release action plan",
    description: "Critical path to a final release: dry run, production configuration, stakeholder approvals and the release itself, with the release manager's own checklist.",
  },
  {
    key: "production-readiness",
    file: "001_4a20f0dbd3111b56.txt",
    name: "Production readiness checklist",
    description: "Everything that must be complete before go-live, grouped by area, with must-have, should-have and nice-to-have success metrics.",
  },
  {
    key: "launch-preparation-week",
    file: "002_a8e68d85b7f949a8.txt",
    name: "Launch-preparation week",
    description: "Five days before a production launch: security scanning, load testing, disaster recovery, documentation and the final go/no-go, day by day.",
  },
  {
    key: "production-deployment-checklist",
    file: "003_7988108bf592b7cf.txt",
    name: "Production deployment checklist",
    description: "A full deployment checklist: environment and code verification, the deployment, smoke tests, monitoring, rollback, communication and QA sign-off.",
  },
  {
    key: "go-live-procedure",
    file: "004_d58e6d67af1a03b0.txt",
    name: "Go-live procedure",
    description: "The steps of a go-live, from the final checks to the sign-offs of the people who approve it.",
  },
] as const;

const seedsDirectory = () => path.join(process.cwd(), "prisma", "demo", "seeds");

/** Adds the built-in templates this database does not have yet; returns how many were added. */
export async function ensureBuiltInTemplates(): Promise<number> {
  const existing = new Set((await db.template.findMany({ where: { builtInKey: { not: null } }, select: { builtInKey: true } })).map((row) => row.builtInKey));
  const missing = builtInTemplates.filter((template) => !existing.has(template.key));
  if (missing.length === 0) return 0;
  const rows = await Promise.all(
    missing.map(async (template) => {
      const preview = parseMarkdownPlan(await readFile(path.join(seedsDirectory(), template.file), "utf8"));
      return { name: template.name, description: template.description, builtIn: true, builtInKey: template.key, body: templateFromPreview(preview) };
    }),
  );
  // A user's template may already use a built-in's name: the built-in then waits under its key.
  const taken = new Set((await db.template.findMany({ where: { name: { in: rows.map((row) => row.name) } }, select: { name: true } })).map((row) => row.name));
  const { count } = await db.template.createMany({
    data: rows.map((row) => (taken.has(row.name) ? { ...row, name: `${row.name} (built-in)` } : row)),
    skipDuplicates: true,
  });
  return count;
}

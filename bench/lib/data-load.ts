// Loads the benchmark data into the database in DATABASE_URL: rows planned from a seed
// (bench/lib/data-plan.ts, data-history.ts), inserted with batched createMany. Audit events go
// in as ordinary inserts, so the database's trigger links each into the hash chain.
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/password";
import { planLargeHistory } from "./data-history";
import { emptyRows, fullSize, planPortfolio, planRelease, planRoles, statusMix, type BenchDataOptions, type People, type Rows } from "./data-plan";
import { seededRandom } from "./prng";

export const benchPassword = "ready-for-release";
export const benchManagerEmail = "bench.manager@example.com";
export const largeReleaseName = "Bench large release";

export type BenchData = {
  managerEmail: string;
  largeReleaseId: string;
  /** The scaling releases, smallest first; the large release is the last. */
  scaling: { items: number; releaseId: string }[];
  counts: Record<keyof Rows, number>;
  seconds: number;
};

/** The sizes from the environment: BENCH_SEED, and BENCH_SCALE (0.01 for a hundredth of everything). */
export function optionsFromEnv(env: NodeJS.ProcessEnv = process.env): Omit<BenchDataOptions, "now"> {
  const scale = Number(env.BENCH_SCALE ?? 1);
  const seed = Number(env.BENCH_SEED ?? fullSize.seed);
  if (!Number.isFinite(scale) || scale <= 0) throw new Error(`BENCH_SCALE must be a positive number, not "${env.BENCH_SCALE}".`);
  if (!Number.isInteger(seed)) throw new Error(`BENCH_SEED must be an integer, not "${env.BENCH_SEED}".`);
  const size = (value: number) => Math.max(1, Math.round(value * scale));
  return {
    ...fullSize,
    seed,
    portfolio: size(fullSize.portfolio),
    largeItems: size(fullSize.largeItems),
    risks: size(fullSize.risks),
    auditEvents: size(fullSize.auditEvents),
    scalingItems: fullSize.scalingItems.map(size),
  };
}

/** One approver per sign-off role and a release manager who owns every bench release. */
async function ensurePeople(roles: number): Promise<People> {
  const passwordHash = await hashPassword(benchPassword);
  const wanted = [
    { email: benchManagerEmail, name: "Bench Manager", role: "RELEASE_MANAGER" as const },
    ...Array.from({ length: roles }, (_, index) => ({ email: `bench.approver.${index + 1}@example.com`, name: `Bench Approver ${index + 1}`, role: "APPROVER" as const })),
  ];
  await db.user.createMany({ data: wanted.map((user) => ({ ...user, passwordHash })), skipDuplicates: true });
  const users = await db.user.findMany({ where: { email: { in: wanted.map((user) => user.email) } }, select: { id: true, email: true } });
  const idOf = (email: string) => users.find((user) => user.email === email)!.id;
  return { managerId: idOf(benchManagerEmail), approverIds: wanted.slice(1).map((user) => idOf(user.email)) };
}

/** The rows of every bench release, from the seed alone (plus the people's ids). */
export function planBenchData(options: BenchDataOptions, people: People) {
  const random = seededRandom(options.seed);
  const rows = emptyRows();
  const { now } = options;
  const scaling = options.scalingItems.map((items) => {
    const phases = Math.min(options.largePhases, Math.max(1, Math.ceil(items / 50)));
    const release = planRelease(random, rows, people, { name: `Bench scaling ${items} items`, status: "IN_PROGRESS", targetInDays: 14, items, phases, subShare: 0.1, status0: statusMix("IN_PROGRESS") }, now);
    planRoles(random, rows, release.id, Math.min(options.signoffRoles, 4), people.approverIds, 1);
    return { items, releaseId: release.id };
  });
  const large = planRelease(random, rows, people, { name: largeReleaseName, status: "IN_PROGRESS", targetInDays: 10, items: options.largeItems, phases: options.largePhases, subShare: 0.1, status0: () => "TODO" }, now);
  const roles = planRoles(random, rows, large.id, options.signoffRoles, people.approverIds, 2);
  planLargeHistory(random, rows, people, large, roles, { risks: options.risks, total: options.auditEvents, days: options.historyDays, now });
  planPortfolio(random, rows, people, Math.max(0, options.portfolio - scaling.length - 1), now);
  return { rows, largeReleaseId: large.id, scaling: [...scaling, { items: options.largeItems, releaseId: large.id }] };
}

async function inBatches<T>(rows: T[], size: number, insert: (batch: T[]) => Promise<unknown>) {
  for (let start = 0; start < rows.length; start += size) await insert(rows.slice(start, start + size));
}

/** Plans and inserts the bench data; refuses a database that already holds it. */
export async function generateBenchData(options: BenchDataOptions, log: (message: string) => void = () => {}): Promise<BenchData> {
  const started = Date.now();
  if (await db.release.findFirst({ where: { name: largeReleaseName }, select: { id: true } })) {
    throw new Error(`This database already holds the bench data ("${largeReleaseName}"); use an empty one.`);
  }
  const people = await ensurePeople(options.signoffRoles);
  const { rows, largeReleaseId, scaling } = planBenchData(options, people);
  log(`Planned ${rows.releases.length} releases, ${rows.items.length} items, ${rows.auditEvents.length} audit events; inserting…`);
  const batch = 2_000;
  await inBatches(rows.releases, batch, (data) => db.release.createMany({ data }));
  await inBatches(rows.categories, batch, (data) => db.readinessCategory.createMany({ data }));
  await inBatches(rows.phases, batch, (data) => db.phase.createMany({ data }));
  // Top-level items first: a sub-item's parent must exist (and be top-level) when it is inserted.
  await inBatches(rows.items.filter((item) => !item.parentId), batch, (data) => db.item.createMany({ data }));
  await inBatches(rows.items.filter((item) => item.parentId), batch, (data) => db.item.createMany({ data }));
  await inBatches(rows.evidence, batch, (data) => db.evidenceLink.createMany({ data }));
  await inBatches(rows.requiredSignoffs, batch, (data) => db.requiredSignoff.createMany({ data }));
  await inBatches(rows.assignees, batch, (data) => db.requiredSignoffAssignee.createMany({ data }));
  // A sign-off that supersedes another goes in after it.
  await inBatches(rows.signoffs.filter((signoff) => !signoff.supersedesId), batch, (data) => db.signoff.createMany({ data }));
  await inBatches(rows.signoffs.filter((signoff) => signoff.supersedesId), batch, (data) => db.signoff.createMany({ data }));
  await inBatches(rows.risks, batch, (data) => db.risk.createMany({ data }));
  await inBatches(rows.auditEvents, batch, (data) => db.auditEvent.createMany({ data }));
  await db.$executeRawUnsafe("ANALYZE");
  const counts = Object.fromEntries(Object.entries(rows).map(([key, list]) => [key, list.length])) as Record<keyof Rows, number>;
  return { managerEmail: benchManagerEmail, largeReleaseId, scaling, counts, seconds: (Date.now() - started) / 1000 };
}

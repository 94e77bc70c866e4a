// npm run bench:bundle: first-load JavaScript per route of the production build (what a
// browser downloads before the page can run), raw and gzipped, for the release dashboard, the
// checklist, the stakeholder view and the portfolio, against the floor: the /hello page of a
// minimal Next app built with the same Next. Prints a table and the budget (dashboard at most
// 1.3 × the floor), writes bench/results/bundle.json. Figures, not assertions
// (BUNDLE_STRICT=1 exits 1 when the budget is missed).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { ensureBuild } from "./app-server";

type RouteStats = { route: string; firstLoadUncompressedJsBytes: number; firstLoadChunkPaths: string[] };
type Figures = { route: string; bytes: number; gzipBytes: number; chunks: number };

const budgetRatio = 1.3;
const routes = [
  { name: "dashboard", route: "/releases/[id]" },
  { name: "checklist", route: "/releases/[id]/checklist" },
  { name: "stakeholder view", route: "/releases/[id]/status" },
  { name: "portfolio", route: "/" },
];

/** Next 16 writes each route's first-load chunks to .next/diagnostics/route-bundle-stats.json. */
function readStats(projectDir: string): RouteStats[] {
  const file = path.join(projectDir, ".next/diagnostics/route-bundle-stats.json");
  if (!existsSync(file)) throw new Error(`${file} is missing: build ${projectDir} with Next 16 first.`);
  return JSON.parse(readFileSync(file, "utf8")) as RouteStats[];
}

function figures(projectDir: string, stats: RouteStats[], route: string): Figures & { files: string[] } {
  const entry = stats.find((candidate) => candidate.route === route);
  if (!entry) throw new Error(`No route ${route} in ${projectDir}'s build.`);
  const files = entry.firstLoadChunkPaths.map((chunk) => path.join(projectDir, chunk));
  const gzipBytes = files.reduce((sum, file) => sum + gzipSync(readFileSync(file), { level: 9 }).length, 0);
  return { route, bytes: entry.firstLoadUncompressedJsBytes, gzipBytes, chunks: files.length, files };
}

function nextBuild(projectDir: string) {
  console.log(`Building the floor app in ${projectDir} …`);
  const built = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build", projectDir], { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (built.status !== 0) throw new Error(`next build ${projectDir} failed.`);
}

/**
 * The floor: bench/floor when it exists (the reference app), otherwise a throwaway app with one
 * static page written under .data/, resolving next and react from this project's node_modules.
 */
function floorDir(): string {
  if (existsSync("bench/floor/app")) {
    if (!existsSync("bench/floor/.next/diagnostics/route-bundle-stats.json") || process.env.FLOOR_REBUILD === "1") nextBuild("bench/floor");
    return "bench/floor";
  }
  const dir = ".data/bench-floor";
  if (existsSync(path.join(dir, ".next/diagnostics/route-bundle-stats.json")) && process.env.FLOOR_REBUILD !== "1") return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, "app/hello"), { recursive: true });
  writeFileSync(path.join(dir, "next.config.mjs"), "export default {};\n");
  writeFileSync(path.join(dir, "app/layout.jsx"), 'export const metadata = { title: "Floor" };\n\nexport default function RootLayout({ children }) {\n  return (\n    <html lang="en">\n      <body>{children}</body>\n    </html>\n  );\n}\n');
  writeFileSync(path.join(dir, "app/hello/page.jsx"), "export default function Hello() {\n  return (\n    <main>\n      <h1>Hello</h1>\n    </main>\n  );\n}\n");
  nextBuild(dir);
  return dir;
}

ensureBuild();
const appStats = readStats(".");
const floorProject = floorDir();
const floor = figures(floorProject, readStats(floorProject), "/hello");
const kib = (bytes: number) => Math.round(bytes / 102.4) / 10;

const rows = routes.map(({ name, route }) => {
  const measured = figures(".", appStats, route);
  // Recharts must not be part of any first load: the charts arrive after the page is drawn.
  const hasRecharts = measured.files.some((file) => readFileSync(file, "utf8").includes("recharts-wrapper"));
  return {
    page: name,
    route,
    "first-load JS (KiB)": kib(measured.bytes),
    "gzip (KiB)": kib(measured.gzipBytes),
    chunks: measured.chunks,
    "× floor": Math.round((measured.bytes / floor.bytes) * 100) / 100,
    "× floor gzip": Math.round((measured.gzipBytes / floor.gzipBytes) * 100) / 100,
    "recharts in first load": hasRecharts ? "yes" : "no",
    bytes: measured.bytes,
    gzipBytes: measured.gzipBytes,
  };
});
const floorRow = { page: `floor (${floorProject})`, route: "/hello", "first-load JS (KiB)": kib(floor.bytes), "gzip (KiB)": kib(floor.gzipBytes), chunks: floor.chunks, "× floor": 1, "× floor gzip": 1, "recharts in first load": "no" };
console.table([...rows.map(({ bytes: _bytes, gzipBytes: _gzip, ...row }) => row), floorRow]);

const dashboard = rows[0]!;
const budgets = [
  { budget: `dashboard first-load JS <= ${budgetRatio} × floor /hello`, actual: dashboard["× floor"], pass: dashboard["× floor"] <= budgetRatio },
  { budget: `dashboard first-load JS gzipped <= ${budgetRatio} × floor /hello`, actual: dashboard["× floor gzip"], pass: dashboard["× floor gzip"] <= budgetRatio },
  ...rows.map((row) => ({ budget: `no recharts in the first load (${row.page})`, actual: row["recharts in first load"], pass: row["recharts in first load"] === "no" })),
];
console.log("\nBudgets:");
for (const budget of budgets) console.log(`  ${budget.pass ? "pass" : "FAIL"}  ${budget.budget}: ${budget.actual}`);

const nextVersion = (JSON.parse(readFileSync("node_modules/next/package.json", "utf8")) as { version: string }).version;
mkdirSync("bench/results", { recursive: true });
writeFileSync("bench/results/bundle.json", `${JSON.stringify({ date: new Date().toISOString(), next: nextVersion, floor: { project: floorProject, route: "/hello", bytes: floor.bytes, gzipBytes: floor.gzipBytes }, rows, budgets }, null, 2)}\n`);
console.log("\nWritten to bench/results/bundle.json");
if (process.env.BUNDLE_STRICT === "1" && budgets.some((budget) => !budget.pass)) process.exitCode = 1;

import { describe, expect, it } from "vitest";
import { checkBudgets, compareWithFloor, formatTable, median, scalingVerdicts, summarize, type Target } from "@/bench/lib/results";
import { parseWrkOutput, type WrkFigures } from "@/bench/lib/wrk";
import { seededRandom } from "@/bench/lib/prng";

// npm run bench reads wrk's output and turns the repetitions into its table, ratios and budgets.

const wrkOutput = `Running 15s test @ http://localhost:3501/hello
  1 threads and 10 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     7.10ms    2.00ms  40.00ms   90.00%
  16000 requests in 15.00s, 20.00MB read
  Non-2xx or 3xx responses: 3
BENCH_JSON {"requests":16000,"duration_us":15000000,"p50_us":6500,"p95_us":11250,"p99_us":20004,"max_us":40000,"connect":0,"read":1,"write":0,"timeout":2,"status":3,"failed":4,"failed_sample":"200 1:{status:error}"}
Requests/sec:   1066.67
`;

const figures = (overrides: Partial<WrkFigures>): WrkFigures => ({ requests: 100, seconds: 15, rps: 10, p50: 10, p95: 20, p99: 30, max: 40, errors: 0, failedSample: "", ...overrides });

const targets: Target[] = [
  { name: "floor /hello", path: "/hello", floor: null },
  { name: "floor /table", path: "/table", floor: null },
  { name: "dashboard", path: "/releases/x", floor: "/hello" },
  { name: "checklist", path: "/releases/x/checklist", floor: "/table" },
  { name: "portfolio", path: "/", floor: "/hello" },
  { name: "item status change", path: "/releases/x/checklist", floor: "/hello" },
];

describe("wrk output", () => {
  it("reads the done() hook's line: milliseconds, requests per second and every kind of error", () => {
    expect(parseWrkOutput(wrkOutput)).toEqual({ requests: 16000, seconds: 15, rps: 1066.7, p50: 6.5, p95: 11.25, p99: 20, max: 40, errors: 10, failedSample: "200 1:{status:error}" });
  });

  it("refuses output without the line", () => {
    expect(() => parseWrkOutput("unable to connect to localhost:3500 Connection refused")).toThrow(/no BENCH_JSON/);
  });
});

describe("results", () => {
  it("takes the median of the repetitions and adds up their errors", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    const row = summarize(targets[2]!, 10, [figures({ p95: 30, errors: 1 }), figures({ p95: 10 }), figures({ p95: 20, rps: 12, errors: 2 })]);
    expect(row).toMatchObject({ name: "dashboard", concurrency: 10, p95: 20, rps: 10, errors: 3, floor: "/hello" });
  });

  it("reports the median server CPU per request of the runs that measured it, else nothing", () => {
    expect(summarize(targets[2]!, 10, [{ ...figures({}), cpuMs: 41.26 }, { ...figures({}), cpuMs: 40 }, { ...figures({}), cpuMs: 55 }]).cpu_ms).toBe(41.3);
    expect(summarize(targets[2]!, 10, [figures({}), { ...figures({}), cpuMs: 12 }]).cpu_ms).toBe(12);
    expect(summarize(targets[2]!, 10, [figures({})]).cpu_ms).toBeNull();
    expect(summarize(targets[2]!, 10, [{ ...figures({ requests: 0 }), cpuMs: 99 }]).cpu_ms).toBeNull();
  });

  it("counts a run in which nothing finished as an error, never as 0 ms", () => {
    const row = summarize(targets[3]!, 10, [figures({ requests: 0, rps: 0, p95: 0 })]);
    expect(row).toMatchObject({ p95: null, errors: 1 });
    expect(compareWithFloor([summarize(targets[1]!, 10, [figures({})]), row], targets)[1]!.ratio).toBeNull();
  });

  it("compares each page with its floor route at the same concurrency and checks the budgets", () => {
    const rows = compareWithFloor(
      [1, 10].flatMap((concurrency) => [
        summarize(targets[0]!, concurrency, [figures({ p95: concurrency === 1 ? 2 : 10 })]),
        summarize(targets[1]!, concurrency, [figures({ p95: 100 })]),
        summarize(targets[2]!, concurrency, [figures({ p95: 25 })]),
        summarize(targets[3]!, concurrency, [figures({ p95: 300 })]),
        summarize(targets[4]!, concurrency, [figures({ p95: 30 })]),
        summarize(targets[5]!, concurrency, [figures({ p95: 31, errors: concurrency === 10 ? 2 : 0 })]),
      ]),
      targets,
    );
    expect(rows.find((row) => row.name === "dashboard" && row.concurrency === 1)).toMatchObject({ floor: "/hello", floor_p95: 2, ratio: 12.5 });
    expect(rows.find((row) => row.name === "dashboard" && row.concurrency === 10)).toMatchObject({ floor_p95: 10, ratio: 2.5 });
    expect(rows.find((row) => row.name === "checklist" && row.concurrency === 10)).toMatchObject({ floor: "/table", floor_p95: 100, ratio: 3 });
    expect(rows.find((row) => row.name === "floor /hello")).toMatchObject({ floor: null, ratio: null });
    expect(checkBudgets(rows).map((budget) => [budget.budget, budget.holds])).toEqual([
      ["dashboard p95 <= 3x /hello at c=10", true],
      ["checklist p95 <= 1.5x /table at c=10", false],
      ["portfolio p95 <= 3x /hello at c=10", true],
      ["item status change p95 <= 3x /hello at c=10", false],
      ["zero errors everywhere", false],
    ]);
  });

  it("says whether render time grows at most linearly with the items", () => {
    const verdicts = scalingVerdicts([
      { page: "checklist", items: 100, ms: 50 },
      { page: "checklist", items: 5000, ms: 3000 },
      { page: "checklist", items: 1000, ms: 400 },
      { page: "dashboard", items: 100, ms: 10 },
      { page: "dashboard", items: 1000, ms: 120 },
      { page: "dashboard", items: 5000, ms: 400 },
    ]);
    expect(verdicts[0]).toMatchObject({ page: "checklist", growth: 60, sizeGrowth: 50, atMostLinear: false });
    expect(verdicts[0]!.times).toEqual({ "100 items": 50, "1000 items": 400, "5000 items": 3000 });
    // 40x overall, but 12x from 100 to 1,000 items: one step grew faster than the items.
    expect(verdicts[1]).toMatchObject({ page: "dashboard", growth: 40, atMostLinear: false });
  });

  it("formats a table with a header and aligned columns", () => {
    expect(formatTable([{ name: "a", p95: 1.5 }, { name: "bbb", p95: null }]).split("\n")).toEqual(["name  p95", "----  ---", "a     1.5", "bbb     -"]);
  });

  it("draws the same numbers from the same seed", () => {
    const draw = (seed: number) => Array.from({ length: 5 }, () => seededRandom(seed).id());
    expect(draw(1)).toEqual(draw(1));
    const random = seededRandom(1);
    expect(random.id()).not.toEqual(random.id());
    expect(seededRandom(1).id()).not.toEqual(seededRandom(2).id());
  });
});

import net from "node:net";
import pg from "pg";
import { afterEach, describe, expect, it, vi } from "vitest";
import { PatientPool, retryPauses } from "@/lib/db-pool";
import { rateLimitPool } from "@/lib/rate-limits";

// The pool that waits for a restarting PostgreSQL (lib/db-pool.ts), against the real test
// database behind a loopback relay the test controls: first nothing listens on the port, or
// the relay answers as PostgreSQL does while it starts up; then it relays to the database.

const target = new URL(process.env.DATABASE_URL!);
const servers: net.Server[] = [];
const pools: PatientPool[] = [];

afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.end()));
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

async function freePort(): Promise<number> {
  const probe = net.createServer().listen(0, "127.0.0.1");
  await new Promise((resolve) => probe.once("listening", resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** PostgreSQL's answer to a connection while it starts: FATAL 57P03, then the socket closes. */
function startingUp(socket: net.Socket) {
  socket.once("data", () => {
    const fields = Buffer.from("SFATAL\0C57P03\0Mthe database system is starting up\0\0", "utf8");
    const header = Buffer.alloc(5);
    header.write("E", 0);
    header.writeInt32BE(fields.length + 4, 1);
    socket.end(Buffer.concat([header, fields]));
  });
}

/** Listens on `port`: the first `refusals` connections get "starting up", the rest reach the database. */
async function relay(port: number, refusals: number) {
  let seen = 0;
  const server = net.createServer((socket) => {
    seen += 1;
    if (seen <= refusals) return startingUp(socket);
    const upstream = net.connect(Number(target.port), target.hostname);
    socket.pipe(upstream).pipe(socket);
    const close = () => {
      socket.destroy();
      upstream.destroy();
    };
    socket.on("error", close);
    upstream.on("error", close);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return { connections: () => seen };
}

function poolOn(port: number, patienceMs = 10_000) {
  const url = new URL(target);
  url.hostname = "127.0.0.1";
  url.port = String(port);
  const pool = new PatientPool({ connectionString: url.toString(), max: 2 }, patienceMs);
  pools.push(pool);
  return pool;
}

/** Ends the connections opened under `application`, as a restart or an operator would; returns how many. */
async function terminate(application: string): Promise<number> {
  const admin = new pg.Client({ connectionString: target.toString() });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ ended: boolean }>("SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()", [application]);
    return rows.filter((row) => row.ended).length;
  } finally {
    await admin.end();
  }
}

describe("the pool that waits for a restarting database", () => {
  it("waits while nothing listens, then runs the statement once the database is back", async () => {
    const port = await freePort();
    const pool = poolOn(port);
    const started = Date.now();
    const answer = pool.query("SELECT 42 AS answer");
    await new Promise((resolve) => setTimeout(resolve, 400));
    await relay(port, 0);
    expect((await answer).rows).toEqual([{ answer: 42 }]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
  });

  it("waits while the database says it is starting up", async () => {
    const port = await freePort();
    const server = await relay(port, 3);
    const pool = poolOn(port);
    const client = await pool.connect();
    try {
      expect((await client.query("SELECT 1 AS one")).rows).toEqual([{ one: 1 }]);
    } finally {
      client.release();
    }
    expect(server.connections()).toBe(4);
  });

  it("gives up at the deadline with the database's own error", async () => {
    const port = await freePort();
    const server = await relay(port, Number.POSITIVE_INFINITY);
    const pool = poolOn(port, 300);
    await expect(pool.query("SELECT 1")).rejects.toMatchObject({ code: "57P03" });
    expect(server.connections()).toBe(retryPauses(300).length + 1);
  });

  it("does not retry any other failure to connect", async () => {
    const port = await freePort();
    const server = await relay(port, 0);
    const url = new URL(target);
    url.hostname = "127.0.0.1";
    url.port = String(port);
    url.password = "not-the-password";
    const pool = new PatientPool({ connectionString: url.toString(), max: 1 }, 10_000);
    pools.push(pool);
    await expect(pool.query("SELECT 1")).rejects.toMatchObject({ code: "28P01" });
    expect(server.connections()).toBe(1);
  });

  // Without the pool's "error" listener, pg-pool's report of the lost idle connection is an
  // uncaught exception, which fails this run.
  it("drops an idle connection that the database ends, and opens a new one", async () => {
    const pool = new PatientPool({ connectionString: target.toString(), max: 2, application_name: "pool-idle-test" });
    pools.push(pool);
    await pool.query("SELECT 1");
    expect(pool.idleCount).toBe(1);
    expect(await terminate("pool-idle-test")).toBe(1);
    await vi.waitFor(() => expect(pool.totalCount).toBe(0));
    expect((await pool.query("SELECT 2 AS two")).rows).toEqual([{ two: 2 }]);
  });

  it("serves the rate limits too, which survive their connections being ended", async () => {
    const pool = rateLimitPool();
    expect(pool).toBeInstanceOf(PatientPool);
    await pool.query("SELECT 1");
    expect(await terminate("release-readiness-rate-limits")).toBeGreaterThan(0);
    await vi.waitFor(() => expect(pool.totalCount).toBe(0));
    expect((await pool.query("SELECT 3 AS three")).rows).toEqual([{ three: 3 }]);
  });

  // pg reports a broken connection by emitting "error" on its client; with no listener, that
  // throws (an uncaught exception in the server). Such an error can come in the very tick the
  // client is handed from one user to the next.
  describe("a client changing hands is never without a listener for its errors", () => {
    it("when pool.query() (every Prisma statement outside a transaction) takes it", async () => {
      const pool = new PatientPool({ connectionString: target.toString(), max: 1 });
      pools.push(pool);
      const first = await pool.connect();
      const query = pool.query("SELECT 1");
      expect(() => {
        first.release();
        first.emit("error", new Error("connection lost"));
      }).not.toThrow();
      await expect(query).rejects.toThrow("connection lost");
      expect((await pool.query("SELECT 2 AS two")).rows).toEqual([{ two: 2 }]);
    });

    it("when connect() (a Prisma transaction) takes it through a promise", async () => {
      const pool = new PatientPool({ connectionString: target.toString(), max: 1 });
      pools.push(pool);
      const first = await pool.connect();
      const next = pool.connect();
      expect(() => {
        first.release();
        first.emit("error", new Error("connection lost"));
      }).not.toThrow();
      const second = await next;
      expect(second).toBe(first);
      second.release(true);
      expect((await pool.query("SELECT 3 AS three")).rows).toEqual([{ three: 3 }]);
    });
  });
});

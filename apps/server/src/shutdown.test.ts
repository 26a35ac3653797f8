import { connect, type Socket } from "node:net";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "./config.ts";
import { startServer } from "./main.ts";

describe("server shutdown", { timeout: 60_000 }, () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "ascent-shutdown-"));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it("cuts a connection that is still open after the grace period instead of waiting for it", async () => {
    const server = await startServer({
      ...loadConfig({ PORT: "0", HOST: "127.0.0.1", ASCENT_DATA_DIR: dataDir, LOG_LEVEL: "silent", ASCENT_DEMO: "0" }),
      webDist: join(dataDir, "no-web"),
      shutdownGraceMs: 50,
    });
    const { port } = new URL(server.url);
    // A client that sent half a request: the connection is busy, so closing idle connections leaves it.
    const socket: Socket = await new Promise((resolve, reject) => {
      const s = connect(Number(port), "127.0.0.1", () => resolve(s));
      s.on("error", reject);
    });
    socket.write("GET /api/health HTTP/1.1\r\nHost: localhost\r\n");
    const cut = new Promise<void>((resolve) => socket.on("close", () => resolve()));

    const started = Date.now();
    await server.close();
    await cut;
    // Without the grace cut, close waits for the request timeout (tens of seconds).
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(socket.destroyed).toBe(true);
  });
});

import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { openPglite, type DatabaseHandle } from "@ascent/db";
import { buildApp } from "./app.ts";
import { COMPRESS_THRESHOLD_BYTES } from "./compression.ts";
import { prepareDatabase } from "./main.ts";

const HASHED = "/assets/app-Ab12Cd34.js";
const script = `console.log(${JSON.stringify("ascent ".repeat(400))});`;
const html = '<!doctype html><div id="root"></div><script type="module" src="/assets/app-Ab12Cd34.js"></script>';

describe("web delivery", () => {
  let dir: string;
  let database: DatabaseHandle;
  let app: FastifyInstance;

  beforeAll(async () => {
    // A built app as Vite and the precompress step leave it: each text file beside its .br and .gz.
    dir = await mkdtemp(join(tmpdir(), "ascent-web-dist-"));
    await mkdir(join(dir, "assets"));
    for (const [file, text] of [
      ["index.html", html],
      [HASHED.slice(1), script],
    ] as const) {
      await writeFile(join(dir, file), text);
      await writeFile(join(dir, `${file}.br`), brotliCompressSync(text));
      await writeFile(join(dir, `${file}.gz`), gzipSync(text));
    }
    database = await openPglite();
    await prepareDatabase(database);
    app = await buildApp({ database, logLevel: "silent", webDist: dir });
  });

  afterAll(async () => {
    await app.close();
    await database.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("sends a hashed asset as brotli, gzip or plain per Accept-Encoding, cached as immutable", async () => {
    const br = await app.inject({ url: HASHED, headers: { "accept-encoding": "gzip, deflate, br" } });
    expect(br.statusCode).toBe(200);
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.headers["content-type"]).toMatch(/javascript/);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(script);

    const gz = await app.inject({ url: HASHED, headers: { "accept-encoding": "gzip" } });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gz.rawPayload).toString()).toBe(script);

    const plain = await app.inject({ url: HASHED, headers: { "accept-encoding": "identity" } });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body).toBe(script);
  });

  it("serves index.html compressed but never as immutable, for client-side routes too", async () => {
    for (const url of ["/index.html", "/team"]) {
      const page = await app.inject({ url, headers: { "accept-encoding": "br" } });
      expect(page.statusCode).toBe(200);
      expect(page.headers["content-encoding"]).toBe("br");
      expect(page.headers["cache-control"]).toBe("no-cache");
      expect(brotliDecompressSync(page.rawPayload).toString()).toBe(html);
    }
  });

  it("compresses large JSON and leaves small JSON as it is", async () => {
    const large = await app.inject({ url: "/api/openapi.json", headers: { "accept-encoding": "br, gzip" } });
    expect(large.statusCode).toBe(200);
    expect(large.headers["content-encoding"]).toBe("br");
    const document = brotliDecompressSync(large.rawPayload);
    expect(document.length).toBeGreaterThan(COMPRESS_THRESHOLD_BYTES);
    expect(large.rawPayload.length).toBeLessThan(document.length / 4);
    expect(JSON.parse(document.toString())).toHaveProperty("paths");

    const gz = await app.inject({ url: "/api/openapi.json", headers: { "accept-encoding": "gzip" } });
    expect(gz.headers["content-encoding"]).toBe("gzip");

    const small = await app.inject({ url: "/api/no-such-route", headers: { "accept-encoding": "br, gzip" } });
    expect(small.statusCode).toBe(404);
    expect(small.headers["content-encoding"]).toBeUndefined();
    expect(small.json()).toHaveProperty("error");
  });
});

import { constants } from "node:zlib";
import type { FastifyInstance } from "fastify";
import fastifyCompress from "@fastify/compress";

/**
 * Responses smaller than this go out as they are: a single person's readiness (a few KB) is the hot
 * path, and compressing it would cost more CPU than the bytes saved on a local network.
 */
export const COMPRESS_THRESHOLD_BYTES = 16 * 1024;

/**
 * Compresses large JSON (lists, org views) with brotli or gzip, per Accept-Encoding. Brotli runs at
 * quality 4: quality 11, zlib's default, takes tens of milliseconds per megabyte.
 * Static files are already compressed at build time and carry their own content-encoding.
 */
export async function registerCompression(app: FastifyInstance): Promise<void> {
  await app.register(fastifyCompress, {
    global: true,
    threshold: COMPRESS_THRESHOLD_BYTES,
    encodings: ["br", "gzip"],
    brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } },
    zlibOptions: { level: 6 },
  });
}

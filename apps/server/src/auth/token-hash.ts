import { createHash } from "node:crypto";

/** The same SHA-256 hex digest as core's Web Crypto hashToken, computed synchronously: it runs on every request. */
export function sha256Hex(token: string): Promise<string> {
  return Promise.resolve(createHash("sha256").update(token, "utf8").digest("hex"));
}

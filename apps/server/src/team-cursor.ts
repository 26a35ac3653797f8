import { z } from "zod";
import { AppError, type ReadinessListPosition } from "@ascent/core";

/** The sort keys of the last entry of a page, as the cursor carries them (base64url JSON, opaque to clients). */
const ZPosition = z.strictObject({
  personId: z.string(),
  name: z.string(),
  score: z.number(),
  verdict: z.enum(["ready", "almost", "not-yet"]),
  levelId: z.string().nullable(),
});

export function encodeTeamCursor(position: ReadinessListPosition | null): string | null {
  return position === null ? null : Buffer.from(JSON.stringify(position)).toString("base64url");
}

/** The position a cursor names, or a 400 naming the parameter when it is not one this server made. */
export function decodeTeamCursor(cursor: string | undefined): ReadinessListPosition | undefined {
  if (cursor === undefined) return undefined;
  try {
    return ZPosition.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
  } catch {
    throw new AppError("validation_failed", "The cursor is not one this server gave out", [
      { path: "query.cursor", message: "pass the nextCursor of the previous page unchanged" },
    ]);
  }
}

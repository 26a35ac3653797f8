import { describe, expect, it } from "vitest";
import { errorForLog, urlForLog } from "./logging.ts";

describe("what reaches the log", () => {
  it("drops a database error's parameters, in the error and in its cause", () => {
    const cause = new Error("insert failed\nparams: dana@example.com,9f86d081884c7d659a2feaa0c55ad015");
    const error = new Error(
      "Failed query: select * from sessions where token_hash = $1\nparams: 9f86d081884c7d659a2feaa0c55ad015",
      {
        cause,
      },
    );
    const logged = JSON.stringify(errorForLog(error));
    expect(logged).toContain("Failed query: select * from sessions");
    expect(logged).not.toContain("9f86d081884c7d659a2feaa0c55ad015");
    expect(logged).not.toContain("dana@example.com");
  });

  it("drops query strings and one-time link secrets from URLs", () => {
    expect(urlForLog("/api/people?search=dana%40example.com")).toBe("/api/people");
    expect(urlForLog("/api/auth/links/s3cr3t-link-token")).toBe("/api/auth/links/[redacted]");
    // The page a mailed reset link opens carries the secret too.
    expect(urlForLog("/welcome/s3cr3t-link-token")).toBe("/welcome/[redacted]");
  });
});

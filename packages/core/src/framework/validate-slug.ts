import type { FrameworkIssue } from "./framework-issue.ts";
import { requireString } from "./field-checks.ts";

const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Slugs the web app uses as fixed paths under /frameworks/, with what each path shows there. A framework
 * with one of them could never be opened at /frameworks/<slug>, the page of every framework.
 */
export const RESERVED_FRAMEWORK_SLUGS: ReadonlyMap<string, string> = new Map([
  ["import", "the page for importing a framework"],
]);

/** Checks the framework's slug: present, kebab-case and not reserved. */
export function validateSlug(value: unknown, issues: FrameworkIssue[]): void {
  const slug = requireString(value, ["slug"], issues);
  if (slug === undefined) return;
  if (!KEBAB_CASE.test(slug)) {
    issues.push({ path: ["slug"], message: `must be kebab-case (e.g. "product-ladder"), got ${JSON.stringify(slug)}` });
    return;
  }
  const reservedFor = RESERVED_FRAMEWORK_SLUGS.get(slug);
  if (reservedFor !== undefined) {
    issues.push({
      path: ["slug"],
      message:
        `${JSON.stringify(slug)} is reserved: /frameworks/${slug} is ${reservedFor} in the web app, ` +
        "so a framework with this slug could not be opened; choose another slug",
    });
  }
}

import { readFileSync } from "node:fs";

/** The version of the Ascent release, from the root package.json. */
export function readVersion(): string {
  const rootPackage = JSON.parse(readFileSync(new URL("../../../package.json", import.meta.url), "utf8")) as {
    version: string;
  };
  return rootPackage.version;
}

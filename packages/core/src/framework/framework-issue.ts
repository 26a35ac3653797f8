/** A problem found in a framework, located by its path, e.g. ["levels", 3, "id"]. */
export interface FrameworkIssue {
  path: (string | number)[];
  message: string;
}

export type IssuePath = FrameworkIssue["path"];

const PLAIN_KEY = /^[A-Za-z_$][\w$-]*$/;

/** ["levels", 3, "id"] → "levels[3].id"; keys that are not plain words are quoted: expectations["senior pm"]. */
export function formatIssuePath(path: IssuePath): string {
  if (path.length === 0) return "(root)";
  let text = "";
  for (const segment of path) {
    if (typeof segment === "number") text += `[${segment}]`;
    else if (PLAIN_KEY.test(segment)) text += text === "" ? segment : `.${segment}`;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text;
}

// The first route's JavaScript, gzipped, against the 150 KB budget — and, as the baseline built in
// the same run, a bare React 19 "hello world" with the same Vite setup.
import { mkdtemp, readFile, rm, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

const BUDGET_BYTES = 150 * 1024;
const root = new URL("..", import.meta.url).pathname;

// The web app pins its own Vite; build with that one, not the copy vitest brought to the root.
const requireFromWeb = createRequire(join(root, "apps/web/package.json"));
const importFromWeb = (name: string) => import(pathToFileURL(requireFromWeb.resolve(name)).href);
// Vite lives in apps/web's node_modules, out of the root typecheck's reach: only what is used here is typed.
const { build } = (await importFromWeb("vite")) as { build: (config: Record<string, unknown>) => Promise<unknown> };
const react = ((await importFromWeb("@vitejs/plugin-react")) as { default: () => unknown }).default;

/** The scripts index.html loads before the first route renders: the entry and its modulepreloads. */
async function firstRouteScripts(dist: string): Promise<string[]> {
  const html = await readFile(join(dist, "index.html"), "utf8");
  const srcs = [
    ...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g),
  ];
  return [...new Set(srcs.map((m) => m[1] as string))];
}

async function gzippedSize(dist: string): Promise<{ files: { file: string; gzip: number }[]; total: number }> {
  const files = [];
  for (const src of await firstRouteScripts(dist)) {
    // The server sends the .gz the build wrote beside each file (or the .br, smaller still): count what it sends.
    const path = join(dist, src.replace(/^\//, ""));
    const served = await readFile(`${path}.gz`).catch(async () => gzipSync(await readFile(path), { level: 9 }));
    files.push({ file: src, gzip: served.length });
  }
  return { files, total: files.reduce((sum, f) => sum + f.gzip, 0) };
}

async function buildBaseline(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "ascent-bundle-baseline-"));
  await mkdir(join(dir, "src"));
  await writeFile(
    join(dir, "index.html"),
    '<!doctype html><div id="root"></div><script type="module" src="/src/main.tsx"></script>',
  );
  await writeFile(
    join(dir, "src/main.tsx"),
    'import { createRoot } from "react-dom/client";\ncreateRoot(document.getElementById("root")!).render(<h1>Hello</h1>);\n',
  );
  await build({
    root: dir,
    logLevel: "silent",
    plugins: [react()],
    build: { outDir: join(dir, "dist") },
    resolve: { alias: { react: join(root, "node_modules/react"), "react-dom": join(root, "node_modules/react-dom") } },
  });
  return dir;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

await build({ root: join(root, "apps/web"), logLevel: "silent" });
const app = await gzippedSize(join(root, "apps/web/dist"));
const baselineDir = await buildBaseline();
const baseline = await gzippedSize(join(baselineDir, "dist"));
await rm(baselineDir, { recursive: true, force: true });

for (const f of app.files) console.log(`  ${f.file.padEnd(40)} ${kb(f.gzip)} gzip`);
console.log(
  `first route JS (gzip):     ${kb(app.total)}   budget ${kb(BUDGET_BYTES)}   ${app.total <= BUDGET_BYTES ? "within budget" : "OVER BUDGET"}`,
);
console.log(`baseline React hello world: ${kb(baseline.total)}   (same Vite, same run)`);
console.log(`Ascent adds ${kb(app.total - baseline.total)} over the bare React baseline`);
if (app.total > BUDGET_BYTES) process.exitCode = 1;

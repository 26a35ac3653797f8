import js from "@eslint/js";
import tseslint from "typescript-eslint";

/** Import-direction rules (docs/ARCHITECTURE.md): a wrong arrow fails `npm run check`. */
const NODE_BUILTINS = { group: ["node:*"], message: "packages/core is pure: no Node built-ins." };
const pkg = (name, message) => ({ group: [`@ascent/${name}`, `@ascent/${name}/*`], message });

const boundaries = [
  {
    files: ["packages/core/src/**/*.ts"],
    ignores: ["packages/core/src/**/*.test.ts"],
    patterns: [
      NODE_BUILTINS,
      { group: ["@ascent/*"], message: "packages/core imports nothing outside itself." },
      {
        regex: "^(?!\\.)(?!vitest$)",
        message: "packages/core imports nothing outside itself (no npm packages).",
      },
    ],
  },
  {
    files: ["packages/core/src/**/*.test.ts"],
    patterns: [NODE_BUILTINS, { group: ["@ascent/*"], message: "packages/core imports nothing outside itself." }],
  },
  {
    files: ["packages/contract/src/**/*.ts"],
    patterns: [
      NODE_BUILTINS,
      { group: ["@ascent/core"], allowTypeImports: true, message: "contract imports only types from core." },
      pkg("db", "contract imports zod and core types only."),
      pkg("server", "contract imports zod and core types only."),
      pkg("formats", "contract imports zod and core types only."),
      pkg("synthetic", "contract imports zod and core types only."),
    ],
  },
  {
    files: ["packages/db/src/**/*.ts"],
    patterns: [
      pkg("server", "db imports core only."),
      pkg("contract", "db imports core only."),
      pkg("formats", "db imports core only."),
      pkg("synthetic", "db imports core only."),
    ],
  },
  {
    files: ["packages/formats/src/**/*.ts"],
    patterns: [
      pkg("server", "formats imports core only."),
      pkg("db", "formats imports core only."),
      pkg("synthetic", "formats imports core only."),
    ],
  },
  {
    // The generator writes through db and reads the ladder through core's ports; the caller's
    // composition root hands it the services, so it never reaches into an app.
    files: ["packages/synthetic/src/**/*.ts"],
    ignores: ["packages/synthetic/src/**/*.test.ts"],
    patterns: [
      pkg("server", "synthetic imports core and db only; the caller passes the services."),
      pkg("cli", "synthetic imports core and db only."),
      pkg("contract", "synthetic imports core and db only."),
      pkg("formats", "synthetic imports core and db only."),
      { group: ["**/apps/*"], message: "synthetic imports core and db only." },
    ],
  },
  {
    files: ["apps/web/src/**/*.{ts,tsx}"],
    patterns: [
      NODE_BUILTINS,
      {
        group: [
          "@ascent/core",
          "@ascent/core/*",
          "@ascent/db",
          "@ascent/db/*",
          "@ascent/server",
          "@ascent/server/*",
          "@ascent/formats",
          "@ascent/formats/*",
          "@ascent/synthetic",
          "@ascent/cli",
        ],
        message: "apps/web imports @ascent/contract only.",
      },
      {
        group: ["**/packages/*", "**/apps/server/*", "**/apps/cli/*"],
        message: "apps/web imports @ascent/contract only.",
      },
    ],
  },
];

/**
 * Routes parse, call one use case and present (docs/ARCHITECTURE.md). They build nothing (services
 * and repositories come from apps/server/src/composition-root.ts), write no audit entries (the use
 * case in core does), and do not import each other. e2e/lint/architecture.test.ts proves each rule bites.
 */
const ROUTE_FILES = ["apps/server/src/routes/**/*.ts"];
const WIRING = "Services and repositories are built once, in apps/server/src/composition-root.ts.";
const AUDIT = "Audit entries are written by the use case in packages/core, never by a route.";
const routeImports = [
  pkg("db", `Routes reach the database only through core use cases. ${WIRING}`),
  {
    group: ["./*.routes", "./*.routes.ts", "../routes/*"],
    message: "A route file does not import another route file.",
  },
  { group: ["../app", "../app.ts", "../main", "../main.ts"], message: WIRING },
];
const routeSyntax = [
  { selector: "CallExpression[callee.property.name='record']", message: AUDIT },
  // endpoints.audit is the contract's group of audit-log endpoints, not the log.
  { selector: "MemberExpression[property.name=/^(audit|recordRead)$/]:not([object.name='endpoints'])", message: AUDIT },
  { selector: "ObjectPattern > Property[key.name='audit']", message: AUDIT },
  { selector: "ImportSpecifier[imported.name=/^(AuditRepository|recordRead)$/]", message: AUDIT },
  { selector: "Identifier[name=/^build\\w*Services?$/]", message: WIRING },
  { selector: "NewExpression[callee.name=/(Service|Repository|Catalog|Editor|Migration)$/]", message: WIRING },
  { selector: "ImportSpecifier[imported.name=/(Repository|^Drizzle\\w*)$/]", message: WIRING },
];

export default tseslint.config(
  { ignores: ["**/node_modules/**", "**/dist/**", "data/**", "packages/db/src/migrations/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly" } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  ...boundaries.map(({ files, ignores, patterns }) => ({
    files,
    ...(ignores ? { ignores } : {}),
    rules: { "no-restricted-imports": ["error", { patterns }] },
  })),
  {
    files: ROUTE_FILES,
    rules: {
      "no-restricted-imports": ["error", { patterns: routeImports }],
      "no-restricted-syntax": ["error", ...routeSyntax],
    },
  },
);

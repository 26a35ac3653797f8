/** Limits shared by the server, the web forms and the CLI. */
export const LIMITS = {
  /** Largest JSON request body. */
  jsonBodyBytes: 1024 * 1024,
  /** Largest uploaded framework or people file. */
  uploadBytes: 5 * 1024 * 1024,
  shortText: 200,
  longText: 5000,
  evidenceText: 4000,
} as const;

/**
 * The shortest password the server accepts, for the web forms to check early. Core, which cannot import
 * the contract, keeps its own copy; apps/server/src/auth/password-min-length.test.ts keeps the two equal.
 */
export const PASSWORD_MIN_LENGTH = 10;

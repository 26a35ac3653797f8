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

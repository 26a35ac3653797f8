import { hash, verify } from "@node-rs/argon2";
import type { PasswordHasher } from "@ascent/core";

/** argon2id with the library's defaults (19 MiB, 2 passes), the OWASP baseline. */
export const argon2Hasher: PasswordHasher = {
  hash: (password) => hash(password),
  async verify(passwordHash, password) {
    try {
      return await verify(passwordHash, password);
    } catch {
      return false;
    }
  },
};

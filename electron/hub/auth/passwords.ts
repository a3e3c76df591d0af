import { hash, verify, type Options } from '@node-rs/argon2';

/**
 * argon2id with OWASP's recommended minimum (Password Storage Cheat Sheet: m = 19 MiB, t = 2,
 * p = 1). The parameters travel inside the encoded hash, so raising them later keeps old hashes valid.
 */
// Note: the package's `Algorithm` is a const enum, which isolated modules cannot read; 2 is Argon2id.
const ARGON2ID: Options = { algorithm: 2 as Options['algorithm'], memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2ID);
}

export async function verifyPassword(encoded: string, password: string): Promise<boolean> {
  try {
    return await verify(encoded, password);
  } catch {
    // A corrupt hash in the database refuses the login rather than taking the hub down.
    return false;
  }
}

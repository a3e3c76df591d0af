import type { Database, Write } from '../store/db';
import { hashPassword } from './passwords';
import { userWrite } from './users';

/**
 * The demo accounts of hub-contract.md: `admin`, `operateur`, `astreinte`, and `elu-<INSEE>` for
 * every commune with demo assets, scoped to it. They share the demo password, so it is hashed
 * once (argon2id is deliberately slow: 200 hashes would delay the first start by seconds).
 */
export async function seedDemoAccounts(db: Database, communes: readonly string[], password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  const at = new Date().toISOString();
  const writes: Write[] = [
    userWrite({ username: 'admin', role: 'admin', communes: [], passwordHash }, at),
    userWrite({ username: 'operateur', role: 'operator', communes: [], passwordHash }, at),
    userWrite({ username: 'astreinte', role: 'oncall', communes: [], passwordHash }, at),
    ...communes.map((code) => userWrite({ username: `elu-${code}`, role: 'elected', communes: [code], passwordHash }, at)),
  ];
  await db.transaction(writes);
}

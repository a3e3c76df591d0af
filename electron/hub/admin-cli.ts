/**
 * `npm run admin -- <command>`: user administration on a hub's data directory, for the first
 * admin of a server with no demo, or when nobody can log in. Stop the hub first.
 *
 *   create-user --username <name> --role admin|operator|oncall|elected [--communes 91228,91377]
 *               [--allow heating.setpoint:18-21 --allow gate.set] [--sites <asset id>,<asset id>] [--password-stdin]
 *   reset-password --username <name> [--password-stdin]
 *   disable-user --username <name>      enable-user --username <name>
 *   list-users                          verify-audit
 */
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { InseeCode } from '../../shared/domain/assets';
import { Role, type CommandGrant } from '../../shared/domain/users';
import { AuditChain, verifyAudit } from './audit/audit-chain';
import { hashPassword } from './auth/passwords';
import { parseAllowOptions } from './auth/grant-option';
import { ACCOUNT_COLUMNS, accountFromRow, findUser, userWrite } from './auth/users';
import { readHubConfig } from './config';
import { Database } from './store/db';
import { runningHubPid } from './store/hub-lock';
import { Journal } from './store/journal';
import { migrate } from './store/migrate';
import { Writer } from './store/writer';

/** OWASP ASVS: at least 12 characters for a password chosen by a person. */
const MIN_PASSWORD_LENGTH = 12;

class UsageError extends Error {}

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
}

/** Every value of an option given several times (`--allow a --allow b`). */
function repeated(args: string[], name: string): string[] {
  return args.flatMap((arg, i) => (arg === `--${name}` && args[i + 1] !== undefined ? [args[i + 1]!] : []));
}

/** Checks sites against the territory in the database: known assets of the account's communes. */
async function checkSites(db: Database, sites: readonly string[], communes: readonly string[]): Promise<void> {
  for (const site of sites) {
    const row = await db.get<{ commune: string }>('SELECT commune FROM assets WHERE id = ?', [site]);
    if (!row) throw new UsageError(`--sites : équipement « ${site} » inconnu`);
    if (communes.length > 0 && !communes.includes(row.commune)) throw new UsageError(`--sites : « ${site} » est dans la commune ${row.commune}, hors de --communes`);
  }
}

function required(args: string[], name: string): string {
  const value = option(args, name);
  if (!value) throw new UsageError(`--${name} est obligatoire`);
  return value;
}

async function readPassword(args: string[]): Promise<string> {
  const fromStdin = args.includes('--password-stdin') || !process.stdin.isTTY;
  const password = fromStdin ? await readStdin() : await prompt('Mot de passe : ');
  if (password.length < MIN_PASSWORD_LENGTH) throw new UsageError(`mot de passe trop court : ${MIN_PASSWORD_LENGTH} caractères au moins`);
  return password;
}

async function readStdin(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) text += String(chunk);
  return text.replace(/\r?\n$/, '');
}

/** Asks on the terminal without echoing what is typed. */
function prompt(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const write = (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput;
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
      if (s.startsWith(question)) write.call(rl, question);
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
  });
}

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  const config = readHubConfig();
  const dataDir = option(args, 'data-dir') ?? config.dataDir;
  if (command === undefined || command === '--help') {
    console.log('Commandes : create-user, reset-password, disable-user, enable-user, list-users, verify-audit (voir le README).');
    return command === undefined ? 2 : 0;
  }
  const hubPid = runningHubPid(dataDir);
  if (hubPid !== undefined && command !== 'list-users' && command !== 'verify-audit') {
    console.error(`Un hub (pid ${hubPid}) utilise ${dataDir} : arrêtez-le avant de modifier les comptes.`);
    return 1;
  }
  const db = await Database.open(join(dataDir, 'beffroi.sqlite'));
  try {
    await migrate(db);
    const writer = new Writer(db, await Journal.open(db), () => undefined, () => undefined, await AuditChain.open(db));
    const at = new Date().toISOString();
    switch (command) {
      case 'create-user': {
        const username = required(args, 'username');
        if (!/^[a-z0-9][a-z0-9._-]{1,63}$/.test(username)) throw new UsageError('identifiant : lettres minuscules, chiffres, . _ - (2 à 64)');
        const role = Role.safeParse(required(args, 'role'));
        if (!role.success) throw new UsageError(`rôle attendu parmi ${Role.options.join(', ')}`);
        const communes = z.array(InseeCode).safeParse((option(args, 'communes') ?? '').split(',').filter(Boolean));
        if (!communes.success) throw new UsageError('--communes : codes INSEE séparés par des virgules');
        if (role.data === 'elected' && communes.data.length === 0) throw new UsageError('un élu doit avoir au moins une commune (--communes)');
        const allowed = args.includes('--allow') ? parseAllowOptions(repeated(args, 'allow')) : undefined;
        if (allowed && 'problem' in allowed) throw new UsageError(allowed.problem);
        const grants = allowed?.grants;
        const sites = (option(args, 'sites') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
        await checkSites(db, sites, communes.data);
        if (await findUser(db, username)) throw new UsageError(`le compte « ${username} » existe déjà (reset-password pour changer son mot de passe)`);
        const passwordHash = await hashPassword(await readPassword(args));
        await writer.submit((changes) => {
          changes.write(userWrite({ username, role: role.data, communes: communes.data, sites, ...(grants ? { grants } : {}), passwordHash }, at));
          changes.audited({
            actor: 'cli',
            action: 'user.create',
            target: username,
            details: { role: role.data, communes: communes.data, ...(sites.length ? { sites } : {}), ...(grants ? { grants } : {}) },
          });
        });
        const scope = [communes.data.length ? `communes ${communes.data.join(', ')}` : '', sites.length ? `sites ${sites.join(', ')}` : '', grants ? `commandes ${grants.map(describeGrant).join(', ') || 'aucune'}` : '']
          .filter(Boolean)
          .join(' ; ');
        console.log(`Compte « ${username} » créé (${role.data}${scope ? `, ${scope}` : ''}).`);
        return 0;
      }
      case 'reset-password': {
        const user = await findUser(db, required(args, 'username'));
        if (!user) throw new UsageError('compte inconnu');
        const passwordHash = await hashPassword(await readPassword(args));
        await writer.submit((changes) => {
          changes.write({ sql: 'UPDATE users SET password_hash = ? WHERE username = ?', params: [passwordHash, user.username] });
          changes.write({ sql: 'UPDATE sessions SET revoked_at = ? WHERE username = ? AND revoked_at IS NULL', params: [at, user.username] });
          changes.audited({ actor: 'cli', action: 'user.reset-password', target: user.username });
        });
        console.log(`Mot de passe de « ${user.username} » changé ; ses sessions sont fermées.`);
        return 0;
      }
      case 'disable-user':
      case 'enable-user': {
        const user = await findUser(db, required(args, 'username'));
        if (!user) throw new UsageError('compte inconnu');
        const disabled = command === 'disable-user';
        await writer.submit((changes) => {
          changes.write({ sql: 'UPDATE users SET disabled = ? WHERE username = ?', params: [disabled ? 1 : 0, user.username] });
          if (disabled) changes.write({ sql: 'UPDATE sessions SET revoked_at = ? WHERE username = ? AND revoked_at IS NULL', params: [at, user.username] });
          changes.audited({ actor: 'cli', action: disabled ? 'user.disable' : 'user.enable', target: user.username });
        });
        console.log(`Compte « ${user.username} » ${disabled ? 'désactivé' : 'réactivé'}.`);
        return 0;
      }
      case 'list-users': {
        for (const raw of await db.all(`SELECT ${ACCOUNT_COLUMNS} FROM users ORDER BY role, username`)) {
          const user = accountFromRow(raw);
          const communes = user.communes.join(',') || 'tout le territoire';
          const sites = user.sites ? ` sites ${user.sites.join(',')}` : '';
          const grants = user.grants ? ` commandes ${user.grants.map(describeGrant).join(', ') || 'aucune'}` : '';
          console.log(`${user.username.padEnd(24)} ${user.role.padEnd(9)} ${communes}${sites}${grants}${user.disabled ? ' (désactivé)' : ''}`);
        }
        return 0;
      }
      case 'verify-audit': {
        const result = await verifyAudit(db);
        if (result.ok) console.log(`Journal d'audit intègre : ${result.rows} entrées.`);
        else console.error(`Journal d'audit altéré à l'entrée ${result.brokenAt} (${result.reason}) sur ${result.rows}.`);
        return result.ok ? 0 : 1;
      }
      default:
        throw new UsageError(`commande inconnue : ${command}`);
    }
  } finally {
    await db.close();
  }
}

function describeGrant(grant: CommandGrant): string {
  return grant.min === undefined && grant.max === undefined ? grant.type : `${grant.type} ${grant.min ?? ''}–${grant.max ?? ''}`;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(error instanceof UsageError ? `Erreur : ${error.message}` : `Erreur inattendue : ${error.stack ?? error.message}`);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);

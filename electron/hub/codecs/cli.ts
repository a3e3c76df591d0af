import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { CommandRequest } from '../../../shared/domain/commands';
import { METRICS } from '../../../shared/domain/metrics';
import { bytesToHex, hexToBytes } from './bytes';
import { getCodec, listCodecs } from './registry';
import { type DecodedUplink, type DeviceCodec, PayloadError } from './types';

/**
 * `npm run decode -- --model <id> --fport <n> --hex <payload>` (or `--object '<json>'`),
 * `npm run decode -- --list`, `npm run encode -- --model <id> --command '<json>'`.
 * Prints JSON on stdout; a bad input prints one French sentence on stderr and exits non-zero.
 */

const USAGE = `Utilisation :
  npm run decode -- --list
  npm run decode -- --model <modèle> --fport <port> --hex <charge utile>
  npm run decode -- --model <modèle> --object '<objet JSON décodé par le serveur réseau>'
  npm run encode -- --model <modèle> --command '{"type":"heating.setpoint","celsius":19}'`;

/** Exit codes: 0 success, 1 the payload or command does not fit the model, 2 bad usage. */
class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2,
  ) {
    super(message);
  }
}

interface Output {
  out(text: string): void;
  err(text: string): void;
}

export function runCli(argv: readonly string[], io: Output): number {
  try {
    io.out(JSON.stringify(dispatch(argv), null, 2));
    return 0;
  } catch (error) {
    if (error instanceof CliError) {
      io.err(`Erreur : ${error.message}`);
      if (error.exitCode === 2) io.err(USAGE);
      return error.exitCode;
    }
    if (error instanceof PayloadError) {
      io.err(`Erreur : ${error.message}`);
      return 1;
    }
    throw error;
  }
}

function dispatch(argv: readonly string[]): unknown {
  const [verb, ...rest] = argv;
  const { values } = parseOptions(rest);
  if (values.list) return listCodecs().map(({ model, vendor, description }) => ({ model, vendor, description }));
  const codec = requireModel(values.model);
  if (verb === 'encode') return encode(codec, values.command);
  if (verb === 'decode') return decode(codec, values);
  throw new CliError(`action « ${verb ?? ''} » inconnue (decode ou encode)`, 2);
}

function parseOptions(args: string[]) {
  try {
    return parseArgs({
      args,
      options: {
        list: { type: 'boolean' },
        model: { type: 'string' },
        fport: { type: 'string' },
        hex: { type: 'string' },
        object: { type: 'string' },
        command: { type: 'string' },
      },
      strict: true,
    });
  } catch (error) {
    throw new CliError(error instanceof Error ? error.message : String(error), 2);
  }
}

function requireModel(model: string | undefined): DeviceCodec {
  if (model === undefined) throw new CliError('--model est obligatoire (voir --list)', 2);
  const codec = getCodec(model);
  if (!codec) throw new CliError(`modèle « ${model} » inconnu ; modèles : ${listCodecs().map((c) => c.model).join(', ')}`, 2);
  return codec;
}

function decode(codec: DeviceCodec, values: { fport?: string; hex?: string; object?: string }) {
  if (values.object !== undefined) {
    if (!codec.normaliseObject) throw new CliError(`${codec.model} ne lit pas d'objet décodé`, 1);
    return describe(codec.model, undefined, codec.normaliseObject(parseObject(values.object)));
  }
  const fPort = Number(values.fport);
  if (values.fport === undefined || !Number.isInteger(fPort) || fPort < 1 || fPort > 223) {
    throw new CliError('--fport doit être un port LoRaWAN applicatif (1 à 223)', 2);
  }
  if (values.hex === undefined) throw new CliError('--hex est obligatoire (ou --object)', 2);
  let bytes: Uint8Array;
  try {
    bytes = hexToBytes(values.hex);
  } catch (error) {
    throw new CliError(error instanceof Error ? error.message : String(error), 2);
  }
  return describe(codec.model, fPort, codec.decodeUplink(fPort, bytes));
}

function describe(model: string, fPort: number | undefined, decoded: DecodedUplink) {
  const observations = decoded.observations.map(({ metric, value }) => ({
    metric,
    value,
    unit: METRICS[metric].unit,
    label: METRICS[metric].label.fr,
  }));
  return { model, ...(fPort === undefined ? {} : { fPort }), fields: decoded.fields, observations };
}

function encode(codec: DeviceCodec, commandJson: string | undefined) {
  if (commandJson === undefined) throw new CliError('--command est obligatoire pour encode', 2);
  const parsed = CommandRequest.safeParse(parseJson(commandJson));
  if (!parsed.success) {
    throw new CliError(`commande invalide : ${parsed.error.issues.map((i) => `${i.path.join('.') || 'type'} ${i.message}`).join(' ; ')}`, 2);
  }
  const downlink = codec.encodeDownlink?.(parsed.data);
  if (!downlink) {
    throw new CliError(codec.whyUnsupported?.(parsed.data) ?? `${codec.model} ne sait pas exécuter ${parsed.data.type}`, 1);
  }
  return { model: codec.model, fPort: downlink.fPort, hex: bytesToHex(downlink.bytes) };
}

function parseObject(text: string): Record<string, unknown> {
  const value = parseJson(text);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new CliError('--object doit être un objet JSON', 2);
  }
  return { ...value };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new CliError(`JSON illisible : ${text}`, 2);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = runCli(process.argv.slice(2), {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
  });
}

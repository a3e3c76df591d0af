import type { AssetKind } from './assets';
import { deviceModel, modelFitsKind } from './device-models';

/**
 * The device registry's CSV import, read the same way by the console (to preview the file with
 * each line's problem before sending it) and by the hub (which checks again and applies it).
 *
 * Format: one device per line, `DevEUI;modèle;équipement[;période en s]`. The separator is `;`
 * (French spreadsheets) or `,`, whichever the line uses most: no value of these columns holds
 * either, so a file pasted together from two spreadsheets still reads. A first line whose first
 * cell names the DevEUI is a header. A UTF-8 byte-order mark (Excel's « CSV UTF-8 ») is ignored, so are
 * blank lines and lines starting with `#`.
 */

export interface DeviceDeclaration {
  devEui: string;
  model: string;
  assetId: string;
  /** Expected uplink period, for silence detection. */
  uplinkPeriodS: number;
}

export const DEFAULT_UPLINK_PERIOD_S = 900;
export const MIN_UPLINK_PERIOD_S = 10;
export const MAX_UPLINK_PERIOD_S = 7 * 24 * 3600;
/** Most devices one file declares: one writer batch stays short. */
export const MAX_IMPORT_ROWS = 10_000;
/** Largest file one import carries (~40 characters a line), inside the hub's frame limit. */
export const MAX_IMPORT_CSV_CHARS = 400_000;

export const DEV_EUI_PATTERN = /^[0-9a-fA-F]{16}$/;

export type DeviceCsvField = 'devEui' | 'model' | 'assetId' | 'uplinkPeriodS';

/** What is wrong with one declaration, and in which field; `value` is what the file said. */
export type DeviceProblem =
  | { reason: 'columns'; field: DeviceCsvField; value: string }
  | { reason: 'dev-eui'; field: 'devEui'; value: string }
  | { reason: 'model'; field: 'model'; value: string }
  | { reason: 'period'; field: 'uplinkPeriodS'; value: string }
  | { reason: 'duplicate'; field: 'devEui'; value: string; firstLine: number }
  | { reason: 'asset'; field: 'assetId'; value: string }
  | { reason: 'declared'; field: 'devEui'; value: string }
  | { reason: 'kind'; field: 'model'; value: string; kind: AssetKind };

export interface DeviceCsvRow {
  /** 1-based line number in the file, as a spreadsheet shows it. */
  line: number;
  declaration?: DeviceDeclaration;
  problem?: DeviceProblem;
}

/** `;` or `,`, whichever the line uses most (`;` when neither). */
export function separatorOf(line: string): ';' | ',' {
  const semicolons = line.split(';').length;
  const commas = line.split(',').length;
  return commas > semicolons ? ',' : ';';
}

function cellsOf(line: string, separator: string): string[] {
  return line.split(separator).map((cell) => cell.trim().replace(/^"(.*)"$/, '$1').trim());
}

/** Reads the file; each line gets its declaration or the first problem found on it. */
export function parseDeviceCsv(text: string): DeviceCsvRow[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const firstIndex = lines.findIndex((l) => l.trim() !== '' && !l.trim().startsWith('#'));
  const rows: DeviceCsvRow[] = [];
  const firstLineOf = new Map<string, number>();
  lines.forEach((text, index) => {
    const trimmed = text.trim();
    if (!trimmed || trimmed.startsWith('#')) return;
    const cells = cellsOf(trimmed, separatorOf(trimmed));
    if (index === firstIndex && /eui/i.test(cells[0] ?? '')) return;
    const line = index + 1;
    const problem = rowProblem(cells);
    if (problem) return rows.push({ line, problem });
    const [devEui = '', model = '', assetId = '', period = ''] = cells;
    const declaration = { devEui: devEui.toLowerCase(), model, assetId, uplinkPeriodS: period ? Number(period) : DEFAULT_UPLINK_PERIOD_S };
    const firstLine = firstLineOf.get(declaration.devEui);
    if (firstLine !== undefined) return rows.push({ line, problem: { reason: 'duplicate', field: 'devEui', value: devEui, firstLine } });
    firstLineOf.set(declaration.devEui, line);
    rows.push({ line, declaration });
  });
  return rows;
}

function rowProblem(cells: string[]): DeviceProblem | undefined {
  const [devEui = '', model = '', assetId = '', period = ''] = cells;
  if (!DEV_EUI_PATTERN.test(devEui)) return { reason: 'dev-eui', field: 'devEui', value: devEui };
  if (!model) return { reason: 'columns', field: 'model', value: '' };
  if (!deviceModel(model)) return { reason: 'model', field: 'model', value: model };
  if (!assetId) return { reason: 'columns', field: 'assetId', value: '' };
  if (period && !isUplinkPeriod(Number(period))) return { reason: 'period', field: 'uplinkPeriodS', value: period };
  return undefined;
}

function isUplinkPeriod(seconds: number): boolean {
  return Number.isInteger(seconds) && seconds >= MIN_UPLINK_PERIOD_S && seconds <= MAX_UPLINK_PERIOD_S;
}

/** What a declaration is checked against: the assets and devices the checker knows. */
export interface DeviceRegistryView {
  /** The asset's kind, or undefined when the asset does not exist (or is out of scope). */
  assetKind(assetId: string): AssetKind | undefined;
  isDeclared(devEui: string): boolean;
}

/** Why this declaration cannot be applied to the registry as it stands, or undefined. */
export function registryProblem(d: DeviceDeclaration, registry: DeviceRegistryView): DeviceProblem | undefined {
  if (!deviceModel(d.model)) return { reason: 'model', field: 'model', value: d.model };
  const kind = registry.assetKind(d.assetId);
  if (kind === undefined) return { reason: 'asset', field: 'assetId', value: d.assetId };
  if (!modelFitsKind(d.model, kind)) return { reason: 'kind', field: 'model', value: d.model, kind };
  if (registry.isDeclared(d.devEui)) return { reason: 'declared', field: 'devEui', value: d.devEui };
  return undefined;
}

const FRENCH_KIND: Record<AssetKind, string> = {
  'lighting-cabinet': 'armoire d’éclairage',
  'street-lamp': 'point lumineux',
  'waste-container': 'conteneur à déchets',
  building: 'bâtiment public',
  camera: 'caméra',
  gate: 'portail',
  gateway: 'passerelle LoRaWAN',
};

/** The problem in French, as the hub answers it (the console translates `reason` itself). */
export function describeDeviceProblem(p: DeviceProblem): string {
  switch (p.reason) {
    case 'columns':
      return 'colonnes attendues : DevEUI;modèle;équipement[;période en s]';
    case 'dev-eui':
      return `DevEUI invalide « ${p.value} » (16 chiffres hexadécimaux)`;
    case 'model':
      return `modèle inconnu « ${p.value} » (npm run decode -- --list donne les modèles)`;
    case 'period':
      return `période invalide « ${p.value} » (secondes, de ${MIN_UPLINK_PERIOD_S} à ${MAX_UPLINK_PERIOD_S})`;
    case 'duplicate':
      return `DevEUI ${p.value} déjà présent ligne ${p.firstLine}`;
    case 'asset':
      return `équipement « ${p.value} » introuvable`;
    case 'declared':
      return `l'appareil ${p.value} est déjà déclaré`;
    case 'kind': {
      const kinds = deviceModel(p.value)?.kinds.map((k) => FRENCH_KIND[k]).join(', ') ?? '';
      return `le modèle ${p.value} ne convient pas à un(e) ${FRENCH_KIND[p.kind]} (prévu pour : ${kinds})`;
    }
  }
}

import type { AssetKind } from './assets';

/**
 * The device models Beffroi decodes, as the console and the hub both name them: the model id a
 * device is declared with (the hub's codec registry has exactly these ids, a test checks it), the
 * vendor and product an admin recognises on the box, and the kinds of asset the model reports for.
 */
export interface DeviceModel {
  id: string;
  vendor: string;
  product: string;
  /** Kinds of asset this model may be declared on; the hub refuses any other. */
  kinds: readonly AssetKind[];
}

const BUILDING: readonly AssetKind[] = ['building'];
const WASTE: readonly AssetKind[] = ['waste-container'];

export const DEVICE_MODELS: readonly DeviceModel[] = [
  // Indoor air quality.
  { id: 'elsys-ers-co2', vendor: 'Elsys', product: 'ERS CO2', kinds: BUILDING },
  { id: 'milesight-am107', vendor: 'Milesight', product: 'AM107', kinds: BUILDING },
  { id: 'milesight-am307', vendor: 'Milesight', product: 'AM307', kinds: BUILDING },
  { id: 'milesight-am319', vendor: 'Milesight', product: 'AM319', kinds: BUILDING },
  { id: 'adeunis-comfort-co2', vendor: 'Adeunis', product: 'COMFORT CO2', kinds: BUILDING },
  // Heating.
  { id: 'milesight-wt101', vendor: 'Milesight', product: 'WT101', kinds: BUILDING },
  { id: 'mclimate-vicki', vendor: 'MClimate', product: 'Vicki', kinds: BUILDING },
  // Waste fill level.
  { id: 'dingtek-df702', vendor: 'Dingtek', product: 'DF702', kinds: WASTE },
  { id: 'dingtek-df703', vendor: 'Dingtek', product: 'DF703', kinds: WASTE },
  { id: 'milesight-em310-udl', vendor: 'Milesight', product: 'EM310-UDL', kinds: WASTE },
  { id: 'dragino-ldds75', vendor: 'Dragino', product: 'LDDS75', kinds: WASTE },
  // Lighting, relays, gates.
  { id: 'netvox-r831c', vendor: 'Netvox', product: 'R831C', kinds: ['lighting-cabinet'] },
  { id: 'milesight-ws558', vendor: 'Milesight', product: 'WS558', kinds: ['lighting-cabinet'] },
  { id: 'milesight-uc300', vendor: 'Milesight', product: 'UC300', kinds: ['gate'] },
  { id: 'dragino-lt22222-l', vendor: 'Dragino', product: 'LT-22222-L', kinds: ['gate'] },
  // Meters: a building's, or a lighting cabinet's own electricity meter.
  { id: 'adeunis-tic-cbe-linky-mono', vendor: 'Adeunis', product: 'TIC CBE/LINKY MONO', kinds: ['building', 'lighting-cabinet'] },
  { id: 'milesight-em300-di', vendor: 'Milesight', product: 'EM300-DI', kinds: ['building', 'lighting-cabinet'] },
  { id: 'adeunis-pulse', vendor: 'Adeunis', product: 'PULSE', kinds: ['building', 'lighting-cabinet'] },
  // Cameras report through the video management system, not LoRaWAN.
  { id: 'vms-camera', vendor: 'VMS', product: 'caméra', kinds: ['camera'] },
];

const BY_ID = new Map(DEVICE_MODELS.map((m) => [m.id, m]));

export function deviceModel(id: string): DeviceModel | undefined {
  return BY_ID.get(id);
}

/** « Milesight AM307 »; an id the catalogue does not know is shown as is. */
export function deviceModelName(id: string): string {
  const model = BY_ID.get(id);
  return model ? `${model.vendor} ${model.product}` : id;
}

/** Whether a device of this model may report for an asset of this kind. */
export function modelFitsKind(id: string, kind: AssetKind): boolean {
  return BY_ID.get(id)?.kinds.includes(kind) ?? false;
}

/**
 * The metrics assets report, with their unit and how a French console shows them.
 * One catalogue for the hub (rules, codecs) and the renderer (panels, tooltips).
 */
export interface MetricDefinition {
  /** Unit symbol as French typography writes it (a narrow space goes before it when shown). */
  unit: string;
  /** Decimals to show. */
  decimals: number;
  label: { fr: string; en: string };
}

export const METRICS = {
  temperatureC: { unit: '°C', decimals: 1, label: { fr: 'Température', en: 'Temperature' } },
  humidityPercent: { unit: '%', decimals: 0, label: { fr: 'Humidité', en: 'Humidity' } },
  co2Ppm: { unit: 'ppm', decimals: 0, label: { fr: 'CO₂', en: 'CO₂' } },
  setpointC: { unit: '°C', decimals: 1, label: { fr: 'Consigne', en: 'Setpoint' } },
  valvePercent: { unit: '%', decimals: 0, label: { fr: 'Ouverture vanne', en: 'Valve opening' } },
  fillPercent: { unit: '%', decimals: 0, label: { fr: 'Remplissage', en: 'Fill level' } },
  distanceMm: { unit: 'mm', decimals: 0, label: { fr: 'Distance mesurée', en: 'Measured distance' } },
  batteryPercent: { unit: '%', decimals: 0, label: { fr: 'Batterie', en: 'Battery' } },
  powerW: { unit: 'W', decimals: 0, label: { fr: 'Puissance', en: 'Power' } },
  energyWh: { unit: 'Wh', decimals: 0, label: { fr: 'Énergie', en: 'Energy' } },
  voltageV: { unit: 'V', decimals: 1, label: { fr: 'Tension', en: 'Voltage' } },
  currentA: { unit: 'A', decimals: 2, label: { fr: 'Courant', en: 'Current' } },
  relayOn: { unit: '', decimals: 0, label: { fr: 'Allumage', en: 'Lights on' } },
  dimPercent: { unit: '%', decimals: 0, label: { fr: 'Gradation', en: 'Dimming' } },
  faultActive: { unit: '', decimals: 0, label: { fr: 'Défaut', en: 'Fault' } },
  gateOpen: { unit: '', decimals: 0, label: { fr: 'Portail ouvert', en: 'Gate open' } },
  doorOpen: { unit: '', decimals: 0, label: { fr: 'Porte ouverte', en: 'Door open' } },
  online: { unit: '', decimals: 0, label: { fr: 'En ligne', en: 'Online' } },
  rssiDbm: { unit: 'dBm', decimals: 0, label: { fr: 'RSSI', en: 'RSSI' } },
  snrDb: { unit: 'dB', decimals: 1, label: { fr: 'SNR', en: 'SNR' } },
  // Added for the field codecs (Milesight AM307, WT101, EM310-UDL, WS558; Dragino LT-22222-L; VMS).
  pressureHpa: { unit: 'hPa', decimals: 1, label: { fr: 'Pression', en: 'Pressure' } },
  tvocIndex: { unit: '', decimals: 2, label: { fr: 'COV totaux (indice)', en: 'TVOC (index)' } },
  tvocUgM3: { unit: 'µg/m³', decimals: 0, label: { fr: 'COV totaux', en: 'TVOC' } },
  lightLevel: { unit: '', decimals: 0, label: { fr: 'Niveau de lumière', en: 'Light level' } },
  motion: { unit: '', decimals: 0, label: { fr: 'Présence détectée', en: 'Motion detected' } },
  windowOpen: { unit: '', decimals: 0, label: { fr: 'Fenêtre ouverte', en: 'Window open' } },
  tilted: { unit: '', decimals: 0, label: { fr: 'Capteur incliné', en: 'Sensor tilted' } },
  powerFactorPercent: { unit: '%', decimals: 0, label: { fr: 'Facteur de puissance', en: 'Power factor' } },
  motorOn: { unit: '', decimals: 0, label: { fr: 'Commande moteur', en: 'Motor command' } },
  recording: { unit: '', decimals: 0, label: { fr: 'Enregistrement', en: 'Recording' } },
} as const satisfies Record<string, MetricDefinition>;

export type MetricId = keyof typeof METRICS;

export function isMetricId(id: string): id is MetricId {
  return Object.prototype.hasOwnProperty.call(METRICS, id);
}

/** One decoded reading of one metric, the unit of exchange between codecs and rules. */
export interface Observation {
  metric: MetricId;
  value: number | boolean | string;
}

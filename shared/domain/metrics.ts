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
  uplinksLost: { unit: '', decimals: 0, label: { fr: 'Trames perdues', en: 'Lost uplinks' } },
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
  // For the remaining field models of issue 7 (indoor air, waste, relays and I/O, meters).
  lightLux: { unit: 'lx', decimals: 0, label: { fr: 'Éclairement', en: 'Illuminance' } },
  motionCount: { unit: '', decimals: 0, label: { fr: 'Détections de présence', en: 'Motion count' } },
  batteryV: { unit: 'V', decimals: 2, label: { fr: 'Tension de la pile', en: 'Battery voltage' } },
  noiseDb: { unit: 'dB', decimals: 0, label: { fr: 'Niveau sonore', en: 'Noise level' } },
  pm25UgM3: { unit: 'µg/m³', decimals: 0, label: { fr: 'Particules PM2,5', en: 'PM2.5' } },
  pm10UgM3: { unit: 'µg/m³', decimals: 0, label: { fr: 'Particules PM10', en: 'PM10' } },
  fireAlarm: { unit: '', decimals: 0, label: { fr: 'Alarme incendie', en: 'Fire alarm' } },
  fullAlarm: { unit: '', decimals: 0, label: { fr: 'Alarme de remplissage', en: 'Full alarm' } },
  digitalInput1: { unit: '', decimals: 0, label: { fr: 'Entrée 1', en: 'Input 1' } },
  digitalInput2: { unit: '', decimals: 0, label: { fr: 'Entrée 2', en: 'Input 2' } },
  digitalOutput1: { unit: '', decimals: 0, label: { fr: 'Sortie 1', en: 'Output 1' } },
  digitalOutput2: { unit: '', decimals: 0, label: { fr: 'Sortie 2', en: 'Output 2' } },
  relay1On: { unit: '', decimals: 0, label: { fr: 'Relais 1', en: 'Relay 1' } },
  relay2On: { unit: '', decimals: 0, label: { fr: 'Relais 2', en: 'Relay 2' } },
  relay3On: { unit: '', decimals: 0, label: { fr: 'Relais 3', en: 'Relay 3' } },
  pulseCount: { unit: '', decimals: 0, label: { fr: 'Impulsions', en: 'Pulse count' } },
  waterVolumeL: { unit: 'L', decimals: 0, label: { fr: 'Volume d’eau', en: 'Water volume' } },
  gasVolumeM3: { unit: 'm³', decimals: 2, label: { fr: 'Volume de gaz', en: 'Gas volume' } },
  energyIndexWh: { unit: 'Wh', decimals: 0, label: { fr: 'Index d’énergie', en: 'Energy index' } },
  apparentPowerVA: { unit: 'VA', decimals: 0, label: { fr: 'Puissance apparente', en: 'Apparent power' } },
  subscribedCurrentA: { unit: 'A', decimals: 0, label: { fr: 'Intensité souscrite', en: 'Subscribed current' } },
  // LoRaWAN gateways learnt from the uplinks' metadata (issue 7).
  uplinks: { unit: '', decimals: 0, label: { fr: 'Remontées relayées', en: 'Uplinks relayed' } },
  devicesHeard: { unit: '', decimals: 0, label: { fr: 'Appareils entendus', en: 'Devices heard' } },
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

/** The demo simulator: devices and LoRaWAN network server of a demo territory, over MQTT. */
export { startSimulator, type SimulatorOptions, type RunningSimulator, type IncidentRequest } from './simulator';

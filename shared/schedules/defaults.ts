import type { GateHours, HeatingProgramme, LightingSchedule } from '../domain/schedules';

/**
 * Starting points offered when an asset has no programme yet, from common practice in French
 * communes: schools heated from 06:30 on class days (Wednesday mornings only), 19 °C in comfort
 * (the Code de l'énergie's ceiling), 16 °C reduced, 8 °C frost protection; cemeteries open
 * 8:00–19:00 from April and 8:00–17:30 from November; lamps dimmed late in the night.
 */
export const DEFAULT_HEATING_PROGRAMME: HeatingProgramme = {
  setpoints: { comfort: 19, reduced: 16, frost: 8 },
  week: {
    mon: [{ from: '06:30', mode: 'comfort' }, { from: '17:00', mode: 'reduced' }],
    tue: [{ from: '06:30', mode: 'comfort' }, { from: '17:00', mode: 'reduced' }],
    wed: [{ from: '06:30', mode: 'comfort' }, { from: '12:30', mode: 'reduced' }],
    thu: [{ from: '06:30', mode: 'comfort' }, { from: '17:00', mode: 'reduced' }],
    fri: [{ from: '06:30', mode: 'comfort' }, { from: '17:00', mode: 'reduced' }],
    sat: [],
    sun: [],
  },
  daysOff: 'frost',
};

export const DEFAULT_GATE_HOURS: GateHours = {
  seasons: [
    { from: '04-01', label: 'Horaires d’été', open: '08:00', close: '19:00' },
    { from: '11-01', label: 'Horaires d’hiver', open: '08:00', close: '17:30' },
  ],
  exceptions: [],
};

export const DEFAULT_LIGHTING_SCHEDULE: LightingSchedule = {
  switchOnAfterSunsetMin: 10,
  switchOffAfterSunriseMin: -10,
  duskPercent: 100,
  dimming: [{ from: '23:00', percent: 50 }, { from: '01:00', percent: 30 }],
  exceptions: [],
};

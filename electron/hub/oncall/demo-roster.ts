import type { OnCallRoster } from '../../../shared/domain/oncall';
import type { Write } from '../store/db';

/**
 * The demo territory's astreinte: `astreinte` first on call for every commune and kind, the
 * command post's `operateur` behind them, handing over on Mondays at 08:00 Paris time. Their
 * e-mail addresses are in the reserved `.example` domain: nothing leaves a demo by mistake.
 */
export const DEMO_ROSTER: OnCallRoster = {
  id: 'oc-demo',
  name: 'Astreinte du territoire',
  communes: [],
  kinds: [],
  levels: [
    { level: 1, rotation: { users: ['astreinte'], handoverDay: 1, handoverTime: '08:00', timeZone: 'Europe/Paris', startsOn: '2026-01-05' }, exceptions: [] },
    { level: 2, rotation: { users: ['operateur'], handoverDay: 1, handoverTime: '08:00', timeZone: 'Europe/Paris', startsOn: '2026-01-05' }, exceptions: [] },
  ],
};

export function demoRosterWrites(at: string): Write[] {
  return [
    { sql: 'INSERT INTO oncall_rosters (id, body, updated_by, updated_at) VALUES (?, ?, ?, ?)', params: [DEMO_ROSTER.id, JSON.stringify(DEMO_ROSTER), 'demo', at] },
    { sql: 'INSERT INTO user_contacts (username, email, phone, updated_at) VALUES (?, ?, ?, ?)', params: ['astreinte', 'astreinte@demo.beffroi.example', '+33600000001', at] },
    { sql: 'INSERT INTO user_contacts (username, email, phone, updated_at) VALUES (?, ?, ?, ?)', params: ['operateur', 'operateur@demo.beffroi.example', '+33600000002', at] },
  ];
}

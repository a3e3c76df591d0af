import { describe, expect, it } from 'vitest';
import { desktopFeatures } from '../../../renderer/app/desktop';

/** The preload bridge is the Electron boundary; here it is a plain object shaped like it. */
describe('desktop bridge detection', () => {
  it('is absent in a plain browser', () => {
    expect(desktopFeatures({} as Window)).toBeNull();
    expect(desktopFeatures({ beffroi: { hubUrl: 'ws://x' } } as unknown as Window)).toBeNull();
  });

  it('forwards notifications to the bridge when the preload provides one', async () => {
    const sent: string[] = [];
    const bridge = { notify: async (title: string, body: string) => void sent.push(`${title}|${body}`), openAlarmWindow: async () => undefined };
    const features = desktopFeatures({ beffroi: bridge } as unknown as Window);
    await features?.notify('Alarme critique', 'Armoire EP n° 4 — défaut');
    expect(sent).toEqual(['Alarme critique|Armoire EP n° 4 — défaut']);
  });
});

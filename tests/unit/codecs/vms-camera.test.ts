import { describe, expect, it } from 'vitest';
import { codecFor, payloadErrorOf } from './vectors';

const camera = codecFor('vms-camera');

describe('vms-camera (status JSON from the video management system)', () => {
  it.each([
    [{ online: true, recording: true }, [{ metric: 'online', value: true }, { metric: 'recording', value: true }]],
    [{ online: false, recording: false }, [{ metric: 'online', value: false }, { metric: 'recording', value: false }]],
    [{ online: true }, [{ metric: 'online', value: true }]],
    [{ online: 'yes', recording: 1 }, []],
  ])('normalises %j', (object, observations) => {
    expect(camera.normaliseObject!(object)).toEqual({ fields: object, observations });
  });

  it('has no binary frames', () => {
    expect(payloadErrorOf(() => camera.decodeUplink(1, Uint8Array.of(1))).model).toBe('vms-camera');
  });
});

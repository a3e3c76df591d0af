import { describe, expect, it } from 'vitest';
import { cameraStatusTopic, cameraStatusUplink } from '../../../electron/hub/sources/video';
import { MalformedMessage } from '../../../electron/hub/sources/wire';

const CAMERA = 'accc8eff2f0e3b9c';

describe('camera status from the video management system', () => {
  it('becomes an uplink for the camera with an object and no bytes', () => {
    const uplink = cameraStatusUplink(cameraStatusTopic(CAMERA), '{"online":false,"recording":false,"time":"2025-01-16T08:00:00Z"}');
    expect(uplink).toEqual({ devEui: CAMERA, fPort: 0, fCnt: 0, object: { online: false, recording: false }, receivedAt: '2025-01-16T08:00:00.000Z' });
  });

  it.each([
    ['a camera id that is not 16 hex digits', 'beffroi/video/cam-12/status', '{"online":true,"recording":true}'],
    ['a status without recording', cameraStatusTopic(CAMERA), '{"online":true}'],
    ['a status that is not JSON', cameraStatusTopic(CAMERA), 'online'],
  ])('refuses %s', (_name, topic, payload) => {
    expect(() => cameraStatusUplink(topic, payload)).toThrow(MalformedMessage);
  });
});

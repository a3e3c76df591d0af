import { z } from 'zod';
import type { Uplink } from './types';
import { DevEui, MalformedMessage, isoTime, parsePayload } from './wire';

/**
 * Camera status from the video management system (VMS), which is not a LoRaWAN network server:
 * it publishes `{"online": boolean, "recording": boolean}` (optionally `"time"`, ISO 8601) on
 * `beffroi/video/<cameraId>/status`, where `cameraId` is the camera's 16-hex-digit id, the
 * `devEui` of its device in the territory (model `vms-camera`).
 */
export const VIDEO_STATUS_SUBSCRIPTION = 'beffroi/video/+/status';

const TOPIC = /^beffroi\/video\/([^/]+)\/status$/;

export const CameraStatus = z.looseObject({
  online: z.boolean(),
  recording: z.boolean(),
  time: z.string().optional(),
});
export type CameraStatusJson = z.input<typeof CameraStatus>;

export function cameraStatusTopic(cameraId: string): string {
  return `beffroi/video/${cameraId.toLowerCase()}/status`;
}

export function isCameraStatusTopic(topic: string): boolean {
  return TOPIC.test(topic);
}

/** The uplink for a camera status message (`object` only: there are no radio bytes). */
export function cameraStatusUplink(topic: string, payload: Uint8Array | string): Uplink {
  const cameraId = DevEui.safeParse(TOPIC.exec(topic)?.[1]);
  if (!cameraId.success) throw new MalformedMessage('état de caméra : identifiant de 16 chiffres hexadécimaux attendu dans le sujet');
  const status = parsePayload(CameraStatus, payload, 'état de caméra');
  return {
    devEui: cameraId.data,
    // Not LoRaWAN: no port and no frame counter.
    fPort: 0,
    fCnt: 0,
    object: { online: status.online, recording: status.recording },
    receivedAt: isoTime(status.time),
  };
}

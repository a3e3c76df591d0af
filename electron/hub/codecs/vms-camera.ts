import { ObservationList } from './fields';
import { PayloadError, type DeviceCodec } from './types';

/**
 * A video-protection camera as the video management system reports it: not a LoRaWAN device,
 * no payload bytes, only a JSON status `{online, recording}` that the MQTT source receives on
 * `beffroi/video/<cameraId>/status` and hands over as an uplink `object`.
 */
export const vmsCamera: DeviceCodec = {
  model: 'vms-camera',
  vendor: 'VMS',
  description: 'Caméra de vidéoprotection (état publié par le système de gestion vidéo : en ligne, enregistrement)',
  decodeUplink(fPort) {
    throw new PayloadError('vms-camera', fPort, 0, 'une caméra n’envoie pas de trame binaire : état JSON attendu');
  },
  normaliseObject(object) {
    const observations = new ObservationList(object).boolean('online', 'online').boolean('recording', 'recording').items;
    return { fields: object, observations };
  },
};

/** Camera views from the asset panel (video-protection: the command post's, audited by the hub). */
export { CameraView } from './CameraView';

/** « Seuils d'alarme »: the admin screen of the alarm conditions' settings. */
export { ThresholdsScreen } from './ThresholdsScreen';

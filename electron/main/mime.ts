/** The shell serves the console with the same content types as the hub. */
export { contentTypeFor } from '../../shared/content-types';

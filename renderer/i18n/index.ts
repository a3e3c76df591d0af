/** Languages and formats of the console: French first, English available. */
export { I18nProvider, useI18n, type I18n } from './i18n-context';
export { translate, isLocale } from './translate';
export type { MessageKey } from './fr';
export {
  formatNumber,
  formatQuantity,
  formatTime,
  formatTimeSeconds,
  formatDateTime,
  formatDate,
  formatClock,
  formatAge,
  parseDecimal,
  PARIS_TIME_ZONE,
  type Locale,
} from './format';
export { useNow } from './use-now';

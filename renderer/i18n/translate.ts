import { fr, type MessageKey } from './fr';
import { en } from './en';
import type { Locale } from './format';

const DICTIONARIES: Record<Locale, Record<MessageKey, string>> = { fr, en };

export type TranslateParams = Record<string, string | number>;

/** The message for `key` in `locale`, with `{name}` placeholders filled from `params`. */
export function translate(locale: Locale, key: MessageKey, params?: TranslateParams): string {
  const template = DICTIONARIES[locale][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

export function isLocale(value: unknown): value is Locale {
  return value === 'fr' || value === 'en';
}

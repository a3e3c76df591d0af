import { useI18n } from '../i18n';

export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  return (
    <div className="segmented segmented--small" role="group" aria-label={t('header.language')} data-testid="language-switch">
      <button type="button" lang="fr" aria-pressed={locale === 'fr'} onClick={() => setLocale('fr')}>
        FR
      </button>
      <button type="button" lang="en" aria-pressed={locale === 'en'} onClick={() => setLocale('en')}>
        EN
      </button>
    </div>
  );
}

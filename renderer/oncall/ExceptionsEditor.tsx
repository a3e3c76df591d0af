import { useState } from 'react';
import type { OnCallException } from '../../shared';
import { formatDateTime, useI18n } from '../i18n';
import { parisInstant } from './roster-draft';

/** A level's dated exceptions: holiday covers and swaps, listed, added, removed. */
export function ExceptionsEditor({ exceptions, onChange }: { exceptions: OnCallException[]; onChange(next: OnCallException[]): void }) {
  const { t, locale } = useI18n();
  const [type, setType] = useState<'cover' | 'swap'>('cover');
  const [fromAt, setFromAt] = useState('');
  const [toAt, setToAt] = useState('');
  const [who, setWho] = useState('');
  const [other, setOther] = useState('');
  const [reason, setReason] = useState('');
  const complete = fromAt && toAt && who.trim() && (type === 'cover' || other.trim());

  const add = () => {
    const period = { fromAt: parisInstant(fromAt), toAt: parisInstant(toAt), reason: reason.trim() };
    const exception: OnCallException = type === 'cover' ? { type, ...period, username: who.trim() } : { type, ...period, a: who.trim(), b: other.trim() };
    onChange([...exceptions, exception]);
    setWho('');
    setOther('');
    setReason('');
  };

  return (
    <div className="oncall-exceptions">
      <h4>{t('oncall.exceptions')}</h4>
      {exceptions.length === 0 && <p className="muted">{t('oncall.exceptions.none')}</p>}
      <ul>
        {exceptions.map((e, i) => (
          <li key={i} data-testid="oncall-exception">
            {e.type === 'cover' ? t('oncall.exception.cover', { username: e.username }) : t('oncall.exception.swap', { a: e.a, b: e.b })}{' '}
            <span className="muted">
              {formatDateTime(e.fromAt, locale)} → {formatDateTime(e.toAt, locale)} {e.reason && `· ${e.reason}`}
            </span>
            <button type="button" className="button button--small button--ghost" onClick={() => onChange(exceptions.filter((_, j) => j !== i))}>
              {t('oncall.remove')}
            </button>
          </li>
        ))}
      </ul>
      <div className="oncall-exceptions__new">
        <select value={type} onChange={(e) => setType(e.target.value as 'cover' | 'swap')} aria-label={t('oncall.exception.type')}>
          <option value="cover">{t('oncall.exception.coverType')}</option>
          <option value="swap">{t('oncall.exception.swapType')}</option>
        </select>
        <input type="datetime-local" value={fromAt} onChange={(e) => setFromAt(e.target.value)} aria-label={t('oncall.exception.from')} />
        <input type="datetime-local" value={toAt} onChange={(e) => setToAt(e.target.value)} aria-label={t('oncall.exception.to')} />
        <input value={who} onChange={(e) => setWho(e.target.value)} placeholder={type === 'cover' ? t('oncall.exception.coveredBy') : t('oncall.exception.a')} />
        {type === 'swap' && <input value={other} onChange={(e) => setOther(e.target.value)} placeholder={t('oncall.exception.b')} />}
        <input value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('oncall.exception.reason')} maxLength={200} />
        <button type="button" className="button button--small" disabled={!complete} onClick={add}>
          {t('oncall.exception.add')}
        </button>
      </div>
    </div>
  );
}

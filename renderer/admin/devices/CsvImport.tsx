import { useMemo, useState } from 'react';
import { MAX_IMPORT_CSV_CHARS, MAX_IMPORT_ROWS, type ReplyPayload } from '../../../shared';
import { useHubClient } from '../../connection';
import { useI18n } from '../../i18n';
import { useStore } from '../../state';
import { previewDeviceCsv, registryFromAssets } from './csv-preview';
import { describeProblem, formatDevEui } from './device-format';

const EXAMPLE = 'DevEUI;modèle;équipement;période\n24E124730000A001;milesight-am307;bld-91377-002;600\nA84041000000C002;dragino-ldds75;bin-91377-014';

/**
 * « Importer un CSV »: the file is read and checked here first, each refused line shown with its
 * field and why; only then sent to the hub, which checks again and says what it declared.
 */
export function CsvImport() {
  const i18n = useI18n();
  const { t } = i18n;
  const client = useHubClient();
  const store = useStore();
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<ReplyPayload<'device.import'> | null>(null);

  const rows = useMemo(() => (file ? previewDeviceCsv(file.text, registryFromAssets(store.currentBuffers().records.toArray())) : []), [file, store]);
  const good = rows.filter((r) => r.declaration).length;
  const bad = rows.length - good;
  const tooBig = rows.length > MAX_IMPORT_ROWS || (file?.text.length ?? 0) > MAX_IMPORT_CSV_CHARS;

  const choose = (chosen: File | undefined) => {
    setResult(null);
    setError(null);
    if (!chosen) return setFile(null);
    chosen
      .text()
      .then((text) => setFile({ name: chosen.name, text }))
      .catch((e: Error) => setError(e.message));
  };

  const send = () => {
    if (!file) return;
    setSending(true);
    setError(null);
    client
      .request('device.import', { csv: file.text })
      .then((reply) => {
        setResult(reply);
        setFile(null);
      })
      .catch((e: Error) => setError(e.message))
      .finally(() => setSending(false));
  };

  return (
    <section className="devices__pane" data-testid="csv-import">
      <p>{t('devices.import.help')}</p>
      <details>
        <summary>{t('devices.import.example')}</summary>
        <pre className="devices__example">{EXAMPLE}</pre>
      </details>
      <label className="field">
        <span>{t('devices.import.file')}</span>
        <input type="file" accept=".csv,text/csv,text/plain" data-testid="csv-file" onChange={(e) => choose(e.target.files?.[0])} />
      </label>
      {error && <p className="form-error" role="alert">{error}</p>}
      {file && rows.length === 0 && <p className="form-error">{t('devices.import.empty')}</p>}
      {file && tooBig && <p className="form-error">{t('devices.import.tooMany', { max: MAX_IMPORT_ROWS })}</p>}
      {file && rows.length > 0 && (
        <>
          <p data-testid="csv-summary">{t('devices.import.preview', { ok: good, bad })}</p>
          <table className="devices__table" data-testid="csv-preview">
            <thead>
              <tr>
                <th>{t('devices.import.col.line')}</th>
                <th>{t('devices.col.devEui')}</th>
                <th>{t('devices.import.col.field')}</th>
                <th>{t('devices.import.col.problem')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const problem = row.problem ? describeProblem(row.problem, i18n) : null;
                return (
                  <tr key={row.line} data-testid="csv-line" data-line={row.line} data-ok={problem === null} className={problem ? 'devices__bad' : undefined}>
                    <td>{row.line}</td>
                    <td className="devices__eui">{row.declaration ? formatDevEui(row.declaration.devEui) : ''}</td>
                    <td>{problem?.field ?? ''}</td>
                    <td>{problem?.why ?? t('devices.import.ok')}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <button type="button" className="button button--primary" data-testid="csv-send" disabled={sending || good === 0 || tooBig} onClick={send}>
            {sending ? t('devices.import.sending') : t('devices.import.send', { count: good })}
          </button>
        </>
      )}
      {result && (
        <div role="status" data-testid="csv-result">
          <p className="devices__notice">{t('devices.import.result', { declared: result.declared, refused: result.lines.length - result.declared })}</p>
          <ul className="devices__refused">
            {result.lines
              .filter((l) => !l.ok)
              .map((l) => (
                <li key={l.line}>{t('devices.import.refusedLine', { line: l.line, why: l.error ?? '' })}</li>
              ))}
          </ul>
        </div>
      )}
    </section>
  );
}

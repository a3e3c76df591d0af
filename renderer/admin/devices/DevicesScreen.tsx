import { useState } from 'react';
import { useI18n, type MessageKey } from '../../i18n';
import { CsvImport } from './CsvImport';
import { DeclareForm } from './DeclareForm';
import { DeviceRegistry } from './DeviceRegistry';
import { QuarantineList } from './QuarantineList';
import './devices.css';

type Pane = 'registry' | 'declare' | 'import' | 'quarantine';
const PANES: Pane[] = ['registry', 'declare', 'import', 'quarantine'];

/**
 * « Appareils »: the devices declared on the territory with their radio health, and the three ways
 * a device joins them: declared by hand, imported from a CSV file, or adopted from quarantine
 * (which opens the declaration prefilled with the unknown DevEUI).
 */
export function DevicesScreen() {
  const { t } = useI18n();
  const [pane, setPane] = useState<Pane>('registry');
  const [adopting, setAdopting] = useState<string | null>(null);

  const open = (next: Pane) => {
    setPane(next);
    if (next !== 'declare') setAdopting(null);
  };

  return (
    <div className="devices" data-testid="devices-screen">
      <div className="segmented devices__panes" role="group">
        {PANES.map((id) => (
          <button key={id} type="button" aria-pressed={pane === id} data-testid={`devices-pane-${id}`} onClick={() => open(id)}>
            {t(`devices.pane.${id}` as MessageKey)}
          </button>
        ))}
      </div>
      {pane === 'registry' && <DeviceRegistry />}
      {pane === 'declare' && <DeclareForm key={adopting ?? ''} adoptDevEui={adopting} />}
      {pane === 'import' && <CsvImport />}
      {pane === 'quarantine' && (
        <QuarantineList
          onAdopt={(devEui) => {
            setAdopting(devEui);
            setPane('declare');
          }}
        />
      )}
    </div>
  );
}

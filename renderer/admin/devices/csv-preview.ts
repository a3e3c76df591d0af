import { parseDeviceCsv, registryProblem, type Asset, type DeviceCsvRow, type DeviceRegistryView } from '../../../shared';

/**
 * The registry as this console knows it from its snapshot: assets in scope with their devices
 * (sent to admins). The hub checks again on import; this only lets the admin fix the file first.
 */
export function registryFromAssets(assets: readonly Asset[]): DeviceRegistryView {
  const kinds = new Map(assets.map((a) => [a.id, a.kind]));
  const declared = new Set(assets.flatMap((a) => (a.devices ?? []).map((d) => d.devEui)));
  return { assetKind: (id) => kinds.get(id), isDeclared: (devEui) => declared.has(devEui) };
}

/** Every line of the file with its first problem, from the file itself or from the registry. */
export function previewDeviceCsv(text: string, registry: DeviceRegistryView): DeviceCsvRow[] {
  return parseDeviceCsv(text).map((row) => {
    if (!row.declaration) return row;
    const problem = registryProblem(row.declaration, registry);
    return problem ? { line: row.line, problem } : row;
  });
}

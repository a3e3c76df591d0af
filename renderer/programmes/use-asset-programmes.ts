import { useCallback, useEffect, useState } from 'react';
import type { AssetProgrammes } from '../../shared';
import { useHubClient } from '../connection';
import { useAssetCommands } from '../state';

const PROGRAMME_TYPES = new Set(['heating.schedule', 'heating.override', 'lighting.schedule', 'gate.hours']);

/**
 * An asset's programmes and what they want now, from the hub; fetched again whenever a programme
 * command for this asset is journaled (from this console or another one).
 */
export function useAssetProgrammes(assetId: string): { programmes: AssetProgrammes | null; reload(): void } {
  const client = useHubClient();
  const commands = useAssetCommands(assetId);
  const [programmes, setProgrammes] = useState<AssetProgrammes | null>(null);
  const latest = commands.find((command) => PROGRAMME_TYPES.has(command.type))?.id;

  const reload = useCallback(() => {
    client
      .request('asset.programmes', { assetId })
      .then((reply) => setProgrammes(reply))
      .catch(() => setProgrammes(null));
  }, [client, assetId]);

  useEffect(() => reload(), [reload, latest]);
  return { programmes, reload };
}

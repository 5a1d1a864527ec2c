import { join } from 'node:path';
import type { KioskConfig } from '../../core/config/kiosk-config';
import { makePrivateDir, writePrivateFile } from '../../core/config/private-files';

/**
 * The embedded default's config file (technicians save ports into it; it holds the simulated
 * technician PIN hash), written anew at every start since the simulated ports change.
 */
export async function writeEmbeddedConfig(dataDir: string, config: KioskConfig): Promise<string> {
  makePrivateDir(dataDir);
  const configPath = join(dataDir, 'embedded-config.json');
  await writePrivateFile(configPath, JSON.stringify(config, null, 2));
  return configPath;
}

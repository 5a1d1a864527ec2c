import { z } from 'zod';
import { interfaceFromWire, type InterfaceName } from './message-catalog';

/** Common.Capabilities `interfaces[]` (InterfaceClass in CommonSchemas_g.cs), what the kiosk reads. */
const InterfaceEntry = z
  .object({
    name: z.string(),
    commands: z.record(z.string(), z.unknown()).nullable().optional(),
  })
  .loose();

/**
 * The interfaces a Common.Capabilities payload offers that the kiosk knows, each with the
 * commands it lists (undefined when it lists none). Entries it cannot read are left out.
 */
export function offeredInterfaces(
  capabilities: Record<string, unknown>,
): Map<InterfaceName, ReadonlySet<string> | undefined> {
  const offered = new Map<InterfaceName, ReadonlySet<string> | undefined>();
  const entries = Array.isArray(capabilities.interfaces) ? capabilities.interfaces : [];
  for (const entry of entries) {
    const parsed = InterfaceEntry.safeParse(entry);
    const name = parsed.success ? interfaceFromWire(parsed.data.name) : undefined;
    if (!parsed.success || !name) continue;
    const { commands } = parsed.data;
    offered.set(name, commands ? new Set(Object.keys(commands)) : undefined);
  }
  return offered;
}

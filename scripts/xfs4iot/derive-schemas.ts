/**
 * Derives devices/xfs4iot/conformance/reference-schemas.json: the payload shapes of every XFS4IoT
 * message in devices/xfs4iot/message-catalog.ts, read from the reference framework's generated
 * C# (KAL-ATM-Software/KAL_XFS4IoT_SP-Dev, Framework/Core). The conformance tests check the
 * kiosk's drivers and simulators against it, without the reference at hand.
 *
 *   npx tsx scripts/xfs4iot/derive-schemas.ts --reference <clone or bare mirror of SP-Dev>
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { format, resolveConfig } from 'prettier';
import {
  COMMAND_VERSIONS,
  COMPLETION_VERSIONS,
  EVENT_VERSIONS,
} from '../../devices/xfs4iot/message-catalog';
import {
  messageKey,
  type MessageKind,
  type ReferenceSchemas,
  type TypeDefinition,
  type TypeRef,
} from '../../devices/xfs4iot/conformance/reference-schema';
import {
  dotnetCamelCase,
  readContracts,
  type ContractClass,
  type Contracts,
} from './csharp-contracts';

export const SCHEMAS_FILE = resolve(
  import.meta.dirname,
  '../../devices/xfs4iot/conformance/reference-schemas.json',
);

const PRIMITIVES: Record<string, TypeRef> = {
  bool: 'boolean',
  int: 'integer',
  long: 'integer',
  short: 'integer',
  uint: 'integer',
  ulong: 'integer',
  double: 'number',
  float: 'number',
  decimal: 'number',
  string: 'string',
  object: 'any',
  JsonElement: 'any',
  'System.Text.Json.JsonElement': 'any',
};

/** `MessagePayloadBase` / `MessagePayload`: no properties of their own. */
const EMPTY_PAYLOAD = 'XFS4IoT.MessagePayload';

class Deriver {
  readonly types: Record<string, TypeDefinition> = {
    [EMPTY_PAYLOAD]: { kind: 'object', properties: {} },
  };

  constructor(private readonly contracts: Contracts) {}

  /** The type a C# type name stands for, seen from inside `scope` (a qualified class name). */
  typeOf(written: string, scope: string): TypeRef {
    const type = written.replace(/\?$/, '').trim();
    if (type === 'List<byte>') return 'base64';
    const list = /^List<(.+)>$/.exec(type);
    if (list) return { array: this.typeOf(list[1]!, scope) };
    const map = /^Dictionary<string,\s*(.+)>$/.exec(type);
    if (map) return { map: this.typeOf(map[1]!, scope) };
    const primitive = PRIMITIVES[type];
    if (primitive) return primitive;
    if (type === 'MessagePayloadBase' || type === 'MessagePayload') return { ref: EMPTY_PAYLOAD };
    const name = this.resolve(type, scope);
    this.define(name);
    return { ref: name };
  }

  private resolve(type: string, scope: string): string {
    const parts = scope.split('.');
    for (let length = parts.length; length >= 0; length -= 1) {
      const candidate = [...parts.slice(0, length), type].join('.');
      if (this.contracts.classes.has(candidate) || this.contracts.enums.has(candidate))
        return candidate;
    }
    throw new Error(`cannot find the type ${type} from ${scope}`);
  }

  private define(name: string): void {
    if (this.types[name]) return;
    const enumeration = this.contracts.enums.get(name);
    if (enumeration) {
      this.types[name] = { kind: 'enum', values: enumeration.members.map(dotnetCamelCase) };
      return;
    }
    const contract = this.contracts.classes.get(name)!;
    const definition: TypeDefinition = { kind: 'object', properties: {} };
    // Set before the properties: contracts may refer to themselves.
    this.types[name] = definition;
    for (const [property, written] of Object.entries(contract.properties))
      definition.properties[property] = this.typeOf(written, name);
  }

  /** The payload type of a message class: its base's type argument (`Command<X.PayloadData>`). */
  payloadOf(message: ContractClass): TypeRef {
    const argument = /<(.+)>$/.exec(message.base ?? '')?.[1];
    if (!argument) throw new Error(`${message.file}: ${message.name} has no payload type`);
    return this.typeOf(argument, message.name);
  }
}

function gitFiles(reference: string): Array<{ path: string; text: string }> {
  const git = (...args: string[]) =>
    execFileSync('git', ['-C', reference, ...args], {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
  return git('ls-tree', '-r', '--name-only', 'HEAD', 'Framework/Core')
    .split('\n')
    .filter((path) => path.endsWith('_g.cs') && !path.includes('/CoreTest/'))
    .map((path) => ({ path, text: git('show', `HEAD:${path}`) }));
}

export function deriveSchemas(
  files: Iterable<{ path: string; text: string }>,
  source: ReferenceSchemas['source'],
): ReferenceSchemas {
  const contracts = readContracts(files);
  const deriver = new Deriver(contracts);
  const wanted: Array<[MessageKind, string, string]> = [
    ...Object.entries(COMMAND_VERSIONS).map(
      ([name, version]) => ['command', name, version] as [MessageKind, string, string],
    ),
    ...Object.entries(COMPLETION_VERSIONS).map(
      ([name, version]) => ['completion', name, version] as [MessageKind, string, string],
    ),
    ...Object.entries(EVENT_VERSIONS).map(
      ([name, version]) => ['event', name, version] as [MessageKind, string, string],
    ),
  ];
  const messages: ReferenceSchemas['messages'] = {};
  const byName = new Map(
    [...contracts.classes.values()]
      .filter((contract) => contract.message)
      .map((contract) => [messageKey(contract.message!.kind, contract.message!.name), contract]),
  );
  const missing: string[] = [];
  for (const [kind, name] of wanted) {
    const contract = byName.get(messageKey(kind, name));
    if (!contract) {
      missing.push(messageKey(kind, name));
      continue;
    }
    messages[messageKey(kind, name)] = {
      version: contract.message!.version,
      file: contract.file,
      payload: deriver.payloadOf(contract),
    };
  }
  if (missing.length > 0) throw new Error(`not in the reference: ${missing.join(', ')}`);
  const types = Object.fromEntries(
    Object.entries(deriver.types).sort(([a], [b]) => a.localeCompare(b)),
  );
  return { source, messages, types };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { reference: { type: 'string' } } });
  if (!values.reference) {
    console.error('usage: derive-schemas --reference <clone or bare mirror of KAL_XFS4IoT_SP-Dev>');
    process.exit(2);
  }
  const commit = execFileSync('git', ['-C', values.reference, 'rev-parse', 'HEAD'], {
    encoding: 'utf8',
  }).trim();
  const schemas = deriveSchemas(gitFiles(values.reference), {
    repository: 'KAL-ATM-Software/KAL_XFS4IoT_SP-Dev',
    commit,
  });
  // As `prettier --check .` wants it, so a fresh derivation is the committed file byte for byte.
  const prettier = (await resolveConfig(SCHEMAS_FILE)) ?? {};
  writeFileSync(
    SCHEMAS_FILE,
    await format(JSON.stringify(schemas), { ...prettier, filepath: SCHEMAS_FILE }),
  );
  console.log(
    `wrote ${SCHEMAS_FILE}: ${Object.keys(schemas.messages).length} messages, ${Object.keys(schemas.types).length} types (reference ${commit.slice(0, 7)})`,
  );
}

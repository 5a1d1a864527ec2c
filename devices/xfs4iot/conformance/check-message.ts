import { readFileSync } from 'node:fs';
import { parseMessage } from '../envelope';
import {
  messageKey,
  type MessageKind,
  type ReferenceSchemas,
  type TypeRef,
} from './reference-schema';

let loaded: ReferenceSchemas | undefined;

/** reference-schemas.json, derived from the reference by scripts/xfs4iot/derive-schemas.ts. */
export function referenceSchemas(): ReferenceSchemas {
  loaded ??= JSON.parse(
    readFileSync(new URL('./reference-schemas.json', import.meta.url), 'utf8'),
  ) as ReferenceSchemas;
  return loaded;
}

const KIND_OF_TYPE: Record<string, MessageKind | undefined> = {
  command: 'command',
  completion: 'completion',
  event: 'event',
  unsolicited: 'event',
};

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * What is wrong with one message on the wire, measured against the reference: the envelope, the
 * message's name and version, and every payload property's name, type and enum value. Empty
 * when it conforms.
 */
export function conformanceProblems(
  text: string,
  schemas: ReferenceSchemas = referenceSchemas(),
): string[] {
  const parsed = parseMessage(text);
  if (!parsed.ok) return [`envelope: ${parsed.error}`];
  const { header, payload } = parsed.message;
  const kind = KIND_OF_TYPE[header.type];
  if (!kind) return [];
  const where = `${header.type} ${header.name}`;
  const schema = schemas.messages[messageKey(kind, header.name)];
  if (!schema) return [`${where}: not a message the kiosk's catalog derives from the reference`];
  const problems: string[] = [];
  if (header.version !== schema.version)
    problems.push(`${where}: version ${header.version}, the reference says ${schema.version}`);
  checkValue(payload ?? {}, schema.payload, `${where} payload`, schemas, problems);
  return problems;
}

function checkValue(
  value: unknown,
  type: TypeRef,
  path: string,
  schemas: ReferenceSchemas,
  problems: string[],
): void {
  // Every property in the reference is nullable (C# references and `T?`).
  if (value === null || type === 'any') return;
  if (type === 'boolean' || type === 'number' || type === 'string') {
    if (typeof value !== type) problems.push(`${path}: ${typeof value}, expected ${type}`);
    return;
  }
  if (type === 'integer') {
    if (!Number.isInteger(value)) problems.push(`${path}: expected an integer`);
    return;
  }
  if (type === 'base64') {
    if (typeof value !== 'string' || !BASE64.test(value))
      problems.push(`${path}: expected base64 data`);
    return;
  }
  if ('array' in type) {
    if (!Array.isArray(value)) return void problems.push(`${path}: expected an array`);
    value.forEach((item, index) =>
      checkValue(item, type.array, `${path}[${index}]`, schemas, problems),
    );
    return;
  }
  if ('map' in type) {
    if (typeof value !== 'object' || Array.isArray(value))
      return void problems.push(`${path}: expected an object`);
    for (const [key, item] of Object.entries(value))
      checkValue(item, type.map, `${path}.${key}`, schemas, problems);
    return;
  }
  const definition = schemas.types[type.ref];
  if (!definition) return void problems.push(`${path}: ${type.ref} is not in the schemas`);
  if (definition.kind === 'enum') {
    if (typeof value !== 'string' || !definition.values.includes(value))
      problems.push(
        `${path}: ${JSON.stringify(value)} is not one of ${definition.values.join(', ')}`,
      );
    return;
  }
  if (typeof value !== 'object' || Array.isArray(value))
    return void problems.push(`${path}: expected an object`);
  for (const [key, item] of Object.entries(value)) {
    const property = definition.properties[key];
    if (property === undefined) problems.push(`${path}.${key}: not a property in the reference`);
    else checkValue(item, property, `${path}.${key}`, schemas, problems);
  }
}

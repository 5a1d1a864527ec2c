/**
 * The shapes of the XFS4IoT messages this kiosk uses, as derived from the reference framework's
 * generated C# (KAL SP-Dev, Framework/Core/<Interface>/{Commands,Completions,Events}/*_g.cs and
 * <Interface>Schemas_g.cs) by scripts/xfs4iot/derive-schemas.ts into reference-schemas.json.
 */
export type TypeRef =
  | 'boolean'
  | 'integer'
  | 'number'
  | 'string'
  /** `List<byte>`: serialised as a base64 string (the reference's Base64Converter). */
  | 'base64'
  | 'any'
  | { array: TypeRef }
  | { map: TypeRef }
  | { ref: string };

export type TypeDefinition =
  | { kind: 'object'; properties: Record<string, TypeRef> }
  /** Values as serialised (JsonStringEnumConverter with the camel-case naming policy). */
  | { kind: 'enum'; values: string[] };

export type MessageKind = 'command' | 'completion' | 'event';

export interface MessageSchema {
  /** `[XFS4Version(Version = ...)]` of the message's class. */
  version: string;
  /** Where it was read, relative to the reference repository. */
  file: string;
  payload: TypeRef;
}

export interface ReferenceSchemas {
  source: { repository: string; commit: string };
  /** Keyed `<kind> <name>`, e.g. `completion CardReader.ReadRawData`. */
  messages: Record<string, MessageSchema>;
  types: Record<string, TypeDefinition>;
}

export const messageKey = (kind: MessageKind, name: string): string => `${kind} ${name}`;

/**
 * Reads the data contracts out of the reference framework's generated C# (KAL SP-Dev's *_g.cs):
 * classes with their `[DataMember(Name = ...)]` properties, enums, and the message attributes
 * (`[Command|Completion|Event(Name = ...)]`, `[XFS4Version(Version = ...)]`). The generated files
 * put one declaration on a line, which is all this reader relies on.
 */
export interface ContractClass {
  /** Fully qualified, e.g. `XFS4IoT.CardReader.Completions.ReadRawDataCompletion.PayloadData`. */
  name: string;
  /** The type its base list names (`Command<ReadRawDataCommand.PayloadData>`), if any. */
  base?: string;
  /** JSON name -> the C# type as written (`bool?`, `List<CardDataClass>`...). */
  properties: Record<string, string>;
  message?: { kind: 'command' | 'completion' | 'event'; name: string; version: string };
  file: string;
}

export interface ContractEnum {
  name: string;
  /** C# member names; serialised through the camel-case naming policy. */
  members: string[];
}

export interface Contracts {
  classes: Map<string, ContractClass>;
  enums: Map<string, ContractEnum>;
}

type Scope =
  | { kind: 'namespace' | 'class' | 'enum'; name: string; target?: ContractClass | ContractEnum }
  | { kind: 'block' };

const MESSAGE_ATTRIBUTE = /^\[(Command|Completion|Event)\(Name = "([^"]+)"\)\]/;

export function readContracts(files: Iterable<{ path: string; text: string }>): Contracts {
  const contracts: Contracts = { classes: new Map(), enums: new Map() };
  for (const file of files) readFile(file.path, file.text, contracts);
  return contracts;
}

function readFile(path: string, text: string, contracts: Contracts): void {
  const scopes: Scope[] = [];
  let pending: Scope | null = null;
  let version: string | undefined;
  let message: { kind: 'command' | 'completion' | 'event'; name: string } | undefined;
  let dataMember: string | undefined;
  const qualified = (name: string) =>
    [...scopes.flatMap((scope) => ('name' in scope ? [scope.name] : [])), name].join('.');

  for (const raw of text.split('\n')) {
    const line = raw.replace(/\/\/.*$/, '').trim();
    if (!line) continue;
    const top = scopes.at(-1);

    const versionMatch = /^\[XFS4Version\(Version = "([^"]+)"\)\]/.exec(line);
    if (versionMatch) version = versionMatch[1];
    const messageMatch = MESSAGE_ATTRIBUTE.exec(line);
    if (messageMatch)
      message = {
        kind: messageMatch[1]!.toLowerCase() as 'command' | 'completion' | 'event',
        name: messageMatch[2]!,
      };
    const memberMatch = /^\[DataMember\(Name = "([^"]+)"\)\]/.exec(line);
    if (memberMatch) dataMember = memberMatch[1];

    const namespaceMatch = /^namespace ([\w.]+)/.exec(line);
    const classMatch = /\bclass (\w+)(?:\s*:\s*([^{]+))?/.exec(line);
    const enumMatch = /^public enum (\w+)/.exec(line);
    if (namespaceMatch) {
      pending = { kind: 'namespace', name: namespaceMatch[1]! };
    } else if (classMatch && !line.includes('(')) {
      const target: ContractClass = {
        name: qualified(classMatch[1]!),
        properties: {},
        file: path,
        ...(classMatch[2] ? { base: classMatch[2].trim() } : {}),
        ...(message && version ? { message: { ...message, version } } : {}),
      };
      contracts.classes.set(target.name, target);
      pending = { kind: 'class', name: classMatch[1]!, target };
      message = undefined;
      version = undefined;
    } else if (enumMatch) {
      const target: ContractEnum = { name: qualified(enumMatch[1]!), members: [] };
      contracts.enums.set(target.name, target);
      pending = { kind: 'enum', name: enumMatch[1]!, target };
    } else if (dataMember && line.startsWith('public ') && top?.kind === 'class') {
      const property = /^public (.+?) (\w+) \{ get; init; \}/.exec(line);
      if (!property) throw new Error(`${path}: cannot read the property of "${dataMember}"`);
      (top.target as ContractClass).properties[dataMember] = property[1]!;
      dataMember = undefined;
      continue;
    } else if (top?.kind === 'enum' && /^\w+(\s*=\s*\d+)?,?$/.test(line)) {
      (top.target as ContractEnum).members.push(line.replace(/\s*=.*$|,$/g, ''));
      continue;
    }

    for (const char of line.replace(/"[^"]*"/g, '""')) {
      if (char === '{') {
        scopes.push(pending ?? { kind: 'block' });
        pending = null;
      } else if (char === '}') {
        if (!scopes.pop()) throw new Error(`${path}: unbalanced braces`);
      }
    }
  }
}

/** System.Text.Json's JsonNamingPolicy.CamelCase, as the reference serialises enum values. */
export function dotnetCamelCase(name: string): string {
  const isUpper = (char: string | undefined) =>
    char !== undefined && char !== char.toLowerCase() && char === char.toUpperCase();
  if (!isUpper(name[0])) return name;
  const chars = [...name];
  for (let i = 0; i < chars.length; i += 1) {
    if (i === 1 && !isUpper(chars[i])) break;
    const hasNext = i + 1 < chars.length;
    if (i > 0 && hasNext && !isUpper(chars[i + 1])) {
      if (chars[i + 1] === ' ') chars[i] = chars[i]!.toLowerCase();
      break;
    }
    chars[i] = chars[i]!.toLowerCase();
  }
  return chars.join('');
}

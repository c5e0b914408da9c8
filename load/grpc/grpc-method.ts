/**
 * A gRPC call named as `pkg.Service/Method` in a .proto file, resolved before any load: the file parsed
 * (a syntax error is `api.proto:12: …`), the service and method looked up (an unknown one lists what the
 * file has), and the request JSON checked against the request message (an unknown field or a value of the
 * wrong type names the field). Each failure is exit 2 with one line. protobufjs parses; proto-loader's
 * rules (field names as written, enums and longs as strings) serialize.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import protobuf from 'protobufjs';
import { ScalebenchError } from '../../core/errors.ts';

export interface GrpcMethod {
  /** `/pkg.Service/Method`, the HTTP/2 path */
  path: string;
  /** `pkg.Service/Method` */
  call: string;
  requestStream: boolean;
  responseStream: boolean;
  requestType: protobuf.Type;
  responseType: protobuf.Type;
}

function invalid(message: string, hint: string): ScalebenchError {
  return new ScalebenchError('SB_ERR_INVALID_ARGUMENT', message, { hint });
}

/**
 * protobufjs' "illegal token 'x' (/dir/api.proto, line 3)" or "illegal token 'x', ';' expected (line 3)"
 * → "api.proto:3: illegal token 'x', ';' expected"
 */
export function parseErrorLine(message: string, file: string): string {
  const match = /^(.*?)\s*\((?:(.+?), )?line (\d+)\)\s*$/.exec(message);
  if (!match) return `${basename(file)}: ${message}`;
  return `${basename(match[2] ?? file)}:${match[3]}: ${match[1]}`;
}

export function loadProtoRoot(file: string): protobuf.Root {
  try {
    readFileSync(file);
  } catch (error: unknown) {
    throw invalid(
      `cannot read --proto ${file} (${(error as { code?: string }).code ?? 'error'})`,
      'pass --proto the path of the .proto file that defines the service',
    );
  }
  try {
    const root = new protobuf.Root();
    root.loadSync(file, { keepCase: true });
    root.resolveAll();
    return root;
  } catch (error: unknown) {
    const message = error instanceof Error ? error.message : String(error);
    throw invalid(
      `--proto does not parse: ${parseErrorLine(message, file)}`,
      'fix the .proto file (protoc --lint would say the same)',
    );
  }
}

function servicesOf(root: protobuf.NamespaceBase): protobuf.Service[] {
  return root.nestedArray.flatMap((nested) => {
    if (nested instanceof protobuf.Service) return [nested];
    if (nested instanceof protobuf.Namespace) return servicesOf(nested);
    return [];
  });
}

/** `pkg.Service/Method` in the parsed file */
export function resolveMethod(root: protobuf.Root, call: string): GrpcMethod {
  const slash = call.lastIndexOf('/');
  const serviceName = call.slice(0, slash).replace(/^\//, '');
  const methodName = call.slice(slash + 1);
  if (slash <= 0 || methodName === '') {
    throw invalid(`--call '${call}' is not pkg.Service/Method`, 'e.g. --call helloworld.Greeter/SayHello');
  }
  const services = servicesOf(root);
  const service = services.find((candidate) => candidate.fullName.slice(1) === serviceName);
  if (!service) {
    const known = services.map((candidate) => candidate.fullName.slice(1)).join(', ') || 'none';
    throw invalid(
      `--call: no service ${serviceName} in the proto (services: ${known})`,
      'name the service with its package, e.g. pkg.Service/Method',
    );
  }
  const method = service.methods[methodName];
  if (!method) {
    throw invalid(
      `--call: service ${serviceName} has no method ${methodName} (methods: ${Object.keys(service.methods).join(', ')})`,
      'method names are case-sensitive, as in the proto',
    );
  }
  method.resolve();
  return {
    path: `/${serviceName}/${methodName}`,
    call: `${serviceName}/${methodName}`,
    requestStream: Boolean(method.requestStream),
    responseStream: Boolean(method.responseStream),
    requestType: method.resolvedRequestType!,
    responseType: method.resolvedResponseType!,
  };
}

/** The first field of `value` that `type` has no room for, or a value of the wrong type; null when it fits. */
export function misfit(type: protobuf.Type, value: unknown, path = ''): string | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return `${path || 'the request'} is not a JSON object (message ${type.fullName.slice(1)})`;
  }
  for (const [key, item] of Object.entries(value)) {
    const field = type.fields[key] ?? type.fieldsArray.find((candidate) => candidate.name === camel(key));
    const where = path ? `${path}.${key}` : key;
    if (!field) {
      return `field '${where}' is not in message ${type.fullName.slice(1)} (fields: ${type.fieldsArray.map((f) => f.name).join(', ') || 'none'})`;
    }
    field.resolve();
    if (field.resolvedType instanceof protobuf.Type && item !== null) {
      const items = field.repeated && Array.isArray(item) ? item : [item];
      for (const [index, element] of items.entries()) {
        const inner = misfit(field.resolvedType, element, field.repeated ? `${where}[${index}]` : where);
        if (inner) return inner;
      }
    }
  }
  return verifyFields(type, value as Record<string, unknown>, path);
}

function camel(name: string): string {
  return name.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
}

/** scalar fields whose JSON value cannot become the field's type ("abc" for an int32, 5 for a bool) */
function verifyFields(type: protobuf.Type, value: Record<string, unknown>, path: string): string | null {
  for (const [key, item] of Object.entries(value)) {
    const field = type.fields[key] ?? type.fieldsArray.find((candidate) => candidate.name === camel(key))!;
    if (item === null || field.resolvedType instanceof protobuf.Type) continue;
    const items = field.repeated ? (Array.isArray(item) ? item : null) : [item];
    const where = path ? `${path}.${key}` : key;
    if (items === null) return `field '${where}' is repeated: give a JSON array`;
    const enumType = field.resolvedType instanceof protobuf.Enum ? field.resolvedType : undefined;
    const bad = items.find((element) =>
      enumType ? !enumFits(enumType, element) : !scalarFits(field.type, element),
    );
    const typeName = enumType ? enumType.fullName.slice(1) : field.type;
    if (bad !== undefined) return `field '${where}' is ${typeName}, not ${JSON.stringify(bad).slice(0, 40)}`;
  }
  return null;
}

const INTEGER_TYPES = new Set([
  'int32',
  'uint32',
  'sint32',
  'fixed32',
  'sfixed32',
  'int64',
  'uint64',
  'sint64',
  'fixed64',
  'sfixed64',
]);

function enumFits(type: protobuf.Enum, value: unknown): boolean {
  if (typeof value === 'string') return value in type.values;
  return typeof value === 'number' && Object.values(type.values).includes(value);
}

function scalarFits(type: string, value: unknown): boolean {
  if (type === 'string') return typeof value === 'string';
  if (type === 'bool') return typeof value === 'boolean';
  if (type === 'bytes') return typeof value === 'string';
  if (type === 'double' || type === 'float')
    return (
      typeof value === 'number' ||
      (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
    );
  if (INTEGER_TYPES.has(type)) {
    const number = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
    return typeof number === 'number' && Number.isInteger(number);
  }
  return true;
}

/** The request JSON (text) → the encoded message, checked against the method's request type. */
export function encodeRequest(method: GrpcMethod, json: string, flag = '--data'): Buffer {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error: unknown) {
    throw invalid(
      `${flag} is not JSON: ${error instanceof Error ? error.message : String(error)}`,
      `e.g. ${flag} '{"name":"world"}'`,
    );
  }
  const problem = misfit(method.requestType, value);
  if (problem) {
    throw invalid(
      `${flag} does not fit ${method.call}'s request: ${problem}`,
      `the request is a ${method.requestType.fullName.slice(1)} message`,
    );
  }
  const message = method.requestType.fromObject(value as Record<string, unknown>);
  return Buffer.from(method.requestType.encode(message).finish());
}

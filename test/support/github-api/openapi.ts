/**
 * GitHub's own OpenAPI description of the operations the gate calls, compiled into validators.
 * The stand-in checks every request against it and every response it sends, so neither the client
 * nor the stand-in can drift from what GitHub really accepts and returns.
 */
import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS: NodeNext types its default import as the whole module.
const addFormats = addFormatsModule.default;

type JsonSchema = Record<string, unknown>;

interface ParameterSpec {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema: JsonSchema;
}

interface OperationSpec {
  parameters: ParameterSpec[];
  requestBody?: JsonSchema;
  responses: Record<string, { description: string; schema?: JsonSchema }>;
}

export interface Operation {
  /** `METHOD /path/{template}`, the key in operations.json. */
  key: string;
  method: string;
  pattern: RegExp;
  pathParameterNames: string[];
}

export interface ValidationResult<T> {
  /** The data after coercion and defaults (query strings become numbers, per_page gets 30). */
  value: T;
  errors: ErrorObject[];
}

const operationsFile = new URL('../../fixtures/third-party/github-openapi/operations.json', import.meta.url);
const specs = (
  JSON.parse(readFileSync(operationsFile, 'utf8')) as { operations: Record<string, OperationSpec> }
).operations;

// GitHub lets these parameters span several path segments (a file path, `heads/feature/x`).
const MULTI_SEGMENT_PARAMETERS = new Set(['path', 'ref', 'branch']);

const operations: Operation[] = Object.keys(specs).map((key) => {
  const [method = '', template = ''] = key.split(' ');
  const pathParameterNames: string[] = [];
  const source = template
    .split(/(\{[a-z_]+\})/)
    .map((part) => {
      const name = /^\{([a-z_]+)\}$/.exec(part)?.[1];
      if (name === undefined) return part.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
      pathParameterNames.push(name);
      return MULTI_SEGMENT_PARAMETERS.has(name) ? '(.+)' : '([^/]+)';
    })
    .join('');
  return {
    key,
    method,
    pattern: new RegExp(`^${source}$`),
    pathParameterNames,
  };
});

/** The operation a request is for; undefined for a route GitHub does not have (or a malformed `%` escape). */
export function findOperation(
  method: string,
  pathname: string,
): { operation: Operation; pathParameters: Record<string, string> } | undefined {
  for (const operation of operations) {
    if (operation.method !== method) continue;
    const match = operation.pattern.exec(pathname);
    if (!match) continue;
    try {
      const pathParameters = Object.fromEntries(
        operation.pathParameterNames.map((name, index) => [name, decodeURIComponent(match[index + 1] ?? '')]),
      );
      return { operation, pathParameters };
    } catch {
      return undefined;
    }
  }
  return undefined;
}

export function isOperationKey(key: string): boolean {
  return key in specs;
}

/**
 * OpenAPI 3.0 marks nullable fields with `nullable: true`; ajv only honours it next to `type`, and
 * even then still rejects null when an `enum` lists no null (GitHub's `conclusion` is such a field).
 * Rewriting to plain JSON Schema keeps GitHub's meaning: the field may also be null.
 */
function toJsonSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(toJsonSchema);
  if (typeof schema !== 'object' || schema === null) return schema;
  const converted: JsonSchema = {};
  for (const [keyword, value] of Object.entries(schema)) {
    if (keyword === 'nullable') continue;
    if (keyword === 'properties' && typeof value === 'object' && value !== null) {
      converted[keyword] = Object.fromEntries(
        Object.entries(value).map(([name, s]) => [name, toJsonSchema(s)]),
      );
    } else if (['enum', 'const', 'default', 'example', 'examples', 'required'].includes(keyword)) {
      converted[keyword] = value;
    } else {
      converted[keyword] = toJsonSchema(value);
    }
  }
  if ((schema as JsonSchema).nullable !== true) return converted;
  if (typeof converted.type !== 'string') return { anyOf: [converted, { type: 'null' }] };
  converted.type = [converted.type, 'null'];
  if (Array.isArray(converted.enum)) converted.enum = [...(converted.enum as unknown[]), null];
  return converted;
}

function newAjv(coerceTypes: boolean): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: true, coerceTypes, useDefaults: coerceTypes });
  addFormats(ajv);
  return ajv;
}

// Parameters arrive as strings and are coerced; bodies and responses must already have the right types.
const parameterAjv = newAjv(true);
const documentAjv = newAjv(false);

// Compiled on first use and kept for the whole test file: compiling every schema up front costs ~1 s.
const compiled = new Map<string, ValidateFunction>();

function compile(cacheKey: string, ajv: Ajv, schema: () => unknown): ValidateFunction {
  let validate = compiled.get(cacheKey);
  if (!validate) {
    validate = ajv.compile(toJsonSchema(schema()) as JsonSchema);
    compiled.set(cacheKey, validate);
  }
  return validate;
}

function specOf(operation: Operation): OperationSpec {
  const spec = specs[operation.key];
  if (!spec) throw new Error(`no operation ${operation.key} in operations.json`);
  return spec;
}

function run<T>(validate: ValidateFunction, data: unknown): ValidationResult<T> {
  return { value: data as T, errors: validate(data) ? [] : [...(validate.errors ?? [])] };
}

/**
 * Query parameters GitHub does not define are errors here, though GitHub ignores them: a misspelt
 * `check_name` would silently return unfiltered results on GitHub, so the stand-in makes it loud.
 */
export function validateParameters(
  operation: Operation,
  location: 'path' | 'query',
  values: Record<string, string>,
): ValidationResult<Record<string, unknown>> {
  const validate = compile(`${operation.key} ${location}`, parameterAjv, () => {
    const parameters = specOf(operation).parameters.filter((parameter) => parameter.in === location);
    return {
      type: 'object',
      properties: Object.fromEntries(parameters.map((parameter) => [parameter.name, parameter.schema])),
      required: parameters.filter((parameter) => parameter.required).map((parameter) => parameter.name),
      additionalProperties: false,
    };
  });
  return run(validate, { ...values });
}

export function validateRequestBody(operation: Operation, body: unknown): ValidationResult<unknown> {
  const schema = specOf(operation).requestBody;
  if (!schema) return { value: body, errors: [] };
  return run(
    compile(`${operation.key} body`, documentAjv, () => schema),
    body,
  );
}

/** Responses without a schema in GitHub's description (a 401, say) have nothing to check. */
export function validateResponseBody(operation: Operation, status: number, body: unknown): ErrorObject[] {
  const schema = specOf(operation).responses[String(status)]?.schema;
  if (!schema) return [];
  return run(
    compile(`${operation.key} ${status}`, documentAjv, () => schema),
    body,
  ).errors;
}

/**
 * TypeBox schemas shared by the route groups: they validate requests, serialize responses and become the OpenAPI
 * document's components, so the three never disagree.
 */
import { type TSchema, Type } from 'typebox';

/**
 * A feature value: a JSON scalar. A type list rather than a union: one check and one error per value instead of
 * one per branch.
 */
export const Scalar = Type.Unsafe<number | string | boolean | null>({
  type: ['number', 'string', 'boolean', 'null'],
});

/** A prediction or a label: a JSON scalar other than null. */
export const Label = Type.Unsafe<number | string | boolean>({ type: ['number', 'string', 'boolean'] });

/**
 * An object with any keys whose values match `value` (`additionalProperties`, which validates faster than
 * TypeBox's `Record` with its `^.*$` pattern and reads better in OpenAPI).
 */
export function Dict<T>(value: TSchema, options: { maxProperties?: number; description?: string } = {}) {
  return Type.Unsafe<Record<string, T>>({ type: 'object', additionalProperties: value, ...options });
}

/** `{error: {code, message, details?}}`, the body of every error response. */
export const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.String(),
      message: Type.String(),
      details: Type.Optional(Type.Unknown()),
    }),
  },
  { description: 'an error: a stable code from the catalogue, a message, and details where they help' },
);

const errorDescriptions: Record<number, string> = {
  400: 'invalid request (VALIDATION with {index, field, problem} details, or a core error code)',
  401: 'no API key, or an unknown or revoked one (UNAUTHORIZED)',
  403: 'the key’s role may not call this route (FORBIDDEN)',
  404: 'no such model or resource',
  409: 'the resource exists already (CONFLICT)',
  413: 'body larger than the limit (PAYLOAD_TOO_LARGE)',
  415: 'unsupported Content-Type (UNSUPPORTED_MEDIA_TYPE)',
  429: 'write path full: retry after the Retry-After seconds (OVERLOADED)',
  503: 'store unavailable or server shutting down (UNAVAILABLE)',
};

/** Response schemas of the error statuses a route can answer with (401 and 403 are added for keyed routes). */
export function errorResponses(...statuses: number[]): Record<number, TSchema> {
  const out: Record<number, TSchema> = {};
  for (const status of statuses) {
    out[status] = Type.Object(ErrorResponse.properties, {
      description: errorDescriptions[status] ?? 'error',
    });
  }
  return out;
}

/** Model names: a letter or digit, then letters, digits, `.`, `_` or `-` (URL-safe, up to 128). */
export const ModelName = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$' });
export const VersionName = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._+-]{0,127}$' });

export const ModelParams = Type.Object({ model: Type.String({ minLength: 1, maxLength: 128 }) });

export const Task = Type.Union([
  Type.Literal('binary'),
  Type.Literal('multiclass'),
  Type.Literal('regression'),
]);

export const ModelSchemaType = Type.Object(
  {
    features: Type.Array(
      Type.Object({
        name: Type.String({ minLength: 1 }),
        kind: Type.Union([Type.Literal('numerical'), Type.Literal('categorical')]),
      }),
    ),
    positive: Type.Optional(Type.String()),
    classes: Type.Optional(Type.Array(Type.String())),
  },
  { additionalProperties: false },
);

export const ModelType = Type.Object({
  name: Type.String(),
  task: Task,
  description: Type.Optional(Type.String()),
  windowMs: Type.Integer({ description: 'tumbling window length, ms' }),
  schema: Type.Optional(ModelSchemaType),
  activeVersion: Type.Optional(Type.String()),
  createdAt: Type.Number({ description: 'ms since the Unix epoch' }),
  updatedAt: Type.Number(),
});

export const VersionType = Type.Object({
  model: Type.String(),
  version: Type.String(),
  description: Type.Optional(Type.String()),
  createdAt: Type.Number(),
});

export const ReferenceType = Type.Object({
  id: Type.Integer(),
  model: Type.String(),
  version: Type.Optional(Type.String()),
  source: Type.String(),
  rows: Type.Integer(),
  schema: ModelSchemaType,
  createdAt: Type.Number(),
});

export const RoleType = Type.Union([Type.Literal('admin'), Type.Literal('ingest'), Type.Literal('read')]);

export const ApiKeyType = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  role: RoleType,
  prefix: Type.String({ description: 'the first characters of the key, to tell keys apart' }),
  createdAt: Type.Number(),
  lastUsedAt: Type.Optional(Type.Number()),
  revokedAt: Type.Optional(Type.Number()),
});

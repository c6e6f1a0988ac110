// The OpenAPI document of the REST API, as committed in contracts/generated/openapi.json (written by
// scripts/contracts/generate.ts, checked for drift by test/contracts-generated). Importing it costs one JSON
// module load (about 115 KB minified in a bundle); nothing is built at runtime. Serve it as it is from
// GET /v1/openapi.json.
import document from '../../contracts/generated/openapi.json' with { type: 'json' };

/** The OpenAPI 3.1 document object. Read-only: every request of the process shares it. */
export const openApiDocument: Readonly<Record<string, unknown>> = document;

// Every JSON Schema the hub publishes under contracts/generated/schemas/ (and snapshots in contracts/published/): the
// envelope, each task type's input, request and result, and each pushed body.
import { envelopeSchema, taskTypeSchemas, type SchemaDoc } from './schemas.ts';
import { wireSchemas } from './wire.ts';

export function allSchemas(): SchemaDoc[] {
  return [envelopeSchema(), ...taskTypeSchemas(), ...wireSchemas()];
}

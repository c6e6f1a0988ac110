// Every route of the API, documented: `<METHOD> <path>` → its operation. Every route of the topology must have one
// (the OpenAPI build fails naming it), and a handler's answer must have the type of its `success.schema`.
import type * as z from 'zod/mini';
import { childOperations } from './children.ts';
import { incidentOperations } from './incidents.ts';
import { importOperations } from './imports.ts';
import { institutionOperations } from './institutions.ts';
import { metaOperations } from './meta.ts';
import { partnerOperations } from './partner.ts';
import { supervisionOperations } from './supervision.ts';
import { transferOperations } from './transfers.ts';

export const operations = {
  ...metaOperations,
  ...childOperations,
  ...partnerOperations,
  ...institutionOperations,
  ...transferOperations,
  ...incidentOperations,
  ...importOperations,
  ...supervisionOperations,
};
export type OperationKey = keyof typeof operations;

/** The status and body a route answers with when it succeeds. */
export type Success<K extends OperationKey> = {
  status: (typeof operations)[K]['success']['status'];
  body: z.input<(typeof operations)[K]['success']['schema']>;
};

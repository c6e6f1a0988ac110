// Staff: transfers from a county centre to its city institution (移交, 三(一)).
// Each route's documentation and the schemas of its body and answer (spec.ts).
import { HandOverRequest, InstitutionTransfers, TransferCreated, TransferReceived, TransferRequest, TransferView, VisitRequest } from '../transfers.ts';
import { AUTH, type OperationSpec } from './spec.ts';

export const transferOperations = {
  'GET /v1/institutions/{institutionId}/transfers': {
    operationId: 'listInstitutionTransfers',
    tag: 'staff',
    summary: 'Transfers into and out of an institution, with what is outstanding',
    success: { status: 200, schema: InstitutionTransfers, description: 'Incoming and outgoing transfers' },
    errors: [400, ...AUTH, 404],
  },
  'POST /v1/transfers': {
    operationId: 'openTransfer',
    tag: 'staff',
    summary: 'A county centre opens the transfer of children to its city institution (移交, 三(一))',
    description:
      'Staff of the county centre. Opens per child the hukou migration (or records the exemption) and the ' +
      'school-record transfer. 409 when a child still needs its foundling report or is in another transfer.',
    body: TransferRequest,
    success: { status: 201, schema: TransferCreated, description: 'The transfer was opened' },
    errors: [400, ...AUTH, 404, 409],
  },
  'GET /v1/transfers/{transferId}': {
    operationId: 'getTransfer',
    tag: 'staff',
    summary: 'A transfer, as both institutions and their city supervisor see it',
    success: { status: 200, schema: TransferView, description: 'The transfer' },
    errors: [400, ...AUTH, 404],
  },
  'POST /v1/transfers/{transferId}/send': {
    operationId: 'sendTransferChildren',
    tag: 'staff',
    summary: 'The county centre hands children over (移送)',
    body: HandOverRequest,
    success: { status: 200, schema: TransferView, description: 'The transfer' },
    errors: [400, ...AUTH, 404, 409],
  },
  'POST /v1/transfers/{transferId}/receive': {
    operationId: 'receiveTransferChildren',
    tag: 'staff',
    summary: 'The city institution receives children (接收); receipt is their admission there',
    body: HandOverRequest,
    success: { status: 200, schema: TransferReceived, description: 'The transfer and the tasks opened' },
    errors: [400, ...AUTH, 404, 409],
  },
  'POST /v1/transfers/{transferId}/visits': {
    operationId: 'recordTransferVisit',
    tag: 'staff',
    summary: 'Record a visit under the entrusted-care agreement (委托代养)',
    body: VisitRequest,
    success: { status: 201, schema: TransferView, description: 'The transfer' },
    errors: [400, ...AUTH, 404, 409],
  },
} satisfies Record<string, OperationSpec>;

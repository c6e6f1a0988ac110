// API Gateway's own refusals (before the authorizer or a handler answers: no or a bad token, an unknown path, too
// large a body, throttling, a timeout) carry Chinese beside its English message, from the one table
// (contracts/api/messages-zh.ts), as the local gateway's do. The status codes stay API Gateway's.
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import { gatewayZh, type GatewayFailure } from '../contracts/api/messages-zh.ts';

/** Each gateway response type → what went wrong, in the table's terms. */
export const GATEWAY_RESPONSES: readonly [apigateway.ResponseType, GatewayFailure][] = [
  [apigateway.ResponseType.UNAUTHORIZED, 'unauthorized'],
  [apigateway.ResponseType.ACCESS_DENIED, 'forbidden'],
  // API Gateway answers an unknown path or method with 403 "Missing Authentication Token".
  [apigateway.ResponseType.MISSING_AUTHENTICATION_TOKEN, 'not_found'],
  [apigateway.ResponseType.BAD_REQUEST_BODY, 'bad_request'],
  [apigateway.ResponseType.BAD_REQUEST_PARAMETERS, 'bad_request'],
  [apigateway.ResponseType.REQUEST_TOO_LARGE, 'payload_too_large'],
  [apigateway.ResponseType.THROTTLED, 'throttled'],
  [apigateway.ResponseType.INTEGRATION_TIMEOUT, 'gateway_timeout'],
  [apigateway.ResponseType.AUTHORIZER_FAILURE, 'authorizer_error'],
  [apigateway.ResponseType.DEFAULT_4XX, 'bad_request'],
  [apigateway.ResponseType.DEFAULT_5XX, 'bad_gateway'],
];

/** The mapping template: API Gateway's message as it is, and the Chinese (a JSON string literal). */
export const gatewayTemplate = (failure: GatewayFailure) =>
  `{"message":$context.error.messageString,"message_zh":${JSON.stringify(gatewayZh[failure])}}`;

export function addGatewayResponses(api: apigateway.RestApi): void {
  for (const [type, failure] of GATEWAY_RESPONSES) {
    api.addGatewayResponse(`GatewayResponse${type.responseType}`, {
      type,
      templates: { 'application/json': gatewayTemplate(failure) },
    });
  }
}

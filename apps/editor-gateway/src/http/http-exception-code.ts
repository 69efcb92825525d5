import { HttpException } from '@nestjs/common';
import { GatewayError } from './gateway-error';

/**
 * Nest raises HttpExceptions for what happens before a handler runs: no route (404),
 * unparseable JSON (400, from body-parser) and bodies over the limit (413). Each gets a
 * stable code; the body is named as the field at fault so the IDE can point at it.
 */
export function fromHttpException(exception: HttpException): GatewayError {
  const status = exception.getStatus();
  switch (status) {
    case 404:
      return new GatewayError(404, 'HTTP.NOT_FOUND', `There is no such route: ${exception.message.replace(/^Cannot /, '')}.`);
    case 400:
      if (exception.cause instanceof SyntaxError) {
        return new GatewayError(400, 'REQUEST.INVALID_JSON', `The request body is not valid JSON: ${exception.message}`, { field: 'body' });
      }
      return new GatewayError(400, 'REQUEST.INVALID', exception.message);
    case 413:
      return new GatewayError(413, 'REQUEST.TOO_LARGE', 'The request body is larger than this server accepts; save fewer or smaller files at once.', {
        field: 'body',
      });
    default:
      return new GatewayError(status, `HTTP.${status}`, exception.message);
  }
}

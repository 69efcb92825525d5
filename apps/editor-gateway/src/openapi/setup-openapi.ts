import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from '@imad/sessions';

export const DOCS_PATH = 'api/docs';

/** `/api/docs` (Swagger UI) and `/api/docs/openapi.json`, generated from the controllers and their zod schemas. */
export function setupOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('imad editor-gateway')
    .setDescription(
      'The browser-facing API of imad: workspace files, saves (commits), deploys, app logs. ' +
        'Every /api call needs the session cookie; state-changing calls also the CSRF header. ' +
        'Errors: { error: { code, message, field?, details? } }. ' +
        'Live status and log lines: WebSocket /api/live (see docs/WORKSPACE.md).',
    )
    .setVersion('1')
    .addCookieAuth(SESSION_COOKIE, { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE }, 'session')
    .addApiKey({ type: 'apiKey', in: 'header', name: CSRF_HEADER, description: `The value of the ${CSRF_COOKIE} cookie` }, 'csrf')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  // Health, readiness and metrics are for the platform, not the browser: not part of this API.
  document.paths = Object.fromEntries(Object.entries(document.paths).filter(([path]) => path.startsWith('/api/')));
  SwaggerModule.setup(DOCS_PATH, app, document, { jsonDocumentUrl: `${DOCS_PATH}/openapi.json`, raw: ['json'] });
}

import { Controller, Get, Header, Inject } from '@nestjs/common';
import type { Config } from '../config';
import { CONFIG } from '../tokens';

/**
 * `GET /auth/providers`: which sign-in the sign-in page should offer. Local accounts are
 * the embedded default; a configured GitHub app replaces them.
 */
@Controller('auth')
export class ProvidersHttpController {
  constructor(@Inject(CONFIG) private readonly config: Config) {}

  @Get('providers')
  @Header('Cache-Control', 'no-store')
  providers() {
    return { providers: [this.config.AUTH_PROVIDER === 'github' ? 'github' : 'local'] };
  }
}

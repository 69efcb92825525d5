import { Controller, Get } from '@nestjs/common';
import { AuthErrors } from '../errors';

/** With AUTH_PROVIDER=local the GitHub routes still answer, with a page that says what to do instead. */
@Controller('auth/github')
export class GitHubDisabledHttpController {
  @Get(['', 'callback'])
  disabled(): never {
    throw AuthErrors.providerDisabled('GitHub', 'your imad username and password');
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { Counter, Registry } from 'prom-client';

/** What operators watch on /metrics: sign-ins by provider, refusals by error code. */
@Injectable()
export class AuthMetrics {
  readonly sessionsStarted: Counter<'provider'>;
  readonly usersRegistered: Counter<'provider'>;
  readonly refusals: Counter<'code' | 'status'>;

  constructor(@Inject(Registry) registry: Registry) {
    this.sessionsStarted = new Counter({ name: 'imad_auth_sessions_started_total', help: 'Sessions started (sign-ups and sign-ins)', labelNames: ['provider'], registers: [registry] });
    this.usersRegistered = new Counter({ name: 'imad_auth_users_registered_total', help: 'user.registered events confirmed by the broker', labelNames: ['provider'], registers: [registry] });
    this.refusals = new Counter({ name: 'imad_auth_errors_total', help: 'Requests answered with an error, by code', labelNames: ['code', 'status'], registers: [registry] });
  }
}

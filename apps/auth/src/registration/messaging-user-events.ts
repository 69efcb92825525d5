import { UserRegistered, type PayloadOf } from '@imad/contracts';
import type { Publisher } from '@imad/messaging';
import type { UserEvents } from './user-events';

/** Adapter: topic exchange `imad.events`, routing key `user.registered`, publisher confirms. */
export class MessagingUserEvents implements UserEvents {
  constructor(private readonly publisher: Publisher) {}

  async userRegistered(payload: PayloadOf<typeof UserRegistered>, messageId: string): Promise<void> {
    await this.publisher.publishEvent(UserRegistered, payload, { id: messageId });
  }
}

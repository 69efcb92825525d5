import { jestConfig } from '../../jest.preset.js';

// Needs the real RabbitMQ from scripts/infra.sh (AMQP_URL overrides the address).
export default jestConfig(import.meta.dirname, 'int');

import { jestConfig } from '../../jest.preset.js';

// Needs the real Redis of scripts/infra.sh.
export default jestConfig(import.meta.dirname, 'int');

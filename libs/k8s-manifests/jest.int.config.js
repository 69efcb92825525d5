import { jestConfig } from '../../jest.preset.js';

// Needs nginx on PATH (Debian's nginx package, as the chart's router runs it).
export default jestConfig(import.meta.dirname, 'int');

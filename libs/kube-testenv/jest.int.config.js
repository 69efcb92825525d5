import { jestConfig } from '../../jest.preset.js';

// Needs the control plane from scripts/kube-testenv.sh; ensureKubeTestEnv() starts it.
export default jestConfig(import.meta.dirname, 'int');

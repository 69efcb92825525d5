import { jestConfig } from '../../jest.preset.js';

// Needs helm and the control plane from scripts/kube-testenv.sh (ensureKubeTestEnv() starts
// it) and Debian's nginx (nginx-light) for the router test.
export default jestConfig(import.meta.dirname, 'int');

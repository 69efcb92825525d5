export { ensureKubeTestEnv, parseEnv, type KubeTestEnv } from './testenv';
export {
  createTestNamespace,
  deleteNamespace,
  testNamespaceName,
  TEST_NAMESPACE_LABEL,
  useTestNamespace,
  waitForNamespaceGone,
  type TestNamespace,
  type TestNamespaceOptions,
} from './namespace';
export { kubeStatusOf, serverSideApply, type ApplyOptions } from './apply';

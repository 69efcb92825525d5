import { labelValue } from './names';

/** Label and annotation keys the platform reads back (router, tracker, undeploy). */
export const LABELS = {
  name: 'app.kubernetes.io/name',
  instance: 'app.kubernetes.io/instance',
  component: 'app.kubernetes.io/component',
  managedBy: 'app.kubernetes.io/managed-by',
  partOf: 'app.kubernetes.io/part-of',
  app: 'imad.dev/app',
} as const;

export const ANNOTATIONS = {
  /** The deploy revision the object was applied for; an older revision never replaces it. */
  revision: 'imad.dev/revision',
  deployId: 'imad.dev/deploy-id',
  commit: 'imad.dev/commit',
  /** The app's name as the platform knows it (labels may be hashed). */
  app: 'imad.dev/app-name',
} as const;

export const MANAGED_BY = 'imad-deployer';

/** Selects every object the deployer made (for the tracker's watch). */
export const MANAGED_SELECTOR = `${LABELS.managedBy}=${MANAGED_BY}`;

/** Labels on every object of one app; the first two also select its pods. */
export function appLabels(app: string, name: string): Record<string, string> {
  return {
    ...selectorLabels(app, name),
    [LABELS.name]: 'student-app',
    [LABELS.managedBy]: MANAGED_BY,
    [LABELS.partOf]: 'imad',
  };
}

export function selectorLabels(app: string, name: string): Record<string, string> {
  return { [LABELS.app]: labelValue(app), [LABELS.instance]: name };
}

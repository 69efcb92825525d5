// Jest globalTeardown: the run's vhost goes, with every queue in it (in the background).
import { deleteVhostInBackground } from './vhost-ctl.js';

export default async function teardown() {
  if (process.env.GW_TEST_VHOST) deleteVhostInBackground(process.env.GW_TEST_VHOST);
}

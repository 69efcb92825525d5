export {
  appGitCredential,
  checkAppGitCredential,
  cloneUrlWithCredential,
  parseBasicAuth,
  type CredentialCheck,
  type GitCredential,
} from './app-credential';

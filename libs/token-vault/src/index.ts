/**
 * @imad/token-vault — GitHub tokens encrypted at rest.
 *
 * Configuration: `TOKEN_ENCRYPTION_KEYS=id:hex64[,id2:hex64…]` (32-byte AES keys as 64 hex
 * characters). The FIRST key encrypts, ALL keys decrypt. To rotate: put a new key first
 * and keep the old one listed; tokens are re-sealed under the new key as they are read
 * (`get`), and a user's next sign-in writes under the new key anyway. Drop the old key
 * once no record names it (`SCAN imad:github-token:*`, look at the key id in `sealed`).
 *
 * ```ts
 * // config.ts
 * TOKEN_ENCRYPTION_KEYS: keyringSchema,          // -> Keyring; a bad value names the variable
 * // service
 * const vault = new TokenVault(redis, config.TOKEN_ENCRYPTION_KEYS);
 * await vault.put(userId, token, { scopes: ['public_repo'] });   // auth, at sign-in
 * const t = await vault.get(userId);  // repo: { token, scopes, updatedAt, keyId } | null
 * await vault.delete(userId);
 * ```
 * `get` throws AppError `TOKEN_VAULT.UNKNOWN_KEY` (sealed under a key no longer configured),
 * `TOKEN_VAULT.DECRYPT_FAILED` (tampered, or key material changed) or `TOKEN_VAULT.CORRUPT`;
 * in every case the remedy is the student signing in again. Tokens are never logged:
 * `Keyring` serialises to key ids only.
 *
 * Redis: `imad:github-token:<userId>` → JSON `{ sealed, scopes, updatedAt }`, no expiry
 * (GitHub OAuth app tokens do not expire), where `sealed` = `v1.<keyId>.<iv>.<ct>.<tag>`
 * with the user id as authenticated data.
 */
export { Keyring, keyringSchema, parseKeyring } from './keyring';
export { open, seal, sealedKeyId } from './seal';
export { tokenKey, TokenVault, type VaultToken } from './token-vault';

/**
 * Where to go after signing in: only a path on this site (`/…`, not `//host` or a full URL),
 * so a crafted link cannot send a student elsewhere after they typed their password.
 */
export function safeNext(raw: string | null | undefined): string {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return '/';
  if ([...raw].some((c) => c.charCodeAt(0) < 0x20)) return '/';
  if (raw.startsWith('/signin')) return '/';
  return raw;
}

/** Who a session belongs to: enough for the gateway to act without asking `auth`. */
export interface SessionUser {
  userId: string;
  login: string;
  appName: string;
  provider: 'github' | 'local';
}

/** A live session as stored in Redis (times are epoch milliseconds). */
export interface StoredSession {
  user: SessionUser;
  createdAt: number;
  /** Absolute end: sliding renewal never goes past it. */
  maxExpiresAt: number;
  /** Idle timeout chosen by the writer; renewal on resolve uses it. */
  idleMs: number;
  /** sha256 of the CSRF token issued with this session (see csrf.ts). */
  csrfHash: string;
}

export interface Session extends StoredSession {
  /** When the session ends if unused (after this resolution's renewal). */
  expiresAt: number;
}

/** What `create` hands back once: the secrets go into cookies and nowhere else. */
export interface IssuedSession {
  id: string;
  csrfToken: string;
  session: Session;
  /** For the cookies' Max-Age: until the absolute end. */
  maxAgeSeconds: number;
}

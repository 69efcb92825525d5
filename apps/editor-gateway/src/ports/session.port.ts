/**
 * The signed-in student as the gateway needs them. Everything a route does is scoped by
 * these fields; nothing in a request body or query can name another user or app.
 */
export interface Student {
  userId: string;
  login: string;
  appName: string;
}

/** A resolved session: the student, and what the CSRF check binds to (opaque here). */
export interface StudentSession {
  student: Student;
  csrfHash: string;
}

export interface CsrfInput {
  method: string;
  headers: Record<string, string | string[] | undefined>;
}

/** Reads sessions that `auth` wrote (Redis, via @imad/sessions); the gateway never creates them. */
export interface SessionPort {
  /** The session for this Cookie header, or null when there is none or it expired / was signed out. */
  resolve(cookieHeader: string | undefined): Promise<StudentSession | null>;
  /** Session-bound double submit (x-csrf-token = imad_csrf cookie = the token issued with the session) + Origin. */
  checkCsrf(req: CsrfInput, session: StudentSession): { ok: true } | { ok: false; reason: string };
}

export const SESSION_PORT = Symbol('SESSION_PORT');

/** Injection tokens for what is not a class: configuration and clients. */
export const CONFIG = Symbol('Config');
export const REDIS = Symbol('Redis');
export const COOKIE_POLICY = Symbol('CookiePolicy');

/** The parsed configuration, injectable (parsed once in main.ts, or by a test). */
export const APP_CONFIG = Symbol('APP_CONFIG');

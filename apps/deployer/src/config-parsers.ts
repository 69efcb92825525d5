import { z } from 'zod';

// Field parsers of the deployer's own variables (the shared ones are in @imad/config).

/** A DNS label (namespace names, scheduler names). */
export const label = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/** A Kubernetes resource quantity (250m, 256Mi). */
export const quantity = (what: string) => z.string().regex(/^\d+(\.\d+)?(m|Ki|Mi|Gi|k|M|G)?$/, `must be a Kubernetes quantity for ${what}, e.g. 250m or 256Mi`);

/** A comma-separated list whose items all match `item`. */
export const list = (item: RegExp, message: string) =>
  z
    .string()
    .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
    .refine((items) => items.length > 0 && items.every((i) => item.test(i)), message);

/** `k=v,k=v` → a label map. */
export const labelMap = z.string().transform((v, ctx) => {
  const out: Record<string, string> = {};
  for (const pair of v.split(',').map((s) => s.trim()).filter(Boolean)) {
    const [k, val] = pair.split('=');
    if (!k || val === undefined) ctx.addIssue({ code: 'custom', message: `"${pair}" is not key=value` });
    else out[k] = val;
  }
  return out;
});


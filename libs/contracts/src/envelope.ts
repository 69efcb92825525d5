import { z } from 'zod';
import type { MessageContract } from './define';

/** Every message on the wire is this envelope around a versioned payload. */
export const envelopeSchema = z.object({
  type: z.string().min(1),
  v: z.number().int().positive(),
  id: z.string().min(1).max(128),
  occurredAt: z.iso.datetime(),
  correlationId: z.string().max(128).optional(),
  payload: z.unknown(),
});

export type Envelope<T = unknown> = Omit<z.infer<typeof envelopeSchema>, 'payload'> & { payload: T };

export type DecodeResult<T> = { ok: true; envelope: Envelope<T> } | { ok: false; reason: string };

/** Parses raw bytes into a typed envelope, or says exactly why it cannot. Never throws. */
export function decodeEnvelope<T extends z.ZodType>(contract: MessageContract<T>, raw: Buffer | string): DecodeResult<z.infer<T>> {
  let json: unknown;
  try {
    json = JSON.parse(typeof raw === 'string' ? raw : raw.toString('utf8'));
  } catch {
    return { ok: false, reason: 'body is not valid JSON' };
  }
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) return { ok: false, reason: `bad envelope: ${formatIssues(envelope.error)}` };
  if (envelope.data.type !== contract.type) {
    return { ok: false, reason: `unexpected type "${envelope.data.type}", expected "${contract.type}"` };
  }
  if (envelope.data.v !== contract.version) {
    return { ok: false, reason: `unsupported version ${envelope.data.v} of ${contract.type} (this consumer understands v${contract.version})` };
  }
  const payload = contract.payload.safeParse(envelope.data.payload);
  if (!payload.success) return { ok: false, reason: `invalid ${contract.type} payload: ${formatIssues(payload.error)}` };
  return { ok: true, envelope: { ...envelope.data, payload: payload.data } };
}

export function encodeEnvelope<T extends z.ZodType>(
  contract: MessageContract<T>,
  payload: z.infer<T>,
  meta: { id: string; correlationId?: string; occurredAt?: Date },
): Buffer {
  const checked = contract.payload.parse(payload);
  const envelope: Envelope = {
    type: contract.type,
    v: contract.version,
    id: meta.id,
    occurredAt: (meta.occurredAt ?? new Date()).toISOString(),
    ...(meta.correlationId ? { correlationId: meta.correlationId } : {}),
    payload: checked,
  };
  return Buffer.from(JSON.stringify(envelope));
}

/** "payload.app: Too small; payload.commit: Invalid" — the field path first, for people and DLQ readers. */
export function formatIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
}

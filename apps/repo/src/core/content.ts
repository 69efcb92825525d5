import { isUtf8 } from 'node:buffer';

/** How far git itself looks for a NUL byte to call a file binary (`buffer_is_binary`). */
const SNIFF_BYTES = 8000;

/**
 * Binary = git's rule (a NUL in the first 8000 bytes) or not valid UTF-8. The second part
 * matters because text goes to the browser as a JS string: bytes that are not UTF-8 would
 * be replaced and the file mangled on the next save, so they travel as base64 instead.
 */
export function isBinary(content: Buffer): boolean {
  return content.subarray(0, SNIFF_BYTES).includes(0) || !isUtf8(content);
}

export function encodeContent(content: Buffer): { binary: boolean; encoding: 'utf8' | 'base64'; content: string } {
  const binary = isBinary(content);
  return binary ? { binary, encoding: 'base64', content: content.toString('base64') } : { binary, encoding: 'utf8', content: content.toString('utf8') };
}

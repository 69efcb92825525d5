import { encodeContent, isBinary } from './content';

describe('binary detection', () => {
  it('treats UTF-8 text as text and returns it unchanged', () => {
    expect(encodeContent(Buffer.from('héllo ✓\n'))).toEqual({ binary: false, encoding: 'utf8', content: 'héllo ✓\n' });
  });

  it('treats a NUL byte early in the file as binary, like git', () => {
    expect(isBinary(Buffer.from([0x41, 0x00, 0x42]))).toBe(true);
  });

  it('treats bytes that are not UTF-8 as binary so they round-trip through base64', () => {
    const latin1 = Buffer.from([0x63, 0x61, 0x66, 0xe9]);
    const encoded = encodeContent(latin1);
    expect(encoded).toEqual({ binary: true, encoding: 'base64', content: latin1.toString('base64') });
    expect(Buffer.from(encoded.content, 'base64').equals(latin1)).toBe(true);
  });

  it('treats an empty file as text', () => {
    expect(isBinary(Buffer.alloc(0))).toBe(false);
  });
});

import { cacheControlFor, contentTypeFor } from './cache-policy';

describe('cacheControlFor', () => {
  it('caches content-hashed assets forever', () => {
    expect(cacheControlFor('assets/index-3FQ2ZB7K.js')).toBe('public, max-age=31536000, immutable');
    expect(cacheControlFor('assets/chunk-AB12CD34.js')).toBe('public, max-age=31536000, immutable');
  });

  it('revalidates the HTML that names the hashes, and unhashed files', () => {
    expect(cacheControlFor('index.html')).toBe('no-cache');
    expect(cacheControlFor('signin.html')).toBe('no-cache');
    expect(cacheControlFor('assets/logo.svg')).toBe('no-cache');
    expect(cacheControlFor('favicon-12345678.ico')).toBe('no-cache');
  });
});

describe('contentTypeFor', () => {
  it('names scripts, styles and pages with their charset', () => {
    expect(contentTypeFor('assets/a-12345678.js')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('weird.bin')).toBe('application/octet-stream');
  });
});

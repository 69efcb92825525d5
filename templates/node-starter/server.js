// A complete web server in one file, using only what ships with Node.js.
// The platform tells the app which port to listen on through the PORT variable.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const port = Number(process.env.PORT ?? 3000);
const publicDir = join(import.meta.dirname, 'public');
const types = { '.css': 'text/css', '.js': 'text/javascript', '.png': 'image/png', '.svg': 'image/svg+xml' };

const page = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Hello from my first app</title>
    <link rel="stylesheet" href="/style.css">
  </head>
  <body>
    <main>
      <h1>Hello, world!</h1>
      <p>This page is served by <code>server.js</code>. Change it, save, and press Deploy.</p>
    </main>
  </body>
</html>`;

const server = createServer(async (req, res) => {
  const path = new URL(req.url, 'http://localhost').pathname;
  if (path === '/') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    return res.end(page);
  }
  // Serve files from public/; normalize() keeps requests like /../server.js inside it.
  const file = join(publicDir, normalize(path));
  if (file.startsWith(publicDir)) {
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
      return res.end(body);
    } catch {
      // not found: fall through
    }
  }
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
  res.end('Not found');
});

server.listen(port, () => console.log(`Listening on port ${port}`));

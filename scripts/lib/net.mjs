// Loopback helpers shared by the scripts that start servers (e2e, bench, load, screenshots).
import { createServer } from 'node:net';

/** A free loopback port (the OS picks; closed again before use). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

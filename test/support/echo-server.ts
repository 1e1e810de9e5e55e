// A backend for ingress tests: answers every request with JSON naming its Service, pod and
// namespace and echoing the request's path, host and headers (upstream's echoserver).
// WebSocket upgrades are answered by echoing frames back. Run as its own process:
//   node echo-server.js  (ECHO_SERVICE, ECHO_POD, ECHO_NAMESPACE, ECHO_HOST, ECHO_LISTEN_PORT)
// Not ECHO_PORT: a Service named "echo" gives its pods ECHO_PORT=tcp://… (Kubernetes' docker-link variables).
import { createServer } from 'node:http';
import { WebSocketServer } from 'ws';

const service = process.env.ECHO_SERVICE ?? '';
const pod = process.env.ECHO_POD ?? '';
const namespace = process.env.ECHO_NAMESPACE ?? '';
const server = createServer((req, res) => {
  let size = 0;
  req.on('data', (chunk: Buffer) => (size += chunk.length));
  req.on('end', () => {
    // /bytes/N: N bytes of payload (benches' large responses).
    const bytes = /^\/bytes\/(\d+)$/.exec(req.url ?? '');
    if (bytes) {
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': Number(bytes[1]) });
      res.end(Buffer.alloc(Number(bytes[1]), 120));
      return;
    }
    const body = JSON.stringify({ service, pod, namespace, method: req.method, path: req.url, host: req.headers.host, headers: req.headers, bodyBytes: size });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(body);
  });
});
const wss = new WebSocketServer({ server });
wss.on('connection', (socket) => socket.on('message', (data) => socket.send(`${pod}:${data.toString()}`)));
server.listen(Number(process.env.ECHO_LISTEN_PORT ?? 8080), process.env.ECHO_HOST ?? '127.0.0.1', () => process.stdout.write('listening\n'));
process.once('SIGTERM', () => process.exit(0));

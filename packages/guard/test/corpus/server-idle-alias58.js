// JS, session 58 (issue 9), from blind set fresh312 (@netlify/agent-runner-cli's bundle): a connection handler
// handed to `createServer` by a name that aliases another name (`const onConnection = handle`) has no parameters
// of its own to read. It crashed the file's check ("Cannot read properties of undefined"); it is skipped now.
import net from "node:net";

function handle(socket) {
  socket.setTimeout(30000); // expect: no-hardcoded-timeout
}
const onConnection = handle;
net.createServer(onConnection);

export function connect(host) {
  return net.connect({ host, port: 80, timeout: 0 }); // expect: no-unbounded-timeout
}

// JS `no-hardcoded-timeout`, session 64 (issue 9), from blind set fresh410 (@hellocoop/mockin): the object a server
// handler sends as a response's body (`reply.send({ status: "pending", timeout: 120 })`, `res.status(202).json(...)`)
// tells the client something; nothing in this process waits on it. A request the handler makes itself stays reported.
import axios from "axios";

export function pending(request, reply) {
  reply.header("Retry-After", "5");
  return reply.send({ status: "pending", location: request.url, timeout: 120 });
}

export function accepted(req, res) {
  res.status(202).json({ id: req.params.id, pollTimeout: 30000 });
}

export async function proxy(req, res) {
  const answer = await axios.get(req.query.url, { timeout: 5000 }); // expect: no-hardcoded-timeout
  res.json(answer.data);
}

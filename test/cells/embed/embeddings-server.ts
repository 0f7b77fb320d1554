import {createServer, type IncomingMessage} from "node:http";
import type {AddressInfo} from "node:net";

/** What the test server saw of one request. */
export interface SeenRequest {
  readonly path: string;
  readonly authorization: string | undefined;
  readonly body: {model: string; input: string[]; dimensions?: number};
}

/** What the test server answers: a status, headers and a body; undefined for the normal embeddings. */
export type Reply = {status: number; headers?: Record<string, string>; body: unknown} | undefined;

/** A server on 127.0.0.1 that speaks OpenAI's embeddings wire format, scripted per request. */
export interface EmbeddingsServer {
  readonly baseURL: string;
  readonly requests: SeenRequest[];
  /** The most requests it ever had in flight at once. */
  readonly maxInFlight: number;
  close(): Promise<void>;
}

/** A deterministic 4-d "embedding" of a text, for checking what comes back. */
export function fakeEmbedding(text: string): number[] {
  const vowels = (text.match(/[aeiou]/gi) ?? []).length;
  let hash = 0;
  for (const char of text) hash = (hash * 31 + char.charCodeAt(0)) % 1000;
  return [text.length, vowels, hash / 1000, -1];
}

/**
 * Starts the server. `script(request, index)` may answer a request (by its 0-based arrival index) itself;
 * otherwise it returns every input's fakeEmbedding, in reverse order with their indices (as a server may).
 * Each answer waits `delayMs`, so that concurrency can be observed.
 */
export async function embeddingsServer(
  script: (request: SeenRequest, index: number) => Reply = () => undefined,
  delayMs = 0
): Promise<EmbeddingsServer> {
  const requests: SeenRequest[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const server = createServer(async (incoming, response) => {
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    const request: SeenRequest = {
      path: incoming.url ?? "",
      authorization: incoming.headers.authorization,
      body: JSON.parse(await readBody(incoming)) as SeenRequest["body"]
    };
    const index = requests.push(request) - 1;
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    const reply = script(request, index) ?? {
      status: 200,
      body: {
        object: "list",
        model: request.body.model,
        data: request.body.input
          .map((text, i) => ({object: "embedding", index: i, embedding: fakeEmbedding(text)}))
          .reverse()
      }
    };
    inFlight -= 1;
    response.writeHead(reply.status, {"content-type": "application/json", ...reply.headers});
    response.end(typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const {port} = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    get maxInFlight() {
      return maxInFlight;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      })
  };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

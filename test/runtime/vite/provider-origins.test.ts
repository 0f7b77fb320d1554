import assert from "node:assert/strict";
import {test} from "node:test";
import {parseNotebook} from "../../../src/runtime/notebook/parse.ts";
import {providerOrigins} from "../../../src/runtime/vite/provider-origins.ts";

const notebook = (...sources: string[]) =>
  parseNotebook(
    `<notebook>${sources.map((source) => `<script type="application/vnd.observable.javascript">${source}</script>`).join("")}</notebook>`,
    "test.html"
  );

test("providerOrigins() finds the origin of each literal baseURL in the cells, once", () => {
  const cells = notebook(
    `a = px.embed(d, {method: {provider: "openai-compatible", baseURL: "https://api.example.org/v1", model: "m"}})`,
    `b = px.embed(d, {method: {provider: "openai-compatible", "baseURL": 'http://127.0.0.1:8080/v1/', model: "m"}})`,
    `c = ({baseURL: \`https://api.example.org/v2\`})`
  );
  assert.deepEqual(providerOrigins(cells), ["https://api.example.org", "http://127.0.0.1:8080"]);
});

test("providerOrigins() ignores a baseURL computed at run time, one that is not a URL, and other schemes", () => {
  const cells = notebook(
    `a = ({baseURL: location.origin + "/v1"})`,
    "b = ({baseURL: `${host}/v1`})",
    `c = ({baseURL: "not a url"})`,
    `d = ({baseURL: "javascript:alert(1)"})`
  );
  assert.deepEqual(providerOrigins(cells), []);
});

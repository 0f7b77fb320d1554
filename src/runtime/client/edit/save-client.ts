import {SAVE_TOKEN_HEADER, SAVE_URL, type SaveRequest, type SaveResponse} from "../protocol.ts";

/** Posts a save to the dev server; a network failure or an answer that is no SaveResponse reads as refused. */
export async function postSave(request: SaveRequest, token: string): Promise<SaveResponse> {
  try {
    const response = await fetch(SAVE_URL, {
      method: "POST",
      headers: {"Content-Type": "application/json", [SAVE_TOKEN_HEADER]: token},
      body: JSON.stringify(request)
    });
    const body = (await response.json()) as Partial<SaveResponse>;
    if (body.status === "saved" || body.status === "conflict" || body.status === "refused")
      return body as SaveResponse;
    return {status: "refused", reason: `the server answered ${response.status}`};
  } catch (error) {
    return {status: "refused", reason: `the dev server cannot be reached (${String(error)})`};
  }
}

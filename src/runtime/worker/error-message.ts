import type {WorkerMessage} from "./types.ts";

type ErrorMessage = Extract<WorkerMessage, {type: "error"}>;

/** Worker side: what a task threw, as a message (errors do not survive structured cloning everywhere). */
export function toErrorMessage(id: number, error: unknown): ErrorMessage {
  if (error instanceof Error)
    return {type: "error", id, name: error.name, message: error.message, stack: error.stack};
  return {type: "error", id, name: "Error", message: String(error), stack: undefined};
}

/** Host side: the task's error again, with its name, message and the worker's stack. */
export function fromErrorMessage({name, message, stack}: ErrorMessage): Error {
  const error = new Error(message);
  error.name = name;
  if (stack !== undefined) error.stack = stack;
  return error;
}

// embed: an embedding feature computed from a column: word vectors, tabular encoding, pixels, or an API.
export {embed} from "./embed.ts";
export type {EmbedHooks, EmbedMethod, EmbedOptions, ProviderMethod} from "./options.ts";
export type {EmbeddingCache} from "./provider/cache.ts";
export {EmbedError} from "./errors.ts";
export type {EmbedStage} from "./errors.ts";

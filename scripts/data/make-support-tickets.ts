// Builds the support-ticket example datasets (see notebooks/data/README.md): an online store's customer
// tickets in the Open Inference format, "training" (the reference: four weeks the ticket router was trained
// on) and "production" (the primary: the four weeks after). Topics: login, billing, shipping, bug, account.
// On day 14 of production the store launches a loyalty rewards programme and its failures (missing points,
// vouchers that do not redeem) become a third of the tickets: a topic the router has never seen, so it files
// every one of them under another topic. That is the drift the example notebook finds.
// The router is a nearest-centroid classifier over the same "words" embedding the notebook computes
// (src/cells/embed/words), fitted on the training tickets: an honest model with honest mistakes.
// Run: node --import tsx scripts/data/make-support-tickets.ts   (deterministic: the same files every time)
import {writeFileSync} from "node:fs";
import {Float64, Int32, Table, TimestampMillisecond, Utf8, vectorFromArray} from "apache-arrow";
import {writeParquet} from "../fixtures/parquet-writer.ts";
import {Random} from "../../src/cells/random.ts";
import {embedWords} from "../../src/cells/embed/words/embed-words.ts";
import {wordModel} from "../../src/cells/embed/words/word-asset.ts";
import {Ticker} from "../../src/cells/embed/ticker.ts";
import {ticketText, type Topic} from "./ticket-texts.ts";

const data = new URL("../../notebooks/data/", import.meta.url);
const random = new Random(2024);
const DAY = 86_400_000;
const START = Date.UTC(2024, 0, 8); // training: Jan 8 – Feb 5, production: Feb 5 – Mar 4 (Mondays)
const PRODUCTION = START + 28 * DAY;
const REWARDS_LAUNCH = PRODUCTION + 14 * DAY;

/** The usual mix of topics, before the rewards programme. */
const MIX: readonly (readonly [Topic, number])[] = [
  ["login", 0.22],
  ["billing", 0.22],
  ["shipping", 0.26],
  ["bug", 0.15],
  ["account", 0.15]
];
const REWARDS_SHARE = 0.35;
const CHANNELS = ["email", "chat", "chat", "web form", "phone"];
const PLANS = ["basic", "basic", "basic", "plus", "plus", "business"];

function usualTopic(): Topic {
  let u = random.float();
  for (const [topic, share] of MIX) if ((u -= share) < 0) return topic;
  return MIX[MIX.length - 1]![0];
}

/** A time within [from, from + days): weekdays busier than weekends, office hours busier than nights (UTC). */
function ticketTime(from: number, days: number): number {
  for (;;) {
    const day = random.below(days);
    const weekend = new Date(from + day * DAY).getUTCDay() % 6 === 0;
    if (weekend && random.float() < 0.5) continue;
    const hour = random.float() < 0.8 ? 8 + random.float() * 10 : random.float() * 24;
    return from + day * DAY + Math.floor(hour * 3_600_000);
  }
}

interface Tickets {
  readonly times: number[];
  readonly topics: Topic[];
  readonly texts: string[];
}

function tickets(count: number, from: number, days: number): Tickets {
  const times = Array.from({length: count}, () => ticketTime(from, days)).sort((a, b) => a - b);
  const topics = times.map((t) =>
    t >= REWARDS_LAUNCH && random.float() < REWARDS_SHARE ? "rewards" : usualTopic()
  );
  return {times, topics, texts: topics.map((topic) => ticketText(topic, random))};
}

const training = tickets(1000, START, 28);
const production = tickets(1200, PRODUCTION, 28);

// The router: nearest class centroid in the words embedding, fitted on the training tickets.
const model = await wordModel();
const embedded = async ({texts}: Tickets) =>
  embedWords(vectorFromArray(texts, new Utf8()), "text", model, new Ticker());
const trainingVectors = await embedded(training);
const dim = trainingVectors.dim;
const classes = MIX.map(([topic]) => topic);
const centroids = classes.map(() => new Float64Array(dim));
const counts = classes.map(() => 0);
training.topics.forEach((topic, i) => {
  const c = classes.indexOf(topic);
  ++counts[c]!;
  for (let j = 0; j < dim; ++j) centroids[c]![j]! += trainingVectors.vectors[i * dim + j]!;
});
centroids.forEach((centroid, c) => centroid.forEach((_, j) => (centroid[j]! /= counts[c]!)));

function route(vectors: Float32Array, i: number): {label: Topic; score: number} {
  const distances = centroids.map((centroid) => {
    let sum = 0;
    for (let j = 0; j < dim; ++j) sum += (vectors[i * dim + j]! - centroid[j]!) ** 2;
    return Math.sqrt(sum);
  });
  const sorted = [...distances].sort((a, b) => a - b);
  // Confidence: how much nearer the best class is than the runner-up, in [0, 1].
  return {label: classes[distances.indexOf(sorted[0]!)]!, score: 1 - sorted[0]! / sorted[1]!};
}

async function table(name: string, set: Tickets): Promise<Table> {
  const {vectors} = set === training ? trainingVectors : await embedded(set);
  const routed = set.texts.map((_, i) => route(vectors, i));
  const column = (values: string[]) => vectorFromArray(values, new Utf8());
  return new Table({
    ticket_id: column(set.times.map((_, i) => `${name}-${String(i).padStart(4, "0")}`)),
    created_at: vectorFromArray(
      set.times.map((t) => new Date(t)),
      new TimestampMillisecond()
    ),
    text: column(set.texts),
    channel: column(set.texts.map(() => CHANNELS[random.below(CHANNELS.length)]!)),
    plan: column(set.texts.map(() => PLANS[random.below(PLANS.length)]!)),
    word_count: vectorFromArray(
      set.texts.map((text) => text.split(/\s+/).length),
      new Int32()
    ),
    predicted_topic: column(routed.map((r) => r.label)),
    confidence: vectorFromArray(
      routed.map((r) => r.score),
      new Float64()
    ),
    topic: column(set.topics)
  });
}

const tables = {
  training: await table("training", training),
  production: await table("production", production)
};
for (const [name, t] of Object.entries(tables))
  writeFileSync(new URL(`support-tickets-${name}.parquet`, data), writeParquet(t));
const schema = {
  prediction_id_column_name: "ticket_id",
  timestamp_column_name: "created_at",
  feature_column_names: ["channel", "plan", "word_count"],
  prediction_label_column_name: "predicted_topic",
  prediction_score_column_name: "confidence",
  actual_label_column_name: "topic"
};
writeFileSync(new URL("support-tickets-schema.json", data), `${JSON.stringify(schema, null, 2)}\n`);

for (const [name, t] of Object.entries(tables)) {
  const [p, a] = [t.getChild("predicted_topic")!, t.getChild("topic")!];
  let right = 0;
  let rewards = 0;
  for (let i = 0; i < t.numRows; ++i) {
    if (p.get(i) === a.get(i)) ++right;
    if (a.get(i) === "rewards") ++rewards;
  }
  console.log(
    `${name}: ${t.numRows} tickets, ${rewards} on rewards, accuracy ${(right / t.numRows).toFixed(3)}`
  );
}

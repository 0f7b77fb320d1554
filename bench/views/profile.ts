// A CPU profile of the bench page's minClusterSize → recoloured frame path (page.recolor at 10k points), through
// the Chrome DevTools Protocol: prints the functions with the most self time and the recolor medians.
// Run: node --import tsx bench/views/profile.ts [ROUNDS]   (figures only; nothing here is asserted)
import {openBenchPage} from "./index.ts";
import type {RecolorTimes, ViewsBenchPage} from "./page-main.ts";

interface ProfileNode {
  id: number;
  callFrame: {functionName: string; url: string; lineNumber: number};
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const rounds = Number(process.argv[2] ?? 9);
const {page, close} = await openBenchPage(false);
try {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", {interval: 200});
  await cdp.send("Profiler.start");
  const times: RecolorTimes = await page.evaluate(
    ([n, rounds]) => (window as unknown as ViewsBenchPage).recolor(n, rounds),
    [10_000, rounds] as const
  );
  const {profile} = (await cdp.send("Profiler.stop")) as unknown as {profile: Profile};
  // Self time per function: each sample's delta goes to the node it landed in.
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const {functionName, url, lineNumber} = byId.get(id)!.callFrame;
    const key = `${functionName || "(anonymous)"} ${url.split("/").pop()}:${lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30))
    console.log(`${ms.toFixed(1).padStart(8)} ms ${((100 * ms) / total).toFixed(1).padStart(5)}%  ${key}`);
  const median = (v: number[]) => [...v].sort((a, b) => a - b)[v.length >> 1]!.toFixed(1);
  console.log(
    `minClusterSize → frame ${median(times.minClusterSize)} ms, cluster() ${median(times.clusterOnly)} ms, colorBy ${median(times.colorBy)} ms (${rounds} rounds)`
  );
} finally {
  await close();
}

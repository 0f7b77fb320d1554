import assert from "node:assert/strict";
import {test} from "node:test";
import {divergence, driftMetric} from "../../../src/cells/drift/divergence.ts";

// Primary counts [3, 1, 0] and reference counts [1, 2, 0]: the third bin is empty on both sides and dropped,
// so d = 2; N_p = 4, N_q = 3. Smoothed: p = [(3+1)/(4+2), (1+1)/6] = [2/3, 1/3], q = [(1+1)/(3+2), (2+1)/5] = [2/5, 3/5].
const primary = [3, 1, 0];
const reference = [1, 2, 0];
const [p1, p2, q1, q2] = [2 / 3, 1 / 3, 2 / 5, 3 / 5];

test("divergence('kl') = Σ p ln(p/q) over smoothed bins, empty bins dropped", () => {
  // 2/3 ln(5/3) + 1/3 ln(5/9) = 0.34055 − 0.19593 = 0.14462
  assert.ok(
    Math.abs(divergence("kl", primary, reference) - (p1 * Math.log(p1 / q1) + p2 * Math.log(p2 / q2))) < 1e-15
  );
  assert.ok(Math.abs(divergence("kl", primary, reference) - 0.1446215) < 1e-6);
});

test("divergence('psi') = Σ (p − q) ln(p/q) = KL(p‖q) + KL(q‖p)", () => {
  // (4/15) ln(5/3) + (−4/15) ln(5/9) = 0.13622 + 0.15674 = 0.29296
  assert.ok(Math.abs(divergence("psi", primary, reference) - 0.2929633) < 1e-6);
  const reverse = divergence("kl", reference, primary);
  assert.ok(
    Math.abs(divergence("psi", primary, reference) - (divergence("kl", primary, reference) + reverse)) < 1e-12
  );
});

test("divergence('js') is the square root of the JS divergence, natural logs", () => {
  // m = [8/15, 7/15]; JSD = ½[2/3 ln(5/4) + 1/3 ln(5/7)] + ½[2/5 ln(3/4) + 3/5 ln(9/7)] = 0.0361604; √ = 0.190159
  assert.ok(Math.abs(divergence("js", primary, reference) - Math.sqrt(0.0361604)) < 1e-6);
});

test("divergence() of an empty primary still has a value: every kept bin gets 1/d", () => {
  // Reference [2, 2]: d = 2, p = [1/2, 1/2], q = [3/6, 3/6] → KL = 0
  assert.equal(divergence("kl", [0, 0], [2, 2]), 0);
  // Reference [3, 1]: q = [4/6, 2/6], p = [1/2, 1/2]; KL = ½ ln(3/4) + ½ ln(3/2)
  assert.ok(
    Math.abs(divergence("kl", [0, 0], [3, 1]) - (0.5 * Math.log(3 / 4) + 0.5 * Math.log(3 / 2))) < 1e-15
  );
});

test("driftMetric() names a bad metric and the choices", () => {
  assert.throws(() => driftMetric("psl"), {message: 'unknown metric: "psl" (expected psi, kl or js)'});
});

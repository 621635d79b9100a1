/**
 * Properties: the ingest schema, canonical JSON and the hash chain, each
 * against thousands of generated values. Fixed seeds: a failure replays the same way everywhere.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NewDecision, type Decision, type NewDecisionInput } from '@shared/schemas/decision';
import { Explanation } from '@shared/schemas/explanation';
import { explainDecision, missingLabels } from '@shared/explain';
import { DEMO_MODEL_ENTRIES } from '../../server/demo/models';
import { buildEvent, canonicalJson } from '../../server/domain/hash-chain';
import { checkChain } from '../../server/audit/verify';
import { testConfig } from '../../server/config';
import { toRecord } from '../../server/decisions/ingest';
import { policiesFromConfig } from '../../server/domain/policies';
import type { ChainEvent, EventAction } from '../../server/storage/store';

const SEED = 8_2026;
const runs = (numRuns = 300) => ({ seed: SEED, numRuns });

// ---- generators of valid decisions ------------------------------------------------------------

const featureName = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,24}$/);
const identifier = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,30}$/);
const finite = fc.double({ noNaN: true, noDefaultInfinity: true });
const probability = fc.double({ min: 0, max: 1, noNaN: true });
const inputValue = fc.oneof(finite, fc.string({ maxLength: 60 }), fc.boolean(), fc.constant(null));
const instant = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2026-11-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString());

const outputs = {
  renewal_price: fc.record({ currency: fc.stringMatching(/^[A-Z]{3}$/), previousPremiumCents: fc.maxSafeNat(), newPremiumCents: fc.maxSafeNat() }),
  // flagged follows score ≥ threshold and only a flagged claim has an action: the contract refuses an output that contradicts itself.
  fraud_flag: fc
    .record({ claimId: identifier, score: probability, threshold: probability, action: fc.constantFrom('hold_payment', 'refer_investigation') })
    .map(({ action, ...o }) => ({ ...o, flagged: o.score >= o.threshold, action: o.score >= o.threshold ? action : 'none' })),
  risk_score: fc.record({ score: probability, band: fc.constantFrom('low', 'medium', 'high', 'very_high') }),
};

/** Names every object inherits: a lookup with `in` or `obj[name]` finds them where nothing was put. */
const INHERITED = ['toString', 'constructor', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', 'toLocaleString'];

/** Any decision the ingest contract allows, of any type. */
const decisionOf = (names = featureName, codes = identifier, strings = fc.string({ maxLength: 60 })): fc.Arbitrary<NewDecisionInput> =>
  fc.constantFrom('renewal_price', 'fraud_flag', 'risk_score').chain((type) =>
    fc
      .record({
        inputs: fc.dictionary(names, fc.oneof(finite, strings, fc.boolean(), fc.constant(null)), { minKeys: 1, maxKeys: 15 }),
        output: outputs[type] as fc.Arbitrary<Record<string, unknown>>,
        idempotencyKey: fc.string({ minLength: 1, maxLength: 200 }),
        memberId: identifier,
        policyId: fc.option(identifier, { nil: undefined }),
        model: fc.record({ id: identifier, version: identifier }),
        decidedAt: instant,
        legalBasis: fc.constantFrom('contract', 'law', 'consent'),
        specialCategoryData: fc.option(fc.boolean(), { nil: undefined }),
        reasonCodes: fc.array(fc.record({ code: codes, description: fc.option(fc.string({ maxLength: 100 }), { nil: undefined }) }), { maxLength: 5 }),
        summary: fc.option(fc.string({ maxLength: 200 }), { nil: undefined }),
        pick: fc.array(fc.tuple(fc.nat(), finite), { maxLength: 8 }),
        counterfactual: fc.option(fc.tuple(fc.nat(), inputValue, inputValue, fc.string({ minLength: 1, maxLength: 80 })), { nil: undefined }),
      })
      .map((r) => {
        const features = Object.keys(r.inputs);
        const feature = (i: number) => features[i % features.length]!;
        const decision: Record<string, unknown> = {
          type,
          idempotencyKey: r.idempotencyKey,
          subject: { memberId: r.memberId, ...(r.policyId ? { policyId: r.policyId } : {}), ...(type === 'fraud_flag' ? { claimId: r.output.claimId } : {}) },
          model: r.model,
          decidedAt: r.decidedAt,
          legalBasis: r.legalBasis,
          ...(r.specialCategoryData === undefined ? {} : { specialCategoryData: r.specialCategoryData }),
          inputs: r.inputs,
          output: r.output,
          rationale: {
            reasonCodes: r.reasonCodes.map((c) => (c.description === undefined ? { code: c.code } : c)),
            contributions: r.pick.map(([i, contribution]) => ({ feature: feature(i), contribution })),
            ...(r.counterfactual
              ? {
                  counterfactuals: [
                    { feature: feature(r.counterfactual[0]), from: r.counterfactual[1], to: r.counterfactual[2], outcome: r.counterfactual[3] },
                  ],
                }
              : {}),
            ...(r.summary === undefined ? {} : { summary: r.summary }),
          },
        };
        return decision as unknown as NewDecisionInput;
      }),
  );
const validDecision = decisionOf();

/** Any JSON a client could send, and a valid decision with one subtree swapped for such JSON. */
const anyJson = fc.jsonValue({ maxDepth: 6 });
function paths(value: unknown, prefix: string[] = []): string[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  return [prefix, ...Object.entries(value).flatMap(([k, v]) => paths(v, [...prefix, k]))];
}
const bent = fc.oneof(anyJson, fc.string(), fc.constantFrom('', 'NaN', 'aaa', '2026-13-45T25:61:00Z', -1, 1e308, '__proto__', '😀'));
const mutatedDecision = fc.tuple(validDecision, fc.nat(), bent).map(([decision, pick, replacement]) => {
  const copy = structuredClone(decision) as unknown as Record<string, unknown>;
  const all = paths(copy).filter((p) => p.length > 0);
  const path = all[pick % all.length]!;
  let parent: any = copy;
  for (const key of path.slice(0, -1)) parent = parent[key];
  parent[path[path.length - 1]!] = replacement;
  return copy;
});

// ---- the schema -----------------------------------------------------------------------------

describe('the NewDecision schema', () => {
  it('never throws, whatever JSON arrives', () => {
    fc.assert(
      fc.property(fc.oneof(anyJson, mutatedDecision, fc.anything()), (value) => {
        const result = NewDecision.safeParse(value);
        expect(typeof result.success).toBe('boolean');
      }),
      runs(1000),
    );
  });

  it('accepts every decision the contract allows', () => {
    fc.assert(
      fc.property(validDecision, (decision) => {
        const result = NewDecision.safeParse(decision);
        expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
      }),
      runs(500),
    );
  });

  const badMoney = fc.oneof(
    fc.integer({ max: -1 }),
    fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Number.isInteger(n)),
    fc.constantFrom(NaN, Infinity, -Infinity, 2 ** 53, 1e300),
  );
  const badScore = fc.oneof(
    fc.double({ max: -Number.MIN_VALUE, noNaN: true }),
    fc.double({ min: 1.0000001, noNaN: true }),
    fc.constantFrom(NaN, Infinity, -Infinity),
  );

  it('rejects money that is negative, fractional, unsafe or not a number, naming the field', () => {
    fc.assert(
      fc.property(
        validDecision.filter((d) => d.type === 'renewal_price'),
        fc.constantFrom('previousPremiumCents', 'newPremiumCents'),
        badMoney,
        (decision, field, value) => {
          const bad = structuredClone(decision) as any;
          bad.output[field] = value;
          const result = NewDecision.safeParse(bad);
          expect(result.success).toBe(false);
          expect(result.error!.issues.map((i) => i.path.join('.'))).toContain(`output.${field}`);
        },
      ),
      runs(),
    );
  });

  it('rejects scores and thresholds outside 0..1, naming the field', () => {
    const scored = validDecision.filter((d) => d.type !== 'renewal_price');
    fc.assert(
      fc.property(scored, fc.constantFrom('score', 'threshold'), badScore, (decision, field, value) => {
        const bad = structuredClone(decision) as any;
        const target = field === 'threshold' && bad.type === 'risk_score' ? 'score' : field;
        bad.output[target] = value;
        const result = NewDecision.safeParse(bad);
        expect(result.success).toBe(false);
        expect(result.error!.issues.map((i) => i.path.join('.'))).toContain(`output.${target}`);
      }),
      runs(),
    );
  });

  it('rejects a contribution or counterfactual whose feature is not among the inputs', () => {
    // Names that every object inherits: `feature in inputs` would wrongly find them.
    const stranger = fc.oneof(featureName, fc.constantFrom(...INHERITED));
    fc.assert(
      fc.property(validDecision, stranger, fc.boolean(), (decision, feature, counterfactual) => {
        fc.pre(!Object.hasOwn(decision.inputs, feature));
        const bad = structuredClone(decision) as any;
        if (counterfactual) bad.rationale.counterfactuals = [{ feature, from: 1, to: 0, outcome: 'a lower premium' }];
        else bad.rationale.contributions.push({ feature, contribution: 1 });
        const result = NewDecision.safeParse(bad);
        expect(result.success, `${feature} accepted`).toBe(false);
      }),
      runs(),
    );
  });
});

// ---- member explanations ---------------------------------------------------------------------

describe('member explanations', () => {
  const inherited = fc.constantFrom(...INHERITED);
  const hostileDecision = decisionOf(fc.oneof(featureName, inherited), fc.oneof(identifier, inherited), fc.oneof(fc.string({ maxLength: 20 }), inherited));

  it('word any valid decision in every language, whatever its feature names, codes and values', () => {
    fc.assert(
      fc.property(hostileDecision, fc.constantFrom('en', 'nl', 'fr'), (input, lang) => {
        const entry = DEMO_MODEL_ENTRIES.find((e) => e.type === input.type)!;
        const parsed = NewDecision.parse({ ...input, model: { id: entry.modelId, version: entry.version } });
        const decision = { ...toRecord(parsed, new Date('2026-11-25T12:00:00Z'), policies) } as unknown as Decision;
        const explanation = explainDecision({ decision, model: entry, lang, restricted: false });
        expect(Explanation.safeParse(explanation).error).toBeUndefined();
        // What the registry does not label is reported as a gap, never taken from Object.prototype.
        const gaps = missingLabels(entry, parsed).map((g) => g.key);
        for (const name of Object.keys(parsed.inputs)) if (!Object.hasOwn(entry.features, name)) expect(gaps).toContain(name);
      }),
      runs(300),
    );
  });
});

// ---- canonical JSON ----------------------------------------------------------------------------

/** The same value with every object's keys in a shuffled order. */
function shuffleKeys(value: unknown, order: number[]): unknown {
  if (Array.isArray(value)) return value.map((v) => shuffleKeys(v, order));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value);
  const shuffled = entries
    .map((e, i) => [order[i % Math.max(order.length, 1)] ?? i, e] as const)
    .sort((a, b) => a[0] - b[0])
    .map(([, e]) => e);
  const out: Record<string, unknown> = {};
  for (const [k, v] of shuffled)
    Object.defineProperty(out, k, { value: shuffleKeys(v, order.slice(1).concat(order.slice(0, 1))), enumerable: true, writable: true, configurable: true });
  return out;
}

describe('canonical JSON (RFC 8785)', () => {
  it('does not depend on key order', () => {
    fc.assert(
      fc.property(fc.tuple(anyJson, fc.array(fc.nat(100), { minLength: 1, maxLength: 10 })), ([value, order]) => {
        expect(canonicalJson(shuffleKeys(value, order))).toBe(canonicalJson(value));
      }),
      runs(500),
    );
  });

  it('is idempotent through JSON.parse, and means the same value', () => {
    fc.assert(
      fc.property(anyJson, (value) => {
        const text = canonicalJson(value);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      runs(500),
    );
  });

  it('tells different values apart', () => {
    fc.assert(
      fc.property(anyJson, anyJson, (a, b) => {
        const same = canonicalJson(a) === canonicalJson(b);
        if (same) expect(JSON.parse(JSON.stringify(a))).toEqual(JSON.parse(JSON.stringify(b)));
      }),
      runs(300),
    );
  });
});

// ---- the chain ---------------------------------------------------------------------------------

const policies = policiesFromConfig(testConfig());
const ACTIONS: EventAction[] = ['objection_filed', 'sampled', 'assigned', 'comment', 'resolution_proposed', 'resolved', 'rejected', 'extended', 'withdrawn'];
/** Case events' data, minus `effectiveOutcome` (only an approved override carries one). */
const eventData = fc.dictionary(
  fc.string({ maxLength: 12 }).filter((k) => k !== 'effectiveOutcome'),
  anyJson,
  { maxKeys: 6 },
);
const eventFields = fc.record({
  action: fc.constantFrom(...ACTIONS),
  actor: fc.record({ id: identifier, role: fc.constantFrom('member', 'reviewer', 'approver', 'system') }),
  data: eventData,
  personal: fc.option(fc.record({ text: fc.string({ maxLength: 80 }) }), { nil: null }),
});

/** A decision as ingest records it, and a chain of events appended to it. */
const chain = fc.tuple(validDecision, fc.array(eventFields, { maxLength: 12 })).map(([input, fields]) => {
  const decision = toRecord(NewDecision.parse(input), new Date('2026-11-25T12:00:00Z'), policies);
  const events: ChainEvent[] = [];
  let head = { seq: 0, hash: decision.hash };
  fields.forEach((f, i) => {
    const event = buildEvent(head, { decisionId: decision.id, at: new Date(Date.UTC(2026, 10, 25, 12, 0, i)).toISOString(), caseId: null, ...f });
    events.push(event);
    head = event;
  });
  return { decisionId: decision.id, decision, events };
});

describe('the hash chain', () => {
  it('verifies any sequence of appended events', () => {
    fc.assert(
      fc.property(chain, (view) => {
        expect(checkChain(view)).toBeNull();
      }),
      runs(300),
    );
  });

  it("breaks when any byte of any event's data changes", () => {
    const printable = fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c));
    fc.assert(
      fc.property(
        chain.filter((v) => v.events.length > 0),
        fc.nat(),
        fc.nat(),
        printable,
        (view, pickEvent, pickByte, char) => {
          const index = pickEvent % view.events.length;
          const text = canonicalJson(view.events[index]!.data);
          const at = pickByte % text.length;
          let data: Record<string, unknown>;
          try {
            data = JSON.parse(text.slice(0, at) + char + text.slice(at + 1));
            canonicalJson(data); // a digit more can make 1e-122 into 1e1122, which is no JSON value
          } catch {
            fc.pre(false);
            return;
          }
          fc.pre(data !== null && typeof data === 'object' && !Array.isArray(data) && canonicalJson(data) !== text);
          const tampered = { ...view, events: view.events.map((e, i) => (i === index ? { ...e, data } : e)) };
          expect(checkChain(tampered)).toMatchObject({ decisionId: view.decisionId, seq: index + 1, reason: 'altered' });
        },
      ),
      runs(300),
    );
  });
});

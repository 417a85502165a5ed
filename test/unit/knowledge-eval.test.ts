/**
 * Holds the knowledge search at the figures reported in the issues' closing notes, on eight sets:
 * eval.yaml (tuned on), holdout.yaml (written independently, then used for general fixes),
 * blind.yaml (written last in the first round), blind-2026-12.yaml (written after issue 13's
 * articles) and blind-2026-12b, -12c, -12d and -12e (each written blind on 2026-12-07, after the
 * tuning before it), and -12f (the same, after the tuning on -12e). `npm run eval:knowledge --
 * --set <file>` prints them. All nine have now been looked at and tuned on (each since its misses
 * were printed), so none of them estimates new questions any more: issue 13's target is measured
 * on a fresh blind set written after this work, reported separately.
 */
import { describe, expect, it } from 'vitest';
import { content } from '../helpers/content';
import { evaluate, loadEvalSet } from '../knowledge/evaluate';

describe('knowledge search on the evaluation set', () => {
  const report = evaluate(content().knowledge, loadEvalSet());

  // 2026-12-07, after the phone-style work: 97.6% top-1, 99.3% top-3; after the work on
  // blind-2026-12b's misses (unseen words, off-topic matters, the covered-answer rule): 98.0%,
  // 98.2%, 99.6%; after the work on blind-2026-12c's misses (phrases read loosely): 98.4%, 99.6%;
  // after the work on blind-2026-12e's misses (ten years or more here): 98.5%, 99.6%; after the
  // work on blind-2026-12f's misses (missing court out of fear is missed-hearing's): 98.9%, 99.6%.
  it('puts an acceptable article first for at least 98.9% of the answerable questions', () => {
    expect(report.top1).toBeGreaterThanOrEqual(0.989);
  });

  it('has an acceptable article in the first three for at least 99.6%', () => {
    expect(report.top3).toBeGreaterThanOrEqual(0.996);
  });

  it('answers none of the questions that should get no answer', () => {
    expect(report.misses.filter((m) => m.expect === 'none')).toEqual([]);
    expect(report.falseAnswers).toBe(0);
  });
});

describe('knowledge search on the holdout set (used for general fixes)', () => {
  // test/knowledge/holdout.yaml was written from the article ids only, after the first tuning.
  // 2026-12-07, after the phone-style work: 97.6% top-1, 99.2% top-3 (one label now also accepts
  // check-in-arrests, the article on exactly its question, written after the set).
  // After the work on blind-2026-12b's misses: 98.4% top-1, 100% top-3. After the generalisation
  // work of 2026-12-07 (wider off-topic vocabulary, the N-400 fee among them): none answered.
  const report = evaluate(content().knowledge, loadEvalSet('test/knowledge/holdout.yaml'));

  it('keeps top-1 and top-3 accuracy at or above the last measurement', () => {
    expect(report.top1).toBeGreaterThanOrEqual(0.992);
    expect(report.top3).toBeGreaterThanOrEqual(1);
  });

  // 2026-12-07 (issue 13's new articles): "can i vote in the next election" now expects the
  // article on voting, and one question answered wrongly: "how much is the N-400 citizenship
  // application fee" got naturalization-risks, which names the N-400 but gives no fee. Since the
  // generalisation work (the citizenship fee and interview are off topic): none.
  it('answers none of its 29 questions that should get no answer', () => {
    expect(report.falseAnswers).toBe(0);
  });
});

describe('knowledge search on the first blind set (written last in the first round)', () => {
  // test/knowledge/blind.yaml. 2026-12-07: three questions that had no article now have one
  // (naturalizing twice, travelling inside the US) and expect it; top-1 fell from 89.8% to 87.8%.
  // Its misses have been read since (the phone-style work of 2026-12-07, which fixed one label as
  // holdout's): 92.4% top-1, 96.9% top-3, none of its 27 off-topic questions answered. After the
  // work on blind-2026-12e's misses (applying for US citizenship read as such, 'me hago
  // ciudadano'): 95.4%, 99.2%.
  const report = evaluate(content().knowledge, loadEvalSet('test/knowledge/blind.yaml'));

  it('keeps top-1 and top-3 accuracy at or above the last measurement', () => {
    expect(report.top1).toBeGreaterThanOrEqual(0.954);
    expect(report.top3).toBeGreaterThanOrEqual(0.992);
  });

  it('answers none of its 27 questions that should get no answer', () => {
    expect(report.falseAnswers).toBe(0);
  });
});

describe('knowledge search on the set of 2026-12 (a blind set until its misses were read)', () => {
  // test/knowledge/blind-2026-12.yaml: 219 questions written from the 61 articles' ids and titles
  // only, the way people type on a phone. Blind when it landed: top-1 75.7%, top-3 78.3%, 2 of 30
  // answered that should not; 76.7%, 79.4%, 2 after the spelling work. On 2026-12-07 its misses
  // were printed to guide the phone-style work, so it is a tuning set since: the search and the
  // articles' phrasings were improved with its misses in view (general fixes first, then
  // phrasings of the situations it missed), and it measures 96.8%, 98.4%, 0 of 30. That is not an
  // estimate for new questions; a fresh blind set, written after, is. 97.4%, 99.5%, 0 of 30 after
  // the generalisation work (runners-up that explain a little less are shown beside the answer).
  const report = evaluate(content().knowledge, loadEvalSet('test/knowledge/blind-2026-12.yaml'));

  it('keeps top-1 and top-3 accuracy at or above the last measurement', () => {
    expect(report.top1).toBeGreaterThanOrEqual(0.973);
    expect(report.top3).toBeGreaterThanOrEqual(0.994);
  });

  it('answers none of its 30 questions that should get no answer', () => {
    expect(report.falseAnswers).toBe(0);
  });
});

describe('knowledge search on the set 2026-12b (a blind set until its misses were read)', () => {
  // test/knowledge/blind-2026-12b.yaml: 220 questions written on 2026-12-07 from the articles'
  // ids and titles only, by someone who never saw the search, its vocabulary or the other sets,
  // after the phone-style tuning. Measured when it landed: top-1 87.9%, top-3 91.6%, 4 of 30
  // answered that should not: below issue 13's target (90% / 97% / none). Its misses were then
  // printed and grouped by cause, so it is a tuning set since, like the others; after that work:
  // 95.8%, 99.5%, none of its 30 answered. After the work on blind-2026-12e's misses: 96.3%, 100%.
  const report = evaluate(content().knowledge, loadEvalSet('test/knowledge/blind-2026-12b.yaml'));

  it('keeps top-1 and top-3 accuracy at or above the last measurement', () => {
    expect(report.top1).toBeGreaterThanOrEqual(0.963);
    expect(report.top3).toBeGreaterThanOrEqual(1);
  });

  it('answers none of its 30 questions that should get no answer', () => {
    expect(report.falseAnswers).toBe(0);
  });
});

describe('knowledge search on the set 2026-12c (a blind set until its misses were read)', () => {
  // test/knowledge/blind-2026-12c.yaml: 220 questions (190 answerable, 30 with no answer; 110
  // es / 110 en) written on 2026-12-07 from the articles' ids and titles only, after all of that
  // day's search tuning, by someone who never saw the search or the other sets. First run (its
  // `expect: [none]` written as `expect: none`, the format the evaluator now enforces): top-1
  // 87.4%, top-3 93.7%, 4 of 30 answered that should not: below issue 13's target (90% / 97% /
  // none). Its misses were then printed and grouped by cause, so it is a tuning set since, like
  // the others: after phrases read loosely in a client's message (verb forms, filling words) and
  // the vocabulary fixes of that work, and one label that left out the article answering its
  // question (a citizen son of 22 petitioning: us-citizen-children), 90.5%, 95.8%, 4 of 30.
  // Then the generalisation work of 2026-12-07 (runners-up that explain a little less shown
  // beside the answer, an off-topic word excused only by an article whose phrasings ask about the
  // question's other words, off-topic words among several telling ones counted in proportion, a
  // wider off-topic vocabulary; its misses were read again, and its family-court question shaped
  // one off-topic group): 91.1%, 96.8%, 2 of 30. After the work on blind-2026-12d's misses
  // (general vocabulary: an old order never obeyed, what to bring in Spanish, coming alone in
  // any person): 92.6%, 97.4%, 2 of 30. After the work on blind-2026-12e's misses (an off-topic
  // matter told with who it is for weighs in full): 92.6%, 97.4%, 1 of 30. After the work on
  // blind-2026-12f's misses (the only papers a client has, a passport or a matricula, told in
  // passing and not off topic): 94.2%, 98.4%, 1 of 30.
  const report = evaluate(content().knowledge, loadEvalSet('test/knowledge/blind-2026-12c.yaml'));

  it('keeps top-1 and top-3 accuracy at or above the last measurement', () => {
    expect(report.top1).toBeGreaterThanOrEqual(0.942);
    expect(report.top3).toBeGreaterThanOrEqual(0.984);
  });

  it('answers at most 1 of its 30 questions that should get no answer', () => {
    expect(report.falseAnswers).toBeLessThanOrEqual(1);
  });
});

describe('knowledge search on the set 2026-12d (a blind set until its misses were read)', () => {
  // test/knowledge/blind-2026-12d.yaml: 230 questions (195 answerable, 35 with no answer; 115
  // es / 115 en), written on 2026-12-07 from the articles' ids and titles only, while the search
  // was tuned on the other sets, by someone who saw neither the search, the articles' bodies nor
  // the other sets; run once after that tuning, misses unread. First run: top-1 88.7%, top-3
  // 93.3%, 3 of 35 answered that should not (issue 13's target: 90% / 97% / none). Its misses
  // were then printed and grouped by cause (words read wrongly or not at all, off-topic matters
  // with no group, a best scorer passed over and not shown), so it is a tuning set since
  // 2026-12-07, like the others; no label was plainly wrong. After that work: 94.4%, 99.0%, none
  // of its 35 answered. After the work on blind-2026-12f's misses (having a baby here is a child
  // born here): 94.9%, 99.0%, none.
  const report = evaluate(content().knowledge, loadEvalSet('test/knowledge/blind-2026-12d.yaml'));

  it('keeps top-1 and top-3 accuracy at or above the last measurement', () => {
    expect(report.top1).toBeGreaterThanOrEqual(0.948);
    expect(report.top3).toBeGreaterThanOrEqual(0.989);
  });

  it('answers none of its 35 questions that should get no answer', () => {
    expect(report.falseAnswers).toBe(0);
  });
});

describe('knowledge search on the set 2026-12e (a blind set until its misses were read)', () => {
  // test/knowledge/blind-2026-12e.yaml: 231 questions (195 answerable, 36 with no answer; 115
  // es / 116 en), written on 2026-12-07 from the articles' ids and titles only, while the search
  // was tuned on blind-2026-12d, by someone who saw neither the search, the articles' bodies nor
  // any other set; run once after that tuning, misses unread. First run: top-1 88.7%, top-3
  // 93.8%, 3 of 36 answered that should not (issue 13's target: 90% / 97% / none). Its misses
  // were then printed and read, so it is a tuning set since 2026-12-07, like the others; one
  // label gained a fair answer it lacked (a detained mother without her medicine:
  // release-from-detention). Tuned on 2026-12-07: top-1 96.4%, top-3 97.9%, none 0 of 36 (words
  // of who no longer excuse an off-topic word; ten years or more here read as the 10-year rule;
  // a phrase with filling words wins over a shorter one inside it; vocabulary and example
  // questions where an article lacked a way people ask).
  const report = evaluate(content().knowledge, loadEvalSet('test/knowledge/blind-2026-12e.yaml'));

  it('keeps top-1 and top-3 accuracy at or above the last measurement', () => {
    expect(report.top1).toBeGreaterThanOrEqual(0.964);
    expect(report.top3).toBeGreaterThanOrEqual(0.979);
  });

  it('answers none of its 36 questions that should get no answer', () => {
    expect(report.falseAnswers).toBe(0);
  });
});

describe('knowledge search on the set 2026-12f (a blind set until its misses were read)', () => {
  // test/knowledge/blind-2026-12f.yaml: 230 questions (195 answerable, 35 with no answer; 115
  // es / 115 en), written on 2026-12-07 from the articles' ids and titles only, while the search
  // was tuned on blind-2026-12e, by someone who saw neither the search, the articles' bodies nor
  // any other set; run once after that tuning, misses unread. First run: top-1 87.2%, top-3
  // 92.3%, 4 of 35 answered that should not (issue 13's target: 90% / 97% / none): the fourth
  // blind set in a row near 88% / 93%. Its misses were then printed and grouped by cause, so it is
  // a tuning set since 2026-12-07, like the others; one label gained a fair answer it lacked (the
  // ankle-monitor question: release-from-detention). Tuned on 2026-12-07: top-1 95.4%, top-3
  // 97.4%, 1 of 35 answered (vocabulary for ways of asking the articles lacked, several checked
  // to help other sets too; example questions for missing court out of fear and for being taken
  // at court in Spanish). Three of its misses ask what no article answers (travel on DACA, a
  // green card through TPS, bringing children to court).
  const report = evaluate(content().knowledge, loadEvalSet('test/knowledge/blind-2026-12f.yaml'));

  it('keeps top-1 and top-3 accuracy at or above the last measurement', () => {
    expect(report.top1).toBeGreaterThanOrEqual(0.953);
    expect(report.top3).toBeGreaterThanOrEqual(0.974);
  });

  it('answers at most 1 of its 35 questions that should get no answer', () => {
    expect(report.falseAnswers).toBeLessThanOrEqual(1);
  });
});

describe('knowledge search on the blind set 2026-12g', () => {
  // test/knowledge/blind-2026-12g.yaml: 230 questions (195 answerable, 35 with no answer; 115
  // es / 115 en), written on 2026-12-07 from the articles' ids and titles only, while the search
  // was tuned on blind-2026-12f, by someone who saw neither the search, the articles' bodies nor
  // any other set; run once after that tuning, misses unread. First run: top-1 86.15%, top-3
  // 91.28%, 5 of 35 answered that should not (issue 13's target: 90% / 97% / none): the fifth
  // blind set in a row near 87% / 92%, while every set tuned on reaches 94-99% / 97-100%. Held
  // here at that first run, rounded down.
  const report = evaluate(content().knowledge, loadEvalSet('test/knowledge/blind-2026-12g.yaml'));

  it('keeps top-1 and top-3 accuracy at or above its first run', () => {
    expect(report.top1).toBeGreaterThanOrEqual(0.861);
    expect(report.top3).toBeGreaterThanOrEqual(0.912);
  });

  it('answers at most 5 of its 35 questions that should get no answer', () => {
    expect(report.falseAnswers).toBeLessThanOrEqual(5);
  });
});

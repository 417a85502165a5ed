/**
 * `npm run bench`: the figures of issue 7, measured on this machine in one run, printed one line
 * per figure and written to bench/results.json, then compared with the targets.
 *
 * It starts what it needs (DynamoDB Local in memory, a fresh table, the real app on a free port
 * of 127.0.0.1) and stops it at the end. Every loop is bounded by a count; nothing leaves
 * 127.0.0.1.
 */
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadContent } from '../functions/adapters/content-files';
import type { Content } from '../functions/core/content';
import { type BundleReport, bundleFigures } from './bundle';
import { AUTH_TOKEN, type BenchEnv, conversationItem, startEnv } from './env';
import { searchFigure } from './knowledge';
import { type FloorResult, floor, type LoadResult, loadTurns, prepare, type Subject } from './load';
import { conversationScript, intakeSegments } from './scripts';
import { kb, ms, ratio, round } from './stats';
import { type CountsFigure, countsFigure, type GrowthFigure, growth, total } from './turns';
import { understandingFigure } from './understanding';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Concurrent clients (connections, conversations) per level. */
const LEVELS = [1, 10, 50] as const;
/** Conversations each connection plays in turn, per level: 300, 600 and 2000 measured turns. */
const CONVERSATIONS_PER_CONNECTION: Record<number, number> = { 1: 15, 10: 3, 50: 2 };
/** Floor pairs per client, per level: 400, 800 and 1500 pairs. */
const FLOOR_PAIRS: Record<number, number> = { 1: 400, 10: 80, 50: 30 };
/** Conversations are prepared to this turn (untimed), then turns PREPARED+1..LAST_TURN measured. */
const PREPARED = 10;
const LAST_TURN = 30;
/** The floor's item: a real conversation after this many turns (the middle of the window). */
const FLOOR_ITEM_TURNS = 20;
const GROWTH = { conversations: 7, early: 5, late: 60 };
const SCRIPT_TURNS = 70;

const TARGETS = {
  dynamoPerTurn: 2,
  p50VsFloor: 2,
  p99VsFloor: 4,
  bundleBytes: 400 * 1024,
  searchP99Ms: 1,
  understandP99Ms: 1,
};

const printed: string[] = [];
function out(line: string) {
  printed.push(line);
  console.log(line);
}

const describe = (counts: Record<string, number>) =>
  `${total(counts)} (${
    Object.entries(counts)
      .map(([name, n]) => `${name.replace(/Command$/, '')} ${n}`)
      .join(', ') || 'none'
  })`;

async function main() {
  const started = performance.now();
  out(
    `Amparo benchmark — ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), node ${process.version}`,
  );
  // CPU-only figures first, on a quiet machine: DynamoDB Local's JVM, once started, keeps
  // compiling on the other core for a while and a sub-millisecond timing would measure that.
  const quiet = quietFigures(loadContent({ root: ROOT }));
  const env = await startEnv(ROOT);
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await env.stop();
  };
  process.once('SIGINT', () => {
    void stop().finally(() => process.exit(130));
  });
  try {
    const results: Results = { ...quiet, ...(await figures(env)) };
    const summary = compare(results);
    out('');
    out('SUMMARY (issue 7 targets)');
    for (const s of summary) out(`  ${s.met ? 'MET   ' : 'MISSED'} ${s.target}: ${s.value}`);
    if (env.errors.length) out(`  app error log lines during the run: ${env.errors.length}`);
    const seconds = round((performance.now() - started) / 1000, 1);
    out(`(${seconds} s)`);
    const file = join(ROOT, 'bench', 'results.json');
    writeFileSync(
      file,
      `${JSON.stringify(
        {
          generatedAt: new Date().toISOString(),
          seconds,
          machine: {
            cores: cpus().length,
            cpu: cpus()[0]?.model,
            memoryGB: round(totalmem() / 2 ** 30, 1),
            node: process.version,
            platform: process.platform,
          },
          method: METHOD,
          targets: TARGETS,
          figures: results,
          summary,
          appErrors: env.errors,
          printed,
        },
        null,
        2,
      )}\n`,
    );
    console.log(`written to ${file}`);
  } finally {
    await stop();
  }
}

const METHOD = {
  floor:
    'GetItem (ConsistentRead) then PutItem conditioned on the version read, on a copy of a real conversation item, one item per client, a separate SDK client in the same process',
  turns:
    'autocannon in this process, one connection per concurrent client, each connection plays its own conversations message after message (setupClient + setupRequest closures); latencies are autocannon per-response times; turns/s = turns / (last response − start)',
  script:
    'each conversation follows one engine-verified script: up to the "represented" question it alternates a re-ask ("purple") with the real answer; there it cycles re-ask, "no", "back"; conversations never end',
  window: `conversations prepared to turn ${PREPARED} untimed, turns ${PREPARED + 1}–${LAST_TURN} measured`,
  growth: 'one conversation at a time with fetch; turn 5 and turn 60 are both re-asks',
  understanding:
    'read(text) then readStory(content, reading, today, lang) per first message of test/understanding/tune.yaml, one warm-up pass then 4 timed passes, before DynamoDB Local starts',
  search:
    'content.knowledge.search(q, lang) per question of knowledge/questions/eval.yaml, one warm-up pass then 4 timed passes, before DynamoDB Local starts',
  bundles:
    'the Lambda build of infra/bundling.ts (esbuild bundle+minify, platform node, format esm, target node22, AWS SDK external) with content.json beside it; cold init = performance.now() after importing the bundle in a fresh node, median of 5',
  counts: 'a middleware on the app DynamoDB client (initialize step) counts each command by name',
};

interface Results {
  segments: ReturnType<typeof intakeSegments>[];
  search: ReturnType<typeof searchFigure>;
  understanding: ReturnType<typeof understandingFigure>;
  bundle: BundleReport;
  floorItem: { turns: number; bytes: number };
  floor: FloorResult[];
  turns: (LoadResult & { vsFloor: { p50: number; p99: number } })[];
  growth: GrowthFigure[];
  counts: CountsFigure[];
}

function quietFigures(content: Content): Pick<Results, 'segments' | 'search' | 'understanding'> {
  // 7. SMS segments per reply over a whole intake, on the engine.
  const segments = (['en', 'es'] as const).map((language) => intakeSegments(content, language));
  for (const s of segments) {
    out(
      `[7] sms segments ${s.language}: ${s.replies} replies, ${s.sms} SMS, ${s.segments} segments; ` +
        `per SMS avg ${s.perSms.avg.toFixed(2)} max ${s.perSms.max}; ` +
        `per reply avg ${s.perReply.avg.toFixed(2)} max ${s.perReply.max}; UCS-2 SMS ${s.ucs2Sms}`,
    );
  }

  // 5. Knowledge search, warm.
  const search = searchFigure(ROOT, content);
  out(
    `[5] knowledge search: p50 ${ms(search.perQuery.p50)}, p99 ${ms(search.perQuery.p99)}, ` +
      `max ${ms(search.perQuery.max)} per query (${search.questions} questions × ${search.passes} passes, ${search.articles} articles)`,
  );

  // 8. Understanding a message: the story reading of a first message, warm.
  const understanding = understandingFigure(ROOT, content);
  out(
    `[8] understanding a message: p50 ${ms(understanding.perMessage.p50)}, p99 ${ms(understanding.perMessage.p99)}, ` +
      `max ${ms(understanding.perMessage.max)} per message (${understanding.messages} first messages × ${understanding.passes} passes)`,
  );

  return { segments, search, understanding };
}

async function figures(
  env: BenchEnv,
): Promise<Omit<Results, 'segments' | 'search' | 'understanding'>> {
  const content = env.deps.content;

  // 6. Bundles and cold init.
  const bundles = await bundleFigures(ROOT, {
    TABLE_NAME: env.tableName,
    TWILIO_AUTH_TOKEN: AUTH_TOKEN,
    DYNAMODB_ENDPOINT: env.dynamo.endpoint,
    CONTENT_ROOT: ROOT,
  });
  for (const b of [bundles.api, bundles.apiWithSdk, bundles.bareHono]) {
    out(
      `[6] bundle ${b.name}: ${kb(b.bytes)} minified, ${kb(b.gzipBytes)} gzipped; cold init ${ms(b.initMs)} ` +
        `(import ${ms(b.importMs)}), median of ${b.spawns}; largest: ${b.largest
          .slice(0, 4)
          .map((l) => `${l.input} ${kb(l.bytes)}`)
          .join(', ')}`,
    );
  }
  out(
    `[6] api vs bare Hono: size ×${(bundles.api.bytes / bundles.bareHono.bytes).toFixed(1)}, ` +
      `init ×${(bundles.api.initMs / bundles.bareHono.initMs).toFixed(1)}; ` +
      `of the API's init, loadBundledContent alone (content.json, validation, knowledge index) takes ` +
      `${ms(bundles.contentOnly.innerMs ?? Number.NaN)} cold (median of ${bundles.contentOnly.spawns})`,
  );

  // Scripts, and conversations prepared to turn PREPARED for every level.
  const scripts: Record<'web' | 'sms', ReturnType<typeof conversationScript>> = {
    web: conversationScript(content, { language: 'en', channel: 'web', turns: SCRIPT_TURNS }),
    sms: conversationScript(content, {
      language: 'en',
      channel: 'sms',
      turns: SCRIPT_TURNS,
      phone: '+12135550100',
    }),
  };
  const groups: Record<'web' | 'sms', Record<number, Subject[][]>> = { web: {}, sms: {} };
  for (const channel of ['web', 'sms'] as const) {
    for (const c of LEVELS) {
      const per = CONVERSATIONS_PER_CONNECTION[c] ?? 1;
      const subjects = await prepare(env, channel, scripts[channel], c * per, PREPARED);
      groups[channel][c] = Array.from({ length: c }, (_, i) =>
        subjects.slice(i * per, (i + 1) * per),
      );
    }
  }

  // 1 and 2, level by level: the floor, then web turns, then SMS turns at the same concurrency.
  const [floorSubject] = await prepare(env, 'web', scripts.web, 1, FLOOR_ITEM_TURNS);
  if (!floorSubject?.web) throw new Error('bench: no conversation for the floor item');
  const template = await conversationItem(env, floorSubject.web.id);
  await floor(env, template.item, 10, 30, 'warmup');
  const floors: FloorResult[] = [];
  const turns: Results['turns'] = [];
  for (const c of LEVELS) {
    const f = await floor(env, template.item, c, FLOOR_PAIRS[c] ?? 30, 'floor');
    floors.push(f);
    out(
      `[1] floor c=${c}: GetItem+PutItem p50 ${ms(f.pairs.p50)}, p99 ${ms(f.pairs.p99)}, ` +
        `${f.pairsPerSecond} pairs/s (n=${f.pairs.n}, item ${kb(template.size)} = a real conversation after ${FLOOR_ITEM_TURNS} turns)`,
    );
    for (const channel of ['web', 'sms'] as const) {
      const r = await loadTurns(
        env,
        channel,
        scripts[channel],
        groups[channel][c] ?? [],
        LAST_TURN,
      );
      const vsFloor = {
        p50: round(r.turns.p50 / f.pairs.p50),
        p99: round(r.turns.p99 / f.pairs.p99),
      };
      turns.push({ ...r, vsFloor });
      out(
        `[2] ${channel} turn c=${c}: p50 ${ms(r.turns.p50)}, p99 ${ms(r.turns.p99)}, ${r.turnsPerSecond} turns/s; ` +
          `vs floor p50 ${ratio(vsFloor.p50)}, p99 ${ratio(vsFloor.p99)} ` +
          `(n=${r.turns.n}, turns ${r.window.from}–${r.window.to}, ${r.dynamoPerTurn} DynamoDB requests/turn, ` +
          `node CPU ${ms(r.nodeCpuPerTurnMs)}/turn, ${r.failures} failures, ${r.verified} conversations read back intact)`,
      );
    }
  }

  // 3. Turn cost as the conversation grows.
  const growths: GrowthFigure[] = [];
  for (const channel of ['web', 'sms'] as const) {
    const g = await growth(
      env,
      channel,
      scripts[channel],
      GROWTH.conversations,
      GROWTH.early,
      GROWTH.late,
    );
    growths.push(g);
    const line = (p: GrowthFigure['early']) =>
      `turn ${p.turn} p50 ${ms(p.p50)} (item ${kb(p.itemBytes)}${p.lineBytes ? `, line ${kb(p.lineBytes)}` : ''}; floor on it ${ms(p.floorP50)})`;
    out(
      `[3] ${channel} growth: ${line(g.early)} → ${line(g.late)}: ${ratio(g.growth)} ` +
        `(p50 over ${g.conversations} conversations, both ${g.early.kind} turns, c=1)`,
    );
  }

  // 4. DynamoDB requests per turn, counted; WhatsApp's turn plays the SMS script.
  const counts: CountsFigure[] = [];
  for (const channel of ['web', 'sms', 'whatsapp'] as const) {
    const f = await countsFigure(env, channel, scripts[channel === 'web' ? 'web' : 'sms'], 14);
    counts.push(f);
    const kinds = Object.entries(f.byKind)
      .map(
        ([kind, seen]) =>
          `${kind} ${seen.map((s) => `${describe(s.counts)}${seen.length > 1 ? ` ×${s.turns}` : ''}`).join(' | ')}`,
      )
      .join('; ');
    out(
      `[4] ${channel} DynamoDB requests: ${kinds}; opening ${describe(f.open)}; ` +
        `qualifying turn ${describe(f.qualifying)}; SDK retries ${f.retries}`,
    );
  }

  return {
    bundle: bundles,
    floorItem: { turns: FLOOR_ITEM_TURNS, bytes: template.size },
    floor: floors,
    turns,
    growth: growths,
    counts,
  };
}

interface Verdict {
  target: string;
  value: string;
  met: boolean;
}

function compare(r: Results): Verdict[] {
  const verdicts: Verdict[] = [];
  for (const f of r.counts) {
    // The ordinary turn: a plain answer to a question.
    const answer = f.byKind.answer ?? [];
    const worst = Math.max(...answer.map((s) => total(s.counts)));
    verdicts.push({
      target: `≤ ${TARGETS.dynamoPerTurn} DynamoDB requests per ordinary ${f.channel} turn`,
      value: answer.map((s) => describe(s.counts)).join(' | '),
      met: worst <= TARGETS.dynamoPerTurn,
    });
  }
  const top = Math.max(...LEVELS);
  const base = r.floor.find((f) => f.concurrency === top);
  for (const t of r.turns.filter((x) => x.concurrency === top)) {
    const floorText = (p: 'p50' | 'p99') => `floor ${ms(base?.pairs[p] ?? Number.NaN)}`;
    verdicts.push({
      target: `${t.channel} turn p50 ≤ ${TARGETS.p50VsFloor}× floor at ${top} concurrent`,
      value: `${ms(t.turns.p50)} vs ${floorText('p50')} = ${ratio(t.vsFloor.p50)}`,
      met: t.vsFloor.p50 <= TARGETS.p50VsFloor,
    });
    verdicts.push({
      target: `${t.channel} turn p99 ≤ ${TARGETS.p99VsFloor}× floor at ${top} concurrent`,
      value: `${ms(t.turns.p99)} vs ${floorText('p99')} = ${ratio(t.vsFloor.p99)}`,
      met: t.vsFloor.p99 <= TARGETS.p99VsFloor,
    });
  }
  const api = r.bundle.api;
  verdicts.push({
    target: `API bundle ≤ ${kb(TARGETS.bundleBytes)} minified (@aws-sdk/* external, as on Lambda)`,
    value: `${kb(api.bytes)} (${api.bytes} bytes; ${kb(r.bundle.apiWithSdk.bytes)} with the SDK inside)`,
    met: api.bytes <= TARGETS.bundleBytes,
  });
  verdicts.push({
    target: `knowledge search p99 ≤ ${TARGETS.searchP99Ms} ms`,
    value: `${ms(r.search.perQuery.p99)} (p50 ${ms(r.search.perQuery.p50)})`,
    met: r.search.perQuery.p99 <= TARGETS.searchP99Ms,
  });
  verdicts.push({
    target: `understanding a message p99 ≤ ${TARGETS.understandP99Ms} ms`,
    value: `${ms(r.understanding.perMessage.p99)} (p50 ${ms(r.understanding.perMessage.p50)})`,
    met: r.understanding.perMessage.p99 <= TARGETS.understandP99Ms,
  });
  return verdicts;
}

await main();

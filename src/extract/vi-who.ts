/**
 * Vietnamese who: the agents of the title and lead, chosen from the mentions vi-agents.ts
 * finds per sentence. The choice needs the whole lead: a person given with an age in one
 * sentence is a victim in the next too, and a body that only "cho biết" is the agent when
 * nobody else acts (an official release is the news).
 */
import type { AgentMention } from './vi-agents.ts';
import { findViAgents, isCrimeText } from './vi-agents.ts';

/** Vietnamese who reads one sentence more than the lead: the agent often follows a sapo sentence. */
const WHO_SENTENCES = 3;
/** A body that only reports is taken, when nobody acts, from the title and this many sentences. */
const SPEAKER_SENTENCES = 2;

// A byline or time stamp line ("Ban Thời sự-Thứ ba, ngày 27/08/2019 18:44 GMT+7") names the
// desk that wrote the story, not an agent.
const STAMP = /GMT\s*[+-]?\d|\d{1,2}[/.]\d{1,2}[/.]\d{4}\s+\d{1,2}:\d{2}/u;

/** A short name in brackets after an organisation's full one: "(Vinamilk – VNM)", "(EVN)". */
const ALIAS = /^\s*\(([^()\s,–-](?:[^(),–-]{0,28}[^()\s,–-])?)\s*[)–,-]/u;

const MISHAP =
  /(?:bão|áp thấp|mưa lớn|mưa lũ|lũ quét|lũ lụt|ngập|sạt lở|động đất|dư chấn|sóng thần|nắng nóng|rét|giá lạnh|cháy|hỏa hoạn|nổ|tai nạn|va chạm|lật xe|lật|tông vào|đâm vào|chìm|đắm|ngộ độc|dịch bệnh|sốt xuất huyết)(?![\p{L}])/iu;

/** How a story introduces a private person: an honorific, a kinship word, a driver. */
const PRIVATE_PERSON = /(?:^|\s)(?:ông|bà|anh|chị|em|cháu|cụ|vợ|chồng|con|tài xế|lái xe|nạn nhân|là)\s$/iu;

export interface ViWho {
  /** Agents in reading order (title first), before de-duplication. */
  readonly agents: readonly AgentMention[];
  /** The sentence each agent's name was first found in. */
  readonly evidence: ReadonlyMap<string, string>;
  /** The lead tells of a crime: then the acting authority and the suspects are all agents. */
  readonly crime: boolean;
}

/**
 * Agents of the title and the first sentences, without sources and victims.
 * @param statement the title reports a statement ("X khẳng định ..."), so speakers are agents.
 */
export function findViWho(title: string, sentences: readonly string[], statement: boolean): ViWho {
  const lead = [title, ...sentences.slice(0, WHO_SENTENCES)];
  const crimes = lead.map(isCrimeText);
  const found = lead.map((s, i) => (s.length < 120 && STAMP.test(s) ? [] : findViAgents(s, crimes[i])));
  const crime = crimes.includes(true);
  const victims = new Set(crime ? [] : found.flat().flatMap((a) => (a.victim ? [a.text] : [])));
  // "anh Vinh" after "anh Đặng Xuân Vinh, 37 tuổi": the same victim by the given name.
  const isVictim = (name: string): boolean =>
    victims.has(name) || [...victims].some((v) => v.endsWith(` ${name}`));
  const agents: AgentMention[] = [];
  const evidence = new Map<string, string>();
  const take = (a: AgentMention, s: string): void => {
    agents.push(a);
    if (!evidence.has(a.text)) evidence.set(a.text, s);
  };
  // In a storm, a fire or a crash without a crime, the people the story calls "ông", "chị",
  // "tài xế" are the ones it happened to (or witnesses): officials come with an office.
  const mishap = !crime && MISHAP.test(lead.slice(0, 1 + SPEAKER_SENTENCES).join(' '));
  found.forEach((mentions, i) => {
    for (const a of mentions) {
      if ((a.source && !statement) || a.victim || isVictim(a.text)) continue;
      if (
        mishap &&
        a.kind === 'person' &&
        PRIVATE_PERSON.test((lead[i] ?? '').slice(Math.max(0, a.index - 12), a.index))
      )
        continue;
      take(a, lead[i] ?? '');
    }
  });
  // "Công ty cổ phần Sữa Việt Nam (Vinamilk – VNM)": the title's "Vinamilk" is that company.
  const fullNames = new Map<string, string>();
  found.forEach((mentions, i) => {
    const s = lead[i] ?? '';
    for (const a of mentions) {
      const alias = ALIAS.exec(s.slice(a.index + a.text.length, a.index + a.text.length + 50))?.[1];
      if (a.kind === 'org' && alias !== undefined) fullNames.set(alias, a.text);
    }
  });
  for (const [i, a] of agents.entries()) {
    const full = fullNames.get(a.text);
    if (full !== undefined) agents[i] = { ...a, text: full };
  }
  // A storm, a flood, a fire or a poisoning has no agent (guideline 1): the centre or the
  // department that reports it is a source, not the news.
  if (agents.length === 0 && !MISHAP.test(lead.slice(0, 1 + SPEAKER_SENTENCES).join(' '))) {
    found.slice(0, 1 + SPEAKER_SENTENCES).forEach((mentions, i) => {
      for (const a of mentions) if (a.kind === 'org' && a.speaker) take(a, lead[i] ?? '');
    });
  }
  return { agents, evidence, crime };
}

// Invented business prose for the browser bench: a long client reply (default 5,000 words) made of
// ordinary project-update sentences with a few boundary-sensitive phrases mixed in, generated from a
// fixed seed so every run types into the same draft. None of it comes from any evaluation set.

const NAMES = ['Robin', 'Priya', 'Marcus', 'Elena', 'Tomás', 'Hannah', 'Kwame', 'Ingrid', 'Yusuf', 'Claire'];
const PROJECTS = ['the onboarding flow', 'the spring catalogue', 'the billing migration', 'the partner portal', 'the brand refresh', 'the quarterly report', 'the warehouse dashboard', 'the mobile checkout'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
const THINGS = ['the revised timeline', 'the cost breakdown', 'the second round of mock-ups', 'the test plan', 'the content inventory', 'the vendor shortlist', 'the updated scope document', 'the meeting notes'];
const NUMBERS = ['two', 'three', 'four', 'five', 'six'];

const SENTENCES: Array<(p: (a: readonly string[]) => string) => string> = [
  (p) => `Thanks for sending over ${p(THINGS)} on ${p(DAYS)}.`,
  (p) => `I went through it with ${p(NAMES)} this morning and we agree with most of the proposed changes.`,
  (p) => `The main open question is how ${p(PROJECTS)} should handle accounts that were created before the cut-over.`,
  (p) => `Our suggestion is to keep the existing records as they are and migrate them in ${p(NUMBERS)} batches.`,
  (p) => `That keeps the risk low and gives your team time to check each batch before the next one starts.`,
  (p) => `I have attached ${p(THINGS)} so you can compare the two options side by side.`,
  (p) => `${p(NAMES)} will update the shared tracker once the first batch has been reviewed.`,
  (p) => `We expect the review to take about ${p(NUMBERS)} working days, depending on the volume of comments.`,
  (p) => `If the numbers look different from what your finance team expects, please flag it before ${p(DAYS)}.`,
  (p) => `The design team has finished the layouts for ${p(PROJECTS)} and is now preparing the hand-off files.`,
  () => `We kept the navigation close to the current version so that existing customers are not surprised.`,
  () => `The colour palette follows the guidelines you shared in the kick-off meeting.`,
  (p) => `There are ${p(NUMBERS)} screens where we would like your input on the wording of the labels.`,
  () => `I have marked them in yellow in the document so they are easy to find.`,
  (p) => `Regarding the budget, the estimate for ${p(PROJECTS)} is still within the range we discussed.`,
  () => `The only change is a small increase in testing hours, which the attached breakdown explains line by line.`,
  (p) => `We can hold the current rate until the end of the quarter if the purchase order arrives by ${p(DAYS)}.`,
  () => `After that the new rate card applies, as described in section four of the agreement.`,
  (p) => `${p(NAMES)} asked whether the reporting module could be moved into the first phase.`,
  () => `It is possible, but it would push the launch date back by roughly two weeks.`,
  () => `I would rather keep the original plan and schedule the reporting work right after launch.`,
  () => `That way the core features reach your customers on time and we still deliver the reports this quarter.`,
  (p) => `Let me know which option works better for ${p(NAMES)} and the rest of the steering group.`,
  (p) => `On the technical side, the staging environment for ${p(PROJECTS)} is now running the latest build.`,
  () => `Your team can log in with the same accounts as before; nothing changes for the testers.`,
  (p) => `We fixed the ${p(NUMBERS)} issues from the last round, including the slow search on the orders page.`,
  () => `The remaining issue is the export to spreadsheet, which depends on an update from the vendor.`,
  (p) => `I will chase them again on ${p(DAYS)} and share whatever they tell me.`,
  () => `For the content migration, we still need the final product descriptions from your marketing team.`,
  (p) => `If it helps, ${p(NAMES)} can run a short session to walk them through the new editor.`,
  () => `It usually takes less than an hour and saves a lot of back and forth later.`,
  (p) => `We have also prepared a short checklist for ${p(PROJECTS)} so nothing is missed before go-live.`,
  () => `Most items are already ticked; the open ones are marked with the owner and a due date.`,
  (p) => `The weekly status meeting stays on ${p(DAYS)} at ten, unless you would like to move it.`,
  () => `I will send the agenda the day before, as usual.`,
  () => `Please add any topics you want to cover to the shared document by the end of the day.`,
];

// A few boundary-sensitive phrases a reply like this might contain (the extension should flag these).
const FLAGGABLE = [
  'Call me anytime if anything comes up.',
  "I'm available 24/7 if you need anything urgently.",
  'Feel free to text me on the weekend if something breaks.',
  'Sorry again for the delay, I know this is all my fault.',
  "I'll happily throw in the extra landing page for free.",
];

/** Small deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const countWords = (s: string): number => s.split(/\s+/).filter(Boolean).length;

/** Paragraphs of invented client-reply prose totalling at least `words` words. */
export function draftParagraphs(words = 5000, seed = 20261124): string[] {
  const r = rng(seed);
  const pick = (a: readonly string[]) => a[Math.floor(r() * a.length)]!;
  const paras: string[] = [`Hi ${pick(NAMES)},`];
  let total = 2;
  let flagIndex = 0;
  let paraCount = 0;
  while (total < words) {
    const n = 3 + Math.floor(r() * 4);
    const sentences: string[] = [];
    for (let i = 0; i < n; i++) sentences.push(SENTENCES[Math.floor(r() * SENTENCES.length)]!(pick));
    paraCount++;
    // Every ~12th paragraph carries one flaggable phrase, spread through the draft.
    if (paraCount % 12 === 0 && flagIndex < FLAGGABLE.length) sentences.splice(1, 0, FLAGGABLE[flagIndex++]!);
    const para = sentences.join(' ');
    paras.push(para);
    total += countWords(para);
  }
  return paras;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Gmail's editor layout: one <div> per line, an empty line (<div><br></div>) between paragraphs. */
export function gmailBodyHtml(paragraphs: string[]): string {
  return paragraphs.map((p) => `<div>${escapeHtml(p)}</div>`).join('<div><br></div>');
}

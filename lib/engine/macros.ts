// Named pieces of pattern that rules can use as {NAME}: they keep the pack files readable and
// make every rule agree on what "a contact verb" or "any time" means. A {NAME} that is not a macro
// is a word class from rules/classes.json.
import { CLASSES, classSource } from './classes';

export const MACROS: Record<string, string> = {
  // Ways to get in touch, as verbs.
  CONTACT:
    "(?:call|ring|phone|text|message|msg|email|e-mail|mail|ping|reach|contact|whatsapp|dm|buzz|page|hit me up|get hold of|get in touch with|get ahold of|drop me a (?:line|message|text)|shoot me (?:a |an )?(?:text|message|email|msg))",
  // Unlimited time.
  ANYTIME:
    "\\s*(?:any ?time(?: at all)?|at any (?:hour|time)(?: of (?:the )?(?:day|night))?|any hour|whenever(?: you (?:like|want|need(?: to)?|feel like it|can))?|day or night|night or day|day and night|night and day|24/7|24-7|24x7|24 hours a day|around the clock|round the clock|all hours(?: of the (?:day|night))?|at all hours|any time of (?:the )?(?:day|night)(?: or (?:day|night))?|no matter (?:what|the) (?:time|hour)|(?:early|late) or (?:early|late)|seven days a week|7 days a week|even (?:at midnight|in the middle of the night|late at night|at night|on (?:the )?weekends?|on (?:saturdays?|sundays?|holidays)|at \\d{1,2} ?(?:am|pm)|late|early))",
  // Weekday names.
  DAY: '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?',
  WEEKEND: '(?:saturdays?|sundays?|weekends?|the weekend)',
  // First person.
  ME: "(?:i|i'm|i'll|i've|i'd|we|we're|we'll|we've|let's|me|my|us)",
  // Intensifiers that sit between a verb and its adjective.
  INT: '(?:(?:so|really|very|truly|absolutely|totally|seriously|incredibly|super|just|such a|always|honestly|quite|extremely|utterly|completely|a bit|pretty|way)\\s+)*',
  // Terms of endearment used to address someone.
  DEAR: '(?:babe|baby|babes|honey|hun|hon|sweetie|sweetheart|sweety|darling|darlin|dearest|my dear|love|lovely|gorgeous|beautiful|handsome|cutie|sexy|hottie|princess|sugar|pumpkin|angel)',
  // Appearance words.
  LOOKS:
    '(?:stunning|gorgeous|beautiful|hot|sexy|pretty|cute|handsome|attractive|lovely|ravishing|dazzling|breathtaking|irresistible|adorable|radiant|elegant)',
  // Statements of the writer's hours or response time: they satisfy "missing hours" and are never offers.
  HOURS_STATEMENT:
    "(?:\\b(?:i|we)(?:'m| am|'re| are)?\\s+(?:usually\\s+|only\\s+|normally\\s+)?(?:work|available|in the office|in office|online|reachable|answer|check|reply to|respond to|take calls|open|here|at my desk|on)\\b[^.!?\\n]{0,60}?\\b(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\\.?\\s*(?:to|-|through|thru|until|till)\\s*(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\\b|(?:weekdays|business days|working days|workdays)\\b|\\d{1,2}(?:[:.]\\d{2})?\\s*(?:am|pm|a\\.m\\.|p\\.m\\.)?\\s*(?:to|-|until|till|and|through|thru)\\s*\\d{1,2})|\\b(?:my|our) (?:office|working|work|business|opening|support|usual) hours\\b|\\b(?:during|within|in|outside(?: of)?) (?:my |our |these |those |normal |regular |usual )?(?:office|business|working|work) hours\\b|\\boutside (?:of )?(?:these|those) hours\\b|\\b(?:answered|returned|handled|replied to|responded to|read|picked up|dealt with|reply|respond|get back to you|answer|follow up)\\b[^.!?\\n]{0,40}\\b(?:(?:the )?next (?:business |working |work )?(?:day|morning)|(?:the )?following (?:business |working |work )?(?:day|morning)|first thing (?:on )?(?:monday|the next (?:business |working )?day|in the morning))\\b|\\b(?:reply|respond|get back to (?:you|people|clients)|answer|return (?:calls|messages|emails))\\b[^.!?\\n]{0,30}\\bwithin (?:one|two|three|1|2|3|24|48|72|a|an) (?:business |working )?(?:day|days|hours?)\\b|\\b(?:messages|emails|calls|texts)\\b[^.!?\\n]{0,30}\\b(?:after|before|outside)\\b[^.!?\\n]{0,30}\\b(?:answered|returned|handled|replied to|read|picked up|wait)\\b)",
  // Statements of scope or billing: they satisfy "missing scope".
  SCOPE_STATEMENT:
    "(?:\\b(?:additional|extra|further|more|any other|other) (?:rounds?|revisions?|changes?|work|requests?|edits?|pages?|hours?|features?|tasks?|items?|deliverables?)\\b[^.!?\\n]{0,40}\\b(?:billed|charged|quoted|invoiced|priced|paid|cost|costs|at \\$|at my|separately|extra|change (?:order|request))\\b|\\bchange (?:order|request)s?\\b|\\b(?:beyond|outside|out of) (?:the|our|my|this|your) (?:agreed |original |current |project )?scope\\b|\\b(?:my|our) (?:hourly |day |usual |standard )?rate\\b|\\$\\s?\\d+(?:\\.\\d\\d)?\\s?(?:/|per|an|a)\\s?(?:hour|hr|round|page|revision|day)\\b|\\b(?:send|prepare|put together|share|draft)\\b[^.!?\\n]{0,20}\\b(?:estimate|quote|proposal|invoice)\\b|\\b(?:includes?|covers?|comes with)\\b[^.!?\\n]{0,25}\\b(?:revisions?|rounds?)\\b|\\bscope of (?:work|the project)\\b)",
  BODY: '(?:eyes|smile|lips|legs|body|figure|hair|skin|face|curves|outfit|dress|butt|bum|abs|physique)',
};

/** Replaces {NAME} with its macro. Unknown names are left for the validator to report. */
export function expandMacros(source: string): string {
  return source.replace(/\{([A-Z_]+)\}/g, (whole, name: string) => MACROS[name] ?? (CLASSES[name] ? classSource(name) : whole));
}

export function unknownMacros(source: string): string[] {
  return [...source.matchAll(/\{([A-Z_]+)\}/g)].map((m) => m[1]!).filter((n) => !(n in MACROS) && !(n in CLASSES));
}

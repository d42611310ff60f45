// The grammar conditions a rule may name in its `conditions` field.
import { affectionateMiss } from './affectionate-miss';
import { notBoundary, notLogistics, notOthersService, notQuoted, notReported } from './context';
import { firstPerson, offersContact, offersTime, offersWork } from './first-person';
import { notDeclined } from './not-declined';
import { notNegated } from './not-negated';
import { notPast } from './not-past';
import { notTitleName } from './not-title-name';
import { notQuestion } from './not-question';
import { outsideHours } from './outside-hours';
import { subjectIsYou } from './subject-is-you';
import type { Condition } from './types';

export const CONDITIONS: Record<string, Condition> = {
  'not-negated': notNegated,
  'not-question': notQuestion,
  'not-past': notPast,
  'first-person': firstPerson,
  'offers-contact': offersContact,
  'offers-time': offersTime,
  'offers-work': offersWork,
  'outside-hours': outsideHours,
  'subject-is-you': subjectIsYou,
  'affectionate-miss': affectionateMiss,
  'not-quoted': notQuoted,
  'not-reported': notReported,
  'not-others-service': notOthersService,
  'not-logistics': notLogistics,
  'not-boundary': notBoundary,
  'not-declined': notDeclined,
  'not-title-name': notTitleName,
};

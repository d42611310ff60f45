// The rule packs in display order. Each file's name is its pack id.
import assertiveness from './assertiveness.json';
import availability from './availability.json';
import confidentiality from './confidentiality.json';
import personal from './personal.json';
import scope from './scope.json';
import tone from './tone.json';

export const PACK_FILES: Record<string, unknown> = {
  'rules/availability.json': availability,
  'rules/personal.json': personal,
  'rules/confidentiality.json': confidentiality,
  'rules/assertiveness.json': assertiveness,
  'rules/scope.json': scope,
  'rules/tone.json': tone,
};

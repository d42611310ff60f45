// The extension on a real Draft.js 0.11.7 (React 18) page (tests/fixtures/editors/draft.html).
import { editorSuite } from './editor-suite';

editorSuite({
  editor: 'draft',
});

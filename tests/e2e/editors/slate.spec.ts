// The extension on a real Slate 0.146 (slate-react, slate-history, React 18) page (tests/fixtures/editors/slate.html).
import { editorSuite } from './editor-suite';

// slate-react renders the accepted edit a task later than the other editors; accept.ts waits for it.
editorSuite({
  editor: 'slate',
});

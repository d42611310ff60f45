// The extension on a real React 18 controlled textarea page (LinkedIn invitation-note look,
// tests/fixtures/editors/textarea.html). React's state must equal the field's value after each step.
import { editorSuite } from './editor-suite';

editorSuite({
  editor: 'textarea',
});

// Popup entry: mounts the toolbar popup.
import { render } from 'preact';
import '@/lib/ui/theme.css';
import './style.css';
import { Popup } from './Popup';

render(<Popup />, document.getElementById('app')!);

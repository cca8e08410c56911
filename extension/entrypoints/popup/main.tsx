import { render } from 'preact';
import '../../ui/theme.css';
import '../../supervisor/supervisor.css';
import { PopupApp } from '../../popup/PopupApp.tsx';
import { localizeDocument } from '../../ui/localize-document.ts';

localizeDocument();
render(<PopupApp />, document.getElementById('app')!);

import { render } from 'preact';
import '../../ui/theme.css';
import { SidebarApp } from '../../sidebar/SidebarApp.tsx';
import { localizeDocument } from '../../ui/localize-document.ts';

localizeDocument();
render(<SidebarApp />, document.getElementById('app')!);

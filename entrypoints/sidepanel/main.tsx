import { SidePanel } from '../../components/SidePanel';
import { mount } from '../../components/mount';

mount(SidePanel, 'sidepanelTitle');

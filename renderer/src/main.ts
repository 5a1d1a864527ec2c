import { mount } from 'svelte';
import App from './App.svelte';
import { KioskSession } from './state/kiosk-session.svelte';
import { chooseTransport } from './transport/choose-transport';
import './styles/tokens.css';
import './styles/global.css';

const session = new KioskSession(chooseTransport());
mount(App, { target: document.getElementById('app')!, props: { session } });

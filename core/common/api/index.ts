export * from './intents';
export * from './view';
export * from './branding';
export * from './kiosk-api';

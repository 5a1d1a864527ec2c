export * from './intents';
export * from './view';
export * from './kiosk-api';

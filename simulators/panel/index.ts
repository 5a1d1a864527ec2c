export {
  startSimulatorPanel,
  type SimulatorPanel,
  type SimulatorPanelOptions,
} from './panel-server';

/**
 * How a controls output reaches its kernel: provided under the outputs of a cell the reader ran
 * in this kernel, absent under recorded outputs (those show their values as static text).
 */
import { createContext, useContext } from 'react';
import type { ControlValue } from '../../kernel/protocol';

export interface ControlsChannel {
  change(controlsId: string, values: ControlValue[]): void;
  stop(): void;
}

export const ControlsChannelContext = createContext<ControlsChannel | null>(null);

export function useControlsChannel(): ControlsChannel | null {
  return useContext(ControlsChannelContext);
}

import type { PluginSet } from '../plugins/api';
import type { Mapped } from './map';
export declare function mapLegacyJson(file: string, text: string, _registry: PluginSet): Mapped;

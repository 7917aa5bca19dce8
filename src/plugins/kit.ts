/**
 * What bake hands to a plugin from outside (a module's default export may be a function
 * of it): the schema builders its descriptor needs and the helpers its steps use, so a
 * plugin depends on nothing but bake itself.
 */
import { shQuote } from '../communicators/communicator';
import { BuildError } from '../engine/context';
import { CancelledError, sleep } from '../engine/steps';
import { opt, parseDuration, req, s } from '../spec/schema';
import pkg from '../../package.json';

export const kit = {
  /** The bake version loading the plugin. */
  version: pkg.version,
  s,
  opt,
  req,
  parseDuration,
  BuildError,
  CancelledError,
  sleep,
  shQuote,
};

export type PluginKit = typeof kit;

/**
 * Looking inside a model: circuit tracing into per-layer reachable sets, set scores, trace statistics and linear reachability probes.
 */
package dev.lookahead.interp;

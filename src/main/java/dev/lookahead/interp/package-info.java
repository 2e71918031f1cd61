/**
 * Looking inside a model: circuit tracing into per-layer reachable sets, set scores, trace statistics and linear reachability probes.
 * May import {@code io}, {@code stats}, {@code search} and {@code model} (RoomsTest keeps it so).
 */
package dev.lookahead.interp;
